"""The Qt application: Chinese translations and fonts, the data file, the error dialog, the main window.

Imported only when the window is wanted (cli imports it lazily), so headless verbs never load Qt;
it imports nothing from cli (its log helpers live in core/logs, the demo helpers in launch).
Everything the first screen does not need is imported later, by whoever needs it.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator, Slot
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from xiaoneng_desktop import APP_NAME, launch
from xiaoneng_desktop.core import logs

ORGANIZATION = "xiaoneng"
ICON_NAMES = ("icon.svg", "icon.png", "xiaoneng.svg", "xiaoneng.png", "icon.ico", "xiaoneng.ico")
QT_TRANSLATIONS = ("qtbase_zh_CN",)

#: Chinese UI fonts in order of preference; the first one present wins, none is required.
CJK_UI_FONTS = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "微软雅黑",
    "PingFang SC",
    "Hiragino Sans GB",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "思源黑体",
    "WenQuanYi Micro Hei",
    "文泉驿微米黑",
    "WenQuanYi Zen Hei",
    "文泉驿正黑",
    "Droid Sans Fallback",
    "SimHei",
    "黑体",
    "SimSun",
    "宋体",
)


def resource_dirs() -> list[Path]:
    """Where resources/ may be: inside the installed package, a PyInstaller bundle, or a source checkout."""
    package = Path(__file__).resolve().parent
    folders = [package / "resources", package.parent / "resources"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        folders[:0] = [Path(frozen) / "xiaoneng_desktop" / "resources", Path(frozen) / "resources"]
    return [folder for folder in folders if folder.is_dir()]


class MissingQtChinese(QTranslator):
    """What qtbase_zh_CN.qm of Qt 6 lacks: Qt's own file dialog (used where the system has none, as on
    most Linux desktops) changed these labels, and the shipped translation still has the old ones; the
    same for a few labels of Qt's print dialog and its 属性 (printer properties) dialog."""

    TEXTS = {
        ("QFileDialog", "&Look in:"): "查找范围(&L)：",
        ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
        ("QFileDialog", "Fi&le name:"): "文件名(&L)：",
        ("QFileDialog", "Directory"): "文件夹",
        ("QFileSystemModel", "Size"): "大小",  # the shipped "体积" reads oddly for a file
        ("QFileSystemModel", "%1 bytes"): "%1 字节",
        ("QFileSystemModel", "%1 byte(s)"): "%1 字节",
        ("QPrintSettingsOutput", "Page &Set:"): "打印页面(&S)：",
        ("QPageSetupWidget", "Page &order:"): "页面顺序(&O)：",
        ("QPageSetupWidget", "Pages &per sheet:"): "每张纸页数(&P)：",
        ("QCupsJobWidget", "Scheduled &printing:"): "定时打印(&P)：",
        ("QCupsJobWidget", "&Billing information:"): "计费信息(&B)：",
        ("QCupsJobWidget", "Job &priority:"): "作业优先级(&P)：",
        ("QCupsJobWidget", "&Start:"): "开头(&S)：",
        ("QCupsJobWidget", "&End:"): "结尾(&E)：",
    }

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: ARG002 - Qt's signature
        return self.TEXTS.get((context, source_text))  # None: the next translator is asked

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


def install_translations(app: QApplication) -> list[QTranslator]:
    """Qt's own Chinese (确定 / 取消 …, the file dialog's labels) and a Chinese default locale; call
    before the first widget."""
    QLocale.setDefault(QLocale("zh_CN"))
    folders = [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        *(str(folder / "translations") for folder in resource_dirs()),
    ]
    installed = []
    for name in QT_TRANSLATIONS:
        translator = QTranslator(app)
        if any(translator.load(name, folder) for folder in folders):
            app.installTranslator(translator)
            installed.append(translator)
    fixes = MissingQtChinese(app)  # installed last: asked first, only for its own few texts
    app.installTranslator(fixes)
    installed.append(fixes)
    return installed


def apply_cjk_font(app: QApplication) -> str | None:
    """Put the first Chinese UI font found on this system in front of the default font."""
    available = set(QFontDatabase.families())
    present = [family for family in CJK_UI_FONTS if family in available]
    if not present:
        return None
    font: QFont = app.font()
    base = font.family()
    font.setFamilies(list(dict.fromkeys([*present[:2], base])))
    app.setFont(font)
    return present[0]


def window_icon() -> QIcon | None:
    for path in (folder / name for folder in resource_dirs() for name in ICON_NAMES):
        if path.is_file():
            icon = QIcon(str(path))
            if not icon.isNull():
                return icon
    return None


def prepare_application(app: QApplication) -> None:
    """Names (for QSettings), Chinese translations, fonts and icon: everything before the first widget."""
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_NAME)
    app.setDesktopFileName("xiaoneng")
    install_translations(app)
    apply_cjk_font(app)
    icon = window_icon()
    if icon is not None:
        app.setWindowIcon(icon)


def report_error(exc: BaseException, parent: QWidget | None = None) -> None:
    """Log the traceback, print one line, and tell the user in a dialog."""
    log = logs.log_exception(exc)
    logs.say(logs.unexpected_error_message(exc, log))
    box = QtWidgets.QMessageBox(
        QtWidgets.QMessageBox.Icon.Critical, "程序出错", "程序遇到意外错误，刚才的操作可能没有完成。", parent=parent
    )
    box.setInformativeText(
        f"错误：{logs.one_line(exc)}\n\n已保存的数据不受影响。详细信息已写入日志：\n{log}\n\n"
        "如果问题反复出现，请把日志文件发给系统管理员。"
    )
    box.exec()
    box.deleteLater()


def install_excepthook() -> Callable:
    """Errors in slots show a dialog and go to the log instead of vanishing; returns the old hook."""
    previous = sys.excepthook
    busy = False

    def hook(exc_type, exc, tb):
        nonlocal busy
        if issubclass(exc_type, KeyboardInterrupt) or QApplication.instance() is None:
            previous(exc_type, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        if busy:  # an error while the dialog is up: log it, one dialog at a time
            logs.say(logs.unexpected_error_message(exc, logs.log_exception(exc)))
            return
        busy = True
        try:
            report_error(exc, QApplication.activeWindow())
        except Exception:  # noqa: BLE001 - the hook itself must never raise
            previous(exc_type, exc, tb)
        finally:
            busy = False

    sys.excepthook = hook
    return previous


class _DemoProgress(QProgressDialog):
    def __init__(self, months: int, parent: QWidget | None = None):
        super().__init__(f"正在生成 {months} 个月的演示数据，请稍候…", "取消", 0, 0, parent)
        self.setWindowModality(QtCore.Qt.WindowModality.WindowModal)  # the window behind reads nothing yet
        self.setWindowTitle(f"{APP_NAME} — 演示数据")
        self.setMinimumDuration(0)
        self.setMinimumWidth(380)
        self.setAutoClose(False)
        self.setAutoReset(False)

    @Slot(object)
    def show_progress(self, args: tuple) -> None:
        percent, text = launch.describe_progress(*args)
        if percent is not None:
            self.setMaximum(100)
            self.setValue(percent)
        if text:
            self.setLabelText(f"正在生成演示数据：{text}")


def fill_demo_if_empty(path: Path | str, months: int, parent: QWidget | None = None) -> bool:
    """Fill an empty data file with ``months`` of demo data, with progress and a cancel button (over
    ``parent``, the window, which cannot be used meanwhile).

    True if it was filled; False if it already held data, the user cancelled, or there is no demo module.
    """
    if not launch.database_is_empty():
        return False
    try:
        demo = launch.load_demo_module()
    except launch.FeatureMissing as exc:
        from xiaoneng_desktop.core.targets import describe_target

        QtWidgets.QMessageBox.warning(parent, APP_NAME, f"{exc}\n将打开空的{describe_target(path)}")
        return False
    from xiaoneng_desktop.ui.widgets.background import BackgroundTask

    dialog = _DemoProgress(months, parent)
    # an exception from progress (Cancelled) makes demo.fill roll its one transaction back
    worker = BackgroundTask(lambda progress: demo.fill(months, progress=progress))
    worker.progressed.connect(dialog.show_progress)
    worker.failed.connect(lambda _exc: None)  # handled: raised below, where report_error logs it once
    dialog.canceled.connect(worker.request_cancel)
    dialog.show()
    worker.start()
    # Keep the dialog painted and its cancel button live until the worker is done (no nested
    # exec(): a quit() meant for someone else could end it early and leave the window frozen).
    while not worker.wait(30):
        QApplication.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 50)
    QApplication.processEvents()  # the last progress signals
    dialog.close()
    dialog.deleteLater()
    if worker.error is not None:
        raise worker.error
    return not worker.was_cancelled


def check_integrity_later(window: QWidget, path: Path | str):
    """PRAGMA quick_check off the GUI thread once the window is up; a damaged file is reported in
    Chinese and the window closes before anything more is written to it."""
    from xiaoneng_desktop.core.db import integrity_problem
    from xiaoneng_desktop.ui.widgets.background import BackgroundTask

    def damaged(problem: str | None) -> None:
        if problem:
            logs.say(problem)
            QtWidgets.QMessageBox.critical(window, "数据文件已损坏", problem)
            window.close()

    task = BackgroundTask(lambda _progress: integrity_problem(path), window)
    task.succeeded.connect(damaged)
    task.start()
    return task


def start_idle_lock(window: QWidget):
    """The idle lock when login is on (login.idle_lock_minutes is read at each check); None when off."""
    from xiaoneng_desktop.core import accounts, settings

    if not settings.get(accounts.LOGIN_REQUIRED.key):
        return None
    from xiaoneng_desktop.ui.admin.login_dialog import IdleLock

    lock = IdleLock(window)
    lock.unlocked.connect(window.show_user)
    lock.unlocked.connect(window.refresh_all)
    lock.start()
    return lock


class _FirstPaint(QObject):
    """Runs ``then`` once, just after ``window``'s first Paint event has been handled."""

    def __init__(self, window: QWidget, then: Callable[[], None]):
        super().__init__(window)
        self.then = then
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            then, self.then = self.then, None
            if then is not None:
                QTimer.singleShot(0, then)  # after this frame is on the screen
        return False


def when_painted(window: QWidget, then: Callable[[], None]) -> QObject:
    """Call ``then()`` once ``window`` has been painted for the first time (start-up work that the first
    screen does not need waits for it)."""
    return _FirstPaint(window, then)


def settle_heap() -> None:
    """Put every object alive now (modules, classes, Qt wrappers: about 50,000 once the window works)
    out of reach of the cyclic garbage collector's full passes. Each walked them all at a moment
    nobody chose, 20–35 ms on the 2-core test PC: longer than a frame, in the middle of a search's
    repaint. Garbage is collected first; what is frozen is alive and still freed by reference counting.
    Called once the window works and after each tab is built (the imports of a tab's first showing)."""
    gc.collect()
    gc.freeze()


def _sign_in_at_start(window: QWidget) -> bool:
    from xiaoneng_desktop.core import accounts, settings

    if not settings.get(accounts.LOGIN_REQUIRED.key):
        return True
    from xiaoneng_desktop.ui.admin import login_dialog  # only where login is on

    window.user_label.setText("请先登录" if accounts.has_accounts() else "请先创建管理员")
    return login_dialog.sign_in_at_start(window)


def open_in_window(window, path: Path | str, demo_months: int, later: dict) -> int | None:
    """The start, once the window is painted: open the data source, fill the demo data, sign in, then
    the window reads it (``finish_start``), the idle lock and the integrity check begin. None when
    the window works; else the program's exit code: 2 (or 1 for a bug) if the data file cannot be
    used, 0 for 退出 at the login."""
    from xiaoneng_desktop import schema
    from xiaoneng_desktop.core.db import DatabaseOpenError

    try:
        schema.open_database(path, quick_check=False)  # checked below, in the background
    except DatabaseOpenError as exc:
        logs.say(str(exc))
        QtWidgets.QMessageBox.critical(window, "无法打开数据文件", str(exc))
        from xiaoneng_desktop.core import errors

        return 1 if exc.__cause__ is not None and errors.is_bug(exc.__cause__) else 2
    if demo_months:
        window.user_label.setText("正在准备演示数据…")
        fill_demo_if_empty(path, demo_months, window)
    if not _sign_in_at_start(window):  # 退出 at the login: nothing was read
        return 0
    window.finish_start()
    later["idle_lock"] = start_idle_lock(window)
    later["checker"] = check_integrity_later(window, path)
    return None


def run_gui(db_path: Path | str, *, demo_months: int = 0) -> int:
    """Show the main window, open ``db_path`` in it once it is painted, and run until it closes.
    ``demo_months``: fill an empty file first.

    Returns the exit code: 0, 2 if the data file cannot be used, 1 after an unexpected start-up error.
    """
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "xiaoneng"])

    from xiaoneng_desktop.core.targets import is_server

    path = db_path if is_server(db_path) else Path(db_path)
    previous_hook = sys.excepthook
    later: dict = {}  # what the start left running, and the exit code if the start ended the program
    window = None
    try:
        prepare_application(app)
        install_excepthook()
        from xiaoneng_desktop.ui.main_window import MainWindow

        window = MainWindow(path, finish_later=True)
        window.tab_built.connect(lambda _tab: QTimer.singleShot(0, settle_heap))  # 概览's at the start

        def after_paint(window: QWidget = window) -> None:
            """Until issue 16 all this was done before the window was shown."""
            try:
                code = open_in_window(window, path, demo_months, later)
            except Exception as exc:  # noqa: BLE001 - a failed start: said in a dialog and the log
                report_error(exc, window)
                code = 1 if not window.started else None  # a started window goes on (概览 failed)
            if code is not None:
                later["code"] = code
                window.close()  # the last window: app.exec() returns (a quit() more would stay queued)

        when_painted(window, after_paint)
        window.show()
    except Exception as exc:
        report_error(exc)
        later["code"] = 1
    try:
        code = app.exec() if "code" not in later else 0
        return later.get("code", code)
    finally:
        if later.get("idle_lock") is not None:
            later["idle_lock"].stop()
        if later.get("checker") is not None:
            later["checker"].wait()
        del window
        from xiaoneng_desktop.ui.widgets.sql_table import wait_for_counts

        wait_for_counts()  # a list's COUNT(*) on its worker thread
        sys.excepthook = previous_hook
        _close_database()
        gc.unfreeze()  # a caller that goes on (a test) collects as before


def _close_database() -> None:
    """Close the data source if the start got as far as opening one (core.db loads with it)."""
    db = sys.modules.get("xiaoneng_desktop.core.db")
    if db is not None:
        db.close_database()
