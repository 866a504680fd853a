"""The working-day calendar: China's statutory holidays and 调休 make-up workdays (package
``chinese_calendar``), corrected by the office's own WorkdayOverride rows, which always win.

For a year chinese_calendar does not know yet (it raises NotImplementedError), the statutory days
off come from ``holidays.China`` (the ``holidays`` package, offline, computed from the lunar
calendar). It knows the festivals but not the State Council's 调休: the make-up working days and
the bridging days off are announced each November. Such a year is *provisional* until the office
confirms it (``confirm_year``), usually after filling it from the notice (``apply_notice``);
``provisional_years`` tells 概览 which years to warn about.

Deadline convention: "within N working days of receiving on day D" means the deadline is
``add_workdays(D, N)`` — counting starts on the next working day, D itself never counts — and the
deadline runs to ``deadline_end(that day)``, 23:59:59.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache

import chinese_calendar

from xiaoneng_desktop.core import audit, clock, db, settings
from xiaoneng_desktop.core.models import Setting, WorkdayOverride
from xiaoneng_desktop.core.session import requires
from xiaoneng_desktop.core.validation import ValidationError, clean_text

# What a day is, as shown to the user (the settings dialog colours days by it).
HOLIDAY = "法定节假日"
MAKEUP = "调休上班"
WEEKEND = "周末"
WORKDAY = "工作日"
OVERRIDE = "本单位调整"

FIRST_YEAR = 2000
LAST_YEAR = 2099
NOTE_MAX = 60

_ONE_DAY = dt.timedelta(days=1)
# chinese_calendar names its holidays in English only.
_HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}


@cache
def known_year(year: int) -> bool:
    """Whether chinese_calendar has the State Council's holiday arrangement for ``year``."""
    try:
        chinese_calendar.is_workday(dt.date(year, 7, 1))
    except NotImplementedError:
        return False
    return True


@cache
def _provisional_calendar(year: int):  # -> holidays.HolidayBase
    # zh_CN: its names (春节, 劳动节（补假）…) are shown as they are in 节假日与调休.
    import holidays  # only for a year chinese-calendar does not know: not at start-up

    return holidays.China(years=year, language="zh_CN")


def _as_date(day: dt.date) -> dt.date:
    # A datetime is a date too, but would never equal a stored DateField key.
    return day.date() if isinstance(day, dt.datetime) else day


def statutory_workday(day: dt.date) -> bool:
    """Whether ``day`` is a workday by the national calendar alone, without the office's entries."""
    if known_year(day.year):
        return chinese_calendar.is_workday(day)
    if FIRST_YEAR <= day.year <= LAST_YEAR:
        return _provisional_calendar(day.year).is_working_day(day)
    return day.weekday() < 5


def _load(first: dt.date, last: dt.date) -> dict[dt.date, bool]:
    """The overrides from ``first`` to ``last`` inclusive, in one query."""
    rows = WorkdayOverride.select(WorkdayOverride.day, WorkdayOverride.is_workday).where(
        WorkdayOverride.day.between(first, last)
    )
    return {row.day: row.is_workday for row in rows}


class _Window:
    """Overrides read a span at a time, so a walk over the calendar costs one query per span."""

    SPAN = dt.timedelta(days=366)

    def __init__(self, first: dt.date, last: dt.date):
        self.first, self.last = first, last
        self.days = _load(first, last)

    def is_workday(self, day: dt.date) -> bool:
        if day > self.last:
            self.days.update(_load(self.last + _ONE_DAY, day + self.SPAN))
            self.last = day + self.SPAN
        elif day < self.first:
            self.days.update(_load(day - self.SPAN, self.first - _ONE_DAY))
            self.first = day - self.SPAN
        found = self.days.get(day)
        return statutory_workday(day) if found is None else found


def is_workday(day: dt.date) -> bool:
    day = _as_date(day)
    found = WorkdayOverride.get_or_none(WorkdayOverride.day == day)
    return statutory_workday(day) if found is None else found.is_workday


def add_workdays(start: dt.date, n: int) -> dt.date:
    """The n-th working day after ``start`` (``start`` itself never counts).

    n = 0 gives ``start`` if it is a workday, else the next workday; a negative n counts back.
    """
    start = _as_date(start)
    # Room for n working days plus the longest holiday (Spring Festival, 9 days) in one query.
    reach = dt.timedelta(days=abs(n) * 2 + 20)
    window = _Window(start - reach, start) if n < 0 else _Window(start, start + reach)
    if n == 0:
        day = start
        while not window.is_workday(day):
            day += _ONE_DAY
        return day
    step = _ONE_DAY if n > 0 else -_ONE_DAY
    day, left = start, abs(n)
    while left:
        day += step
        if window.is_workday(day):
            left -= 1
    return day


def workdays_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end``; for end < start, minus the count
    from after ``end`` up to and including ``start`` (so it is antisymmetric), and 0 when equal.

    When ``end`` is a workday after ``start``, ``add_workdays(start, workdays_between(start, end)) == end``.
    """
    start, end = _as_date(start), _as_date(end)
    if end < start:
        return -workdays_between(end, start)
    if end == start:
        return 0
    window = _Window(start + _ONE_DAY, end)
    count, day = 0, start + _ONE_DAY
    while day <= end:
        count += window.is_workday(day)
        day += _ONE_DAY
    return count


def deadline_end(day: dt.date) -> dt.datetime:
    """The last second of ``day``: a deadline on that day is met until 23:59:59."""
    return clock.end_of_day(_as_date(day))


@dataclass(frozen=True)
class DayInfo:
    day: dt.date
    kind: str  # HOLIDAY / MAKEUP / WEEKEND / WORKDAY / OVERRIDE
    is_workday: bool
    label: str  # e.g. 国庆节, or the office's note for an override


def days(first: dt.date, last: dt.date) -> list[DayInfo]:
    """Every day from ``first`` to ``last`` inclusive with its kind, in one query (for the calendar)."""
    first, last = _as_date(first), _as_date(last)
    notes = {row.day: row for row in WorkdayOverride.select().where(WorkdayOverride.day.between(first, last))}
    result = []
    day = first
    while day <= last:
        result.append(_describe(day, notes.get(day)))
        day += _ONE_DAY
    return result


def _describe(day: dt.date, override: WorkdayOverride | None) -> DayInfo:
    if override is not None:
        return DayInfo(day, OVERRIDE, override.is_workday, override.note)
    weekend = day.weekday() >= 5
    if known_year(day.year):
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
        label = _HOLIDAY_NAMES.get(name, name or "")
        if on_holiday and (name or not weekend):
            return DayInfo(day, HOLIDAY, False, label)
        if weekend and not on_holiday:
            return DayInfo(day, MAKEUP, True, label)
    elif FIRST_YEAR <= day.year <= LAST_YEAR:
        calendar = _provisional_calendar(day.year)
        name = calendar.get(day)
        if name is not None:
            return DayInfo(day, HOLIDAY, False, f"{name}（推算）")
        if weekend and calendar.is_working_day(day):
            return DayInfo(day, MAKEUP, True, "")
    if weekend:
        return DayInfo(day, WEEKEND, False, "")
    return DayInfo(day, WORKDAY, True, "")


def _check_day(day: object) -> dt.date:
    if not isinstance(day, dt.date):
        raise ValidationError("day", "请选择日期")
    day = _as_date(day)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValidationError("day", f"日期须在 {FIRST_YEAR} 年至 {LAST_YEAR} 年之间")
    return day


def _audit_id(day: dt.date) -> int:
    # The audit log keys records by integer id; an override's key is its date, so use YYYYMMDD.
    return int(day.strftime("%Y%m%d"))


@requires("settings")
def set_override(day: dt.date, is_workday: bool, note: str = "") -> WorkdayOverride:
    """Make ``day`` a workday (上班) or a day off (放假) for this office, replacing any earlier entry."""
    day = _check_day(day)
    if not isinstance(is_workday, bool):
        raise ValidationError("is_workday", "请选择上班或放假")
    note = clean_text(note, "说明", field="note", max_len=NOTE_MAX)
    detail = f"{day:%Y-%m-%d} {'上班' if is_workday else '放假'} {note}".rstrip()
    with db.atomic():
        row = WorkdayOverride.get_or_none(WorkdayOverride.day == day)
        action = "修改" if row is not None else "新建"
        if row is None:
            row = WorkdayOverride(day=day)
        row.is_workday, row.note = is_workday, note
        row.save(force_insert=action == "新建")
        audit.record(action, WorkdayOverride._meta.table_name, _audit_id(day), detail)
    return row


@requires("settings")
def remove_override(day: dt.date) -> bool:
    """Drop the office's entry for ``day`` (the statutory calendar applies again); False if none."""
    day = _check_day(day)
    with db.atomic():
        deleted = WorkdayOverride.delete().where(WorkdayOverride.day == day).execute()
        if deleted:
            audit.record("删除", WorkdayOverride._meta.table_name, _audit_id(day), f"{day:%Y-%m-%d}")
    return bool(deleted)


def overrides(year: int | None = None) -> list[WorkdayOverride]:
    """The office's entries, by date; only those of ``year`` if given."""
    query = WorkdayOverride.select().order_by(WorkdayOverride.day)
    if year is not None:
        query = query.where(WorkdayOverride.day.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    return list(query)


# --- years not yet confirmed --------------------------------------------------------------------

#: The years the office has checked against the State Council's notice (a JSON list in Setting);
#: not a settings.define entry, since it is no limit for the settings dialog.
CONFIRMED_KEY = "workdays.confirmed_years"
WARN_DAYS = settings.define(
    "workdays.warn_days",
    "提前提醒核对下一年节假日",
    60,
    "单位",
    unit=" 天",
    minimum=0,
    maximum=366,
    help="年底前这么多天起，若下一年的节假日安排尚未确认，概览即提醒",
)


def confirmed_years() -> set[int]:
    row = Setting.get_or_none(Setting.key == CONFIRMED_KEY)
    try:
        years = json.loads(row.value) if row is not None else []
    except ValueError:
        return set()
    return {year for year in years if isinstance(year, int)} if isinstance(years, list) else set()


def is_provisional(year: int) -> bool:
    """Whether deadlines in ``year`` are counted on a guess: chinese_calendar does not know it and
    the office has not confirmed its arrangement."""
    return not known_year(year) and year not in confirmed_years()


def _store_confirmed(years: set[int]) -> None:
    settings.write_raw(CONFIRMED_KEY, json.dumps(sorted(years)))


@requires("settings")
def confirm_year(year: int, confirmed: bool = True) -> None:
    """Mark ``year``'s arrangement as checked against the notice (or take that back), audited."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError("year", f"年份须在 {FIRST_YEAR} 年至 {LAST_YEAR} 年之间")
    with db.atomic():
        years = confirmed_years()
        if (year in years) == confirmed:
            return
        _store_confirmed(years | {year} if confirmed else years - {year})
        action = "确认节假日安排" if confirmed else "撤销节假日确认"
        audit.record(action, Setting._meta.table_name, year, f"{year}年")


def provisional_years(today: dt.date | None = None) -> list[int]:
    """This year if provisional, and next year too once year end is within the warning period."""
    today = _as_date(today or clock.today())
    years = [today.year]
    if (dt.date(today.year, 12, 31) - today).days < settings.get(WARN_DAYS.key):
        years.append(today.year + 1)
    return [year for year in years if year <= LAST_YEAR and is_provisional(year)]


def provisional_warning(today: dt.date | None = None) -> str:
    """The sentence 概览 shows while a year's holidays are a guess; empty when none is."""
    return "".join(
        f"{year}年的节假日安排尚未确认，请在“工具 → 节假日与调休”中按国务院办公厅通知核对。"
        for year in provisional_years(today)
    )


# --- filling a year from the State Council's notice ---------------------------------------------


@dataclass(frozen=True)
class Change:
    """One day the notice sets: what will be stored and what the calendar said before."""

    day: dt.date
    is_workday: bool
    note: str
    before: str  # e.g. 工作日, 周末, 本单位调整：县庆放假


def notice_changes(notice) -> list[Change]:
    """What ``apply_notice`` will store for a parsed notice (``holiday_notice.Notice``), by date:
    every day the notice names, and every other day of its year on which the calendar without the
    office's entries (the provisional guess, for an unconfirmed year) disagrees with the notice."""
    named = {day: (False, f"{name}放假") for day, name in notice.days_off.items()}
    named.update({day: (True, f"{name}调休上班") for day, name in notice.workdays.items()})
    first, last = dt.date(notice.year, 1, 1), dt.date(notice.year, 12, 31)
    day = first
    while day <= last:
        if day not in named and statutory_workday(day) != (day.weekday() < 5):
            named[day] = (day.weekday() < 5, "按通知上班" if day.weekday() < 5 else "按通知休息")
        day += _ONE_DAY
    span = min(named, default=first), max(named, default=last)
    current = {info.day: info for info in days(min(span[0], first), max(span[1], last))}
    changes = []
    for day, (is_workday, note) in sorted(named.items()):
        info = current[day]
        before = f"{info.kind}：{info.label}" if info.label else info.kind
        changes.append(Change(day, is_workday, note[:NOTE_MAX], before))
    return changes


@requires("settings")
def apply_notice(notice) -> list[Change]:
    """Store the notice's arrangement as the office's entries and confirm its year, in one transaction."""
    changes = notice_changes(notice)
    with db.atomic():
        for change in changes:
            set_override(change.day, change.is_workday, change.note)
        audit.record(
            "导入放假通知",
            Setting._meta.table_name,
            notice.year,
            f"{notice.year}年：放假 {len(notice.days_off)} 天，调休上班 {len(notice.workdays)} 天",)
        confirm_year(notice.year, True)
    return changes
