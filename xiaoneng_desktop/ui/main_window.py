"""The main window: the four register tabs, the menus, the status bar with file and clock."""

from __future__ import annotations

import datetime as dt
import importlib
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QEvent, QRect, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from xiaoneng_desktop import APP_NAME, __version__
from xiaoneng_desktop.core import clock, logs, targets
from xiaoneng_desktop.ui.widgets.background import BackgroundTask
from xiaoneng_desktop.ui.widgets.tab_widget import TabWidget

# The database's modules (peewee) and what only later work needs (core.session, core.errors, Qt's
# QMessageBox: created on first use by PySide6) are imported where they are used: the window is painted
# before the data file is opened (see MainWindow's finish_later).
if TYPE_CHECKING:  # the tabs are imported when first shown
    from PySide6.QtGui import QCloseEvent

    from xiaoneng_desktop.core import backups, changes
    from xiaoneng_desktop.ui.dashboard.tab import DashboardTab
    from xiaoneng_desktop.ui.widgets.register_tab import RegisterTab

TAB_NAMES = ("概览", "值班记录", "公文流转", "来访接待", "五查自查")
#: The 视图 menu's access keys of the tabs (the initials of their pinyin, one letter each).
TAB_KEYS = ("G", "Z", "W", "J", "C")

#: 概览: (module, class), imported and built when first shown — at the program's start, just after the
#: window's first paint (MainWindow's ``finish_start``).
DASHBOARD_TAB = ("xiaoneng_desktop.ui.dashboard.tab", "DashboardTab")
#: The registers' tabs after 概览: (module, class), imported and built when first shown, so that
#: start-up pays only for the first screen.
REGISTER_TABS = (
    ("xiaoneng_desktop.ui.duty.tab", "DutyTab"),
    ("xiaoneng_desktop.ui.documents.tab", "DocumentsTab"),
    ("xiaoneng_desktop.ui.visitors.tab", "VisitorsTab"),
    ("xiaoneng_desktop.ui.inspection.tab", "InspectionTab"),
)


class LazyTab(QWidget):
    """A place in the tab bar whose tab is imported and built the first time it is shown (or, with
    ``wait``, when ``ensure`` is called: the 概览 at the program's start, once the window is painted)."""

    built = Signal(QWidget)

    def __init__(self, module: str, class_name: str, parent: QWidget | None = None, *, wait: bool = False):
        super().__init__(parent)
        self.module, self.class_name, self.wait = module, class_name, wait
        self.widget: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> QWidget:
        if self.widget is None:
            tab = vars(importlib.import_module(self.module))[self.class_name]
            if not issubclass(tab, QWidget):
                raise TypeError(f"{self.module}.{self.class_name} is not a widget")
            self.widget = tab(self)
            self.layout().addWidget(self.widget)
            self.built.emit(self.widget)
        return self.widget

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self.wait:
            self.ensure()
        super().showEvent(event)


#: 工具 menu: (menu text, module, class). Imported when opened, so the window works before they land.
ADMIN_DIALOGS = (
    ("人员与部门…", "xiaoneng_desktop.ui.admin.people_dialog", "PeopleDialog"),
    ("单位设置…", "xiaoneng_desktop.ui.admin.settings_dialog", "SettingsDialog"),
    ("节假日与调休…", "xiaoneng_desktop.ui.admin.workdays_dialog", "WorkdaysDialog"),
    ("备份与恢复…", "xiaoneng_desktop.ui.admin.backup_dialog", "BackupDialog"),
)
#: The 工具 menu's access keys of those dialogs.
ADMIN_KEYS = {"PeopleDialog": "P", "SettingsDialog": "S", "WorkdaysDialog": "J", "BackupDialog": "R"}

#: Another program's saves refresh the lists at most once in this many seconds.
CHANGE_REFRESH_SECONDS = 1.0

#: The automatic backup at start waits this long, so the first screen is painted before it reads the file.
START_BACKUP_DELAY_MS = 3000

WEEKDAYS = "一二三四五六日"

HELP_TEXT = """\
<h3>机关效能管理系统 使用说明</h3>
<p>概览之后的四个标签页对应四本登记簿：</p>
<ul>
<li><b>概览</b>（Ctrl+1）：当前和今日值班、各登记簿的待办和超时事项（双击打开）、本月情况。</li>
<li><b>值班记录</b>（Ctrl+2）：排班、来电来报登记、交办与反馈、交接班。</li>
<li><b>公文流转</b>（Ctrl+3）：收文、发文的登记与办理环节，办理时限与催办。</li>
<li><b>来访接待</b>（Ctrl+4）：来访登记、首问负责、转办与答复。</li>
<li><b>五查自查</b>（Ctrl+5）：自查活动、发现的问题与整改销号。</li>
</ul>
<p>常用操作：<b>新建</b> Ctrl+N，<b>查找</b> Ctrl+F，<b>刷新</b> F5，<b>全屏</b> F11。
当前标签页不支持的操作显示为灰色。</p>
<p>人员、部门、单位名称、办理时限和节假日调休在“工具”菜单中设置。</p>
<p>所有数据保存在一个数据文件中（见窗口底部状态栏）。请经常使用
“文件 → 备份数据库…”把数据备份到U盘或其他电脑；程序运行时也可以安全备份。</p>
"""


def format_clock(moment: dt.datetime) -> str:
    """``2026年11月29日 星期日 13:05:09``."""
    return f"{moment.year}年{moment.month}月{moment.day}日 星期{WEEKDAYS[moment.weekday()]} {moment:%H:%M:%S}"


class ElidedLabel(QLabel):
    """A label that shortens its text in the middle instead of widening the window."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(80)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), QtCore.Qt.TextElideMode.ElideMiddle, rect.width())
        painter.drawText(rect, int(QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignVCenter), text)


def source_name(target: Path | str) -> str:
    """A short name of the data source for the title and file names: the file's stem, or the server
    database's name (never its password)."""
    if targets.is_server(target):
        from xiaoneng_desktop.core import backups

        return backups.server_stem(target)
    return Path(target).stem


#: The widest screen on which the window first opens maximised.
MAXIMISE_UP_TO = 1440


class MainWindow(QMainWindow):
    """The four tabs over the open data file. The database must already be open (schema.open_database),
    unless the window is built with ``finish_later``."""

    #: Another program or PC committed (core/changes): the tables it changed, empty = unknown. Emitted
    #: by the server listener's thread too, so it is always received queued, on the window's thread.
    changed_elsewhere = Signal(object)
    #: A tab (概览 or a register) was built, the first time it was shown (app.run_gui settles the heap).
    tab_built = Signal(QWidget)

    def __init__(self, db_path: Path | str, settings: QSettings | None = None, *, finish_later: bool = False):
        """``finish_later``: the program's start. The window is built and painted before the data file
        is opened: menus, tab names, status bar, nothing read. app.run_gui then opens the file, signs
        the user in and calls ``finish_start()``. Nothing before that paint imports peewee or touches
        Qt's ``Qt`` namespace (13–20 ms of enums): a bare window pays for neither."""
        super().__init__()
        self.db_path = db_path if targets.is_server(db_path) else Path(db_path)
        self.settings = settings if settings is not None else QSettings()
        self._backup_task: BackgroundTask | None = None
        #: finish_start() has run: the data source is open and the window works on it.
        self.started = False
        self.setObjectName("MainWindow")
        self._maximized_before_full_screen = False

        self.tabs = TabWidget(self)
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self._build_tabs(finish_later)

        self._build_menus()
        self._build_status_bar()
        self._build_backup_timers()
        self._watch_changes()
        self.tabs.currentChanged.connect(self._update_edit_actions)
        self._resolve_shortcut_clashes()
        self._update_title()
        self._restore_state()
        self._update_edit_actions()
        if not finish_later:
            self.finish_start()

    def finish_start(self) -> None:
        """The window on the open data source (see ``finish_later``): who is acting, the automatic
        backups, watching for saves made elsewhere, and 概览 read."""
        if self.started:
            return
        self.show_user()
        self._start_auto_backups()
        self._start_watching()
        self.started = True
        self.dashboard_place.ensure()  # last: should reading it fail, the window still works

    # ------------------------------------------------------------------ building

    def _build_tabs(self, finish_later: bool = False) -> None:
        self.dashboard_place = LazyTab(*DASHBOARD_TAB, self.tabs, wait=finish_later)
        self.dashboard_place.built.connect(lambda tab: tab.open_record.connect(self.open_record))
        self.dashboard_place.built.connect(self.tab_built)
        self.tabs.addTab(self.dashboard_place, TAB_NAMES[0])
        for name, (module, class_name) in zip(TAB_NAMES[1:], REGISTER_TABS, strict=True):
            lazy = LazyTab(module, class_name, self.tabs)
            lazy.built.connect(self._tab_built)
            lazy.built.connect(self.tab_built)
            self.tabs.addTab(lazy, name)
        # 概览 is read again whenever it is looked at, and whenever a register says its data changed
        self.tabs.currentChanged.connect(lambda index: index == 0 and self.dashboard.refresh())

    @property
    def dashboard(self) -> DashboardTab:
        """概览, built (and read) now if it was not yet."""
        return self.dashboard_place.ensure()

    def _refresh_dashboard(self) -> None:
        if self.dashboard_place.widget is not None:  # one not built yet reads its figures when it is
            self.dashboard_place.widget.refresh()

    def _tab_built(self, tab: RegisterTab) -> None:
        tab.data_changed.connect(self._refresh_dashboard)
        self._resolve_shortcut_clashes()

    def register_tab(self, index: int) -> RegisterTab | None:
        """The register shown in tab ``index``, built now if it was not yet; None for 概览."""
        widget = self.tabs.widget(index)
        return widget.ensure() if isinstance(widget, LazyTab) and widget is not self.dashboard_place else None

    def open_record(self, register: str, record_id: int) -> None:
        """A double-click on the dashboard: that register's tab, with the record open."""
        index = TAB_NAMES.index(register)
        self.tabs.setCurrentIndex(index)
        self.register_tab(index).open_record(record_id)

    def _action(
        self,
        menu,
        text: str,
        slot: Callable[..., object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            # setShortcuts([…]): setShortcut(…)'s overloads create Qt's Qt namespace (see finish_later)
            action.setShortcuts([QKeySequence(shortcut)])
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()

        file_menu = bar.addMenu("文件(&F)")
        self.backup_action = self._action(
            file_menu, "备份数据库(&B)…", self.backup_database, "Ctrl+B", "把数据文件安全地复制一份"
        )
        self.open_action = self._action(
            file_menu, "打开数据文件(&O)…", self.choose_data_file, "Ctrl+O", "改用另一个数据文件"
        )
        file_menu.addSeparator()
        self.print_action = self._action(
            file_menu, "打印(&P)…", self.print_selected, QKeySequence.StandardKey.Print, "打印当前列表中选中记录的表单"
        )
        self.print_preview_action = self._action(
            file_menu, "打印预览(&V)…", self.print_selected, None, "预览并打印当前列表中选中记录的表单"
        )
        self.print_month_action = self._action(
            file_menu, "打印月报(&Y)…", self.print_month, None, "预览并打印某月的机关效能工作月报"
        )
        file_menu.addSeparator()
        self.report_action = self._action(
            file_menu, "机关效能工作月报(&M)…", self.open_monthly_report, "Ctrl+M", "生成某月的 Excel 和 PDF 月报"
        )
        self.import_action = self._action(
            file_menu, "导入台账(&I)…", self.open_import_dialog, None, "从 Excel 台账导入值班、公文、来访、整改记录"
        )
        file_menu.addSeparator()
        self.switch_user_action = self._action(file_menu, "切换用户(&W)…", self.switch_user, None, "以另一个用户登录")
        self.sign_out_action = self._action(file_menu, "注销(&L)", self.sign_out, None, "退出当前用户，重新登录")
        file_menu.addSeparator()
        self.quit_action = self._action(file_menu, "退出(&X)", self.close, "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit_menu = bar.addMenu("编辑(&E)")
        self.new_action = self._action(
            edit_menu, "新建(&N)", lambda: self._on_register(lambda tab: tab.new_record()), "Ctrl+N"
        )
        self.find_action = self._action(
            edit_menu, "查找(&F)", lambda: self._on_register(lambda tab: tab.focus_search()), "Ctrl+F"
        )
        edit_menu.addSeparator()
        self.refresh_action = self._action(edit_menu, "刷新(&R)", self.refresh_current, "F5")

        view_menu = bar.addMenu("视图(&V)")
        group = QActionGroup(self)
        self.tab_actions: list[QAction] = []
        for index, name in enumerate(TAB_NAMES):
            action = self._action(
                view_menu, f"{name}(&{TAB_KEYS[index]})", lambda _=False, i=index: self.tabs.setCurrentIndex(i),
                f"Ctrl+{index + 1}",
            )
            action.setCheckable(True)
            group.addAction(action)
            self.tab_actions.append(action)
        self.tabs.currentChanged.connect(self._check_tab_action)
        view_menu.addSeparator()
        self.fullscreen_action = self._action(view_menu, "全屏(&U)", self.set_full_screen, "F11")
        self.fullscreen_action.setCheckable(True)

        tools_menu = bar.addMenu("工具(&T)")
        self.admin_actions: list[QAction] = []
        for text, module, class_name in ADMIN_DIALOGS:
            action = self._action(
                tools_menu,
                f"{text.rstrip('…')}(&{ADMIN_KEYS[class_name]})…",
                lambda _=False, m=module, c=class_name, t=text: self.open_admin_dialog(m, c, t),
            )
            self.admin_actions.append(action)
        self.accounts_action = self._action(tools_menu, "用户管理(&U)…", self.open_accounts_dialog, None,
                                            "新建用户、重设密码、停用或解锁（管理员）")
        tools_menu.addSeparator()
        self.audit_action = self._action(tools_menu, "审计日志(&L)…", self.open_audit_log)
        # 管理员 only; asked as the menu opens (the user may have signed in since the window was built)
        tools_menu.aboutToShow.connect(self._show_audit_action)

        help_menu = bar.addMenu("帮助(&H)")
        self.help_action = self._action(help_menu, "使用说明(&H)", self.show_help, "F1")
        self.about_action = self._action(help_menu, "关于(&A)", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        status.setSizeGripEnabled(True)
        self.path_label = ElidedLabel(parent=status)
        self.path_label.setObjectName("dataFileLabel")
        self.clock_label = QLabel(parent=status)
        self.clock_label.setObjectName("clockLabel")
        self.clock_label.setMinimumWidth(
            self.clock_label.fontMetrics().horizontalAdvance("2026年12月31日 星期三 23:59:59_")
        )
        # right-aligned by its style, not setAlignment(Qt.AlignmentFlag…): see finish_later
        self.clock_label.setStyleSheet("qproperty-alignment: 'AlignRight | AlignVCenter';")
        self.user_label = QLabel(parent=status)
        self.user_label.setObjectName("userLabel")
        # Permanent, so that menu tips cannot hide them; the path takes the free room on the left.
        status.addPermanentWidget(self.user_label)
        status.addPermanentWidget(self.path_label, 1)
        status.addPermanentWidget(self.clock_label)
        self._show_path()
        # finish_start() shows the user, once the data source is open (and signed in to)
        self.user_label.setText("正在连接数据库服务器…" if targets.is_server(self.db_path) else "正在打开数据文件…")

        self.clock_timer = QTimer(self)
        self.clock_timer.setSingleShot(True)
        self.clock_timer.timeout.connect(self.tick)
        self.tick()

    def open_monthly_report(self):
        from xiaoneng_desktop.ui.reports.monthly_dialog import MonthlyReportDialog

        dialog = MonthlyReportDialog(self)
        dialog.open()
        return dialog

    def print_selected(self):
        """打印… / 打印预览…: Qt's print preview (which prints) of the form of the record selected in the
        tab in front; on 概览, where there is no record form, a word on where to go."""
        register = self._current_register()
        if register is None:
            QtWidgets.QMessageBox.information(self, "打印", "请先切换到值班记录、公文流转、来访接待或五查自查，在列表中选择一条记录。")
            return None
        return register.print_record_form()

    def print_month(self):
        from xiaoneng_desktop.ui.reports.print_month import PrintMonthDialog

        dialog = PrintMonthDialog(self)
        dialog.open()
        return dialog

    def _show_audit_action(self) -> None:
        from xiaoneng_desktop.core import session

        self.audit_action.setVisible(session.can("audit.read"))

    def show_user(self) -> None:
        """Who is acting, in the status bar; 用户管理 only for a role that may manage users."""
        from xiaoneng_desktop.core import session

        # a login is typed by users ("<b>x</b>" is a name): shown as typed. Set here, not where the
        # label is made: the format's enum would create Qt's Qt namespace before the first paint.
        self.user_label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.user_label.setText(session.status_text())
        self.accounts_action.setEnabled(session.can("accounts"))
        self.sign_out_action.setEnabled(session.current().signed_in)

    def switch_user(self) -> bool:
        """Sign in as another user; open dialogs stay as they are. True when someone signed in."""
        from xiaoneng_desktop.ui.admin.login_dialog import LoginDialog

        dialog = LoginDialog(self, title="切换用户")
        dialog.quit_button.setText("取消")
        try:
            if dialog.exec() != LoginDialog.DialogCode.Accepted:
                return False
        finally:
            dialog.deleteLater()
        self.show_user()
        self.refresh_all()
        return True

    def sign_out(self) -> None:
        """注销: unsaved work is asked about first; then the login, whose 退出 ends the program."""
        from xiaoneng_desktop.core import accounts

        if self.keep_unsaved_work():
            return
        accounts.sign_out()
        self.show_user()
        if not self.switch_user():
            self.close()

    def open_accounts_dialog(self):
        from xiaoneng_desktop.ui.admin.accounts_dialog import AccountsDialog

        dialog = AccountsDialog(self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
            self.show_user()

    def _show_path(self) -> None:
        if targets.is_server(self.db_path):
            self.path_label.setText(targets.describe_target(self.db_path))
        else:
            self.path_label.setText(f"数据文件：{self.db_path}")
        self.path_label.setToolTip(targets.shown_target(self.db_path))

    def _update_title(self) -> None:
        if targets.is_server(self.db_path):
            self.setWindowTitle(f"{APP_NAME} — {targets.describe_target(self.db_path)}")
        else:
            self.setWindowTitle(f"{APP_NAME} — {self.db_path.name}")

    # ------------------------------------------------------------------ clock

    def tick(self) -> None:
        """Show the time and come back just after the next full second of the wall clock."""
        self.clock_label.setText(format_clock(clock.now()))
        millis = dt.datetime.now().microsecond // 1000
        self.clock_timer.start(1000 - millis + 5)

    # ------------------------------------------------------------------ tabs

    def tab_widgets(self) -> list[QWidget]:
        """The tabs built so far (a tab is built when first shown)."""
        built = self.dashboard_place.widget
        return [built, *self.registers()] if built is not None else self.registers()

    def registers(self) -> list[RegisterTab]:
        """The registers built so far."""
        widgets = [self.tabs.widget(i) for i in range(self.tabs.count())]
        return [w.widget for w in widgets
                if isinstance(w, LazyTab) and w is not self.dashboard_place and w.widget is not None]

    def _current_register(self) -> RegisterTab | None:
        return self.register_tab(self.tabs.currentIndex()) if self.tabs.count() else None

    def _on_register(self, act: Callable[[RegisterTab], object]) -> None:
        """新建 and 查找 act on the register in front (概览 has neither)."""
        register = self._current_register()
        if register is not None:
            act(register)

    def refresh_current(self) -> None:
        """F5: the tab in front reads its data again."""
        if self.tabs.currentIndex() == 0:
            self.dashboard.refresh()
        else:
            self._on_register(lambda tab: tab.refresh())

    def _resolve_shortcut_clashes(self) -> None:
        """A register's own QShortcut on a key of the 编辑 menu (its Ctrl+N, for use on its own) would
        leave both dead (Qt calls it ambiguous and fires neither); the menu calls the same method, so
        the register's copy is switched off."""
        keys = {action.shortcut().toString() for action in (self.new_action, self.find_action,
                                                             self.refresh_action)}
        for tab in self.registers():
            for shortcut in tab.findChildren(QShortcut):
                if shortcut.key().toString() in keys:
                    shortcut.setEnabled(False)

    def _update_edit_actions(self, *_args) -> None:
        register = self._current_register()
        self.new_action.setEnabled(register is not None)
        self.find_action.setEnabled(register is not None)
        self.refresh_action.setEnabled(register is not None or self.tabs.currentIndex() == 0)

    def _check_tab_action(self, index: int) -> None:
        if 0 <= index < len(self.tab_actions):
            self.tab_actions[index].setChecked(True)

    def refresh_all(self) -> None:
        """Every tab that can reload its data does so (after settings or people changed)."""
        for widget in self.tab_widgets():
            widget.refresh()

    # ------------------------------------------------------------------ changes made elsewhere

    def _watch_changes(self) -> None:
        """What other PCs (or another program on this PC) save shows up here within seconds."""
        self.watcher: changes.Watcher | None = None
        #: The built registers that are not in front and missed a change (read again when shown).
        self._stale_tabs: set[int] = set()
        self._last_change_refresh = 0.0
        self.change_poll_timer = QTimer(self)
        self.change_poll_timer.timeout.connect(self._poll_changes)
        self.change_refresh_timer = QTimer(self)
        self.change_refresh_timer.setSingleShot(True)
        self.change_refresh_timer.timeout.connect(self._refresh_after_change)
        self.tabs.currentChanged.connect(self._refresh_if_stale)
        self._notices_connected = False  # finish_start() starts watching

    def _start_watching(self) -> None:
        from xiaoneng_desktop.core import changes

        self._stop_watching()
        if not self._notices_connected:
            self._notices_connected = True
            self.changed_elsewhere.connect(self._on_changed_elsewhere, QtCore.Qt.ConnectionType.QueuedConnection)
        self.watcher = changes.watch(self.changed_elsewhere.emit)
        if self.watcher.poll_seconds is not None:
            self.change_poll_timer.start(int(self.watcher.poll_seconds * 1000))

    def _stop_watching(self) -> None:
        """No thread and no timer left over the data source being closed."""
        self.change_poll_timer.stop()
        self.change_refresh_timer.stop()
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        self._stale_tabs.clear()

    def _poll_changes(self) -> None:
        if self.watcher is not None and self.watcher.poll():
            self._on_changed_elsewhere(frozenset())

    def _on_changed_elsewhere(self, _tables=frozenset()) -> None:
        """Coalesced: at most one refresh a second, however many saves arrive."""
        if self.watcher is None:
            return  # a notice queued before the data source was closed
        self._stale_tabs.update(i for i in range(1, self.tabs.count())
                                if isinstance(self.tabs.widget(i), LazyTab) and self.tabs.widget(i).widget)
        if not self.change_refresh_timer.isActive():
            since = time.monotonic() - self._last_change_refresh
            self.change_refresh_timer.start(max(0, int((CHANGE_REFRESH_SECONDS - since) * 1000)))

    def _refresh_after_change(self) -> None:
        """The tab in front reads its data again (keeping selection and scroll position); the others
        when they are next shown. Not while a menu is open: the rows under it must not move."""
        if QApplication.activePopupWidget() is not None:
            self.change_refresh_timer.start(int(CHANGE_REFRESH_SECONDS * 1000))
            return
        self._last_change_refresh = time.monotonic()
        if self.tabs.currentIndex() == 0:
            self.dashboard.refresh()
        else:
            self._refresh_if_stale(self.tabs.currentIndex())

    def _refresh_if_stale(self, index: int) -> None:
        if index in self._stale_tabs:
            self._stale_tabs.discard(index)
            register = self.register_tab(index)
            if register is not None:
                register.refresh_quietly()

    # ------------------------------------------------------------------ view

    def set_full_screen(self, on: bool) -> None:
        if on:
            self._maximized_before_full_screen = self.isMaximized()
            self.showFullScreen()
        elif self._maximized_before_full_screen:
            self.showMaximized()
        else:
            self.showNormal()

    # ------------------------------------------------------------------ tools

    def open_admin_dialog(self, module_name: str, class_name: str, title: str = "") -> None:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            QtWidgets.QMessageBox.information(self, title.rstrip("…") or APP_NAME, "此功能尚未完成，敬请期待下一版本。")
            return
        dialog = getattr(module, class_name)(self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
            self.refresh_all()

    def open_audit_log(self) -> None:
        """工具 → 审计日志 (管理员): the log, filtered and exported; refused to any other role."""
        from xiaoneng_desktop.core import session

        if not session.can("audit.read"):
            QtWidgets.QMessageBox.information(self, "审计日志", str(session.PermissionDenied("audit.read", session.current())))
            return
        self.open_admin_dialog("xiaoneng_desktop.ui.admin.audit_dialog", "AuditDialog", "审计日志…")

    # ------------------------------------------------------------------ file

    def backup_database(self) -> BackgroundTask | None:
        """Copy the data file where the user says, in a worker so the window stays responsive."""
        from xiaoneng_desktop.core import errors, session

        try:
            session.require("backup")
        except session.PermissionDenied as exc:
            QtWidgets.QMessageBox.information(self, "备份数据库", str(exc))
            return None
        now = clock.now()
        from xiaoneng_desktop.ui.widgets import files

        target = files.ask_save_path(self, "备份数据库", f"{source_name(self.db_path)}-备份-{now:%Y%m%d-%H%M}.sqlite3",
                                     "数据文件 (*.sqlite3);;所有文件 (*)")
        if target is None:
            return None
        from xiaoneng_desktop.core import backups
        from xiaoneng_desktop.core import db as db_module

        if db_module.on_server():
            try:
                info = self.backup_server_now(target)
            except backups.BackupError as exc:
                QtWidgets.QMessageBox.critical(self, "备份失败", str(exc))
            except Exception as exc:  # a folder that is gone, a full disk: said as on a data file
                message = errors.describe(exc, action="备份", subject=f"备份文件“{target}”")
                QtWidgets.QMessageBox.critical(self, "备份失败", message.text)
            else:
                QtWidgets.QMessageBox.information(self, "备份完成", f"数据已备份到：\n{info.path}")
            return None
        if db_module.is_data_file_or_sibling(self.db_path, target):
            QtWidgets.QMessageBox.warning(
                self,
                "备份数据库",
                "不能备份到正在使用的数据文件本身（或它旁边的 -wal、-shm、-journal 文件），请另选一个文件名。",
            )
            return None
        db = db_module.database.obj

        def work(_progress):
            # this thread's own connection, closed when the copy is done
            with db.connection_context():
                db_module.backup_database(db, target)
            backups.note(self.db_path, "备份", f"备份到“{target}”")
            return target

        task = self._backup_task = BackgroundTask(work, self)
        self.backup_action.setEnabled(False)
        self.statusBar().showMessage(f"正在备份到“{target}”…")

        def finish() -> None:
            self.backup_action.setEnabled(True)
            self.statusBar().clearMessage()
            self._backup_task = None
            task.deleteLater()

        def succeeded(_path) -> None:
            finish()
            QtWidgets.QMessageBox.information(self, "备份完成", f"数据已备份到：\n{target}")

        def failed(exc: BaseException) -> None:
            finish()
            message = errors.describe(exc, action="备份", subject=f"备份文件“{target}”")
            QtWidgets.QMessageBox.critical(self, "备份失败", message.text)

        task.succeeded.connect(succeeded)
        task.failed.connect(failed)
        task.start()
        return task

    def backup_server_now(self, dest: Path) -> backups.BackupInfo:
        """A server database's backup (a data file of every table) into the folder or file ``dest``.
        On the GUI thread: opening the new file binds the models to it for a moment, which a worker
        must not do while the window reads."""
        from xiaoneng_desktop import schema
        from xiaoneng_desktop.core import backups
        from xiaoneng_desktop.core import db as db_module

        QApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)
        try:
            return backups.backup_server_now(db_module.database.obj, str(self.db_path), dest, schema.FILE_KIND)
        finally:
            QApplication.restoreOverrideCursor()

    # ------------------------------------------------------------------ automatic backups

    def _build_backup_timers(self) -> None:
        """The automatic backups' timers; finish_start() starts them."""
        self._auto_backup_task: BackgroundTask | None = None
        self.auto_backup_timer = QTimer(self)
        self.auto_backup_timer.timeout.connect(lambda: self.auto_backup(only_if_changed=False))
        self.start_backup_timer = QTimer(self)  # a member, so that closing the window cancels it
        self.start_backup_timer.setSingleShot(True)
        # at start only when the last backup is older than the interval: opening the program several
        # times a day does not copy a large file each time
        self.start_backup_timer.timeout.connect(
            lambda: self.auto_backup(only_if_changed=True, younger_than_hours=self._backup_settings()[1]))

    def _start_auto_backups(self) -> None:
        """A backup shortly after start and every N hours (设置 backup.interval_hours; 0: none)."""
        hours = self._backup_settings()[1]
        if hours > 0:
            self.auto_backup_timer.start(hours * 3600 * 1000)
            self.start_backup_timer.start(START_BACKUP_DELAY_MS)

    def _backup_settings(self) -> tuple[Path, int, backups.Policy]:
        """(folder, interval hours, rotation) from the data file; defaults if it cannot be read now."""
        from xiaoneng_desktop.core import backups

        try:
            folder, hours, policy = backups.configured()
        except Exception as exc:  # noqa: BLE001 - a backup must not stop the window; the log keeps it
            logs.log_exception(exc, "读取备份设置失败")
            folder, hours, policy = "", 4, backups.Policy()
        if targets.is_server(self.db_path):
            return backups.server_folder(folder), hours, policy
        return backups.folder_for(self.db_path, folder), hours, policy

    def auto_backup(self, only_if_changed: bool = True,
                    younger_than_hours: float | None = None) -> BackgroundTask | None:
        """A checked backup into the backup folder, with rotation, in a worker; the outcome goes to the
        status bar (and a failure to the log), never to a modal box. ``only_if_changed``: skip it if
        the newest backup is younger than the last change to the file."""
        from xiaoneng_desktop import schema
        from xiaoneng_desktop.core import backups, errors
        from xiaoneng_desktop.core import db as db_module

        # a window never shown (built by a test, or one whose start failed) backs nothing up
        if self._auto_backup_task is not None or db_module.database.obj is None or not self.isVisible():
            return None
        if db_module.on_server():  # 立即备份 (or the server's own backups); a worker cannot copy a server
            return None
        folder, _hours, policy = self._backup_settings()
        path = self.db_path

        def work(_progress):
            if only_if_changed and not backups.needs_backup(path, folder, younger_than_hours):
                return None
            return backups.backup_and_rotate(path, folder, schema.FILE_KIND, policy)

        task = self._auto_backup_task = BackgroundTask(work, self)

        def succeeded(info) -> None:
            self._auto_backup_task = None
            task.deleteLater()
            if info is not None:
                self.statusBar().showMessage(f"已自动备份：{info.path.name}", 10000)

        def failed(exc: BaseException) -> None:
            self._auto_backup_task = None
            task.deleteLater()
            if isinstance(exc, backups.BackupError):
                logs.log_exception(exc, "自动备份失败")
                text = str(exc)
            else:
                if not errors.is_bug(exc):  # describe logs a bug itself
                    logs.log_exception(exc, "自动备份失败")
                text = errors.describe(exc, action="自动备份", subject=f"备份文件夹“{folder}”").text
            self.statusBar().showMessage(f"自动备份失败：{text}")

        task.succeeded.connect(succeeded)
        task.failed.connect(failed)
        task.start()
        return task

    def backup_on_exit(self) -> None:
        """The last automatic backup as the window closes (waited for: the program is ending)."""
        self.auto_backup_timer.stop()
        self.start_backup_timer.stop()
        if not self.started:  # the start ended before the data source was open: nothing to back up
            return
        if self._auto_backup_task is not None:
            self._auto_backup_task.wait()
            QApplication.sendPostedEvents()
            self._auto_backup_task = None
        if self._backup_settings()[1] > 0:
            task = self.auto_backup(only_if_changed=True)
            if task is not None:
                task.wait()

    def restore_backup(self, chosen: Path) -> tuple[Path | None, backups.Health]:
        """Put backup ``chosen`` in place of the data file (the current one is backed up first) and
        reopen it. Done on the GUI thread, with every connection to the file closed meanwhile (a worker
        could not keep the tabs from reading it). Raises backups.BackupError with a Chinese message."""
        from xiaoneng_desktop import schema
        from xiaoneng_desktop.core import backups
        from xiaoneng_desktop.core import db as db_module

        for task in (self._auto_backup_task, self._backup_task):
            if task is not None:
                task.wait()
        folder = self._backup_settings()[0]
        QApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)
        if db_module.on_server():  # every row replaced in one transaction, the connection stays open
            try:
                saved, _copied = backups.restore_server_now(db_module.database.obj, str(self.db_path), chosen,
                                                            folder, schema.FILE_KIND)
            finally:
                QApplication.restoreOverrideCursor()
                self.open_data_file(self.db_path, reopen=True)
            return saved, backups.inspect(chosen, schema.FILE_KIND, full=False)
        try:
            db_module.close_database()
            result = backups.restore_now(self.db_path, chosen, folder, schema.FILE_KIND)
        finally:
            QApplication.restoreOverrideCursor()
            self.open_data_file(self.db_path, reopen=True)
        return result

    def open_import_dialog(self):
        from xiaoneng_desktop.ui.ledger.import_dialog import open_import_dialog  # not at start-up

        return open_import_dialog(self)

    def choose_data_file(self) -> None:
        """文件 → 打开数据文件…: a data file (the file dialog) or a database server (the connection dialog)."""
        source = self.ask_source()
        if source == "file":
            self.choose_file()
        elif source == "server":
            self.choose_server()

    def ask_source(self) -> str | None:
        """"file", "server", or None (取消)."""
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Question, "打开数据文件", "要打开哪一种数据？", parent=self)
        box.setInformativeText("数据文件：本机或U盘上的 .sqlite3 文件（一台电脑使用）。\n"
                               "数据库服务器：办公室的 PostgreSQL 服务器（多台电脑共用）。")
        file_button = box.addButton("数据文件…", QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        server_button = box.addButton("数据库服务器…", QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        box.addButton("取消", QtWidgets.QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(server_button if targets.is_server(self.db_path) else file_button)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        return {file_button: "file", server_button: "server"}.get(clicked)

    def choose_file(self) -> None:
        folder = "" if targets.is_server(self.db_path) else str(self.db_path.parent)
        name, _filter = QtWidgets.QFileDialog.getOpenFileName(
            self, "打开数据文件", folder, "数据文件 (*.sqlite3 *.db);;所有文件 (*)"
        )
        if name and not self.keep_unsaved_work():
            self.open_data_file(Path(name))

    def choose_server(self) -> None:
        """The connection dialog; 连接 switches to the server database through open_data_file."""
        from xiaoneng_desktop.ui.connect_dialog import ConnectDialog

        current = self.db_path if targets.is_server(self.db_path) else None
        dialog = ConnectDialog(self, self.settings, self._connect_to, current)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def _connect_to(self, url: str) -> BaseException | str | None:
        """The connection dialog's 连接: None once the window works on ``url``, else why not (the open's
        DatabaseOpenError, or a Chinese sentence)."""
        if self.keep_unsaved_work():
            return "当前还有未保存的内容，已取消切换。"
        problem: list[BaseException] = []
        self.open_data_file(url, report=problem.append)
        return problem[0] if problem else None

    def keep_unsaved_work(self) -> bool:
        """Before quitting or leaving the data file: typed work not saved yet (open entry dialogs, a
        register's own pages such as the 五查 answers) is asked about once. True when the window must
        stay: the user said 取消, or a save was refused (shown where it was refused)."""
        from xiaoneng_desktop.ui.widgets import record_dialog

        dialogs = [d for d in self.findChildren(record_dialog.RecordDialog) if d.has_unsaved_input()]
        registers = [(tab, tab.unsaved_work()) for tab in self.registers()]
        registers = [(tab, work) for tab, work in registers if work]
        if not dialogs and not registers:
            return False
        names = [d.windowTitle() for d in dialogs] + [name for _, work in registers for name in work]
        answer = record_dialog.ask_to_save(self, names)
        if answer == "cancel":
            return True
        if answer == "discard":
            for dialog in dialogs:
                dialog.discard()
            return False
        # the registers' pages first: a dialog's save makes its tab read its pages again
        for tab, _work in registers:
            if not tab.save_work():
                self.tabs.setCurrentWidget(tab.parentWidget())
                return True
        for dialog in dialogs:
            if not dialog.save():
                dialog.activateWindow()
                return True
        return False

    def open_data_file(self, path: Path | str, *, reopen: bool = False,
                       report: Callable[[BaseException], object] | None = None) -> bool:
        """Switch to another data file or server database: open it, then rebuild every tab on it. False
        if it cannot be used (said in a message box, or given to ``report``: the connection dialog).
        ``reopen``: open it again even if it is the file in use (it was restored from a backup)."""
        path = path if targets.is_server(path) else Path(path)
        if targets.is_server(path) or targets.is_server(self.db_path):
            if path == self.db_path and not reopen:
                return True
        else:
            try:
                if path.resolve() == self.db_path.resolve() and not reopen:
                    return True
            except OSError:
                pass
        from xiaoneng_desktop import schema
        from xiaoneng_desktop.core import db as db_module

        old = db_module.database.obj
        try:
            schema.open_database(path)
        except db_module.DatabaseOpenError as exc:
            if db_module.database.obj is not old:
                db_module.database.initialize(old)
            if report is not None:
                report(exc)
            else:
                QtWidgets.QMessageBox.critical(self, "无法打开数据文件", str(exc))
            return False
        except BaseException:
            if db_module.database.obj is not old:
                db_module.database.initialize(old)
            raise
        index = self.tabs.currentIndex()
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            widget.deleteLater()
        self._stop_watching()
        if old is not None and not old.is_closed():
            old.close()
        self.db_path = path
        self._build_tabs()
        self._resolve_shortcut_clashes()
        self.tabs.setCurrentIndex(index)
        self._update_title()
        self._show_path()
        self._update_edit_actions()
        self._start_watching()
        if not reopen:
            self._sign_in_to(path)
        return True

    def _sign_in_to(self, path: Path) -> None:
        """Accounts belong to a data file: a user signed in to the last one signs in again here
        (or the window closes); where login is off, the operating-system user acts."""
        from xiaoneng_desktop.core import accounts, session
        from xiaoneng_desktop.ui.admin.login_dialog import sign_in_at_start

        if session.current().signed_in:
            accounts.sign_out()
            if not sign_in_at_start(self):
                QTimer.singleShot(0, self.close)
        self.show_user()

    # ------------------------------------------------------------------ help

    def show_help(self) -> None:
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.NoIcon, "使用说明", HELP_TEXT, QtWidgets.QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(QtCore.Qt.TextFormat.RichText)
        box.exec()
        box.deleteLater()

    def about_text(self) -> str:
        from html import escape  # html.entities: 2 ms of the start, for this box only

        import PySide6

        from xiaoneng_desktop import schema

        return (
            f"<h3>{APP_NAME}</h3>"
            f"<p>版本 {__version__}</p>"
            f"<p>{escape(self._source_text())}<br>数据版本：{schema.SCHEMA_VERSION}</p>"
            f"<p>Python {sys.version.split()[0]}，PySide6 {PySide6.__version__}</p>"
            "<p>值班记录、公文流转、来访接待、五查自查的单机登记与报表程序。</p>"
        )

    def _source_text(self) -> str:
        if targets.is_server(self.db_path):
            return targets.describe_target(self.db_path)
        return f"数据文件：{self.db_path}"

    def show_about(self) -> None:
        QtWidgets.QMessageBox.about(self, f"关于{APP_NAME}", self.about_text())

    # ------------------------------------------------------------------ state

    def _restore_state(self) -> None:
        geometry = self.settings.value("MainWindow/geometry")
        if not geometry or not self.restoreGeometry(geometry):
            self._default_geometry()
        state = self.settings.value("MainWindow/state")
        if state:
            self.restoreState(state)
        # the program opens on 概览, whatever tab was last looked at
        self._check_tab_action(self.tabs.currentIndex())

    def _default_geometry(self, room: QRect | None = None) -> None:
        """First start (no saved geometry): maximised on a screen up to MAXIMISE_UP_TO px wide (1366×768,
        1024×768: every list needs the whole width); on a wider one 1200×760, centred. ``room``: the
        screen's available geometry (a test passes a fake screen)."""
        if room is None:
            screen = self.screen() or QApplication.primaryScreen()
            if screen is None:
                return
            room = screen.availableGeometry()
        self.resize(min(1200, room.width() * 9 // 10), min(760, room.height() * 9 // 10))
        frame = self.frameGeometry()
        frame.moveCenter(room.center())
        self.move(frame.topLeft())
        if room.width() <= MAXIMISE_UP_TO:
            self.setWindowState(self.windowState() | QtCore.Qt.WindowState.WindowMaximized)

    def save_state(self) -> None:
        self.settings.setValue("MainWindow/geometry", self.saveGeometry())
        self.settings.setValue("MainWindow/state", self.saveState())
        self.settings.sync()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        action = getattr(self, "fullscreen_action", None)
        if action is not None and event.type() == QEvent.Type.WindowStateChange:
            blocked = action.blockSignals(True)
            action.setChecked(self.isFullScreen())
            action.blockSignals(blocked)
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.keep_unsaved_work():
            event.ignore()
            return
        self.save_state()
        self.clock_timer.stop()
        self._stop_watching()
        self.backup_on_exit()
        if self._backup_task is not None:
            self._backup_task.wait()  # let a running backup finish: its thread must not be destroyed mid-copy
        super().closeEvent(event)
