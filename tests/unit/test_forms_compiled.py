"""Every Designer form has an up-to-date compiled ui_*.py (generated, never hand-edited)."""

import pytest

from dualleader_desktop.ui.forms.build import FORMS_DIR, compile_form, target_for

FORMS = sorted(FORMS_DIR.glob("*.ui"))


def _body(text: str) -> list[str]:
    # the header names the uic version; the code below it is what must match
    return [
        line for line in text.splitlines() if "Created by: Qt User Interface Compiler" not in line
    ]


def test_there_are_forms():
    assert FORMS


@pytest.mark.parametrize("ui_file", FORMS, ids=lambda p: p.name)
def test_compiled_form_is_current(ui_file):
    target = target_for(ui_file)
    assert target.exists(), (
        f"{target.name} is missing: run python -m dualleader_desktop.ui.forms.build"
    )
    assert _body(target.read_text(encoding="utf-8")) == _body(compile_form(ui_file)), (
        f"{target.name} is older than {ui_file.name}: run python -m dualleader_desktop.ui.forms.build"
    )
