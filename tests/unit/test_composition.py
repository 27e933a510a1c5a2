"""Services are built in one place (services/composition.py) and never build each other."""

import re
from pathlib import Path

import dualleader_desktop
from dualleader_desktop.services.composition import BranchServices

PACKAGE = Path(dualleader_desktop.__file__).parent
BUILDS_A_SERVICE = re.compile(r"\b[A-Z]\w*Service\(")


def test_one_branchs_services_share_their_collaborators(db):
    services = BranchServices(db)
    archive, roster = services.archive, services.roster
    assert archive is services.archive  # built once
    assert archive.meetings is services.meetings and archive.talks is services.talks
    assert archive.members is services.members is roster.members
    assert archive.branch is services.branch is roster.branch
    other = BranchServices(db, 7)
    assert other.archive.branch_id == other.meetings.branch_id == 7


def builders_of_services(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.glob("*.py")):
        if path.name == "composition.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#")[0]
            if BUILDS_A_SERVICE.search(code) and not code.lstrip().startswith("class "):
                found.append(f"{path.name}:{number}: {line.strip()}")
    return found


def test_no_service_builds_another():
    assert builders_of_services(PACKAGE / "services") == []


def test_the_check_finds_a_service_built_inside_another(tmp_path):
    (tmp_path / "talks.py").write_text(
        "class TalkService(BranchScoped):\n"
        "    def coverage(self):\n"
        "        seats = BranchService(self.db, self.branch_id).list_committee()\n",
        encoding="utf-8",
    )
    (tmp_path / "composition.py").write_text("x = TalkService(db)\n", encoding="utf-8")
    assert builders_of_services(tmp_path) == [
        "talks.py:3: seats = BranchService(self.db, self.branch_id).list_committee()"
    ]
