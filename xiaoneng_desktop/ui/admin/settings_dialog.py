"""单位设置: one tab per settings group, one field per `core.settings` definition.

Built entirely from ``settings.definitions()``, so a register that defines a new setting gets its
field here without touching this file.
"""

from __future__ import annotations

from typing import Any

import peewee as pw
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from xiaoneng_desktop import schema
from xiaoneng_desktop.core import settings
from xiaoneng_desktop.core.settings import SettingDef
from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.ui.widgets.form_errors import database_message

# QSpinBox holds a C int; a definition without bounds still needs some.
_INT_LIMIT = 2_000_000_000


class ListEditor(QWidget):
    """A list-type setting (core.choices: 问题类别, 信访目的, 来电方式 …): one value a line, added,
    removed, renamed in place (double-click) and reordered."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setFixedHeight(self.list.fontMetrics().lineSpacing() * 7 + 12)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.new_value = QLineEdit(self)
        self.new_value.setPlaceholderText("新的一项")
        self.add_button = QPushButton("添加", self)
        self.remove_button = QPushButton("删除", self)
        self.up_button = QPushButton("上移", self)
        self.down_button = QPushButton("下移", self)
        self.add_button.clicked.connect(self.add_line)
        self.new_value.returnPressed.connect(self.add_line)
        self.remove_button.clicked.connect(self.remove_line)
        self.up_button.clicked.connect(lambda: self.move_line(-1))
        self.down_button.clicked.connect(lambda: self.move_line(1))
        row = QHBoxLayout()
        for widget in (self.new_value, self.add_button, self.remove_button, self.up_button, self.down_button):
            row.addWidget(widget)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.list)
        column.addLayout(row)

    def values(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def set_values(self, values) -> None:
        self.list.clear()
        for value in values or []:
            self._append(str(value))
        self.changed.emit()

    def _append(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)

    def add_line(self) -> None:
        text = " ".join(self.new_value.text().split())
        if text and text not in self.values():
            self._append(text)
            self.list.setCurrentRow(self.list.count() - 1)
            self.changed.emit()
        self.new_value.clear()

    def remove_line(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()

    def move_line(self, step: int) -> None:
        row = self.list.currentRow()
        if row < 0 or not 0 <= row + step < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(row + step, item)
        self.list.setCurrentRow(row + step)
        self.changed.emit()


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("单位设置")
        self.resize(560, 420)
        schema.define_all_settings()
        self.definitions: dict[str, SettingDef] = {d.key: d for d in settings.definitions()}
        self.editors: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self._loaded: dict[str, Any] = {}

        self.tabs = QTabWidget()
        groups: dict[str, QFormLayout] = {}
        for definition in self.definitions.values():
            if definition.group not in groups:
                groups[definition.group] = self._add_page(definition.group)
            self._add_field(groups[definition.group], definition)

        self.message_label = QLabel()
        self.message_label.setStyleSheet("color: #c00000;")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults)
        # Without a Qt translation loaded the standard buttons would read in English.
        self.button_box.button(QDialogButtonBox.StandardButton.Ok).setText("保存")
        self.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.restore_button = self.button_box.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        self.restore_button.setText("恢复默认")
        self.restore_button.setToolTip("把所有设置改回程序的默认值（按“确定”后才保存）")

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.button_box)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_defaults)

        for key in self.definitions:
            self._loaded[key] = settings.get(key)
            self.set_value(key, self._loaded[key])
        for key in self.definitions:
            self.error_labels[key].hide()

    # ------------------------------------------------------------ building

    def _add_page(self, group: str) -> QFormLayout:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        scroll = QScrollArea()  # a group may grow past the window as registers add settings
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        scroll.setObjectName(f"group:{group}")
        self.tabs.addTab(scroll, group)
        return form

    def _add_field(self, form: QFormLayout, definition: SettingDef) -> None:
        editor = self._make_editor(definition)
        editor.setObjectName(f"setting:{definition.key}")
        error = QLabel()
        error.setObjectName(f"error:{definition.key}")
        error.setStyleSheet("color: #c00000;")
        error.setWordWrap(True)
        label = QLabel(definition.label)
        label.setBuddy(editor)
        if definition.help:
            label.setToolTip(definition.help)
            editor.setToolTip(definition.help)
        # The message sits right under its field; a hidden label takes no room.
        field = QWidget()
        column = QVBoxLayout(field)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if definition.folder:
            editor.setPlaceholderText("留空：数据文件旁的“备份”文件夹")
            choose = QPushButton("选择…")
            choose.setObjectName(f"choose:{definition.key}")
            choose.clicked.connect(lambda _checked=False, e=editor, t=definition.label: self._choose_folder(e, t))
            row = QHBoxLayout()
            row.addWidget(editor, 1)
            row.addWidget(choose)
            column.addLayout(row)
        else:
            column.addWidget(editor)
        column.addWidget(error)
        form.addRow(label, field)
        self.editors[definition.key] = editor
        self.error_labels[definition.key] = error
        self._on_edit(editor, lambda: error.hide())

    def _choose_folder(self, editor: QLineEdit, title: str) -> None:
        from xiaoneng_desktop.ui.widgets import files

        folder = files.ask_folder(self, title, editor.text())
        if folder:
            editor.setText(folder)

    @staticmethod
    def _make_editor(definition: SettingDef) -> QWidget:
        kind = definition.kind
        unit = definition.unit.strip()
        if kind is bool:
            return QCheckBox()
        if kind is list:
            return ListEditor()
        if kind is int:
            spin = QSpinBox()
            spin.setRange(-_INT_LIMIT if definition.minimum is None else definition.minimum,
                          _INT_LIMIT if definition.maximum is None else definition.maximum)
            if unit:
                spin.setSuffix(f" {unit}")
            spin.setMinimumWidth(120)
            return spin
        if kind is float:
            spin = QDoubleSpinBox()
            spin.setDecimals(2)
            spin.setRange(-_INT_LIMIT if definition.minimum is None else definition.minimum,
                          _INT_LIMIT if definition.maximum is None else definition.maximum)
            if unit:
                spin.setSuffix(f" {unit}")
            return spin
        if isinstance(definition.default, str) and "\n" in definition.default:
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setFixedHeight(text.fontMetrics().lineSpacing() * 5 + 12)
            return text
        return QLineEdit()

    @staticmethod
    def _on_edit(editor: QWidget, callback) -> None:
        if isinstance(editor, QCheckBox):
            editor.toggled.connect(lambda _checked: callback())
        elif isinstance(editor, ListEditor):
            editor.changed.connect(callback)
        elif isinstance(editor, QPlainTextEdit):
            editor.textChanged.connect(callback)
        else:
            editor.textChanged.connect(lambda _text: callback())

    # ------------------------------------------------------------ values

    def editor(self, key: str) -> QWidget:
        return self.editors[key]

    def error_label(self, key: str) -> QLabel:
        return self.error_labels[key]

    def value(self, key: str) -> Any:
        editor = self.editors[key]
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, ListEditor):
            return editor.values()
        if isinstance(editor, QSpinBox | QDoubleSpinBox):
            return editor.value()
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        return editor.text()

    def set_value(self, key: str, value: Any) -> None:
        editor = self.editors[key]
        if isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, ListEditor):
            editor.set_values(value)
        elif isinstance(editor, QSpinBox | QDoubleSpinBox):
            editor.setValue(value)
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(value))
        else:
            editor.setText(str(value))

    def restore_defaults(self) -> None:
        for key, definition in self.definitions.items():
            self.set_value(key, definition.default)
        self._say("")

    def accept(self) -> None:
        # Only what differs from what was shown is written: an untouched setting keeps following the
        # program's default if a later version changes it.
        changed = {key: self.value(key) for key in self.definitions if self.value(key) != self._loaded[key]}
        for label in self.error_labels.values():
            label.hide()
        self._say("")
        try:
            if changed:
                settings.save_all(changed)
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return
        except pw.DatabaseError as exc:
            self._say(database_message(exc))
            return
        super().accept()

    def _show_errors(self, errors: dict[str, str]) -> None:
        stray = []
        first = None
        for key, message in errors.items():
            label = self.error_labels.get(key)
            if label is None:
                stray.append(message)
                continue
            label.setText(message)
            label.show()
            first = first or key
        if stray:
            self._say("；".join(stray))
        if first is not None:
            editor = self.editors[first]
            self.tabs.setCurrentIndex(self.tabs.indexOf(self._page_of(editor)))
            editor.setFocus()

    def _page_of(self, editor: QWidget) -> QWidget:
        widget = editor
        while widget is not None and self.tabs.indexOf(widget) < 0:
            widget = widget.parentWidget()
        return widget

    def _say(self, message: str) -> None:
        self.message_label.setText(message)
        self.message_label.setVisible(bool(message))
