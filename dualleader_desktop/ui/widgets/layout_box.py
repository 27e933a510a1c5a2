"""版式: the layout the branch's documents are made in, GB/T 9704 or the school's own Word
template, with what its numbers are; choosing a template is refused, with the reason, when the
file cannot be one, and the layout stays as it was."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.services.layouts import LayoutInfo, LayoutService
from dualleader_desktop.ui.messages import show_error


class LayoutBox(QGroupBox):
    def __init__(self, layout_service: LayoutService, parent=None) -> None:
        super().__init__("版式（Word 与 PDF 文件的页面设置）", parent)
        self.service = layout_service
        self.choose_file = self._ask_for_file  # replaced in tests so no native dialog opens
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.choose_button = QPushButton("选择学校模板(&T)…")
        self.choose_button.setToolTip(
            "选择学校下发的 Word 模板（.docx 或 .dotx）：导出的 Word 文件写入该模板，"
            "PDF 采用其纸张、页边距、字体字号和行距。"
        )
        self.choose_button.clicked.connect(self.choose)
        self.reset_button = QPushButton("恢复 GB/T 9704")
        self.reset_button.clicked.connect(self.reset)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addLayout(buttons)
        self.show_info(self.service.info())

    def show_info(self, info: LayoutInfo) -> None:
        self.summary.setText(info.summary)
        self.reset_button.setEnabled(bool(info.template_name))

    def _ask_for_file(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self, "选择学校的 Word 模板", "", "Word 文档或模板 (*.docx *.dotx)"
        )
        return path

    def choose(self) -> None:
        path = self.choose_file()
        if not path:
            return
        try:
            self.show_info(self.service.choose(path))
        except ServiceError as exc:
            show_error(self, "无法使用该模板", str(exc))

    def reset(self) -> None:
        self.show_info(self.service.reset())
