"""节假日与调休设置: the year's working-day calendar as deadlines will count it, and the office's own
corrections (本单位调整), which win over the statutory calendar."""

from __future__ import annotations

import datetime as dt

import peewee as pw
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from xiaoneng_desktop.core import clock, holiday_notice, workdays
from xiaoneng_desktop.core.validation import ValidationError

WORK, OFF = "上班", "放假"
ERROR_STYLE = "color: #c62828;"
WARNING_STYLE = "color: #8a4b00; background: #fff4e0; padding: 4px; border: 1px solid #e0b060;"

#: kind → (background, text colour); None keeps the calendar's own.
COLOURS: dict[str, tuple[str | None, str]] = {
    workdays.HOLIDAY: ("#fbd5d5", "#b71c1c"),
    workdays.MAKEUP: ("#ffe3b3", "#7a4100"),
    workdays.WEEKEND: (None, "#8c8c8c"),
    workdays.WORKDAY: (None, "#202020"),  # the legend only: workdays keep the calendar's own format
    workdays.OVERRIDE: ("#cfe0ff", "#0d3c91"),
}


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class WorkdaysDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("节假日与调休设置")
        self._kinds: dict[dt.date, workdays.DayInfo] = {}

        self.year = QSpinBox()
        self.year.setRange(workdays.FIRST_YEAR, workdays.LAST_YEAR)
        self.year.setSuffix(" 年")
        self.year.setValue(clock.today().year)
        self.notice_button = QPushButton("按放假通知填入…")
        self.notice_button.setToolTip("粘贴国务院办公厅的放假通知，预览后填入全年的放假和调休上班")
        self.confirm_button = QPushButton()
        top = QHBoxLayout()
        top.addWidget(QLabel("年份"))
        top.addWidget(self.year)
        top.addWidget(self.notice_button)
        top.addWidget(self.confirm_button)
        top.addStretch(1)

        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)

        self.calendar = QCalendarWidget()
        self.calendar.setLocale(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        for weekend in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            # Qt paints every Saturday and Sunday red; here a weekend day may be a make-up workday.
            self.calendar.setWeekdayTextFormat(weekend, QTextCharFormat())
        self.day_state = QLabel()

        legend = QHBoxLayout()
        for kind, (background, foreground) in COLOURS.items():
            swatch = QLabel(kind)
            swatch.setStyleSheet(
                f"color: {foreground}; background: {background or 'transparent'};"
                " padding: 2px 6px; border: 1px solid #c8c8c8;"
            )
            legend.addWidget(swatch)
        legend.addStretch(1)

        calendar_box = QGroupBox("全年日历")
        calendar_layout = QVBoxLayout(calendar_box)
        calendar_layout.addWidget(self.calendar)
        calendar_layout.addLayout(legend)
        calendar_layout.addWidget(self.day_state)

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["日期", "安排", "说明"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDateRange(QDate(workdays.FIRST_YEAR, 1, 1), QDate(workdays.LAST_YEAR, 12, 31))
        self.kind_combo = QComboBox()
        self.kind_combo.addItems([OFF, WORK])
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(f"例如：县庆放假（不超过 {workdays.NOTE_MAX} 个字）")
        self.date_error, self.kind_error, self.note_error, self.form_error = (QLabel() for _ in range(4))
        for label in (self.date_error, self.kind_error, self.note_error, self.form_error):
            label.setStyleSheet(ERROR_STYLE)
            label.setWordWrap(True)
        self._errors = {"day": self.date_error, "is_workday": self.kind_error, "note": self.note_error}
        self.add_button = QPushButton("添加")
        self.delete_button = QPushButton("删除")

        form = QGridLayout()
        form.addWidget(QLabel("日期"), 0, 0)
        form.addWidget(self.date_edit, 0, 1)
        form.addWidget(self.date_error, 0, 2)
        form.addWidget(QLabel("安排"), 1, 0)
        form.addWidget(self.kind_combo, 1, 1)
        form.addWidget(self.kind_error, 1, 2)
        form.addWidget(QLabel("说明"), 2, 0)
        form.addWidget(self.note_edit, 2, 1)
        form.addWidget(self.note_error, 2, 2)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(2, 1)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.add_button)
        buttons_row.addWidget(self.delete_button)
        buttons_row.addWidget(self.form_error, 1)

        overrides_box = QGroupBox("本单位调整（优先于国家安排）")
        overrides_layout = QVBoxLayout(overrides_box)
        overrides_layout.addWidget(self.table)
        overrides_layout.addLayout(form)
        overrides_layout.addLayout(buttons_row)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        self.buttons.rejected.connect(self.reject)

        middle = QHBoxLayout()
        middle.addWidget(calendar_box, 1)
        middle.addWidget(overrides_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.warning)
        layout.addLayout(middle, 1)
        layout.addWidget(self.buttons)

        self.year.valueChanged.connect(self.refresh)
        self.calendar.selectionChanged.connect(self._calendar_picked)
        self.date_edit.dateChanged.connect(self._date_picked)
        self.table.itemSelectionChanged.connect(self._row_picked)
        self.add_button.clicked.connect(self.add_override)
        self.notice_button.clicked.connect(self.open_notice)
        self.confirm_button.clicked.connect(self.toggle_confirmed)
        self.delete_button.clicked.connect(self.delete_override)

        today = clock.today()
        self.date_edit.setDate(_qdate(today))
        self.refresh()

    # --- showing -------------------------------------------------------------------------------

    def refresh(self) -> None:
        year = self.year.value()
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        known = workdays.known_year(year)
        provisional = workdays.is_provisional(year)
        self.warning.setText(
            f"{year}年的节假日安排尚未确认：法定节假日暂按农历推算（标“推算”），调休上班的日期要等"
            "国务院办公厅的放假通知。请点“按放假通知填入…”粘贴通知，或在右侧逐日调整，核对后点“确认本年安排”。"
        )
        self.warning.setVisible(provisional)
        # A year the built-in calendar knows needs no confirmation.
        self.confirm_button.setVisible(not known)
        self.confirm_button.setText("确认本年安排" if provisional else "撤销确认")

        self._kinds = {info.day: info for info in workdays.days(first, last)}
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # a null date clears every format
        for day, info in self._kinds.items():
            if info.kind == workdays.WORKDAY:
                continue  # plain days keep the plain format: a third of the calls
            background, foreground = COLOURS[info.kind]
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(foreground))
            if background:
                fmt.setBackground(QColor(background))
            self.calendar.setDateTextFormat(_qdate(day), fmt)
        # The range must be widened before a date of the new year can be selected.
        self.calendar.setDateRange(QDate(workdays.FIRST_YEAR, 1, 1), QDate(workdays.LAST_YEAR, 12, 31))
        selected = self.date_edit.date().toPython()
        if selected.year != year:
            selected = clock.today() if clock.today().year == year else first
        self.calendar.setSelectedDate(_qdate(selected))
        self.calendar.setDateRange(_qdate(first), _qdate(last))
        self._show_day(selected)

        self.table.setRowCount(0)
        for row, entry in enumerate(workdays.overrides(year)):
            self.table.insertRow(row)
            date_item = QTableWidgetItem(f"{entry.day:%Y-%m-%d}")
            date_item.setData(Qt.ItemDataRole.UserRole, entry.day.isoformat())
            self.table.setItem(row, 0, date_item)
            self.table.setItem(row, 1, QTableWidgetItem(WORK if entry.is_workday else OFF))
            self.table.setItem(row, 2, QTableWidgetItem(entry.note))
        self.table.resizeColumnToContents(0)

    def _show_day(self, day: dt.date) -> None:
        info = self._kinds.get(day)
        if info is None:
            self.day_state.clear()
            return
        weekday = "一二三四五六日"[day.weekday()]
        label = f"（{info.label}）" if info.label else ""
        self.day_state.setText(
            f"{day.year}年{day.month}月{day.day}日 星期{weekday}：{info.kind}{label}，"
            f"{WORK if info.is_workday else OFF}"
        )

    def _calendar_picked(self) -> None:
        day = self.calendar.selectedDate().toPython()
        if self.date_edit.date().toPython() != day:
            self.date_edit.setDate(_qdate(day))
        self._show_day(day)

    def _date_picked(self, qdate: QDate) -> None:
        day = qdate.toPython()
        info = self._kinds.get(day)
        if info is not None:
            # An entry is there to change the day, so offer the opposite of what it is now.
            self.kind_combo.setCurrentText(OFF if info.is_workday else WORK)
        if day.year == self.year.value() and self.calendar.selectedDate() != qdate:
            self.calendar.setSelectedDate(qdate)

    def _row_picked(self) -> None:
        day = self._selected_day()
        if day is not None:
            self.date_edit.setDate(_qdate(day))

    def _selected_day(self) -> dt.date | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return dt.date.fromisoformat(item.data(Qt.ItemDataRole.UserRole))

    def _clear_errors(self) -> None:
        for label in (*self._errors.values(), self.form_error):
            label.clear()

    # --- changing ------------------------------------------------------------------------------

    def add_override(self) -> None:
        self._clear_errors()
        day = self.date_edit.date().toPython()
        try:
            workdays.set_override(day, self.kind_combo.currentText() == WORK, self.note_edit.text())
        except ValidationError as exc:
            for field, message in exc.errors.items():
                self._errors.get(field, self.form_error).setText(message)
            return
        except pw.PeeweeException as exc:
            self.form_error.setText(f"保存失败，数据文件无法写入：{exc}")
            return
        self.note_edit.clear()
        if self.year.value() != day.year:
            self.year.setValue(day.year)  # refreshes through valueChanged
        else:
            self.refresh()
        self._select_row(day)

    def delete_override(self) -> None:
        self._clear_errors()
        day = self._selected_day()
        if day is None:
            self.form_error.setText("请先在表格中选择要删除的调整")
            return
        try:
            if not workdays.remove_override(day):
                self.form_error.setText(f"{day:%Y-%m-%d} 的调整已不存在")
        except ValidationError as exc:
            self.form_error.setText(str(exc))
        except pw.PeeweeException as exc:
            self.form_error.setText(f"删除失败，数据文件无法写入：{exc}")
        self.refresh()

    def toggle_confirmed(self) -> None:
        self._clear_errors()
        year = self.year.value()
        try:
            workdays.confirm_year(year, workdays.is_provisional(year))
        except (ValidationError, pw.PeeweeException) as exc:
            self.form_error.setText(f"保存失败：{exc}")
        self.refresh()

    def open_notice(self) -> None:
        dialog = NoticeDialog(self.year.value(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def _select_row(self, day: dt.date) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == day.isoformat():
                self.table.selectRow(row)
                return


class NoticeDialog(QDialog):
    """Paste the State Council's notice, read it, see what will be stored, then save it all at once."""

    def __init__(self, year: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"按放假通知填入{year}年安排")
        self.year = year
        self.notice: holiday_notice.Notice | None = None

        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            f"粘贴《国务院办公厅关于{year}年部分节假日安排的通知》正文，例如：\n"
            "一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。1月4日（周一）上班。\n"
            "二、春节：2月11日至17日放假调休，共7天。2月7日（周日）、2月20日（周六）上班。……"
        )
        self.read_button = QPushButton("读取并预览")
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.preview = QTableWidget(0, 4)
        self.preview.setHorizontalHeaderLabels(["日期", "安排", "说明", "原来"])
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("保存并确认本年")
        self.save_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.read_button)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview, 2)
        layout.addWidget(self.buttons)
        self.resize(720, 640)

        self.read_button.clicked.connect(self.read)
        # What was previewed is what is saved: a change to the text asks for a new preview.
        self.text.textChanged.connect(self._forget)

    def _forget(self) -> None:
        self.notice = None
        self.save_button.setEnabled(False)

    def read(self) -> None:
        self._forget()
        self.error.clear()
        self.summary.clear()
        self.preview.setRowCount(0)
        try:
            notice = holiday_notice.parse(self.text.toPlainText(), self.year)
        except ValidationError as exc:
            self.error.setText(str(exc))
            return
        changes = workdays.notice_changes(notice)
        for row, change in enumerate(changes):
            self.preview.insertRow(row)
            weekday = "一二三四五六日"[change.day.weekday()]
            values = (f"{change.day:%Y-%m-%d} 周{weekday}", WORK if change.is_workday else OFF, change.note, change.before)
            for column, value in enumerate(values):
                self.preview.setItem(row, column, QTableWidgetItem(value))
        self.preview.resizeColumnsToContents()
        self.summary.setText(
            f"读到放假 {len(notice.days_off)} 天、调休上班 {len(notice.workdays)} 天；将作为本单位调整保存下列 "
            f"{len(changes)} 天，并确认{self.year}年的安排。本年其他的本单位调整保持不变。"
        )
        self.notice = notice
        self.save_button.setEnabled(True)

    def save(self) -> None:
        if self.notice is None:
            return
        try:
            workdays.apply_notice(self.notice)
        except (ValidationError, pw.PeeweeException) as exc:
            self.error.setText(f"保存失败：{exc}")
            return
        self.accept()
