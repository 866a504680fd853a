"""The monthly PDF read back: 避头尾 in every paragraph and cell, page numbers at the outer side, every
font embedded, 28 characters × 22 lines of body text, headings kept with what follows, one date style."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest

from xiaoneng_desktop.reports import fonts, monthly, monthly_pdf, pdf

pdfium = pytest.importorskip("pypdfium2")

PAGE_NUMBER = re.compile(r"— \d+ —")
OPENING = "（《「『【〔“‘([{"


def page_lines(path) -> list[list[str]]:
    """Per page, the text lines as the PDF holds them (table cells side by side count as separate lines)."""
    document = pdfium.PdfDocument(str(path))
    pages = []
    for page in document:
        text = PAGE_NUMBER.sub("", page.get_textpage().get_text_range())
        pages.append([part for line in text.splitlines() for part in line.split() if part])
    document.close()
    return pages


def char_boxes(path, page_index: int) -> list[tuple[str, tuple[float, float, float, float]]]:
    document = pdfium.PdfDocument(str(path))
    textpage = document[page_index].get_textpage()
    boxes = [(textpage.get_text_range(i, 1), textpage.get_charbox(i)) for i in range(textpage.count_chars())]
    document.close()
    return boxes


@pytest.fixture
def busy_month(database, clock, tmp_path):
    """Two months of demo data; October's report as a PDF."""
    from xiaoneng_desktop import demo

    clock.set(dt.datetime(2026, 11, 20, 10, 0))
    demo.fill(2)
    report = monthly.build(2026, 10)
    return report, monthly_pdf.write(report, tmp_path / "月报.pdf")


def test_no_line_starts_with_closing_punctuation(busy_month):
    report, path = busy_month
    pages = page_lines(path)
    assert len(pages) >= 8
    starts = [(number, line) for number, lines in enumerate(pages, start=1) for line in lines
              if line[0] in pdf.NO_LINE_START and line != "—"]  # a cell of its own "—" is no line start
    assert starts == []
    ends = [(number, line) for number, lines in enumerate(pages, start=1) for line in lines if line[-1] in OPENING]
    assert ends == []
    # the busy month really has the long overdue list: summed up in the body, listed in full in the 附件
    duty = report.sections[0]
    assert len(duty.overdue) > monthly_pdf.WORST
    flat = "".join("".join(lines) for lines in pages)
    assert f"全部{len(duty.overdue)}件见附件1" in flat and "附件1" in flat and "值班记录超时事项清单" in flat


def test_page_numbers_at_the_outer_side(busy_month):
    _report, path = busy_month
    count = len(page_lines(path))
    for index in range(min(count, 4)):
        number = [box for ch, box in char_boxes(path, index) if box[1] < pdf.BOTTOM and ch.strip()]
        assert number, f"page {index + 1} has no number"
        left, right = min(b[0] for b in number), max(b[2] for b in number)
        if (index + 1) % 2:  # odd: right, one character in from the block's edge
            assert right == pytest.approx(pdf.LEFT + pdf.BLOCK_WIDTH - pdf.PAGE_NUMBER_SIZE, abs=3)
        else:
            assert left == pytest.approx(pdf.LEFT + pdf.PAGE_NUMBER_SIZE, abs=3)


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils (pdffonts) is needed")
def test_every_font_embedded(busy_month):
    if not fonts.find_font_files():
        pytest.skip("no Chinese TrueType font on this system")
    _report, path = busy_month
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows and all(re.search(r"\syes\s+yes\s+yes\s", row) for row in rows), out
    assert "Helvetica" not in out


def test_one_date_style(busy_month):
    _report, path = busy_month
    flat = " ".join(" ".join(lines) for lines in page_lines(path))
    assert re.search(r"制表时间：2026年11月20日", flat)
    assert not re.search(r"\b\d{2}-\d{2}\b", flat)  # no 03-16 without a year
    assert not re.search(r"月0\d日", flat)  # no 12月02日
    assert re.search(r"10月\d{1,2}日 \d{2}:\d{2}", flat)


def test_28_characters_and_22_lines_of_body_text(tmp_path):
    s = pdf.styles()
    text = "国" * (28 * 30)
    pdf.build(str(tmp_path / "grid.pdf"), [pdf.paragraph(text, s.body)], title="版心")
    lines = page_lines(tmp_path / "grid.pdf")
    assert [len(line) for line in lines[0]] == [26] + [28] * 21  # first line indented two characters
    boxes = [box for ch, box in char_boxes(tmp_path / "grid.pdf", 0) if ch == "国"]
    assert max(b[2] for b in boxes) == pytest.approx(pdf.LEFT + pdf.BLOCK_WIDTH, abs=1.5)


def test_kinsoku_carries_a_character_over():
    """Where a plain break would put "，" or "”" first, or "（" last, or cut "2026", a character moves down."""
    s = pdf.styles()
    for text in ("一" * 26 + "，" + "二" * 10, "一" * 25 + "（二）" + "三" * 10, "一" * 25 + "”。" + "二" * 10,
                 "一" * 24 + "2026年" + "二" * 10, "一" * 24 + "……" + "二" * 10):
        paragraph = pdf.paragraph(text, s.body)
        paragraph.wrap(pdf.BLOCK_WIDTH, 1000)
        lines = ["".join(w.text for w in line.words) for line in paragraph.blPara.lines]
        assert "".join(lines) == text and len(lines) == 2
        assert lines[1][0] not in pdf.NO_LINE_START and lines[0][-1] not in pdf.NO_LINE_END, lines
        assert not (lines[0][-1].isdigit() and lines[1][0].isdigit()), lines


def test_a_heading_is_not_left_at_a_page_foot(tmp_path):
    s = pdf.styles()
    filler = [pdf.paragraph("国" * 26, s.body) for _ in range(21)]  # 21 of the 22 lines
    story = filler + [pdf.paragraph("（二）标题", s.heading2), pdf.paragraph("正文" * 40, s.body)]
    pdf.build(str(tmp_path / "keep.pdf"), story, title="标题")
    pages = page_lines(tmp_path / "keep.pdf")
    assert "（二）标题" not in pages[0] and pages[1][0] == "（二）标题"


def test_fallback_is_announced(monkeypatch):
    fonts.register_fonts.cache_clear()
    monkeypatch.setattr(fonts, "find_font_files", lambda dirs=None: {})
    try:
        assert fonts.fallback_warning() is not None and "未嵌入" in fonts.summary_text()
        assert {choice.embedded for choice in fonts.font_choices().values()} == {False}
    finally:
        fonts.register_fonts.cache_clear()
    if fonts.find_font_files():
        assert fonts.fallback_warning() is None
        assert fonts.summary_text().startswith("字体：标题 ") and "，正文 " in fonts.summary_text()


def test_roles_found_by_their_windows_names(tmp_path):
    for name in ("FZXBSJW.TTF", "仿宋_GB2312.ttf", "simkai.ttf", "simhei.ttf", "NotoSansCJK-Regular.otf"):
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "NotoSerifCJK-Regular.ttc").write_bytes(b"ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10OTTO")
    found = fonts.find_font_files([tmp_path])
    assert found["title"].name == "FZXBSJW.TTF" and found["fang"].name == "仿宋_GB2312.ttf"
    assert found["kai"].name == "simkai.ttf" and found["hei"].name == "simhei.ttf"
    assert "song" not in found  # a CFF collection cannot be embedded: passed over
