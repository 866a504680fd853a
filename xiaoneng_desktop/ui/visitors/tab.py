"""来访接待 tab: register visitors, hand their matters on, answer every one in time (件件有着落、有回音).

Open cases are listed above the register, nearest deadline first; their status counts the calendar
days left and turns amber, then red. A 30-second timer repaints the countdowns without SQL. The
second page keeps the 领导接待日 schedule.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from xiaoneng_desktop.core import clock, people
from xiaoneng_desktop.ui.visitors.handling_dialog import HandlingDialog
from xiaoneng_desktop.ui.visitors.reception_page import ReceptionPage
from xiaoneng_desktop.ui.visitors.visit_dialog import VisitDialog
from xiaoneng_desktop.ui.visitors.visit_table import AGE_COLUMN, COLUMNS, STATUS_COLUMN
from xiaoneng_desktop.ui.widgets.accountability import decide_pending
from xiaoneng_desktop.ui.widgets.inputs import fill_names, push_button
from xiaoneng_desktop.ui.widgets.record_dialog import LabelledFields, RecordDialog
from xiaoneng_desktop.ui.widgets.register_tab import RecordForm, RegisterSpec, RegisterTab, voided_title
from xiaoneng_desktop.visitors import service
from xiaoneng_desktop.visitors.models import Visit

DEADLINE_COLUMN = 11


SPEC = RegisterSpec(
    title="来访接待", thing="来访记录", measure="条",
    columns=COLUMNS, statuses=service.STATUSES, tick_columns=(STATUS_COLUMN, AGE_COLUMN),
    query=service.visits_query, get=service.get_visit, void=service.void_visit,
    day=lambda visit: visit.visited_at.date(),
    form=RecordForm("来访登记表", "visit_form", lambda visit: f"{visit.name} {visit.visited_at:%Y-%m-%d}",
                    about="（身份证号隐去中间位）"),
    export_name="来访登记", ledger_kinds=("visitors",), permission="visitors.write",
)


class VisitorsTab(RegisterTab):
    spec = SPEC

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)

        # --- who receives, and today's reception day
        self.responder = QComboBox(self)
        self.responder.setObjectName("responder")
        self.responder.setEditable(True)
        self.responder.setMinimumWidth(110)
        self.responder.setToolTip("新登记的来访默认以此人为首问责任人")
        fill_names(self.responder, people.person_names(), service.last_responder())
        self.day_label = QLabel(self)
        self.day_label.setObjectName("day_label")
        self.day_label.setTextFormat(Qt.TextFormat.RichText)
        header = QHBoxLayout()
        header.addWidget(QLabel("接待人员", self))
        header.addWidget(self.responder)
        header.addSpacing(16)
        header.addWidget(self.day_label, 1)

        # --- open cases, nearest deadline first
        self.open_model, self.open_table, self.open_box = self.open_list(service.open_visits_query, DEADLINE_COLUMN,
                                                                         "未办结来访")

        # --- the whole register
        self.view.filter_bar.search.setToolTip("按姓名、身份证号（全部或后几位）、电话、事由、转办单位查找（Ctrl+F）")
        self.view.filter_bar.search.setPlaceholderText("姓名、身份证号、电话、事由、单位…")

        self.new_button = push_button(self, "登记来访(&N)", self.new_record, tip="登记新的来访（Ctrl+N），Ctrl+Enter 保存")
        self.edit_button = push_button(self, "修改登记", lambda: self.edit_visit(self.selected_id()))
        self.handle_button = push_button(self, "办理…", lambda: self.handle(self.selected_id()),
                                         tip="受理、转办、答复、满意度、回访（双击记录也可打开）")
        self.extend_button = push_button(self, "延期…", self.extend_selected)
        self.approve_button = push_button(self, "审批延期…", self.decide_selected, tip="批准或不同意所选来访的延期申请")
        self.approve_button.setProperty("permission", "extension.approve")  # a leader's act
        buttons = self.buttons(self.new_button, self.edit_button, self.handle_button, self.extend_button,
                               self.approve_button)

        self.reception = ReceptionPage(self)
        # a new reception day changes which visits it counts, and the header
        self.reception.changed.connect(self.reload)
        self.set_pages(self.build_register_page("来访登记簿", header, buttons), (self.reception, "领导接待日"),
                       register_name="来访登记")
        self.update_summary()

    # --- the register's hooks --------------------------------------------------------------------

    def refresh_pages(self) -> None:
        self.reception.refresh()

    def record_changed(self, record_id: int | None = None) -> None:
        super().record_changed(record_id)
        self.reception.refresh()  # its count of visits per day

    def actor(self) -> str:
        return self.responder.currentText().strip()

    def menu_actions(self):
        return [("办理…", lambda: self.handle(self.selected_id())),
                ("修改登记…", lambda: self.edit_visit(self.selected_id())),
                ("延期…", self.extend_selected), ("审批延期…", self.decide_selected, "extension.approve"),
                ("更正办理…", lambda: self.handle(self.selected_id(), correcting=True))]

    def update_summary(self) -> None:
        """Today's or the next reception day, and the count of open cases."""
        today = clock.today()
        day = service.reception_day_on(today)
        if day is not None:
            text = f"<b>今天是领导接待日</b>：{html.escape(day.leader_name)} 接待（{html.escape(day.place)}）"
        else:
            upcoming = service.next_reception_day(today)
            text = (f"下一个领导接待日：{upcoming.day:%m月%d日} 星期{'一二三四五六日'[upcoming.day.weekday()]}，"
                    f"{html.escape(upcoming.leader_name)} 接待" if upcoming else
                    '<span style="color:#e65100">尚未安排领导接待日，请在“领导接待日”中生成。</span>')
        self.day_label.setText(text)
        count = self.open_model.total_count()
        late = service.late_count()
        self.open_box.setTitle(f"未办结来访 {count} 件" + (f"，其中超期 {late} 件" if late else ""))

    # --- actions ---------------------------------------------------------------------------------

    def new_record(self) -> VisitDialog:
        self.show_register()
        return self.open_dialog(VisitDialog(responder=self.actor(), parent=self))

    def activate(self, visit_id: int | None) -> HandlingDialog | None:
        return self.handle(visit_id)

    def edit_visit(self, visit_id: int | None) -> VisitDialog | None:
        visit = self.record(visit_id)
        if visit is None:
            return None
        correcting = visit.closed_at is not None and visit.voided_at is None  # answered: only 更正
        return self.open_dialog(VisitDialog(visit, parent=self, correcting=correcting),
                                read_only=voided_title("来访登记", visit))

    def handle(self, visit_id: int | None, correcting: bool = False) -> HandlingDialog | None:
        """办理; an answered visit takes its rating and 回访 here, any other change is 更正."""
        visit = self.record(visit_id)
        if visit is None:
            return None
        correcting = correcting and visit.closed_at is not None and visit.voided_at is None
        return self.open_dialog(HandlingDialog(visit, actor=self.actor(), parent=self, correcting=correcting),
                                read_only=voided_title("来访事项", visit))

    def decide_selected(self):
        """审批延期: the selected visit's pending request, approved or refused by someone else."""
        return decide_pending(self, "visit", self.selected_id(), lambda visit: f"来访人：{visit.name}，{visit.category}")

    def extend_selected(self) -> ExtendDialog | None:
        visit = self.selected_record()
        if visit is None:
            return None
        return self.open_dialog(ExtendDialog(visit.id, self.actor(), self), select=visit.id)


class Ui_ExtendDialog(LabelledFields):
    has_note = True
    rows = (("days", "延长", QSpinBox), ("reason", "延期理由", QLineEdit))


class ExtendDialog(RecordDialog):
    """延期: the number of days (at most the setting) and the reason told to the visitor."""

    form_class = Ui_ExtendDialog
    fields = ("days", "reason")

    def __init__(self, visit_id: int, actor: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.visit_id, self.actor = visit_id, actor
        self.setWindowTitle("延期办理")
        ui = self.ui
        maximum = service.extend_max_days()
        ui.note.setText(f"只能延期一次，最多 {maximum} 天。")
        ui.days.setRange(1, maximum)
        ui.days.setValue(maximum)
        ui.days.setSuffix(" 天")
        ui.reason.setMinimumWidth(320)
        ui.reason.setPlaceholderText("情况复杂需延长办理期限的理由，将告知来访人")

    def submit(self) -> Visit:
        return service.extend(self.visit_id, self.ui.days.value(), self.ui.reason.text(), actor=self.actor)
