"""A register out to Excel in its template's layout (export → import into an empty file gives the
same records), and any list as a table shows it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from xiaoneng_desktop.core import audit, session, xlsx
from xiaoneng_desktop.core.db import atomic
from xiaoneng_desktop.core.session import requires
from xiaoneng_desktop.core.validation import mask_id_number
from xiaoneng_desktop.documents.models import INCOMING, OUTGOING, Document, DocumentStep
from xiaoneng_desktop.duty.models import Call
from xiaoneng_desktop.inspection.models import Campaign, CheckItem, Problem
from xiaoneng_desktop.ledger import workbook
from xiaoneng_desktop.ledger.layouts import layout
from xiaoneng_desktop.visitors.models import Visit


def _day(moment: dt.datetime | dt.date | None) -> dt.date | None:
    return moment.date() if isinstance(moment, dt.datetime) else moment


def _range(field, date_from: dt.date | None, date_to: dt.date | None, is_date: bool):
    condition = True
    if date_from is not None:
        condition = field >= (date_from if is_date else dt.datetime.combine(date_from, dt.time()))
    if date_to is not None:
        upper = (field <= date_to) if is_date else (field < dt.datetime.combine(date_to + dt.timedelta(days=1),
                                                                                  dt.time()))
        condition = upper if condition is True else (condition & upper)
    return condition


def _where(query, condition):
    return query if condition is True else query.where(condition)


def _secrecy(doc: Document) -> str:
    if doc.secrecy in ("", "无"):
        return "无"
    return f"{doc.secrecy}★{doc.secrecy_term}" if doc.secrecy_term else doc.secrecy


def _steps(doc_ids: list[int], step: str) -> dict[int, DocumentStep]:
    found: dict[int, DocumentStep] = {}
    for i in range(0, len(doc_ids), 900):
        for row in DocumentStep.select().where(DocumentStep.document.in_(doc_ids[i:i + 900])
                                               & (DocumentStep.step == step)).order_by(DocumentStep.id):
            found[row.document_id] = row
    return found


# -- one record in its template's column order: the export, and what the import compares (a row is a
# duplicate only when it equals a stored record in every one of these columns).

def call_columns(c: Call) -> tuple:
    return (c.received_at, c.channel, c.caller_unit, c.caller, c.phone, c.category, c.summary, c.assignee_name,
            c.instruction, c.closed_at, c.feedback, c.officer_name)


def incoming_columns(d: Document, done_opinion: str) -> tuple:
    return (d.start_date, d.unit, d.doc_number, d.title, d.kind, _secrecy(d), d.urgency, d.copies, d.lead or d.holder,
            _day(d.deadline) if d.deadline_typed else None, _day(d.closed_at), done_opinion)


def outgoing_columns(d: Document, signer: str, signed_at: dt.datetime | None) -> tuple:
    return (d.number if d.serial else "", d.title, d.kind, _secrecy(d), d.urgency, d.registrar, d.start_date,
            signer, _day(signed_at), d.circulate_to, d.copies)


def visit_columns(v: Visit, full_id: bool = False) -> tuple:
    """``full_id``: the full 身份证号 (an export a permitted user asked for); else masked, as the
    duplicate check compares them too (a masked export re-imported is a duplicate of its records)."""
    id_number = v.id_number if full_id or not v.id_number else mask_id_number(v.id_number)
    return (v.visited_at, v.name, id_number, v.phone, v.persons, v.address, v.matter, v.category, v.purpose,
            v.first_responder, v.referred_to, _day(v.decided_at) if v.decision == "受理" else None,
            _day(v.closed_at) if v.decision == "受理" else None, v.result or v.reply, v.satisfaction)


def problem_columns(p: Problem, campaign: str, item: str) -> tuple:
    return (campaign, item, p.description, p.found_on, p.cause, p.measure, p.responsible_name, p.kind,
            _day(p.deadline), _day(p.completed_at), p.verified_by, _day(p.verified_at))


def rows_of(kind: str, date_from: dt.date | None = None, date_to: dt.date | None = None,
            full_id: bool = False) -> list[tuple]:
    """The register's live (not voided) records in the template's column order, oldest first
    (身份证号 masked unless ``full_id``)."""
    return list(iter_rows(kind, date_from, date_to, full_id))


def _query(kind: str, date_from: dt.date | None, date_to: dt.date | None):
    if kind == "duty":
        return _where(Call.select().where(Call.voided_at.is_null()),
                      _range(Call.received_at, date_from, date_to, False)).order_by(Call.received_at, Call.id)
    if kind in ("incoming", "outgoing"):
        direction = INCOMING if kind == "incoming" else OUTGOING
        return (_where(Document.select().where((Document.direction == direction) & Document.voided_at.is_null()),
                       _range(Document.start_date, date_from, date_to, True))
                .order_by(Document.start_date, Document.id))
    if kind == "visitors":
        return _where(Visit.select().where(Visit.voided_at.is_null()),
                      _range(Visit.visited_at, date_from, date_to, False)).order_by(Visit.visited_at, Visit.id)
    return _where(Problem.select(Problem, Campaign, CheckItem)
                  .join(Campaign, on=(Problem.campaign == Campaign.id))
                  .switch(Problem).join(CheckItem, on=(Problem.item == CheckItem.id))
                  .where(Problem.voided_at.is_null()),
                  _range(Problem.found_on, date_from, date_to, True)).order_by(Problem.found_on, Problem.id)


def count_of(kind: str, date_from: dt.date | None = None, date_to: dt.date | None = None) -> int:
    """How many rows ``iter_rows`` gives (for the progress)."""
    layout(kind)
    return _query(kind, date_from, date_to).count()


#: records fetched and turned into rows at a time (documents: their steps looked up per page)
PAGE = 2000


def iter_rows(kind: str, date_from: dt.date | None = None, date_to: dt.date | None = None,
              full_id: bool = False) -> Iterator[tuple]:
    """``rows_of`` one by one, straight from the SQL cursor (``.iterator()``: no model cache), so that a
    register of ten years goes out in bounded memory."""
    layout(kind)
    query = _query(kind, date_from, date_to)
    if kind == "duty":
        for c in query.iterator():
            yield call_columns(c)
    elif kind in ("incoming", "outgoing"):
        page: list[Document] = []
        for d in query.iterator():
            page.append(d)
            if len(page) >= PAGE:
                yield from _document_rows(kind, page)
                page = []
        yield from _document_rows(kind, page)
    elif kind == "visitors":
        for v in query.iterator():
            yield visit_columns(v, full_id)
    else:
        for p in query.iterator():
            yield problem_columns(p, p.campaign.name, p.item.name)


def _document_rows(kind: str, docs: list[Document]) -> list[tuple]:
    ids = [d.id for d in docs]
    if kind == "incoming":
        done = _steps(ids, "办结")
        return [incoming_columns(d, done[d.id].opinion if d.id in done else "") for d in docs]
    signed = _steps(ids, "签发")
    return [outgoing_columns(d, signed[d.id].who if d.id in signed else "",
                             signed[d.id].done_at if d.id in signed else None) for d in docs]


#: The table each ledger kind exports, for its 导出 line in the audit log.
TABLES = {"duty": "call", "incoming": "document", "outgoing": "document", "visitors": "visit",
          "rectification": "problem"}


def note_export(table: str, what: str, count: int, target: Path | str, full_id: bool = False) -> None:
    """The 导出 line of the audit log: what went out, how many rows, into which file (its name), and
    whether it holds full 身份证号."""
    with atomic():
        audit.record("导出", table, 0, f"{what}：{count}条，文件“{Path(target).name}”"
                     + ("（含完整身份证号）" if full_id else ""))


@requires("export")
def export_kind(kind: str, target: Path, date_from: dt.date | None = None, date_to: dt.date | None = None,
                progress: Callable[..., None] | None = None, full_id: bool = False) -> int:
    """Write the register in its template's layout; returns the number of records. 身份证号 are
    masked unless ``full_id`` (only for a role allowed to see them: session permission "id.full");
    the export is audited, saying so when it holds full numbers."""
    if full_id:
        session.require("id.full")
    spec = layout(kind)
    total = count_of(kind, date_from, date_to) if progress is not None else None
    if progress is not None:
        progress(0, total, "正在导出")
    count = workbook.write_layout(spec, Path(target), iter_rows(kind, date_from, date_to, full_id=full_id),
                                  progress, xlsx.period_text(date_from, date_to), total=total)
    period = f"（{date_from or '最早'}至{date_to or '最近'}）" if date_from or date_to else ""
    note_export(TABLES.get(kind, kind), f"导出台账 {spec.name}{period}", count, target,
                full_id=full_id and kind == "visitors")
    return count


def write_template(kind: str, target: Path) -> Path:
    return workbook.write_template(layout(kind), Path(target))


@requires("export")
def export_list(target: Path, sheet: str, titles: Sequence[str], displays: Sequence[Callable], query,
                progress: Callable[..., None] | None = None, widths: Sequence[int] | None = None,
                full_id: bool = False, period: str = "") -> int:
    """Any list exactly as its table shows it: ``query`` is the filtered, sorted SQL (all of it, not
    only the fetched page), ``displays`` the columns' functions giving each cell (a typed value — a
    date, a number — or the text shown); ``period`` (the list's date filter in words) goes into the
    title row. Returns the rows written."""
    total = query.count() if progress is not None else 0
    if progress is not None:
        progress(0, total, "正在导出")

    def lines():
        for record in query.iterator():
            yield [display(record) for display in displays]

    count = workbook.write_table(Path(target), sheet, titles, lines(), total, progress, widths, period)
    model = getattr(query, "model", None)
    note_export(model._meta.table_name if model is not None else "", f"导出Excel {sheet}", count, target,
                full_id=full_id)
    return count
