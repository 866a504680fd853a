"""Single-record forms, one page each: 电话记录单 (a call, for a leader to sign — seed 003 §(一))."""

from __future__ import annotations

import datetime as dt
import io
from xml.sax.saxutils import escape

from xiaoneng_desktop.core import settings
from xiaoneng_desktop.duty.models import Call
from xiaoneng_desktop.reports import pdf

MM = pdf.MM
#: A form is not a 公文: the text block keeps the 公文 width and left edge, but runs from 25 mm below the
#: top edge to 20 mm above the bottom one, so a 处理笺 has room for its boxes.
FORM_TOP, FORM_BOTTOM = 25 * MM, 20 * MM
#: The least height of a box for handwriting (拟办意见, 领导批示, 办理结果, 签发 …).
BOX_HEIGHT = 37 * MM
#: What a hand fills in: 签字：＿＿＿＿ 日期：＿＿年＿＿月＿＿日
SIGN = "签字：＿＿＿＿＿＿　日期：＿＿＿＿年＿＿月＿＿日"


def _when(value) -> str:
    """2026年10月9日 08:45"""
    return f"{_day(value)}\u00a0{value:%H:%M}" if value else ""


def _para(text: str, style):
    """Plain text in a form's cell: Chinese lines broken by the PDF's own 避头尾 rule (no closing mark
    starts a line, none hangs past the ruled box)."""
    from xiaoneng_desktop.reports import pdf

    return pdf.Paragraph(escape(text or "").replace("\n", "<br/>"), style)


def _nowrap(text: str, style):
    """A paragraph that never breaks inside (labels, dates): its column is sized to hold it."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    one_line = ParagraphStyle(f"{style.name}_nowrap", parent=style, wordWrap=None)
    return Paragraph(escape(text or "").replace(" ", "&nbsp;").replace("\u00a0", "&nbsp;"), one_line)


# --- 电话记录单 ---------------------------------------------------------------------------------------

def phone_record(call: Call) -> bytes:
    """电话记录单 of one call as PDF bytes: every field of the register; boxes for the 领导批示 and the
    办理结果 (what is recorded, then room to write and 签字/日期 lines); 值班员 and 接收人 sign at the foot."""

    status = "已作废（" + call.void_reason + "）" if call.voided_at else ("已办结" if call.closed_at else "在办")
    leader = call.shift.leader_name if call.shift_id and call.shift else ""

    def flowables(compact: bool) -> list:
        from reportlab.platypus import Spacer

        c = _Cells(compact)
        width = pdf.BLOCK_WIDTH
        labels = ("来电时间", "来电方式", "来电单位", "来电人", "联系电话", "事项类别", "内容摘要", "交办对象",
                  "办理时限", "值班员", "带班领导", "办理状态", "领导批示", "办理结果")
        lw = _fit(labels, c.bold)
        dates = [_when(call.received_at), _when(call.deadline)]
        vw = max(_fit(dates, c.cell), (width - 2 * lw) / 2)
        widths = [lw, vw, lw, width - 2 * lw - vw]
        L, V, D = c.label, c.value, c.date
        rows = [
            [L("来电时间"), D(_when(call.received_at)), L("来电方式"), V(call.channel)],
            [L("来电单位"), V(call.caller_unit), L("来电人"), V(call.caller)],
            [L("联系电话"), V(call.phone), L("事项类别"), V(call.category)],
            [L("内容摘要"), c.long(call.summary), "", ""],
            [L("交办对象"), V(call.assignee_name), L("办理时限"), D(_when(call.deadline))],
            [L("值班员"), V(call.officer_name), L("带班领导"), V(leader)],
            [L("办理状态"), V(status), "", ""],
        ]
        spans = [("SPAN", (1, r), (3, r)) for r, row in enumerate(rows) if row[2] == ""]
        facts = pdf.grid_table(rows, widths, style=spans + c.padding)
        instruction = []
        if call.instruction:
            instruction.append((call.instruction, call.instruction_by, None))
        result = []
        if call.feedback or call.closed_at:
            result.append((call.feedback, call.closed_by, call.closed_at))
        box_height = BOX_HEIGHT * (1.1 if compact else 1.45)
        out = _title_flowables(settings.get("office.name"), "电话记录单", c, compact)
        out += [_number_line(f"编号：值〔{call.received_at:%Y}〕{call.id}号", c), facts,
                _box("领导批示", instruction, c, width, lw, box_height),
                _box("办理结果", result, c, width, lw, box_height),
                Spacer(1, 10 if compact else 16),
                _signer("值班员", call.officer_name, c), Spacer(1, 6 if compact else 10),
                _signer("接收人", call.assignee_name, c)]
        return out

    return _render(flowables, f"电话记录单 {call.received_at:%Y-%m-%d %H:%M}")


# --- shared by the forms below ---------------------------------------------------------------------

def _day(value) -> str:
    """2026年10月9日 — the one date style of the forms."""
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def _page_count(data: bytes) -> int:
    import re

    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def _compact(style, size: float = 10.5, leading: float = 14):
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(f"{style.name}_compact", parent=style, fontSize=size, leading=leading)


def _build(flowables: list, title: str, running_head: str, numbered: bool) -> bytes:
    """pdf.build's GB/T 9704 page, plus — on a second page — the form's name and number above the text
    block, so that a loose sheet is known."""
    from reportlab.platypus import SimpleDocTemplate

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=(pdf.PAGE_WIDTH, pdf.PAGE_HEIGHT), leftMargin=pdf.LEFT,
                            rightMargin=pdf.PAGE_WIDTH - pdf.LEFT - pdf.BLOCK_WIDTH, topMargin=FORM_TOP,
                            bottomMargin=FORM_BOTTOM, title=title, creator="机关效能管理系统")

    def first(canvas, doc) -> None:
        if numbered:  # "— N —" under the text block
            canvas.saveState()
            canvas.setFont(pdf.styles().fonts["song"], 12)
            canvas.drawCentredString(pdf.PAGE_WIDTH / 2, FORM_BOTTOM - 12 * MM / 2 - 6, f"— {doc.page} —")
            canvas.restoreState()

    def later(canvas, doc) -> None:
        first(canvas, doc)
        canvas.saveState()
        canvas.setFont(pdf.styles().fonts["song"], 10.5)
        y = pdf.PAGE_HEIGHT - FORM_TOP + 12
        canvas.drawString(pdf.LEFT, y, running_head)
        canvas.setLineWidth(0.6)
        canvas.line(pdf.LEFT, y - 5, pdf.LEFT + pdf.BLOCK_WIDTH, y - 5)
        canvas.restoreState()

    doc.build(flowables, onFirstPage=first, onLaterPages=later)
    return buffer.getvalue()


def _render(flowables_for, title: str, running_head: str = "", levels: tuple = (False, True)) -> bytes:
    """Build the form; ``flowables_for(level)`` is asked again with the next, tighter level (False, True
    or the form's own) while the layout does not fit on one page. A form still longer than a page keeps
    the last level, its pages are numbered and the later ones carry ``running_head`` (its tables repeat
    their header rows)."""
    running_head = running_head or f"{title}（续）"
    for level in levels:
        data = _build(flowables_for(level), title, running_head, numbered=False)
        if _page_count(data) <= 1:
            return data
    return _build(flowables_for(levels[-1]), title, running_head, numbered=True)


def _roomy(table, rows: list, labels: tuple[str, ...], height: float) -> None:
    """Rows for these labels get at least ``height`` when their text is short — room on paper to add
    by hand; a long text keeps its own height (never cut)."""
    for r, row in enumerate(rows):
        label, value = getattr(row[0], "text", ""), getattr(row[1], "text", "")
        if label in labels and len(value) < 40:
            table._argH[r] = height


class _Cells:
    """Label and value paragraphs in the normal or the compact size."""

    def __init__(self, compact: bool):
        from reportlab.lib.enums import TA_CENTER
        from reportlab.lib.styles import ParagraphStyle

        self.s = pdf.styles()
        self.compact = compact
        self.cell = _compact(self.s.cell) if compact else self.s.cell
        self.bold = _compact(self.s.cell_bold) if compact else self.s.cell_bold
        self.small = _compact(self.s.cell, 10, 13) if compact else _compact(self.s.cell, 11, 15)
        self.head = ParagraphStyle("cell_head", parent=self.bold, alignment=TA_CENTER)
        self.center = ParagraphStyle("cell_center", parent=self.cell, alignment=TA_CENTER)
        #: Table style commands: tighter rows in the compact layout.
        self.padding = [("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)] if compact else []

    def label(self, text: str):
        """A label: always one line (its column is sized from the widest label)."""
        return _nowrap(text, self.bold)

    def date(self, text: str):
        """A date or time: never broken across lines."""
        return _nowrap(text, self.cell)

    def value(self, text) -> object:
        return _para("" if text is None else str(text), self.cell)

    def long(self, text: str):
        """A long opinion: a smaller size once it runs past a few lines, never cut."""
        style = self.small if len(text or "") > 90 else self.cell
        return _para(text, style)

    def header(self, text: str):
        return _para(text, self.head)



def _fit(texts, style, minimum: float = 0) -> float:
    """The column width that keeps the widest of these one-line texts on one line (cell padding included)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    widest = max((stringWidth((t or "").replace("\u00a0", " "), style.fontName, style.fontSize) for t in texts),
                 default=0)
    return max(minimum, widest + 10)


def _title_flowables(office: str, name: str, c: _Cells, compact: bool) -> list:
    """The office and the form's name, centred in the title type (小标宋 where the system has it)."""
    from reportlab.lib.styles import ParagraphStyle

    size = 18 if compact else 20
    style = ParagraphStyle("form_title", parent=c.s.title, fontSize=size, leading=size * 1.35,
                           spaceAfter=4 if compact else 8)
    return [_para(office, style), _para(name, style)]


def _number_line(text: str, c: _Cells):
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    style = ParagraphStyle("form_number", parent=c.cell, alignment=TA_RIGHT, spaceAfter=3)
    return _nowrap(text, style)


def _sign_markup(c: _Cells):
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    return _nowrap(SIGN, ParagraphStyle("form_sign", parent=c.cell, alignment=TA_RIGHT))


def _entry(text: str, who: str, when, c: _Cells) -> list:
    """One thing recorded in a box: the text, then "—— who　date" on the right."""
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    out = [c.long(text)] if text else []
    signed = "　".join(x for x in (who, _short(when) if isinstance(when, dt.datetime) else _day(when)) if x)
    if signed:
        out.append(_nowrap(f"—— {signed}", ParagraphStyle("form_signed", parent=c.cell, alignment=TA_RIGHT)))
    return out


def _box(label: str, entries: list, c: _Cells, width: float, label_width: float, height: float):
    """A box for handwriting: the label on the left; what is recorded (text, who, when) at the top; free
    room; the 签字/日期 line at its foot. At least ``height`` high, taller when the text needs it; never
    split across pages."""
    from reportlab.lib import colors
    from reportlab.platypus import KeepTogether, Table, TableStyle

    content = [part for text, who, when in entries for part in _entry(text, who, when, c)]
    inner = width - label_width - 8
    pad = 3 if c.compact else 5
    natural = sum(p.wrap(inner, 10_000)[1] for p in content) + 2 * pad
    sign = _sign_markup(c)
    sign_height = sign.wrap(inner, 10_000)[1] + 2 * pad + 2
    rows = [[c.label(label), content or ""], ["", sign]]
    table = Table(rows, colWidths=[label_width, width - label_width],
                  rowHeights=[max(natural, height - sign_height), sign_height])
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
        ("LINEAFTER", (0, 0), (0, -1), 0.6, colors.black),
        ("SPAN", (0, 0), (0, 1)),
        ("VALIGN", (0, 0), (0, 1), "MIDDLE"),
        ("VALIGN", (1, 0), (1, 0), "TOP"),
        ("VALIGN", (1, 1), (1, 1), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    return KeepTogether([table])


def _signer(role: str, name: str, c: _Cells):
    """值班员：王值班　签字：＿＿＿＿　日期：＿＿年＿＿月＿＿日 — a signature line under the form."""
    return _nowrap(f"{role}：{name}　　{SIGN}" if name else f"{role}　　{SIGN}", c.cell)


# --- 文件处理单 ---------------------------------------------------------------------------------------


def _due(value) -> str:
    """A deadline: the day alone when it is the end of the day (the usual case)."""
    if value and (value.hour, value.minute) == (23, 59):
        return f"{value.month}月{value.day}日"
    return _short(value)


def _short(value) -> str:
    """10月9日 09:00 — the year stands in the slip's header."""
    return f"{value.month}月{value.day}日\u00a0{value:%H:%M}" if value else ""


def _widths(total: float, fixed: list[float | None], flexible: list[float]) -> list[float]:
    """Column widths: the fixed ones as given (None: flexible), the flexible ones at least their own
    fitted width, sharing what is left equally."""
    left = total - sum(w for w in fixed if w is not None) - sum(flexible)
    share = max(0.0, left) / max(1, len(flexible))
    extra = iter(w + share for w in flexible)
    return [w if w is not None else next(extra) for w in fixed]


def _band(rows: list, widths: list[float], c: _Cells):
    """A ruled band of the slip; stacked bands share their rules."""
    spans = []
    for r, row in enumerate(rows):
        if len(row) > 2 and row[2] == "":
            end = next((i - 1 for i in range(2, len(row)) if row[i] != ""), len(row) - 1)
            spans.append(("SPAN", (1, r), (end, r)))
    return pdf.grid_table(rows, widths, style=spans + c.padding)


def _history(urgings: list, extensions: list, c: _Cells, width: float, small: bool) -> list:
    """催办 and 延期 in one compact table, in time order: when, what, who, how it went."""
    from reportlab.lib.styles import ParagraphStyle

    if not urgings and not extensions:
        return []
    size, leading = (9, 11) if small else (10.5, 14)
    cell = ParagraphStyle("history", parent=c.s.cell, fontSize=size, leading=leading)
    head = ParagraphStyle("history_head", parent=c.s.cell_bold, fontSize=size, leading=leading)
    state = {None: "待批准", True: "已批准", False: "未同意"}
    items = []
    for u in urgings:
        target = f"{u.holder}（{u.step}）" if u.step else u.holder
        text = f"催{target}" + (f"；答复：{u.answer}" if u.answer else "")
        items.append((u.urged_at, f"{u.way}催办", u.urged_by, text))
    for x in extensions:
        decided = state[x.approved]
        if x.decided_by:
            decided += f"（{x.decided_by}" + (f" {_day(x.decided_at)}）" if x.decided_at else "）")
        text = f"原时限{_day(x.old_deadline)}，申请延至{_day(x.new_deadline)}；理由：{x.reason}；{decided}"
        items.append((x.asked_at, "申请延期", x.asked_by, text))
    items.sort(key=lambda item: item[0])
    rows = [[_nowrap(t, head) for t in ("时间", "事项", "经办人", "情况")]]
    rows += [[_nowrap(_short(when), cell), _nowrap(what, cell), _para(who, cell), _para(text, cell)]
             for when, what, who, text in items]
    fixed = [_fit(["12月30日 23:59", "时间"], cell), _fit(["申请延期"], cell),
             min(_fit([i[2] for i in items] + ["经办人"], cell) + size, width * 0.18), None]  # + the kept room
    pad = [("TOPPADDING", (0, 0), (-1, -1), 1 if small else 2),
           ("BOTTOMPADDING", (0, 0), (-1, -1), 2 if small else 3)]
    title = ParagraphStyle("history_title", parent=head, spaceBefore=4 if small else 8, spaceAfter=2, keepWithNext=1)
    return [_para("催办、延期记录", title),
            pdf.grid_table(rows, _widths(width, fixed, [0]), header_rows=1, style=pad)]


def _entries(steps: list, *names: str) -> list:
    return [(x.opinion, x.who, x.done_at) for x in steps if x.step in names]


def _status(doc) -> str:
    if doc.voided_at is not None:
        return f"已作废（{doc.void_reason}）"
    if doc.step:
        return f"在办，待{doc.step}（{doc.holder}）"
    return doc.status


def document_slip(document) -> bytes:
    """文件处理单 of one document as PDF bytes: for a 收文 the 文件处理笺 a 县政府办公室 clips to it — its
    particulars in ruled boxes, large boxes for the handwritten 拟办意见, 领导批示 and 办理结果 (each with
    what is recorded and 签字/日期 lines), 承办 and 传阅; for a 发文 the 发文稿纸 with 签发, 会签, 核稿,
    拟稿 and 编号. The urgings and extensions, if any, in a compact table at the foot.

    One page: the history shrinks first, then the rest of the slip; the boxes are never split. A
    document with very many urgings continues on a second page, numbered, with a running head."""
    from xiaoneng_desktop.documents import service as documents_service

    doc = document
    steps = documents_service.steps(doc.id)
    urgings = documents_service.urgings(doc.id)
    extensions = documents_service.extensions(doc.id)
    office = settings.get("office.name")
    number = doc.number or "（待编号）"
    incoming = doc.direction == "收文"
    waiting = bool(doc.step) and doc.voided_at is None

    def pending(*names: str) -> list:
        """The step waiting, shown in its own box: who holds it and by when."""
        if not waiting or doc.step not in names:
            return []
        due = f"，时限{_due(doc.due)}" if doc.due else ""
        return [(f"待{doc.step}：{doc.holder}{due}", "", None)]

    def flowables(level: int) -> list:
        from reportlab.platypus import Spacer

        c = _Cells(level >= 2)
        width = pdf.BLOCK_WIDTH
        L, V, D = c.label, c.value, c.date
        labels = ["来文单位", "来文字号", "收文编号", "收文日期", "拟稿单位", "拟稿日期", "发文字号", "办理时限",
                  "拟办意见", "领导批示", "办理结果", "办理状态", "签收登记"]
        lw = _fit(labels, c.bold)
        half = (width - 2 * lw) / 2

        def exact(text: str):
            """As printed (a 文号): on one line when it fits."""
            return D(text) if _fit([text], c.cell) <= half else V(text)

        secrecy = doc.secrecy + (f"（{doc.secrecy_term}）" if doc.secrecy_term and doc.secrecy != "无" else "")
        small_labels = ("文种", "密级", "紧急程度", "份数")
        values = (doc.kind, secrecy, doc.urgency, f"{doc.copies}份")
        grid = [lw] + [None, _fit([small_labels[1]], c.bold), None, _fit([small_labels[2]], c.bold), None,
                       _fit([small_labels[3]], c.bold), None]
        particulars = _band([[x for pair in zip(map(L, small_labels), map(V, values), strict=True) for x in pair]],
                            _widths(width, grid, [_fit([v], c.cell) for v in values]), c)
        title_band = _band([[L("标题"), V(doc.title)]], [lw, width - lw], c)
        four = [lw, half, lw, half]
        box = BOX_HEIGHT
        out = _title_flowables(office, "文件处理笺" if incoming else "发文稿纸", c, level >= 2)
        if incoming:
            registered = _entries(steps, "签收登记")
            signed_in = "；".join(" ".join(x for x in (who, _short(when), text) if x) for text, who, when in registered)
            out += [
                _band([[L("来文单位"), V(doc.unit), L("来文字号"), exact(doc.doc_number)],
                       [L("收文编号"), D(number), L("收文日期"), D(_day(doc.start_date))]], four, c),
                particulars, title_band,
                _band([[L("签收登记"), V(signed_in or doc.registrar), "", ""]], four, c),
                _box("拟办意见", _entries(steps, "拟办") + pending("拟办"), c, width, lw, box),
                _box("领导批示", _entries(steps, "批办") + pending("批办"), c, width, lw, box),
                _band([[L("承办"), V("；".join(x for x in (f"主办：{doc.lead}" if doc.lead else "",
                                                           f"协办：{doc.assist}" if doc.assist else "") if x) or "—"),
                        L("办理时限"), D(_day(doc.deadline))]],
                      _widths(width, [lw, None, lw, _fit([_day(doc.deadline)], c.cell)], [0]), c),
                _box("办理结果", _entries(steps, "承办", "办结") + pending("承办", "办结"), c, width, lw, box),
            ]
            read = "；".join(" ".join(x for x in (who, _short(when), text) if x)
                            for text, who, when in _entries(steps, "传阅"))
            if doc.circulate_to or read:
                out.append(_band([[L("传阅"), V(doc.circulate_to + (f"（{read}）" if read else ""))]],
                                 [lw, width - lw], c))
        else:
            drafted = _entries(steps, "拟稿")
            drafter = drafted[0][1] if drafted else doc.registrar
            numbered = _entries(steps, "编号")
            out += [
                _box("签发", _entries(steps, "签发") + pending("签发"), c, width, lw, box),
                _box("会签", ([(f"会签单位：{doc.cosign_units}", "", None)] if doc.cosign_units else
                             [("无需会签", "", None)]) + _entries(steps, "会签") + pending("会签"),
                     c, width, lw, box * 0.7),
                _box("核稿", _entries(steps, "核稿") + pending("核稿"), c, width, lw, box * 0.7),
                _band([[L("拟稿单位"), V(doc.unit), L("拟稿人"), V(drafter)],
                       [L("拟稿日期"), D(_day(doc.start_date)), L("办理时限"), D(_day(doc.deadline))]], four, c),
                particulars, title_band,
                _box("拟稿", drafted + pending("拟稿"), c, width, lw, box * 0.5),
                _box("编号", [(f"发文字号：{number}", "", None)] + numbered
                     + pending("编号"), c, width, lw, 0),
            ]
            printed = _entries(steps, "印发")
            if printed or pending("印发"):
                text = "；".join(" ".join(x for x in (who, _short(when), t) if x) for t, who, when in printed)
                out.append(_band([[L("印发"), V(text or pending("印发")[0][0])]], [lw, width - lw], c))
        archived = _entries(steps, "归档")
        state = _status(doc) + ("；" + "，".join(f"{who} {_day(when)}归档" for _t, who, when in archived)
                                if archived else "")
        out.append(_band([[L("办理状态"), V(state)]], [lw, width - lw], c))
        out += _history(urgings, extensions, c, width, small=level >= 1)
        if doc.voided_at is not None:
            out += [Spacer(1, 6), _para(f"本文件已于{_day(doc.voided_at)}作废：{doc.void_reason}", c.s.note)]
        return out

    name = "文件处理笺" if incoming else "发文稿纸"
    return _render(flowables, f"{name} {number}", f"{name}（续）　{doc.direction} {number}　{doc.title}",
                   levels=(0, 1, 2))


# --- 来访登记表 ---------------------------------------------------------------------------------------

def visit_form(visit) -> bytes:
    """来访登记表 of one visit as PDF bytes: every field (the 身份证号 in full only for a role allowed to
    see it, else masked), the handling, the answer, the visitor's satisfaction and lines for both
    signatures."""
    from xiaoneng_desktop.visitors import service as visitors_service

    office = settings.get("office.name")
    id_text = visitors_service.id_display(visit)
    group = visitors_service.is_group(visit)
    persons = f"{visit.persons}人" + ("（集体访）" if group else "")
    decision = visit.decision or "待受理"
    if visit.decided_at:
        decision += f"（{_day(visit.decided_at)}）"
    referral = visit.referred_to
    if visit.referred_at:
        referral += f"（{_day(visit.referred_at)}转办"
        referral += f"，限{_day(visit.referral_due)}办结）" if visit.referral_due else "）"
    deadline = _day(visit.deadline)
    if visit.extended_days:
        deadline += f"（已延期{visit.extended_days}天：{visit.extension_reason}）"
    follow = _when(visit.followed_up_at)
    status = visitors_service.status_text(visit)
    if visit.voided_at is not None:
        status = f"已作废（{visit.void_reason}）"

    def flowables(compact: bool) -> list:
        from reportlab.platypus import Spacer

        c = _Cells(compact)
        width = pdf.BLOCK_WIDTH
        rows = [
            [c.label("来访时间"), c.date(_when(visit.visited_at)), c.label("来访人数"), c.value(persons)],
            [c.label("姓名" if not group else "代表姓名"), c.value(visit.name), c.label("身份证号"), c.value(id_text)],
            [c.label("联系电话"), c.value(visit.phone), c.label("问题类别"), c.value(visit.category)],
            [c.label("单位或住址"), c.value(visit.address), c.label("信访目的"), c.value(visit.purpose or "—")],
            [c.label("来访事由"), c.long(visit.matter), "", ""],
            [c.label("首问责任人"), c.value(visit.first_responder), c.label("接待领导"), c.value(visit.leader_name)],
            [c.label("受理情况"), c.value(decision), c.label("告知时限"), c.date(_day(visit.acceptance_due))],
        ]
        if visit.decision_reason:
            rows.append([c.label("不予受理理由" if visit.decision == "不予受理" else "受理说明"),
                         c.long(visit.decision_reason), "", ""])
        rows += [
            [c.label("转办单位"), c.value(referral), "", ""],
            [c.label("办理时限"), c.value(deadline), "", ""],
            [c.label("答复意见"), c.long(visit.reply), "", ""],
            [c.label("办理结果"), c.long(visit.result), "", ""],
            [c.label("答复时间"), c.date(_when(visit.closed_at)), c.label("答复人"), c.value(visit.closed_by)],
            [c.label("满意度"), c.value(visit.satisfaction), c.label("回访时间"), c.date(follow)],
            [c.label("回访情况"), c.long(visit.follow_up_note), "", ""],
            [c.label("办理状态"), c.value(status), "", ""],
        ]
        spans = [("SPAN", (1, r), (3, r)) for r, row in enumerate(rows) if row[2] == ""]
        lw = _fit([row[0].text for row in rows] + [row[2].text for row in rows if row[2] != ""], c.bold)
        half = (width - 2 * lw) / 2
        table = pdf.grid_table(rows, [lw, half, lw, half], style=spans + c.padding)
        _roomy(table, rows, ("来访事由", "答复意见", "办理结果"), 40 if compact else 52)
        out = _title_flowables(office, "来访登记表", c, compact)
        out += [_number_line(f"编号：访〔{visit.visited_at:%Y}〕{visit.id}号", c), table,
                Spacer(1, 14 if compact else 22), _signer("来访人", visit.name, c),
                Spacer(1, 6 if compact else 10), _signer("接待人", visit.first_responder, c)]
        return out

    return _render(flowables, f"来访登记表 {visit.name} {visit.visited_at:%Y-%m-%d}")


# --- 整改通知/销号单 ----------------------------------------------------------------------------------

def rectification_notice(problem) -> bytes:
    """整改通知/销号单 of one problem as PDF bytes: what was found where, why, what will be done by whom
    and when, the progress, and the 销号 part — filled in once verified, else lines to fill by hand."""
    from xiaoneng_desktop.inspection import service as inspection_service

    office = settings.get("office.name")
    notes = inspection_service.notes(problem.id)
    campaign = problem.campaign
    deadline = _day(problem.deadline) if problem.deadline else "短期内不能解决，暂不设时限"
    status = problem.status
    if problem.voided_at is not None:
        status = f"已作废（{problem.void_reason}）"
    elif inspection_service.is_overdue(problem):
        status += "（已超期）"
    progress = "\n".join(f"{_day(n.on)}　{n.text}" + (f"（{n.by}）" if n.by else "") for n in notes)

    def flowables(compact: bool) -> list:
        from reportlab.lib import colors
        from reportlab.platypus import Spacer

        c = _Cells(compact)
        width = pdf.BLOCK_WIDTH
        rows = [
            [c.header("一、整改通知"), "", "", ""],
            [c.label("自查活动"), c.value(campaign.name), "", ""],
            [c.label("检查项目"), c.value(problem.item.name), c.label("发现日期"), c.date(_day(problem.found_on))],
        ]
        if problem.point_id and problem.point:
            rows.append([c.label("检查点"), c.value(problem.point.text), "", ""])
        rows += [
            [c.label("涉及人员"), c.value(problem.participant.name if problem.participant_id and problem.participant
                                       else ""),
             c.label("责任人"), c.value(problem.responsible_name)],
            [c.label("问题描述"), c.long(problem.description), "", ""],
            [c.label("原因分析"), c.long(problem.cause), "", ""],
            [c.label("整改措施"), c.long(problem.measure), "", ""],
            [c.label("整改类型"), c.value(problem.kind), c.label("整改时限"),
             c.date(deadline) if problem.deadline else c.value(deadline)],
        ]
        if problem.explanation or problem.kind == "短期内不能解决":
            rows.append([c.label("情况说明"), c.long(problem.explanation), "", ""])
        rows += [
            [c.label("整改进展"), c.long(progress or "（暂无）"), "", ""],
            [c.label("完成时间"), c.date(_when(problem.completed_at)), c.label("当前状态"), c.value(status)],
            [c.header("二、销号验收"), "", "", ""],
        ]
        sign_row = None
        if problem.verified_at is not None:
            rows += [
                [c.label("验收人"), c.value(problem.verified_by), c.label("销号时间"), c.date(_when(problem.verified_at))],
                [c.label("验收情况"), c.long(problem.verification), "", ""],
            ]
        else:
            rows += [
                [c.label("验收人"), c.value(""), c.label("销号时间"), c.date("＿＿＿＿年＿＿月＿＿日")],
                [c.label("验收情况"), c.value(""), "", ""],
            ]
            sign_row = len(rows) - 1
        spans = [("SPAN", (1, r), (3, r)) for r, row in enumerate(rows) if row[2] == "" and row[1] != ""]
        spans += [("SPAN", (0, r), (3, r)) for r, row in enumerate(rows) if row[1] == ""]
        spans += [("BACKGROUND", (0, r), (3, r), colors.HexColor("#eeeeee")) for r, row in enumerate(rows)
                  if row[1] == ""]
        lw = _fit([row[0].text for row in rows if row[1] != ""] + [row[2].text for row in rows if row[2] != ""],
                  c.bold)
        half = (width - 2 * lw) / 2
        table = pdf.grid_table(rows, [lw, half, lw, half], style=spans + c.padding)
        _roomy(table, rows, ("问题描述", "原因分析", "整改措施", "整改进展"), 36 if compact else 46)
        if sign_row is not None:
            table._argH[sign_row] = 70 if compact else 96  # what the verifier saw, written by hand
        year = problem.found_on.year
        out = _title_flowables(office, "整改通知/销号单", c, compact)
        out += [_number_line(f"编号：整改〔{year}〕{problem.id}号", c), table, Spacer(1, 14 if compact else 20),
                _signer("责任人（签收）", problem.responsible_name, c)]
        if problem.verified_at is None:
            out += [Spacer(1, 6 if compact else 10), _signer("验收人", "", c)]
        return out

    return _render(flowables, f"整改通知销号单 {problem.id}")
