"""Single-record forms, one page each: 电话记录单 (a call, for a leader to sign — seed 003 §(一))."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from xiaoneng_desktop.core import settings
from xiaoneng_desktop.duty.models import Call
from xiaoneng_desktop.reports import pdf


def _when(value) -> str:
    return f"{value:%Y年%m月%d日 %H:%M}" if value else ""


def _para(text: str, style):
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text or "").replace("\n", "<br/>"), style)


def _signature(call: Call, style):
    """The instruction as given, then room for a leader to sign by hand on the printed form."""
    from reportlab.platypus import Paragraph

    text = escape(call.instruction or "").replace("\n", "<br/>")
    if call.instruction_by:
        text += f"<br/>—— {escape(call.instruction_by)}"
    gap = "&nbsp;" * 6
    return Paragraph(f"{text}<br/><br/><br/><br/>签批：{gap * 3}{gap}年{gap}月{gap}日", style)


def phone_record(call: Call) -> bytes:
    """电话记录单 of one call as PDF bytes: every field of the register, room for the leader's signature."""
    from reportlab.platypus import Spacer

    s = pdf.styles()
    label = lambda text: _para(text, s.cell_bold)  # noqa: E731
    value = lambda text: _para(text, s.cell)  # noqa: E731
    width = pdf.BLOCK_WIDTH
    widths = [width * 0.16, width * 0.34, width * 0.16, width * 0.34]
    status = "已作废（" + call.void_reason + "）" if call.voided_at else ("已办结" if call.closed_at else "在办")
    rows = [
        [label("来电时间"), value(_when(call.received_at)), label("来电方式"), value(call.channel)],
        [label("来电单位"), value(call.caller_unit), label("来电人"), value(call.caller)],
        [label("联系电话"), value(call.phone), label("事项类别"), value(call.category)],
        [label("内容摘要"), value(call.summary), "", ""],
        [label("交办对象"), value(call.assignee_name), label("办理时限"), value(_when(call.deadline))],
        [label("领导批示"), _signature(call, s.cell), "", ""],
        [label("办理情况"), value(call.feedback), "", ""],
        [label("办结时间"), value(_when(call.closed_at)), label("办理状态"), value(status)],
        [label("值班员"), value(call.officer_name), label("带班领导"),
         value(call.shift.leader_name if call.shift_id and call.shift else "")],
    ]
    spans = [("SPAN", (1, r), (3, r)) for r in (3, 5, 6)]
    table = pdf.grid_table(rows, widths, style=spans)
    office = settings.get("office.name")
    flowables = [
        _para(f"{office}", s.subtitle),
        _para("电话记录单", s.title),
        _para(f"编号：值〔{call.received_at:%Y}〕{call.id}号", s.note),
        Spacer(1, 6),
        table,
    ]
    buffer = io.BytesIO()
    pdf.build(buffer, flowables, title=f"电话记录单 {call.received_at:%Y-%m-%d %H:%M}", page_numbers=False)
    return buffer.getvalue()


# --- shared by the forms below ---------------------------------------------------------------------

def _day(value) -> str:
    return f"{value:%Y年%m月%d日}" if value else ""


def _page_count(data: bytes) -> int:
    import re

    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def _compact(style, size: float = 10.5, leading: float = 14):
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(f"{style.name}_compact", parent=style, fontSize=size, leading=leading)


def _blank(width_chars: int = 6) -> str:
    return "&nbsp;" * width_chars


def _sign_line(label: str, style) -> object:
    """签名：______　　年　月　日 — for a signature by hand."""
    from reportlab.platypus import Paragraph

    gap = _blank(6)
    return Paragraph(f"{escape(label)}：<u>{_blank(28)}</u>{gap}{gap}年{gap}月{gap}日", style)


def _build(flowables: list, title: str, running_head: str, numbered: bool) -> bytes:
    """pdf.build's GB/T 9704 page, plus — on a second page — the form's name and number above the text
    block, so that a loose sheet is known."""
    from reportlab.platypus import SimpleDocTemplate

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=(pdf.PAGE_WIDTH, pdf.PAGE_HEIGHT), leftMargin=pdf.LEFT,
                            rightMargin=pdf.PAGE_WIDTH - pdf.LEFT - pdf.BLOCK_WIDTH, topMargin=pdf.TOP,
                            bottomMargin=pdf.BOTTOM, title=title, creator="机关效能管理系统")

    def first(canvas, doc) -> None:
        if numbered:
            pdf._page_number(canvas, doc)

    def later(canvas, doc) -> None:
        first(canvas, doc)
        canvas.saveState()
        canvas.setFont(pdf.styles().fonts["song"], 10.5)
        y = pdf.PAGE_HEIGHT - pdf.TOP + 12
        canvas.drawString(pdf.LEFT, y, running_head)
        canvas.setLineWidth(0.6)
        canvas.line(pdf.LEFT, y - 5, pdf.LEFT + pdf.BLOCK_WIDTH, y - 5)
        canvas.restoreState()

    doc.build(flowables, onFirstPage=first, onLaterPages=later)
    return buffer.getvalue()


def _render(flowables_for, title: str, running_head: str = "") -> bytes:
    """Build the form; ``flowables_for(compact)`` is asked again with compact=True when the normal
    layout does not fit on one page. A form still longer than a page keeps the compact layout, its
    pages are numbered and the later ones carry ``running_head`` (its tables repeat their header rows)."""
    running_head = running_head or f"{title}（续）"
    data = _build(flowables_for(False), title, running_head, numbered=False)
    if _page_count(data) <= 1:
        return data
    data = _build(flowables_for(True), title, running_head, numbered=False)
    if _page_count(data) <= 1:
        return data
    return _build(flowables_for(True), title, running_head, numbered=True)


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
        return _para(text, self.bold)

    def value(self, text) -> object:
        return _para("" if text is None else str(text), self.cell)

    def long(self, text: str):
        """A long opinion: a smaller size once it runs past a few lines, never cut."""
        style = self.small if len(text or "") > 90 else self.cell
        return _para(text, style)

    def header(self, text: str):
        return _para(text, self.head)

    def raw(self, markup: str):
        from reportlab.platypus import Paragraph

        return Paragraph(markup, self.cell)


def _heading(text: str, s, compact: bool = False):
    from reportlab.lib.styles import ParagraphStyle

    style = ParagraphStyle("form_heading", parent=s.cell_bold, fontSize=12 if compact else 13,
                           leading=16 if compact else 20, spaceBefore=4 if compact else 8, spaceAfter=3,
                           keepWithNext=1)
    return _para(text, style)


def _head_flowables(office: str, title: str, number: str, s, compact: bool) -> list:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Spacer

    title_style = s.title if not compact else ParagraphStyle("title_compact", parent=s.title, spaceAfter=8)
    out = [_para(office, s.subtitle), _para(title, title_style)]
    if number:
        out.append(_para(number, s.note))
    return out + [Spacer(1, 4 if compact else 6)]


# --- 文件处理单 ---------------------------------------------------------------------------------------

def _fit(texts, style, minimum: float = 0) -> float:
    """The column width that keeps the widest of these one-line texts on one line (cell padding included)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    widest = max((stringWidth(t or "", style.fontName, style.fontSize) for t in texts), default=0)
    return max(minimum, widest + 10)


def _due(value) -> str:
    """A deadline: the day alone when it is the end of the day (the usual case)."""
    if value and (value.hour, value.minute) == (23, 59):
        return f"{value:%m月%d日}"
    return _short(value)


def _short(value) -> str:
    """10月09日 09:00 — the year stands in the slip's header."""
    return f"{value:%m月%d日 %H:%M}" if value else ""


def _document_facts(doc, c: _Cells, width: float):
    """The particulars in a six-column grid: label, value, label, value, label, value."""
    secrecy = doc.secrecy + (f"（{doc.secrecy_term}）" if doc.secrecy_term and doc.secrecy != "无" else "")
    if doc.voided_at is not None:
        status = f"已作废（{doc.void_reason}）"
    elif doc.step:
        status = f"在办，待{doc.step}（{doc.holder}）"
    else:
        status = doc.status
    L, V = c.label, c.value
    if doc.direction == "收文":
        rows = [
            [L("收文编号"), V(doc.number), L("收文日期"), V(_day(doc.start_date)), L("紧急程度"), V(doc.urgency)],
            [L("来文单位"), V(doc.unit), L("文号"), V(doc.doc_number), "", ""],
        ]
    else:
        rows = [
            [L("发文字号"), V(doc.number or "（待编号）"), L("拟稿日期"), V(_day(doc.start_date)), L("紧急程度"),
             V(doc.urgency)],
            [L("拟稿科室"), V(doc.unit), L("会签单位"), V(doc.cosign_units or "无"), "", ""],
        ]
    rows += [
        [L("标题"), V(doc.title), "", "", "", ""],
        [L("文种"), V(doc.kind), L("密级"), V(secrecy), L("份数"), V(f"{doc.copies}份")],
        [L("主办"), V(doc.lead or "—"), L("协办"), V(doc.assist or "—"), "", ""],
    ]
    if doc.direction == "收文" and doc.circulate_to:
        rows.append([L("传阅"), V(doc.circulate_to), "", "", "", ""])
    rows += [
        [L("办理时限"), V(_day(doc.deadline)), L("登记人"), V(doc.registrar), L("登记日期"),
         V(_day(doc.registered_at))],
        [L("办理状态"), V(status), "", "", "", ""],
    ]
    spans = []
    for r, row in enumerate(rows):
        if row[2] == "":
            spans.append(("SPAN", (1, r), (5, r)))
        elif row[4] == "":
            spans.append(("SPAN", (3, r), (5, r)))
    label, value = width * 0.12, width * (1 - 3 * 0.12) / 3
    return pdf.grid_table(rows, [label, value, label, value, label, value], style=spans + c.padding)


def document_slip(document) -> bytes:
    """文件处理单 of one document as PDF bytes: its particulars, then every step done with who, when and the
    opinion (拟办意见, 领导批示, 承办情况 …), the step waiting (room to write), the urgings and the extensions.

    One page: the compact layout (smaller type, tighter rows) is taken before anything moves on; a document
    with too many steps continues on a second page, where the routing table's header rows — with the
    document's number — repeat, and the pages are numbered."""
    from reportlab.lib import colors
    from reportlab.platypus import Spacer

    from xiaoneng_desktop.documents import service as documents_service

    doc = document
    steps = documents_service.steps(doc.id)
    urgings = documents_service.urgings(doc.id)
    extensions = documents_service.extensions(doc.id)
    office = settings.get("office.name")
    number = doc.number or "（待编号）"
    kind_word = "收文" if doc.direction == "收文" else "发文"
    waiting = bool(doc.step) and doc.voided_at is None

    def flowables(compact: bool) -> list:
        c = _Cells(compact)
        width = pdf.BLOCK_WIDTH
        small, cell = c.small, c.small  # the routing table is set a size smaller than the particulars
        # 环节 | 办理人 | 时间 | 意见 | 转交
        when_width = _fit(["10月09日 09:00（超时）" if any(x.deadline and x.done_at > x.deadline for x in steps)
                           else "10月09日 09:00"], small)
        fixed = [width * 0.11, width * 0.13, when_width, width * 0.14]
        widths = fixed[:3] + [width - sum(fixed)] + fixed[3:]
        log = [[c.header(f"办理过程　{kind_word} {number}"), "", "", "", ""],
               [c.header(t) for t in ("环节", "办理人", "办理时间", "意见", "转交")]]
        for step in steps:
            late = step.deadline is not None and step.done_at > step.deadline
            when = _short(step.done_at) + ("（超时）" if late else "")
            log.append([_para(step.step, cell), _para(step.who, cell), _para(when, small), c.long(step.opinion),
                        _para(step.handed_to, cell)])
        style = [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#eeeeee"))]
        if waiting:
            row = len(log)
            due = f"\n时限 {_due(doc.due)}" if doc.due else ""
            log.append([_para(doc.step, c.bold), _para(doc.holder, c.bold), _para(f"待办{due}", small), "", ""])
            style += [("SPAN", (3, row), (4, row)), ("VALIGN", (0, row), (-1, row), "TOP")]
        if len(log) == 2:
            log.append([c.value("（尚无办理记录）"), "", "", "", ""])
            style.append(("SPAN", (0, 2), (-1, 2)))
        table = pdf.grid_table(log, widths, header_rows=2, style=style + c.padding)
        if waiting:
            table._argH[-1] = 44 if compact else 60  # room to write the waiting step's opinion by hand
        out = _head_flowables(office, "文件处理单", "", c.s, compact)
        out += [_document_facts(doc, c, width), Spacer(1, 6 if compact else 10), table]
        if urgings:
            out.append(_heading("催办记录", c.s, compact))
            rows = [[c.header(t) for t in ("催办时间", "催办人", "方式", "被催办", "答复情况")]]
            rows += [[_para(_short(u.urged_at), small), _para(u.urged_by, cell), _para(u.way, cell),
                      _para(f"{u.holder}（{u.step}）" if u.step else u.holder, cell), c.long(u.answer)]
                     for u in urgings]
            holder = _fit([r[3].text for r in rows[1:]], cell, width * 0.12)
            fixed = [_fit(["10月09日 09:00"], small), _fit([u.urged_by for u in urgings], cell, width * 0.1),
                     _fit(["当面"], cell), min(holder, width * 0.22)]
            out.append(pdf.grid_table(rows, fixed + [width - sum(fixed)], header_rows=1, style=c.padding))
        if extensions:
            out.append(_heading("延期记录", c.s, compact))
            state = {None: "待批准", True: "已批准", False: "未同意"}
            rows = [[c.header(t) for t in ("申请日期", "申请人", "原时限", "延至", "理由", "审批")]]
            rows += [[_para(f"{x.asked_at:%Y-%m-%d}", small), _para(x.asked_by, cell),
                      _para(f"{x.old_deadline:%Y-%m-%d}", small), _para(f"{x.new_deadline:%Y-%m-%d}", small),
                      c.long(x.reason),
                      _para(state[x.approved] + (f"（{x.decided_by}）" if x.decided_by else ""), cell)]
                     for x in extensions]
            day = _fit(["2026-10-09"], small)
            fixed = [day, width * 0.12, day, day]
            decided = _fit([r[-1].text for r in rows[1:]], cell, width * 0.12)
            out.append(pdf.grid_table(rows, fixed + [width - sum(fixed) - decided, decided], header_rows=1,
                                      style=c.padding))
        if doc.voided_at is not None:
            out += [Spacer(1, 6), _para(f"本文件已于{_day(doc.voided_at)}作废：{doc.void_reason}", c.s.note)]
        return out

    return _render(flowables, f"文件处理单 {number}",
                   f"文件处理单（续）　{kind_word} {number}　{doc.title}")


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
            [c.label("来访时间"), c.value(_when(visit.visited_at)), c.label("来访人数"), c.value(persons)],
            [c.label("姓名" if not group else "代表姓名"), c.value(visit.name), c.label("身份证号"), c.value(id_text)],
            [c.label("联系电话"), c.value(visit.phone), c.label("问题类别"), c.value(visit.category)],
            [c.label("单位或住址"), c.value(visit.address), c.label("信访目的"), c.value(visit.purpose or "—")],
            [c.label("来访事由"), c.long(visit.matter), "", ""],
            [c.label("首问责任人"), c.value(visit.first_responder), c.label("接待领导"), c.value(visit.leader_name)],
            [c.label("受理情况"), c.value(decision), c.label("告知时限"), c.value(_day(visit.acceptance_due))],
        ]
        if visit.decision_reason:
            rows.append([c.label("不予受理理由" if visit.decision == "不予受理" else "受理说明"),
                         c.long(visit.decision_reason), "", ""])
        rows += [
            [c.label("转办单位"), c.value(referral), "", ""],
            [c.label("办理时限"), c.value(deadline), "", ""],
            [c.label("答复意见"), c.long(visit.reply), "", ""],
            [c.label("办理结果"), c.long(visit.result), "", ""],
            [c.label("答复时间"), c.value(_when(visit.closed_at)), c.label("答复人"), c.value(visit.closed_by)],
            [c.label("满意度"), c.value(visit.satisfaction), c.label("回访时间"), c.value(follow)],
            [c.label("回访情况"), c.long(visit.follow_up_note), "", ""],
            [c.label("办理状态"), c.value(status), "", ""],
        ]
        spans = [("SPAN", (1, r), (3, r)) for r, row in enumerate(rows) if row[2] == ""]
        table = pdf.grid_table(rows, [width * 0.16, width * 0.34, width * 0.16, width * 0.34], style=spans)
        _roomy(table, rows, ("来访事由", "答复意见", "办理结果"), 40 if compact else 52)
        out = _head_flowables(office, "来访登记表", f"编号：访〔{visit.visited_at:%Y}〕{visit.id}号", c.s, compact)
        out += [table, Spacer(1, 14 if compact else 22), _sign_line("来访人签名", c.s.note),
                Spacer(1, 8), _sign_line("接待人签名", c.s.note)]
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
    progress = "\n".join(f"{n.on:%Y-%m-%d}　{n.text}" + (f"（{n.by}）" if n.by else "") for n in notes)

    def flowables(compact: bool) -> list:
        from reportlab.lib import colors
        from reportlab.platypus import Spacer

        c = _Cells(compact)
        width = pdf.BLOCK_WIDTH
        rows = [
            [c.header("一、整改通知"), "", "", ""],
            [c.label("自查活动"), c.value(campaign.name), "", ""],
            [c.label("检查项目"), c.value(problem.item.name), c.label("发现日期"), c.value(_day(problem.found_on))],
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
            [c.label("整改类型"), c.value(problem.kind), c.label("整改时限"), c.value(deadline)],
        ]
        if problem.explanation or problem.kind == "短期内不能解决":
            rows.append([c.label("情况说明"), c.long(problem.explanation), "", ""])
        rows += [
            [c.label("整改进展"), c.long(progress or "（暂无）"), "", ""],
            [c.label("完成时间"), c.value(_when(problem.completed_at)), c.label("当前状态"), c.value(status)],
            [c.header("二、销号验收"), "", "", ""],
        ]
        sign_row = None
        if problem.verified_at is not None:
            rows += [
                [c.label("验收人"), c.value(problem.verified_by), c.label("销号时间"), c.value(_when(problem.verified_at))],
                [c.label("验收情况"), c.long(problem.verification), "", ""],
            ]
        else:
            gap = _blank(6)
            rows += [
                [c.label("验收人"), c.value(""), c.label("销号时间"), c.raw(f"{gap * 2}年{gap}月{gap}日")],
                [c.label("验收情况"), c.value(""), "", ""],
            ]
            sign_row = len(rows) - 1
        spans = [("SPAN", (1, r), (3, r)) for r, row in enumerate(rows) if row[2] == "" and row[1] != ""]
        spans += [("SPAN", (0, r), (3, r)) for r, row in enumerate(rows) if row[1] == ""]
        spans += [("BACKGROUND", (0, r), (3, r), colors.HexColor("#eeeeee")) for r, row in enumerate(rows)
                  if row[1] == ""]
        table = pdf.grid_table(rows, [width * 0.15, width * 0.35, width * 0.15, width * 0.35], style=spans)
        _roomy(table, rows, ("问题描述", "原因分析", "整改措施", "整改进展"), 36 if compact else 46)
        if sign_row is not None:
            table._argH[sign_row] = 70 if compact else 96  # what the verifier saw, written by hand
        year = problem.found_on.year
        out = _head_flowables(office, "整改通知/销号单", f"编号：整改〔{year}〕{problem.id}号", c.s, compact)
        out += [table, Spacer(1, 14 if compact else 20), _sign_line("责任人签收", c.s.note)]
        if problem.verified_at is None:
            out += [Spacer(1, 8), _sign_line("验收人签字", c.s.note)]
        return out

    return _render(flowables, f"整改通知销号单 {problem.id}")
