"""The 党小组 and 支委 dialogs open wide enough to show their placeholders and their choices
whole (they opened 200 px wide, 「仅“委员”需要…」 cut off)."""

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyle

from dualleader_desktop.domain.committee import term_end
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.ui.dialogs.branch_dialogs import NewBranchDialog
from dualleader_desktop.ui.pages.branch_page import BranchPage
from tests.conftest import TODAY, make_draft

# room a combo needs beside its text: the arrow, frame and margins (generous for any style)
COMBO_CHROME = 36


@pytest.fixture
def page(qtbot, db):
    members = MemberService(db)
    for n, name in enumerate(["王伟", "欧阳晓明"]):
        members.add(make_draft(name, sequence=11 + 2 * n), today=TODAY)
    page = BranchPage(BranchService(db), members)
    qtbot.addWidget(page)
    return page


def text_room(edit: QLineEdit) -> int:
    """Pixels a line edit has for its text: its width less frame and Qt's 2 px margins."""
    frame = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit)
    margins = edit.textMargins()
    return edit.width() - 2 * (frame + 2) - margins.left() - margins.right()


def assert_shows_its_texts(dialog, *, choices: bool = True) -> None:
    edits = [e for e in dialog.findChildren(QLineEdit) if e.parent() is dialog]
    assert edits
    for edit in edits:
        needed = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
        assert text_room(edit) >= needed, edit.placeholderText()
    if not choices:
        return
    combos = [c for c in dialog.findChildren(QComboBox) if c.parent() is dialog]
    assert combos
    for combo in combos:
        longest = max(
            combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count())
        )
        assert combo.width() >= longest + COMBO_CHROME, combo.itemText(0)


@pytest.mark.parametrize("opener", ["add_group", "add_seat"])
def test_the_dialog_opens_wide_enough_for_its_placeholders_and_choices(qtbot, page, opener):
    dialog = getattr(page, opener)()
    qtbot.waitExposed(dialog)
    assert_shows_its_texts(dialog)
    assert dialog.width() > 200


def test_the_seat_placeholder_does_not_fit_the_old_200_px(qtbot, page):
    """The measure above fails on the dialog as it opened before."""
    dialog = page.add_seat()
    qtbot.waitExposed(dialog)
    dialog.setMinimumWidth(0)
    dialog.title_edit.setMinimumWidth(0)
    dialog.resize(200, dialog.height())
    qtbot.waitUntil(lambda: dialog.width() == 200)
    assert text_room(dialog.title_edit) < dialog.title_edit.fontMetrics().horizontalAdvance(
        dialog.title_edit.placeholderText()
    )


def test_the_new_branch_dialog_keeps_its_width(qtbot, db):
    dialog = NewBranchDialog(BranchService(db))
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert dialog.minimumWidth() == 460 and dialog.width() >= 460
    assert_shows_its_texts(dialog, choices=False)  # it has no combo


def test_a_new_seat_proposes_the_term_rules_end(qtbot, page):
    dialog = page.add_seat()
    qtbot.waitExposed(dialog)
    start = dialog.start_edit.date().toPython()
    assert dialog.end_edit.date().toPython() == term_end(start)
    dialog.start_edit.setDate(QDate(2024, 6, 15))
    assert dialog.end_edit.date() == QDate(2027, 6, 14)  # DOMAIN.md's example
    dialog.start_edit.setDate(QDate(2024, 1, 1))
    assert dialog.end_edit.date() == QDate(2026, 12, 31)
