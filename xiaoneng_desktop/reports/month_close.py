"""月结: the secretary closes a month that has ended. Its report is built once; the figures (as JSON),
the Excel and the PDF made from that one report are stored in core.models.MonthClose in one
transaction with the audit line 月结. A closed month reprints those stored bytes, so it stays as it was
printed whatever is corrected later (a later 更正 is listed in the next month's report); an open
month is computed as of today."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from xiaoneng_desktop.core import audit, clock, session
from xiaoneng_desktop.core.db import atomic
from xiaoneng_desktop.core.figures import month_bounds
from xiaoneng_desktop.core.files import write_bytes_atomically
from xiaoneng_desktop.core.models import MonthClose
from xiaoneng_desktop.core.validation import ValidationError

TABLE = "month_close"


def month_key(year: int, month: int) -> str:
    return f"{year}-{month:02d}"


def parse_month(text: str) -> tuple[int, int]:
    """'2026-09' → (2026, 9); anything else is refused with a Chinese message (field "month")."""
    match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text or "")
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValidationError("month", f"月份应写成 YYYY-MM，如 2026-10，而不是“{text}”")
    return int(match.group(1)), int(match.group(2))


def closing(year: int, month: int) -> MonthClose | None:
    """The month's 月结, or None while it is open."""
    return MonthClose.get_or_none(MonthClose.month == month_key(year, month))


def closed_text(row: MonthClose) -> str:
    """已月结（张秘书，2026-10-02 09:00）."""
    return f"已月结（{row.closed_by}，{row.closed_at:%Y-%m-%d %H:%M}）"


def ended(year: int, month: int) -> bool:
    """Has the month's last day passed?"""
    _, following, _ = month_bounds(year, month)
    return clock.now() >= following


def why_not(year: int, month: int) -> str | None:
    """Why the month cannot be closed now (in Chinese), or None when it can."""
    row = closing(year, month)
    if row is not None:
        return f"{year}年{month}月{closed_text(row)}，不能再次月结。"
    if not ended(year, month):
        return f"{year}年{month}月尚未结束，月末之后才能月结。"
    return None


def figures_json(report) -> str:
    """The whole report's content (every figure and the records behind them) as JSON."""
    def plain(value):
        if isinstance(value, (dt.datetime, dt.date)):
            return value.isoformat()
        raise TypeError(f"{type(value).__name__} 不能写入月结数据")

    return json.dumps(dataclasses.asdict(report), ensure_ascii=False, default=plain)


def render(report) -> tuple[bytes, bytes]:
    """The Excel and the PDF of one built report, as bytes."""
    from xiaoneng_desktop.reports import monthly_pdf, xlsx

    with tempfile.TemporaryDirectory(prefix="xiaoneng-month-") as folder:
        xlsx_path, pdf_path = Path(folder) / "report.xlsx", Path(folder) / "report.pdf"
        xlsx.write(report, xlsx_path)
        monthly_pdf.write(report, pdf_path)
        return xlsx_path.read_bytes(), pdf_path.read_bytes()


def close_month(year: int, month: int, progress: Callable[[int, int], None] | None = None) -> MonthClose:
    """月结 (permission month.close): store the month's figures and both report files; refused for a
    month not yet ended or already closed."""
    from xiaoneng_desktop.reports import monthly

    session.require("month.close")
    problem = why_not(year, month)
    if problem:
        raise ValidationError("month", problem)
    report = monthly.build(year, month, progress=progress)  # once: the JSON and both files come from it
    figures = figures_json(report)
    xlsx_bytes, pdf_bytes = render(report)
    with atomic():
        problem = why_not(year, month)  # another PC may have closed it meanwhile
        if problem:
            raise ValidationError("month", problem)
        row = MonthClose.create(month=month_key(year, month), closed_at=clock.now(),
                                closed_by=session.actor_name(), figures=figures, xlsx=xlsx_bytes, pdf=pdf_bytes)
        audit.record("月结", TABLE, row.id, f"{year}年{month}月月结：{report.title}")
    return row


def closed_months() -> list[MonthClose]:
    """Every closed month, the latest first (without loading the stored files)."""
    return list(MonthClose.select(MonthClose.id, MonthClose.month, MonthClose.closed_at, MonthClose.closed_by)
                .order_by(MonthClose.month.desc()))


def stored_figures(year: int, month: int) -> dict | None:
    row = closing(year, month)
    return None if row is None else json.loads(row.figures)


def reprint_notice(row: MonthClose) -> str:
    return f"{closed_text(row)}，输出月结时保存的报表"


def source(year: int, month: int, progress: Callable[[int, int], None] | None = None):
    """(report, None) for an open month, built now; (None, 月结) for a closed one."""
    row = closing(year, month)
    if row is not None:
        return None, row
    from xiaoneng_desktop.reports import monthly

    return monthly.build(year, month, progress=progress), None


def write_one(report, row: MonthClose | None, kind: str, target: Path) -> Path:
    """Write the "xlsx" or "pdf" file: the 月结's stored bytes when ``row`` is given, else ``report``'s."""
    if row is not None:
        return write_bytes_atomically(target, bytes(row.xlsx if kind == "xlsx" else row.pdf))
    if kind == "xlsx":
        from xiaoneng_desktop.reports import xlsx as writer
    else:
        from xiaoneng_desktop.reports import monthly_pdf as writer
    return writer.write(report, target)


def write_reports(year: int, month: int, xlsx: Path | None, pdf: Path | None,
                  progress: Callable[[int, int], None] | None = None) -> tuple[list[Path], MonthClose | None]:
    """Write the month's report files: a closed month's stored bytes, byte for byte; an open month's
    built now (once, both files from the same figures). Returns the files and the month's 月结."""
    report, row = source(year, month, None if progress is None else
                         (lambda done, total: progress(done, total + 1)))
    written = [write_one(report, row, kind, target) for kind, target in (("xlsx", xlsx), ("pdf", pdf))
               if target is not None]
    if progress is not None:
        progress(1, 1)
    return written, row
