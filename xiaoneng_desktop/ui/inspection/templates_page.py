"""五查自查's 检查模板 page: the check-point templates, their versions and which campaigns use them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from xiaoneng_desktop.inspection import service
from xiaoneng_desktop.ui.inspection.template_dialog import TemplateDialog
from xiaoneng_desktop.ui.widgets.inputs import push_button
from xiaoneng_desktop.ui.widgets.item_table import item_table, read_only_item
from xiaoneng_desktop.ui.widgets.reason_dialog import ReasonDialog
from xiaoneng_desktop.ui.widgets.record_dialog import open_dialog


class TemplatesPage(QWidget):
    #: A template was edited, copied or deleted (campaigns offer the templates in use).
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.template_table = item_table(self, ["模板名称", "版本", "检查项", "检查点", "使用情况"], "template_table")
        self.template_table.horizontalHeader().resizeSection(0, 260)
        self.template_table.doubleClicked.connect(lambda *_: self.edit_template())
        self.edit_template_button = push_button(self, "编辑…", self.edit_template)
        self.copy_template_button = push_button(self, "复制为新模板…", self.copy_template)
        self.delete_template_button = push_button(self, "删除…", self.delete_template)
        buttons = QHBoxLayout()
        for button in (self.edit_template_button, self.copy_template_button, self.delete_template_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        note = QLabel("内置模板为作风整顿“五查”：查思想认识、查工作效率、查工作纪律、查服务质量、查廉政建设。"
                      "已被自查活动使用的模板修改后生成新版本，原活动仍按原检查点进行。", self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #607d8b;")
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.template_table, 1)
        layout.addWidget(note)

    def refresh(self) -> None:
        templates = service.list_templates()
        keep = self.current_template_id()
        self.template_table.setRowCount(len(templates))
        for r, template in enumerate(templates):
            items = service.template_items(template.id)
            users = service.campaigns_using(template.id)
            name = read_only_item(template.name + ("（内置）" if template.builtin else ""))
            name.setData(Qt.ItemDataRole.UserRole, template.id)
            self.template_table.setItem(r, 0, name)
            self.template_table.setItem(r, 1, read_only_item(f"第{template.version}版"))
            self.template_table.setItem(r, 2, read_only_item(str(len(items))))
            self.template_table.setItem(r, 3, read_only_item(str(sum(len(p) for _, p in items))))
            self.template_table.setItem(r, 4, read_only_item("使用中：" + "、".join(users) if users else "未使用"))
        ids = [t.id for t in templates]
        if templates:
            self.template_table.selectRow(ids.index(keep) if keep in ids else 0)

    def current_template_id(self) -> int | None:
        row = self.template_table.currentRow()
        item = self.template_table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def edit_template(self) -> TemplateDialog | None:
        template_id = self.current_template_id()
        if template_id is None:
            return None
        return open_dialog(TemplateDialog(service.get_template(template_id), parent=self), self._templates_changed)

    def copy_template(self) -> ReasonDialog | None:
        template_id = self.current_template_id()
        if template_id is None:
            return None
        dialog = ReasonDialog("复制检查模板", "新模板的名称（如：四型机关创建自查）：",
                              lambda name: service.copy_template(template_id, name), self)
        return open_dialog(dialog, self._templates_changed)

    def delete_template(self) -> ReasonDialog | None:
        template_id = self.current_template_id()
        if template_id is None:
            return None
        dialog = ReasonDialog("删除检查模板", "删除后不能再用于新的自查活动（记录仍保留）。请填写删除原因：",
                              lambda reason: service.delete_template(template_id, reason), self)
        return open_dialog(dialog, self._templates_changed)

    def _templates_changed(self) -> None:
        self.refresh()
        self.changed.emit()
