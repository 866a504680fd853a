"""修改记录: one record's lines of the audit log, oldest first, read-only — who did what and when,
each changed field on its own line "字段：旧 → 新"."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QVBoxLayout, QWidget

from xiaoneng_desktop.core import audit
from xiaoneng_desktop.core.models import AuditLog
from xiaoneng_desktop.ui.widgets.inputs import literal
from xiaoneng_desktop.ui.widgets.item_table import item_table, read_only_item

HEADERS = ("时间", "操作人", "操作", "内容")


def content(line: AuditLog) -> str:
    """The line's detail, then each change on its own line (``audit.described`` joins them with "；")."""
    parts = [line.detail] if line.detail else []
    parts += [f"{label}：{old} → {new}" for label, old, new in audit.changes_of(line)]
    return "\n".join(parts)


class HistoryDialog(QDialog):
    """The history of record ``record_id`` of ``table``; ``title`` names it ("来电记录 12")."""

    def __init__(self, table: str, record_id: int, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"修改记录 — {title}")
        self.resize(760, 420)
        self.lines = audit.history(table, record_id)
        self.table = item_table(self, HEADERS, "history_table")
        self.table.setWordWrap(True)
        self.table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            cells = (f"{line.at:%Y-%m-%d %H:%M}", line.actor, line.action, content(line))
            for column, text in enumerate(cells):
                item = read_only_item(text)
                item.setToolTip(literal(text))
                self.table.setItem(row, column, item)
        for column, width in enumerate((130, 100, 80)):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.count_label = QLabel(f"共 {len(self.lines)} 条记录。" if self.lines else "没有修改记录。", self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(buttons)

    def texts(self) -> list[tuple[str, ...]]:
        """What the table shows, row by row (for tests and the accessibility of a glance)."""
        return [tuple(self.table.item(r, c).text() for c in range(self.table.columnCount()))
                for r in range(self.table.rowCount())]
