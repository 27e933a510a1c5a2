"""Typing ballot papers one at a time, by keyboard: the fast way through a pile of papers.

One paper is shown at a time, its rows (the members evaluated, or a survey's items) listed
down the table. A key marks the current row and moves down: 1–4 (or the first letter of the
pinyin: Y 优秀, H 合格, J 基本合格, B 不合格; for a survey 1–3 or M/J/B); Space or 0 leaves
it blank; Backspace takes back the last mark; Enter or N starts the next paper; PgUp/PgDn
leaf through the papers typed. 完成 hands back the papers (``papers()``); the caller counts
them with the domain's ``count_papers``.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QMessageBox

from dualleader_desktop.domain.enums import LabeledEnum
from dualleader_desktop.ui.forms.ui_ballot_entry import Ui_BallotEntry
from dualleader_desktop.ui.models.ballot_model import COL_CHOICE, COL_NAME, PaperModel
from dualleader_desktop.ui.widgets.field_errors import ERROR_COLOR

NEXT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_N)
BLANK_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_0)


class BallotEntryDialog(QDialog):
    """``letters`` name each choice's letter key, in the order of ``choices`` (whose digit
    keys are 1, 2, …). ``cast``: how many papers were handed in, to compare with."""

    def __init__(
        self,
        rows: Sequence[tuple[Hashable, str]],
        choices: Sequence[LabeledEnum],
        letters: Sequence[str],
        papers: Sequence[dict],
        *,
        title: str,
        row_header: str = "姓名",
        cast: int | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_BallotEntry()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.cast = cast
        self.changed = False
        self._typed_at_end = False
        self.model = PaperModel(rows, choices, papers, row_header=row_header, parent=self)
        self._keys = {str(n): c for n, c in enumerate(self.model.choices, start=1)}
        self._keys.update(dict(zip(letters, self.model.choices, strict=True)))
        keys = "、".join(
            f"{n} 或 {letter} {choice.label}"
            for n, (letter, choice) in enumerate(zip(letters, self.model.choices, strict=True), 1)
        )
        self.ui.hintLabel.setText(
            f"按键填当前一行并下移：{keys}；空格或 0 留空。Backspace 撤回上一格；"
            "Enter 或 N 录下一张；PgUp / PgDn 翻看已录的各张。"
        )
        view = self.ui.paperView
        view.setModel(self.model)
        view.verticalHeader().setDefaultSectionSize(26)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(view.fontMetrics().horizontalAdvance("基本合格") + 24)
        view.installEventFilter(self)
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("完成")
        ok.setAutoDefault(False)
        cancel = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("取消")
        cancel.setAutoDefault(False)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.previousButton.clicked.connect(lambda: self.show_paper(self.model.current - 1))
        self.ui.nextButton.clicked.connect(self.next_paper)
        self.ui.removeButton.clicked.connect(self.remove_paper)
        self.show_paper(self.model.current)

    def papers(self) -> list[dict]:
        """Every paper with at least one mark, in the order typed."""
        return self.model.filled()

    # ---- keys ----------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if watched is self.ui.paperView and event.type() == QEvent.Type.KeyPress:
            return self._key(event)
        return super().eventFilter(watched, event)

    def _key(self, event) -> bool:
        modifiers = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if modifiers:
            return False
        key, text = event.key(), event.text().upper()
        row = self._row()
        # the last row keeps the cursor on it: a key typed there is taken back from there
        typed_at_end, self._typed_at_end = self._typed_at_end, False
        if text in self._keys or key in BLANK_KEYS:
            self._mark(row, self._keys.get(text))
            self._move(row + 1)
            self._typed_at_end = row == self.model.rowCount() - 1
        elif key == Qt.Key.Key_Backspace:
            if row > 0 and not typed_at_end:  # as in text: the mark before the cursor goes
                row -= 1
                self._move(row)
            self._mark(row, None)
        elif key == Qt.Key.Key_Delete:
            self._mark(row, None)
        elif key in NEXT_KEYS:
            self.next_paper()
        elif key == Qt.Key.Key_PageDown:
            self.show_paper(min(self.model.current + 1, len(self.model.papers) - 1))
        elif key == Qt.Key.Key_PageUp:
            self.show_paper(self.model.current - 1)
        else:
            self._typed_at_end = typed_at_end
            return False
        return True

    def _row(self) -> int:
        return max(0, self.ui.paperView.currentIndex().row())

    def _move(self, row: int) -> None:
        row = max(0, min(row, self.model.rowCount() - 1))
        self.ui.paperView.setCurrentIndex(self.model.index(row, COL_CHOICE))

    def _mark(self, row: int, choice) -> None:
        if self.model.rowCount() == 0:
            return
        if self.model.paper().get(self.model.keys[row]) != choice:
            self.changed = True
        self.model.mark(row, choice)
        self._update_labels()

    # ---- papers --------------------------------------------------------------------------
    def next_paper(self) -> None:
        """The next paper; past the last, a new blank one (not a second blank one)."""
        last = self.model.current == len(self.model.papers) - 1
        if last and not self.model.paper():
            self.ui.progressLabel.setText("本张还没有填写：先按键填写，再录下一张")
            return
        self.show_paper(self.model.current + 1)

    def show_paper(self, number: int) -> None:
        self.model.show_paper(number)
        view = self.ui.paperView
        view.setFocus()
        self._move(0)
        view.scrollTo(view.currentIndex(), QAbstractItemView.ScrollHint.PositionAtTop)
        self._update_labels()

    def remove_paper(self) -> None:
        if self.model.paper():
            self.changed = True
        self.model.remove_paper()
        self.show_paper(self.model.current)

    def _update_labels(self) -> None:
        model = self.model
        self.ui.counterLabel.setText(f"第 {model.current + 1} 张 / 共 {len(model.papers)} 张")
        filled = len(model.filled())
        text = f"本张已填 {len(model.paper())} / {model.rowCount()}；已录入 {filled} 张"
        over = self.cast is not None and filled > self.cast
        if self.cast is not None:
            text += f"，投票人数 {self.cast} 人"
        if over:
            text += "：录入的张数多于投票人数，请核对"
        self.ui.progressLabel.setText(text)
        self.ui.progressLabel.setStyleSheet(f"color: {ERROR_COLOR};" if over else "")
        self.ui.previousButton.setEnabled(model.current > 0)

    # ---- closing -------------------------------------------------------------------------
    def reject(self) -> None:
        if self.changed and not self.confirm_discard():
            return
        super().reject()

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            "放弃录入？",
            "本次录入或修改的选票尚未交回，关闭后将丢失。确定放弃吗？",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard
