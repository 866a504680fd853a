"""值班排班: the month's roster, days without 24-hour cover flagged, rotation generated from lists."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from xiaoneng_desktop.core import clock, people
from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.duty import service
from xiaoneng_desktop.duty.models import DutyShift, Unavailability
from xiaoneng_desktop.duty.service import ShiftInput
from xiaoneng_desktop.ui.forms.ui_shift_dialog import Ui_ShiftDialog
from xiaoneng_desktop.ui.widgets.inputs import fill_names, from_qdate, literal, push_button, to_qdate
from xiaoneng_desktop.ui.widgets.record_dialog import LabelledFields, RecordDialog, error_label, open_dialog

WEEKDAYS = "一二三四五六日"
GAP_BACKGROUND = QColor("#ffebee")
TODAY_BACKGROUND = QColor("#e3f2fd")
NO_LEADER = "缺带班领导"
NO_LEADER_COLOUR = QColor("#c62828")
HEADERS = ["日期", "星期", "班次", "时间", "值班员", "电话", "带班领导", "电话", "候班人员", "电话", "交接"]
LEADER_COLUMN = HEADERS.index("带班领导")


class RosterPage(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        today = clock.today()
        self.month = QDateEdit(QDate(today.year, today.month, 1), self)
        self.month.setDisplayFormat("yyyy年M月")
        self.month.setCalendarPopup(True)
        self.month.dateChanged.connect(self.refresh)
        self.generate_button = push_button(self, "按名单轮换生成本月排班…", self.generate)
        self.edit_button = push_button(self, "编辑班次…", self.edit_selected)
        self.unavailable_button = push_button(self, "登记不能值班…", self.add_unavailable)
        self.export_button = push_button(self, "导出Excel…", lambda: self.export_excel())
        top = QHBoxLayout()
        top.addWidget(QLabel("月份", self))
        top.addWidget(self.month)
        top.addStretch(1)
        for button in (self.generate_button, self.edit_button, self.unavailable_button, self.export_button):
            top.addWidget(button)
        self.gaps_label = QLabel(self)
        self.gaps_label.setObjectName("gaps_label")
        self.gaps_label.setWordWrap(True)
        self.away_label = QLabel(self)
        self.away_label.setObjectName("away_label")
        self.away_label.setWordWrap(True)
        self.away_label.setStyleSheet("color: #37474f;")
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self.edit_selected)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.gaps_label)
        layout.addWidget(self.away_label)
        layout.addWidget(self.table, 1)
        self.rows: list[tuple[dt.date, str]] = []
        self.refresh()

    def export_excel(self, target: str | None = None) -> int | None:
        """The month's roster as shown (排班表台账)."""
        from xiaoneng_desktop.ui.widgets.export import export_table_widget

        first, _ = self.month_range()
        from xiaoneng_desktop.ui.widgets.files import dated_name

        return export_table_widget(self, self.table, f"{first.year}年{first.month}月值班表", target,
                                   dated_name("值班表", ".xlsx", month=(first.year, first.month)))

    def month_range(self) -> tuple[dt.date, dt.date]:
        first = self.month.date().toPython().replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return first, following - dt.timedelta(days=1)

    def refresh(self) -> None:
        """Every day × pattern shift of the month, rostered or not, so that holes are visible."""
        first, last = self.month_range()
        shifts = {(s.day, s.name): s for s in service.roster(first, last)}
        pattern = [name for name, _, _ in service.shift_pattern()]
        gaps = service.coverage_gaps(first, last)
        leaderless = {(s.day, s.name) for s in service.leaderless_shifts(first, last)}
        today = clock.today()
        self.rows = []
        day = first
        while day <= last:
            names = pattern + sorted(n for (d, n) in shifts if d == day and n not in pattern)
            self.rows.extend((day, name) for name in names)
            day += dt.timedelta(days=1)
        self.table.setRowCount(len(self.rows))
        for row, (day, name) in enumerate(self.rows):
            shift = shifts.get((day, name))
            values = [f"{day:%m-%d}", WEEKDAYS[day.weekday()], name, "", "", "", "", "", "", "", ""]
            if shift is not None:
                values[3:] = [f"{shift.starts_at:%H:%M}-{shift.ends_at:%H:%M}", shift.officer_name,
                              shift.officer_phone, shift.leader_name, shift.leader_phone, shift.standby_name,
                              shift.standby_phone, "已交接" if shift.handed_over_at else ""]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if day in gaps:
                    item.setBackground(GAP_BACKGROUND)
                    item.setToolTip(literal(gaps[day]))
                elif day == today:
                    item.setBackground(TODAY_BACKGROUND)
                self.table.setItem(row, column, item)
            if (day, name) in leaderless:
                item = self.table.item(row, LEADER_COLUMN)
                item.setText(NO_LEADER)
                item.setForeground(NO_LEADER_COLOUR)
                item.setBackground(GAP_BACKGROUND)
                item.setToolTip("本班次没有安排带班领导：24小时值班缺带班领导")
        self.table.resizeColumnsToContents()
        lacking = f"<span style='color:#c62828'>缺带班领导 {len(leaderless)} 班</span>" if leaderless else ""
        if gaps:
            listed = "；".join(f"{d:%m月%d日} {text}" for d, text in list(gaps.items())[:6])
            more = f" 等 {len(gaps)} 天" if len(gaps) > 6 else ""
            self.gaps_label.setText(f"<span style='color:#c62828'>24小时值班有空缺：{listed}{more}</span>"
                                    + (f"；{lacking}" if lacking else ""))
        elif lacking:
            self.gaps_label.setText(f"本月每天24小时均已安排值班员；{lacking}（带班领导一栏标“{NO_LEADER}”）。")
        else:
            self.gaps_label.setText("本月每天24小时均已安排值班。")
        away = service.unavailability(first, last)
        self.away_label.setText("不能值班：" + "；".join(
            f"{row.person.name} {row.first_day:%m-%d}至{row.last_day:%m-%d}" + (f"（{row.reason}）" if row.reason else "")
            for row in away) if away else "")
        self.away_label.setVisible(bool(away))

    def selected(self) -> tuple[dt.date, str] | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def edit_selected(self, *_args) -> ShiftDialog | None:
        chosen = self.selected()
        if chosen is None:
            return None
        return open_dialog(ShiftDialog(*chosen, parent=self), self._changed)

    def generate(self) -> GenerateDialog:
        first, _ = self.month_range()
        return open_dialog(GenerateDialog(first.year, first.month, parent=self), self._changed)

    def add_unavailable(self) -> UnavailableDialog:
        return open_dialog(UnavailableDialog(parent=self), self._changed)

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()


ROLES = ("officer", "leader", "standby")


class _ShiftForm(Ui_ShiftDialog):
    """The shift form has one message line a role, under its name and phone: both fields show there."""

    def setupUi(self, dialog: QWidget) -> None:
        super().setupUi(dialog)
        for role in ROLES:
            for kind in ("name", "phone"):
                setattr(self, f"{role}_{kind}_error", getattr(self, f"{role}_error"))


class ShiftDialog(RecordDialog):
    """Put people on one shift; phones fill in from the directory when left empty."""

    form_class = _ShiftForm
    fields = tuple(f"{role}_{kind}" for role in ROLES for kind in ("name", "phone"))

    def __init__(self, day: dt.date, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.day, self.name = day, name
        ui = self.ui
        ui.shift_title.setTextFormat(Qt.TextFormat.PlainText)
        ui.shift_title.setText(f"{day:%Y年%m月%d日} 星期{WEEKDAYS[day.weekday()]} {name}")
        names = people.person_names()
        shift = service.shift_of(day, name)
        self.expected_version = shift.version if shift else None
        for role in ROLES:
            fill_names(getattr(ui, f"{role}_name"), names, getattr(shift, f"{role}_name", "") if shift else "")
            getattr(ui, f"{role}_phone").setText(getattr(shift, f"{role}_phone", "") if shift else "")
            getattr(ui, f"{role}_name").currentTextChanged.connect(
                lambda text, r=role: getattr(self.ui, f"{r}_phone").setText(people.phone_of(text)))

    def submit(self) -> DutyShift:
        ui = self.ui
        return service.save_shift(ShiftInput(self.day, self.name, **{
            f"{role}_name": getattr(ui, f"{role}_name").currentText() for role in ROLES}, **{
            f"{role}_phone": getattr(ui, f"{role}_phone").text() for role in ROLES}), expected_version=self.expected_version)


def _fill_people(widget: QListWidget, checked: set[str]) -> None:
    for person in people.list_people():
        department = person.department.name if person.department_id else ""
        item = QListWidgetItem(f"{person.name}（{department} {person.post}）".replace("（ ）", ""), widget)
        item.setData(Qt.ItemDataRole.UserRole, person.name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if person.name in checked else Qt.CheckState.Unchecked)


def _checked(widget: QListWidget) -> list[str]:
    return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


class Ui_GenerateDialog:
    """Three lists of people side by side, each with its message under it."""

    LISTS = (("officers", "值班员*"), ("leaders", "带班领导*"), ("standbys", "候班人员"))

    def setupUi(self, dialog: QWidget) -> None:
        self.grid = grid = QGridLayout(dialog)
        self.note = QLabel("勾选参加轮换的人员。值班员按班次轮换，带班领导和候班人员按天轮换；"
                           "接续上月最后一班的顺序，跳过已停用和登记了不能值班的人员。已交接的班次不会改动。", dialog)
        self.note.setWordWrap(True)
        grid.addWidget(self.note, 0, 0, 1, 3)
        for column, (name, title) in enumerate(self.LISTS):
            widget = QListWidget(dialog)
            widget.setObjectName(name)
            setattr(self, name, widget)
            label = QLabel(title, dialog)
            label.setBuddy(widget)
            grid.addWidget(label, 1, column)
            grid.addWidget(widget, 2, column)
            setattr(self, f"{name}_error", error_label(dialog, f"{name}_error"))
            grid.addWidget(getattr(self, f"{name}_error"), 3, column)
        self.form_error = error_label(dialog, "form_error")
        grid.addWidget(self.form_error, 4, 0, 1, 3)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
        self.button_box.setObjectName("button_box")
        grid.addWidget(self.button_box, 5, 0, 1, 3)
        dialog.resize(720, 480)


class GenerateDialog(RecordDialog):
    """Choose who rotates; the order of the directory is the order of the rotation."""

    form_class = Ui_GenerateDialog
    fields = ("officers", "leaders", "standbys")

    def __init__(self, year: int, month: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.year, self.month = year, month
        self.setWindowTitle(f"生成{year}年{month}月排班")
        previous = service.roster(dt.date(year, month, 1) - dt.timedelta(days=62), dt.date(year, month, 1))
        for role, name in zip(ROLES, ("officers", "leaders", "standbys"), strict=True):
            _fill_people(getattr(self.ui, name), {getattr(s, f"{role}_name") for s in previous})

    def submit(self) -> list[DutyShift]:
        ui = self.ui
        return service.generate_roster(self.year, self.month, _checked(ui.officers), _checked(ui.leaders),
                                       _checked(ui.standbys))


class Ui_UnavailableDialog(LabelledFields):
    rows = (("person", "人员", QComboBox), ("first_day", "开始日期", QDateEdit), ("last_day", "结束日期", QDateEdit),
            ("reason", "原因", QLineEdit))


class UnavailableDialog(RecordDialog):
    """A person who cannot take duty on some days (休假、出差…)."""

    form_class = Ui_UnavailableDialog
    fields = ("person", "first_day", "last_day", "reason")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("登记不能值班")
        ui = self.ui
        for person in people.list_people():
            ui.person.addItem(person.name, person.id)
        today = to_qdate(clock.today())
        ui.first_day.setDate(today)
        ui.last_day.setDate(today)
        ui.reason.setPlaceholderText("如：休假、出差、培训")

    def submit(self) -> Unavailability:
        ui = self.ui
        if ui.person.currentData() is None:
            raise ValidationError("person", "请先在“工具 → 人员与部门”中添加人员")
        return service.add_unavailability(ui.person.currentData(), from_qdate(ui.first_day.date()),
                                          from_qdate(ui.last_day.date()), ui.reason.text())
