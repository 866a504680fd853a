"""The office-document page (GB/T 9704-2012 where it applies) for every PDF the program writes.

A4; top margin 37 mm, left 28 mm, text block 156 × 225 mm (the frame has no padding: the block is the
block); title 22 pt (二号) 小标宋, body 16 pt (三号) 仿宋 on a grid of 28 characters × 22 lines, level-1
headings 黑体, level-2 楷体; page numbers "— 1 —" in 四号 宋体 7 mm below the text block, on the outer
side: right on odd pages, left on even ones, one character in from the block's edge.

``Paragraph`` is reportlab's Paragraph with Chinese line breaking (避头尾): closing punctuation never
starts a line and opening punctuation never ends one (the character before is carried over instead),
numbers and Latin words are not cut, "——" and "……" stay together; lines are set on the style's
``charSpace`` and justified lines are spread by character spacing. Every paragraph and table cell of
the program's PDFs should be one of these.
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
#: The page number sits 7 mm below the text block (GB/T 9704 7.5): the top of its line there.
PAGE_NUMBER_Y = BOTTOM - 7 * MM - 14
PAGE_NUMBER_SIZE = 14  # 四号

#: The body grid: 28 characters of 三号 per line, 22 lines per page.
BODY_SIZE = 16
CHARS_PER_LINE, LINES_PER_PAGE = 28, 22
BODY_CHAR_SPACE = BLOCK_WIDTH / CHARS_PER_LINE - BODY_SIZE  # ≈ -0.21 pt: 28 × (16 pt + this) = 156 mm
BODY_LEADING = BLOCK_HEIGHT / LINES_PER_PAGE - 0.01  # ≈ 28.97 pt: 22 lines fill 225 mm

#: 避头尾: what may not begin a line, and what may not end one.
NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉］｝…—’”·‧～％‰"
                          ",.;:?!)]}>%")
NO_LINE_END = frozenset("（《「『【〔〈［｛“‘([{<")
_FUZZ = 1e-6


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
    appendix_label: Any = None  # "附件1": 黑体, flush left on the block's first line
    appendix_title: Any = None  # the 附件's title: like the document's, centred


def styles() -> Styles:
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle

    fonts = register_fonts()
    pitch = BODY_SIZE + BODY_CHAR_SPACE  # one grid cell
    body = ParagraphStyle("body", fontName=fonts["fang"], fontSize=BODY_SIZE, leading=BODY_LEADING,
                          alignment=TA_JUSTIFY, firstLineIndent=2 * pitch, wordWrap="CJK", charSpace=BODY_CHAR_SPACE)
    return Styles(
        title=ParagraphStyle("title", fontName=fonts["title"], fontSize=22, leading=34, alignment=TA_CENTER,
                             spaceAfter=18, wordWrap="CJK", keepWithNext=1),
        subtitle=ParagraphStyle("subtitle", parent=body, alignment=TA_CENTER, firstLineIndent=0, fontSize=14,
                                leading=22, spaceAfter=12, charSpace=0),
        body=body,
        heading1=ParagraphStyle("h1", parent=body, fontName=fonts["hei"], keepWithNext=1),
        heading2=ParagraphStyle("h2", parent=body, fontName=fonts["kai"], keepWithNext=1),
        cell=ParagraphStyle("cell", fontName=fonts["fang"], fontSize=12, leading=17, wordWrap="CJK"),
        cell_bold=ParagraphStyle("cell_bold", fontName=fonts["hei"], fontSize=12, leading=17, wordWrap="CJK"),
        note=ParagraphStyle("note", parent=body, fontSize=12, leading=20, firstLineIndent=0, charSpace=0),
        fonts=fonts,
        appendix_label=ParagraphStyle("appendix_label", parent=body, fontName=fonts["hei"], firstLineIndent=0,
                                      keepWithNext=1),
        appendix_title=ParagraphStyle("appendix_title", fontName=fonts["title"], fontSize=22, leading=34,
                                      alignment=TA_CENTER, spaceAfter=12, wordWrap="CJK", keepWithNext=1),
    )


def _units(frags) -> list[list]:
    """The paragraph as unbreakable units [glyphs, width, kind]: one Chinese character each; a run of
    Latin letters or digits ("2026", "92.3%", "14:05") or of "—"/"…" together; kind "br" for <br/>."""
    from reportlab.platypus.paragraph import cjkU

    units: list[list] = []
    for frag in frags:
        text = frag.text if isinstance(frag.text, str) else frag.text.decode("utf8")
        space = getattr(frag, "_xn_space", 0.0)
        for ch in text:
            glyph = cjkU(ch, frag, "utf8")
            width = glyph.width + space
            last = units[-1] if units and units[-1][2] != "br" else None
            word = ch.isascii() and (ch.isalnum() or ch in "._%:/+-")
            if last is not None and ((word and last[2] == "word") or (ch in "—…" and last[0][-1] == ch)):
                last[0].append(glyph)
                last[1] += width
            else:
                units.append([[glyph], width, "word" if word else ("space" if ch.isspace() else "char")])
        if hasattr(frag, "lineBreak"):
            units.append([[cjkU("", frag, "utf8")], 0.0, "br"])
    return units


def kinsoku_lines(frags, max_widths: list[float], char_space: float = 0.0) -> list:
    """Break ``frags`` into lines (reportlab FragLines) no wider than ``max_widths``, 避头尾."""
    from reportlab.platypus.paragraph import makeCJKParaLine

    for frag in frags:
        frag._xn_space = char_space
    units = _units(frags)
    narrowest = min(max_widths)
    # a unit wider than a line (a long URL) is cut into characters
    cut: list[list] = []
    for unit in units:
        if unit[2] == "word" and unit[1] > narrowest + _FUZZ and len(unit[0]) > 1:
            cut += [[[g], g.width + char_space, "char"] for g in unit[0]]
        else:
            cut.append(unit)
    units = cut
    lines = []
    start, count = 0, len(units)
    while start < count:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        while start < count and units[start][2] == "space":
            start += 1  # no line begins with a space
        end, width = start, 0.0
        while end < count and units[end][2] != "br":
            if width + units[end][1] > max_width + _FUZZ and end > start:
                break
            width += units[end][1]
            end += 1
        line_break = end < count and units[end][2] == "br"
        if end < count and not line_break:
            at = end  # the line would break before units[at]: move back while that breaks a rule
            while at > start + 1 and (units[at][0][0] in NO_LINE_START or units[at - 1][0][-1] in NO_LINE_END):
                at -= 1
            if at > start + 1 or not (units[at][0][0] in NO_LINE_START or units[at - 1][0][-1] in NO_LINE_END):
                end = at
            elif units[end][0][0] in NO_LINE_START:
                end += 1  # nothing to carry over (a line of punctuation): hang it in the margin
        if start >= count:
            break
        glyphs = [g for unit in units[start:end] for g in unit[0]]
        used = sum(unit[1] for unit in units[start:end])
        trailing = end
        while trailing > start and units[trailing - 1][2] == "space":
            trailing -= 1
            used -= units[trailing][1]
        if line_break:
            glyphs += units[end][0]
            end += 1
        line = makeCJKParaLine(glyphs, max_width, used, max_width - used, line_break, False)
        line.xn_count = sum(len(unit[0]) for unit in units[start:trailing])
        lines.append(line)
        start = end
    return lines


def _plain(frags) -> bool:
    """Frags this module lays out itself: text in fonts and colours, no images, links or underlines."""
    return all(not hasattr(f, "cbDefn") and not getattr(f, "us_lines", None) and not getattr(f, "link", None)
               and not getattr(f, "backColor", None) and isinstance(getattr(f, "text", None), (str, bytes))
               for f in frags)


def _paragraph_class():
    from reportlab.platypus import Paragraph as Base
    from reportlab.platypus.paragraph import ParaLines

    class Paragraph(Base):
        """reportlab's Paragraph with 避头尾 line breaking and character-spaced justification."""

        def _ours(self) -> bool:
            return bool(self.frags) and not self.bulletText and _plain(self.frags)

        def breakLinesCJK(self, maxWidths):
            if not self._ours():
                return super().breakLinesCJK(maxWidths)
            if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
                return self.blPara
            if not isinstance(maxWidths, (list, tuple)):
                maxWidths = [maxWidths]
            lines = kinsoku_lines(self.frags, list(maxWidths), getattr(self.style, "charSpace", 0.0))
            return ParaLines(kind=1, lines=lines, xn_kinsoku=True)

        def breakLines(self, width):
            return self.breakLinesCJK(width) if self._ours() else super().breakLines(width)

        def _get_split_blParaFunc(self):
            if not all(hasattr(line, "xn_count") for line in self.blPara.lines):
                return super()._get_split_blParaFunc()

            def words(blPara, start, stop):  # reportlab's own adds a space at every line end
                return [w for line in blPara.lines[start:stop] for w in line.words]
            return words

        def drawPara(self, debug=0):
            from reportlab import rl_config
            from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT

            blPara = self.blPara
            if debug or not all(hasattr(line, "xn_count") for line in getattr(blPara, "lines", [None])):
                return super().drawPara(debug)
            style, canvas, lines = self.style, self.canv, blPara.lines
            if not lines:
                return None
            base = getattr(style, "charSpace", 0.0)
            first = lines[0]
            y = self.height - (first.fontSize if rl_config.paraFontSizeHeightOffset else first.ascent)
            canvas.saveState()
            text = canvas.beginText(0, y)
            last_index = len(lines) - 1
            for index, line in enumerate(lines):
                x = style.leftIndent + (style.firstLineIndent if index == 0 else 0)
                space = base
                extra = line.extraSpace
                justify_last = getattr(self, "_JustifyLast", False) or style.justifyLastLine
                if style.alignment == TA_JUSTIFY and not line.lineBreak and line.xn_count > 1 and extra > _FUZZ and (
                        index < last_index or justify_last):
                    # spread to the edge: the last glyph's own spacing is not seen
                    glyphs = line.currentWidth - line.xn_count * base
                    space = (line.maxWidth - glyphs) / (line.xn_count - 1)
                elif style.alignment == TA_CENTER:
                    x += extra / 2
                elif style.alignment == TA_RIGHT:
                    x += extra
                text.setTextOrigin(x, y)
                text.setCharSpace(space)
                for word in line.words:
                    if not word.text:
                        continue
                    text.setFont(word.fontName, word.fontSize, style.leading)
                    text.setFillColor(word.textColor)
                    text.setRise(getattr(word, "rise", 0) or 0)
                    text.textOut(word.text)
                y -= style.leading
            text.setCharSpace(0)
            canvas.drawText(text)
            canvas.restoreState()
            return None

    return Paragraph


_PARAGRAPH = None


def __getattr__(name: str):
    """``pdf.Paragraph``: built on first use, so importing this module does not import reportlab."""
    global _PARAGRAPH
    if name == "Paragraph":
        if _PARAGRAPH is None:
            _PARAGRAPH = _paragraph_class()
        return _PARAGRAPH
    raise AttributeError(name)


def paragraph(text: str, style):
    """A 避头尾 paragraph of plain ``text`` (escaped here: no markup)."""
    from xml.sax.saxutils import escape

    return __getattr__("Paragraph")(escape(text), style)


def _page_number(canvas, doc) -> None:
    """"— N —" in 四号 at the outer side: right on odd pages, left on even ones, one character in."""
    canvas.saveState()
    canvas.setFont(register_fonts()["song"], PAGE_NUMBER_SIZE)
    text = f"— {doc.page} —"
    if doc.page % 2:
        canvas.drawRightString(LEFT + BLOCK_WIDTH - PAGE_NUMBER_SIZE, PAGE_NUMBER_Y, text)
    else:
        canvas.drawString(LEFT + PAGE_NUMBER_SIZE, PAGE_NUMBER_Y, text)
    canvas.restoreState()


def build(target, flowables: list, *, title: str, author: str = "", page_numbers: bool = True) -> None:
    """Lay the flowables out on GB/T 9704 pages into ``target`` (a path or a binary file object)."""
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    fonts = register_fonts()
    doc = BaseDocTemplate(target, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), leftMargin=LEFT,
                          rightMargin=PAGE_WIDTH - LEFT - BLOCK_WIDTH, topMargin=TOP, bottomMargin=BOTTOM,
                          title=title, author=author, creator="机关效能管理系统", initialFontName=fonts["fang"])
    block = Frame(LEFT, BOTTOM, BLOCK_WIDTH, BLOCK_HEIGHT, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id="block")
    decorate = _page_number if page_numbers else (lambda canvas, doc: None)
    doc.addPageTemplates([PageTemplate("page", frames=[block], onPage=decorate)])
    doc.build(flowables)


def grid_table(rows: list[list], col_widths: list[float], *, header_rows: int = 0, style: list | None = None):
    """A ruled table; header rows repeat on every page the table runs onto."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    table = Table(rows, colWidths=col_widths, repeatRows=header_rows)
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), register_fonts()["fang"]),  # never Helvetica: it is not embedded
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
