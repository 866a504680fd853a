"""月结: a closed month keeps its figures and report files byte for byte; a later 更正 of its records is
listed in the next month's report; only the secretary closes, only an ended month, only once."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest

from xiaoneng_desktop import cli
from xiaoneng_desktop.core import audit, session
from xiaoneng_desktop.core.models import AuditLog, MonthClose
from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.duty import service, stats
from xiaoneng_desktop.duty.models import Call
from xiaoneng_desktop.duty.service import CallInput
from xiaoneng_desktop.reports import month_close, monthly

d = dt.datetime
SECRETARY = session.Actor("张秘书", session.SECRETARY, 1)


def september_call(clock) -> Call:
    """A 一般事项 call on 09-15 answered late (09:30 for a 09:10 limit): September 超时 1."""
    clock.set(d(2026, 9, 15, 9, 0))
    call = service.create_call(CallInput(received_at=d(2026, 9, 15, 9, 0), category="一般事项",
                                         summary="会议通知", officer_name="王值班"))
    clock.set(d(2026, 9, 15, 9, 30))
    service.close_call(call.id, "已通知", closed_at=d(2026, 9, 15, 9, 30))
    return call


def correct(call: Call) -> None:
    """A 更正 of the closed call through the duty service (the secretary's 更正, audited old → new)."""
    data = CallInput.from_call(Call.get_by_id(call.id))
    data.closed_at = d(2026, 9, 15, 9, 5)
    service.correct_call(call.id, data, "办结时间记错")
    assert audit.changes_of(audit.history("call", call.id)[-1]) == [
        ("办结时间", "2026-09-15 09:30", "2026-09-15 09:05")]


def test_a_closed_month_reprints_the_same_after_a_correction(database, clock, tmp_path):
    call = september_call(clock)
    clock.set(d(2026, 10, 2, 9, 0))
    with session.acting_as(SECRETARY):
        row = month_close.close_month(2026, 9)
    assert (row.month, row.closed_by, row.closed_at) == ("2026-09", "张秘书", d(2026, 10, 2, 9, 0))
    assert [(line.action, line.table, line.actor) for line in AuditLog.select().where(AuditLog.action == "月结")] \
        == [("月结", "month_close", "张秘书")]
    stored = month_close.stored_figures(2026, 9)
    duty = next(s for s in stored["sections"] if s["key"] == "duty")
    assert (duty["figures"]["on_time"], duty["figures"]["overdue"]) == (0, 1)

    clock.set(d(2026, 10, 12, 10, 0))
    with session.acting_as(SECRETARY):
        correct(call)
    assert stats.month_figures(2026, 9).overdue == 0  # computed today, the month would change…
    written, closing = month_close.write_reports(2026, 9, tmp_path / "九月.xlsx", tmp_path / "九月.pdf")
    assert closing is not None and len(written) == 2
    row = MonthClose.get(MonthClose.month == "2026-09")
    assert (tmp_path / "九月.xlsx").read_bytes() == bytes(row.xlsx)  # …but it reprints as it was closed
    assert (tmp_path / "九月.pdf").read_bytes() == bytes(row.pdf)
    assert bytes(row.pdf).startswith(b"%PDF")
    assert month_close.stored_figures(2026, 9) == stored
    book = openpyxl.load_workbook(tmp_path / "九月.xlsx")
    assert [c.value for c in book["汇总"][4]][:5] == ["值班记录", 1, 0, 1, 0]

    # October's report lists the correction of the closed September
    clock.set(d(2026, 11, 3, 9, 0))
    report = monthly.build(2026, 10)
    assert len(report.corrections) == 1
    assert report.corrections[0].register == "值班记录" and report.corrections[0].record_id == call.id
    assert report.corrections_text.startswith("更正上月记录1条")
    month_close.write_reports(2026, 10, tmp_path / "十月.xlsx", None)
    sheet = openpyxl.load_workbook(tmp_path / "十月.xlsx")["更正上月记录"]
    assert [c.value for c in sheet[3]][1:4] == ["值班记录", call.id, "张秘书"]  # under the title and header rows
    assert "办结时间" in sheet["E3"].value


def test_correction_before_closing_is_not_listed(database, clock):
    call = september_call(clock)
    clock.set(d(2026, 10, 1, 9, 0))
    correct(call)  # before 月结: September's own figures change, nothing to list in October
    month_close.close_month(2026, 9)
    assert monthly.build(2026, 10).corrections == []
    assert monthly.build(2026, 11).previous_closed == ""  # October is not closed: no line


def test_late_entries_are_counted_per_register(database, clock):
    call = september_call(clock)
    audit.record("补记", "call", call.id, "补记办结时间")
    section = monthly.duty_section(2026, 9)
    assert ("补记", "1", "0") in section.extra
    assert ("补记", "0", "1") in monthly.duty_section(2026, 10).extra
    assert stats.audit_lines("补记", 2026, 8).count() == 0


def test_closing_refused_twice_running_and_to_a_duty_officer(database, clock):
    september_call(clock)
    clock.set(d(2026, 9, 30, 23, 59))
    with pytest.raises(ValidationError, match="尚未结束"):
        month_close.close_month(2026, 9)
    clock.set(d(2026, 10, 1, 0, 0))
    with (session.acting_as(session.Actor("李值班", session.DUTY_OFFICER, 2)),
          pytest.raises(session.PermissionDenied, match="无权月结")):
        month_close.close_month(2026, 9)
    month_close.close_month(2026, 9)
    with pytest.raises(ValidationError, match="不能再次月结"):
        month_close.close_month(2026, 9)
    assert MonthClose.select().count() == 1
    assert AuditLog.select().where(AuditLog.action == "月结").count() == 1


def test_figures_json_is_the_report(database, clock):
    september_call(clock)
    clock.set(d(2026, 10, 5, 8, 0))
    row = month_close.close_month(2026, 9)
    figures = json.loads(row.figures)
    assert (figures["year"], figures["month"]) == (2026, 9)
    assert [s["title"] for s in figures["sections"]] == ["值班记录", "公文流转", "来访接待", "五查自查"]


def test_cli_month_close_list_and_reprint(database, db_path, clock, tmp_path, capsys):
    september_call(clock)
    clock.set(d(2026, 10, 5, 8, 0))
    assert cli.main(["--db", str(db_path), "month", "list"]) == 0
    assert "还没有已月结的月份" in capsys.readouterr().out
    assert cli.main(["--db", str(db_path), "month", "close", "2026-13"]) == 2
    assert cli.main(["--db", str(db_path), "month", "close", "2026-10"]) == 2
    assert "尚未结束" in capsys.readouterr().err
    assert cli.main(["--db", str(db_path), "month", "close", "2026-09"]) == 0
    assert "已月结" in capsys.readouterr().out
    assert cli.main(["--db", str(db_path), "month", "close", "2026-09"]) == 2
    assert cli.main(["--db", str(db_path), "month", "list"]) == 0
    assert "2026-09" in capsys.readouterr().out
    target = tmp_path / "九月.pdf"
    assert cli.main(["--db", str(db_path), "report", "monthly", "--month", "2026-09", "--pdf", str(target)]) == 0
    out = capsys.readouterr().out
    assert "已月结" in out and "输出月结时保存的报表" in out
    from xiaoneng_desktop import schema

    schema.open_database(db_path)
    assert target.read_bytes() == bytes(MonthClose.get().pdf)
