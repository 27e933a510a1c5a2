"""归档: the archive settings (全宗号, 机构代码, retention per record kind), the layout (GB/T
9704 or the school's template) and the export of a year's package, in the background with a progress bar and cancel."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dualleader_desktop.documents import fonts
from dualleader_desktop.domain.archive import RecordKind, Retention
from dualleader_desktop.services.archive import ArchiveService, ArchiveSettingsInfo, ExportResult
from dualleader_desktop.services.errors import RecordValidationError
from dualleader_desktop.ui.messages import show_error
from dualleader_desktop.ui.widgets.field_errors import error_label, show_field_errors
from dualleader_desktop.ui.widgets.layout_box import LayoutBox
from dualleader_desktop.ui.workers import Task, run_task

LAST_FOLDER_KEY = "archive/last_folder"
SIGN_KEY = "archive/sign"  # the last choice, as the folder
NO_FONTS = (
    "这台电脑上没有找到中文字体，导出的 PDF 无法嵌入字体，只能引用阅读器自带的宋体"
    "（STSong-Light）：在没有中文字体的电脑上文字会显示为方框，档案室可能不予接收。\n\n"
    "请先安装中文字体（Windows：仿宋、宋体、黑体、楷体；Linux、统信UOS、麒麟：如 "
    "fonts-noto-cjk），再重新导出。"
)


class ArchivePage(QWidget):
    exported = Signal(object)  # ExportResult

    def __init__(self, archive: ArchiveService, parent=None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.task: Task | None = None
        self.result: ExportResult | None = None
        # replaced in tests so no native dialog opens
        self.choose_folder = self._ask_for_folder
        # in a scroll area: on a small screen (1366×768 at 125 %) the page is taller than the
        # window and would otherwise set the window's minimum height
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(self._settings_box())
        self.layout_box = LayoutBox(archive.layout)
        inner.addWidget(self.layout_box)
        inner.addWidget(self._export_box())
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.refresh()

    # ---- settings ------------------------------------------------------------------------
    def _settings_box(self) -> QGroupBox:
        box = QGroupBox("归档设置（DA/T 22-2015）")
        form = QFormLayout(box)
        self.fonds_edit = QLineEdit()
        self.fonds_edit.setPlaceholderText("由档案室给定，如 Z001")
        self.fonds_error = error_label()
        self.fonds_name_edit = QLineEdit()
        self.fonds_name_edit.setPlaceholderText("全宗名称，如 江西某职业技术学院")
        self.org_edit = QLineEdit()
        self.org_edit.setPlaceholderText("机构（问题）代码，如 DZB；档案室不分机构时留空")
        self.org_error = error_label()
        grid = QGridLayout()
        self.retention: dict[RecordKind, QComboBox] = {}
        for index, kind in enumerate(RecordKind):
            combo = QComboBox()
            for retention in Retention:
                combo.addItem(f"{retention.label}（{retention.value}）", retention.value)
            self.retention[kind] = combo
            grid.addWidget(QLabel(kind.label), index // 2, (index % 2) * 2)
            grid.addWidget(combo, index // 2, (index % 2) * 2 + 1)
        save = QPushButton("保存归档设置")
        save.clicked.connect(self.save_settings)
        form.addRow("全宗号(&F)", self.fonds_edit)
        form.addRow("", self.fonds_error)
        form.addRow("全宗名称", self.fonds_name_edit)
        form.addRow("机构（问题）代码", self.org_edit)
        form.addRow("", self.org_error)
        form.addRow("保管期限", grid)
        form.addRow("", save)
        return box

    def refresh(self) -> None:
        info = self.archive.settings()
        self.fonds_edit.setText(info.fonds)
        self.fonds_name_edit.setText(info.fonds_name)
        self.org_edit.setText(info.organization_code)
        for kind, combo in self.retention.items():
            combo.setCurrentIndex(combo.findData(info.retention[kind].value))

    def save_settings(self) -> bool:
        info = ArchiveSettingsInfo(
            fonds=self.fonds_edit.text(),
            fonds_name=self.fonds_name_edit.text(),
            organization_code=self.org_edit.text(),
            retention={k: Retention(c.currentData()) for k, c in self.retention.items()},
        )
        places = (
            (self.fonds_error, self.fonds_edit, "fonds"),
            (self.org_error, self.org_edit, "organization_code"),
        )
        try:
            self.archive.save_settings(info)
        except RecordValidationError as exc:
            show_field_errors(places, exc.errors)
            return False
        show_field_errors(places, {})
        return True

    # ---- export --------------------------------------------------------------------------
    def _export_box(self) -> QGroupBox:
        box = QGroupBox("导出归档包")
        layout = QVBoxLayout(box)
        form = QFormLayout()
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, date.today().year)
        self.year_spin.setValue(date.today().year)
        self.year_spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        kinds = QGridLayout()
        self.kind_checks: dict[RecordKind, QCheckBox] = {}
        for index, kind in enumerate(RecordKind):
            check = QCheckBox(kind.label)
            check.setChecked(True)
            self.kind_checks[kind] = check
            kinds.addWidget(check, index // 4, index % 4)
        formats = QHBoxLayout()
        self.docx_check = QCheckBox("Word（.docx）")
        self.pdf_check = QCheckBox("PDF")
        self.zip_check = QCheckBox("另存一个 zip 压缩包")
        self.mask_check = QCheckBox("身份证号、手机号打码（对外提供时）")
        self.sign_check = QCheckBox(
            "用本支部的密钥签名（档案室可核对归档包由本支部交来、未被改动）"
        )
        self.sign_check.setChecked(bool(QSettings().value(SIGN_KEY, False, type=bool)))
        for check in (self.docx_check, self.pdf_check):
            check.setChecked(True)
        for check in (self.docx_check, self.pdf_check, self.zip_check):
            formats.addWidget(check)
        formats.addStretch(1)
        folder = QHBoxLayout()
        self.folder_edit = QLineEdit(str(QSettings().value(LAST_FOLDER_KEY, str(Path.home()))))
        choose = QPushButton("选择…")
        choose.clicked.connect(self._pick_folder)
        folder.addWidget(self.folder_edit, 1)
        folder.addWidget(choose)
        form.addRow("年度(&Y)", self.year_spin)
        form.addRow("记录类型", kinds)
        form.addRow("格式", formats)
        form.addRow("", self.mask_check)
        form.addRow("", self.sign_check)
        form.addRow("保存到", folder)
        self.progress = QProgressBar()
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        self.export_button = QPushButton("导出")
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton("取消")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button = QPushButton("打开所在文件夹")
        self.open_button.hide()
        self.open_button.clicked.connect(self._open_folder)
        buttons.addStretch(1)
        for button in (self.open_button, self.cancel_button, self.export_button):
            buttons.addWidget(button)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        return box

    def _ask_for_folder(self) -> str:
        return QFileDialog.getExistingDirectory(
            self, "选择保存归档包的文件夹", self.folder_edit.text()
        )

    def _pick_folder(self) -> None:
        if folder := self.choose_folder():
            self.folder_edit.setText(folder)

    def start_export(self) -> None:
        if self.task is not None or not self.save_settings():
            return
        formats = tuple(
            f for f, c in (("docx", self.docx_check), ("pdf", self.pdf_check)) if c.isChecked()
        )
        kinds = {k for k, c in self.kind_checks.items() if c.isChecked()}
        if not formats or not kinds:
            self.status.setText("请至少选择一种格式和一种记录类型。")
            return
        if "pdf" in formats and not fonts.embedding_available():
            self._ask_without_fonts(lambda: self._export(formats, kinds))
            return
        self._export(formats, kinds)

    def _ask_without_fonts(self, export) -> None:
        """Before an export whose PDFs could not embed a font: say so and what to do; export
        only when the user says so."""
        box = QMessageBox(QMessageBox.Icon.Warning, "没有可嵌入的中文字体", NO_FONTS, parent=self)
        go_on = box.addButton("仍然导出", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.buttonClicked.connect(lambda button: export() if button is go_on else None)
        box.open()

    def _export(self, formats: tuple[str, ...], kinds: set[RecordKind]) -> None:
        QSettings().setValue(LAST_FOLDER_KEY, self.folder_edit.text())
        self.open_button.hide()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.export_button.setEnabled(False)
        self.status.setText("正在生成文档…")
        self.task = run_task(
            self.archive.export,
            self.year_spin.value(),
            Path(self.folder_edit.text()),
            formats=formats,
            kinds=kinds,
            make_zip=self.zip_check.isChecked(),
            mask=self.mask_check.isChecked(),
            sign=self.sign_check.isChecked(),
        )
        QSettings().setValue(SIGN_KEY, self.sign_check.isChecked())
        self.task.signals.progress.connect(self._progress)
        self.task.signals.finished.connect(self._done)
        self.task.signals.failed.connect(self._failed)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText("正在取消…")

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status.setText(f"正在生成文档：{done}/{total}")

    def _idle(self) -> None:
        self.task = None
        self.progress.hide()
        self.cancel_button.hide()
        self.export_button.setEnabled(True)

    def _done(self, result: ExportResult) -> None:
        self._idle()
        self.result = result
        extra = f"，压缩包 {result.zip_path.name}" if result.zip_path else ""
        signed = (
            f"\n已签名，公钥指纹：{result.fingerprint}（请告知档案室，核对时使用）"
            if result.fingerprint
            else ""
        )
        self.status.setText(f"已导出 {result.items} 件到 {result.folder}{extra}。{signed}")
        self.open_button.show()
        self.exported.emit(result)

    def _failed(self, message: str) -> None:
        self._idle()
        self.status.setText(message)
        if not message.startswith("已取消"):
            show_error(self, "导出失败", message)

    def _open_folder(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.folder)))
