"""The words of a register's search are highlighted in its lists (widgets.highlight)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from tests.helpers import type_text
from xiaoneng_desktop.duty import service as duty
from xiaoneng_desktop.duty.service import CallInput, ShiftInput
from xiaoneng_desktop.ui.duty.tab import DutyTab
from xiaoneng_desktop.ui.widgets.highlight import HighlightDelegate, _lowered, highlight_ranges, search_words


def test_highlight_ranges_rules():
    assert highlight_ranges("石门桥村养殖场异味", ["石门桥", "养殖"]) == [(0, 3), (4, 2)]
    assert highlight_ranges("Call ABC and abc", ["abc"]) == [(5, 3), (13, 3)]  # Latin: any case
    assert highlight_ranges("ABCDEF", ["bcd", "cde"]) == [(1, 4)]  # overlapping places: one range
    assert highlight_ranges("ABCDEF", ["ab", "cd"]) == [(0, 4)]  # touching ones too
    assert highlight_ranges("aaaa", ["aa"]) == [(0, 4)]
    assert highlight_ranges("石门桥", ["", "  "]) == []  # empty words ignored
    assert highlight_ranges("", ["石门桥"]) == []
    assert highlight_ranges("<b>石门桥</b>", ["<b>"]) == [(0, 3)]  # typed text is text, never HTML
    assert highlight_ranges("İstanbul x", ["x"]) == [(9, 1)]  # positions stay those of the text
    assert search_words(" 石门桥  养殖 、 ") == ["石门桥", "养殖"]
    assert search_words("、") == ["、"] and search_words("  ") == []


@given(st.text())
def test_lowering_keeps_every_character_where_it_stands(text):
    """The fast whole-string lower() is taken only where it equals lowering character by character."""
    assert _lowered(text) == "".join(low if len(low := char.lower()) == 1 else char for char in text)


def test_duty_search_highlights_both_words(qtbot, database, clock):
    duty.save_shift(ShiftInput(day=dt.date(2026, 10, 9), name="白班", officer_name="王值班", leader_name="张科长"))
    both = duty.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, 30), category="一般事项",
                                      summary="群众反映石门桥村养殖场异味扰民", officer_name="王值班"))
    duty.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, 40), category="一般事项",
                               summary="石门桥路灯不亮", officer_name="王值班"))
    tab = DutyTab()
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    tab.show()
    delegate = tab.view.table.itemDelegate()
    assert isinstance(delegate, HighlightDelegate) and delegate.words == []

    search = tab.view.filter_bar.search
    type_text(qtbot, search, "石门桥 养殖")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.model.id_at(0) == both.id
    summary_column = [c.title for c in tab.model.columns].index("内容摘要")
    cell = tab.model.index(0, summary_column)
    assert cell.data() == "群众反映石门桥村养殖场异味扰民"
    assert delegate.highlights(cell) == [(4, 3), (8, 2)]
    # the open items' list above the register marks the same words
    open_delegate = tab.open_table.itemDelegate()
    assert isinstance(open_delegate, HighlightDelegate) and open_delegate.words == ["石门桥", "养殖"]
    tab.view.table.selectRow(0)
    tab.grab().save("/tmp/search-hl.png")

    # the search cleared: nothing is marked any more
    search.clear()
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    assert delegate.words == [] and delegate.highlights(tab.model.index(0, summary_column)) == []
