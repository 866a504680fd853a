"""The 月报 dialog says which fonts the PDF will use, and warns when none can be embedded."""

from __future__ import annotations

from xiaoneng_desktop.reports import fonts
from xiaoneng_desktop.ui.reports.monthly_dialog import MonthlyReportDialog


def test_the_dialog_names_the_fonts(qtbot, database, clock):
    dialog = MonthlyReportDialog()
    qtbot.addWidget(dialog)
    text = dialog.fonts_label.text()
    assert text.startswith("字体：标题 ") and "，正文 " in text and "，标题一 " in text and "，标题二 " in text
    if fonts.find_font_files():
        assert "未嵌入" not in text


def test_the_dialog_warns_without_a_chinese_truetype_font(qtbot, database, clock, monkeypatch):
    fonts.register_fonts.cache_clear()
    monkeypatch.setattr(fonts, "find_font_files", lambda dirs=None: {})
    try:
        dialog = MonthlyReportDialog()
        qtbot.addWidget(dialog)
        assert "STSong-Light" in dialog.fonts_label.text() and "不嵌入" in dialog.fonts_label.text()
    finally:
        fonts.register_fonts.cache_clear()
