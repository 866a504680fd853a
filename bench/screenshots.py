"""Screenshots of the real program at the two screen sizes offices have: 1366×768 and 1024×768.

    python3 bench/screenshots.py [OUT_DIR]

Makes a two-month demo file with an administrator and a secretary, then for each size starts the
program under Xvfb (``xvfb-run``; Debian: apt-get install xvfb), signs in by typing at the login
dialog like a person, and grabs the screen on each tab and in the main dialogs. The PNGs are named
``<size>-<what>.png``; README's pictures are the 1366×768 ones. Look at every one of them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

SIZES = ("1366x768", "1024x768")
LOGIN, PASSWORD = "mishu", "Mishu-2026!"


def make_data(folder: Path) -> Path:
    path = folder / "screens.sqlite3"
    run = [sys.executable, "-m", "xiaoneng_desktop", "--db", str(path)]
    subprocess.run([*run, "demo", "--months", "2"], check=True, stdout=subprocess.DEVNULL)
    for login, role, password in (("admin", "管理员", "Admin-2026!"), (LOGIN, "秘书", PASSWORD)):
        subprocess.run([*run, "user", "add", login, "--role", role], input=password + "\n", text=True,
                       check=True, stdout=subprocess.DEVNULL)
    return path


def drive(data: str, out: str, size: str) -> None:
    """Runs inside xvfb-run: the program itself, with a timer doing what a person would."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication(["xiaoneng"])
    steps: list = []

    def shot(name: str) -> None:
        app.primaryScreen().grabWindow(0).save(str(Path(out) / f"{size}-{name}.png"))

    def window():
        from xiaoneng_desktop.ui.main_window import MainWindow

        return next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))

    def close_dialogs() -> None:
        main = window()
        for widget in app.topLevelWidgets():
            if widget is not main and widget.isVisible():
                widget.close()

    def login() -> None:
        shot("login")
        QTest.keyClicks(app.focusWidget(), LOGIN)
        QTest.keyClick(app.focusWidget(), Qt.Key.Key_Tab)
        QTest.keyClicks(app.focusWidget(), PASSWORD)
        QTest.keyClick(app.focusWidget(), Qt.Key.Key_Return)

    def tab(index: int, name: str):
        return [lambda: window().tabs.setCurrentIndex(index), lambda: shot(name)]

    def dialog(open_it, name: str):
        return [open_it, lambda: shot(name), close_dialogs]

    steps += [login, lambda: None]
    steps += tab(0, "概览") + tab(1, "值班记录") + tab(2, "公文流转") + tab(3, "来访接待") + tab(4, "五查自查")
    steps += dialog(lambda: (window().tabs.setCurrentIndex(1), window().tabs.currentWidget().ensure().new_record()),
                    "新建来电")
    steps += dialog(lambda: (window().tabs.setCurrentIndex(3), window().tabs.currentWidget().ensure().new_record()),
                    "来访登记")
    steps += dialog(lambda: window().open_monthly_report(), "月报")
    steps += [lambda: (close_dialogs(), window().close(), app.quit())]

    def run() -> None:
        if steps:
            step = steps.pop(0)
            QTimer.singleShot(900, run)  # scheduled first: a dialog's exec() must not stop the timer
            step()

    QTimer.singleShot(2500, run)
    from xiaoneng_desktop.app import run_gui

    sys.exit(run_gui(data))


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        data = make_data(Path(folder))
        env = dict(os.environ, XIAONENG_SCREENSHOT="1")
        env.pop("QT_QPA_PLATFORM", None)  # a real X server (Xvfb), not offscreen
        for size in SIZES:
            subprocess.run(["xvfb-run", "-a", "-s", f"-screen 0 {size}x24", sys.executable, __file__, "--drive",
                            str(data), str(out), size], env=env, timeout=180, check=False)
    shots = sorted(out.glob("*.png"))
    print("\n".join(str(p) for p in shots))
    return 0 if shots else 1


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--drive":
        drive(*sys.argv[2:5])
    else:
        sys.exit(main())
