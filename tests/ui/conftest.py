"""Fixtures of the UI tests: "是否保存修改？" is a modal box, which would hang a test that did not expect it."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from xiaoneng_desktop.ui.widgets import record_dialog

#: True while a test's own body runs (not its set-up or tear-down).
_in_test_body = [False]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    _in_test_body[0] = True
    yield
    _in_test_body[0] = False


@pytest.fixture(autouse=True)
def _no_unexpected_save_question(request, monkeypatch):
    """A test that asks for ``answer_save_question`` meets the real box; any other that makes the program
    ask fails at once instead of waiting for a click that never comes. Windows a test leaves open are
    closed by pytest-qt after the test: their typing is dropped without a question."""
    real = record_dialog.ask_to_save
    answers = "answer_save_question" in request.fixturenames

    def ask(parent, unsaved=()):
        if not _in_test_body[0]:
            return "discard"
        if answers:
            return real(parent, unsaved)
        pytest.fail(f"unexpected question 是否保存修改？ from {type(parent).__name__} {list(unsaved)}")

    monkeypatch.setattr(record_dialog, "ask_to_save", ask)


@pytest.fixture(autouse=True)
def opened(tmp_path, monkeypatch):
    """Save dialogs remember their folder in a settings file of the test's own and start in a 文档 folder
    of its own; 打开文件 / 打开所在文件夹 open nothing but land in this list (local paths)."""
    from xiaoneng_desktop.ui.widgets import files

    store = QSettings(str(tmp_path.parent / f"{tmp_path.name}-files.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(files, "settings", lambda: store)
    monkeypatch.setattr(files, "documents_location", lambda: str(tmp_path.parent / f"{tmp_path.name}-文档"))
    urls: list[str] = []
    monkeypatch.setattr(files, "open_url", lambda url: urls.append(url.toLocalFile()) or True)
    return urls


@pytest.fixture(autouse=True)
def _delete_closed_widgets():
    """pytest-qt closes a test's widgets and asks Qt to delete them later; delete them now, so that a tab's
    30-second timer cannot fire in a later test, on another data file."""
    yield
    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def answer_save_question(qtbot):
    """``answer(reply)`` arms a reply to the next "是否保存修改？": a button's text, or "Esc" for the key.
    It returns the list that receives what the box showed (title, text, informative text, buttons, default),
    collecting garbage while the box is open so that nothing it needs lives only in Python."""

    def answer(reply: str) -> list[dict]:
        shown: list[dict] = []
        tries = [0]

        def click() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                tries[0] += 1
                if tries[0] < 200:
                    QTimer.singleShot(10, click)
                return
            gc.collect()
            shown.append({"title": box.windowTitle(), "text": box.text(), "informative": box.informativeText(),
                          "buttons": [b.text() for b in box.buttons()], "default": box.defaultButton().text()})
            if reply == "Esc":
                qtbot.keyClick(box, Qt.Key.Key_Escape)
            else:
                qtbot.mouseClick(next(b for b in box.buttons() if b.text() == reply), Qt.MouseButton.LeftButton)

        QTimer.singleShot(0, click)
        return shown

    return answer
