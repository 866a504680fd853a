"""The campaign grid: every participant × every check point — 有无问题, the description, and the
participant's own statement. A plain QTableWidget (tens of people × ~15 points); 保存 writes every
changed cell in one transaction.

From the keyboard, in the 有无问题 column: 1 = 无问题, 2 = 有问题, 0 or Delete = 未填 — the cursor stays on
the row (so the 问题描述 typed next belongs to it); Tab goes to the row's 问题描述 and starts typing there;
Enter or ↓ goes to the next row's 有无问题. A double-click offers the same choice in a list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
)

from xiaoneng_desktop.inspection import service
from xiaoneng_desktop.inspection.service import AnswerInput
from xiaoneng_desktop.ui.widgets.inputs import RED, RED_BACKGROUND, literal

ANSWER_TEXTS = {None: "", False: "无问题", True: "有问题"}
ANSWER_OF_TEXT = {v: k for k, v in ANSWER_TEXTS.items()}
PERSON, CHECK, POINT, ANSWER, DESCRIPTION, STATEMENT = range(6)
HEADERS = ("参加人员/部门", "检查项", "检查点", "有无问题", "问题描述", "本人说明")
KEY_ANSWERS = {Qt.Key.Key_1: False, Qt.Key.Key_2: True, Qt.Key.Key_0: None, Qt.Key.Key_Delete: None}


class _AnswerDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):  # noqa: N802 - Qt override
        combo = QComboBox(parent)
        combo.addItems(["", "无问题", "有问题"])
        return combo

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setCurrentText(index.data() or "")

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentText())


class AnswerGrid(QTableWidget):
    """``load(campaign_id)`` fills it; ``save()`` writes the changes; ``changed`` after a save."""

    dirty_changed = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(0, len(HEADERS), parent)
        self.setObjectName("answer_grid")
        self.setHorizontalHeaderLabels(HEADERS)
        self.setItemDelegateForColumn(ANSWER, _AnswerDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        for column, width in ((PERSON, 90), (CHECK, 90), (POINT, 300), (ANSWER, 70), (DESCRIPTION, 220)):
            self.horizontalHeader().resizeSection(column, width)
        self.horizontalHeader().setStretchLastSection(True)
        self.campaign_id: int | None = None
        self.cells: list[tuple[int, int]] = []  # (participant id, point id) per row
        self.first_row: dict[int, int] = {}  # participant id → its first row
        self._loading = False
        self._dirty: set[int] = set()
        self.itemChanged.connect(self._item_changed)

    def load(self, campaign_id: int | None) -> None:
        self._loading = True
        self.campaign_id = campaign_id
        self.setRowCount(0)
        self.cells, self.first_row = [], {}
        self._dirty.clear()
        if campaign_id is not None:
            points = service.campaign_points(campaign_id)
            saved = service.answers(campaign_id)
            people = service.participants(campaign_id)
            self.setRowCount(len(points) * len(people))
            row = 0
            for participant in people:
                self.first_row[participant.id] = row
                for item, point in points:
                    answer = saved.get((participant.id, point.id))
                    self._fixed(row, PERSON, participant.name)
                    self._fixed(row, CHECK, item.name)
                    self._fixed(row, POINT, point.text)
                    self.setItem(row, ANSWER, QTableWidgetItem(ANSWER_TEXTS[answer.has_problem] if answer else ""))
                    self.setItem(row, DESCRIPTION, QTableWidgetItem(answer.description if answer else ""))
                    self.setItem(row, STATEMENT, QTableWidgetItem(answer.statement if answer else ""))
                    self._paint(row)
                    self.cells.append((participant.id, point.id))
                    row += 1
        self._loading = False
        self.dirty_changed.emit(False)

    def _fixed(self, row: int, column: int, text: str) -> None:
        item = QTableWidgetItem(text)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        item.setToolTip(literal(text))
        self.setItem(row, column, item)

    def _paint(self, row: int) -> None:
        item = self.item(row, ANSWER)
        problem = item.text() == "有问题"
        item.setForeground(QBrush(RED) if problem else QBrush())
        item.setBackground(QBrush(RED_BACKGROUND) if problem else QBrush())

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        if item.column() == ANSWER:
            if item.text() not in ANSWER_OF_TEXT:  # typed something else: keep what makes sense
                self._loading = True
                item.setText("有问题" if "有" in item.text() else ("无问题" if "无" in item.text() else ""))
                self._loading = False
            self._paint(item.row())
        self._dirty.add(item.row())
        self.dirty_changed.emit(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if (self.currentColumn() == ANSWER and event.key() in KEY_ANSWERS
                and self.state() != QAbstractItemView.State.EditingState):
            self.set_answer(self.currentRow(), KEY_ANSWERS[event.key()])  # stays on the row
            event.accept()
            return
        if (self.currentColumn() == ANSWER and self.state() != QAbstractItemView.State.EditingState
                and self.currentRow() >= 0):
            if event.key() == Qt.Key.Key_Tab and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self.setCurrentCell(self.currentRow(), DESCRIPTION)
                self.editItem(self.item(self.currentRow(), DESCRIPTION))
                event.accept()
                return
            if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                    and not event.modifiers() & Qt.KeyboardModifier.ControlModifier):
                if self.currentRow() + 1 < self.rowCount():
                    self.setCurrentCell(self.currentRow() + 1, ANSWER)
                event.accept()
                return
        super().keyPressEvent(event)

    # --- public ---------------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        return bool(self._dirty)

    def set_answer(self, row: int, has_problem: bool | None) -> None:
        self.item(row, ANSWER).setText(ANSWER_TEXTS[has_problem])

    def all_clear(self, participant_id: int) -> int:
        """全部无问题: every point not yet answered by this participant becomes 无问题."""
        count = 0
        for row, (person, _point) in enumerate(self.cells):
            if person == participant_id and self.item(row, ANSWER).text() == "":
                self.set_answer(row, False)
                count += 1
        return count

    def row_values(self, row: int) -> AnswerInput:
        participant_id, point_id = self.cells[row]
        return AnswerInput(participant_id, point_id, ANSWER_OF_TEXT.get(self.item(row, ANSWER).text()),
                           self.item(row, DESCRIPTION).text(), self.item(row, STATEMENT).text())

    def save(self) -> int:
        """Every changed row in one transaction (ValidationError keyed "participant:point" as raised)."""
        if self.campaign_id is None or not self._dirty:
            return 0
        changed = service.save_answers(self.campaign_id, [self.row_values(r) for r in sorted(self._dirty)])
        self._dirty.clear()
        self.dirty_changed.emit(False)
        return changed

    def row_of(self, key: str) -> int | None:
        """The row of an error key "participant:point"."""
        try:
            participant, point = (int(x) for x in key.split(":"))
        except ValueError:
            return None
        try:
            return self.cells.index((participant, point))
        except ValueError:
            return None
