"""新建 / 修改自查活动: name, period, template, and who takes part (people and/or departments,
ticked in the directory)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from xiaoneng_desktop.core import clock, people
from xiaoneng_desktop.inspection import service
from xiaoneng_desktop.inspection.models import Campaign
from xiaoneng_desktop.inspection.service import CampaignInput
from xiaoneng_desktop.ui.forms.ui_campaign_dialog import Ui_CampaignDialog
from xiaoneng_desktop.ui.inspection.problem_dialog import to_qdate
from xiaoneng_desktop.ui.widgets.record_dialog import RecordDialog


def _fill_checks(widget: QListWidget, names: list[str], ticked: set[str]) -> None:
    widget.clear()
    for name in list(dict.fromkeys([*names, *sorted(ticked - set(names))])):
        item = QListWidgetItem(name, widget)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if name in ticked else Qt.CheckState.Unchecked)


def checked(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


class CampaignDialog(RecordDialog):
    form_class = Ui_CampaignDialog
    conflict_labels = {"name": "活动名称", "starts_on": "开始日期", "ends_on": "结束日期", "note": "备注"}
    fields = {"name": "name", "starts_on": "starts_on", "ends_on": "ends_on", "template": "template",
              "participants": "people", "note": "note"}

    def __init__(self, campaign: Campaign | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        ui = self.ui
        self.campaign_id = campaign.id if campaign else None
        self.expected_version = campaign.version if campaign else None
        self.setWindowTitle("修改自查活动" if campaign else "新建自查活动")
        ui.people.setToolTip("勾选参加自查的人员")
        ui.departments.setToolTip("勾选参加自查的部门（科室）")
        self.resize(self.width(), self.minimumSizeHint().height())  # no empty bands between rows
        if campaign is None:
            for template in service.list_templates():
                ui.template.addItem(template.title, template.id)
            today = clock.today()
            ui.starts_on.setDate(to_qdate(today))
            ui.ends_on.setDate(to_qdate(today + dt.timedelta(days=30)))
            ticked_people: set[str] = set()
            ticked_departments: set[str] = set()
        else:
            ui.template.addItem(campaign.template.title, campaign.template_id)
            ui.template.setEnabled(False)
            ui.name.setText(campaign.name)
            ui.starts_on.setDate(to_qdate(campaign.starts_on))
            ui.ends_on.setDate(to_qdate(campaign.ends_on))
            ui.note.setPlainText(campaign.note)
            taking_part = service.participants(campaign.id)
            ticked_people = {p.name for p in taking_part if p.kind == "人员"}
            ticked_departments = {p.name for p in taking_part if p.kind == "部门"}
        _fill_checks(ui.people, people.person_names(), ticked_people)
        _fill_checks(ui.departments, [d.name for d in people.list_departments()], ticked_departments)
        ui.name.setFocus()

    def tick(self, *names: str) -> None:
        """Tick these people (or departments) as taking part — what a click on each box does."""
        for widget in (self.ui.people, self.ui.departments):
            for i in range(widget.count()):
                if widget.item(i).text() in names:
                    widget.item(i).setCheckState(Qt.CheckState.Checked)

    def data(self) -> CampaignInput:
        ui = self.ui
        return CampaignInput(name=ui.name.text(), starts_on=ui.starts_on.date().toPython(),
                             ends_on=ui.ends_on.date().toPython(), template_id=ui.template.currentData(),
                             people=checked(ui.people), departments=checked(ui.departments),
                             note=ui.note.toPlainText())

    def submit(self) -> Campaign:
        if self.campaign_id is None:
            return service.create_campaign(self.data())
        return service.update_campaign(self.campaign_id, self.data(), expected_version=self.expected_version)
