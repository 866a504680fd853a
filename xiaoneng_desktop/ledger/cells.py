"""Reading one cell of a person's sheet: real Excel dates or the texts people type
(2026-10-08, 2026-10-08 14:05, 2026/10/8, 2026年10月8日 14时05分), whole numbers, closed lists.
A bad value raises CellError with the Chinese reason."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable

from xiaoneng_desktop.ledger.layouts import CHOICE, DATE, DATETIME, INT, Field


class CellError(ValueError):
    pass


_DATE = re.compile(
    r"^(?P<y>\d{4})\s*(?:[-/.年])\s*(?P<m>\d{1,2})\s*(?:[-/.月])\s*(?P<d>\d{1,2})\s*日?"
    r"(?:[\sT]+(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{1,2})\s*分?(?:\s*[:：]\s*(?P<S>\d{1,2})\s*秒?)?)?$"
)
_COMPACT = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$")  # 20261008
#: Excel's serial day numbers for 1954 … 2119: a date cell that lost its format.
_SERIAL = (20000, 80000)


def _from_serial(number: float) -> dt.datetime:
    base = dt.datetime(1899, 12, 30)
    return base + dt.timedelta(days=float(number))


#: Dates a register can hold: openpyxl turns a date-formatted -5 into 1899-12-25 and 9999999 into
#: the year 29278; both are typing slips, not dates, and are reported on their row.
EARLIEST = dt.date(1950, 1, 1)
LATEST = dt.date(2099, 12, 31)


def parse_moment(value, with_time: bool) -> tuple[dt.datetime, bool] | None:
    """(moment, had_time) of a cell, None when blank; CellError when it is not a date (or not one
    between EARLIEST and LATEST)."""
    got = _parse_moment(value, with_time)
    if got is not None and not EARLIEST <= got[0].date() <= LATEST:
        raise CellError(f"日期超出范围（应在 {EARLIEST.year} 年至 {LATEST.year} 年之间）")
    return got


def _parse_moment(value, with_time: bool) -> tuple[dt.datetime, bool] | None:
    if value is None:
        return None
    if type(value) is dt.datetime and not value.microsecond and value.tzinfo is None:
        return value, (value.hour or value.minute or value.second) != 0 or not with_time  # as a reader gives it
    if isinstance(value, dt.datetime):
        moment = value.replace(microsecond=0, tzinfo=None)
        return moment, moment.time() != dt.time() or not with_time
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time()), False
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _SERIAL[0] <= value <= _SERIAL[1]:
            moment = _from_serial(value).replace(microsecond=0)
            moment = moment.replace(second=0) if moment.second in (59, 0) and with_time else moment
            return moment, float(value) != int(value)
        raise CellError("不是日期（应写成 2026-10-08" + (" 14:05" if with_time else "") + "）")
    if isinstance(value, dt.time):
        raise CellError("只有时间没有日期")
    text = " ".join(str(value).split())
    if not text:
        return None
    found = _DATE.match(text) or _COMPACT.match(text)
    if not found:
        raise CellError("不是日期（应写成 2026-10-08" + (" 14:05" if with_time else "") + "）")
    parts = found.groupdict()
    try:
        day = dt.date(int(parts["y"]), int(parts["m"]), int(parts["d"]))
    except ValueError:
        raise CellError("日期不存在（请核对月份和日）") from None
    if parts.get("H") is None:
        return dt.datetime.combine(day, dt.time()), False
    try:
        clock = dt.time(int(parts["H"]), int(parts["M"]), int(parts.get("S") or 0))
    except ValueError:
        raise CellError("时间不对（时 0–23，分 0–59）") from None
    return dt.datetime.combine(day, clock), True


def parse(field: Field, value, exact_times: bool = False):
    """The cell as the field's type: datetime / date / int / str ("" when blank). ``exact_times``: the
    file is this program's export, whose 00:00 is a time (Excel gives it back as a date alone)."""
    if field.type == DATETIME:
        got = parse_moment(value, True)
        if got is not None and exact_times and not isinstance(value, str):
            return got[0], True
        return got  # (moment, had_time) or None: the converter decides what a date alone means
    if field.type == DATE:
        got = parse_moment(value, False)
        if got is None:
            return None
        if got[0].time() != dt.time():
            raise CellError("应只填日期，不带时间")
        return got[0].date()
    if field.type == INT:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, bool):
            raise CellError("不是整数")
        if isinstance(value, float):
            if not value.is_integer():
                raise CellError("不是整数")
            return int(value)
        if isinstance(value, int):
            return value
        text = str(value).strip().rstrip("人份件")
        if not text.isdigit():
            raise CellError("不是整数")
        return int(text)
    text = text_of(value)
    checked = text.partition("★")[0].strip() if field.title == "密级" else text  # 秘密★10年
    # an office's own list (field.choice_list) is checked by the register's service, which names the list
    if field.type == CHOICE and not field.choice_list and checked and checked not in field.choices:
        raise CellError(f"不在可选范围内（可选：{'、'.join(field.choices)}）")
    return text


def parser(field: Field, exact_times: bool = False) -> Callable[[object], object]:
    """``parse(field, ·, exact_times)`` as one function, chosen once for a column (an import parses a
    million cells): a plain text column is text_of."""
    if field.type in (DATETIME, DATE, INT) or field.title == "密级" or (field.type == CHOICE and not field.choice_list):
        return functools.partial(parse, field, exact_times=exact_times)
    return text_of


def text_of(value) -> str:
    if type(value) is str:  # most cells: first, as a million of them pass here in an import
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%Y-%m-%d}"
    return str(value).strip()


def shown(value) -> str:
    """A cell's value as the error report quotes it."""
    return text_of(value)[:60]
