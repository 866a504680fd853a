"""Validation messages at the field: the red ``<field>_error`` labels of a compiled form.

A service raises ValidationError({field: message}); the dialog hands the dict to ``show`` and stays
open with everything the user typed. A message for a field the form does not have goes to the
form-wide label (``form_error``), so nothing is ever swallowed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import peewee as pw
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QWidget

from xiaoneng_desktop.core.validation import ValidationError

T = TypeVar("T")


class FieldErrors:
    def __init__(self, ui, fields: dict[str, QWidget], form_error: QLabel | None = None):
        self.ui = ui
        self.fields = fields  # field name → its input, for focus and to clear the message on edit
        self.form_error = form_error or getattr(ui, "form_error", None)
        for field, widget in fields.items():
            keep_place(self.label(field))
            self.label(field).hide()
            signal = (getattr(widget, "textChanged", None) or getattr(widget, "currentTextChanged", None)
                      or getattr(widget, "dateTimeChanged", None) or getattr(widget, "toggled", None))
            if signal is not None:
                signal.connect(lambda *_, f=field: self.label(f).hide())
        if self.form_error is not None:
            keep_place(self.form_error)
            self.form_error.hide()

    def label(self, field: str) -> QLabel:
        return getattr(self.ui, f"{field}_error", None) or self.form_error

    def labels(self) -> list[QLabel]:
        """Every message label of the form, the form-wide one included."""
        found = {id(self.label(f)): self.label(f) for f in self.fields}
        if self.form_error is not None:
            found[id(self.form_error)] = self.form_error
        return list(found.values())

    def clear(self) -> None:
        for field in self.fields:
            self.label(field).hide()
        if self.form_error is not None:
            self.form_error.hide()

    def show(self, errors: dict[str, str]) -> None:
        self.clear()
        stray = []
        for field, message in errors.items():
            label = self.label(field) if field in self.fields else None
            if label is not None and label is not self.form_error:
                label.setTextFormat(Qt.TextFormat.PlainText)  # messages quote what was typed
                label.setText(message)
                label.show()
            else:
                stray.append(message)
        if stray:
            # a form without a form-wide label shows it under its first field: never swallowed
            label = self.form_error if self.form_error is not None else self.label(next(iter(self.fields)))
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setText("；".join(stray))
            label.show()
        first = next((f for f in errors if f in self.fields), None)
        if first is not None:
            self.fields[first].setFocus()

    def attempt(self, action: Callable[[], T]) -> T | None:
        """Run one service action; bad input or a failed write is shown at the fields and gives None
        (actions return the record they saved), so the dialog stays open with what was typed."""
        try:
            return action()
        except ValidationError as exc:
            self.show(exc.errors)
        except pw.DatabaseError as exc:
            self.show({"": database_message(exc)})
        return None

    def shown(self) -> dict[str, str]:
        """The messages on screen now, by field (for tests and accessibility)."""
        result = {f: self.label(f).text() for f in self.fields if not self.label(f).isHidden()}
        if self.form_error is not None and not self.form_error.isHidden():
            result[""] = self.form_error.text()
        return result


def keep_place(label: QLabel, keep: bool = True) -> None:
    """A hidden message keeps its line, so the form does not jump as messages come and go (``keep=False``
    gives the line back, for a form too long to spare a line under every field)."""
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(keep)
    label.setSizePolicy(policy)
    height = 0
    if keep:  # one line of message, measured as the label will show it
        text = label.text()
        label.setText("请")
        height = label.sizeHint().height()
        label.setText(text)
    label.setMinimumHeight(height)


def name_buttons(box: QDialogButtonBox) -> None:
    """Chinese button texts even where Qt's own translation could not be loaded."""
    for which, text in ((QDialogButtonBox.StandardButton.Ok, "确定"),
                        (QDialogButtonBox.StandardButton.Save, "保存"),
                        (QDialogButtonBox.StandardButton.Cancel, "取消"),
                        (QDialogButtonBox.StandardButton.Close, "关闭")):
        button = box.button(which)
        if button is not None:
            button.setText(text)


def database_message(exc: Exception, action: str = "保存") -> str:
    """The user's message by core/errors: the real cause (locked, read-only, full…), or 意外错误 logged."""
    from xiaoneng_desktop.core import errors

    return errors.describe(exc, action).text
