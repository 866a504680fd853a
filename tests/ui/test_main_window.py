"""The main window: tabs, menus, status bar, saved geometry, Qt's Chinese, switching data files."""

from __future__ import annotations

import datetime as dt
import gc
import re
import sqlite3
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from xiaoneng_desktop import APP_NAME, __version__, app, cli, schema
from xiaoneng_desktop.core import db as db_module
from xiaoneng_desktop.core import targets
from xiaoneng_desktop.ui import main_window as main_window_module
from xiaoneng_desktop.ui.dashboard.tab import DashboardTab
from xiaoneng_desktop.ui.documents.tab import DocumentsTab
from xiaoneng_desktop.ui.duty.tab import DutyTab
from xiaoneng_desktop.ui.inspection.tab import InspectionTab
from xiaoneng_desktop.ui.main_window import MainWindow, format_clock
from xiaoneng_desktop.ui.visitors.tab import VisitorsTab


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, database, db_path, settings, clock):
    win = MainWindow(db_path, settings)
    qtbot.addWidget(win)
    return win


@pytest.fixture
def messages(monkeypatch):
    """Every QMessageBox static call is recorded instead of blocking the test."""
    seen = []

    def record(kind):
        def show(parent, title, text, *args, **kwargs):
            seen.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return show

    for kind in ("information", "warning", "critical", "about"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return seen


def menu(win, title):
    for action in win.menuBar().actions():
        if action.text() == title:
            return action.menu()
    raise AssertionError(f"no menu {title}")


def action(win, menu_title, text):
    for item in menu(win, menu_title).actions():
        if item.text() == text:
            return item
    raise AssertionError(f"no action {text} in {menu_title}")


def test_title_names_the_data_file(window, db_path):
    if targets.is_server(db_path):
        assert window.windowTitle() == f"{APP_NAME} — {targets.describe_target(db_path)}"
        return
    assert window.windowTitle() == f"{APP_NAME} — test.sqlite3"
    assert db_path.name == "test.sqlite3"


def test_four_tabs_in_order(window):
    names = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert names == ["概览", "值班记录", "公文流转", "来访接待", "五查自查"]
    assert isinstance(window.dashboard, DashboardTab) and window.tabs.currentIndex() == 0
    # a register's tab is built the first time it is looked at
    assert window.tab_widgets() == [window.dashboard]
    assert isinstance(window.register_tab(1), DutyTab)
    assert isinstance(window.register_tab(2), DocumentsTab)
    assert isinstance(window.register_tab(3), VisitorsTab)
    window.tabs.setCurrentIndex(4)
    assert isinstance(window.tab_widgets()[-1], InspectionTab)


def test_menus_and_shortcuts(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["文件(&F)", "编辑(&E)", "视图(&V)", "工具(&T)", "帮助(&H)"]
    expected = {
        ("文件(&F)", "备份数据库(&B)…"): "Ctrl+B",
        ("文件(&F)", "打开数据文件(&O)…"): "Ctrl+O",
        ("文件(&F)", "退出(&X)"): "Ctrl+Q",
        ("文件(&F)", "打印(&P)…"): "Ctrl+P",
        ("编辑(&E)", "新建(&N)"): "Ctrl+N",
        ("编辑(&E)", "查找(&F)"): "Ctrl+F",
        ("编辑(&E)", "刷新(&R)"): "F5",
        ("视图(&V)", "概览(&G)"): "Ctrl+1",
        ("视图(&V)", "值班记录(&Z)"): "Ctrl+2",
        ("视图(&V)", "公文流转(&W)"): "Ctrl+3",
        ("视图(&V)", "来访接待(&J)"): "Ctrl+4",
        ("视图(&V)", "五查自查(&C)"): "Ctrl+5",
        ("视图(&V)", "全屏(&U)"): "F11",
        ("帮助(&H)", "使用说明(&H)"): "F1",
        ("帮助(&H)", "关于(&A)"): "",
    }
    for (title, text), shortcut in expected.items():
        assert action(window, title, text).shortcut().toString() == shortcut, text
    tools = [a.text() for a in menu(window, "工具(&T)").actions()]
    assert tools == ["人员与部门(&P)…", "单位设置(&S)…", "节假日与调休(&J)…", "备份与恢复(&R)…", "用户管理(&U)…", "",
                     "审计日志(&L)…"]


def test_audit_log_menu_is_for_the_administrator(window, monkeypatch):
    from xiaoneng_desktop.core import session

    tools = menu(window, "工具(&T)")
    opened, said = [], []
    monkeypatch.setattr(window, "open_admin_dialog", lambda *args: opened.append(args[1]))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: said.append(a[2]))
    try:
        session.sign_in(session.Actor("小王", "值班员", 1))
        tools.aboutToShow.emit()
        assert not window.audit_action.isVisible()
        window.open_audit_log()
        assert opened == [] and said == ["当前用户“小王”（值班员）无权查看审计日志"]
        session.sign_in(session.Actor("admin", "管理员", 2))
        tools.aboutToShow.emit()
        assert window.audit_action.isVisible()
        window.audit_action.trigger()
        assert opened == ["AuditDialog"]
    finally:
        session.sign_in(None)


def test_view_actions_switch_tabs(window):
    window.tab_actions[2].trigger()
    assert window.tabs.currentIndex() == 2
    window.tabs.setCurrentIndex(3)
    assert window.tab_actions[3].isChecked()


def test_edit_actions_act_on_the_current_tab_when_it_can(window):
    calls = []
    duty = window.register_tab(1)
    duty.new_record = lambda: calls.append("new")
    duty.focus_search = lambda: calls.append("find")
    duty.refresh = lambda: calls.append("refresh")
    from PySide6.QtWidgets import QWidget

    window.tabs.setCurrentIndex(window.tabs.addTab(QWidget(), "无此功能"))  # a tab that cannot act
    assert not window.new_action.isEnabled() and not window.refresh_action.isEnabled()
    window.tabs.setCurrentIndex(1)
    assert window.new_action.isEnabled() and window.find_action.isEnabled()
    window.new_action.trigger()
    window.find_action.trigger()
    window.refresh_action.trigger()
    assert calls == ["new", "find", "refresh"]


def test_a_tabs_own_copy_of_a_menu_shortcut_is_switched_off(window):
    """Two live shortcuts on one key are ambiguous in Qt and neither fires."""
    from PySide6.QtGui import QKeySequence, QShortcut

    duty = window.register_tab(1)
    duty.new_record = lambda: None
    copy = QShortcut(QKeySequence("Ctrl+N"), duty)
    other = QShortcut(QKeySequence("Ctrl+Shift+K"), duty)
    window._resolve_shortcut_clashes()
    assert not copy.isEnabled()
    assert other.isEnabled()
    menu_keys = {
        a.shortcut().toString() for a in (window.new_action, window.find_action, window.refresh_action)
    }
    for tab in window.tab_widgets():
        for shortcut in tab.findChildren(QShortcut):
            assert not (shortcut.isEnabled() and shortcut.key().toString() in menu_keys)


def test_status_bar_shows_data_file_and_clock(qtbot, window, db_path, clock):
    shown = targets.describe_target(db_path) if targets.is_server(db_path) else str(db_path)
    assert shown in window.path_label.text()
    assert window.clock_label.text() == "2026年10月9日 星期五 09:00:00"
    clock.advance(hours=4, minutes=5, seconds=9)
    qtbot.waitUntil(lambda: window.clock_label.text() == "2026年10月9日 星期五 13:05:09", timeout=2500)


def test_clock_format():
    assert format_clock(dt.datetime(2026, 11, 29, 13, 5, 9)) == "2026年11月29日 星期日 13:05:09"
    assert format_clock(dt.datetime(2027, 1, 4, 0, 0, 0)) == "2027年1月4日 星期一 00:00:00"


def test_geometry_restored_and_opens_on_the_dashboard(qtbot, database, db_path, settings, clock):
    first = MainWindow(db_path, settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(first.minimumSizeHint().width() + 10, 480)
    size = (first.width(), first.height())
    first.tabs.setCurrentIndex(2)
    first.close()

    second = MainWindow(db_path, settings)
    qtbot.addWidget(second)
    assert second.tabs.currentIndex() == 0  # 概览 first, whatever was looked at last
    assert second.tab_actions[0].isChecked()
    assert (second.width(), second.height()) == size


def test_broken_saved_state_is_ignored(qtbot, database, db_path, settings, clock):
    settings.setValue("MainWindow/geometry", b"garbage")
    settings.setValue("MainWindow/tab", "seven")
    win = MainWindow(db_path, settings)
    qtbot.addWidget(win)
    assert win.tabs.currentIndex() == 0
    assert win.width() > 300


def test_qt_speaks_chinese(qapp):
    locale = QLocale()
    translators = app.install_translations(qapp)
    try:
        assert any(t.filePath().endswith("qtbase_zh_CN.qm") for t in translators), "qtbase_zh_CN.qm not found"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
        assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "确定"
        box.deleteLater()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)


def test_qts_own_file_dialog_speaks_chinese(qapp):
    """Where the system has no file dialog of its own (most Linux desktops), Qt's is used: its labels
    are Chinese too, those qtbase_zh_CN.qm of Qt 6 lacks ("&Look in:", "Files of &type:") included."""
    from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel

    locale = QLocale()
    translators = app.install_translations(qapp)
    try:
        dialog = QFileDialog(None, "保存")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton) if w.text()]
        texts += [w.toolTip() for w in dialog.findChildren(QAbstractButton) if w.toolTip()]
        assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts and "保存(&S)" in texts
        assert not [t for t in texts if re.search(r"[A-Za-z]{3}", t.replace("&", ""))], texts
        dialog.deleteLater()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)


def test_admin_dialog_opens_lazily_and_tabs_refresh_after(window, monkeypatch):
    opened = []

    class FakeDialog:
        def __init__(self, parent):
            assert parent is window
            opened.append(self)

        def exec(self):
            return 1

        def deleteLater(self):  # noqa: N802 - Qt name
            pass

    module = types.ModuleType("xiaoneng_desktop.ui.admin.workdays_dialog")
    module.WorkdaysDialog = FakeDialog
    monkeypatch.setitem(sys.modules, module.__name__, module)
    refreshed = []
    window.register_tab(1).refresh = lambda: refreshed.append(True)

    action(window, "工具(&T)", "节假日与调休(&J)…").trigger()
    assert len(opened) == 1
    assert refreshed == [True]


def test_admin_dialog_not_there_yet_says_so(window, messages):
    window.open_admin_dialog("xiaoneng_desktop.ui.admin.no_such_dialog", "NoSuchDialog", "某功能…")
    assert messages and messages[0][0] == "information"
    assert "尚未完成" in messages[0][2]


def test_backup_writes_a_copy(qtbot, window, tmp_path, monkeypatch, messages):
    from xiaoneng_desktop.core.models import Department

    Department.create(name="办公室")
    target = tmp_path / "backup" / "copy.sqlite3"
    target.parent.mkdir()
    target.write_text("old contents the user agreed to replace")
    suggested = []

    def choose(parent, title, directory, file_filter):
        suggested.append(directory)
        return str(target), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    window.backup_action.trigger()
    # a data file is copied in a worker (no second copy meanwhile); a server's on the GUI thread
    assert window.backup_action.isEnabled() == db_module.on_server()
    qtbot.waitUntil(window.backup_action.isEnabled, timeout=10000)
    assert suggested[0].endswith(f"{main_window_module.source_name(window.db_path)}-备份-20261009-0900.sqlite3")
    assert main_window_module.source_name(window.db_path) == (
        "test" if not targets.is_server(window.db_path) else window.db_path.rsplit("/", 1)[1])
    assert messages[-1][0] == "information" and str(target) in messages[-1][2]
    assert not list(target.parent.glob("*.partial"))
    copy = sqlite3.connect(target)
    try:
        assert copy.execute("SELECT name FROM department").fetchall() == [("办公室",)]
        assert copy.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    finally:
        copy.close()


@pytest.mark.sqlite_only(reason="a server database has no file a backup could overwrite")
def test_backup_refuses_the_open_file(window, db_path, monkeypatch, messages):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(db_path), ""))
    assert window.backup_database() is None
    assert messages[-1][0] == "warning"


@pytest.mark.sqlite_only(reason="the -wal file beside a data file")
def test_backup_refuses_the_wal_file_beside_the_data_file(window, db_path, monkeypatch, messages):
    wal = Path(f"{db_path}-wal")
    assert wal.exists()  # the data file is in WAL mode: its -wal holds committed records
    before = wal.stat().st_size
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(wal), ""))
    assert window.backup_database() is None
    assert messages[-1][0] == "warning" and "-wal" in messages[-1][2]
    assert window.backup_action.isEnabled() and wal.stat().st_size == before


def test_backup_into_a_missing_folder_says_so_in_chinese(qtbot, window, tmp_path, monkeypatch, messages):
    target = tmp_path / "不存在的文件夹" / "copy.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    task = window.backup_database()
    if not db_module.on_server():  # a server's backup is written on the GUI thread
        assert task is not None
        qtbot.waitUntil(window.backup_action.isEnabled, timeout=10000)
    kind, title, text = messages[-1]
    assert kind == "critical" and title == "备份失败"
    assert text.startswith("备份失败：无法打开备份文件") and str(target) in text
    assert "意外错误" not in text
    assert not target.exists() and not list(target.parent.glob("*.partial"))


def test_open_another_data_file(window, tmp_path, messages):
    other = tmp_path / "另一个.sqlite3"
    assert window.open_data_file(other)
    try:
        assert window.windowTitle() == f"{APP_NAME} — 另一个.sqlite3"
        assert str(other) in window.path_label.text()
        assert window.tabs.count() == 5 and isinstance(window.register_tab(1), DutyTab)
        assert Path(db_module.database.obj.database) == other
    finally:
        db_module.close_database()


def test_open_a_bad_data_file_keeps_the_current_one(window, database, db_path, tmp_path, messages):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database at all, just bytes" * 10)
    assert not window.open_data_file(bad)
    assert messages[-1][0] == "critical" and "不是数据库文件" in messages[-1][2]
    assert db_module.database.obj is database
    assert window.windowTitle().endswith(db_path.name if not targets.is_server(db_path)
                                         else targets.describe_target(db_path))


def test_about_names_version_file_and_schema(window, db_path):
    text = window.about_text()
    shown = targets.describe_target(db_path) if targets.is_server(db_path) else str(db_path)
    assert __version__ in text and shown in text and f"数据版本：{schema.SCHEMA_VERSION}" in text


def test_help_and_about_open(window, monkeypatch, messages):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    window.help_action.trigger()
    window.about_action.trigger()
    assert "使用说明" in shown[0]
    assert messages[-1][0] == "about"


def test_excepthook_logs_and_shows_a_dialog(qapp, monkeypatch, log_path):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.informativeText()) or 0)
    previous = app.install_excepthook()
    try:
        try:
            raise RuntimeError("槽函数里出错")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = previous
    assert "槽函数里出错" in shown[0] and str(log_path) in shown[0]
    assert "Traceback" in log_path.read_text(encoding="utf-8")


def test_run_gui_on_a_bad_file_shows_a_message_and_returns_2(qapp, tmp_path, monkeypatch, messages, settings,
                                                             capsys):
    """The window is painted first; the file's problem is said over it, and the window closes without
    trying a backup of the file it could not open."""
    monkeypatch.setattr(app, "prepare_application", lambda application: None)
    windows = []

    class Window(MainWindow):
        def __init__(self, path, **options):
            super().__init__(path, settings, **options)
            windows.append(self)

    monkeypatch.setattr(main_window_module, "MainWindow", Window)
    logged = []
    monkeypatch.setattr(main_window_module.logs, "log_exception", lambda *args, **kwargs: logged.append(args))
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"x" * 100)
    assert app.run_gui(bad) == 2
    assert messages[0][0] == "critical" and "不是数据库文件" in messages[0][2]
    assert "不是数据库文件" in capsys.readouterr().err
    assert len(windows) == 1 and not windows[0].isVisible() and not windows[0].started and logged == []
    assert not (tmp_path / "备份").exists() and bad.read_bytes() == b"x" * 100


def test_run_gui_shows_the_window_and_returns_when_closed(qapp, qtbot, tmp_path, monkeypatch, settings):
    monkeypatch.setattr(app, "prepare_application", lambda application: None)
    from xiaoneng_desktop.ui.admin import login_dialog

    monkeypatch.setattr(login_dialog, "sign_in_at_start", lambda parent=None: True)  # see test_login_dialog
    windows = []

    class Window(MainWindow):
        def __init__(self, path, **options):
            super().__init__(path, settings, **options)
            windows.append(self)
            self.dashboard_at_first_paint: bool | None = None
            # Closing the last window ends app.exec(); an extra quit() would stay queued and end
            # the next test's event loop early.
            main_window_module.QTimer.singleShot(200, self.close)

        def paintEvent(self, event):  # noqa: N802 - Qt override
            if self.dashboard_at_first_paint is None:
                self.dashboard_at_first_paint = self.dashboard_place.widget is not None
            super().paintEvent(event)

        def closeEvent(self, event):  # noqa: N802 - Qt override
            self.frozen_at_close = gc.get_freeze_count()
            super().closeEvent(event)

    monkeypatch.setattr(main_window_module, "MainWindow", Window)
    previous_hook = sys.excepthook
    assert app.run_gui(tmp_path / "new.sqlite3") == 0
    assert sys.excepthook is previous_hook
    assert windows and windows[0].windowTitle().endswith("new.sqlite3")
    # 概览 is imported, built and read just after the first paint, not before it
    assert windows[0].dashboard_at_first_paint is False
    assert windows[0].dashboard_place.widget is not None
    assert db_module.database.obj.is_closed()
    # once 概览 was built, the objects of the start were put out of the cyclic collector's full passes;
    # run_gui gives them back as it returns
    assert windows[0].frozen_at_close > 10_000 and gc.get_freeze_count() == 0


@pytest.mark.parametrize("failing", ["before", "after"])
def test_an_error_while_starting_is_said_and_ends_the_start_only_before_the_window_works(
        qapp, tmp_path, monkeypatch, settings, failing):
    """A bug between opening the file and the window working (here: filling the demo) is shown and
    logged, and the program ends with 1; one once the window works (here: reading 概览) leaves the
    window open, as a slot's error would."""
    monkeypatch.setattr(app, "prepare_application", lambda application: None)
    from xiaoneng_desktop.ui.admin import login_dialog

    monkeypatch.setattr(login_dialog, "sign_in_at_start", lambda parent=None: True)
    reported, windows = [], []
    monkeypatch.setattr(app, "report_error", lambda exc, parent=None: reported.append((str(exc), parent)))

    def broken(*_args, **_kwargs):
        raise RuntimeError("坏了")

    if failing == "before":
        monkeypatch.setattr(app, "fill_demo_if_empty", broken)
    else:
        monkeypatch.setattr(main_window_module.LazyTab, "ensure", broken)

    class Window(MainWindow):
        def __init__(self, path, **options):
            super().__init__(path, settings, **options)
            windows.append(self)
            if failing == "after":
                main_window_module.QTimer.singleShot(300, self.close)

    monkeypatch.setattr(main_window_module, "MainWindow", Window)
    code = app.run_gui(tmp_path / "new.sqlite3", demo_months=1)
    assert reported == [("坏了", windows[0])]
    assert (code, windows[0].started) == ((1, False) if failing == "before" else (0, True))
    assert not windows[0].isVisible() and db_module.database.obj.is_closed()


def test_start_up_does_not_load_report_libraries(tmp_path):
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from xiaoneng_desktop import app, schema\n"
        "qapp = QApplication([])\n"
        f"path = Path({str(tmp_path / 'x.sqlite3')!r})\n"
        "schema.open_database(path)\n"
        "from xiaoneng_desktop.ui.main_window import MainWindow\n"
        f"w = MainWindow(path, QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat))\n"
        "w.show(); qapp.processEvents()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('openpyxl', 'reportlab')))\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=root,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
        check=True,
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


@pytest.fixture
def demo_module(monkeypatch):
    """A stand-in demo.fill that writes one department in a transaction, reporting progress."""
    from xiaoneng_desktop.core.models import Department

    module = types.ModuleType("xiaoneng_desktop.demo")
    module.wait_for_cancel = False

    def fill(months, *, progress=None):
        with db_module.atomic():
            Department.create(name=f"演示{months}")
            progress(1, 4)
            while module.wait_for_cancel:
                progress(2, 4)
                time.sleep(0.01)
            progress(4, 4)
        return {"部门": 1}

    module.fill = fill
    monkeypatch.setitem(sys.modules, module.__name__, module)
    return module


def test_demo_fill_runs_off_the_gui_thread_once(qapp, database, demo_module, monkeypatch):
    from xiaoneng_desktop.core.models import Department

    shown = []

    class Progress(app._DemoProgress):
        def show_progress(self, args):
            shown.append(cli.describe_progress(*args)[0])
            super().show_progress(args)

    monkeypatch.setattr(app, "_DemoProgress", Progress)
    assert app.fill_demo_if_empty(Path(database.database), 3)
    assert shown == [25, 100]
    assert [d.name for d in Department.select()] == ["演示3"]
    assert not app.fill_demo_if_empty(Path(database.database), 3)
    assert Department.select().count() == 1


def test_demo_fill_can_be_cancelled(qapp, database, demo_module):
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from xiaoneng_desktop.core.models import Department

    demo_module.wait_for_cancel = True

    def press_cancel():
        dialogs = [w for w in qapp.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
        if dialogs:
            dialogs[0].findChild(QPushButton).click()  # what the user does; cancel() emits nothing
        else:
            main_window_module.QTimer.singleShot(20, press_cancel)

    main_window_module.QTimer.singleShot(50, press_cancel)
    assert not app.fill_demo_if_empty(Path(database.database), 3)
    assert Department.select().count() == 0


def test_cjk_font_is_preferred_when_present_and_optional(qapp, monkeypatch):
    from PySide6.QtGui import QFontDatabase

    original = qapp.font()
    try:
        monkeypatch.setattr(app, "CJK_UI_FONTS", ("没有这种字体",))
        assert app.apply_cjk_font(qapp) is None
        assert qapp.font() == original
        some_family = QFontDatabase.families()[0]
        monkeypatch.setattr(app, "CJK_UI_FONTS", ("没有这种字体", some_family))
        assert app.apply_cjk_font(qapp) == some_family
        assert qapp.font().families()[0] == some_family
    finally:
        qapp.setFont(original)


def test_window_icon_found_in_resources(qapp):
    if not any((folder / "icon.svg").is_file() for folder in app.resource_dirs()):
        pytest.skip("no icon in this checkout")
    icon = app.window_icon()
    assert icon is not None and not icon.pixmap(32).isNull()


def test_no_tab_makes_the_window_wider_than_a_1024_screen(qtbot, window):
    """A tab whose button row or filters need more than a 1024×768 screen forces the window past its
    edge (the 公文流转 summary once sat in the button row and pushed it to 1074 px). Measured with the
    Chinese UI font the program itself applies (its characters are what make rows wide)."""
    from PySide6.QtWidgets import QApplication

    from xiaoneng_desktop import demo
    from xiaoneng_desktop.app import apply_cjk_font

    demo.fill(2)  # real counts in the summaries beside the buttons
    app = QApplication.instance()
    before = app.font()
    if apply_cjk_font(app) is None:
        pytest.skip("no Chinese UI font on this machine")
    try:
        window.resize(1000, 700)
        window.show()
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            tab = window.tabs.currentWidget()
            if hasattr(tab, "ensure"):
                tab.ensure()
            qtbot.wait(10)
            assert window.minimumSizeHint().width() <= 1000, window.tabs.tabText(index)
    finally:
        app.setFont(before)


def test_the_first_paint_waits_for_nothing_it_does_not_show(tmp_path):
    """Issue 16: the window is painted before the data file is opened: until then the program imports
    no peewee and builds no 概览, and until it is shown it creates no Qt ``Qt`` namespace (13–20 ms of
    enums a bare window does not pay for either); just after the paint the file is opened, 概览 read,
    and the window watches for saves made elsewhere. (A first start on a screen up to MAXIMISE_UP_TO wide maximises the window,
    which does need the namespace: here the screen is 1920×1080.)"""
    screen = tmp_path / "screen.json"
    screen.write_text('{"screens": [{"name": "big", "x": 0, "y": 0, "width": 1920, "height": 1080}]}',
                      encoding="utf-8")
    data = str(tmp_path / "x.sqlite3")
    root = Path(__file__).resolve().parents[2]
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
           "XDG_CONFIG_HOME": str(tmp_path)}
    create = (
        "from xiaoneng_desktop import schema\n"
        "from xiaoneng_desktop.core import accounts, db, settings\n"
        f"schema.open_database({data!r})\n"
        "with db.atomic():\n"
        "    settings.put(accounts.LOGIN_REQUIRED.key, False)  # no 创建管理员 at this first start\n"
        "db.close_database()\n"
    )
    subprocess.run([sys.executable, "-c", create], check=True, cwd=root, env=env, timeout=60)
    start = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "qapp = QApplication([])\n"
        "import PySide6.QtCore as QtCore\n"
        "from xiaoneng_desktop import app, cli\n"
        "painted = app.when_painted\n"
        "def when_painted(window, then):\n"
        "    def after():\n"
        "        print('painted', 'peewee' in sys.modules, window.dashboard_place.widget is not None,\n"
        "              window.user_label.text())\n"
        "        then()\n"
        "        print('after', window.started, window.dashboard_place.widget is not None, window.watcher is not None)\n"
        "        window.close()\n"
        "    print('built', 'peewee' in sys.modules, 'Qt' in vars(QtCore))\n"
        "    return painted(window, after)\n"
        "app.when_painted = when_painted\n"
        f"sys.exit(cli.main(['--db', {data!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", start], capture_output=True, text=True, cwd=root, timeout=60,
                            env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-3:] == [
        "built False False", "painted False False 正在打开数据文件…", "after True True True"], result.stdout
