"""双带头人满意度测评: the yearly survey of the branch secretary, the second tab of the 民主评议
page. The counts per item are typed in the table or come from answer sheets typed one by one
(keys 1/2/3 or M/J/B); both rates are shown, and the survey says which one is its result."""

from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from dualleader_desktop.domain.satisfaction import (
    ANSWERS,
    Headline,
    SurveyDraft,
    overall,
    percent,
    survey_problems,
)
from dualleader_desktop.services.errors import (
    RecordValidationError,
    ServiceError,
    StaleRecordError,
)
from dualleader_desktop.services.surveys import SurveyService
from dualleader_desktop.ui.dialogs.ballot_entry import BallotEntryDialog
from dualleader_desktop.ui.dialogs.record_editor import commit_open_editors
from dualleader_desktop.ui.forms.ui_satisfaction_tab import Ui_SatisfactionTab
from dualleader_desktop.ui.messages import show_error
from dualleader_desktop.ui.models.survey_model import COL_NAME, SurveyItemsModel
from dualleader_desktop.ui.pages.evaluation_grid import CountDelegate
from dualleader_desktop.ui.widgets.field_errors import ERROR_STYLE

ANSWER_LETTERS = ("M", "J", "B")  # 满意, 基本满意, 不满意
STALE_QUESTION = (
    "这一年的满意度测评在您打开之后已被另一个窗口或程序修改并保存，本页的修改不能覆盖它。\n"
    "要放弃本页的修改、读取最新保存的内容吗？选“取消”可以先把本页的修改记下来。"
)


def refusal(errors: dict[str, str]) -> str:
    """What a refused save says: each problem on its line, and what to do."""
    return "请先改正以下问题，再保存：\n" + "\n".join(f"• {e}" for e in errors.values())


class SatisfactionTab(QWidget):
    """``changed``: the user edited the survey (the page shows it unsaved)."""

    changed = Signal()

    def __init__(
        self, surveys: SurveyService, confirm: Callable[[str, str], bool], parent=None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SatisfactionTab()
        self.ui.setupUi(self)
        self.surveys = surveys
        self.record = None
        self.dirty = False
        self.sheet_dialog: BallotEntryDialog | None = None
        self.confirm = confirm  # asks the user a yes/no question (the page's)
        self.model = SurveyItemsModel(self)
        self.draft = SurveyDraft(0)
        ui = self.ui
        for headline in Headline:
            ui.headlineCombo.addItem(headline.label, headline)
        ui.surveyDate.label = "测评日期"
        ui.surveyDate.allow_month_only = False
        ui.problemsLabel.setStyleSheet(ERROR_STYLE)
        view = ui.itemsView
        view.setModel(self.model)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(26)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        width = view.fontMetrics().horizontalAdvance("加权满意度") + 28
        for column in range(1, self.model.columnCount()):
            view.setColumnWidth(column, width)
        self.count_delegate = CountDelegate(view)
        for column in range(1, 4):
            view.setItemDelegateForColumn(column, self.count_delegate)
        ui.secretaryEdit.textEdited.connect(self._secretary_edited)
        ui.surveyDate.edited.connect(self._date_edited)
        ui.respondentsSpin.valueChanged.connect(self._respondents_changed)
        ui.headlineCombo.currentIndexChanged.connect(self._headline_changed)
        ui.addItemButton.clicked.connect(self.add_item)
        ui.removeItemButton.clicked.connect(self.remove_item)
        ui.sheetEntryButton.clicked.connect(self.enter_sheets)
        ui.clearSheetsButton.clicked.connect(self.clear_sheets)
        self.model.edited.connect(self._edited)

    # ---- loading ---------------------------------------------------------------------------
    def load(self, year: int) -> None:
        """The survey of ``year``: the saved one, or a new one to fill."""
        self.record = self.surveys.find(year)
        self._show(self.record.draft if self.record else self.surveys.new_draft(year))

    def _show(self, draft: SurveyDraft) -> None:
        ui = self.ui
        self.draft = draft
        for widget in (ui.secretaryEdit, ui.respondentsSpin, ui.headlineCombo):
            widget.blockSignals(True)
        ui.secretaryEdit.setText(draft.secretary_name)
        ui.surveyDate.set_value(draft.survey_date)
        ui.respondentsSpin.setValue(draft.respondents)
        ui.headlineCombo.setCurrentIndex(ui.headlineCombo.findData(draft.headline))
        for widget in (ui.secretaryEdit, ui.respondentsSpin, ui.headlineCombo):
            widget.blockSignals(False)
        self.model.set_draft(draft)
        self.dirty = False
        self._update()

    # ---- editing ---------------------------------------------------------------------------
    def _secretary_edited(self, text: str) -> None:
        self.draft.secretary_name = text.strip()
        self.draft.secretary_id = None  # a name typed is nobody on the roll
        self._edited()

    def _date_edited(self) -> None:
        self.draft.survey_date = self.ui.surveyDate.date_or_none()
        self._edited()

    def _respondents_changed(self, value: int) -> None:
        self.draft.respondents = value
        self._edited()

    def _headline_changed(self) -> None:
        self.draft.headline = Headline(self.ui.headlineCombo.currentData())
        self._edited()

    def add_item(self) -> None:
        row = self.model.add_item()
        index = self.model.index(row, COL_NAME)
        self.ui.itemsView.setCurrentIndex(index)
        self.ui.itemsView.edit(index)

    def remove_item(self) -> None:
        self.model.remove_item(self.ui.itemsView.currentIndex().row())

    def _edited(self) -> None:
        self.dirty = True
        self._update()
        self.changed.emit()

    def _update(self) -> None:
        ui = self.ui
        draft = self.draft
        both = overall(draft.items)
        chosen = both.headline(draft.headline)
        ui.overallLabel.setText(
            f"全部项目合计：满意率 {percent(both.simple)}，加权满意度 {percent(both.weighted)}；"
            f"测评结果以{draft.headline.label}为准：<b>{percent(chosen)}</b>"
        )
        problems = survey_problems(draft)
        if ui.surveyDate.error():
            problems["survey_date"] = ui.surveyDate.error()
        ui.problemsLabel.setText("\n".join(f"• {p}" for p in problems.values()))
        ui.problemsLabel.setVisible(bool(problems))
        sheets = len(draft.papers)
        ui.sheetsLabel.setText(f"已逐张录入 {sheets} 张：票数由测评表统计" if sheets else "")
        ui.clearSheetsButton.setVisible(bool(sheets))

    # ---- answer sheets one by one --------------------------------------------------------
    def enter_sheets(self) -> BallotEntryDialog:
        commit_open_editors(self.ui.itemsView)
        dialog = BallotEntryDialog(
            [(position, item.name) for position, item in enumerate(self.draft.items)],
            ANSWERS,
            ANSWER_LETTERS,
            self.draft.papers,
            title="逐张录入满意度测评表",
            row_header="测评项目",
            cast=self.draft.respondents or None,
            parent=self,
        )
        dialog.accepted.connect(lambda: self._sheets_entered(dialog.papers()))
        self.sheet_dialog = dialog
        dialog.open()
        return dialog

    def _sheets_entered(self, papers: list[dict]) -> None:
        self.draft.papers = papers
        if not self.draft.respondents:
            self.ui.respondentsSpin.setValue(len(papers))  # the sheets handed in
        self.model.recount()
        self._edited()

    def clear_sheets(self) -> None:
        if not self.confirm(
            "清除测评表",
            f"将删除逐张录入的 {len(self.draft.papers)} 张测评表，票数保留为现在的统计结果，"
            "之后可以直接修改。确定吗？",
        ):
            return
        self.draft.papers = []
        self.model.recount()
        self._edited()

    # ---- saving --------------------------------------------------------------------------
    def save(self) -> bool:
        """Save the survey; what refuses it is said in Chinese. True when saved."""
        commit_open_editors(self.ui.itemsView)
        error = self.ui.surveyDate.error()
        if error:
            show_error(self, "未能保存", error)
            return False
        record = self.record
        try:
            saved = self.surveys.save(
                copy.deepcopy(self.draft),
                survey_id=record.id if record else None,
                expected_version=record.version if record else 0,
            )
        except StaleRecordError:
            if self.confirm("满意度测评已在别处修改", STALE_QUESTION):
                self.load(self.draft.year)
            return False
        except RecordValidationError as exc:
            self._update()
            show_error(self, "未能保存满意度测评", refusal(exc.errors))
            return False
        except ServiceError as exc:
            show_error(self, "未能保存满意度测评", str(exc))
            return False
        self.record = saved
        self._show(saved.draft)
        return True
