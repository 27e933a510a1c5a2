"""Pick some of the branch's members from a checkable list (列席人员 of a meeting).

What the picked names become is the caller's business: the meeting editor writes them into its
free-text 列席人员 field beside the guests typed there (``merge_names``).
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from dualleader_desktop.ui.forms.ui_member_picker import Ui_MemberPicker
from dualleader_desktop.ui.models.member_choice_model import MemberChoiceModel

# how people are separated in a typed list: 、，,；; (not spaces: "入党积极分子 陈某" is one)
_SEPARATORS = re.compile(r"[、，,；;]")
JOINER = "、"


def split_names(text: str) -> list[str]:
    """The parts of a typed list of people, in order, without empty ones."""
    return [part.strip() for part in _SEPARATORS.split(text) if part.strip()]


def merge_names(text: str, offered: set[str], picked: list[str]) -> str:
    """``text`` with its parts that name an ``offered`` member replaced by ``picked``: a member
    unticked leaves, one ticked joins at the end, and what else was typed (guests from
    outside) stays where it was."""
    parts = [part for part in split_names(text) if part not in offered or part in picked]
    parts += [name for name in picked if name not in parts]
    return JOINER.join(parts)


class MemberPicker(QDialog):
    def __init__(
        self,
        members: dict[int, str],
        chosen: list[str],
        *,
        title: str,
        hint: str,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_MemberPicker()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.ui.hintLabel.setText(hint)
        self.model = MemberChoiceModel(members, self)
        self.model.set_checked_ids([mid for mid, name in members.items() if name in chosen])
        self.ui.membersView.setModel(self.model)
        self.ui.filterEdit.textChanged.connect(self.model.set_filter)
        self.model.edited.connect(self._show_chosen)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._show_chosen()

    def picked_names(self) -> list[str]:
        return self.model.checked_names()

    def _show_chosen(self) -> None:
        names = self.picked_names()
        self.ui.chosenLabel.setText(
            f"已选 {len(names)} 人：{JOINER.join(names)}" if names else "未选"
        )
