"""Typing as a person does, in tests.

Qt's key simulation knows only Latin-1 (qtbot.keyClicks aborts on Chinese), so Chinese arrives the way
an input method delivers it: a committed QInputMethodEvent. Everything else is real key presses.
"""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox


def type_text(qtbot, widget, text: str) -> None:
    target = widget.lineEdit() if isinstance(widget, QComboBox) and widget.isEditable() else widget
    target.setFocus()
    chunk = ""
    for char in text:
        if ord(char) < 128:
            chunk += char
            continue
        if chunk:
            qtbot.keyClicks(target, chunk)
            chunk = ""
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(target, event)
    if chunk:
        qtbot.keyClicks(target, chunk)
