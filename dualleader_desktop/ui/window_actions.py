"""What the main window's menus do: import and export the roster, a member's 党员信息采集表, the
member and record commands (each shows its page first), backups, a new branch, 关于."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from dualleader_desktop import APP_NAME, __version__
from dualleader_desktop.domain.meetings import MeetingKind


class MenuActions:
    """Mixed into MainWindow (which has the pages, ``services``, ``branch``, ``db``,
    ``show_page``, ``reload_all``, ``switch_branch`` and the rest it keeps in step)."""

    def open_import(self):
        from dualleader_desktop.ui.dialogs.import_dialog import ImportDialog

        self.import_dialog = ImportDialog(self.services.roster, self)
        self.import_dialog.imported.connect(self._imported)
        self.import_dialog.open()
        return self.import_dialog

    def export_roster(self) -> None:
        from dualleader_desktop.ui.dialogs.roster_export import export_roster_interactively

        export_roster_interactively(self, self.services.roster)

    def export_member_card(self, member_id: int, folder: str | None = None):
        """党员信息采集表 of one member, as .docx and .pdf, in a folder the user picks."""
        from dualleader_desktop.ui.messages import show_error, show_info
        from dualleader_desktop.ui.workers import run_task

        folder = folder or QFileDialog.getExistingDirectory(self, "导出信息采集表到哪个文件夹")
        if not folder:
            return None
        task = run_task(self.services.archive.export_member_card, member_id, Path(folder))
        task.signals.finished.connect(
            lambda paths: show_info(self, "已导出", "\n".join(str(p) for p in paths))
        )
        task.signals.failed.connect(lambda message: show_error(self, "导出失败", message))
        self._card_task = task
        return task

    def _add_member(self) -> None:
        self.show_page(0)
        self.members_page.add_member()

    def _transfer_in_member(self) -> None:
        self.show_page(0)
        self.members_page.transfer_in_member()

    def _edit_member(self) -> None:
        self.show_page(0)
        self.members_page.edit_current()

    def _change_status(self) -> None:
        self.show_page(0)
        self.members_page.change_status()

    def _new_meeting(self) -> None:
        self.show_page(1)
        chosen = self.meetings_page.kind_filter.currentData()
        self.meetings_page.new_meeting(MeetingKind(chosen) if chosen else MeetingKind.COMMITTEE)

    def _new_talk(self) -> None:
        self.show_page(2)
        self.talks_page.new_talk()

    def _show_deleted(self, page_index: int):
        self.show_page(page_index)
        page = self.meetings_page if page_index == 1 else self.talks_page
        return page.show_deleted()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            f"关于{APP_NAME}",
            f"{APP_NAME} {__version__}\n\n离线保存党支部的党员档案、会议和谈话记录。\n数据库：{self.db.path}",
        )

    def open_backups(self):
        from dualleader_desktop.services.backups import BackupService
        from dualleader_desktop.ui.dialogs.backups_dialog import BackupsDialog

        dialog = BackupsDialog(BackupService(self.db), self)
        dialog.restored.connect(self.reload_all)
        dialog.open()
        self.backups_dialog = dialog
        return dialog

    def new_branch(self):
        """Another branch in this database (an organization department's): the window
        switches to it and opens its 支部设置 page, where the rest of its details go."""
        from dualleader_desktop.ui.dialogs.branch_dialogs import NewBranchDialog

        dialog = NewBranchDialog(self.branch, self)
        dialog.saved.connect(lambda: self._branch_created(dialog.created_id))
        dialog.open()
        self.new_branch_dialog = dialog
        return dialog

    def _branch_created(self, branch_id: int) -> None:
        self._fill_branch_switcher()
        self.switch_branch(branch_id)
        self.show_page(self._page_names.index("branch_page"))
