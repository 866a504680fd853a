"""The words of a list's search, highlighted where they stand in its cells.

``highlight_ranges`` is the pure rule (which characters of a cell's text to mark); ``HighlightDelegate``
paints a cell's text with those characters on a yellow ground — the text is drawn as plain text (never
read as HTML) and still elides. ``set_search_text(table, text)`` tells a list which words to mark; it only
repaints, it never queries.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

#: The ground behind a matching substring, and its text.
HIGHLIGHT = QColor("#ffe45c")
HIGHLIGHT_TEXT = QColor("#000000")

# one character each, so that positions in the shown text are positions in the cell's text
_LINE_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\u2028": " ", "\u2029": " "})


def search_words(text: str) -> list[str]:
    """The words of a search as ``core.db.search_index_matches`` reads them: several words separated by
    spaces, each of them found; a "word" of punctuation only (、) is no word unless it is all there is."""
    words = [word for word in text.split() if any(char.isalnum() for char in word)]
    return words or ([text.strip()] if text.strip() else [])


def _lowered(text: str) -> str:
    """``text`` in lower case, character for character (a character whose lower case is longer stays)."""
    low = text.lower()
    if len(low) == len(text):  # no character grew (none ever shrinks): positions are kept
        return low
    return "".join(low if len(low := char.lower()) == 1 else char for char in text)


def highlight_ranges(text: str, words: list[str] | tuple[str, ...]) -> list[tuple[int, int]]:
    """The (start, length) of every place in ``text`` where one of ``words`` stands, case-insensitive,
    overlapping or touching places merged into one, in order; empty words are ignored."""
    if not text:
        return []
    haystack = _lowered(text)
    spans: list[tuple[int, int]] = []
    for word in words:
        needle = _lowered(word.strip())
        if not needle:
            continue
        start = haystack.find(needle)
        while start >= 0:
            spans.append((start, start + len(needle)))
            start = haystack.find(needle, start + 1)
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end - start) for start, end in merged]


class HighlightDelegate(QStyledItemDelegate):
    """Paints a cell as usual, with the search words' places in its text on a yellow ground."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.words: list[str] = []

    def set_words(self, words: list[str]) -> None:
        self.words = list(words)

    def highlights(self, index: QModelIndex) -> list[tuple[int, int]]:
        """The (start, length) ranges of the cell's display text that are painted highlighted."""
        if not self.words or not index.isValid():
            return []
        text = index.data(Qt.ItemDataRole.DisplayRole)
        return highlight_ranges(text, self.words) if isinstance(text, str) else []

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        ranges = self.highlights(index)
        if not ranges:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        text = opt.text.translate(_LINE_BREAKS)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        rect = rect.adjusted(margin, 0, -margin, 0)
        opt.text = ""  # the style draws the background, selection and focus; the text is drawn here
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        metrics = QFontMetrics(opt.font)
        shown = metrics.elidedText(text, opt.textElideMode, rect.width())
        kept = 0  # the characters of the text that are shown as they are (before "…")
        while kept < min(len(shown), len(text)) and shown[kept] == text[kept]:
            kept += 1
        width = metrics.horizontalAdvance(shown)
        x = rect.left()
        align = opt.displayAlignment
        if align & Qt.AlignmentFlag.AlignRight:
            x = rect.right() + 1 - width
        elif align & Qt.AlignmentFlag.AlignHCenter:
            x = rect.left() + (rect.width() - width) // 2
        if align & Qt.AlignmentFlag.AlignTop:
            top = rect.top()
        elif align & Qt.AlignmentFlag.AlignBottom:
            top = rect.bottom() + 1 - metrics.height()
        else:
            top = rect.top() + (rect.height() - metrics.height()) // 2
        baseline = top + metrics.ascent()

        group = QPalette.ColorGroup.Normal
        if not opt.state & QStyle.StateFlag.State_Enabled:
            group = QPalette.ColorGroup.Disabled
        elif not opt.state & QStyle.StateFlag.State_Active:
            group = QPalette.ColorGroup.Inactive
        role = (QPalette.ColorRole.HighlightedText if opt.state & QStyle.StateFlag.State_Selected
                else QPalette.ColorRole.Text)
        plain = opt.palette.color(group, role)

        # pieces of the shown text: (start, end, highlighted)
        pieces: list[tuple[int, int, bool]] = []
        position = 0
        for start, length in ranges:
            start, end = min(start, kept), min(start + length, kept)
            if start >= end:
                continue
            if start > position:
                pieces.append((position, start, False))
            pieces.append((start, end, True))
            position = end
        if position < len(shown):
            pieces.append((position, len(shown), False))

        painter.save()
        painter.setClipRect(rect)
        painter.setFont(opt.font)
        for start, end, marked in pieces:
            left = x + metrics.horizontalAdvance(shown[:start])
            piece = shown[start:end]
            if marked:
                painter.fillRect(QRect(left, top, metrics.horizontalAdvance(piece), metrics.height()), HIGHLIGHT)
            painter.setPen(HIGHLIGHT_TEXT if marked else plain)
            painter.drawText(QPoint(left, baseline), piece)
        painter.restore()


def set_search_text(table: QTableView, text: str) -> None:
    """Mark ``text``'s words in ``table`` (a list made by ``register_view.list_table``); "" marks nothing."""
    delegate = table.itemDelegate()
    if isinstance(delegate, HighlightDelegate):
        words = search_words(text)
        if words != delegate.words:
            delegate.set_words(words)
            table.viewport().update()
