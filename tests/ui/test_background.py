"""BackgroundTask: a failure reaches the slot connected to ``failed``, or else the log file — never nowhere."""

from __future__ import annotations

from xiaoneng_desktop.ui.widgets.background import BackgroundTask


def fails(_progress):
    raise ZeroDivisionError("没有人接的错误")


def test_an_unheard_failure_goes_to_the_log_with_its_traceback(qtbot, log_path):
    task = BackgroundTask(fails)
    task.start()
    qtbot.waitUntil(lambda: log_path.exists() and "没有人接的错误" in log_path.read_text(encoding="utf-8"))
    text = log_path.read_text(encoding="utf-8")
    assert "Traceback" in text and "ZeroDivisionError" in text and "in fails" in text
    task.wait()


def test_a_connected_slot_gets_the_failure_and_nothing_is_logged(qtbot, log_path):
    task = BackgroundTask(fails)
    with qtbot.waitSignal(task.failed, timeout=10000) as blocker:
        task.start()
    task.wait()
    assert isinstance(blocker.args[0], ZeroDivisionError)
    assert not log_path.exists() or "没有人接的错误" not in log_path.read_text(encoding="utf-8")
