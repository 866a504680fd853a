"""交接班: the officer closes the shift with a note; the open items are listed to hand on, and the
接班人 is named — the next shift's 值班员 from the roster, changeable to whoever really takes over."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from xiaoneng_desktop.core import clock, people
from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.duty import service
from xiaoneng_desktop.duty.models import DutyShift
from xiaoneng_desktop.ui.duty.call_table import status_text
from xiaoneng_desktop.ui.forms.ui_handover_dialog import Ui_HandoverDialog
from xiaoneng_desktop.ui.widgets.inputs import fill_names
from xiaoneng_desktop.ui.widgets.record_dialog import RecordDialog

#: The open items shown in the dialog; more are counted, not listed.
LISTED = 200


class HandoverDialog(RecordDialog):
    form_class = Ui_HandoverDialog
    fields = ("handed_over_by", "successor", "handover_note")

    def __init__(self, shift: DutyShift, parent: QWidget | None = None):
        super().__init__(parent)
        ui = self.ui
        self.shift_id = shift.id
        ui.shift_title.setTextFormat(Qt.TextFormat.PlainText)  # names are typed text
        ui.shift_title.setText(
            f"{shift.day:%Y年%m月%d日} {shift.name}（{shift.starts_at:%H:%M}-{shift.ends_at:%H:%M}）"
            f"　值班员：{shift.officer_name or '未排'}　交接时间：{clock.now():%H:%M}")
        fill_names(ui.handed_over_by, people.person_names(), shift.officer_name)
        following = service.next_shift(shift)
        self.rostered_successor = following.officer_name if following else ""
        fill_names(ui.successor, people.person_names(), self.rostered_successor or "")
        if following:
            ui.successor.setToolTip(f"排班表：{following.day:%m月%d日} {following.name} 值班员 "
                                    f"{following.officer_name or '未排'}；可改为实际接班的人")
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
        ui.handover_note.setFocus()

    def submit(self) -> DutyShift:
        by = self.ui.handed_over_by.currentText().strip()
        if not by:
            raise ValidationError("handed_over_by", "请填写交接人")
        successor = self.ui.successor.currentText().strip()
        if not successor:
            raise ValidationError("successor", "请填写接班人（下一班的值班员）")
        return service.handover(self.shift_id, self.ui.handover_note.toPlainText(), actor=by, successor=successor)
