"""来访登记: the form a receptionist fills while the visitor is at the desk.

A returning visitor is recognised as soon as a complete 身份证号 or phone is typed (or, after the
name, by choosing among earlier visitors of that name): name, phone and address are filled in from the
last visit and the panel beside the form lists the earlier visits and what they were answered.
Ctrl+Enter saves; bad input shows under the field and the form keeps what was typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListWidgetItem, QWidget

from xiaoneng_desktop.core import clock, people, session
from xiaoneng_desktop.core.validation import ValidationError, clean_id_number, is_old_id_number
from xiaoneng_desktop.ui.forms.ui_visit_dialog import Ui_VisitDialog
from xiaoneng_desktop.ui.widgets.accountability import add_correct_reason
from xiaoneng_desktop.ui.widgets.inputs import fill_names, from_qdatetime, tab_leaves, to_qdatetime
from xiaoneng_desktop.ui.widgets.record_dialog import RecordDialog
from xiaoneng_desktop.visitors import service
from xiaoneng_desktop.visitors.models import PURPOSE_LIST, SUBJECT_LIST, Visit
from xiaoneng_desktop.visitors.service import NameMatch, PersonHistory, VisitInput

CHOOSE = "同名的以前来访人：请选择…"


class VisitDialog(RecordDialog):
    """New visit (``visit=None``) or edit one. ``saved_id`` holds the record after Save."""

    form_class = Ui_VisitDialog
    conflict_labels = service.LABELS
    fields = ("visited_at", "category", "purpose", "id_number", "phone", "name", "persons", "address", "matter",
              "first_responder")

    def __init__(self, visit: Visit | None = None, responder: str = "", parent: QWidget | None = None,
                 correcting: bool = False):
        super().__init__(parent)
        if correcting:
            add_correct_reason(self, "更正来访登记")
        ui = self.ui
        self.visit_id = visit.id if visit else None
        self.expected_version = visit.version if visit else None
        self.history: PersonHistory | None = None
        self._matches: list[NameMatch] = []
        if not correcting:
            self.setWindowTitle("修改来访登记" if visit else "来访登记")
        ui.category.addItems(SUBJECT_LIST.values())  # the office's own lists (工具→单位设置)
        ui.purpose.addItems(["", *PURPOSE_LIST.values()])
        for combo in (ui.category, ui.purpose):  # the longest value readable (城乡建设, 揭发控告 …)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        #: the full 身份证号 only for a role allowed to see it (管理员, 接待员); others see it masked
        self.id_full = session.can("id.full")
        fill_names(ui.first_responder, people.person_names())
        ui.name_matches.hide()
        ui.id_number.textChanged.connect(self._id_changed)
        ui.phone.textChanged.connect(self._phone_changed)
        ui.name.editingFinished.connect(self._name_finished)
        ui.name_matches.activated.connect(self._match_chosen)
        ui.persons.valueChanged.connect(self._persons_changed)
        ui.visited_at.dateTimeChanged.connect(self._visited_changed)

        if visit is None:
            ui.visited_at.setDateTime(to_qdatetime(clock.now()))
            ui.first_responder.setCurrentText(responder)
        else:
            self.fill(visit)
        self._persons_changed(ui.persons.value())
        self._visited_changed()
        tab_leaves(self, ui.visited_at)
        (ui.matter if visit else ui.id_number).setFocus()

    def fill(self, visit: Visit) -> None:
        ui = self.ui
        ui.visited_at.setDateTime(to_qdatetime(visit.visited_at))
        for combo, value in ((ui.category, visit.category), (ui.purpose, visit.purpose)):
            if combo.findText(value) < 0:  # a value since taken off the list: the record keeps it
                combo.addItem(value)
            combo.setCurrentText(value)
        # the full number only to a role allowed to see it; a masked one saved unchanged keeps the number
        ui.id_number.setText(service.id_display(visit) if visit.id_number else "")
        ui.phone.setText(visit.phone)
        ui.name.setText(visit.name)
        ui.persons.setValue(visit.persons)
        ui.address.setText(visit.address)
        ui.matter.setPlainText(visit.matter)
        ui.first_responder.setCurrentText(visit.first_responder)
        self._look_up()

    # --- recognising the visitor ------------------------------------------------------------------

    def _id_changed(self, text: str) -> None:
        hint = self.ui.id_hint
        hint.setStyleSheet("color: #546e7a;")
        compact = "".join(text.split())
        if not compact:
            hint.setText("未提供")
            return
        if service.is_masked_id(compact):
            hint.setText("已遮盖的号码（保存时保留原号码）")
            return
        if len(compact) not in (15, 18):
            hint.setText(f"已输入 {len(compact)} 位")
            return
        try:
            number = clean_id_number(compact)
        except ValidationError as exc:
            hint.setStyleSheet("color: #c62828;")
            hint.setText(str(exc).replace("身份证号", "", 1))
            return
        hint.setText("旧15位号码" if is_old_id_number(number) else "校验正确")
        self._look_up()

    def _phone_changed(self, text: str) -> None:
        digits = "".join(c for c in text if c.isdigit())
        if len(digits) >= 7:
            self._look_up()

    def _look_up(self) -> None:
        ui = self.ui
        history = service.person_history(ui.id_number.text(), ui.phone.text(), exclude_id=self.visit_id)
        if history.count == 0 and self.history is not None and self.history.count:
            return  # keep what was found (e.g. the phone being retyped)
        self.history = history
        self._show_history()
        if history.last is not None and self.visit_id is None:
            last = history.last
            for widget, value in ((ui.name, last.name), (ui.phone, last.phone), (ui.address, last.address)):
                if not widget.text().strip() and value:
                    widget.blockSignals(True)
                    widget.setText(value)
                    widget.blockSignals(False)
            if not ui.id_number.text().strip() and last.id_number:
                if self.id_full:
                    ui.id_number.setText(last.id_number)
                else:  # the number is not filled in for a role that may not see it: a hint only
                    ui.id_hint.setText(f"以前登记的身份证号：{service.id_display(last)}")
            ui.name_matches.hide()

    def _show_history(self) -> None:
        ui = self.ui
        ui.history_list.clear()
        history = self.history
        if history is None or history.count == 0:
            ui.history_box.setTitle("该来访人以前的来访")
            ui.history_summary.setText("首次来访（未找到同一身份证号或电话的以前来访）。"
                                       if (ui.id_number.text() or ui.phone.text()) else
                                       "输入身份证号或电话后显示以前的来访记录。")
            return
        ui.history_box.setTitle(f"重复访：以前来访 {history.count} 次")
        last = history.last
        ui.history_summary.setTextFormat(Qt.TextFormat.PlainText)  # the last reply is typed text
        ui.history_summary.setText(
            f"首次 {history.first:%Y-%m-%d}，最近 {last.visited_at:%Y-%m-%d}（{last.status}）。"
            + (f"\n最近答复：{last.reply}" if last.reply else ""))
        for visit in history.visits:
            answer = visit.reply or (visit.decision_reason if visit.decision == "不予受理" else "") or "尚未答复"
            text = (f"{visit.visited_at:%Y-%m-%d} {visit.category}{' ' + visit.purpose if visit.purpose else ''}｜{visit.status}\n{visit.matter[:60]}\n"
                    f"答复：{answer[:80]}" + (f"　满意度：{visit.satisfaction}" if visit.satisfaction != "未评价" else ""))
            ui.history_list.addItem(QListWidgetItem(text))

    def _name_finished(self) -> None:
        ui = self.ui
        if self.visit_id is not None or (self.history is not None and self.history.count):
            return
        self._matches = service.find_by_name(ui.name.text())
        ui.name_matches.clear()
        if not self._matches:
            ui.name_matches.hide()
            return
        ui.name_matches.addItem(f"{CHOOSE}（{len(self._matches)}）")
        for match in self._matches:
            ui.name_matches.addItem(match.label())
        ui.name_matches.show()

    def _match_chosen(self, index: int) -> None:
        if index < 1 or index > len(self._matches):
            return
        match = self._matches[index - 1]
        ui = self.ui
        ui.phone.setText(match.phone)
        ui.address.setText(match.address)
        if self.id_full:
            ui.id_number.setText(match.id_number)
        elif match.id_number:
            ui.id_hint.setText(f"以前登记的身份证号：{service.id_display(match.id_number)}")
        self._look_up()
        ui.name_matches.hide()
        ui.persons.setFocus()

    def _persons_changed(self, value: int) -> None:
        size = service.group_size()
        self.ui.group_hint.setText(f"集体访（{size}人及以上）：姓名栏填写代表" if value >= size else "")

    def _visited_changed(self, *_args) -> None:
        day = service.reception_day_on(from_qdatetime(self.ui.visited_at.dateTime()).date())
        self.ui.leader_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.ui.leader_hint.setText(f"领导接待日：{day.leader_name} 接待" if day else "")

    # --- saving -----------------------------------------------------------------------------------

    def data(self) -> VisitInput:
        ui = self.ui
        return VisitInput(
            visited_at=from_qdatetime(ui.visited_at.dateTime()), name=ui.name.text(),
            id_number=ui.id_number.text(), phone=ui.phone.text(), persons=ui.persons.value(),
            address=ui.address.text(), category=ui.category.currentText(), purpose=ui.purpose.currentText(),
            matter=ui.matter.toPlainText(),
            first_responder=ui.first_responder.currentText(),
        )

    def submit(self) -> Visit:
        if self.visit_id is None:
            return service.create_visit(self.data())
        if getattr(self.ui, "correct_reason", None) is not None:
            return service.correct_visit(self.visit_id, self.data(), self.ui.correct_reason.text(),
                                         expected_version=self.expected_version)
        return service.update_visit(self.visit_id, self.data(), expected_version=self.expected_version)
