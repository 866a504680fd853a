"""The office-document page (GB/T 9704-2012 where it applies) for every PDF the program writes.

A4; top margin 37 mm, left 28 mm, text block 156 × 225 mm; title 22 pt (小标宋/黑体), body 16 pt 仿宋
(三号), level-1 headings 黑体, level-2 楷体; page numbers "— 1 —" centred under the text block.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xiaoneng_desktop.reports.fonts import register_fonts

MM = 72 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = 210 * MM, 297 * MM
TOP, LEFT = 37 * MM, 28 * MM
BLOCK_WIDTH, BLOCK_HEIGHT = 156 * MM, 225 * MM
BOTTOM = PAGE_HEIGHT - TOP - BLOCK_HEIGHT
#: The page number sits 7 mm below the text block (GB/T 9704 7.5).
PAGE_NUMBER_Y = BOTTOM - 7 * MM - 14


@dataclass(frozen=True)
class Styles:
    title: Any
    subtitle: Any
    body: Any
    heading1: Any
    heading2: Any
    cell: Any
    cell_bold: Any
    note: Any
    fonts: dict


def styles() -> Styles:
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle

    fonts = register_fonts()
    body = ParagraphStyle("body", fontName=fonts["fang"], fontSize=16, leading=28, alignment=TA_JUSTIFY,
                          firstLineIndent=32, wordWrap="CJK")
    return Styles(
        title=ParagraphStyle("title", fontName=fonts["hei"], fontSize=22, leading=34, alignment=TA_CENTER,
                             spaceAfter=18, wordWrap="CJK"),
        subtitle=ParagraphStyle("subtitle", parent=body, alignment=TA_CENTER, firstLineIndent=0, fontSize=14,
                                leading=22, spaceAfter=12),
        body=body,
        heading1=ParagraphStyle("h1", parent=body, fontName=fonts["hei"], firstLineIndent=32, spaceBefore=6),
        heading2=ParagraphStyle("h2", parent=body, fontName=fonts["kai"], firstLineIndent=32),
        cell=ParagraphStyle("cell", fontName=fonts["fang"], fontSize=12, leading=17, wordWrap="CJK"),
        cell_bold=ParagraphStyle("cell_bold", fontName=fonts["hei"], fontSize=12, leading=17, wordWrap="CJK"),
        note=ParagraphStyle("note", parent=body, fontSize=12, leading=20, firstLineIndent=0),
        fonts=fonts,
    )


def _page_number(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont(register_fonts()["song"], 14)
    canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_NUMBER_Y, f"— {doc.page} —")
    canvas.restoreState()


def build(target, flowables: list, *, title: str, author: str = "", page_numbers: bool = True) -> None:
    """Lay the flowables out on GB/T 9704 pages into ``target`` (a path or a binary file object)."""
    from reportlab.platypus import SimpleDocTemplate

    doc = SimpleDocTemplate(target, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), leftMargin=LEFT,
                            rightMargin=PAGE_WIDTH - LEFT - BLOCK_WIDTH, topMargin=TOP, bottomMargin=BOTTOM,
                            title=title, author=author, creator="机关效能管理系统")
    decorate = _page_number if page_numbers else (lambda canvas, doc: None)
    doc.build(flowables, onFirstPage=decorate, onLaterPages=decorate)


def grid_table(rows: list[list], col_widths: list[float], *, header_rows: int = 0, style: list | None = None):
    """A ruled table; header rows repeat on every page the table runs onto."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    table = Table(rows, colWidths=col_widths, repeatRows=header_rows)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#eeeeee")))
    table.setStyle(TableStyle(commands + (style or [])))
    return table
