"""预览 PDF inside the program (QtPdf, from PySide6-Addons), so a machine without a PDF viewer
still shows the record; where QtPdf is missing the system's viewer opens it, and where that
fails too a message says what happened and where the PDF is.

QtPdf is imported when a preview is first shown, not with this module: the program starts
without it, and ``show_pdf`` falls back when it cannot be imported.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dualleader_desktop.ui import system_open
from dualleader_desktop.ui.messages import show_error

ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 4.0)
TEMPORARY_NOTE = "（这是预览用的临时文件，关闭本程序时删除；要保留它，请用“导出本条…”。）"


class PreviewUnavailable(Exception):
    """QtPdf is missing or cannot read the file; the text says which."""


class PdfPreviewDialog(QDialog):
    """One PDF: pages one under another, 上一页/下一页 with 第 n / N 页, zoom (缩小, 放大,
    适合宽度, 整页), and 用系统程序打开 / 打开所在文件夹 for more than a preview."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        try:
            from PySide6.QtPdf import QPdfDocument
            from PySide6.QtPdfWidgets import QPdfView
        except ImportError as exc:
            raise PreviewUnavailable(
                "本程序的 PDF 预览组件（QtPdf，属于 PySide6-Addons）没有安装"
            ) from exc
        document = QPdfDocument()
        error = document.load(str(path))
        if error != QPdfDocument.Error.None_:
            raise PreviewUnavailable(f"预览组件无法读取这个 PDF（{error.name}）")
        super().__init__(parent)
        self.path = Path(path)
        self.document = document
        self.setWindowTitle(f"预览 — {self.path.name}")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.view = QPdfView(self)
        self.view.setDocument(document)
        # a child made after the view is deleted after it: the view never signals about a
        # document already gone
        document.setParent(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._zoom_modes = QPdfView.ZoomMode
        self.navigator = self.view.pageNavigator()

        self.previous_button = QPushButton("上一页")
        self.next_button = QPushButton("下一页")
        self.page_label = QLabel()
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("第 888 / 888 页"))
        self.zoom_out_button = QPushButton("缩小")
        self.zoom_in_button = QPushButton("放大")
        self.fit_width_button = QPushButton("适合宽度")
        self.fit_page_button = QPushButton("整页")
        self.system_button = QPushButton("用系统程序打开")
        self.folder_button = QPushButton(system_open.OPEN_FOLDER)
        close_button = QPushButton("关闭")

        bar = QHBoxLayout()
        for widget in (self.previous_button, self.page_label, self.next_button):
            bar.addWidget(widget)
        bar.addSpacing(16)
        for widget in (
            self.zoom_out_button,
            self.zoom_in_button,
            self.fit_width_button,
            self.fit_page_button,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.system_button)
        actions.addWidget(self.folder_button)
        actions.addStretch(1)
        actions.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)

        self.previous_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        self.fit_width_button.clicked.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        )
        self.fit_page_button.clicked.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        )
        self.system_button.clicked.connect(self.open_with_system)
        self.folder_button.clicked.connect(lambda: system_open.open_folder(self, self.path.parent))
        close_button.clicked.connect(self.close)
        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, lambda: self.zoom_by(ZOOM_STEP)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.zoom_by(1 / ZOOM_STEP)),
        ):
            QShortcut(QKeySequence(keys), self, slot)
        self.navigator.currentPageChanged.connect(lambda _page: self._show_page_number())
        self._show_page_number()
        self._size_to_screen(parent)

    # ---- pages and zoom ------------------------------------------------------------------
    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.navigator.currentPage()

    def go_to(self, page: int) -> None:
        page = max(0, min(page, self.page_count() - 1))
        self.navigator.jump(page, QPointF(), self.navigator.currentZoom())
        self._show_page_number()

    def zoom_by(self, factor: float) -> None:
        current = self.view.zoomFactor()
        if self.view.zoomMode() != self._zoom_modes.Custom:
            current = self._shown_zoom()
        self.view.setZoomMode(self._zoom_modes.Custom)
        self.view.setZoomFactor(max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], current * factor)))

    def _shown_zoom(self) -> float:
        """The zoom a fitting mode shows now (QPdfView keeps zoomFactor at the last custom one):
        the page's width on screen over its width at 100 %."""
        if self.page_count() == 0:
            return 1.0
        points = self.document.pagePointSize(max(self.current_page(), 0))
        natural = points.width() * self.logicalDpiX() / 72
        margins = 2 * self.view.documentMargins().left()
        if self.view.zoomMode() == self._zoom_modes.FitToWidth:
            return max(0.1, (self.view.viewport().width() - margins) / natural)
        natural_height = points.height() * self.logicalDpiY() / 72
        return max(
            0.1,
            min(
                (self.view.viewport().width() - margins) / natural,
                (self.view.viewport().height() - margins) / natural_height,
            ),
        )

    def _show_page_number(self) -> None:
        count, page = self.page_count(), self.current_page()
        self.page_label.setText(f"第 {page + 1} / {count} 页")
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < count - 1)

    # ---- beyond the preview --------------------------------------------------------------
    def open_with_system(self) -> bool:
        if system_open.open_path(self.path):
            return True
        show_error(
            self,
            "无法用系统程序打开",
            f"本机没有可以打开 PDF 的程序。PDF 在：\n{self.path}\n{TEMPORARY_NOTE}",
        )
        return False

    def _size_to_screen(self, parent: QWidget | None) -> None:
        """A page's width and most of the screen's height, never more than the screen."""
        screen = (parent.screen() if parent is not None else None) or (
            QGuiApplication.primaryScreen()
        )
        area = screen.availableGeometry()
        self.resize(min(900, int(area.width() * 0.9)), int(area.height() * 0.9))


def show_pdf(parent: QWidget | None, path: Path) -> QWidget | None:
    """Show ``path``: in the preview dialog; without QtPdf (or when it cannot read the file)
    in the system's viewer; when that fails too, a message saying so and where the file is.
    Returns the dialog or the message box shown (None when the system viewer took it)."""
    try:
        dialog = PdfPreviewDialog(path, parent)
    except PreviewUnavailable as reason:
        if system_open.open_path(path):
            return None
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "无法预览 PDF",
            f"{reason}，本机也没有可以打开 PDF 的程序，所以无法显示预览。\n\n"
            f"PDF 已经生成，在：\n{path}\n{TEMPORARY_NOTE}\n\n"
            "请安装一个 PDF 阅读程序后再预览，或点“打开所在文件夹”找到它。",
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        system_open.add_folder_button(box, Path(path).parent)
        box.open()
        return box
    dialog.show()
    return dialog
