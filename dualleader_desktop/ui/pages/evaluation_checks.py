"""Beside the 民主评议 grid: what the rules say of the draft, and the member chosen.

The checks list shows the problems (red: saving is refused until they are put right), the
warnings not yet explained (amber: 说明理由… keeps a reason with the record) and those
explained (grey, with their reason). Below it, the chosen member's self-evaluation, the reason
for the grade and what follows (限期改正 … and by when).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QInputDialog, QListWidgetItem

from dualleader_desktop.domain.evaluation import EvaluationLine, FollowUp, Review
from dualleader_desktop.ui.forms.ui_evaluation_page import Ui_EvaluationPage
from dualleader_desktop.ui.widgets.field_errors import ERROR_COLOR

WARNING_COLOR, EXPLAINED_COLOR = "#8a5300", "#777777"
ROLE = Qt.ItemDataRole.UserRole  # (what: "problem"/"warning"/"explained", key, member id)
NO_FOLLOW_UP = "（无）"


def member_of(key: str) -> int | None:
    """The member a problem's key names ("line:12"), if any."""
    kind, _, rest = key.partition(":")
    return int(rest) if kind == "line" and rest.isdigit() else None


class ChecksPanel(QObject):
    """``explained(key, reason)``: the user gave (or, empty, withdrew) a warning's reason;
    ``member_chosen(member_id)``: a check naming a member was clicked."""

    explained = Signal(str, str)
    member_chosen = Signal(int)

    def __init__(self, ui: Ui_EvaluationPage, parent) -> None:
        super().__init__(parent)
        self.ui = ui
        self.dialog: QInputDialog | None = None
        self._warnings: dict[str, str] = {}  # key -> message, of the warnings listed
        self._reasons: dict[str, str] = {}
        ui.warningsList.currentItemChanged.connect(self._current_changed)
        ui.warningsList.itemActivated.connect(lambda _item: self.explain())
        ui.explainButton.clicked.connect(self.explain)
        self._current_changed()

    def show(self, review: Review, problems: dict[str, str]) -> None:
        """List ``problems`` (the review's and any the page adds) and the review's warnings,
        keeping the check chosen where it is still listed."""
        view = self.ui.warningsList
        chosen = view.currentItem().data(ROLE)[1] if view.currentItem() else None
        view.blockSignals(True)
        view.clear()
        for key, message in problems.items():
            self._add("problem", key, f"✖ {message}", ERROR_COLOR, member_of(key))
        for warning in review.open_warnings:
            self._add(
                "warning", warning.key, f"⚠ {warning.message}", WARNING_COLOR, warning.member_id
            )
        for warning in review.warnings:
            if warning.key in review.explained:
                text = f"✓ {warning.message}\n    已说明理由：{review.explained[warning.key]}"
                self._add("explained", warning.key, text, EXPLAINED_COLOR, warning.member_id)
        if not view.count():
            self._add("none", "", "没有发现问题", EXPLAINED_COLOR, None)
        self._warnings = {w.key: w.message for w in review.warnings}
        self._reasons = dict(review.explained)
        for row in range(view.count()):
            if view.item(row).data(ROLE)[1] == chosen:
                view.setCurrentRow(row)
        view.blockSignals(False)
        self._current_changed()
        open_count = len(review.open_warnings)
        self.ui.checksLabel.setText(
            f"问题 {len(problems)} 个，待说明 {open_count} 个"
            if problems or open_count
            else "检查结果"
        )

    def _add(self, what: str, key: str, text: str, color: str, member_id: int | None) -> None:
        item = QListWidgetItem(text)
        item.setForeground(QColor(color))
        item.setData(ROLE, (what, key, member_id))
        self.ui.warningsList.addItem(item)

    def _current_changed(self, *_args) -> None:
        item = self.ui.warningsList.currentItem()
        what, _key, member_id = item.data(ROLE) if item else ("none", "", None)
        self.ui.explainButton.setEnabled(what in ("warning", "explained"))
        self.ui.explainButton.setText("修改理由…(&R)" if what == "explained" else "说明理由…(&R)")
        if member_id is not None:
            self.member_chosen.emit(member_id)

    def explain(self) -> QInputDialog | None:
        """Ask why the chosen warning stands; the answer is kept with the record."""
        item = self.ui.warningsList.currentItem()
        if item is None or item.data(ROLE)[0] not in ("warning", "explained"):
            return None
        key = item.data(ROLE)[1]
        dialog = QInputDialog(self.ui.warningsList.window())
        dialog.setWindowTitle("说明理由")
        dialog.setLabelText(
            f"{self._warnings[key]}\n\n请写明为何仍按此办理（随记录保存，不印在文书上）；"
            "清空则撤回说明："
        )
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.setTextValue(self._reasons.get(key, ""))
        dialog.setOkButtonText("确定")
        dialog.setCancelButtonText("取消")
        dialog.textValueSelected.connect(lambda text: self.explained.emit(key, text.strip()))
        self.dialog = dialog
        dialog.open()
        return dialog


class MemberPanel(QObject):
    """The chosen member's self-evaluation, reason and follow-up, edited in the line itself;
    ``edited(member_id)`` after each change."""

    edited = Signal(int)

    def __init__(self, ui: Ui_EvaluationPage, parent) -> None:
        super().__init__(parent)
        self.ui = ui
        self.line: EvaluationLine | None = None
        ui.followUpCombo.addItem(NO_FOLLOW_UP, None)
        for follow_up in FollowUp:
            ui.followUpCombo.addItem(follow_up.label, follow_up)
        ui.followUpDate.label = "整改期限"
        ui.followUpDate.allow_month_only = False
        ui.memberSelfReviewEdit.textChanged.connect(self._self_review_edited)
        ui.memberReasonEdit.textChanged.connect(self._reason_edited)
        ui.followUpCombo.activated.connect(self._follow_up_edited)
        ui.followUpDate.edited.connect(self._follow_up_date_edited)
        self.show(None)

    def show(self, line: EvaluationLine | None) -> None:
        ui = self.ui
        self.line = line
        widgets = (ui.memberSelfReviewEdit, ui.memberReasonEdit, ui.followUpCombo, ui.followUpDate)
        for widget in widgets:
            widget.blockSignals(True)
        ui.memberBox.setEnabled(line is not None)
        ui.memberBox.setTitle(f"所选党员：{line.name}" if line else "所选党员（在表中点选）")
        ui.memberSelfReviewEdit.setPlainText(line.self_review if line else "")
        self.show_reason()
        follow_up = line.follow_up if line else None
        ui.followUpCombo.setCurrentIndex(
            0 if follow_up is None else ui.followUpCombo.findData(follow_up)
        )
        ui.followUpDate.set_value(line.follow_up_date if line else None)
        for widget in widgets:
            widget.blockSignals(False)

    def show_reason(self) -> None:
        """The reason again, as the grid changed it (the cursor is kept when unchanged)."""
        text = self.line.reason if self.line else ""
        if self.ui.memberReasonEdit.toPlainText() != text:
            self.ui.memberReasonEdit.blockSignals(True)
            self.ui.memberReasonEdit.setPlainText(text)
            self.ui.memberReasonEdit.blockSignals(False)

    def _self_review_edited(self) -> None:
        if self.line is not None:
            self.line.self_review = self.ui.memberSelfReviewEdit.toPlainText()
            self.edited.emit(self.line.member_id)

    def _reason_edited(self) -> None:
        if self.line is not None:
            self.line.reason = self.ui.memberReasonEdit.toPlainText()
            self.edited.emit(self.line.member_id)

    def _follow_up_edited(self) -> None:
        if self.line is not None:
            value = self.ui.followUpCombo.currentData()
            self.line.follow_up = None if value is None else FollowUp(value)
            self.edited.emit(self.line.member_id)

    def _follow_up_date_edited(self) -> None:
        if self.line is not None:
            self.line.follow_up_date = self.ui.followUpDate.date_or_none()
            self.edited.emit(self.line.member_id)
