"""Editing a check-point template without touching code: one row per check point, the check it
belongs to beside it; rows can be added, removed and moved. A template a campaign already used is
saved as a new version, so that campaign keeps its points."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidgetItem, QWidget

from xiaoneng_desktop.inspection import service
from xiaoneng_desktop.inspection.models import Template
from xiaoneng_desktop.inspection.service import TemplateInput
from xiaoneng_desktop.ui.forms.ui_template_dialog import Ui_TemplateDialog
from xiaoneng_desktop.ui.widgets.record_dialog import RecordDialog


class TemplateDialog(RecordDialog):
    form_class = Ui_TemplateDialog
    fields = ("name", "rows")

    def __init__(self, template: Template, parent: QWidget | None = None):
        super().__init__(parent)
        ui = self.ui
        self.template_id = template.id
        self.table = ui.rows
        self.setWindowTitle(f"编辑检查模板：{template.title}")
        ui.name.setText(template.name)
        self.table.horizontalHeader().resizeSection(0, 130)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        for check, point in service.template_rows(template.id):
            self._append(check, point)
        if service.in_use(template.id):
            ui.note.setText(f"该模板已被自查活动使用（{'、'.join(service.campaigns_using(template.id)) or '已作废的活动'}）。"
                            f"保存后生成第{template.version + 1}版，原活动仍按原来的检查点进行。")
        else:
            ui.note.setText("同一检查项的检查点写在相邻的行；检查项的顺序按第一次出现的先后。")
        ui.add_button.clicked.connect(self.add_row)
        ui.remove_button.clicked.connect(self.remove_row)
        ui.up_button.clicked.connect(lambda: self.move(-1))
        ui.down_button.clicked.connect(lambda: self.move(1))

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

    def submit(self) -> Template:
        return service.save_template(self.template_id, TemplateInput(self.ui.name.text(), self.rows()))
