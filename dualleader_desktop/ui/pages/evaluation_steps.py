"""The steps of the 民主评议 page (学习动员 … 上报归档): each step's date and, for a step held
at a meeting, the meeting of that year that held it, or a new one made from here; with them the
evaluation's 备注 and, above the grid, its 优秀 share.

A step linked to a meeting takes the meeting's date. The 民主测评 meeting also gives the
ballots cast (who attended it) and the day whose roll says who is evaluated.

The steps' box folds away under its header (评议步骤, Alt+J) into one line of the steps'
dates, so that a short window leaves the grid its rows: folded while the page is short until
the user opens or folds it, after which the choice is remembered.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from dualleader_desktop.domain.enums import MemberStatus
from dualleader_desktop.domain.evaluation import EvaluationDraft, Step, share_label
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.services.evaluations import EvaluationService
from dualleader_desktop.ui.forms.ui_evaluation_page import Ui_EvaluationPage
from dualleader_desktop.ui.pages.evaluation_exports import SETTINGS
from dualleader_desktop.ui.widgets.date_field import DateField
from dualleader_desktop.ui.widgets.field_errors import INVALID_STYLE

NO_MEETING = "（不关联会议）"
NO_RECORD = "（无记录，请新建）"
NEW_MEETING_THEMES = {
    Step.MOBILIZE: "{year}年度民主评议党员动员部署",
    Step.POLL: "{year}年度组织生活会暨民主评议党员",
    Step.PROPOSE: "研究提出{year}年度民主评议党员等次建议",
    Step.DECIDE: "表决{year}年度民主评议党员结果",
}
READ_ONLY_DATE = "日期取自所选会议；要改日期，请修改会议记录或改选“不关联会议”"
OPEN_KEY = f"{SETTINGS}/stepsOpen"  # the user's choice: the steps' box open (true) or folded
# a page shorter than this (a window under about 720 px) folds the steps' box until the user
# chooses: open, it would leave the grid fewer than about 8 rows
SHORT_PAGE = 640
# the steps as the folded box's line names them
SHORT_NAMES = {Step.PROPOSE: "支委会", Step.DECIDE: "党员大会", Step.FILE: "归档"}
# the 优秀 shares offered (a record's other share is added to them)
SHARES = (Fraction(1, 3), Fraction(3, 10), Fraction(1, 4), Fraction(1, 5), Fraction(3, 20))


def share_text(share: Fraction) -> str:
    """A share as a secretary writes it: 1/3, 1/4 as fractions, 3/10 as 30%."""
    percent = share * 100
    if share.numerator != 1 and percent.denominator == 1:
        return f"{percent}%"
    return share_label(share)


def steps_line(draft: EvaluationDraft, wrong: set[Step]) -> str:
    """The steps in one line, as the folded box shows them: each step's day (its year when
    not the evaluation's), the kind of meeting that held it, 未填 or, for a date typed wrong
    (``wrong``), 有误."""

    def day(on: date) -> str:
        return f"{on:%m-%d}" if on.year == draft.year else f"{on:%Y-%m-%d}"

    parts = []
    for step in Step:
        entry = draft.step(step)
        name = SHORT_NAMES.get(step, step.label)
        if step in wrong:
            parts.append(f"{name} 有误")
            continue
        when = day(entry.on) if entry.on else "未填"
        if entry.until:  # the notice's last day
            when += f"至{day(entry.until)}"
        kinds = [
            kind.label for kind in step.meeting_kinds if f" {kind.label}：" in entry.meeting_label
        ]
        if entry.meeting_id is not None and kinds:
            when += f"（{kinds[0]}）"
        parts.append(f"{name} {when}")
    return " · ".join(parts)


class StepsPanel(QObject):
    """``changed``: a step, its meeting, the ballots cast, the notes or the share was edited;
    ``poll_moved``: the
    测评 day changed, so who is evaluated is to be read again; ``cast_changed``: the ballots
    cast changed; ``meeting_saved``: a meeting made with 新建… was saved (and linked)."""

    changed = Signal()
    poll_moved = Signal()
    cast_changed = Signal()
    meeting_saved = Signal()

    def __init__(
        self,
        ui: Ui_EvaluationPage,
        evaluations: EvaluationService,
        page: QWidget,
        *,
        meetings,
        members,
        branch,
    ) -> None:
        super().__init__(page)
        self.ui, self.evaluations, self.page = ui, evaluations, page
        self.meetings, self.members, self.branch = meetings, members, branch
        self.meeting_editor = None
        self.draft = EvaluationDraft(0)
        self.present_at_poll: int | None = None
        self.dates: dict[Step, DateField] = {
            Step.MOBILIZE: ui.mobilizeDate,
            Step.SELF_REVIEW: ui.selfReviewDate,
            Step.POLL: ui.pollDate,
            Step.PROPOSE: ui.proposeDate,
            Step.DECIDE: ui.decideDate,
            Step.NOTICE: ui.noticeDate,
            Step.FILE: ui.fileDate,
        }
        self.combos = {
            Step.MOBILIZE: ui.mobilizeMeeting,
            Step.POLL: ui.pollMeeting,
            Step.PROPOSE: ui.proposeMeeting,
            Step.DECIDE: ui.decideMeeting,
        }
        buttons = {
            Step.MOBILIZE: ui.mobilizeNew,
            Step.POLL: ui.pollNew,
            Step.PROPOSE: ui.proposeNew,
            Step.DECIDE: ui.decideNew,
        }
        for step, field in (*self.dates.items(), (Step.NOTICE, ui.noticeUntil)):
            field.label = "公示结束日期" if field is ui.noticeUntil else f"{step.label}日期"
            field.allow_month_only = False
            field.edited.connect(lambda s=step, f=field: self._date_edited(s, f))
            field.committed.connect(lambda f=field: self._date_committed(f))
        ui.pollDate.committed.connect(self._poll_date_committed)
        for step, combo in self.combos.items():
            combo.activated.connect(lambda _index, s=step: self.choose_meeting(s))
        for step, button in buttons.items():
            kinds = step.meeting_kinds
            if len(kinds) == 1:
                button.clicked.connect(lambda _=False, s=step, k=kinds[0]: self.new_meeting(s, k))
                continue
            menu = QMenu(button)
            for kind in kinds:
                menu.addAction(f"新建{kind.label}…", lambda s=step, k=kind: self.new_meeting(s, k))
            button.setMenu(menu)
        ui.ballotsCastSpin.valueChanged.connect(self._cast_edited)
        ui.notesEdit.textEdited.connect(self._notes_edited)
        ui.shareCombo.activated.connect(self._share_chosen)
        self._rolled_on: date | None = None
        ui.stepsToggle.clicked.connect(self._open_chosen)
        self.changed.connect(self._show_line)
        ui.stepsSummary.installEventFilter(self)
        page.installEventFilter(self)
        # as wide folded as open: opening the box never widens the window
        ui.stepsBox.setMinimumWidth(ui.stepsBody.minimumSizeHint().width())
        settings = QSettings()
        self.chosen = settings.contains(OPEN_KEY)  # else the page's height decides
        self._show_open(self.chosen and settings.value(OPEN_KEY, True, type=bool))

    # ---- the box open or folded ----------------------------------------------------------
    def _show_open(self, open_: bool) -> None:
        ui = self.ui
        ui.stepsToggle.setChecked(open_)
        focus = QApplication.focusWidget()
        if not open_ and focus is not None and ui.stepsBody.isAncestorOf(focus):
            ui.stepsToggle.setFocus()
        ui.stepsBody.setVisible(open_)
        ui.stepsToggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self._show_line()

    def _open_chosen(self, open_: bool) -> None:
        """The user opened or folded the box: so it stays, on every page to come."""
        self.chosen = True
        QSettings().setValue(OPEN_KEY, open_)
        self._show_open(open_)

    def _show_line(self) -> None:
        """The folded box's line, elided to its width (all of it in the tooltip); nothing
        while the box is open."""
        label = self.ui.stepsSummary
        wrong = {step for step, field in self.dates.items() if field.error()}
        if self.ui.noticeUntil.error():
            wrong.add(Step.NOTICE)
        text = "" if self.ui.stepsToggle.isChecked() else steps_line(self.draft, wrong)
        label.setToolTip(text)
        label.setText(
            label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, max(label.width(), 1))
        )

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            if watched is self.page and not self.chosen:
                open_ = event.size().height() >= SHORT_PAGE
                if open_ != self.ui.stepsToggle.isChecked():
                    self._show_open(open_)
            elif watched is self.ui.stepsSummary:
                self._show_line()
        return False

    # ---- showing a draft -----------------------------------------------------------------
    def show(self, draft: EvaluationDraft) -> None:
        self.draft = draft
        # those present at the 测评 meeting as its minutes say now, for the ballots-cast rule
        # on every keystroke without asking the database each time
        self.present_at_poll = self.evaluations.present_at_poll(draft)
        for step, field in self.dates.items():
            field.set_value(draft.step(step).on)
            field.setStyleSheet("")
        self.ui.noticeUntil.set_value(draft.step(Step.NOTICE).until)
        self.ui.noticeUntil.setStyleSheet("")
        for step in self.combos:
            self._fill(step)
        self.ui.ballotsCastSpin.blockSignals(True)
        self.ui.ballotsCastSpin.setValue(draft.ballots_cast)
        self.ui.ballotsCastSpin.blockSignals(False)
        self.ui.notesEdit.setText(draft.notes)
        self.ui.notesEdit.setCursorPosition(0)
        self._fill_shares()
        self._rolled_on = draft.step(Step.POLL).on
        self._cast_state()
        self._show_line()

    def _fill_shares(self) -> None:
        combo = self.ui.shareCombo
        combo.clear()
        share = self.draft.excellent_share
        for offered in sorted({*SHARES, share}, reverse=True):
            combo.addItem(share_text(offered), str(offered))
        combo.setCurrentIndex(combo.findData(str(share)))

    def _fill(self, step: Step) -> None:
        """The year's meetings that can hold ``step``, the linked one chosen."""
        combo = self.combos[step]
        entry = self.draft.step(step)
        meetings = self.evaluations.meetings_for(self.draft.year, step)
        combo.blockSignals(True)
        combo.clear()
        kinds = "或".join(kind.label for kind in step.meeting_kinds)
        if meetings:
            combo.addItem(NO_MEETING, None)
            combo.setToolTip(f"选择举行“{step.label}”的{kinds}；日期取自所选会议")
        else:
            combo.addItem(NO_RECORD, None)
            combo.setToolTip(f"{self.draft.year}年还没有{kinds}记录：点右边的“新建…”记录这次会议")
        for meeting_id, label in meetings:
            combo.addItem(label, meeting_id)
        if entry.meeting_id is not None and combo.findData(entry.meeting_id) < 0:
            combo.addItem(entry.meeting_label or "（所选会议已不在本年度）", entry.meeting_id)
        combo.setCurrentIndex(0 if entry.meeting_id is None else combo.findData(entry.meeting_id))
        combo.blockSignals(False)
        self._date_state(step)

    def _date_state(self, step: Step) -> None:
        linked = self.draft.step(step).meeting_id is not None
        field = self.dates[step]
        field.setReadOnly(linked)
        field.setToolTip(READ_ONLY_DATE if linked else "")

    def _cast_state(self) -> None:
        linked = self.draft.step(Step.POLL).meeting_id is not None
        self.ui.ballotsCastSpin.setReadOnly(linked)
        self.ui.ballotsCastHint.setText(
            "取自测评会议的实到人数" if linked else "未关联测评会议：请填写交回测评票的人数"
        )

    # ---- what the user does --------------------------------------------------------------
    def choose_meeting(self, step: Step) -> None:
        """Link ``step`` to the meeting chosen in its combo (or to none): its date is the
        meeting's; for the 测评 the ballots cast are those present."""
        combo = self.combos[step]
        meeting_id = combo.currentData()
        entry = self.draft.step(step)
        entry.meeting_id = meeting_id
        entry.meeting_label = combo.currentText() if meeting_id is not None else ""
        if meeting_id is not None:
            on, present = self.evaluations.poll_meeting(meeting_id)
            entry.on = on
            self.dates[step].set_value(on)
            self.dates[step].setStyleSheet("")
            if step == Step.POLL:
                self.ui.ballotsCastSpin.setValue(present)
        if step == Step.POLL:
            self.present_at_poll = present if meeting_id is not None else None
        self._date_state(step)
        if step == Step.POLL:
            self._cast_state()
            self._poll_date_committed()
        self.changed.emit()

    def new_meeting(self, step: Step, kind: MeetingKind):
        """Open the meeting editor on a new meeting of ``kind`` for ``step`` (its date, a
        theme to start from); once saved it is listed and linked to the step."""
        from dualleader_desktop.ui.dialogs.meeting_editor import MeetingEditor

        names = {m.id: m.name for m in self.members.list_members(status=MemberStatus.ACTIVE)}
        editor = MeetingEditor(
            self.meetings,
            member_names=names,
            groups=[(g.id, g.name) for g in self.branch.list_groups()],
            kind=kind,
            on=self.draft.step(step).on or min(date.today(), date(self.draft.year, 12, 31)),
            theme=NEW_MEETING_THEMES[step].format(year=self.draft.year),
            parent=self.page,
        )
        editor.saved.connect(lambda meeting_id: self._meeting_created(step, meeting_id))
        self.meeting_editor = editor
        editor.open()
        return editor

    def _meeting_created(self, step: Step, meeting_id: int) -> None:
        self.draft.step(step).meeting_id = meeting_id
        self._fill(step)
        self.choose_meeting(step)
        self.meeting_saved.emit()

    def _date_edited(self, step: Step, field: DateField) -> None:
        entry = self.draft.step(step)
        if field is self.ui.noticeUntil:
            entry.until = field.date_or_none()
        else:
            entry.on = field.date_or_none()
        self.changed.emit()

    def _date_committed(self, field: DateField) -> None:
        error = field.error()
        field.setStyleSheet(INVALID_STYLE if error else "")
        field.setToolTip(error)

    def _poll_date_committed(self) -> None:
        on = self.draft.step(Step.POLL).on
        if on is not None and on != self._rolled_on:
            self._rolled_on = on
            self.poll_moved.emit()

    def _notes_edited(self, text: str) -> None:
        self.draft.notes = text
        self.changed.emit()

    def _share_chosen(self) -> None:
        self.draft.excellent_share = Fraction(self.ui.shareCombo.currentData())
        self.changed.emit()

    def _cast_edited(self, value: int) -> None:
        self.draft.ballots_cast = value
        self.cast_changed.emit()
        self.changed.emit()

    def date_errors(self) -> list[str]:
        """What is wrong with the dates typed (each field says its own)."""
        fields = (*self.dates.values(), self.ui.noticeUntil)
        return [error for error in (field.error() for field in fields) if error]
