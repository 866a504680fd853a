"""Editing a check-point template without touching code: one row per check point, the check it
belongs to beside it; rows can be added, removed and moved. A template a campaign already used is
saved as a new version, so that campaign keeps its points."""

from __future__ import annotations

import peewee as pw
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.inspection import service
from xiaoneng_desktop.inspection.models import Template
from xiaoneng_desktop.inspection.service import TemplateInput
from xiaoneng_desktop.ui.widgets.form_errors import database_message, name_buttons


class TemplateDialog(QDialog):
    def __init__(self, template: Template, parent: QWidget | None = None):
        super().__init__(parent)
        self.template_id = template.id
        self.saved_id: int | None = None
        self.setWindowTitle(f"编辑检查模板：{template.title}")
        self.resize(760, 560)
        self.name = QLineEdit(template.name, self)
        self.name.setObjectName("name")
        self.name_error = self._error()
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("rows")
        self.table.setHorizontalHeaderLabels(["检查项", "检查点"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().resizeSection(0, 130)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        for check, point in service.template_rows(template.id):
            self._append(check, point)
        self.rows_error = self._error()
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #37474f;")
        if service.in_use(template.id):
            self.note.setText(f"该模板已被自查活动使用（{'、'.join(service.campaigns_using(template.id)) or '已作废的活动'}）。"
                              f"保存后生成第{template.version + 1}版，原活动仍按原来的检查点进行。")
        else:
            self.note.setText("同一检查项的检查点写在相邻的行；检查项的顺序按第一次出现的先后。")
        self.add_button = QPushButton("添加行", self)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton("删除行", self)
        self.remove_button.clicked.connect(self.remove_row)
        self.up_button = QPushButton("上移", self)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button = QPushButton("下移", self)
        self.down_button.clicked.connect(lambda: self.move(1))
        row_buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            row_buttons.addWidget(button)
        row_buttons.addStretch(1)
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                           | QDialogButtonBox.StandardButton.Cancel, self)
        name_buttons(self.button_box)
        self.button_box.accepted.connect(self.save)
        self.button_box.rejected.connect(self.reject)
        layout = QGridLayout(self)
        layout.addWidget(QLabel("模板名称*", self), 0, 0)
        layout.addWidget(self.name, 0, 1)
        layout.addWidget(self.name_error, 1, 1)
        layout.addWidget(self.note, 2, 0, 1, 2)
        layout.addWidget(self.table, 3, 0, 1, 2)
        layout.addWidget(self.rows_error, 4, 0, 1, 2)
        layout.addLayout(row_buttons, 5, 0, 1, 2)
        layout.addWidget(self.button_box, 6, 0, 1, 2)

    def _error(self) -> QLabel:
        label = QLabel(self)
        label.setStyleSheet("color: #c62828;")
        label.setWordWrap(True)
        label.hide()
        return label

    def _append(self, check: str, point: str, at: int | None = None) -> int:
        row = self.table.rowCount() if at is None else at
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(check))
        self.table.setItem(row, 1, QTableWidgetItem(point))
        return row

    def add_row(self) -> int:
        """A new row under the current one, in the same check, ready to type the point."""
        current = self.table.currentRow()
        check = self.table.item(current, 0).text() if current >= 0 else ""
        row = self._append(check, "", current + 1 if current >= 0 else None)
        self.table.setCurrentCell(row, 1)
        self.table.editItem(self.table.item(row, 1))
        return row

    def remove_row(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def move(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        values = [self.table.item(row, c).text() for c in range(2)]
        self.table.removeRow(row)
        self._append(*values, at=target)
        self.table.setCurrentCell(target, self.table.currentColumn() if self.table.currentColumn() >= 0 else 1)

    def rows(self) -> list[tuple[str, str]]:
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item else ""
        return [(text(r, 0), text(r, 1)) for r in range(self.table.rowCount())]

    def save(self) -> None:
        self.name_error.hide()
        self.rows_error.hide()
        try:
            template = service.save_template(self.template_id, TemplateInput(self.name.text(), self.rows()))
        except ValidationError as exc:
            for field, label in (("name", self.name_error), ("rows", self.rows_error)):
                if field in exc.errors:
                    label.setText(exc.errors[field])
                    label.show()
            stray = [m for f, m in exc.errors.items() if f not in ("name", "rows")]
            if stray:
                self.rows_error.setText("；".join(stray))
                self.rows_error.show()
            return
        except pw.DatabaseError as exc:
            self.rows_error.setText(database_message(exc))
            self.rows_error.show()
            return
        self.saved_id = template.id
        self.accept()
