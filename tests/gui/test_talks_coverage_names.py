"""The talks page's coverage list breaks its lines between names, never inside one."""

from datetime import date

from dualleader_desktop.domain.enums import CommitteeRole
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.talks import TalkService
from dualleader_desktop.ui.pages.talks_page import TalksPage
from tests.conftest import TODAY, make_draft

NAMES = ["肖永明", "欧阳文博", "吕文博", "王家豪", "司马晓燕", "陈静", "诸葛明远", "张敏"]


def shown_lines(browser) -> list[str]:
    """Each line of the coverage as laid out on screen."""
    lines, block = [], browser.document().begin()
    while block.isValid():
        layout = block.layout()
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            text = block.text()[line.textStart() : line.textStart() + line.textLength()]
            lines.append(text.replace("\u2060", ""))  # the word joiners that hold names together
        block = block.next()
    return lines


def test_no_name_is_cut_at_the_end_of_a_line(qtbot, db):
    members = MemberService(db)
    ids = [
        members.add(make_draft(n, sequence=10 + 2 * i), today=TODAY).id for i, n in enumerate(NAMES)
    ]
    BranchService(db).save_seat(
        ids[-1], CommitteeRole.SECRETARY, date(2024, 1, 1), date(2027, 1, 1)
    )
    page = TalksPage(TalkService(db), members)
    qtbot.addWidget(page)
    page.coverage.setFixedWidth(130)  # a few names a line: the list wraps several times
    page.show()
    qtbot.waitExposed(page)
    lines = shown_lines(page.coverage)
    names_lines = [text for text in lines if any(n in text for n in NAMES[:-1])]
    assert len(names_lines) >= 3  # it did wrap
    pieces = [p.strip() for text in names_lines for p in text.split("、") if p.strip()]
    assert sorted(pieces) == sorted(NAMES[:-1])  # every piece on a line is a whole name
