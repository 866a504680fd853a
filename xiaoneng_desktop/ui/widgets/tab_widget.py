"""A QTabWidget that repaints only what changed in its pages.

Qt's QTabWidget answers every LayoutRequest with setUpLayout(), which ends in update() of the whole tab
widget. A LayoutRequest reaches it whenever anything in a page changes its size hint, and a label's new
text always does: "共 N 条" under a list repainted the whole window, 4–6 ms each time, several times per
search (issue 16). Here the request is passed on only when something setUpLayout() reads has changed
(the tab widget's size, the tab bar's); otherwise the tab widget only tells its parent that its size
hint may have changed, as setUpLayout() would.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTabWidget


class TabWidget(QTabWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._laid_out_for: tuple | None = None
        self._has_corner_widget = False

    def setCornerWidget(self, *args) -> None:  # noqa: N802 - Qt's name
        self._has_corner_widget = True  # its size hint is not followed here: every request passes
        super().setCornerWidget(*args)

    def _layout_inputs(self) -> tuple:
        """What QTabWidget::setUpLayout() places its tab bar and pages by."""
        bar = self.tabBar()
        return (self.size(), bar.sizeHint(), bar.isVisibleTo(self), self.tabPosition(), self.tabShape(),
                self.documentMode())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible() and not self._has_corner_widget:
            inputs = self._layout_inputs()
            if inputs == self._laid_out_for:
                self.updateGeometry()
                return True
            self._laid_out_for = inputs
        return super().event(event)
