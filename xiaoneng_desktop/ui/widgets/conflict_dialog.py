"""修改冲突: another user saved the record while this form was open (core.conflicts.EditConflict).

The dialog says who changed it and when, shows the fields where the two versions differ side by side
(字段 | 您填写的 | 对方保存的) and lets the user choose: take the other version (the typing is
dropped), overwrite it deliberately (saved again over the version now stored, audited as usual), or go
back to the form, which keeps what was typed. Every text is plain (what was typed is quoted as is).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from xiaoneng_desktop.core.conflicts import EditConflict

#: The user's choices, as ConflictDialog.choice holds them after it closes.
THEIRS, MINE, BACK = "theirs", "mine", "back"

TAKE_THEIRS = "用对方的版本（放弃我的修改）"
OVERWRITE = "用我的修改覆盖"
GO_BACK = "返回继续编辑"


class ConflictDialog(QDialog):
    """``rows``: (label, yours, theirs) for each field that differs. ``choice`` is THEIRS, MINE or BACK
    once closed (Esc and the close button mean BACK: nothing is lost)."""

    def __init__(self, conflict: EditConflict, rows: list[tuple[str, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("修改冲突")
        self.choice = BACK
        layout = QVBoxLayout(self)
        self.message = QLabel(str(conflict), self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setObjectName("differences")
        self.table.setHorizontalHeaderLabels(["字段", "您填写的", "对方保存的"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for row, values in enumerate(rows):
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # rows as tall as their wrapped text, measured again once the columns have their real widths
        header.sectionResized.connect(lambda *_args: self.table.resizeRowsToContents())
        if rows:
            layout.addWidget(self.table)
        else:
            self.table.hide()
            note = QLabel("对方修改的内容不在本表单显示的项目中；您填写的内容与对方保存的相同。", self)
            note.setTextFormat(Qt.TextFormat.PlainText)
            note.setWordWrap(True)
            layout.addWidget(note)
        box = QDialogButtonBox(self)
        self.buttons: dict[str, QPushButton] = {}
        for choice, text, role in ((THEIRS, TAKE_THEIRS, QDialogButtonBox.ButtonRole.DestructiveRole),
                                   (MINE, OVERWRITE, QDialogButtonBox.ButtonRole.AcceptRole),
                                   (BACK, GO_BACK, QDialogButtonBox.ButtonRole.RejectRole)):
            button = box.addButton(text, role)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, c=choice: self.choose(c))
            self.buttons[choice] = button
        self.buttons[BACK].setDefault(True)
        layout.addWidget(box)
        self.resize(640, 320 if rows else 160)

    def choose(self, choice: str) -> None:
        self.choice = choice
        self.done(QDialog.DialogCode.Accepted if choice != BACK else QDialog.DialogCode.Rejected)

    def reject(self) -> None:  # Esc, the close button
        self.choice = BACK
        super().reject()
