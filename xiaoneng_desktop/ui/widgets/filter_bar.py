"""The filter row above every register's table: free text, a date range, a status and 清除."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, QSignalBlocker, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from xiaoneng_desktop.core import clock

#: Milliseconds of quiet typing before the search is applied.
DEBOUNCE_MS = 300
#: The date range offered when 日期 is first ticked: the last month up to today.
DEFAULT_RANGE_DAYS = 30
_MIN_DATE = QDate(2000, 1, 1)
_MAX_DATE = QDate(2099, 12, 31)


@dataclass(frozen=True)
class Filters:
    """What the user asked for. Empty text / None dates / "" status mean "no filter".

    ``date_to`` is inclusive: a service filtering a datetime column should use ``< date_to + 1 day``.
    """

    text: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    status: str = ""

    def is_empty(self) -> bool:
        return self == Filters()


def _to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class FilterBar(QWidget):
    """搜索… [x] 日期 从 [..] 至 [..]  状态 [全部 ▾]  [清除]

    Typing is applied after 300 ms of quiet (Enter applies at once); the date boxes too, so that typing a
    year digit by digit does not query for each one. Ticking 日期, choosing a status and 清除 apply at once.
    ``changed`` is emitted only when the Filters really differ from the last ones emitted.
    """

    changed = Signal(object)  # Filters

    def __init__(self, statuses: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self._statuses = list(statuses)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText("搜索…")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip("在本登记簿的文字内容中查找（Ctrl+F）")
        self.search.setMinimumWidth(180)

        self.date_check = QCheckBox("日期", self)
        self.date_check.setToolTip("勾选后只显示该日期范围内（含起止两日）的记录")
        today = clock.today()
        self.date_from = self._make_date_edit(today - dt.timedelta(days=DEFAULT_RANGE_DAYS))
        self.date_to = self._make_date_edit(today)
        self._from_label = QLabel("从", self)
        self._to_label = QLabel("至", self)

        self._status_label = QLabel("状态", self)
        self.status = QComboBox(self)
        self.status.addItems(self._statuses)
        self.status.setVisible(bool(self._statuses))
        self._status_label.setVisible(bool(self._statuses))

        self.clear_button = QPushButton("清除", self)
        self.clear_button.setToolTip("清除所有筛选条件")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 1)
        layout.addSpacing(8)
        layout.addWidget(self.date_check)
        layout.addWidget(self._from_label)
        layout.addWidget(self.date_from)
        layout.addWidget(self._to_label)
        layout.addWidget(self.date_to)
        layout.addSpacing(8)
        layout.addWidget(self._status_label)
        layout.addWidget(self.status)
        layout.addWidget(self.clear_button)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.apply)

        self.search.textChanged.connect(self._schedule)
        self.search.returnPressed.connect(self.apply)
        self.date_check.toggled.connect(self._on_date_toggled)
        self.date_from.dateChanged.connect(self._on_from_changed)
        self.date_to.dateChanged.connect(self._on_to_changed)
        self.status.currentIndexChanged.connect(self.apply)
        self.clear_button.clicked.connect(self.clear)

        self._set_dates_enabled(False)
        self._last = self.filters()

    # -- public API ------------------------------------------------------------------------------

    def filters(self) -> Filters:
        """The filters as the widgets show them now (including text not yet applied)."""
        date_from = date_to = None
        if self.date_check.isChecked():
            date_from, date_to = _to_date(self.date_from.date()), _to_date(self.date_to.date())
        status = self.status.currentText() if self.status.currentIndex() > 0 else ""
        return Filters(self.search.text().strip(), date_from, date_to, status)

    def applied(self) -> Filters:
        """The filters last emitted by ``changed`` (what the table shows)."""
        return self._last

    def apply(self) -> None:
        """Emit ``changed`` now if the filters differ from the last ones emitted."""
        self._timer.stop()
        current = self.filters()
        if current != self._last:
            self._last = current
            self.changed.emit(current)

    def set_filters(self, filters: Filters) -> None:
        """Show these filters (e.g. a jump from the dashboard) and apply them at once.

        A status not in the list, or one date of the pair missing, is taken as "no filter" for that part.
        """
        with QSignalBlocker(self.search), QSignalBlocker(self.date_check), QSignalBlocker(self.status):
            self.search.setText(filters.text)
            has_dates = filters.date_from is not None or filters.date_to is not None
            self.date_check.setChecked(has_dates)
            if has_dates:
                start = filters.date_from or filters.date_to
                end = filters.date_to or filters.date_from
                start, end = min(start, end), max(start, end)
                with QSignalBlocker(self.date_from), QSignalBlocker(self.date_to):
                    self.date_from.setDate(_to_qdate(start))
                    self.date_to.setDate(_to_qdate(end))
            index = self.status.findText(filters.status) if filters.status else 0
            self.status.setCurrentIndex(max(index, 0))
        self._set_dates_enabled(self.date_check.isChecked())
        self.apply()

    def clear(self) -> None:
        """Remove every filter and apply at once (the date boxes keep their dates for next time)."""
        with QSignalBlocker(self.search), QSignalBlocker(self.date_check), QSignalBlocker(self.status):
            self.search.clear()
            self.date_check.setChecked(False)
            self.status.setCurrentIndex(0)
        self._set_dates_enabled(False)
        self.apply()

    def focus_search(self) -> None:
        """For the tab's Ctrl+F: put the cursor in the search box with its text selected."""
        self.search.setFocus()
        self.search.selectAll()

    # -- internals -------------------------------------------------------------------------------

    def _schedule(self, *_args) -> None:
        self._timer.start()

    def _make_date_edit(self, value: dt.date) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDateRange(_MIN_DATE, _MAX_DATE)
        edit.setDate(_to_qdate(value))
        return edit

    def _set_dates_enabled(self, enabled: bool) -> None:
        for widget in (self._from_label, self.date_from, self._to_label, self.date_to):
            widget.setEnabled(enabled)

    def _on_date_toggled(self, checked: bool) -> None:
        self._set_dates_enabled(checked)
        self.apply()

    def _on_from_changed(self, value: QDate) -> None:
        if value > self.date_to.date():
            with QSignalBlocker(self.date_to):
                self.date_to.setDate(value)
        self._schedule()

    def _on_to_changed(self, value: QDate) -> None:
        if value < self.date_from.date():
            with QSignalBlocker(self.date_from):
                self.date_from.setDate(value)
        self._schedule()
