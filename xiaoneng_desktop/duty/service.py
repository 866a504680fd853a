"""值班记录: what the duty officer can do — log a call, hand it on, record the leader's instruction and
the feedback, close it, void it; keep the roster and hand the shift over. Each action is one
transaction; bad input raises ValidationError naming the field."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields

import peewee as pw

from xiaoneng_desktop.core import (
    audit,
    choices,
    clock,
    conflicts,
    figures,
    late_entry,
    people,
    session,
    settings,
)
from xiaoneng_desktop.core.db import atomic, search_index_matches
from xiaoneng_desktop.core.models import Person
from xiaoneng_desktop.core.session import requires
from xiaoneng_desktop.core.validation import (
    Checker,
    ValidationError,
    clean_name,
    clean_phone,
    clean_text,
    existing,
    live,
)
from xiaoneng_desktop.duty.models import CATEGORIES, CHANNEL_LIST, Call, DutyShift, Unavailability

# Response limits (seed 003 §(二)): 一般事项 10 minutes, 特殊事项 3 hours; 突发事件 即接即报 —
# national practice is a phone report within 30 minutes.
LIMIT_SETTINGS = {
    "一般事项": settings.define("duty.limit.general", "一般事项办理回复时限", 10, "值班", unit=" 分钟",
                            minimum=1, maximum=10080, help="接到领导电话后，一般事项应在此时限内办理回复"),
    "特殊事项": settings.define("duty.limit.special", "特殊事项办理回复时限", 180, "值班", unit=" 分钟",
                            minimum=1, maximum=10080, help="特殊事项应在此时限内办理回复（默认3小时）"),
    "突发事件": settings.define("duty.limit.emergency", "突发事件报告时限", 30, "值班", unit=" 分钟",
                            minimum=1, maximum=1440, help="突发事件信息即接即报，电话报告不超过此时限"),
}
DUE_SOON = settings.define("duty.due_soon", "临近时限提醒", 5, "值班", unit=" 分钟", minimum=0, maximum=1440,
                           help="距时限不足此时间的在办事项显示为橙色")

SUMMARY_MAX = 2000
TEXT_MAX = 1000

STATUSES = ("全部", "在办", "已超时", "已办结", "已作废")


@dataclass
class CallInput:
    """What the call form holds; the service checks and stores it."""

    received_at: dt.datetime | None
    category: str
    summary: str
    officer_name: str
    channel: str = "电话"
    caller: str = ""
    caller_unit: str = ""
    phone: str = ""
    assignee_name: str = ""
    instruction: str = ""
    instruction_by: str = ""
    feedback: str = ""
    closed_at: dt.datetime | None = None
    deadline: dt.datetime | None = None  # typed by hand at registration only; None: from the category's limit
    category_reason: str = ""  # why the category changes after the deadline has passed
    late_reason: str = ""  # 补记: why the 办结时间 is entered long after it

    @classmethod
    def from_call(cls, call: Call) -> CallInput:
        values = {f.name: getattr(call, f.name) for f in fields(cls)
                  if f.name not in ("deadline", "category_reason", "late_reason")}
        return cls(**values, deadline=call.deadline if call.deadline_typed else None)


#: Field labels of the audit log's old → new.
LABELS = {
    "received_at": "来电时间", "channel": "来电方式", "category": "事项类别", "caller": "来电人",
    "caller_unit": "来电单位", "phone": "联系电话", "summary": "内容摘要", "officer_name": "值班员",
    "assignee_name": "交办对象", "instruction": "领导批示", "instruction_by": "批示领导", "feedback": "办理情况",
    "closed_at": "办结时间", "deadline": "办理时限",
}
CLOSED = "已办结的记录不能直接修改，请使用“更正”"


def limit_minutes(category: str) -> int:
    return settings.get(LIMIT_SETTINGS[category].key)


def deadline_for(category: str, received_at: dt.datetime) -> dt.datetime:
    return received_at + dt.timedelta(minutes=limit_minutes(category))


def check_call(data: CallInput, stored: Call | None = None, *, late: bool = False) -> dict:
    """Every field checked at once; returns the values to store. With ``late`` (the window's and the
    command line's entries, not a ledger import), also ``late_reason``: the 补记 reason, required when
    the 办结时间 is new and more than the setting's minutes before now."""
    check = Checker()
    now = clock.now()
    values: dict = {}
    if data.received_at is None:
        check.add("received_at", "请填写来电时间")
    elif clock.is_future(data.received_at, now):
        check.add("received_at", "来电时间不能晚于当前时间")
    values["received_at"] = data.received_at
    values["channel"] = check.run("channel", choices.check, CHANNEL_LIST.key, data.channel, "channel", Call.channel)
    if data.category not in CATEGORIES:
        check.add("category", "请选择事项类别")
    values["category"] = data.category
    values["caller"] = check.run("caller", clean_name, data.caller, "来电人", field="caller", max_len=30)
    values["caller_unit"] = check.run("caller_unit", clean_text, data.caller_unit, "来电单位",
                                      field="caller_unit", max_len=60)
    values["phone"] = check.run("phone", clean_phone, data.phone, "联系电话", field="phone")
    values["summary"] = check.run("summary", clean_text, data.summary, "内容摘要", field="summary",
                                  max_len=SUMMARY_MAX, required=True, multiline=True)
    values["officer_name"] = check.run("officer_name", clean_name, data.officer_name, "值班员",
                                       field="officer_name", max_len=30, required=True)
    values["assignee_name"] = check.run("assignee_name", clean_name, data.assignee_name, "交办对象",
                                        field="assignee_name", max_len=30)
    values["instruction"] = check.run("instruction", clean_text, data.instruction, "领导批示",
                                      field="instruction", max_len=TEXT_MAX, multiline=True)
    values["instruction_by"] = check.run("instruction_by", clean_name, data.instruction_by, "批示领导",
                                         field="instruction_by", max_len=30)
    values["feedback"] = check.run("feedback", clean_text, data.feedback, "办理情况", field="feedback",
                                   max_len=TEXT_MAX, multiline=True)
    if data.closed_at is not None:
        if data.received_at is not None and data.closed_at < data.received_at:
            check.add("closed_at", "办结时间不能早于来电时间")
        elif clock.is_future(data.closed_at, now):
            check.add("closed_at", "办结时间不能晚于当前时间")
        if not (data.feedback or "").strip():
            check.add("feedback", "办结时请填写办理情况")
    values["closed_at"] = data.closed_at
    if data.deadline is not None and data.received_at is not None and data.deadline < data.received_at:
        check.add("deadline", "办理时限不能早于来电时间")
    if late and "closed_at" not in check.errors:
        new_closing = data.closed_at if stored is None or data.closed_at != stored.closed_at else None
        values["late_reason"] = late_entry.check(new_closing, data.late_reason, check, now)
    check.raise_if_any()
    return values


def _person(name: str) -> Person | None:
    return people.find_person(name)


def _apply(call: Call, values: dict, data: CallInput) -> None:
    """Store the form's values. The deadline is set at registration only (typed, or the category's
    limit); afterwards it follows a change of category (unless it was typed) and nothing else."""
    creating = call.id is None
    handed_on = values["assignee_name"] != call.assignee_name
    category_changed = not creating and values["category"] != call.category
    was_closed = call.closed_at is not None
    for key, value in values.items():
        if key != "late_reason":
            setattr(call, key, value)
    call.officer = _person(call.officer_name)
    if not call.assignee_name:
        call.assignee, call.assigned_at = None, None
    elif handed_on:  # 交办 happens when the name is first given or changed
        call.assignee, call.assigned_at = _person(call.assignee_name), clock.now()
    if creating:
        if data.deadline is not None:
            call.deadline, call.deadline_typed = data.deadline, True
        else:
            call.deadline, call.deadline_typed = deadline_for(call.category, call.received_at), False
    elif category_changed and not call.deadline_typed:
        call.deadline = deadline_for(call.category, call.received_at)
    if not call.closed_at:
        call.closed_by = ""
    elif creating:
        call.closed_by = call.officer_name
    elif not was_closed:
        call.closed_by = session.actor_name()
    call.shift = shift_at(call.received_at)


def _category_reason(call: Call, values: dict, data: CallInput, reason: str | None = None) -> str:
    """Changing the category once the deadline has passed needs a reason (it moves the deadline)."""
    if values["category"] == call.category or call.deadline is None or clock.now() <= call.deadline:
        return ""
    reason = clean_text(data.category_reason if reason is None else reason, "修改类别原因",
                        field="category_reason", max_len=200) or ""
    if not reason:
        raise ValidationError("category_reason", f"办理时限（{call.deadline:%m-%d %H:%M}）已过，修改事项类别须填写原因")
    return reason


@requires("duty.write")
def create_call(data: CallInput) -> Call:
    values = check_call(data, late=True)
    with atomic():
        call = Call()
        _apply(call, values, data)
        call.save()
        audit.record("新建", "call", call.id, f"{call.category}：{call.summary[:40]}")
        late_entry.record("call", call.id, values["late_reason"])
    return call


def get_call(call_id: int) -> Call:
    return existing(Call, call_id, "id", "该记录不存在，可能已被删除")


def _save_changed(call: Call, values: dict, data: CallInput, action: str, reason: str = "",
                  category_reason: str | None = None) -> Call:
    category_reason = _category_reason(call, values, data, category_reason)
    changes = audit.diff(call, values, LABELS)
    old_deadline = call.deadline
    _apply(call, values, data)
    if call.deadline != old_deadline:
        changes.append((LABELS["deadline"], audit.shown(old_deadline), audit.shown(call.deadline)))
    call.save()
    detail = "；".join(part for part in (reason, f"修改类别原因：{category_reason}" if category_reason else "") if part)
    if changes:
        audit.record(action, "call", call.id, detail, changes=changes)
    late_entry.record("call", call.id, values["late_reason"])
    return call


@requires("duty.write")
def update_call(call_id: int, data: CallInput, actor: str = "", *, expected_version: int | None = None) -> Call:
    """修改 an open call; the deadline stays as registered (``data.deadline`` is ignored)."""
    with atomic():
        call = live(get_call(call_id), "id", "该记录已作废，不能修改")
        conflicts.check(call, expected_version)
        if call.closed_at is not None:
            raise ValidationError("id", CLOSED)
        values = check_call(data, call, late=True)
        return _save_changed(call, values, data, "修改")


@requires("duty.write")
def correct_call(call_id: int, data: CallInput, reason: str, *, expected_version: int | None = None) -> Call:
    """更正 of a closed call: by a role allowed to ("correct"), with a reason, audited old → new."""
    reason = audit.correction_reason(reason)
    with atomic():
        call = get_call(call_id)
        conflicts.check(call, expected_version)
        call = audit.correctable(call, call.closed_at is not None)
        data.late_reason = data.late_reason or reason
        values = check_call(data, call, late=True)
        values["late_reason"] = ""  # a 更正 is its own line, with its reason
        return _save_changed(call, values, data, "更正", reason, category_reason=data.category_reason or reason)


@requires("duty.write")
def close_call(call_id: int, feedback: str, closed_at: dt.datetime | None = None, actor: str = "",
               late_reason: str = "") -> Call:
    """办结: the feedback (办理情况) is required; the time defaults to now (an earlier one is 补记)."""
    with atomic():
        call = live(get_call(call_id), "id", "该记录已作废，不能办结")
        if call.closed_at is not None:
            raise ValidationError("id", "该记录已经办结")
        data = CallInput.from_call(call)
        data.feedback = feedback if feedback.strip() else call.feedback
        data.closed_at = closed_at or clock.now()
        data.late_reason = late_reason
        values = check_call(data, call, late=True)
        call.feedback, call.closed_at = values["feedback"], values["closed_at"]
        call.closed_by = actor or session.actor_name()
        call.save()
        audit.record("办结", "call", call.id, call.feedback[:80])
        late_entry.record("call", call.id, values["late_reason"])
    return call


@requires("instruct")
def instruct_call(call_id: int, instruction: str) -> Call:
    """领导批示 on an open call, by the signed-in leader (or the secretary writing it down): the 批示领导
    is who signed in — the person linked to the login where there is one. Audited old → new."""
    from xiaoneng_desktop.core import accounts

    instruction = clean_text(instruction, "领导批示", field="instruction", max_len=TEXT_MAX, multiline=True,
                             required=True)
    with atomic():
        call = live(get_call(call_id), "instruction", "该记录已作废，不能批示")
        if call.closed_at is not None:
            raise ValidationError("instruction", "该来电已办结，不能再批示")
        values = {"instruction": instruction, "instruction_by": accounts.display_name(session.current())[:30]}
        changes = audit.diff(call, values, LABELS)
        call.instruction, call.instruction_by = values["instruction"], values["instruction_by"]
        call.save()
        if changes:
            audit.record("批示", "call", call.id, "", changes=changes)
    return call


@requires("duty.write")
def void_call(call_id: int, reason: str, actor: str = "") -> Call:
    """作废 instead of delete: the record stays, greyed, with the reason in the audit log."""
    return audit.void(lambda: get_call(call_id), reason, table="call", already="该记录已经作废")


# --- what the lists show -------------------------------------------------------------------------

def is_open(call: Call) -> bool:
    return call.closed_at is None and call.voided_at is None


def _open():
    return Call.closed_at.is_null() & Call.voided_at.is_null()


def calls_query(text: str = "", date_from: dt.date | None = None, date_to: dt.date | None = None,
                status: str = "全部", category: str = "") -> pw.ModelSelect:
    """The call log as the table shows it, filtered in SQL (the table model adds order and paging)."""
    query = Call.select()
    if date_from is not None:
        query = query.where(Call.received_at >= dt.datetime.combine(date_from, dt.time()))
    if date_to is not None:
        query = query.where(Call.received_at < dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time()))
    if category:
        query = query.where(Call.category == category)
    now = clock.now()
    if status == "在办":
        query = query.where(_open())
    elif status == "已超时":
        query = query.where(overdue_condition(now))
    elif status == "已办结":
        query = query.where(Call.closed_at.is_null(False) & Call.voided_at.is_null())
    elif status == "已作废":
        query = query.where(Call.voided_at.is_null(False))
    text = text.strip()
    if text:
        query = query.where(search_index_matches(Call, text))
    return query


def open_calls_query() -> pw.ModelSelect:
    """Items still open — listed first for the officer who takes over the shift."""
    return Call.select().where(_open())


def overdue_condition(now: dt.datetime | None = None) -> pw.Expression:
    """The calls whose ``state`` is overdue, as SQL."""
    return _open() & (Call.deadline < (now or clock.now()))


def overdue_count(now: dt.datetime | None = None) -> int:
    return Call.select().where(overdue_condition(now)).count()


def state(call: Call, now: dt.datetime | None = None) -> str:
    """voided / closed / closed_late / overdue / soon / open (core.figures.STATES) against the clock."""
    if call.voided_at is not None:
        return figures.VOIDED
    if call.closed_at is not None:
        return figures.closed_state(call.closed_at, call.deadline)
    now = now or clock.now()
    return figures.open_state(call.deadline, now, now + dt.timedelta(minutes=due_soon_minutes()))


def status_text(call: Call, now: dt.datetime | None = None) -> str:
    """剩余 8分钟 / 超时 2小时5分钟 / 已办结 / 已办结（超时） / 已作废."""
    now = now or clock.now()
    current = state(call, now)
    if current == figures.VOIDED:
        return "已作废"
    if current in (figures.CLOSED, figures.CLOSED_LATE):
        return "已办结（超时）" if current == figures.CLOSED_LATE else "已办结"
    return format_remaining(call.deadline - now)


def remaining(call: Call, now: dt.datetime | None = None) -> dt.timedelta | None:
    """Time left to the deadline (negative when overdue); None for closed or voided items."""
    if not is_open(call):
        return None
    return call.deadline - (now or clock.now())


def format_remaining(delta: dt.timedelta) -> str:
    """剩余 8分钟 / 超时 2小时5分钟 — minutes are what a duty officer counts in."""
    seconds = int(delta.total_seconds())
    overdue = seconds < 0
    minutes = (abs(seconds) + (0 if overdue else 59)) // 60
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    parts = []
    if days:
        parts.append(f"{days}天")
    if hours:
        parts.append(f"{hours}小时")
    if minutes or not parts:
        parts.append(f"{minutes}分钟")
    return ("超时 " if overdue else "剩余 ") + "".join(parts)


def due_soon_minutes() -> int:
    return settings.get(DUE_SOON.key)


# --- roster (排班) and handover (交接班) ------------------------------------------------------------

_SHIFT_ITEM = re.compile(r"^\s*(\S+)\s+(\d{1,2}):(\d{2})\s*[-－—~至]\s*(\d{1,2}):(\d{2})\s*$")


def parse_shift_pattern(text: str) -> list[tuple[str, dt.time, dt.time]]:
    """'白班 08:30-17:30；夜班 17:30-08:30' → [(name, start, end)]; an end ≤ start ends next day."""
    shifts = []
    for item in re.split(r"[;；\n]+", text or ""):
        if not item.strip():
            continue
        match = _SHIFT_ITEM.match(item)
        if not match:
            raise ValidationError("duty.shift_pattern", f"班次“{item.strip()}”的格式不对，应为“白班 08:30-17:30”")
        name, h1, m1, h2, m2 = match.groups()
        try:
            shifts.append((name, dt.time(int(h1), int(m1)), dt.time(int(h2), int(m2))))
        except ValueError as exc:
            raise ValidationError("duty.shift_pattern", f"班次“{item.strip()}”的时间不对") from exc
    if not shifts:
        raise ValidationError("duty.shift_pattern", "请至少设置一个班次")
    if len({name for name, _, _ in shifts}) != len(shifts):
        raise ValidationError("duty.shift_pattern", "班次名称不能重复")
    return shifts


SHIFT_PATTERN = settings.define(
    "duty.shift_pattern", "值班班次", "白班 08:30-17:30；夜班 17:30-08:30", "值班",
    help="每天的班次，格式“名称 开始-结束”，用分号隔开；结束早于开始表示次日结束",
    validator=parse_shift_pattern,
)


def shift_pattern() -> list[tuple[str, dt.time, dt.time]]:
    return parse_shift_pattern(settings.get(SHIFT_PATTERN.key))


def _shift_times(day: dt.date, start: dt.time, end: dt.time) -> tuple[dt.datetime, dt.datetime]:
    starts = dt.datetime.combine(day, start)
    ends = dt.datetime.combine(day if end > start else day + dt.timedelta(days=1), end)
    return starts, ends


@dataclass
class ShiftInput:
    day: dt.date
    name: str
    officer_name: str = ""
    leader_name: str = ""
    standby_name: str = ""
    officer_phone: str = ""
    leader_phone: str = ""
    standby_phone: str = ""


def _phone_of(person: Person | None) -> str:
    # One number, so that the shift form can send it back through clean_phone unchanged.
    return (person.mobile or person.office_phone) if person else ""


@requires("people")
def save_shift(data: ShiftInput, *, expected_version: int | None = None) -> DutyShift:
    """Put people on one shift of the roster (creating the shift from the pattern if needed)."""
    check = Checker()
    names = {}
    for role, label in (("officer_name", "值班员"), ("leader_name", "带班领导"), ("standby_name", "候班人员")):
        names[role] = check.run(role, clean_name, getattr(data, role), label, field=role, max_len=30)
    phones = {}
    for role, label in (("officer_phone", "值班员电话"), ("leader_phone", "带班领导电话"),
                        ("standby_phone", "候班人员电话")):
        phones[role] = check.run(role, clean_phone, getattr(data, role), label, field=role)
    pattern = {name: (start, end) for name, start, end in shift_pattern()}
    if data.name not in pattern:
        existing = DutyShift.get_or_none((DutyShift.day == data.day) & (DutyShift.name == data.name))
        if existing is None:
            check.add("name", f"没有名为“{data.name}”的班次，请先在单位设置中设置班次")
    check.raise_if_any()
    with atomic():
        shift = DutyShift.get_or_none((DutyShift.day == data.day) & (DutyShift.name == data.name))
        if shift is None:
            shift = DutyShift(day=data.day, name=data.name)
            shift.starts_at, shift.ends_at = _shift_times(data.day, *pattern[data.name])
        else:
            conflicts.check(shift, expected_version)
        if shift.handed_over_at is not None:
            raise ValidationError("name", "该班次已交接，不能再修改排班")
        for role in ("officer", "leader", "standby"):
            name = names[f"{role}_name"] or ""
            person = _person(name)
            setattr(shift, f"{role}_name", name)
            setattr(shift, role, person)
            setattr(shift, f"{role}_phone", phones[f"{role}_phone"] or _phone_of(person))
        shift.save()
        audit.record("排班", "duty_shift", shift.id, f"{shift.day} {shift.name} {shift.officer_name}")
    return shift


def roster(first_day: dt.date, last_day: dt.date) -> list[DutyShift]:
    return list(DutyShift.select()
                .where((DutyShift.day >= first_day) & (DutyShift.day <= last_day))
                .order_by(DutyShift.starts_at))


def shift_at(moment: dt.datetime | None) -> DutyShift | None:
    if moment is None:
        return None
    return (DutyShift.select()
            .where((DutyShift.starts_at <= moment) & (DutyShift.ends_at > moment))
            .order_by(DutyShift.starts_at.desc()).first())


def _month_days(year: int, month: int) -> list[dt.date]:
    first = dt.date(year, month, 1)
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return [first + dt.timedelta(days=i) for i in range((following - first).days)]


def _unavailable(names: list[str], first: dt.date, last: dt.date) -> set[tuple[str, dt.date]]:
    """(name, day) pairs on which a person of the lists cannot take duty."""
    busy: set[tuple[str, dt.date]] = set()
    rows = (Unavailability.select(Unavailability, Person).join(Person)
            .where((Person.name.in_(names)) & (Unavailability.first_day <= last)
                   & (Unavailability.last_day >= first)))
    for row in rows:
        day = max(row.first_day, first)
        while day <= min(row.last_day, last):
            busy.add((row.person.name, day))
            day += dt.timedelta(days=1)
    return busy


def _rotation_start(names: list[str], role: str, before: dt.datetime) -> int:
    """Index in ``names`` after the last person who took this role before ``before``."""
    field = getattr(DutyShift, f"{role}_name")
    last = (DutyShift.select(field).where((DutyShift.starts_at < before) & (field.in_(names)))
            .order_by(DutyShift.starts_at.desc()).first())
    return (names.index(getattr(last, f"{role}_name")) + 1) % len(names) if last else 0


@requires("people")
def generate_roster(year: int, month: int, officers: list[str], leaders: list[str],
                    standbys: list[str] | None = None) -> list[DutyShift]:
    """Rotate the lists over the month: officers shift by shift, leaders and standby day by day,
    continuing after whoever took the last shift before this month and skipping anyone inactive or
    unavailable that day. Shifts already handed over are left as they were."""
    check = Checker()
    if not officers:
        check.add("officers", "请至少选择一名值班员")
    if not leaders:
        check.add("leaders", "请至少选择一名带班领导")
    check.raise_if_any()
    standbys = standbys or []
    days = _month_days(year, month)
    pattern = shift_pattern()
    everyone = list(dict.fromkeys(officers + leaders + standbys))
    inactive = {p.name for p in Person.select(Person.name).where(
        Person.name.in_(everyone) & (Person.active == False))}  # noqa: E712
    busy = _unavailable(everyone, days[0], days[-1])
    start = dt.datetime.combine(days[0], dt.time())
    cursors = {"officer": _rotation_start(officers, "officer", start),
               "leader": _rotation_start(leaders, "leader", start),
               "standby": _rotation_start(standbys, "standby", start) if standbys else 0}
    lists = {"officer": officers, "leader": leaders, "standby": standbys}

    def take(role: str, day: dt.date, avoid: set[str]) -> str:
        names = lists[role]
        for step in range(len(names)):
            name = names[(cursors[role] + step) % len(names)]
            if name not in inactive and (name, day) not in busy and name not in avoid:
                cursors[role] = (cursors[role] + step + 1) % len(names)
                return name
        return ""  # nobody free: the day shows as a hole in the roster

    directory = {p.name: p for p in Person.select().where(Person.name.in_(everyone) & (Person.active == True))}  # noqa: E712
    made = []
    with atomic():
        for day in days:
            leader = take("leader", day, set())
            standby = take("standby", day, {leader}) if standbys else ""
            for name, begin, end in pattern:
                shift = DutyShift.get_or_none((DutyShift.day == day) & (DutyShift.name == name))
                if shift is not None and shift.handed_over_at is not None:
                    continue
                officer = take("officer", day, {leader, standby})
                shift = shift or DutyShift(day=day, name=name)
                shift.starts_at, shift.ends_at = _shift_times(day, begin, end)
                for role, person_name in (("officer", officer), ("leader", leader), ("standby", standby)):
                    person = directory.get(person_name)
                    setattr(shift, f"{role}_name", person_name)
                    setattr(shift, role, person)
                    setattr(shift, f"{role}_phone", _phone_of(person))
                shift.save()
                made.append(shift)
        audit.record("生成排班", "duty_shift", 0, f"{year}年{month}月，{len(made)}个班次")
    return made


def leaderless_shifts(first_day: dt.date, last_day: dt.date) -> list[DutyShift]:
    """The rostered shifts of the days with no 带班领导: a gap in the 24-hour coverage (every shift has
    a leader in charge), in time order."""
    return list(DutyShift.select().where(
        (DutyShift.day >= first_day) & (DutyShift.day <= last_day) & (DutyShift.leader_name == ""))
        .order_by(DutyShift.starts_at))


def coverage_gaps(first_day: dt.date, last_day: dt.date) -> dict[dt.date, str]:
    """Days whose 24 hours are not all covered by a shift with a duty officer, with what is missing."""
    gaps: dict[dt.date, str] = {}
    shifts = list(DutyShift.select().where(
        (DutyShift.starts_at < dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time()))
        & (DutyShift.ends_at > dt.datetime.combine(first_day, dt.time()))
        & (DutyShift.officer_name != "")).order_by(DutyShift.starts_at))
    day = first_day
    while day <= last_day:
        begin = dt.datetime.combine(day, dt.time())
        end = begin + dt.timedelta(days=1)
        covered_to = begin
        holes = []
        for shift in shifts:
            if shift.ends_at <= begin or shift.starts_at >= end:
                continue
            if shift.starts_at > covered_to:
                holes.append(f"{covered_to:%H:%M}-{shift.starts_at:%H:%M}")
            covered_to = max(covered_to, shift.ends_at)
        if covered_to < end:
            holes.append(f"{covered_to:%H:%M}-24:00")
        if holes:
            gaps[day] = "无人值班：" + "、".join(holes)
        day += dt.timedelta(days=1)
    return gaps


@requires("people")
def add_unavailability(person_id: int, first_day: dt.date, last_day: dt.date, reason: str = "") -> Unavailability:
    check = Checker()
    if last_day < first_day:
        check.add("last_day", "结束日期不能早于开始日期")
    reason = check.run("reason", clean_text, reason, "原因", field="reason", max_len=60)
    check.raise_if_any()
    with atomic():
        row = Unavailability.create(person=person_id, first_day=first_day, last_day=last_day, reason=reason)
        audit.record("不能值班", "unavailability", row.id, f"{first_day}至{last_day} {reason}")
    return row


def unavailability(first_day: dt.date, last_day: dt.date) -> list[Unavailability]:
    """Who cannot take duty on some day of this period, with the person joined in (one query)."""
    return list(Unavailability.select(Unavailability, Person).join(Person)
                .where((Unavailability.first_day <= last_day) & (Unavailability.last_day >= first_day))
                .order_by(Unavailability.first_day, Person.name))


#: How the 接班人 is kept (no column of its own): the first line of the handover note.
SUCCESSOR_PREFIX = "接班人："


def next_shift(shift: DutyShift) -> DutyShift | None:
    """The roster's shift that follows ``shift`` — its 值班员 is who should take over."""
    return (DutyShift.select().where((DutyShift.starts_at >= shift.ends_at - dt.timedelta(hours=1))
                                     & (DutyShift.id != shift.id))
            .order_by(DutyShift.starts_at).first())


def successor_of(shift: DutyShift) -> str:
    """The 接班人 named at the handover ("" if none was named)."""
    first = (shift.handover_note or "").split("\n", 1)[0]
    return first[len(SUCCESSOR_PREFIX):].strip() if first.startswith(SUCCESSOR_PREFIX) else ""


def note_without_successor(shift: DutyShift) -> str:
    """The handover note as typed, without its 接班人 line."""
    note = shift.handover_note or ""
    if not successor_of(shift):
        return note
    return note.split("\n", 1)[1] if "\n" in note else ""


@requires("duty.write")
def handover(shift_id: int, note: str, actor: str = "", successor: str = "") -> DutyShift:
    """交接班: close the shift with a note; the items still open carry over to the next officer.
    The 接班人 (``successor``) is kept as the note's first line, "接班人：X"."""
    note = clean_text(note, "交接班记录", field="handover_note", max_len=TEXT_MAX, multiline=True, required=True)
    actor = clean_name(actor, "交班人", field="handover_note", max_len=30)
    successor = clean_name(successor, "接班人", field="successor", max_len=30)
    if successor:
        note = f"{SUCCESSOR_PREFIX}{successor}\n{note}"
    with atomic():
        shift = existing(DutyShift, shift_id, "handover_note", "该班次不存在")
        if shift.handed_over_at is not None:
            raise ValidationError("handover_note", "该班次已经交接")
        shift.handed_over_at = clock.now()
        shift.handed_over_by = actor or shift.officer_name
        shift.handover_note = note
        shift.open_at_handover = open_calls_query().count()
        shift.save()
        audit.record("交接班", "duty_shift", shift.id, note[:80])  # begins with 接班人：X when named
    return shift


def last_handover(before: dt.datetime | None = None) -> DutyShift | None:
    """The most recent handed-over shift — its note is what the next officer reads first."""
    moment = before or clock.now()
    return (DutyShift.select().where(DutyShift.handed_over_at.is_null(False)
                                     & (DutyShift.handed_over_at <= moment))
            .order_by(DutyShift.handed_over_at.desc()).first())


def shift_of(day: dt.date, name: str) -> DutyShift | None:
    """The roster's 班次 ``name`` on ``day``, if one has been set."""
    return DutyShift.get_or_none((DutyShift.day == day) & (DutyShift.name == name))
