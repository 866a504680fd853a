"""添加 / 修改领导接待日: the day, the leader who receives, the place and a note."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from xiaoneng_desktop.core import clock, people
from xiaoneng_desktop.ui.forms.ui_reception_day_dialog import Ui_ReceptionDayDialog
from xiaoneng_desktop.ui.widgets.inputs import fill_names, from_qdate, to_qdate
from xiaoneng_desktop.ui.widgets.record_dialog import RecordDialog
from xiaoneng_desktop.visitors import service
from xiaoneng_desktop.visitors.models import ReceptionDay


class ReceptionDayDialog(RecordDialog):
    form_class = Ui_ReceptionDayDialog
    fields = ("day", "leader_name", "place", "note")

    def __init__(self, row: ReceptionDay | None, parent: QWidget | None = None):
        super().__init__(parent)
        ui = self.ui
        self.row_id = row.id if row else None
        self.setWindowTitle("修改领导接待日" if row else "添加领导接待日")
        fill_names(ui.leader_name, people.person_names())
        if row is None:
            ui.day.setDate(to_qdate(clock.today()))
            ui.place.setText(service.reception_place())
        else:
            self.fill(row)

    def fill(self, row: ReceptionDay) -> None:
        ui = self.ui
        ui.day.setDate(to_qdate(row.day))
        ui.leader_name.setCurrentText(row.leader_name)
        ui.place.setText(row.place)
        ui.note.setText(row.note)

    def submit(self) -> ReceptionDay:
        ui = self.ui
        return service.save_reception_day(self.row_id, from_qdate(ui.day.date()), ui.leader_name.currentText(),
                                          ui.place.text(), ui.note.text())
