"""Windows that fit the screen they open on (offices still run 1024×768 monitors)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget


def resize_within_screen(widget: QWidget, width: int, height: int, share: float = 0.95) -> None:
    """Resize to ``width`` × ``height``, or to ``share`` of the screen where that is smaller."""
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    room = screen.availableGeometry()
    widget.resize(min(width, int(room.width() * share)), min(height, int(room.height() * share)))
