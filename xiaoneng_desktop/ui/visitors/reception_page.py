"""领导接待日: the weekly schedule of leaders receiving visitors — generated for a month or a quarter,
each day editable; the day's visits are linked to its leader."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from xiaoneng_desktop.core import clock
from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.ui.visitors.reception_day_dialog import ReceptionDayDialog
from xiaoneng_desktop.ui.widgets.inputs import literal, push_button
from xiaoneng_desktop.ui.widgets.record_dialog import LabelledFields, RecordDialog, open_dialog
from xiaoneng_desktop.ui.widgets.record_forms import found
from xiaoneng_desktop.visitors import service
from xiaoneng_desktop.visitors.models import ReceptionDay

WEEKDAY_NAMES = "一二三四五六日"
HEADERS = ("日期", "星期", "接待领导", "接待地点", "备注", "来访批次")


class ReceptionPage(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        today = clock.today()
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2099)
        self.year.setValue(today.year)
        self.year.setSuffix(" 年")
        self.month = QSpinBox(self)
        self.month.setRange(1, 12)
        self.month.setValue(today.month)
        self.month.setSuffix(" 月")
        self.span = QComboBox(self)
        self.span.addItems(["一个月", "一个季度（三个月）"])
        for widget in (self.year, self.month):
            widget.valueChanged.connect(self.refresh)
        self.span.currentIndexChanged.connect(self.refresh)
        self.generate_button = push_button(self, "生成轮流安排…", self.generate)
        self.add_button = push_button(self, "添加接待日…", lambda: self.edit(None))
        self.edit_button = push_button(self, "修改", self.edit_selected)
        self.remove_button = push_button(self, "删除", self.remove_selected)
        self.export_button = push_button(self, "导出Excel…", lambda: self.export_excel())
        top = QHBoxLayout()
        for widget in (QLabel("从", self), self.year, self.month, QLabel("起", self), self.span,
                       self.generate_button, self.add_button, self.edit_button, self.remove_button,
                       self.export_button):
            top.addWidget(widget)
        top.addStretch(1)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("reception_table")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for column, width in enumerate((100, 60, 100, 220, 240, 80)):
            self.table.horizontalHeader().resizeSection(column, width)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.edit_selected)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        self._ids: list[int] = []
        self.refresh()

    def range(self) -> tuple[dt.date, dt.date]:
        return service.period(self.year.value(), self.month.value(), quarter=self.span.currentIndex() == 1)

    def export_excel(self, target: str | None = None) -> int | None:
        """The reception-day schedule as shown, for printing or sending on."""
        from xiaoneng_desktop.ui.widgets.export import export_table_widget
        from xiaoneng_desktop.ui.widgets.files import period_name

        return export_table_widget(self, self.table, "领导接待日安排", target,
                                   period_name("领导接待日安排", ".xlsx", *self.range()))

    def refresh(self, *_args) -> None:
        first, last = self.range()
        rows = service.reception_days(first, last)
        counts = service.visit_counts(rows)
        self.table.setRowCount(len(rows))
        self._ids = [r.id for r in rows]
        today = clock.today()
        for number, row in enumerate(rows):
            values = (f"{row.day:%Y-%m-%d}", f"星期{WEEKDAY_NAMES[row.day.weekday()]}", row.leader_name, row.place,
                      row.note, str(counts.get(row.id, 0)))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if row.day == today:
                    item.setBackground(Qt.GlobalColor.yellow)
                self.table.setItem(number, column, item)
        weekday = service.reception_weekday_text()
        self.note.setText(f"每{weekday}为领导接待日（在“工具 → 单位设置”中可改），单位领导轮流接待；"
                          f"逢节假日顺延至下一个工作日。{first:%Y-%m-%d}至{last:%Y-%m-%d}共 {len(rows)} 个接待日。")

    def selected_id(self) -> int | None:
        row = self.table.currentRow()
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def edit_selected(self, *_args) -> ReceptionDayDialog | None:
        row_id = self.selected_id()
        if row_id is None:
            QMessageBox.information(self, "领导接待日", "请先在列表中选择一个接待日。")
            return None
        return self.edit(row_id)

    def edit(self, row_id: int | None) -> ReceptionDayDialog:
        return open_dialog(ReceptionDayDialog(found(service.get_reception_day, row_id), self), self._changed)

    def remove_selected(self) -> None:
        row_id = self.selected_id()
        if row_id is None:
            return
        try:
            service.remove_reception_day(row_id)
        except ValidationError as exc:
            QMessageBox.warning(self, "领导接待日", literal(str(exc)))
            return
        self._changed()

    def generate(self) -> GenerateDialog:
        first, last = self.range()
        return open_dialog(GenerateDialog(first, last, self), self._changed)

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()


class Ui_GenerateDialog(LabelledFields):
    has_note = True
    rows = (("leaders", "轮流接待的领导", QLineEdit), ("place", "接待地点", QLineEdit))


class GenerateDialog(RecordDialog):
    """Leaders in turn, one reception day a week, for the period shown on the page."""

    form_class = Ui_GenerateDialog
    fields = ("leaders", "place")

    def __init__(self, first: dt.date, last: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.first, self.last = first, last
        self.setWindowTitle("生成领导接待日安排")
        ui = self.ui
        weekday = service.reception_weekday_text()
        ui.note.setText(f"{first:%Y-%m-%d}至{last:%Y-%m-%d}，每{weekday}一个接待日（逢节假日顺延至下一个工作日），"
                        "领导按顺序轮流，接续上一次的安排。已有来访的日子保持不变。")
        ui.leaders.setMinimumWidth(360)
        ui.leaders.setPlaceholderText("按轮流顺序填写，用顿号隔开，如：张主任、李副主任")
        ui.leaders.setText("、".join(service.default_leaders()))
        ui.place.setText(service.reception_place())

    def submit(self) -> list[ReceptionDay]:
        return service.generate_reception_days(self.first, self.last, service.split_names(self.ui.leaders.text()),
                                               self.ui.place.text())
