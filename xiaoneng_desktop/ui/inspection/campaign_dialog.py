"""新建 / 修改自查活动: name, period, template, and who takes part (people and/or departments,
ticked in the directory)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QListWidget, QListWidgetItem, QWidget

from xiaoneng_desktop.core import clock, people
from xiaoneng_desktop.inspection import service
from xiaoneng_desktop.inspection.models import Campaign
from xiaoneng_desktop.inspection.service import CampaignInput
from xiaoneng_desktop.ui.forms.ui_campaign_dialog import Ui_CampaignDialog
from xiaoneng_desktop.ui.inspection.problem_dialog import to_qdate
from xiaoneng_desktop.ui.widgets.form_errors import FieldErrors, name_buttons


def _fill_checks(widget: QListWidget, names: list[str], ticked: set[str]) -> None:
    widget.clear()
    for name in list(dict.fromkeys([*names, *sorted(ticked - set(names))])):
        item = QListWidgetItem(name, widget)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if name in ticked else Qt.CheckState.Unchecked)


def checked(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


class CampaignDialog(QDialog):
    def __init__(self, campaign: Campaign | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = ui = Ui_CampaignDialog()
        ui.setupUi(self)
        self.campaign_id = campaign.id if campaign else None
        self.saved_id: int | None = None
        self.setWindowTitle("修改自查活动" if campaign else "新建自查活动")
        name_buttons(ui.button_box)
        ui.button_box.accepted.connect(self.save)
        ui.button_box.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)
        ui.people.setToolTip("勾选参加自查的人员")
        ui.departments.setToolTip("勾选参加自查的部门（科室）")
        self.errors = FieldErrors(ui, {"name": ui.name, "starts_on": ui.starts_on, "ends_on": ui.ends_on,
                                       "template": ui.template, "participants": ui.people, "note": ui.note},
                                  ui.form_error)
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

    def save(self) -> None:
        if self.campaign_id is None:
            campaign = self.errors.attempt(lambda: service.create_campaign(self.data()))
        else:
            campaign = self.errors.attempt(lambda: service.update_campaign(self.campaign_id, self.data()))
        if campaign is None:
            return
        self.saved_id = campaign.id
        self.accept()
