"""A register that is not in service yet: its column headers, no rows, and a note saying so.

Stands in a tab until the register's own widget lands, so the window shows its final shape without
inventing any data.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

NOT_IN_SERVICE = "本登记簿尚未启用"


def _typical_width(column: str) -> int:
    """How many Chinese characters wide a typical value of this column is."""
    if column.endswith(("标题", "描述", "事由", "检查项")):
        return 16
    if column.endswith(("身份证号", "时间", "时限", "文号", "单位")):
        return 10
    if column in ("人数", "状态"):
        return 4
    return 6


class EmptyRegister(QWidget):
    """A read-only, empty table with ``columns`` as headers and a grey note above it."""

    def __init__(self, columns: Sequence[str], note: str = NOT_IN_SERVICE, parent: QWidget | None = None):
        super().__init__(parent)
        self.columns = tuple(columns)

        self.note = QLabel(note, self)
        self.note.setObjectName("emptyRegisterNote")
        palette = self.note.palette()
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
        self.note.setPalette(palette)

        self.model = QStandardItemModel(0, len(self.columns), self)
        self.model.setHorizontalHeaderLabels(list(self.columns))

        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Room for a typical value, not just the header text: an empty table has nothing else to size by.
        em = self.view.fontMetrics().horizontalAdvance("汉")
        for column, name in enumerate(self.columns):
            header.resizeSection(column, max(em * _typical_width(name), header.sectionSizeHint(column)))

        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
