"""Shared pieces of the accountability rules in the forms: a reason row added to a form (补记原因,
修改类别原因, 更正原因), and the 延期 dialogs (申请, 审批) every register uses through core.extensions."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QDateEdit, QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QWidget

from xiaoneng_desktop.core import extensions, late_entry
from xiaoneng_desktop.core.models import DeadlineExtension
from xiaoneng_desktop.ui.widgets.inputs import from_qdate, to_qdate
from xiaoneng_desktop.ui.widgets.record_dialog import LabelledFields, RecordDialog, error_label


def add_reason_row(dialog: RecordDialog, name: str, label: str, placeholder: str = "") -> QLineEdit:
    """A labelled one-line input with its red message under it, added at the bottom of ``dialog``'s
    form (above its 保存 / 取消 when they end the grid); refusals for field ``name`` show there."""
    grid = dialog.ui.grid
    edit = QLineEdit(dialog)
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setMaxLength(200)
    title = QLabel(label, dialog)
    title.setBuddy(edit)
    row = grid.rowCount()
    box = getattr(dialog.ui, "button_box", None)
    at = grid.indexOf(box) if box is not None else -1
    if at >= 0:  # the reason goes above 保存 / 取消, which move to the end
        _, box_column, _, box_span = grid.getItemPosition(at)
        grid.removeWidget(box)
        grid.addWidget(box, row + 2, box_column, 1, box_span)
    grid.addWidget(title, row, 0)
    grid.addWidget(edit, row, 1, 1, max(1, grid.columnCount() - 1))
    error = error_label(dialog, f"{name}_error")
    grid.addWidget(error, row + 1, 1, 1, max(1, grid.columnCount() - 1))
    error.hide()
    setattr(dialog.ui, name, edit)
    setattr(dialog.ui, f"{name}_error", error)
    dialog.errors.fields[name] = edit
    edit.textChanged.connect(error.hide)
    return edit


def add_late_reason(dialog: RecordDialog) -> QLineEdit:
    """补记原因: always there, needed only when the closing time is long before now."""
    return add_reason_row(dialog, late_entry.FIELD, "补记原因",
                          f"办结时间早于录入时间{late_entry.minutes()}分钟以上时填写")


def add_correct_reason(dialog: RecordDialog, title: str) -> QLineEdit:
    """更正 mode: the record is closed; saving is a 更正 with this reason."""
    dialog.setWindowTitle(title)
    return add_reason_row(dialog, "correct_reason", "更正原因", "已办结的记录只能更正，请写明更正原因（将记入修改记录）")


def extension_text(row: DeadlineExtension) -> str:
    return (f"{row.asked_at:%Y-%m-%d %H:%M} {row.asked_by} 申请延期：{extensions.shown(row.old_deadline)} → "
            f"{extensions.shown(row.new_deadline)}，理由：{row.reason}（{extensions.status_text(row)}"
            + (f"，{row.decided_by}" if row.decided_by else "") + "）")


class Ui_DecideDialog(LabelledFields):
    has_note = True
    rows = (("decision", "审批意见", QComboBox),)


class DecideExtensionDialog(RecordDialog):
    """审批延期: the record's pending request, 批准 or 不同意, by the signed-in user (not the asker)."""

    form_class = Ui_DecideDialog
    permission = "extension.approve"  # a leader decides, though he writes nothing else in the register
    fields = ("decision",)  # refusals (one's own request, no permission) show under the form

    def __init__(self, extension: DeadlineExtension, describe: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.extension_id = extension.id
        self.setWindowTitle("审批延期")
        self.ui.note.setText("\n".join(part for part in (describe, extension_text(extension)) if part))
        self.ui.decision.addItems(("批准", "不同意"))

    def submit(self) -> DeadlineExtension:
        return extensions.decide(self.extension_id, self.ui.decision.currentText() == "批准")


def decide_pending(tab, table: str, record_id: int | None, describe: Callable[[object], str] = str):
    """The tab's 审批延期 action on the selected record: its pending request, or a message."""
    record = tab.record(record_id)
    if record is None:
        return None
    waiting = extensions.pending(table, record.id)
    if not waiting:
        history = extensions.of(table, record.id)
        text = "该记录没有待审批的延期申请。"
        if history:
            text += "\n" + "\n".join(extension_text(row) for row in history)
        QMessageBox.information(tab, "审批延期", text)
        return None
    return tab.open_dialog(DecideExtensionDialog(waiting[0], describe(record), tab), select=record.id)


class Ui_AskDialog(LabelledFields):
    has_note = True
    rows = (("new_date", "延期至", QDateEdit), ("reason", "延期原因", QLineEdit))


class AskExtensionDialog(RecordDialog):
    """申请延期 with a new date and a reason; it waits for someone else's approval."""

    form_class = Ui_AskDialog
    fields = ("new_date", "reason")

    def __init__(self, record_id: int, current: dt.datetime, ask: Callable[[int, dt.date, str], object],
                 describe: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.record_id, self.ask = record_id, ask
        self.setWindowTitle("申请延期")
        self.ui.note.setText(f"{describe}\n现在的时限：{extensions.shown(current)}。延期须在时限届满前申请，"
                             "由他人审批后生效。".strip())
        self.ui.new_date.setDate(to_qdate(current.date() + dt.timedelta(days=1)))
        self.ui.reason.setMinimumWidth(320)
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).setText("提交审批")  # another approves

    def submit(self):
        return self.ask(self.record_id, from_qdate(self.ui.new_date.date()), self.ui.reason.text())


def escaped_extensions(table: str, record_id: int) -> str:
    """The record's 延期 as HTML lines, for a detail pane."""
    return "<br>".join(html.escape(extension_text(row)) for row in extensions.of(table, record_id))
