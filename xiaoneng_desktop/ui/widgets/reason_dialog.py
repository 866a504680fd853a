"""Asking for a reason (作废, 延期 …): the message appears under the field, the dialog stays open."""

from __future__ import annotations

from collections.abc import Callable

import peewee as pw
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.ui.widgets.form_errors import database_message, name_buttons


class ReasonDialog(QDialog):
    """``action(reason)`` runs on OK; a ValidationError keeps the dialog open with its message."""

    def __init__(self, title: str, prompt: str, action: Callable[[str], object], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.action = action
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setMinimumWidth(360)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.reason.textChanged.connect(self.error.hide)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        name_buttons(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(prompt, self))
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            self.action(self.reason.text())
        except ValidationError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        except pw.DatabaseError as exc:
            self.error.setText(database_message(exc))
            self.error.show()
            return
        self.accept()
