"""Small dialogs of the branch settings page: a Party group, a committee seat; and a new branch
(an organization department's database holds several)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStyle,
)

from dualleader_desktop.domain.committee import term_end
from dualleader_desktop.domain.enums import CommitteeRole
from dualleader_desktop.services.branch import BranchInfo, BranchService, CommitteeSeat, GroupRecord
from dualleader_desktop.services.errors import RecordValidationError, ServiceError
from dualleader_desktop.ui.messages import show_error
from dualleader_desktop.ui.widgets.field_errors import ERROR_STYLE

# a name field shows at least this many characters (党小组 names run to 第一党小组（…教研室）)
NAME_FIELD_CHARS = 14
# QLineEdit's own margin either side of its text (QLineEditPrivate::horizontalMargin), and
# room for the cursor
LINE_EDIT_MARGIN = 2
CURSOR_ROOM = 6


def fit_text(edit: QLineEdit, chars: int = NAME_FIELD_CHARS) -> None:
    """At least as wide as its placeholder, its text and ``chars`` Chinese characters."""
    metrics = edit.fontMetrics()
    frame = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit)
    margins = edit.textMargins()
    text = max(
        metrics.horizontalAdvance(edit.placeholderText()),
        metrics.horizontalAdvance(edit.text()),
        metrics.horizontalAdvance("中" * chars),
    )
    extra = 2 * (frame + LINE_EDIT_MARGIN) + margins.left() + margins.right() + CURSOR_ROOM
    edit.setMinimumWidth(text + extra)


def fit_choices(combo: QComboBox) -> None:
    """As wide as its longest choice (Qt's own size hint counts them all)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    combo.setMinimumWidth(combo.sizeHint().width())


def _date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class _FormDialog(QDialog):
    saved = Signal()

    def __init__(self, title: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        # combos as wide as the line edits beside them (the style's default grows edits only)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        """Error line and buttons under the fields; every field wide enough for its
        placeholder and its choices, so the dialog opens wide enough to show them whole."""
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)
        for edit in self.findChildren(QLineEdit):
            if edit.parent() is self:  # not the line edit inside a QDateEdit
                fit_text(edit)
        for combo in self.findChildren(QComboBox):
            if combo.parent() is self:
                fit_choices(combo)

    def run_save(self, fn) -> None:
        try:
            fn()
        except RecordValidationError as exc:
            self.error.setText("；".join(exc.errors.values()))
            self.error.show()
            return
        except ServiceError as exc:
            show_error(self, "未能保存", str(exc))
            return
        self.saved.emit()
        self.accept()

    def save(self) -> None:
        raise NotImplementedError


class NewBranchDialog(_FormDialog):
    """Adds a branch to the database; ``created_id`` is its id once saved. The rest of its
    details (成立日期, 工作室) are filled on its 支部设置 page, as for the first branch."""

    def __init__(self, service: BranchService, parent=None) -> None:
        super().__init__("新建支部", parent)
        self.service, self.created_id = service, None
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("如：信息工程学院教师党支部")
        self.parent_edit = QLineEdit()
        self.parent_edit.setPlaceholderText("如：中共某学院信息工程学院总支部委员会")
        self.form.addRow(
            QLabel("数据库中将多一个支部，窗口上方出现“支部”下拉框，用来切换要查看和记录的支部。")
        )
        self.form.itemAt(0).widget().setWordWrap(True)
        self.form.addRow("支部名称", self.name_edit)
        self.form.addRow("上级党组织", self.parent_edit)
        self.finish_layout()
        self.setMinimumWidth(460)

    def save(self) -> None:
        def create() -> None:
            info = BranchInfo(self.name_edit.text(), parent_org=self.parent_edit.text())
            self.created_id = self.service.create_branch(info)

        self.run_save(create)


class GroupDialog(_FormDialog):
    def __init__(
        self,
        service: BranchService,
        members: dict[int, str],
        group: GroupRecord | None = None,
        parent=None,
    ) -> None:
        super().__init__("编辑党小组" if group else "新增党小组", parent)
        self.service, self.group = service, group
        self.name_edit = QLineEdit(group.name if group else "")
        self.name_edit.setPlaceholderText("如：第一党小组")
        self.leader_combo = QComboBox()
        self.leader_combo.addItem("（暂不设组长）", None)
        for member_id, name in sorted(members.items(), key=lambda item: item[1]):
            self.leader_combo.addItem(name, member_id)
        if group and group.leader_id:
            self.leader_combo.setCurrentIndex(max(0, self.leader_combo.findData(group.leader_id)))
        self.form.addRow("名称(&N)", self.name_edit)
        self.form.addRow("组长(&L)", self.leader_combo)
        self.finish_layout()

    def save(self) -> None:
        self.run_save(
            lambda: self.service.save_group(
                self.name_edit.text(),
                self.leader_combo.currentData(),
                self.group.id if self.group else None,
            )
        )


class SeatDialog(_FormDialog):
    """A committee seat; a new term's end is proposed by the term rule (domain/committee.py:
    the day before the third anniversary) until the user sets it."""

    def __init__(
        self,
        service: BranchService,
        full_members: dict[int, str],
        seat: CommitteeSeat | None = None,
        parent=None,
    ) -> None:
        super().__init__("编辑支委" if seat else "新增支委", parent)
        self.service, self.seat = service, seat
        self.member_combo = QComboBox()
        for member_id, name in sorted(full_members.items(), key=lambda item: item[1]):
            self.member_combo.addItem(name, member_id)
        self.role_combo = QComboBox()
        for role in CommitteeRole:
            self.role_combo.addItem(role.label, role.value)
        self.title_edit = QLineEdit(seat.role_title if seat else "")
        self.title_edit.setPlaceholderText("仅“委员”需要时填写，如：青年委员")
        start = seat.term_start if seat else date.today()
        self.start_edit = _date_edit(start)
        self.end_edit = _date_edit(seat.term_end if seat else term_end(start))
        if seat:
            self.member_combo.setCurrentIndex(max(0, self.member_combo.findData(seat.member_id)))
            self.role_combo.setCurrentIndex(self.role_combo.findData(seat.role.value))
        else:
            self.start_edit.dateChanged.connect(self._propose_end)
        self.form.addRow("委员(&M)", self.member_combo)
        self.form.addRow("职务(&R)", self.role_combo)
        self.form.addRow("职务名称", self.title_edit)
        self.form.addRow("任期开始", self.start_edit)
        self.form.addRow("任期结束", self.end_edit)
        self.finish_layout()

    def _propose_end(self, start: QDate) -> None:
        end = term_end(start.toPython())
        self.end_edit.setDate(QDate(end.year, end.month, end.day))

    def save(self) -> None:
        if self.member_combo.currentData() is None:
            self.error.setText("请先在党员档案中录入正式党员，再登记支委。")
            self.error.show()
            return
        self.run_save(
            lambda: self.service.save_seat(
                self.member_combo.currentData(),
                CommitteeRole(self.role_combo.currentData()),
                self.start_edit.date().toPython(),
                self.end_edit.date().toPython(),
                role_title=self.title_edit.text(),
                seat_id=self.seat.id if self.seat else None,
            )
        )
