"""The 民主评议 page: a year's 民主评议党员 (its steps, the member grid, the rules' verdict) and,
on a second tab, the 双带头人 satisfaction survey of the secretary.

The page edits one draft of the year in place and saves it with 保存 (Ctrl+S) through the
service; the rules are domain/evaluation.py's, run on every edit (a problem refuses the save,
a warning stays until explained). Leaving the year or the window with unsaved changes asks
first. Documents and the Excel sheet are made off the GUI thread. A search hit opens here
(``show_year``): its year, on the tab of its record, the member whose line holds the words.
"""

from __future__ import annotations

import copy
from datetime import date

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from dualleader_desktop.domain.evaluation import (
    GRADES,
    EvaluationDraft,
    Step,
    excellent_cap,
    review,
    tally,
)
from dualleader_desktop.services.errors import RecordValidationError, StaleRecordError
from dualleader_desktop.storage import search_index
from dualleader_desktop.ui.dialogs.ballot_entry import BallotEntryDialog
from dualleader_desktop.ui.dialogs.record_editor import commit_open_editors
from dualleader_desktop.ui.forms.ui_evaluation_page import Ui_EvaluationPage
from dualleader_desktop.ui.messages import show_error
from dualleader_desktop.ui.models.evaluation_model import EvaluationModel
from dualleader_desktop.ui.pages.evaluation_checks import ChecksPanel, MemberPanel
from dualleader_desktop.ui.pages.evaluation_exports import (
    EVALUATION_DOCUMENTS,
    SETTINGS,
    SURVEY_DOCUMENTS,
    YearDocuments,
)
from dualleader_desktop.ui.pages.evaluation_papers import GridFilling
from dualleader_desktop.ui.pages.evaluation_steps import StepsPanel, share_text
from dualleader_desktop.ui.pages.satisfaction_tab import SatisfactionTab, refusal
from dualleader_desktop.ui.widgets.field_errors import ERROR_COLOR
from dualleader_desktop.ui.workers import run_task

STALE_QUESTION = (
    "这一年的民主评议在您打开之后已被另一个窗口或程序修改并保存，本页的修改不能覆盖它。\n"
    "要放弃本页的修改、读取最新保存的内容吗？选“取消”可以先把本页的修改记下来。"
)


def save_evaluation(service, draft: EvaluationDraft, evaluation_id: int | None, version: int):
    """Run on a worker thread: the saved record, or the refusal to say on the GUI thread
    (a stale copy, the rules' problems); any other failure is the task's."""
    try:
        return service.save(draft, evaluation_id=evaluation_id, expected_version=version)
    except (StaleRecordError, RecordValidationError) as exc:
        return exc


class EvaluationPage(YearDocuments, GridFilling, QWidget):
    """``records_changed``: a record other pages list was saved (a meeting made here, the
    evaluation); ``saved``: the evaluation was saved."""

    records_changed = Signal()
    saved = Signal()

    def __init__(
        self, evaluations, surveys, meetings, members, branch, *, archive=None, parent=None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_EvaluationPage()
        self.ui.setupUi(self)
        self.evaluations, self.meetings = evaluations, meetings
        self.members, self.branch, self.archive = members, branch, archive
        self.record = None
        self.draft = EvaluationDraft(0)
        self.dirty = False
        self.year = 0
        self.save_task = None
        self._grid_had_focus = False
        self.ballot_dialog: BallotEntryDialog | None = None
        self.init_documents()
        ui = self.ui
        self.model = EvaluationModel(self)
        ui.gridView.setModel(self.model)
        self.steps = StepsPanel(
            ui, evaluations, self, meetings=meetings, members=members, branch=branch
        )
        self.checks = ChecksPanel(ui, self)
        self.member_panel = MemberPanel(ui, evaluations, self)
        self.survey_tab = SatisfactionTab(surveys, lambda title, text: self.confirm(title, text))
        ui.tabs.addTab(self.survey_tab, "双带头人满意度测评")
        ui.distributionLabel.setTextFormat(Qt.TextFormat.RichText)
        ui.statusLabel.setTextFormat(Qt.TextFormat.RichText)
        self._menus()
        self._connect()
        self._restore()
        self._fill_years()
        self.load(ui.yearCombo.currentData())

    # ---- set-up --------------------------------------------------------------------------
    def _menus(self) -> None:
        ui = self.ui
        documents = QMenu(ui.documentsButton)
        for text, kind in EVALUATION_DOCUMENTS:
            documents.addAction(f"{text}…", lambda k=kind: self.export_document(k))
        documents.addSeparator()
        for text, kind in SURVEY_DOCUMENTS:
            documents.addAction(f"{text}…", lambda k=kind: self.export_document(k))
        ui.documentsButton.setMenu(documents)
        fill = QMenu(ui.fillButton)
        fill.addAction("按测评票数最多的等次填入“支委会建议”", self.fill_proposed)
        fill.addAction("按“支委会建议”填入“最终等次”", self.fill_final)
        ui.fillButton.setMenu(fill)

    def _connect(self) -> None:
        ui = self.ui
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        ui.saveButton.clicked.connect(self.save)
        ui.yearCombo.activated.connect(self._year_chosen)
        ui.tabs.currentChanged.connect(self._show_status)
        ui.ballotEntryButton.clicked.connect(self.enter_ballots)
        ui.clearPapersButton.clicked.connect(self.clear_papers)
        ui.exportSheetButton.clicked.connect(self.export_sheet)
        ui.importSheetButton.clicked.connect(self.import_sheet)
        ui.gridView.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.edited.connect(self._grid_edited)
        self.model.modelReset.connect(lambda: self._row_changed(ui.gridView.currentIndex()))
        self.steps.changed.connect(self._edited)
        self.steps.cast_changed.connect(self.model.recount)
        self.steps.poll_moved.connect(self._reroll)
        self.steps.meeting_saved.connect(self.records_changed)
        self.checks.explained.connect(self._explained)
        self.checks.member_chosen.connect(self._select_member)
        self.member_panel.edited.connect(self._member_edited)
        self.survey_tab.changed.connect(self._show_status)

    def _fill_years(self, *more: int) -> None:
        """This year, last year (evaluated early in this one), those with a record."""
        this_year = date.today().year
        years = {this_year, this_year - 1, *more, *self.evaluations.years()}
        combo = self.ui.yearCombo
        combo.blockSignals(True)
        combo.clear()
        for year in sorted(years, reverse=True):
            combo.addItem(f"{year}年", year)
        combo.setCurrentIndex(combo.findData(self.year or this_year))
        combo.blockSignals(False)

    # ---- loading ---------------------------------------------------------------------------
    def load(self, year: int) -> None:
        """Show ``year``'s evaluation and survey: the saved ones, or new ones to fill."""
        self.year = year
        if self.ui.yearCombo.findData(year) < 0:
            self._fill_years(year)
        self.ui.yearCombo.setCurrentIndex(self.ui.yearCombo.findData(year))
        self.record = self.evaluations.find(year)
        self._show(self.record.draft if self.record else self.evaluations.new_draft(year))
        self.survey_tab.load(year)
        self._show_status()

    def show_year(self, year: int, *, survey: bool = False, words: str = "") -> bool:
        """Show ``year`` (asking first when unsaved changes of another year would go): its
        survey's tab, or its evaluation's with the first member whose line (name, reason,
        自评) holds ``words`` chosen, as the search names them. False when the user stays
        with the unsaved year."""
        if year != self.year:
            if not self.may_leave():
                return False
            self.load(year)
        self.ui.tabs.setCurrentWidget(self.survey_tab if survey else self.ui.evaluationTab)
        terms = search_index.terms(words)
        for line in self.draft.lines if terms and not survey else ():
            text = search_index.fold(f"{line.name}：{line.reason}\n{line.self_review}")
            if all(term in text for term in terms):
                self._select_member(line.member_id)
                break
        return True

    def _show(self, draft: EvaluationDraft) -> None:
        self.draft = draft
        self.member_panel.draft = draft
        self.steps.show(draft)
        self.model.set_draft(draft)
        self.ui.gridView.fit_columns()
        self.dirty = False
        self._checks()
        self._show_status()

    def _year_chosen(self) -> None:
        year = self.ui.yearCombo.currentData()
        if year == self.year:
            return
        if not self.may_leave():
            self.ui.yearCombo.setCurrentIndex(self.ui.yearCombo.findData(self.year))
            return
        self.load(year)

    def may_leave(self) -> bool:
        """True when nothing unsaved would be lost, or the user agrees to lose it."""
        unsaved = [
            name
            for name, dirty in (("民主评议", self.dirty), ("满意度测评", self.survey_tab.dirty))
            if dirty
        ]
        if not unsaved:
            return True
        return self.confirm(
            "放弃修改？",
            f"{self.year}年的{'和'.join(unsaved)}有尚未保存的修改，离开后将丢失。确定放弃吗？",
        )

    def confirm(self, title: str, text: str) -> bool:
        """Ask the user; replaced in tests (a modal question would block them)."""
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    # ---- reacting to edits ---------------------------------------------------------------
    def _edited(self) -> None:
        self.dirty = True
        self._checks()
        self._show_status()

    def _grid_edited(self) -> None:
        self.member_panel.show_reason()
        self._edited()

    def _member_edited(self, member_id: int) -> None:
        self.model.line_changed(member_id)

    def _row_changed(self, current, _previous=None) -> None:
        row = current.row() if current.isValid() else -1
        self.member_panel.show(self.model.line_at(row) if row >= 0 else None)

    def _select_member(self, member_id: int) -> None:
        row = self.model.row_of(member_id)
        if row >= 0:
            view = self.ui.gridView
            column = max(0, view.currentIndex().column())
            view.setCurrentIndex(self.model.index(row, column))
            view.scrollTo(view.currentIndex())

    def _reroll(self) -> None:
        """The 测评 day changed: those on the roll that day are evaluated (what was entered
        for each member still there stays)."""
        on = self.draft.step(Step.POLL).on
        self.draft.lines = self.evaluations.with_roll(self.draft, on).lines
        self.model.set_draft(self.draft)
        self.ui.gridView.fit_columns()

    def _explained(self, key: str, reason: str) -> None:
        if reason:
            self.draft.overrides[key] = reason
        else:
            self.draft.overrides.pop(key, None)
        self._edited()

    def _checks(self) -> None:
        """The rules' verdict beside the grid, on its rows, and the distribution below it."""
        verdict = review(self.draft, self.steps.present_at_poll)
        problems = dict(verdict.problems)
        problems.update({f"date:{n}": e for n, e in enumerate(self.steps.date_errors())})
        marks = {}
        for warning in verdict.open_warnings:
            if warning.member_id is not None:
                marks[warning.member_id] = ("warning", warning.message)
        for key, message in problems.items():
            if key.startswith("line:"):
                marks[int(key[5:])] = ("problem", message)
        self.model.set_marks(marks)
        self.checks.show(verdict, problems)
        self._show_distribution()
        ui = self.ui
        papers = len(self.draft.papers)
        ui.papersLabel.setText(f"已逐张录入 {papers} 张选票" if papers else "")
        ui.clearPapersButton.setVisible(bool(papers))

    def _show_distribution(self) -> None:
        result = tally(self.draft)
        lines = self.draft.lines
        probationary = sum(line.probationary for line in lines)
        grades = "，".join(f"{g.label} {result.distribution[g]} 人" for g in GRADES)
        undecided = len(lines) - sum(result.distribution.values())
        excellent = result.distribution[GRADES[0]]
        cap = excellent_cap(len(lines), self.draft.excellent_share)
        cap_text = f"优秀最多 {cap} 人（参评人数的 {share_text(self.draft.excellent_share)}）"
        if excellent > cap:
            cap_text = f"<span style='color:{ERROR_COLOR}'><b>{cap_text}</b></span>"
        self.ui.distributionLabel.setText(
            f"参评 {len(lines)} 人"
            + (f"（其中预备党员 {probationary} 人）" if probationary else "")
            + f"；等次：{grades}"
            + (f"，未定 {undecided} 人" if undecided else "")
            + f"；{cap_text}"
        )

    def _show_status(self) -> None:
        on_survey = self.ui.tabs.currentWidget() is self.survey_tab
        saved, dirty = (
            (self.survey_tab.record, self.survey_tab.dirty)
            if on_survey
            else (self.record, self.dirty)
        )
        what = "满意度测评" if on_survey else "民主评议"
        if dirty:
            text = f"<span style='color:{ERROR_COLOR}'>有尚未保存的修改（Ctrl+S 保存）</span>"
        elif saved is None:
            text = f"本年度的{what}还没有记录：填写后保存"
        else:
            text = f"已保存（第 {saved.version} 版）"
        self.ui.statusLabel.setText(text)
        self.ui.exportSheetButton.setEnabled(not on_survey)
        self.ui.importSheetButton.setEnabled(not on_survey)

    # ---- saving --------------------------------------------------------------------------
    def save(self) -> bool:
        """Save what the tab shown holds: the survey at once, the evaluation (up to some 200
        lines and their change log) off the GUI thread, ``saved`` telling when it is done.
        False when refused before it starts (what to put right is said)."""
        if self.ui.tabs.currentWidget() is self.survey_tab:
            saved = self.survey_tab.save()
            self._show_status()
            return saved
        if self.save_task is not None:
            return False
        commit_open_editors(self.ui.gridView)
        problems = {f"date:{n}": e for n, e in enumerate(self.steps.date_errors())}
        problems.update(review(self.draft, self.steps.present_at_poll).problems)
        if problems:
            show_error(self, "未能保存民主评议", refusal(problems))
            return False
        record = self.record
        focus = QApplication.focusWidget()
        grid = self.ui.gridView
        self._grid_had_focus = focus is not None and (focus is grid or grid.isAncestorOf(focus))
        self.setEnabled(False)
        self.save_task = run_task(
            save_evaluation,
            self.evaluations,
            copy.deepcopy(self.draft),
            record.id if record else None,
            record.version if record else 0,
        )
        self.save_task.signals.finished.connect(self._save_done)
        self.save_task.signals.failed.connect(self._save_failed)
        return True

    def _save_done(self, result) -> None:
        self._save_ended()
        if isinstance(result, StaleRecordError):
            if self.confirm("民主评议已在别处修改", STALE_QUESTION):
                self.load(self.year)
            return
        if isinstance(result, RecordValidationError):
            self._checks()
            show_error(self, "未能保存民主评议", refusal(result.errors))
            return
        self.record = result
        self._keep_place(lambda: self._show(result.draft))
        self.records_changed.emit()
        self.saved.emit()

    def _save_failed(self, message: str) -> None:
        self._save_ended()
        show_error(self, "未能保存民主评议", message)

    def _save_ended(self) -> None:
        self.save_task = None
        self.setEnabled(True)
        if self._grid_had_focus:
            self.ui.gridView.setFocus()

    def _keep_place(self, reload) -> None:
        """Reload, the same member and column chosen afterwards."""
        current = self.ui.gridView.currentIndex()
        member_id = self.model.line_at(current.row()).member_id if current.isValid() else None
        reload()
        if member_id is not None and (row := self.model.row_of(member_id)) >= 0:
            self.ui.gridView.setCurrentIndex(self.model.index(row, current.column()))

    # ---- remembered layout ---------------------------------------------------------------
    def _restore(self) -> None:
        state = QSettings().value(f"{SETTINGS}/gridSplitter")
        if isinstance(state, QByteArray):
            self.ui.gridSplitter.restoreState(state)
        else:
            self.ui.gridSplitter.setSizes([920, 240])

    def hideEvent(self, event) -> None:
        QSettings().setValue(f"{SETTINGS}/gridSplitter", self.ui.gridSplitter.saveState())
        super().hideEvent(event)
