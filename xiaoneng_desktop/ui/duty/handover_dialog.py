"""交接班: the officer closes the shift with a note; the open items are listed to hand on."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QWidget

from xiaoneng_desktop.core import clock, people
from xiaoneng_desktop.duty import service
from xiaoneng_desktop.duty.models import DutyShift
from xiaoneng_desktop.ui.duty.call_table import status_text
from xiaoneng_desktop.ui.forms.ui_handover_dialog import Ui_HandoverDialog
from xiaoneng_desktop.ui.widgets.form_errors import FieldErrors, name_buttons
from xiaoneng_desktop.ui.widgets.inputs import fill_names

#: The open items shown in the dialog; more are counted, not listed.
LISTED = 200


class HandoverDialog(QDialog):
    def __init__(self, shift: DutyShift, parent: QWidget | None = None):
        super().__init__(parent)
        self.shift_id = shift.id
        self.ui = ui = Ui_HandoverDialog()
        ui.setupUi(self)
        name_buttons(ui.button_box)
        ui.shift_title.setText(
            f"{shift.day:%Y年%m月%d日} {shift.name}（{shift.starts_at:%H:%M}-{shift.ends_at:%H:%M}）"
            f"　值班员：{shift.officer_name or '未排'}　交接时间：{clock.now():%H:%M}")
        fill_names(ui.handed_over_by, people.person_names(), shift.officer_name)
        query = service.open_calls_query().order_by(service.Call.deadline)
        total = query.count()
        for call in query.limit(LISTED):
            ui.open_items.addItem(f"{call.received_at:%m-%d %H:%M}　{call.category}　{status_text(call)}　"
                                  f"{call.summary.splitlines()[0][:40]}")
        if total > LISTED:
            ui.open_items.addItem(f"……共 {total} 件")
        ui.open_items_label.setText(f"未办结事项\n（{total} 件）")
        if total and not ui.handover_note.toPlainText():
            ui.handover_note.setPlainText(f"本班未办结事项 {total} 件，移交下一班跟进。")
        self.form_error = QLabel(self)
        self.form_error.setStyleSheet("color: #c62828;")
        ui.grid.addWidget(self.form_error, ui.grid.rowCount(), 0, 1, 2)
        self.errors = FieldErrors(ui, {"handed_over_by": ui.handed_over_by, "handover_note": ui.handover_note},
                                  self.form_error)
        ui.button_box.accepted.connect(self.save)
        ui.button_box.rejected.connect(self.reject)
        ui.handover_note.setFocus()

    def save(self) -> None:
        by = self.ui.handed_over_by.currentText().strip()
        if not by:
            self.errors.show({"handed_over_by": "请填写交接人"})
            return
        if self.errors.attempt(lambda: service.handover(self.shift_id, self.ui.handover_note.toPlainText(),
                                                         by=by)):
            self.accept()
