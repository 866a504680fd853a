"""来访接待 tab: register visitors, hand their matters on, answer every one in time (件件有着落、有回音).

Open cases are listed above the register, nearest deadline first; their status counts the calendar
days left and turns amber, then red. A 30-second timer repaints the countdowns without SQL. The
second page keeps the 领导接待日 schedule.
"""

from __future__ import annotations

from pathlib import Path

import peewee as pw
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from xiaoneng_desktop.core import clock, people
from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.ui.visitors.handling_dialog import HandlingDialog
from xiaoneng_desktop.ui.visitors.reception_page import ReceptionPage
from xiaoneng_desktop.ui.visitors.visit_dialog import VisitDialog
from xiaoneng_desktop.ui.visitors.visit_table import AGE_COLUMN, COLUMNS, STATUS_COLUMN
from xiaoneng_desktop.ui.widgets.filter_bar import Filters
from xiaoneng_desktop.ui.widgets.form_errors import name_buttons
from xiaoneng_desktop.ui.widgets.inputs import fill_names
from xiaoneng_desktop.ui.widgets.reason_dialog import ReasonDialog
from xiaoneng_desktop.ui.widgets.record_forms import print_form, reveal, row_menu, save_form
from xiaoneng_desktop.ui.widgets.register_view import RegisterView, list_table
from xiaoneng_desktop.ui.widgets.sql_table import SqlTableModel
from xiaoneng_desktop.visitors import service
from xiaoneng_desktop.visitors.models import Visit

TICK_MS = 30_000
DEADLINE_COLUMN = 11


class VisitorsTab(QWidget):
    #: A record was added or changed (the dashboard and other views refresh on it).
    data_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.filters = Filters(status=service.STATUSES[0])

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
        self.open_model = SqlTableModel(COLUMNS, service.open_visits_query, page_size=100,
                                        default_sort=(DEADLINE_COLUMN, Qt.SortOrder.AscendingOrder), parent=self)
        self.open_table = list_table(self.open_model, self)
        self.open_table.setObjectName("open_table")
        self.open_table.setAccessibleName("未办结来访")
        self.open_table.doubleClicked.connect(lambda index: self.handle(self.open_model.id_at(index.row())))
        self.open_box = QGroupBox(self)
        open_layout = QVBoxLayout(self.open_box)
        open_layout.addWidget(self.open_table)

        # --- the whole register
        self.model = SqlTableModel(COLUMNS, self._query, default_sort=(0, Qt.SortOrder.DescendingOrder), parent=self)
        self.view = RegisterView(self.model, list(service.STATUSES), self)
        self.view.export_name = "来访登记"  # the sheet and the suggested file name
        self.view.filter_bar.search.setToolTip("按姓名、身份证号（全部或后几位）、电话、事由、转办单位查找（Ctrl+F）")
        self.view.filter_bar.search.setPlaceholderText("姓名、身份证号、电话、事由、单位…")
        self.view.filters_changed.connect(self.apply_filters)
        self.view.activated.connect(self.handle)
        log_box = QGroupBox("来访登记簿", self)
        log_layout = QVBoxLayout(log_box)
        log_layout.addWidget(self.view)

        self.new_button = QPushButton("登记来访(&N)", self)
        self.new_button.setToolTip("登记新的来访（Ctrl+N），Ctrl+Enter 保存")
        self.new_button.clicked.connect(self.new_record)
        self.edit_button = QPushButton("修改登记", self)
        self.edit_button.clicked.connect(lambda: self.edit_visit(self.selected_id()))
        self.handle_button = QPushButton("办理…", self)
        self.handle_button.setToolTip("受理、转办、答复、满意度、回访（双击记录也可打开）")
        self.handle_button.clicked.connect(lambda: self.handle(self.selected_id()))
        self.extend_button = QPushButton("延期…", self)
        self.extend_button.clicked.connect(self.extend_selected)
        self.void_button = QPushButton("作废", self)
        self.void_button.clicked.connect(self.void_selected)
        self.print_button = QPushButton("打印(&P)…", self)
        self.print_button.setToolTip("打印所选来访的来访登记表（身份证号隐去中间位）")
        self.print_button.clicked.connect(self.print_visit_form)
        self.pdf_button = QPushButton("存为PDF…", self)
        self.pdf_button.setToolTip("把所选来访的来访登记表存为 PDF 文件")
        self.pdf_button.clicked.connect(lambda: self.save_visit_form())
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.handle_button, self.extend_button, self.void_button,
                       self.print_button, self.pdf_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.open_box)
        splitter.addWidget(log_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([230, 520])
        visits_page = QWidget(self)
        visits_layout = QVBoxLayout(visits_page)
        visits_layout.addLayout(header)
        visits_layout.addLayout(buttons)
        visits_layout.addWidget(splitter, 1)

        self.reception = ReceptionPage(self)
        self.reception.changed.connect(self._schedule_changed)
        self.pages = QTabWidget(self)
        self.pages.addTab(visits_page, "来访登记")
        self.pages.addTab(self.reception, "领导接待日")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)

        for table in (self.open_table, self.view.table):
            row_menu(table, self._fill_menu, self)

        shortcut = QShortcut(QKeySequence("Ctrl+N"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.new_record)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.timer.start(TICK_MS)
        self.refresh_header()

    # --- lists -----------------------------------------------------------------------------------

    def _query(self) -> pw.ModelSelect:
        f = self.filters
        return service.visits_query(f.text, f.date_from, f.date_to, f.status or service.STATUSES[0])

    def apply_filters(self, filters: Filters) -> None:
        self.filters = filters
        self.model.set_query(self._query)

    def refresh(self) -> None:
        self.model.refresh()
        self.open_model.refresh()
        self.reception.refresh()
        self.refresh_header()

    def tick(self) -> None:
        """The clock moved: repaint the countdowns and ages; a case may have become overdue."""
        for model in (self.model, self.open_model):
            model.touch_columns([STATUS_COLUMN, AGE_COLUMN])
        self.refresh_header()

    def refresh_header(self) -> None:
        today = clock.today()
        day = service.reception_day_on(today)
        if day is not None:
            text = f"<b>今天是领导接待日</b>：{day.leader_name} 接待（{day.place}）"
        else:
            upcoming = service.next_reception_day(today)
            text = (f"下一个领导接待日：{upcoming.day:%m月%d日} 星期{'一二三四五六日'[upcoming.day.weekday()]}，"
                    f"{upcoming.leader_name} 接待" if upcoming else
                    '<span style="color:#e65100">尚未安排领导接待日，请在“领导接待日”中生成。</span>')
        self.day_label.setText(text)
        count = self.open_model.total_count()
        late = service.late_count()
        self.open_box.setTitle(f"未办结来访 {count} 件" + (f"，其中超期 {late} 件" if late else ""))

    def _changed(self, visit_id: int | None = None) -> None:
        self.model.refresh()
        self.open_model.refresh()
        self.reception.refresh()
        self.refresh_header()
        if visit_id is not None:
            self.view.select_id(visit_id)
        self.data_changed.emit()

    def _schedule_changed(self) -> None:
        self.model.refresh()
        self.open_model.refresh()
        self.refresh_header()

    # --- actions ---------------------------------------------------------------------------------

    def current_responder(self) -> str:
        return self.responder.currentText().strip()

    def selected_id(self) -> int | None:
        if self.open_table.hasFocus() and self.open_table.currentIndex().isValid():
            return self.open_model.id_at(self.open_table.currentIndex().row())
        return self.view.current_id()

    def focus_search(self) -> None:
        self.pages.setCurrentIndex(0)
        self.view.focus_search()

    def new_record(self) -> VisitDialog:
        self.pages.setCurrentIndex(0)
        dialog = VisitDialog(responder=self.current_responder(), parent=self)
        dialog.accepted.connect(lambda: self._changed(dialog.saved_id))
        dialog.open()
        return dialog

    def edit_visit(self, visit_id: int | None) -> VisitDialog | None:
        visit = self._visit(visit_id)
        if visit is None:
            return None
        dialog = VisitDialog(visit, parent=self)
        if visit.voided_at is not None:
            dialog.setWindowTitle(f"来访登记（已作废：{visit.void_reason}）")
            dialog.ui.button_box.setEnabled(False)
        dialog.accepted.connect(lambda: self._changed(dialog.saved_id))
        dialog.open()
        return dialog

    def handle(self, visit_id: int | None) -> HandlingDialog | None:
        visit = self._visit(visit_id)
        if visit is None:
            return None
        dialog = HandlingDialog(visit, actor=self.current_responder(), parent=self)
        if visit.voided_at is not None:
            dialog.setWindowTitle(f"来访事项（已作废：{visit.void_reason}）")
            dialog.ui.button_box.setEnabled(False)
        dialog.accepted.connect(lambda: self._changed(dialog.saved_id))
        dialog.open()
        return dialog

    def extend_selected(self) -> ExtendDialog | None:
        visit = self._visit(self.selected_id())
        if visit is None:
            return None
        dialog = ExtendDialog(visit.id, self.current_responder(), self)
        dialog.accepted.connect(lambda: self._changed(visit.id))
        dialog.open()
        return dialog

    def void_selected(self) -> ReasonDialog | None:
        visit_id = self.selected_id()
        if visit_id is None:
            self._no_selection()
            return None
        dialog = ReasonDialog("作废来访登记", "作废后记录仍保留，并记入操作日志。请填写作废原因：",
                              lambda reason: service.void_visit(visit_id, reason, by=self.current_responder()), self)
        dialog.accepted.connect(lambda: self._changed(visit_id))
        dialog.open()
        return dialog

    def _visit(self, visit_id: int | None) -> Visit | None:
        if visit_id is None:
            self._no_selection()
            return None
        return Visit.get_or_none(Visit.id == visit_id)

    def _no_selection(self) -> None:
        QMessageBox.information(self, "来访接待", "请先在列表中选择一条来访记录。")

    # --- the 来访登记表, and opening a visit from elsewhere --------------------------------------------

    def _fill_menu(self, menu: QMenu) -> None:
        menu.addAction("办理…", lambda: self.handle(self.selected_id()))
        menu.addAction("修改登记…", lambda: self.edit_visit(self.selected_id()))
        menu.addAction("延期…", self.extend_selected)
        menu.addAction("作废…", self.void_selected)
        menu.addSeparator()
        menu.addAction("打印来访登记表…", self.print_visit_form)
        menu.addAction("来访登记表存为PDF…", lambda: self.save_visit_form())

    def _form(self) -> tuple[Visit, str] | None:
        visit = self._visit(self.selected_id())
        if visit is None:
            return None
        return visit, f"来访登记表 {visit.name} {visit.visited_at:%Y-%m-%d}"

    def print_visit_form(self):
        """Qt's print preview of the 来访登记表 — the same PDF that 存为PDF writes."""
        chosen = self._form()
        if chosen is None:
            return None
        from xiaoneng_desktop.reports.forms import visit_form  # reportlab only when asked for

        visit, title = chosen
        return print_form(self, lambda: visit_form(visit), title)

    def save_visit_form(self, path: str | None = None) -> Path | None:
        chosen = self._form()
        if chosen is None:
            return None
        from xiaoneng_desktop.reports.forms import visit_form

        visit, _title = chosen
        return save_form(self, lambda: visit_form(visit), "来访登记表",
                         f"来访登记表-{visit.visited_at:%Y%m%d}-{visit.id}", path)

    def open_record(self, record_id: int) -> HandlingDialog | None:
        """Show the visit in the register (filters cleared if they hide it), select it and open its
        handling — for the dashboard's double-click."""
        visit = Visit.get_or_none(Visit.id == record_id)
        if visit is None:
            return None
        self.pages.setCurrentIndex(0)
        reveal(self.view, visit.id, lambda: self._query().where(Visit.id == visit.id).exists(),
               day=visit.visited_at.date())
        self.view.table.setFocus()
        return self.handle(visit.id)


class ExtendDialog(QDialog):
    """延期: the number of days (at most the setting) and the reason told to the visitor."""

    def __init__(self, visit_id: int, by: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.visit_id, self.by = visit_id, by
        self.setWindowTitle("延期办理")
        maximum = service.extend_max_days()
        self.days = QSpinBox(self)
        self.days.setObjectName("days")
        self.days.setRange(1, maximum)
        self.days.setValue(maximum)
        self.days.setSuffix(" 天")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setMinimumWidth(320)
        self.reason.setPlaceholderText("情况复杂需延长办理期限的理由，将告知来访人")
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        name_buttons(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(f"只能延期一次，最多 {maximum} 天。", self))
        form.addRow("延长", self.days)
        form.addRow("延期理由", self.reason)
        form.addRow(self.error)
        form.addRow(buttons)

    def save(self) -> None:
        try:
            service.extend(self.visit_id, self.days.value(), self.reason.text(), by=self.by)
        except ValidationError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()
