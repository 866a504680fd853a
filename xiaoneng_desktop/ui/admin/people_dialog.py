"""人员与部门: the office directory every register picks people from.

The editors are opened with ``open()`` (window-modal, not a nested event loop), so the list refreshes
from their ``accepted`` signal and tests can drive them like any window.
"""

from __future__ import annotations

import peewee as pw
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from xiaoneng_desktop.core import people
from xiaoneng_desktop.core.models import Department, Person
from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.ui.forms.ui_department_dialog import Ui_DepartmentDialog
from xiaoneng_desktop.ui.forms.ui_person_dialog import Ui_PersonDialog
from xiaoneng_desktop.ui.widgets.form_errors import database_message, name_buttons
from xiaoneng_desktop.ui.widgets.record_dialog import RecordDialog
from xiaoneng_desktop.ui.widgets.record_forms import found

_INACTIVE = QColor("#888888")


class PersonDialog(RecordDialog):
    """Add or edit one person. On a bad field the message appears under it and the dialog stays open."""

    form_class = Ui_PersonDialog
    fields = {"name": "name_edit", "department": "department_combo", "post": "post_edit",
              "mobile": "mobile_edit", "office_phone": "office_phone_edit", "note": "note_edit"}

    def __init__(self, person: Person | None = None, department_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.person = person
        self.setWindowTitle("新增人员" if person is None else f"人员信息 — {person.name}")
        ui = self.ui
        self._fill_departments(person.department_id if person else department_id)
        if person is not None:
            ui.name_edit.setText(person.name)
            ui.post_edit.setText(person.post)
            ui.mobile_edit.setText(person.mobile)
            ui.office_phone_edit.setText(person.office_phone)
            ui.active_check.setChecked(person.active)
            ui.note_edit.setText(person.note)
        ui.name_edit.setFocus()

    def _fill_departments(self, current_id: int | None) -> None:
        combo: QComboBox = self.ui.department_combo
        combo.addItem("（未分部门）", None)
        for department in people.list_departments(include_inactive=True):
            # A 停用 department is offered only to the people already in it.
            if department.active:
                combo.addItem(department.name, department.id)
            elif department.id == current_id:
                combo.addItem(f"{department.name}（已停用）", department.id)
        index = combo.findData(current_id)
        combo.setCurrentIndex(max(index, 0))

    def submit(self) -> Person:
        ui = self.ui
        return people.save_person(
            self.person.id if self.person else None,
            name=ui.name_edit.text(),
            department_id=ui.department_combo.currentData(),
            post=ui.post_edit.text(),
            office_phone=ui.office_phone_edit.text(),
            mobile=ui.mobile_edit.text(),
            active=ui.active_check.isChecked(),
            note=ui.note_edit.text(),
        )


class DepartmentDialog(RecordDialog):
    """Add a department or rename / re-order one."""

    form_class = Ui_DepartmentDialog
    fields = {"name": "name_edit", "sort_order": "sort_order_spin"}

    def __init__(self, department: Department | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.department = department
        ui = self.ui
        if department is None:
            self.setWindowTitle("添加部门")
            # New departments go to the end of the list unless the user says otherwise.
            existing = people.list_departments(include_inactive=True)
            ui.sort_order_spin.setValue(min(max((d.sort_order for d in existing), default=0) + 1, 999))
        else:
            self.setWindowTitle(f"修改部门 — {department.name}")
            ui.name_edit.setText(department.name)
            ui.sort_order_spin.setValue(department.sort_order)
        ui.name_edit.setFocus()

    def submit(self) -> Department:
        return people.save_department(
            self.department.id if self.department else None,
            self.ui.name_edit.text(),
            sort_order=self.ui.sort_order_spin.value(),
            active=self.department.active if self.department else True,
        )


class PeopleDialog(QDialog):
    """部门 on the left (全部 first), that department's people on the right."""

    COLUMNS = ("姓名", "部门", "职务", "手机", "办公电话", "状态", "备注")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("人员与部门")
        self.resize(900, 520)
        self.person_editor: PersonDialog | None = None
        self.department_editor: DepartmentDialog | None = None

        # Left: departments.
        self.department_list = QListWidget()
        self.add_department_button = QPushButton("添加")
        self.rename_department_button = QPushButton("改名")
        self.toggle_department_button = QPushButton("停用")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("部门"))
        left_layout.addWidget(self.department_list)
        department_buttons = QHBoxLayout()
        for button in (self.add_department_button, self.rename_department_button, self.toggle_department_button):
            department_buttons.addWidget(button)
        left_layout.addLayout(department_buttons)

        # Right: people.
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("查找姓名、职务、电话、备注")
        self.search_edit.setClearButtonEnabled(True)
        self.show_inactive_check = QCheckBox("显示已停用")
        self.show_inactive_check.setToolTip("同时列出已停用的人员和部门，以便查看或重新启用")
        self.people_table = QTableWidget(0, len(self.COLUMNS))
        self.people_table.setHorizontalHeaderLabels(self.COLUMNS)
        self.people_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.people_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.people_table.verticalHeader().hide()
        self.people_table.horizontalHeader().setStretchLastSection(True)
        self.people_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.new_person_button = QPushButton("新增人员")
        self.edit_person_button = QPushButton("编辑")
        self.toggle_person_button = QPushButton("停用")
        self.message_label = QLabel()
        self.message_label.setStyleSheet("color: #c00000;")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.show_inactive_check)
        right_layout.addLayout(filters)
        right_layout.addWidget(self.people_table)
        person_buttons = QHBoxLayout()
        for button in (self.new_person_button, self.edit_person_button, self.toggle_person_button):
            person_buttons.addWidget(button)
        person_buttons.addStretch(1)
        right_layout.addLayout(person_buttons)
        right_layout.addWidget(self.message_label)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 680])
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        name_buttons(self.button_box)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.button_box)

        self.button_box.rejected.connect(self.reject)
        self.department_list.currentItemChanged.connect(self._department_changed)
        self.add_department_button.clicked.connect(self.add_department)
        self.rename_department_button.clicked.connect(self.rename_department)
        self.toggle_department_button.clicked.connect(self.toggle_department)
        self.show_inactive_check.toggled.connect(self._show_inactive_toggled)
        self.search_edit.textChanged.connect(lambda _text: self.refresh_people())
        self.people_table.itemSelectionChanged.connect(self._update_buttons)
        self.people_table.cellDoubleClicked.connect(lambda _row, _column: self.edit_person())
        self.new_person_button.clicked.connect(self.new_person)
        self.edit_person_button.clicked.connect(self.edit_person)
        self.toggle_person_button.clicked.connect(self.toggle_person)

        self.refresh_departments()

    # ------------------------------------------------------------ departments

    def current_department_id(self) -> int | None:
        item = self.department_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def refresh_departments(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.current_department_id()
        show_inactive = self.show_inactive_check.isChecked()
        self.department_list.blockSignals(True)
        self.department_list.clear()
        everyone = QListWidgetItem("全部")
        everyone.setData(Qt.ItemDataRole.UserRole, None)
        self.department_list.addItem(everyone)
        current = everyone
        for department in people.list_departments(include_inactive=show_inactive):
            item = QListWidgetItem(department.name if department.active else f"{department.name}（已停用）")
            item.setData(Qt.ItemDataRole.UserRole, department.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, department.active)
            if not department.active:
                item.setForeground(_INACTIVE)
            self.department_list.addItem(item)
            if department.id == keep:
                current = item
        self.department_list.setCurrentItem(current)
        self.department_list.blockSignals(False)
        self.refresh_people()

    def _department_changed(self, *_args) -> None:
        self._say("")
        self.refresh_people()

    def _show_inactive_toggled(self, _checked: bool) -> None:
        self.refresh_departments()

    def add_department(self) -> None:
        self._open_department_editor(None)

    def rename_department(self) -> None:
        department_id = self.current_department_id()
        department = found(people.get_department, department_id)
        if department is not None:
            self._open_department_editor(department)

    def _open_department_editor(self, department: Department | None) -> None:
        self._say("")
        editor = DepartmentDialog(department, self)
        editor.accepted.connect(lambda: self.refresh_departments(select_id=editor.saved.id))
        editor.finished.connect(lambda _result: self._editor_closed("department_editor", editor))
        self.department_editor = editor
        editor.open()

    def toggle_department(self) -> None:
        department_id = self.current_department_id()
        if department_id is None:
            return
        item = self.department_list.currentItem()
        active = bool(item.data(Qt.ItemDataRole.UserRole + 1))
        if self._attempt(people.set_department_active, department_id, not active):
            self.refresh_departments(select_id=department_id)

    # ------------------------------------------------------------ people

    def current_person_id(self) -> int | None:
        row = self.people_table.currentRow()
        if row < 0 or not self.people_table.selectedItems():
            return None
        return self.people_table.item(row, 0).data(Qt.ItemDataRole.UserRole)

    def refresh_people(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.current_person_id()
        rows = people.list_people(active_only=not self.show_inactive_check.isChecked(),
                                  department_id=self.current_department_id(),
                                  text=self.search_edit.text())
        table = self.people_table
        table.blockSignals(True)
        table.setRowCount(0)
        table.setRowCount(len(rows))
        selected_row = -1
        for row, person in enumerate(rows):
            values = (person.name, person.department.name if person.department_id else "", person.post,
                      person.mobile, person.office_phone, "在岗" if person.active else "已停用", person.note)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, person.id)
                    item.setData(Qt.ItemDataRole.UserRole + 1, person.active)
                if not person.active:
                    item.setForeground(_INACTIVE)
                table.setItem(row, column, item)
            if person.id == keep:
                selected_row = row
        table.resizeColumnsToContents()
        if selected_row >= 0:
            table.selectRow(selected_row)
        else:
            table.clearSelection()
            table.setCurrentCell(-1, -1)
        table.blockSignals(False)
        self._update_buttons()

    def new_person(self) -> None:
        department_id = self.current_department_id()
        item = self.department_list.currentItem()
        if item is not None and not item.data(Qt.ItemDataRole.UserRole + 1):
            department_id = None  # no new people in a 停用 department
        self._open_person_editor(None, department_id)

    def edit_person(self) -> None:
        person_id = self.current_person_id()
        person = found(people.get_person, person_id)
        if person is not None:
            self._open_person_editor(person, None)

    def _open_person_editor(self, person: Person | None, department_id: int | None) -> None:
        self._say("")
        editor = PersonDialog(person, department_id, self)
        editor.accepted.connect(lambda: self.refresh_people(select_id=editor.saved.id))
        editor.finished.connect(lambda _result: self._editor_closed("person_editor", editor))
        self.person_editor = editor
        editor.open()

    def toggle_person(self) -> None:
        person_id = self.current_person_id()
        if person_id is None:
            return
        active = bool(self.people_table.item(self.people_table.currentRow(), 0).data(Qt.ItemDataRole.UserRole + 1))
        if self._attempt(people.set_active, person_id, not active):
            self.refresh_people(select_id=person_id)

    # ------------------------------------------------------------ helpers

    def _editor_closed(self, attribute: str, editor: QDialog) -> None:
        if getattr(self, attribute) is editor:
            setattr(self, attribute, None)
        editor.deleteLater()

    def _attempt(self, action, *args) -> bool:
        """Run a one-click change; a refusal is shown under the table, not as a traceback."""
        self._say("")
        try:
            action(*args)
        except ValidationError as exc:
            self._say(str(exc))
            return False
        except pw.DatabaseError as exc:
            self._say(database_message(exc))
            return False
        return True

    def _say(self, message: str) -> None:
        self.message_label.setText(message)
        self.message_label.setVisible(bool(message))

    def _update_buttons(self) -> None:
        item = self.department_list.currentItem()
        department_chosen = item is not None and item.data(Qt.ItemDataRole.UserRole) is not None
        self.rename_department_button.setEnabled(department_chosen)
        self.toggle_department_button.setEnabled(department_chosen)
        department_active = department_chosen and bool(item.data(Qt.ItemDataRole.UserRole + 1))
        self.toggle_department_button.setText("停用" if department_active or not department_chosen else "启用")

        person_id = self.current_person_id()
        self.edit_person_button.setEnabled(person_id is not None)
        self.toggle_person_button.setEnabled(person_id is not None)
        person_active = person_id is None or bool(
            self.people_table.item(self.people_table.currentRow(), 0).data(Qt.ItemDataRole.UserRole + 1))
        self.toggle_person_button.setText("停用" if person_active else "启用")
