"""The main window: navigation, the pages, the global search box, menus, remembered layout.

It can come up before the database is open in full: built from the first screen (the roster's
first rows and count read with sqlite3, storage/first_screen.py) it shows the roster and the
remembered layout, and ``attach`` gives it the database, its services and the whole roster right
after its first paint (app.py). The modules it imports at start-up import no SQLAlchemy; the
services come with ``attach``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from dualleader_desktop import APP_NAME
from dualleader_desktop.domain.enums import MemberStatus
from dualleader_desktop.services.errors import NotFoundError
from dualleader_desktop.storage.search_index import SearchKind
from dualleader_desktop.ui.dashboard_links import DashboardLinks
from dualleader_desktop.ui.pages.members_page import MembersPage
from dualleader_desktop.ui.window_actions import MenuActions
from dualleader_desktop.ui.window_layout import RememberedLayout
from dualleader_desktop.ui.window_pages import PagesOnDemand

if TYPE_CHECKING:
    from dualleader_desktop.services.composition import BranchServices
    from dualleader_desktop.storage.database import Database
    from dualleader_desktop.storage.first_screen import FirstScreen

SEARCH_DELAY_MS = 250
HOUSEKEEPING_DELAY_MS = 5000  # after start-up, so it never competes with the first screen
DEMO_TITLE = "演示数据"
LEAVE_DEMO = "离开演示数据，打开本支部的数据库"


def last_branch(db: Database, where: Path | str) -> int | None:
    """The branch the window showed last time for this database (QSettings), or its first;
    None while the database has no branch yet (a new one: the first save makes it)."""
    ids = [branch_id for branch_id, _name in _branches(db)]
    if not ids:
        return None
    saved = remembered_branch(where)
    return saved if saved in ids else ids[0]


def remembered_branch(where: Path | str) -> int | None:
    """The branch id the window showed last time for the database file or URL ``where``."""
    try:
        return int(QSettings().value(_branch_key(where)))
    except (TypeError, ValueError):
        return None


def _branch_key(where: Path | str) -> str:
    """One setting per database: branch ids of two databases have nothing to do with each
    other."""
    name = str(where.resolve() if isinstance(where, Path) else where)
    return f"branches/{hashlib.sha256(name.encode()).hexdigest()[:16]}"


def _branches(db: Database) -> list[tuple[int, str]]:
    from dualleader_desktop.services.branch import list_branches

    return [(entry.id, entry.name) for entry in list_branches(db)]


class MainWindow(PagesOnDemand, MenuActions, DashboardLinks, RememberedLayout, QMainWindow):
    """The window works on one branch at a time: every service it builds or hands a page is
    built for ``branch_id`` (services/__init__.py). A database of several branches shows a
    switcher in the toolbar; a secretary's database, of one, never does.

    ``demo``: the database is the demo of ``dualleader --demo``; the title says so, and 文件 ›
    离开演示数据… asks (``leave_demo_requested``, app.py answers) for the branch's own.

    ``first``: the first screen of the database file ``where``, when the window comes up
    before the database is open (``db`` None): the roster, the title, the remembered layout
    and page (its place held empty); ``attach`` brings the rest. Nothing reaches the window in
    between: app.py attaches right after the first paint, before any event is handled."""

    leave_demo_requested = Signal()

    def __init__(
        self,
        db: Database | None,
        branch_id: int | None = None,
        *,
        demo: bool = False,
        first: FirstScreen | None = None,
        where: Path | None = None,
    ) -> None:
        super().__init__()
        self.db = db
        self.demo = demo
        self.where = where if db is None else db.path or db.url
        self.services = self.members = self.branch = None
        if first is None:
            self.branch_id = branch_id if branch_id is not None else last_branch(db, self.where)
            self._use_services(self._services_for(self.branch_id))
        else:
            self.branch_id = first.branch_id
        self.import_dialog = None
        self.members_page = MembersPage(self.members, self.branch, first=first)
        # the other pages (and their modules) are built when first shown: start-up pays only
        # for the roster
        self._factories = {
            "meetings_page": self._meetings_page,
            "talks_page": self._talks_page,
            "evaluation_page": self._evaluation_page,
            "branch_page": self._branch_page,
            "archive_page": self._archive_page,
            "dashboard_page": self._dashboard_page,
            "search_page": self._search_page,  # last: not in the 查看 menu, never reopened
        }
        self.titles = [
            "党员档案",
            "会议记录",
            "谈心谈话",
            "民主评议",
            "支部设置",
            "归档导出",
            "工作台",
            "搜索结果",
        ]
        self._page_names = ["members_page", *self._factories]
        self.housekeeping_task = None
        self._build()
        self._connect()
        self._restore()
        if first is None:
            self._ready()
        else:
            self._show_branches(first.branches)
            self._update_title(first.branch_name)
            self._show_active(first.active)
            self._hold_place()

    def _hold_place(self) -> None:
        """The remembered page, other than the roster, says it is coming (for the moment the
        database takes to open)."""
        if self.navigation.currentRow() <= 0:
            return
        label = QLabel("正在打开数据库…")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self.stack.currentWidget()).addWidget(label)

    def attach(self, db: Database) -> None:
        """The database, open in full, after the first screen: the services, and the page
        whose place was held is built."""
        self.db = db
        self._use_branch(self.branch_id)
        self.members_page.refresh()  # the whole roster, its filters and sort order
        self._ready()
        self._navigate(self.navigation.currentRow())

    def _ready(self) -> None:
        self._fill_branch_switcher()
        self._update_title()
        self._update_counts()
        QTimer.singleShot(HOUSEKEEPING_DELAY_MS, self, self._housekeeping)

    def _services_for(self, branch_id: int | None) -> BranchServices:
        from dualleader_desktop.services.composition import BranchServices

        return BranchServices(self.db, branch_id)

    # ---- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.stack = QStackedWidget()
        for title in self.titles:
            self.navigation.addItem(title)
        self.stack.addWidget(self.members_page)
        for _name in self._factories:
            self.stack.addWidget(QWidget())
        self.navigation.setFixedWidth(140)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(
            "搜索党员姓名、身份证号、电话，会议主题、记录，谈话内容（Ctrl+F）"
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(420)
        toolbar = QToolBar("搜索")
        toolbar.setObjectName("searchToolbar")
        toolbar.setMovable(False)
        self.branch_switcher = QComboBox()
        self.branch_switcher.setObjectName("branchSwitcher")
        self.branch_switcher.setToolTip("此数据库中有多个支部：选择要查看和记录的支部")
        self.branch_switcher.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.branch_switcher_actions = [
            toolbar.addWidget(QLabel(" 支部 ")),
            toolbar.addWidget(self.branch_switcher),
            toolbar.addSeparator(),
        ]
        toolbar.addWidget(QLabel(" 搜索 "))
        toolbar.addWidget(self.search_box)
        self.addToolBar(toolbar)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        where = self.where
        self.db_label = QLabel(f"演示数据库：{where}" if self.demo else f"数据库：{where}")
        if self.demo:
            self.db_label.setToolTip(
                "这是单独的演示数据库，与本支部的数据库分开保存。"
                f"要记录本支部的数据，请用“文件 → {LEAVE_DEMO}”。"
            )
        self.count_label = QLabel()
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)
        self._menus()

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("文件(&F)")
        self.leave_demo_action = None
        if self.demo:
            self.leave_demo_action = self._action(
                file_menu, LEAVE_DEMO, self.leave_demo_requested.emit
            )
            file_menu.addSeparator()
        self._action(file_menu, "导入花名册…", self.open_import, "Ctrl+I")
        self._action(file_menu, "导出花名册…", self.export_roster, "Ctrl+E")
        file_menu.addSeparator()
        self._action(file_menu, "备份与恢复…", self.open_backups, "Ctrl+Shift+B")
        file_menu.addSeparator()
        self._action(file_menu, "新建支部…", self.new_branch)
        file_menu.addSeparator()
        self._action(file_menu, "退出", self.close, QKeySequence.StandardKey.Quit)
        member_menu = bar.addMenu("党员(&M)")
        self._action(member_menu, "新增党员…", self._add_member, "Ctrl+N")
        self._action(member_menu, "转入党员…", self._transfer_in_member, "Ctrl+Shift+N")
        self._action(member_menu, "编辑党员档案…", self._edit_member, "Ctrl+Return")
        self._action(member_menu, "变更党员状态…", self._change_status)
        self._action(
            member_menu, "显示/隐藏完整身份证号", self.members_page.reveal_button.toggle, "Ctrl+R"
        )
        record_menu = bar.addMenu("记录(&R)")
        self._action(record_menu, "新建会议记录…", self._new_meeting, "Ctrl+M")
        self._action(record_menu, "新建谈话记录…", self._new_talk, "Ctrl+T")
        record_menu.addSeparator()
        # in the menu, not beside 删除 on the pages: their button rows must fit 1093 px (125 %)
        self._action(record_menu, "已删除的会议记录…", lambda: self._show_deleted(1))
        self._action(record_menu, "已删除的谈话记录…", lambda: self._show_deleted(2))
        view_menu = bar.addMenu("查看(&V)")
        for number, title in enumerate(self.titles[:-1], start=1):
            self._action(view_menu, title, lambda n=number - 1: self.show_page(n), f"Ctrl+{number}")
        self._action(view_menu, "搜索", self.focus_search, QKeySequence.StandardKey.Find)
        help_menu = bar.addMenu("帮助(&H)")
        self._action(help_menu, "关于", self._about)

    def _connect(self) -> None:
        self.navigation.currentRowChanged.connect(self._navigate)
        self.branch_switcher.activated.connect(
            lambda index: self.switch_branch(self.branch_switcher.itemData(index))
        )
        self.search_box.textChanged.connect(lambda _text: self.search_timer.start())
        self.search_box.returnPressed.connect(self.run_search)
        self.search_timer.timeout.connect(self.run_search)
        self.members_page.import_requested.connect(self.open_import)
        self.members_page.export_requested.connect(self.export_roster)
        self.members_page.card_requested.connect(self.export_member_card)
        self.members_page.members_changed.connect(self._records_changed)

    def _connect_page(self, name: str, page: QWidget) -> None:
        if name in ("meetings_page", "talks_page", "evaluation_page"):
            page.records_changed.connect(self._records_changed)
        elif name == "branch_page":
            page.branch_changed.connect(self._branch_changed)
        elif name == "search_page":
            page.open_requested.connect(self.open_record)
        elif name == "dashboard_page":
            page.meetings_requested.connect(self._open_meetings)
            page.new_meeting_requested.connect(self._new_meeting_in)
            page.item_requested.connect(self._open_due_item)
            page.branch_requested.connect(self.switch_branch)

    def _navigate(self, index: int) -> None:
        if index > 0 and self.services is not None:  # before ``attach`` its place is held
            self.page(self._page_names[index])
        if index >= 0:
            self.stack.setCurrentIndex(index)

    # ---- navigation and search -----------------------------------------------------------
    def show_page(self, index: int) -> None:
        self.navigation.setCurrentRow(index)

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def run_search(self) -> None:
        self.search_timer.stop()
        text = self.search_box.text().strip()
        self.search_page.search(text)
        if text:
            self.show_page(self._page_names.index("search_page"))

    def open_record(self, kind: SearchKind, record_id: int) -> None:
        """Show a search hit's record on its page. One deleted since the search was run is
        said so, and the results are searched again."""
        try:
            if kind == SearchKind.MEMBER:
                self.show_page(0)
                self.members_page.edit_member(record_id)
            elif kind == SearchKind.MEETING:
                self.show_page(1)
                self.meetings_page.edit_record(record_id)
            elif kind == SearchKind.TALK:
                self.show_page(2)
                self.talks_page.edit_record(record_id)
            elif kind == SearchKind.EVALUATION:
                self._open_year(self.services.evaluations.get(record_id).draft.year, survey=False)
            elif kind == SearchKind.SURVEY:
                self._open_year(self.services.surveys.get(record_id).draft.year, survey=True)
        except NotFoundError as exc:
            from dualleader_desktop.ui.messages import show_error

            self.search_page.refresh()
            show_error(self, "无法打开记录", f"{exc}。搜索结果已按现有的记录更新。")

    def _open_year(self, year: int, *, survey: bool) -> None:
        """The 民主评议 page on ``year`` (it asks first when unsaved changes would go)."""
        self.show_page(self._page_names.index("evaluation_page"))
        self.evaluation_page.show_year(year, survey=survey, words=self.search_page.query)

    # ---- after start -----------------------------------------------------------------------
    def _housekeeping(self) -> None:
        """Once after start, off the GUI thread: attachment files a killed save left behind go,
        and the day's automatic backup is taken when due. A failure shows in the status bar and
        the work waits for the next start."""
        from dualleader_desktop.ui.workers import run_task

        self.housekeeping_task = run_task(_after_start, self.db)
        # bound methods, not lambdas: a window closed meanwhile (the demo left for the branch's
        # own database) is disconnected, not called after it is gone
        self.housekeeping_task.signals.finished.connect(self._housekept)
        self.housekeeping_task.signals.failed.connect(self._housekeeping_failed)

    def _housekept(self, copy: Path | None) -> None:
        if copy is not None:
            self.statusBar().showMessage(f"已自动备份数据库：{copy.name}", 10_000)

    def _housekeeping_failed(self, message: str) -> None:
        self.statusBar().showMessage(f"今天的自动备份没有完成：{message}")

    # ---- keeping in step -----------------------------------------------------------------
    def _imported(self) -> None:
        self.members_page.refresh()
        if branch_page := self._built("branch_page"):
            branch_page.refresh()
        self._records_changed()

    def _records_changed(self) -> None:
        if search_page := self._built("search_page"):
            search_page.refresh()
        if dashboard_page := self._built("dashboard_page"):
            dashboard_page.refresh()
        self._update_counts()

    def switch_branch(self, branch_id: int) -> None:
        """Show another branch of the database: new services for it, every page rebuilt."""
        if branch_id == self.branch_id:
            return
        self._use_branch(branch_id)
        QSettings().setValue(_branch_key(self.where), branch_id)
        self.search_box.clear()
        self.reload_all()

    def _use_branch(self, branch_id: int | None) -> None:
        self.branch_id = branch_id
        self._use_services(self._services_for(branch_id))
        self.members_page.members, self.members_page.branch = self.members, self.branch

    def _use_services(self, services: BranchServices) -> None:
        """Every page is given its services from here (services/composition.py builds them)."""
        self.services = services
        self.members, self.branch = services.members, services.branch

    def _fill_branch_switcher(self) -> None:
        self._show_branches(_branches(self.db))

    def _show_branches(self, branches: list[tuple[int, str]]) -> None:
        """The switcher lists the branches, and shows only where there are two or more."""
        self.branch_switcher.clear()
        for branch_id, name in branches:
            self.branch_switcher.addItem(name or "（未命名支部）", branch_id)
        index = self.branch_switcher.findData(self.branch_id)
        self.branch_switcher.setCurrentIndex(max(index, 0))
        for action in self.branch_switcher_actions:
            action.setVisible(len(branches) > 1)

    def reload_all(self) -> None:
        """Every record may have changed (a restore, another branch chosen): the roster reads
        anew, and each other page that was built is dropped, to be built with fresh data when
        next shown."""
        current = self.navigation.currentRow()
        ids = [branch_id for branch_id, _name in _branches(self.db)]
        if self.branch_id not in ids:  # a restored copy without the branch shown
            self._use_branch(ids[0] if ids else None)
        for name in self._factories:
            page = self._built(name)
            if page is None:
                continue
            index = self._page_names.index(name)
            self.stack.insertWidget(index, QWidget())
            self.stack.removeWidget(page)
            page.deleteLater()
            del self.__dict__[name]
        self.members_page.refresh()
        self._fill_branch_switcher()
        self._update_title()
        self._update_counts()
        self._navigate(current)  # the same row: setCurrentRow would not rebuild the page

    def _branch_changed(self) -> None:
        """Groups or the branch's name changed: the roster's group filter and the title follow."""
        self._fill_branch_switcher()
        self._update_title()
        self.members_page.refresh()
        self._update_counts()

    def _update_title(self, branch_name: str | None = None) -> None:
        if branch_name is None:
            info = self.branch.get_branch()
            branch_name = info.name if info else ""
        parts = [APP_NAME, DEMO_TITLE if self.demo else "", branch_name]
        self.setWindowTitle(" — ".join(part for part in parts if part))

    def _update_counts(self) -> None:
        records = self.members_page.model.all_records()
        self._show_active(sum(r.status == MemberStatus.ACTIVE for r in records))

    def _show_active(self, active: int) -> None:
        self.count_label.setText(f"在册党员 {active} 人")

    def closeEvent(self, event) -> None:
        evaluation_page = self._built("evaluation_page")
        if evaluation_page is not None and not evaluation_page.may_leave():
            event.ignore()
            return
        self._save_layout()
        super().closeEvent(event)


def _after_start(db: Database) -> Path | None:
    """Run on a worker thread; imports its services there, not at start-up."""
    from dualleader_desktop.services.attachments import AttachmentService
    from dualleader_desktop.services.backups import BackupService

    AttachmentService(db).sweep_orphans()
    return BackupService(db).take_if_due() if db.path is not None else None
