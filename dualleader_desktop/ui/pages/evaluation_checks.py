"""Beside the 民主评议 grid: what the rules say of the draft, and the member chosen.

The checks list shows the problems (red: saving is refused until they are put right), the
warnings not yet explained (amber: 说明理由… keeps a reason with the record) and those
explained (grey, with their reason). Below it, the chosen member's self-evaluation (typed, or
the file handed in: one of the evaluation's attachments, named in the member's line), the
reason for the grade and what follows (限期改正 … and by when).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QInputDialog, QListWidgetItem

from dualleader_desktop.domain.evaluation import EvaluationDraft, EvaluationLine, FollowUp, Review
from dualleader_desktop.services.attachments import check_source
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.ui import system_open
from dualleader_desktop.ui.forms.ui_evaluation_page import Ui_EvaluationPage
from dualleader_desktop.ui.messages import show_error
from dualleader_desktop.ui.widgets.field_errors import ERROR_COLOR

WARNING_COLOR, EXPLAINED_COLOR = "#8a5300", "#777777"
ROLE = Qt.ItemDataRole.UserRole  # (what: "problem"/"warning"/"explained", key, member id)
NO_FOLLOW_UP = "（无）"
NO_FILE = "未附"
NO_FILE_HINT = "该党员交来个人总结的电子稿或扫描件时，点“附加…”附上"
FILE_FILTER = (
    "个人总结材料 (*.doc *.docx *.wps *.pdf *.jpg *.jpeg *.png *.tif *.tiff);;所有文件 (*)"
)


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
    """The chosen member's self-evaluation (text and file), reason and follow-up, edited in
    the line (and the draft's files) itself; ``edited(member_id)`` after each change."""

    edited = Signal(int)

    def __init__(self, ui: Ui_EvaluationPage, evaluations, parent) -> None:
        super().__init__(parent)
        self.ui = ui
        self.evaluations = evaluations
        self.draft = EvaluationDraft(0)
        self.line: EvaluationLine | None = None
        self._file_text = ""
        ui.followUpCombo.addItem(NO_FOLLOW_UP, None)
        for follow_up in FollowUp:
            ui.followUpCombo.addItem(follow_up.label, follow_up)
        ui.followUpDate.label = "整改期限"
        ui.followUpDate.allow_month_only = False
        ui.memberSelfReviewEdit.textChanged.connect(self._self_review_edited)
        ui.memberReasonEdit.textChanged.connect(self._reason_edited)
        ui.followUpCombo.activated.connect(self._follow_up_edited)
        ui.followUpDate.edited.connect(self._follow_up_date_edited)
        ui.attachFileButton.clicked.connect(self.attach_file)
        ui.openFileButton.clicked.connect(self.open_file)
        ui.removeFileButton.clicked.connect(self.remove_file)
        ui.selfReviewFileName.installEventFilter(self)  # the name elided to its width
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
        self._show_file()

    def show_reason(self) -> None:
        """The reason again, as the grid changed it (the cursor is kept when unchanged)."""
        text = self.line.reason if self.line else ""
        if self.ui.memberReasonEdit.toPlainText() != text:
            self.ui.memberReasonEdit.blockSignals(True)
            self.ui.memberReasonEdit.setPlainText(text)
            self.ui.memberReasonEdit.blockSignals(False)

    # ---- the file handed in --------------------------------------------------------------
    def attach_file(self) -> None:
        """Attach the file the member handed in (it replaces one attached before); it is
        stored with the evaluation when the page is saved."""
        line = self.line
        if line is None:
            return
        name = QFileDialog.getOpenFileName(
            self.ui.memberBox.window(), f"附加{line.name}的个人总结材料", "", FILE_FILTER
        )[0]
        if not name:
            return
        path = Path(name)
        try:
            check_source(path)
        except ServiceError as exc:
            self._error("未能附加材料", str(exc))
            return
        if clash := self._name_used(path.name, line):
            self._error(
                "未能附加材料",
                f"{clash}已附有名为“{path.name}”的文件，同名的文件无法区分。"
                f"请先把文件改名（例如在文件名前加上“{line.name}”）再附加。",
            )
            return
        self._drop_file(line)
        self.draft.new_files.append(path)
        line.self_review_file = path.name
        self._file_changed()

    def remove_file(self) -> None:
        """The member's file is no longer attached (once the page is saved)."""
        if self.line is not None and self.line.self_review_file:
            self._drop_file(self.line)
            self._file_changed()

    def open_file(self) -> None:
        """Open the member's file: one attached since the last save where it is, a stored one
        through the attachment store (an encrypted database's from a private decrypted copy)."""
        name = self.line.self_review_file if self.line else ""
        if not name:
            return
        path = next((p for p in self.draft.new_files if p.name == name), None)
        stored = next((a for a in self.draft.attachments if a.file_name == name), None)
        try:
            if path is None and stored is not None:
                path = self.evaluations.attachments.plain_copy(stored)
        except ServiceError as exc:
            self._error("无法打开材料", str(exc))
            return
        if path is None:
            self._error("无法打开材料", f"找不到所附的“{name}”：请点“附加…”重新附上这份材料。")
        elif not system_open.open_path(path):
            self._error("无法打开材料", f"本机没有可以打开“{name}”的程序。文件在：\n{path}")

    def _name_used(self, name: str, line: EvaluationLine) -> str:
        """Who else in the evaluation has a file called ``name`` ("" when nobody)."""
        for other in self.draft.lines:
            if other is not line and other.self_review_file == name:
                return other.name
        in_use = any(a.file_name == name for a in self.draft.attachments) or any(
            p.name == name for p in self.draft.new_files
        )
        return "本年度的民主评议" if in_use and line.self_review_file != name else ""

    def _drop_file(self, line: EvaluationLine) -> None:
        name = line.self_review_file
        self.draft.new_files = [p for p in self.draft.new_files if p.name != name]
        self.draft.attachments = [a for a in self.draft.attachments if a.file_name != name]
        line.self_review_file = ""

    def _file_changed(self) -> None:
        self._show_file()
        self.edited.emit(self.line.member_id)

    def _show_file(self) -> None:
        ui = self.ui
        name = self.line.self_review_file if self.line else ""
        self._file_text = name or NO_FILE
        ui.selfReviewFileName.setToolTip(name or NO_FILE_HINT)
        ui.selfReviewFileName.setStyleSheet("" if name else "color: #777;")
        self._elide()
        ui.attachFileButton.setText("更换…" if name else "附加…")
        ui.openFileButton.setEnabled(bool(name))
        ui.removeFileButton.setEnabled(bool(name))

    def _elide(self) -> None:
        label = self.ui.selfReviewFileName
        label.setText(
            label.fontMetrics().elidedText(
                self._file_text, Qt.TextElideMode.ElideMiddle, max(label.width(), 1)
            )
        )

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._elide()
        return False

    def _error(self, title: str, text: str) -> None:
        show_error(self.ui.memberBox.window(), title, text)

    # ---- the texts and the follow-up -----------------------------------------------------
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
