"""值班记录 tab: who is on duty now, the items still open (listed first), the call log, the roster.

The countdown repaints every 30 seconds without touching SQL: the tables re-read each row's
deadline against the clock (``touch_columns``); new or changed records refresh the lists.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QWidget,
)

from xiaoneng_desktop.core import clock
from xiaoneng_desktop.duty import service
from xiaoneng_desktop.ui.duty.call_dialog import CallDialog
from xiaoneng_desktop.ui.duty.call_table import COLUMNS, STATUS_COLUMN
from xiaoneng_desktop.ui.duty.handover_dialog import HandoverDialog
from xiaoneng_desktop.ui.duty.roster_page import RosterPage
from xiaoneng_desktop.ui.widgets.inputs import literal, push_button, to_qdatetime
from xiaoneng_desktop.ui.widgets.reason_dialog import ReasonDialog
from xiaoneng_desktop.ui.widgets.record_dialog import open_dialog
from xiaoneng_desktop.ui.widgets.register_tab import RecordForm, RegisterSpec, RegisterTab, voided_title

SPEC = RegisterSpec(
    title="值班记录", thing="来电记录", measure="条",
    columns=COLUMNS, statuses=service.STATUSES, tick_columns=(STATUS_COLUMN,),
    query=service.calls_query, get=service.get_call, void=service.void_call,
    day=lambda call: call.received_at.date(),
    form=RecordForm("电话记录单", "phone_record", lambda call: f"{call.received_at:%Y-%m-%d %H:%M}",
                    about="，供领导签批", print_text="打印电话记录单(&P)…"),
    export_name="来电来报登记", ledger_kinds=("duty",), permission="duty.write",
)


class DutyTab(RegisterTab):
    spec = SPEC

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)

        # --- who is on duty, and what the last shift handed over
        self.shift_label = QLabel(self)
        self.shift_label.setObjectName("shift_label")
        self.shift_label.setTextFormat(Qt.TextFormat.RichText)
        self.handover_label = QLabel(self)
        self.handover_label.setObjectName("handover_label")
        self.handover_label.setWordWrap(True)
        self.handover_label.setTextFormat(Qt.TextFormat.PlainText)  # the handover note is typed by users
        self.handover_label.setStyleSheet("color: #37474f;")
        self.handover_button = push_button(self, "交接班…", self.hand_over)
        header = QHBoxLayout()
        header.addWidget(self.shift_label, 1)
        header.addWidget(self.handover_button)

        # --- items still open, nearest deadline first
        self.open_model, self.open_table, self.open_box = self.open_list(service.open_calls_query, 7, "未办结来电")

        self.new_button = push_button(self, "新建来电(&N)", self.new_record, tip="新建来电来报记录（Ctrl+N），Ctrl+Enter 保存")
        self.edit_button = push_button(self, "编辑", lambda: self.edit_call(self.selected_id()))
        self.close_button = push_button(self, "办结", self.close_selected)
        self.instruct_button = push_button(self, "领导批示…", self.instruct_selected, tip="写下领导对所选来电的批示")
        self.instruct_button.setProperty("permission", "instruct")  # the leader's own act
        buttons = self.buttons(self.new_button, self.edit_button, self.close_button, self.instruct_button)

        self.roster = RosterPage(self)
        self.roster.changed.connect(self.update_summary)
        self.set_pages(self.build_register_page("来电来报登记簿", header, self.handover_label, buttons),
                       (self.roster, "值班排班"), register_name="来电来报")
        self.pages.currentChanged.connect(self._page_shown)
        self.update_summary()

    # --- the register's hooks --------------------------------------------------------------------

    def refresh_pages(self) -> None:
        # F5 on the register page: the hidden 值班排班 page (a month of shifts, ~20 ms on ten years of
        # data) is read when it is next turned to, not now.
        if self.isVisible() and self.pages.currentWidget() is not self.roster:
            self._roster_stale = True
            return
        self._roster_stale = False
        self.roster.refresh()

    def _page_shown(self, _index: int) -> None:
        if getattr(self, "_roster_stale", False) and self.pages.currentWidget() is self.roster:
            self._roster_stale = False
            self.roster.refresh()

    def actor(self) -> str:
        shift = service.shift_at(clock.now())
        return shift.officer_name if shift else ""

    def menu_actions(self):
        return [("编辑…", lambda: self.edit_call(self.selected_id())), ("办结…", self.close_selected),
                ("领导批示…", self.instruct_selected, "instruct")]

    def instruct_selected(self) -> ReasonDialog | None:
        """领导批示 on the selected open call; the 批示领导 is whoever signed in."""
        call = self.selected_record()
        if call is None:
            return None
        if call.closed_at is not None or call.voided_at is not None:
            QMessageBox.information(self, "值班记录", "只有未办结的来电可以批示。")
            return None
        dialog = ReasonDialog("领导批示", literal(f"{call.category}：{call.summary[:60]}"),
                              lambda text: service.instruct_call(call.id, text), self)
        dialog.permission = "instruct"
        dialog.ui.reason.setText(call.instruction)
        return self.open_dialog(dialog, select=call.id)

    def update_summary(self) -> None:
        """Who is on duty, the last handover, and the count of open items."""
        now = clock.now()
        shift = service.shift_at(now)
        if shift is None:
            self.shift_label.setText('<span style="color:#c62828">当前时段没有排班，请在“值班排班”中安排值班人员。</span>')
        else:
            e = html.escape  # names are typed by users: shown as typed, never as markup
            parts = [f"<b>当前班次：</b>{shift.day:%m月%d日} {e(shift.name)}（{shift.starts_at:%H:%M}-{shift.ends_at:%H:%M}）",
                     f"值班员 <b>{e(shift.officer_name or '未排')}</b> {e(shift.officer_phone)}"]
            if shift.leader_name:
                parts.append(f"带班领导 {e(shift.leader_name)} {e(shift.leader_phone)}")
            else:
                parts.append('<span style="color:#c62828">本班缺带班领导</span>')
            if shift.standby_name:
                parts.append(f"候班 {e(shift.standby_name)} {e(shift.standby_phone)}")
            self.shift_label.setText("　".join(parts))
        last = service.last_handover(now)
        if last is None:
            self.handover_label.setText("")
            self.handover_label.hide()
        else:
            self.handover_label.setText(
                f"上一班交接（{last.day:%m月%d日} {last.name}，{last.handed_over_by}，"
                f"{last.handed_over_at:%m-%d %H:%M}）：{last.handover_note}")
            self.handover_label.show()
        count = self.open_model.total_count()
        overdue = service.calls_query(status="已超时").count()
        self.open_box.setTitle(f"未办结事项 {count} 件" + (f"，其中超时 {overdue} 件" if overdue else ""))

    # --- actions ---------------------------------------------------------------------------------

    def new_record(self) -> CallDialog:
        self.show_register()
        return self.open_dialog(CallDialog(officer=self.actor(), parent=self))

    def activate(self, call_id: int | None) -> CallDialog | None:
        return self.edit_call(call_id)

    def edit_call(self, call_id: int | None, closing: bool = False) -> CallDialog | None:
        call = self.record(call_id)
        if call is None:
            return None
        dialog = CallDialog(call, parent=self, correcting=call.closed_at is not None and call.voided_at is None)
        if closing and call.closed_at is None and call.voided_at is None:
            dialog.setWindowTitle("办结来电事项")
            dialog.ui.closed.setChecked(True)
            dialog.ui.closed_at.setDateTime(to_qdatetime(clock.now()))
            dialog.ui.feedback.setFocus()
        return self.open_dialog(dialog, read_only=voided_title("来电记录", call))

    def close_selected(self) -> CallDialog | None:
        return self.edit_call(self.selected_id(), closing=True)

    def hand_over(self) -> HandoverDialog | None:
        shift = service.shift_at(clock.now())
        if shift is None:
            QMessageBox.information(self, "交接班", "当前时段没有排班，无法交接。请先在“值班排班”中安排值班人员。")
            return None
        if shift.handed_over_at is not None:
            QMessageBox.information(self, "交接班", literal(f"{shift.day:%m月%d日} {shift.name}已于 "
                                                           f"{shift.handed_over_at:%H:%M} 交接。"))
            return None
        return open_dialog(HandoverDialog(shift, parent=self), self.record_changed)
