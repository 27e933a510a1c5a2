"""检查规则: the meeting-frequency rules the 工作台 checks the branch's year against, edited as a
table; saved all at once, refused with the reason (the same rule twice, none at all) and kept
open, or put back to DOMAIN.md's defaults."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView

from dualleader_desktop.domain.meeting_rules import MEETING_RULES, FrequencyRule, Period
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.services.compliance import ComplianceService
from dualleader_desktop.ui.dialogs.table_editor import TableEditorDialog
from dualleader_desktop.ui.models.compliance_models import RulesModel


class RulesDialog(TableEditorDialog):
    WHAT = "规则"
    FIRST_COLUMN = RulesModel.COL_KIND

    def __init__(self, compliance: ComplianceService, parent=None) -> None:
        super().__init__(
            RulesModel(),
            "每条规则：某类会议在每个周期（月、季度、半年、年）至少开几次，范围为支部、支部委员会、"
            "每个党小组或支部书记本人（党课）。",
            "恢复《中国共产党支部工作条例（试行）》和常见地方规定的默认规则",
            parent,
        )
        self.setWindowTitle("检查规则")
        self.compliance = compliance
        self.model.setParent(self)
        self.model.set_rows(list(compliance.rules()))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RulesModel.COL_NOTE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(84)  # a combo box of 季度/半年 fits while edited
        self.finish_layout()
        self.resize(820, 420)

    def new_row(self) -> FrequencyRule:
        return FrequencyRule(MeetingKind.THEME_DAY, Period.MONTH, 1)

    def restore_defaults(self) -> None:
        self.model.set_rows(list(MEETING_RULES))

    def write(self) -> None:
        self.compliance.save_rules(self.model.rows())
