"""Small input helpers every register's forms share: date-times, person pickers, deadline colours."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtGui import Qt as QtGui_Qt  # mightBeRichText lives in QtGui's Qt namespace
from PySide6.QtWidgets import QComboBox, QCompleter, QDateTimeEdit, QPushButton, QWidget

#: Overdue (超时) and due-soon (临近) colours, the same in every register.
RED = QColor("#c62828")
RED_BACKGROUND = QColor("#ffebee")
AMBER = QColor("#e65100")
AMBER_BACKGROUND = QColor("#fff3e0")
GREY = QColor("#9e9e9e")


def literal(text: str | None) -> str:
    """``text`` as a tooltip or message box shows it, character for character. Both guess rich text
    (Qt::mightBeRichText), so a typed "<b>粗</b><img src=…>" would be rendered, even load an image from
    disk; such text is escaped and wrapped in a paragraph that keeps its line breaks. Text that Qt
    would show as plain anyway is returned unchanged."""
    text = text or ""
    if not QtGui_Qt.mightBeRichText(text):
        return text
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def to_qdatetime(value: dt.datetime) -> QDateTime:
    return QDateTime(value.year, value.month, value.day, value.hour, value.minute, value.second)


def from_qdatetime(value: QDateTime) -> dt.datetime:
    """To the minute, as registers are kept."""
    return value.toPython().replace(second=0, microsecond=0)


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def fill_names(combo: QComboBox, names: list[str], current: str = "") -> None:
    """An editable person picker: the directory's names, free text still allowed."""
    combo.clear()
    combo.addItems(names)
    completer = QCompleter(names, combo)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    combo.setCompleter(completer)
    combo.setCurrentText(current)


class _TabLeavesDateTime(QObject):
    """A date-time edit spends Tab on its own sections (year, month, day, hour…); in a form whose
    times default to now, Tab goes on to the next field instead — arrows still edit the sections."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            form = watched.window()
            form.focusNextPrevChild(event.key() == Qt.Key.Key_Tab)
            return True
        return False


def tab_leaves(form: QWidget, *edits: QDateTimeEdit) -> None:
    keeper = _TabLeavesDateTime(form)
    for edit in edits:
        edit.installEventFilter(keeper)


def push_button(parent: QWidget, text: str, slot: Callable[[], object], tip: str = "") -> QPushButton:
    """A button that calls ``slot`` when clicked (Qt passes ``checked``; the slot does not get it)."""
    button = QPushButton(text, parent)
    if tip:
        button.setToolTip(tip)
    button.clicked.connect(lambda _checked=False: slot())
    return button
