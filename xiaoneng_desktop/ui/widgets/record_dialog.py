"""RecordDialog: the one base of every entry dialog, built on a compiled Designer form or, for a small
dialog of a few labelled inputs, on ``LabelledFields`` (the same shape, made in code).

It owns what every form repeated: the form's ``setupUi``, Save/Cancel named in Chinese, Ctrl+Enter
(and the keypad's Enter) saves, the red messages at the fields and the form-wide message
(``FieldErrors``), the try/except around the service (``FieldErrors.attempt``), the saved record
and its id, and ``is_dirty()``: whether the user has changed anything since the dialog was filled.
Esc, 取消 and the window's close button ask "是否保存修改？" (``ask_to_save``) before typing is thrown away.

A dialog supplies only its form class, its fields, how it fills itself from a record, and
``submit()``: the service call that saves and returns the saved record. A ValidationError or a
database error keeps the dialog open with what was typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from xiaoneng_desktop.core.conflicts import EditConflict
from xiaoneng_desktop.ui.widgets.form_errors import FieldErrors, keep_place, name_buttons

D = TypeVar("D", bound=QDialog)

#: What an entry dialog's accept button says (a different act says so: 提交审批, 生成 …), never 确定/提交.
SAVE_TEXT = "保存"
#: The least width of an editable combo box (a person picker): a name and its arrow, never a 45 px stub.
PICKER_WIDTH = 160
#: The tallest a dialog may be to fit a 1024×768 screen with the task bar and the window's title.
FIT_HEIGHT = 700

Answer = Literal["save", "discard", "cancel"]


def ask_choice(parent: QWidget | None, title: str, text: str, buttons: Sequence[tuple[str, QMessageBox.ButtonRole]],
               default: int, escape: int, informative: str = "") -> int:
    """A question with its own named buttons (never Yes/No): the number of the one clicked, ``escape``'s
    when the box is closed. The box is deleted afterwards."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    if informative:
        box.setInformativeText(informative)
    added = [box.addButton(label, role) for label, role in buttons]
    box.setDefaultButton(added[default])
    box.setEscapeButton(added[escape])
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return added.index(clicked) if clicked in added else escape


def ask_to_save(parent: QWidget | None, unsaved: Sequence[str] = ()) -> Answer:
    """The one question asked before typed work would be thrown away (a dialog's Esc, switching
    campaign over unsaved answers, quitting): 保存 / 不保存 / 取消, 保存 the default, Esc = 取消.
    ``unsaved`` names what would be lost, when there is more than the window the user is looking at."""
    Role = QMessageBox.ButtonRole
    answer = ask_choice(parent, "未保存的修改", "是否保存修改？",
                        [("保存", Role.AcceptRole), ("不保存", Role.DestructiveRole), ("取消", Role.RejectRole)],
                        default=0, escape=2, informative="未保存：" + "、".join(unsaved) if unsaved else "")
    return ("save", "discard", "cancel")[answer]


def open_dialog(dialog: D, on_saved: Callable[[], object]) -> D:
    """Show ``dialog`` window-modal (the caller goes on; the dialog outlives it, owned by its parent)
    and call ``on_saved`` once it is accepted."""
    dialog.accepted.connect(lambda: on_saved())
    dialog.open()
    return dialog


def input_value(widget: QWidget) -> object:
    """What the user has entered in ``widget``, comparable with ``==``; None for a widget that takes no input."""
    if isinstance(widget, QComboBox):
        return widget.currentText(), widget.currentData()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.toPlainText()
    if isinstance(widget, QDateTimeEdit):  # QDateEdit and QTimeEdit too
        return widget.dateTime()
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return widget.value()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():  # QCheckBox, QRadioButton
        return widget.isChecked()
    if isinstance(widget, QListWidget):  # lists of ticked names (参加人员 …)
        return tuple((widget.item(i).text(), widget.item(i).checkState()) for i in range(widget.count()))
    if isinstance(widget, QTableWidget):
        return tuple(tuple(widget.item(r, c).text() if widget.item(r, c) else ""
                           for c in range(widget.columnCount())) for r in range(widget.rowCount()))
    return None


class _SnapshotWhenBuilt(type(QDialog)):
    """Takes the dialog's clean snapshot once the most-derived constructor has filled the form: a base
    constructor cannot, since the subclass fills the form after it returns."""

    def __call__(cls, *args, **kwargs):
        if not callable(getattr(cls, "submit", None)):
            raise TypeError(f"{cls.__name__} 没有 submit()：每个录入窗口都要说明保存时调用哪个服务")
        dialog = super().__call__(*args, **kwargs)
        dialog.mark_clean()
        dialog.fit_layout()
        return dialog


class RecordDialog(QDialog, metaclass=_SnapshotWhenBuilt):
    """Base of the entry dialogs. Subclasses set ``form_class`` and ``fields`` and define ``submit()``.

    ``fields`` names the inputs that can carry a field message: a tuple of names where the field is the
    widget of the same name, or a dict field → widget name where they differ. After a successful save
    ``saved`` is the record the service returned and ``saved_id`` its id.
    """

    #: The compiled form (``Ui_…``); it has a ``button_box`` and a ``grid`` layout.
    form_class: type
    fields: tuple[str, ...] | dict[str, str] = ()
    #: The service call that saves the form and returns the saved record.
    submit: Callable[[], object]
    #: Field → label of what ``data()`` returns, for the 修改冲突 dialog (the register's service LABELS).
    conflict_labels: dict[str, str] = {}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.saved: object | None = None
        self.saved_id: int | None = None
        #: The version of the record the form was filled from (an edit dialog sets it; the service saves
        #: only over that version, core.conflicts). None: a new record, or no check.
        self.expected_version: int | None = None
        #: The 修改冲突 dialog while it is shown (owned by this dialog).
        self.conflict_dialog = None
        self._clean: list[tuple[QWidget, object]] = []
        self.ui = ui = self.form_class()
        ui.setupUi(self)
        name_buttons(ui.button_box)
        ok = ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:  # one word for the act: an entry dialog's accept button saves
            ok.setText(SAVE_TEXT)
        ui.button_box.accepted.connect(self.save)
        ui.button_box.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # Enter: the keypad's
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)
        self.form_error: QLabel = getattr(ui, "form_error", None) or self._add_form_error()
        self.errors = FieldErrors(ui, self.field_widgets(), self.form_error)

    def _add_form_error(self) -> QLabel:
        """The form-wide message, under the fields, for forms whose Designer file has none."""
        label = error_label(self, "form_error")
        self.ui.grid.addWidget(label, self.ui.grid.rowCount(), 0, 1, 2)
        return label

    def fit_layout(self) -> None:
        """The inputs use the dialog's width and nothing floats in empty bands: the input columns of the
        grid stretch (the label columns do not), person pickers and date fields are wide enough to read,
        and a dialog with nothing to grow vertically is only as tall as its rows (a Designer size larger
        than that spread the rows apart)."""
        grid = getattr(self.ui, "grid", None)
        if not isinstance(grid, QGridLayout):
            return
        inputs = set()
        for index in range(grid.count()):
            item = grid.itemAt(index)
            _, column, _, span = grid.getItemPosition(index)
            widget = item.widget()
            if span == 1 and (item.layout() is not None
                              or (widget is not None and not isinstance(widget, QLabel))):
                inputs.add(column)
        for column in inputs:
            if grid.columnStretch(column) == 0:
                grid.setColumnStretch(column, 1)
        for combo in self.findChildren(QComboBox):
            if combo.isEditable():  # a person picker (fill_names) or a typed choice
                combo.setMinimumWidth(max(combo.minimumWidth(), PICKER_WIDTH))
        for edit in self.findChildren(QPlainTextEdit):
            lines = edit.fontMetrics().lineSpacing() * 3 + 2 * edit.frameWidth() + 8
            edit.setMinimumHeight(max(edit.minimumHeight(), min(lines, edit.maximumHeight())))
        for field, widget in self.errors.fields.items():
            if not widget.isVisibleTo(self):  # a row this dialog does not show keeps no line for its message
                label = self.errors.label(field)
                if label is not self.form_error:
                    keep_place(label, False)
        if self.minimumSizeHint().height() > FIT_HEIGHT:  # a long form: the screen first, messages may push
            for label in self.errors.labels():
                keep_place(label, False)
        grows = any(widget.isVisibleTo(self)
                    and widget.sizePolicy().expandingDirections() & Qt.Orientation.Vertical
                    and widget.maximumHeight() > 2 * widget.sizeHint().height()  # not capped at a few lines
                    for widget in self.findChildren(QWidget) if isinstance(widget, (QPlainTextEdit, QTextEdit,
                                                                                    QListWidget, QTableWidget)))
        hint = self.sizeHint()
        if not grows and self.testAttribute(Qt.WidgetAttribute.WA_Resized) and self.height() > hint.height():
            self.resize(self.width(), hint.height())

    def field_widgets(self) -> dict[str, QWidget]:
        names = self.fields if isinstance(self.fields, dict) else {field: field for field in self.fields}
        return {field: getattr(self.ui, widget) for field, widget in names.items()}

    # --- saving ---------------------------------------------------------------------------------

    def save(self) -> bool:
        """Run ``submit()``; on success keep the record and close, else show why and stay open.
        True when it saved."""
        conflicts: list[EditConflict] = []

        def submit():
            try:
                return self.submit()
            except EditConflict as exc:
                conflicts.append(exc)
                raise

        record = self.errors.attempt(submit)
        if record is None and conflicts:
            return self.resolve_conflict(conflicts[0])
        if record is None:
            self.after_errors(self.errors.shown())
            return False
        self.saved = record
        self.saved_id = getattr(record, "id", None)
        self.accept()
        return True

    def typed_values(self) -> dict[str, object]:
        """What the form would save, by field name (its ``data()``), for comparing with a stored record."""
        data = getattr(self, "data", None)
        if not callable(data):
            return {}
        try:
            values = data()
        except Exception:  # noqa: BLE001 - a form that cannot build its input shows no comparison
            return {}
        return dict(vars(values)) if hasattr(values, "__dict__") else {}

    def resolve_conflict(self, conflict: EditConflict) -> bool:
        """Another user saved the record after this form loaded it: show both versions and let the user
        take theirs (the form closes, the list shows their version), overwrite it on purpose (saved again
        over the version now stored) or go back to the form, which keeps what was typed."""
        from xiaoneng_desktop.core.conflicts import differences
        from xiaoneng_desktop.ui.widgets.conflict_dialog import MINE, THEIRS, ConflictDialog

        rows = [(label, mine, theirs) for _field, label, mine, theirs
                in differences(conflict, self.typed_values(), self.conflict_labels)]
        self.conflict_dialog = dialog = ConflictDialog(conflict, rows, self)
        dialog.exec()
        choice = dialog.choice
        self.conflict_dialog = None
        dialog.deleteLater()
        if choice == THEIRS:
            self.saved = conflict.current
            self.saved_id = conflict.current.id
            self.accept()
            return False
        if choice == MINE:
            self.expected_version = conflict.version
            return self.save()
        self.errors.show({"": str(conflict)})
        return False

    def after_errors(self, errors: dict[str, str]) -> None:
        """Called with the messages shown after a refused save; a form may offer a correction here."""

    # --- unsaved input --------------------------------------------------------------------------

    def _input_values(self) -> list[tuple[QWidget, object]]:
        values = []
        for widget in self.findChildren(QWidget, options=Qt.FindChildOption.FindChildrenRecursively):
            if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
                continue  # the editor inside a combo box or date field: its owner already counts
            value = input_value(widget)
            if value is not None:
                values.append((widget, value))
        return values

    def mark_clean(self) -> None:
        """What the inputs hold now is what the dialog opened with (done once the dialog is built)."""
        self._clean = self._input_values()

    def is_dirty(self) -> bool:
        """True when any input differs from what the dialog was filled with: closing would lose typing."""
        return self._input_values() != self._clean

    def is_read_only(self) -> bool:
        """A record shown without its save button (``RegisterTab.open_dialog(read_only=…)``): nothing to save."""
        return not self.ui.button_box.isEnabled()

    def has_unsaved_input(self) -> bool:
        """Shown, changed by the user and savable: closing now would throw typing away."""
        return self.isVisible() and not self.is_read_only() and self.is_dirty()

    # --- closing --------------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc, 取消 and the window's close button (QDialog's closeEvent calls this and keeps the
        window open while it stays shown): ask before throwing typed input away."""
        if not self.has_unsaved_input():
            self.discard()
            return
        answer = ask_to_save(self)
        if answer == "save":
            self.save()  # a refused save stays open with the field messages
        elif answer == "discard":
            self.discard()

    def discard(self) -> None:
        """Close without saving and without asking (the user said 不保存, here or when quitting)."""
        super().reject()


class LabelledFields:
    """The ``form_class`` of a small dialog built in code: a note on top (``has_note``), one labelled input a
    row with its red message under it, the form-wide message and OK/Cancel — the names a compiled form has
    (``ui.<name>``, ``ui.<name>_error``, ``form_error``, ``button_box``, ``grid``; ``ui.note``). A dialog
    subclasses it with its ``rows`` and sets texts, ranges and placeholders itself."""

    #: (name, label, input class) a row; an empty label lets the input take the whole width.
    rows: tuple[tuple[str, str, type[QWidget]], ...] = ()
    has_note = False

    def setupUi(self, dialog: QWidget) -> None:
        self.grid = grid = QGridLayout(dialog)
        if self.has_note:
            self.note = QLabel(dialog)
            self.note.setObjectName("note")
            self.note.setWordWrap(True)
            self.note.setTextFormat(Qt.TextFormat.PlainText)
            grid.addWidget(self.note, 0, 0, 1, 2)
        for name, label, kind in self.rows:
            widget = kind(dialog)
            widget.setObjectName(name)
            if isinstance(widget, QDateEdit):
                widget.setCalendarPopup(True)
                widget.setDisplayFormat("yyyy-MM-dd")
            setattr(self, name, widget)
            row = grid.rowCount()
            if label:
                title = QLabel(label, dialog)
                title.setBuddy(widget)
                grid.addWidget(title, row, 0)
                grid.addWidget(widget, row, 1)
            else:
                grid.addWidget(widget, row, 0, 1, 2)
            error = error_label(dialog, f"{name}_error")
            setattr(self, f"{name}_error", error)
            if label:
                grid.addWidget(error, row + 1, 1)
            else:
                grid.addWidget(error, row + 1, 0, 1, 2)
        self.form_error = error_label(dialog, "form_error")
        grid.addWidget(self.form_error, grid.rowCount(), 0, 1, 2)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
        self.button_box.setObjectName("button_box")
        grid.addWidget(self.button_box, grid.rowCount(), 0, 1, 2)


def error_label(parent: QWidget, name: str) -> QLabel:
    """A red message line, as the Designer forms have under each field."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setStyleSheet("color: #c62828;")
    label.setTextFormat(Qt.TextFormat.PlainText)  # messages quote what was typed
    label.setWordWrap(True)
    keep_place(label)
    return label

