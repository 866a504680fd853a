"""值班记录 tab (being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget


class DutyTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        QVBoxLayout(self)
