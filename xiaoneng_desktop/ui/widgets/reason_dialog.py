"""Asking for a reason (作废, 延期 …): the message appears under the field, the dialog stays open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit, QWidget

from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.ui.widgets.record_dialog import LabelledFields, RecordDialog


class Ui_ReasonDialog(LabelledFields):
    has_note = True
    rows = (("reason", "", QLineEdit),)


class ReasonDialog(RecordDialog):
    """``action(reason)`` runs on OK; a ValidationError keeps the dialog open with its message."""

    form_class = Ui_ReasonDialog
    fields = ("reason",)

    def __init__(self, title: str, prompt: str, action: Callable[[str], object], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.action = action
        self.ui.note.setText(prompt)
        self.ui.reason.setMinimumWidth(360)

    def submit(self) -> object:
        try:
            result = self.action(self.ui.reason.text())
        except ValidationError as exc:
            # The one input here is what the action's checks are about, whatever field they name.
            raise ValidationError("reason", str(exc)) from exc
        return True if result is None else result  # an action that returns nothing has still succeeded
