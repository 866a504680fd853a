"""来访接待: what reception staff can do — register a visitor (recognising a returning one), decide on
acceptance, refer the case (转办), answer the visitor, record the result, satisfaction and 回访, extend
once, void; keep the 领导接待日 schedule. Each action is one transaction; bad input raises
ValidationError naming the field. Personal data (身份证号, phone) never goes into the audit log or
an error message.

Time limits (信访工作条例 2022) are calendar days: acceptance decided and told within 15 days of the
visit; handled within 60 days of acceptance (of the visit while there is none), extendable once by at
most 30 days with a reason. A deadline given as a date ends at 23:59:59 of that day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

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
    workdays,
)
from xiaoneng_desktop.core import extensions as deadline_extensions
from xiaoneng_desktop.core.db import atomic, search_index_matches
from xiaoneng_desktop.core.models import DeadlineExtension, Person
from xiaoneng_desktop.core.session import requires
from xiaoneng_desktop.core.validation import (
    Checker,
    ValidationError,
    clean_id_number,
    clean_name,
    clean_personal_phone,
    clean_text,
    existing,
    id_number_key,
    live,
    mask_id_number,
    phone_key,
)
from xiaoneng_desktop.visitors.models import (
    DECISIONS,
    PURPOSE_LIST,
    PURPOSES,
    SATISFACTIONS,
    SUBJECT_LIST,
    ReceptionDay,
    Visit,
)

GROUP = "来访接待"
ACCEPT_DAYS = settings.define("visitors.accept_days", "受理告知时限", 15, GROUP, unit=" 天", minimum=1, maximum=90,
                              help="来访之日起，在此期限内决定是否受理并告知来访人（信访工作条例：15日）")
HANDLE_DAYS = settings.define("visitors.handle_days", "办理时限", 60, GROUP, unit=" 天", minimum=1, maximum=365,
                              help="受理之日起（尚未受理的从来访之日起）在此期限内办结答复（信访工作条例：60日）")
EXTEND_MAX = settings.define("visitors.extend_max_days", "延期最多", 30, GROUP, unit=" 天", minimum=1, maximum=180,
                             help="情况复杂的可延期一次，延长不超过此天数，并须说明理由（信访工作条例：30日）")
DUE_SOON = settings.define("visitors.due_soon_days", "临近时限提醒", 7, GROUP, unit=" 天", minimum=0, maximum=60,
                           help="距时限不足此天数的在办来访显示为橙色")
GROUP_SIZE = settings.define("visitors.group_size", "集体访人数", 5, GROUP, unit=" 人", minimum=2, maximum=1000,
                             help="来访人数达到此数的登记为集体访（一名代表登记姓名）")

WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
_WEEKDAY_WORD = re.compile(r"^(?:星期|周|礼拜)([一二三四五六日天])$")


def parse_weekday(text: str) -> int:
    """'星期三' / '周三' → 2 (Monday 0)."""
    match = _WEEKDAY_WORD.match((text or "").strip())
    if not match:
        raise ValidationError("visitors.reception_weekday", "接待日应写作“星期三”这样的形式")
    return "一二三四五六日天".index(match.group(1)) if match.group(1) != "天" else 6


RECEPTION_WEEKDAY = settings.define("visitors.reception_weekday", "领导接待日", "星期三", GROUP,
                                    help="每星期确定一个信访接待日，单位领导轮流接待（如“星期三”）",
                                    validator=parse_weekday)
RECEPTION_PLACE = settings.define("visitors.reception_place", "接待地点", "县政府来访接待室", GROUP,
                                  help="生成领导接待日安排时默认的接待地点")
RECEPTION_LEADERS = settings.define("visitors.reception_leaders", "轮流接待的领导", "", GROUP,
                                    help="生成领导接待日安排时默认的领导名单，按轮流顺序，用顿号“、”隔开")

MATTER_MAX = 2000
TEXT_MAX = 1000
NOT_GIVEN = "未提供"

STATUSES = ("全部", "在办", "待受理", "已超时", "已办结", "不予受理", "已作废")

#: Field labels of the audit log's old → new (the 身份证号 is masked by the log itself).
LABELS = {
    "visited_at": "来访时间", "name": "来访人姓名", "id_number": "身份证号", "phone": "联系电话", "persons": "来访人数",
    "address": "单位或住址", "category": "问题类别", "matter": "来访事由", "first_responder": "首问责任人",
    "decision": "受理情况", "decided_at": "受理（告知）时间", "decision_reason": "理由", "referred_to": "转办单位或人员",
    "referral_due": "转办时限", "reply": "答复意见", "result": "办理结果", "closed_at": "答复（办结）时间",
    "satisfaction": "满意度", "followed_up_at": "回访时间", "follow_up_note": "回访情况", "deadline": "办理时限",
}
CLOSED = "已办结的记录不能直接修改，请使用“更正”"
#: What may still be recorded on an answered visit: the visitor's rating and the 回访.
AFTER_CLOSING = ("satisfaction", "followed_up_at", "follow_up_note")


def accept_days() -> int:
    return settings.get(ACCEPT_DAYS.key)


def handle_days() -> int:
    return settings.get(HANDLE_DAYS.key)


def extend_max_days() -> int:
    return settings.get(EXTEND_MAX.key)


def due_soon_days() -> int:
    return settings.get(DUE_SOON.key)


def group_size() -> int:
    return settings.get(GROUP_SIZE.key)


def acceptance_due_for(visited_at: dt.datetime) -> dt.datetime:
    return clock.end_of_day(visited_at.date() + dt.timedelta(days=accept_days()))


def deadline_for(visited_at: dt.datetime, decided_at: dt.datetime | None = None, extended_days: int = 0) -> dt.datetime:
    """60 calendar days from 受理 (from the visit while there is none), plus an approved extension."""
    base = (decided_at or visited_at).date()
    return clock.end_of_day(base + dt.timedelta(days=handle_days() + extended_days))


def id_display(visit_or_number, full: bool | None = None) -> str:
    """What lists, the record form and search hints show: the full number to a role allowed to see it
    (session permission "id.full": 管理员, 接待员), else 4306**********1234; 未提供 when not given.
    ``full`` overrides the session (exports: masked unless full numbers were asked for)."""
    number = getattr(visit_or_number, "id_number", visit_or_number) or ""
    if not number:
        return NOT_GIVEN
    if full is None:
        full = session.can("id.full")
    return number if full else mask_id_number(number)


#: A number as lists and exports mask it (4306**********1234): an export re-imported keeps it masked.
_MASKED_ID = re.compile(r"^[0-9]{4}\*{7,10}[0-9X]{4}$")


def is_masked_id(text: str) -> bool:
    return bool(_MASKED_ID.match("".join((text or "").split()).upper()))


def _clean_id(value: str) -> str:
    """A full number checked (GB 11643), or a masked one kept as given (from a masked export)."""
    if is_masked_id(value):
        return "".join(value.split()).upper()
    return clean_id_number(value, "身份证号", field="id_number")


def is_group(visit: Visit) -> bool:
    return visit.persons >= group_size()


# --- registering a visit ---------------------------------------------------------------------------

@dataclass
class VisitInput:
    """What the registration form holds."""

    visited_at: dt.datetime | None
    name: str
    matter: str
    first_responder: str
    category: str = "其他"  # 问题类别 (the subject; SUBJECT_LIST)
    id_number: str = ""
    phone: str = ""
    persons: int = 1
    address: str = ""
    purpose: str = ""  # 信访目的 (PURPOSE_LIST); may be left open


def check_visit(data: VisitInput) -> dict:
    check = Checker()
    now = clock.now()
    values: dict = {}
    if data.visited_at is None:
        check.add("visited_at", "请填写来访时间")
    elif clock.is_future(data.visited_at, now):
        check.add("visited_at", "来访时间不能晚于当前时间")
    values["visited_at"] = data.visited_at
    values["name"] = check.run("name", clean_name, data.name, "来访人姓名", field="name", max_len=30, required=True)
    values["id_number"] = check.run("id_number", _clean_id, data.id_number)
    values["phone"] = check.run("phone", clean_personal_phone, data.phone, "联系电话", field="phone")
    persons = data.persons
    if isinstance(persons, str):
        persons = int(persons) if persons.strip().isdigit() else None
    if isinstance(persons, bool) or not isinstance(persons, int) or persons < 1:
        check.add("persons", "来访人数必须是大于 0 的整数")
    elif persons > 9999:
        check.add("persons", "来访人数不能超过 9999")
    values["persons"] = persons
    values["address"] = check.run("address", clean_text, data.address, "单位或住址", field="address", max_len=100)
    category = " ".join((data.category or "").split())
    purpose = " ".join((data.purpose or "").split())
    if not purpose and category in PURPOSES and category not in SUBJECT_LIST.values():
        category, purpose = "其他", category  # a 信访目的 where the 问题类别 goes (before schema 8): as the upgrade did
    values["category"] = check.run("category", choices.check, SUBJECT_LIST.key, category, "category", Visit.category)
    values["purpose"] = check.run("purpose", choices.check, PURPOSE_LIST.key, purpose, "purpose", Visit.purpose,
                                  required=False)
    values["matter"] = check.run("matter", clean_text, data.matter, "来访事由", field="matter", max_len=MATTER_MAX,
                                 required=True, multiline=True)
    values["first_responder"] = check.run("first_responder", clean_name, data.first_responder, "首问责任人",
                                          field="first_responder", max_len=30, required=True)
    check.raise_if_any()
    values["id_key"] = "" if is_masked_id(values["id_number"]) else id_number_key(values["id_number"])
    values["phone_key"] = phone_key(values["phone"])
    return values


def _link_reception_day(visit: Visit) -> None:
    row = ReceptionDay.get_or_none(ReceptionDay.day == visit.visited_at.date())
    visit.reception_day = row
    visit.leader_name = row.leader_name if row else ""


@requires("visitors.write")
def create_visit(data: VisitInput) -> Visit:
    values = check_visit(data)
    with atomic():
        visit = Visit(**values)
        visit.acceptance_due = acceptance_due_for(visit.visited_at)
        visit.deadline = deadline_for(visit.visited_at)
        _link_reception_day(visit)
        visit.save()
        audit.record("来访登记", "visit", visit.id, f"{visit.category}，{visit.persons}人")
    return visit


def get_visit(visit_id: int) -> Visit:
    return existing(Visit, visit_id, "id", "该来访记录不存在，可能已被删除")


def _save_registration(visit: Visit, values: dict, action: str, reason: str = "") -> Visit:
    """The registration's fields; the deadlines (受理告知, 办理时限) stay as registered."""
    if values["id_number"] and values["id_number"] == mask_id_number(visit.id_number):
        # shown masked to a role that may not see it: saving the form keeps the stored number
        values["id_number"], values["id_key"] = visit.id_number, visit.id_key
    first_after = min((t for t in (visit.decided_at, visit.closed_at, visit.referred_at) if t), default=None)
    if first_after is not None and values["visited_at"] > first_after:
        raise ValidationError("visited_at", "来访时间不能晚于已登记的受理、转办或答复时间")
    changes = audit.diff(visit, values, LABELS)
    for key, value in values.items():
        setattr(visit, key, value)
    _link_reception_day(visit)
    visit.save()
    if changes:
        audit.record(action, "visit", visit.id, reason, changes=changes)
    return visit


@requires("visitors.write")
def update_visit(visit_id: int, data: VisitInput, actor: str = "", *, expected_version: int | None = None) -> Visit:
    values = check_visit(data)
    with atomic():
        visit = live(get_visit(visit_id), "id", "该记录已作废，不能修改")
        conflicts.check(visit, expected_version)
        if visit.closed_at is not None:
            raise ValidationError("id", CLOSED)
        return _save_registration(visit, values, "修改")


@requires("visitors.write")
def correct_visit(visit_id: int, data: VisitInput, reason: str, *, expected_version: int | None = None) -> Visit:
    """更正 of an answered visit's registration: permission "correct", a reason, old → new."""
    reason = audit.correction_reason(reason)
    values = check_visit(data)
    with atomic():
        visit = get_visit(visit_id)
        conflicts.check(visit, expected_version)
        visit = audit.correctable(visit, visit.closed_at is not None)
        return _save_registration(visit, values, "更正", reason)


# --- handling ----------------------------------------------------------------------------------------

@dataclass
class HandlingInput:
    """What the handling form holds: decision, referral, answer, rating, 回访."""

    decision: str = ""  # "" (待受理) / 受理 / 不予受理
    decided_at: dt.datetime | None = None
    decision_reason: str = ""
    referred_to: str = ""
    referral_due: dt.date | None = None
    deadline: dt.date | None = None  # not used: the 办理时限 is computed (60 days from 受理) and moves only by 延期
    reply: str = ""
    result: str = ""
    replied_at: dt.datetime | None = None  # set: the visitor has been answered (办结)
    satisfaction: str = "未评价"
    followed_up_at: dt.datetime | None = None
    follow_up_note: str = ""
    late_reason: str = ""  # 补记: the answer (or the 不予受理 notice) entered long after it was given

    @classmethod
    def from_visit(cls, visit: Visit) -> HandlingInput:
        typed = (visit.deadline.date() - dt.timedelta(days=visit.extended_days)) if visit.deadline_typed else None
        return cls(decision=visit.decision, decided_at=visit.decided_at, decision_reason=visit.decision_reason,
                   referred_to=visit.referred_to, referral_due=visit.referral_due, deadline=typed,
                   reply=visit.reply, result=visit.result,
                   replied_at=visit.closed_at if visit.decision == "受理" else None,
                   satisfaction=visit.satisfaction, followed_up_at=visit.followed_up_at,
                   follow_up_note=visit.follow_up_note)


def _check_moment(check: Checker, field: str, moment: dt.datetime | None, visit: Visit, label: str,
                  now: dt.datetime) -> None:
    if moment is None:
        return
    if moment < visit.visited_at:
        check.add(field, f"{label}不能早于来访时间")
    elif clock.is_future(moment, now):
        check.add(field, f"{label}不能晚于当前时间")


def check_handling(visit: Visit, data: HandlingInput, *, late: bool = False) -> dict:
    """The handling form checked; with ``late`` (the window, not a ledger import) also the 补记
    reason (``late_reason``) a closing time long before now needs."""
    check = Checker()
    now = clock.now()
    v: dict = {}
    if data.decision not in ("", *DECISIONS):
        check.add("decision", "请选择受理、不予受理或待定")
    decided_at = data.decided_at if data.decision else None
    if data.decision and decided_at is None:
        decided_at = now
    _check_moment(check, "decided_at", decided_at, visit, "受理（告知）时间", now)
    v["decision"], v["decided_at"] = data.decision, decided_at
    v["decision_reason"] = check.run("decision_reason", clean_text, data.decision_reason, "理由",
                                     field="decision_reason", max_len=TEXT_MAX, multiline=True)
    if data.decision == "不予受理" and not v["decision_reason"]:
        check.add("decision_reason", "不予受理须写明理由（将告知来访人）")
    v["referred_to"] = check.run("referred_to", clean_text, data.referred_to, "转办单位或人员",
                                 field="referred_to", max_len=60)
    if v["referred_to"] and data.decision == "不予受理":
        check.add("referred_to", "不予受理的事项不能转办")
    if data.referral_due is not None and data.referral_due < visit.visited_at.date():
        check.add("referral_due", "转办时限不能早于来访日期")
    v["referral_due"] = data.referral_due if v["referred_to"] else None
    v["reply"] = check.run("reply", clean_text, data.reply, "答复意见", field="reply", max_len=TEXT_MAX,
                           multiline=True)
    v["result"] = check.run("result", clean_text, data.result, "办理结果", field="result", max_len=TEXT_MAX,
                            multiline=True)
    replied_at = data.replied_at if data.decision != "不予受理" else None
    if replied_at is not None:
        if data.decision != "受理":
            check.add("decision", "答复来访人之前请先作出受理决定")
        if not v["reply"]:
            check.add("reply", "答复时请填写答复意见")
        _check_moment(check, "replied_at", replied_at, visit, "答复时间", now)
        if decided_at is not None and replied_at < decided_at and "replied_at" not in check.errors:
            check.add("replied_at", "答复时间不能早于受理时间")
    closed_at = decided_at if data.decision == "不予受理" else replied_at
    v["closed_at"] = closed_at
    if data.satisfaction not in SATISFACTIONS:
        check.add("satisfaction", "请选择满意度")
    elif data.satisfaction != "未评价" and closed_at is None:
        check.add("satisfaction", "答复来访人之后才能评价满意度")
    v["satisfaction"] = data.satisfaction
    v["follow_up_note"] = check.run("follow_up_note", clean_text, data.follow_up_note, "回访情况",
                                    field="follow_up_note", max_len=TEXT_MAX, multiline=True)
    if data.followed_up_at is not None:
        if closed_at is None:
            check.add("followed_up_at", "答复来访人之后才能回访")
        elif data.followed_up_at < closed_at:
            check.add("followed_up_at", "回访时间不能早于答复时间")
        elif clock.is_future(data.followed_up_at, now):
            check.add("followed_up_at", "回访时间不能晚于当前时间")
        if not v["follow_up_note"]:
            check.add("follow_up_note", "回访时请填写回访情况")
    v["followed_up_at"] = data.followed_up_at
    if late:
        refused = {"replied_at", "decided_at"} & set(check.errors)
        new_closing = closed_at if closed_at != visit.closed_at and not refused else None
        v["late_reason"] = late_entry.check(new_closing, data.late_reason, check, now)
    check.raise_if_any()
    return v


def _save_handling(visit: Visit, data: HandlingInput, actor: str, action: str, reason: str = "") -> Visit:
    values = check_handling(visit, data, late=True)
    late_reason = values.pop("late_reason")
    if action != "办理":
        late_reason = ""  # a 更正 is its own line, with its reason
    changes = audit.diff(visit, values, LABELS)
    before = (visit.decision, visit.referred_to, visit.closed_at, visit.satisfaction, visit.followed_up_at)
    decided_before = (visit.decision, visit.decided_at)
    was_closed = visit.closed_at is not None
    if values["referred_to"] != visit.referred_to:
        visit.referred_at = clock.now() if values["referred_to"] else None
    if values["satisfaction"] != visit.satisfaction:  # rated (or the rating taken back) now
        visit.rated_at = clock.now() if values["satisfaction"] != "未评价" else None
    for key, value in values.items():
        setattr(visit, key, value)
    old_deadline = visit.deadline
    if not visit.deadline_typed and (visit.decision, visit.decided_at) != decided_before:
        # the 办理时限 counts from 受理 (信访工作条例); typing it is not possible, an approved 延期 stays
        visit.deadline = deadline_for(visit.visited_at, visit.decided_at if visit.decision == "受理" else None,
                                      visit.extended_days)
    if visit.deadline != old_deadline:
        changes.append((LABELS["deadline"], audit.shown(old_deadline), audit.shown(visit.deadline)))
    if visit.referred_to and visit.referral_due is None:
        visit.referral_due = visit.deadline.date()
    if not visit.closed_at:
        visit.closed_by = ""
    elif not was_closed or not visit.closed_by:
        visit.closed_by = actor or session.actor_name()
    visit.save()
    after = (visit.decision, visit.referred_to, visit.closed_at, visit.satisfaction, visit.followed_up_at)
    detail = reason if action == "更正" else _handling_summary(before, after)
    if changes or action == "办理" and detail:
        audit.record(action, "visit", visit.id, detail, changes=changes)
    late_entry.record("visit", visit.id, late_reason)
    return visit


@requires("visitors.write")
def save_handling(visit_id: int, data: HandlingInput, actor: str = "", *, expected_version: int | None = None) -> Visit:
    """受理 / 不予受理, 转办, 答复, 结果, 满意度, 回访 — everything of the handling form in one step.
    Once answered, only the rating and the 回访 may still be recorded; the rest is 更正."""
    with atomic():
        visit = live(get_visit(visit_id), "id", "该记录已作废，不能办理")
        conflicts.check(visit, expected_version)
        if visit.closed_at is not None:
            values = check_handling(visit, data)
            if any(key not in AFTER_CLOSING and getattr(visit, key) != value for key, value in values.items()):
                raise ValidationError("id", CLOSED)
        return _save_handling(visit, data, actor, "办理")


@requires("visitors.write")
def correct_handling(visit_id: int, data: HandlingInput, reason: str, *, expected_version: int | None = None) -> Visit:
    """更正 of an answered visit's handling: permission "correct", a reason, old → new."""
    reason = audit.correction_reason(reason)
    with atomic():
        visit = get_visit(visit_id)
        conflicts.check(visit, expected_version)
        visit = audit.correctable(visit, visit.closed_at is not None)
        data.late_reason = data.late_reason or reason
        return _save_handling(visit, data, "", "更正", reason)


def _handling_summary(before: tuple, after: tuple) -> str:
    """What changed, in words, without personal data (the department named is not personal)."""
    parts = []
    if before[0] != after[0]:
        parts.append(after[0] or "改为待受理")
    if before[1] != after[1]:
        parts.append(f"转办{after[1]}" if after[1] else "取消转办")
    if before[2] != after[2] and after[2] is not None and after[0] == "受理":
        parts.append("答复")
    if before[3] != after[3]:
        parts.append(f"满意度{after[3]}")
    if before[4] != after[4] and after[4] is not None:
        parts.append("回访")
    return "，".join(parts)


@requires("visitors.write")
def extend(visit_id: int, days: int, reason: str, actor: str = "") -> DeadlineExtension:
    """申请延期: once, at most the setting's days, with a reason told to the visitor; it moves the
    办理时限 when someone else approves it (``decide_extension``)."""
    check = Checker()
    maximum = extend_max_days()
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= maximum:
        check.add("days", f"延期天数应为 1 至 {maximum} 天")
    reason = check.run("reason", clean_text, reason, "延期理由", field="reason", max_len=200, required=True)
    check.raise_if_any()
    visit = get_visit(visit_id)
    return deadline_extensions.ask("visit", visit_id, visit.deadline + dt.timedelta(days=days), reason, field="days")


def decide_extension(extension_id: int, approve: bool) -> DeadlineExtension:
    return deadline_extensions.decide(extension_id, approve)


def extensions(visit_id: int) -> list[DeadlineExtension]:
    return deadline_extensions.of("visit", visit_id)


def _check_extension(visit: Visit, new_deadline: dt.datetime) -> None:
    if visit.decision != "受理":
        raise ValidationError("days", "受理后才能延期办理")
    if visit.extended_days or deadline_extensions.approved("visit", visit.id):
        raise ValidationError("days", f"该事项已延期 {visit.extended_days} 天，只能延期一次")
    days = (new_deadline.date() - visit.deadline.date()).days
    if days > extend_max_days():
        raise ValidationError("days", f"延期最多 {extend_max_days()} 天")


def _apply_extension(visit: Visit, row: DeadlineExtension) -> None:
    visit.extended_days = (row.new_deadline.date() - row.old_deadline.date()).days
    visit.extension_reason = row.reason
    visit.deadline = row.new_deadline
    visit.save()


def _can_extend(visit: Visit) -> bool:
    return visit.voided_at is None and visit.closed_at is None and visit.decision != "不予受理"


deadline_extensions.register("visit", load=get_visit, deadline=lambda visit: visit.deadline, apply=_apply_extension,
                             is_open=_can_extend, check=_check_extension, permission="visitors.write")


@requires("visitors.write")
def void_visit(visit_id: int, reason: str, actor: str = "") -> Visit:
    return audit.void(lambda: get_visit(visit_id), reason, table="visit", already="该记录已经作废")


# --- what the lists show -----------------------------------------------------------------------------

def _live():
    return Visit.voided_at.is_null()


def open_condition():
    return Visit.closed_at.is_null() & Visit.voided_at.is_null()


def overdue_condition(now: dt.datetime | None = None) -> pw.Expression:
    """The visits whose ``state`` is overdue, as SQL: 办理时限 passed, or 受理告知 due while undecided."""
    now = now or clock.now()
    return open_condition() & ((Visit.deadline < now) | ((Visit.decision == "") & (Visit.acceptance_due < now)))


def earlier_visits(visit_table=Visit):
    """Visits before ``visit_table``'s row by the same person (same ID or same phone) — by index."""
    earlier = Visit.alias("earlier")
    same = (((visit_table.id_key != "") & (earlier.id_key == visit_table.id_key))
            | ((visit_table.phone_key != "") & (earlier.phone_key == visit_table.phone_key)))
    return earlier, same & (earlier.visited_at < visit_table.visited_at) & earlier.voided_at.is_null()


def earlier_count_expression():
    earlier, condition = earlier_visits()
    return earlier.select(pw.fn.COUNT(earlier.id)).where(condition)


def visits_query(text: str = "", date_from: dt.date | None = None, date_to: dt.date | None = None,
                 status: str = "全部", category: str = "") -> pw.ModelSelect:
    """The register as the table shows it, filtered in SQL; each row carries ``earlier`` (how many
    earlier visits of the same person) for the 重复访 column."""
    query = Visit.select(Visit, earlier_count_expression().alias("earlier"))
    if date_from is not None:
        query = query.where(Visit.visited_at >= dt.datetime.combine(date_from, dt.time()))
    if date_to is not None:
        query = query.where(Visit.visited_at < dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time()))
    if category:
        query = query.where(Visit.category == category)
    now = clock.now()
    if status == "在办":
        query = query.where(open_condition())
    elif status == "待受理":
        query = query.where(open_condition() & (Visit.decision == ""))
    elif status == "已超时":
        query = query.where(overdue_condition(now))
    elif status == "已办结":
        query = query.where(Visit.closed_at.is_null(False) & _live() & (Visit.decision == "受理"))
    elif status == "不予受理":
        query = query.where(_live() & (Visit.decision == "不予受理"))
    elif status == "已作废":
        query = query.where(Visit.voided_at.is_null(False))
    text = text.strip()
    if text:
        query = query.where(search_index_matches(Visit, text))
    return query


def open_visits_query() -> pw.ModelSelect:
    return Visit.select(Visit, earlier_count_expression().alias("earlier")).where(open_condition())


def overdue_count(now: dt.datetime | None = None) -> int:
    return Visit.select().where(overdue_condition(now)).count()


#: The 来访 tab's name for ``overdue_count``.
late_count = overdue_count


def is_open(visit: Visit) -> bool:
    return visit.closed_at is None and visit.voided_at is None


def limit(visit: Visit) -> dt.datetime:
    """The limit a visit is judged by: a 不予受理 notice closes the visit, so the 15-day 受理告知 limit
    (acceptance_due) is its limit; any other visit has its 办理时限."""
    return visit.acceptance_due if visit.decision == "不予受理" else visit.deadline


def limit_expression() -> pw.Node:
    """``limit`` as SQL, for the figures."""
    return pw.Case(None, [(Visit.decision == "不予受理", Visit.acceptance_due)], Visit.deadline)


def due(visit: Visit) -> dt.datetime:
    """The next moment the open visit falls due: 受理告知 while undecided, else the 办理时限."""
    return min(visit.deadline, visit.acceptance_due) if not visit.decision else visit.deadline


def state(visit: Visit, now: dt.datetime | None = None) -> str:
    """voided / closed / closed_late / overdue / soon / open (core.figures.STATES) against the clock;
    不予受理 is closed (at its decision)."""
    if visit.voided_at is not None:
        return figures.VOIDED
    if visit.closed_at is not None:
        return figures.closed_state(visit.closed_at, limit(visit))
    now = now or clock.now()
    return figures.open_state(due(visit), now, now + dt.timedelta(days=due_soon_days()))


def age_days(visit: Visit, now: dt.datetime | None = None) -> int:
    """The case's age: calendar days since the visit (the day of the visit is day 0)."""
    end = visit.closed_at or (now or clock.now())
    return (end.date() - visit.visited_at.date()).days


def status_text(visit: Visit, now: dt.datetime | None = None) -> str:
    """待受理 剩12天 / 办理中 剩48天 / 超时 3天 / 受理告知超期 2天 / 已办结 / 不予受理 / 已作废."""
    now = now or clock.now()
    current = state(visit, now)
    if current == figures.VOIDED:
        return "已作废"
    if visit.decision == "不予受理":
        return "不予受理"
    if current in (figures.CLOSED, figures.CLOSED_LATE):
        return "已办结（超时）" if current == figures.CLOSED_LATE else "已办结"
    if visit.deadline < now:
        return f"超时 {(now.date() - visit.deadline.date()).days or 1}天"
    if not visit.decision:
        if visit.acceptance_due < now:
            return f"受理告知超期 {(now.date() - visit.acceptance_due.date()).days or 1}天"
        return f"待受理 剩{(visit.acceptance_due.date() - now.date()).days}天"
    extended = "（已延期）" if visit.extended_days else ""
    return f"办理中 剩{(visit.deadline.date() - now.date()).days}天{extended}"


# --- recognising a returning visitor ---------------------------------------------------------------

@dataclass(frozen=True)
class PersonHistory:
    count: int
    first: dt.datetime | None
    last: Visit | None  # the latest earlier visit: name, phone and address are filled from it
    visits: list[Visit]  # the latest few, newest first


def person_history(id_number: str = "", phone: str = "", exclude_id: int | None = None,
                   limit: int = 10) -> PersonHistory:
    """Earlier visits of the person with this ID number or phone (either may be incomplete: only a
    full, valid one is looked up). SQL on the indexed id_key / phone_key columns."""
    try:
        id_key = id_number_key(clean_id_number(id_number)) if id_number else ""
    except ValidationError:
        id_key = ""
    key = phone_key(phone)
    try:
        if not key or not clean_personal_phone(phone):
            key = ""
    except ValidationError:
        key = ""
    if not id_key and not key:
        return PersonHistory(0, None, None, [])
    condition = pw.Value(False)
    if id_key:
        condition = condition | (Visit.id_key == id_key)
    if key:
        condition = condition | (Visit.phone_key == key)
    condition = condition & _live()
    if exclude_id is not None:
        condition = condition & (Visit.id != exclude_id)
    row = Visit.select(pw.fn.COUNT(Visit.id).alias("n"), pw.fn.MIN(Visit.visited_at).alias("first")
                       ).where(condition).dicts().get()
    visits = list(Visit.select().where(condition).order_by(Visit.visited_at.desc()).limit(limit))
    first = row["first"]
    if isinstance(first, str):
        first = dt.datetime.fromisoformat(first)
    return PersonHistory(row["n"], first, visits[0] if visits else None, visits)


@dataclass(frozen=True)
class NameMatch:
    name: str
    id_number: str
    phone: str
    address: str
    last_visit: dt.datetime
    count: int

    def label(self) -> str:
        return (f"{self.name}　{id_display(self.id_number)}　{self.phone or '无电话'}　{self.address}"
                f"　来访{self.count}次，最近 {self.last_visit:%Y-%m-%d}")


def find_by_name(name: str, limit: int = 10) -> list[NameMatch]:
    """Earlier visitors of this exact name, one per person (ID or phone), latest first."""
    name = (name or "").strip()
    if not name:
        return []
    last = pw.fn.MAX(Visit.visited_at)
    rows = (Visit.select(Visit.id_key, Visit.phone_key, last.alias("last"), pw.fn.COUNT(Visit.id).alias("n"),
                         pw.fn.MAX(Visit.id).alias("latest_id"))
            .where((Visit.name == name) & _live())
            .group_by(Visit.id_key, Visit.phone_key).order_by(last.desc()).limit(limit).dicts())
    rows = list(rows)
    latest = {v.id: v for v in Visit.select().where(Visit.id.in_([r["latest_id"] for r in rows]))}
    matches = []
    for r in rows:
        v = latest[r["latest_id"]]
        when = r["last"] if isinstance(r["last"], dt.datetime) else dt.datetime.fromisoformat(r["last"])
        matches.append(NameMatch(v.name, v.id_number, v.phone, v.address, when, r["n"]))
    return matches


def last_responder() -> str:
    """The receptionist of the latest registered visit: the default 首问责任人 of the next one."""
    last = Visit.select(Visit.first_responder).order_by(Visit.id.desc()).first()
    return last.first_responder if last else ""


# --- 领导接待日 ---------------------------------------------------------------------------------------

def reception_weekday() -> int:
    return parse_weekday(settings.get(RECEPTION_WEEKDAY.key))


def default_leaders() -> list[str]:
    return split_names(settings.get(RECEPTION_LEADERS.key))


def split_names(text: str) -> list[str]:
    return [n for n in re.split(r"[、，,;；\s]+", text or "") if n]


def period(year: int, month: int, quarter: bool = False) -> tuple[dt.date, dt.date]:
    """A month, or the quarter that starts with ``month`` (three months)."""
    months = 3 if quarter else 1
    first = dt.date(year, month, 1)
    index = year * 12 + month - 1 + months
    following = dt.date(index // 12, index % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def _person(name: str) -> Person | None:
    return people.find_person(name)


def reception_day_of_week(usual: dt.date) -> dt.date | None:
    """The week's reception day: ``usual`` (the setting's weekday) when it is a working day, else the
    next working day before the following week's usual day; None when the rest of that span is off."""
    day = usual
    while day < usual + dt.timedelta(days=7):
        if workdays.is_workday(day):
            return day
        day += dt.timedelta(days=1)
    return None


def moved_note(usual: dt.date) -> str:
    return f"{usual.month}月{usual.day}日（{WEEKDAYS[usual.weekday()]}）为节假日，顺延至此日"


@requires("visitors.write")
def generate_reception_days(first_day: dt.date, last_day: dt.date, leaders: list[str],
                            place: str = "") -> list[ReceptionDay]:
    """One reception day a week (the setting's weekday; when that is a holiday, the next working day,
    noted on the day), leaders in turn,
    continuing after whoever received on the last day before ``first_day``. A day that already has
    visits linked keeps its leader; other existing days of the period are rewritten."""
    check = Checker()
    leaders = [n for n in (clean_name(n, "领导", max_len=30) for n in leaders) if n]
    if not leaders:
        check.add("leaders", "请至少填写一名轮流接待的领导")
    if last_day < first_day:
        check.add("last_day", "结束日期不能早于开始日期")
    elif (last_day - first_day).days > 400:
        check.add("last_day", "一次最多生成一年的接待日安排")
    place = check.run("place", clean_text, place or settings.get(RECEPTION_PLACE.key), "接待地点", field="place",
                      max_len=60)
    check.raise_if_any()
    weekday = reception_weekday()
    previous = (ReceptionDay.select(ReceptionDay.leader_name).where(ReceptionDay.day < first_day)
                .order_by(ReceptionDay.day.desc()).first())
    turn = (leaders.index(previous.leader_name) + 1) % len(leaders) if previous and previous.leader_name in leaders else 0
    day = first_day + dt.timedelta(days=(weekday - first_day.weekday()) % 7)
    made = []
    with atomic():
        while day <= last_day:
            held = reception_day_of_week(day)
            if held is not None and held <= last_day:
                row = ReceptionDay.get_or_none(ReceptionDay.day == held) or ReceptionDay(day=held)
                has_visits = row.id is not None and Visit.select().where(Visit.reception_day == row.id).exists()
                if not has_visits:
                    row.leader_name = leaders[turn % len(leaders)]
                    row.leader = _person(row.leader_name)
                    row.place = row.place or place
                    if held != day and not row.note:
                        row.note = moved_note(day)
                    row.save()
                    _relink_day(row)
                turn += 1
                made.append(row)
            day += dt.timedelta(days=7)
        audit.record("生成接待日", "reception_day", 0, f"{first_day}至{last_day}，{len(made)}天")
    return made


def _relink_day(row: ReceptionDay) -> None:
    start = dt.datetime.combine(row.day, dt.time())
    (Visit.update(reception_day=row.id, leader_name=row.leader_name)
     .where((Visit.visited_at >= start) & (Visit.visited_at < start + dt.timedelta(days=1))).execute())


@requires("visitors.write")
def save_reception_day(row_id: int | None, day: dt.date | None, leader_name: str, place: str = "",
                       note: str = "") -> ReceptionDay:
    check = Checker()
    if day is None:
        check.add("day", "请填写接待日期")
    leader_name = check.run("leader_name", clean_name, leader_name, "接待领导", field="leader_name", max_len=30,
                            required=True)
    place = check.run("place", clean_text, place, "接待地点", field="place", max_len=60)
    note = check.run("note", clean_text, note, "备注", field="note", max_len=200)
    with atomic():
        row = ReceptionDay.get_or_none(ReceptionDay.id == row_id) if row_id is not None else ReceptionDay()
        if row is None:
            raise ValidationError("day", "该接待日已不存在，请刷新后重试")
        if day is not None:
            clash = ReceptionDay.get_or_none(ReceptionDay.day == day)
            if clash is not None and clash.id != row.id:
                check.add("day", f"{day:%Y-%m-%d} 已安排接待领导 {clash.leader_name}")
        check.raise_if_any()
        moved_from = row.day if row.id is not None and row.day != day else None
        row.day, row.leader_name, row.leader, row.place, row.note = day, leader_name, _person(leader_name), place, note
        row.save()
        if moved_from is not None:
            Visit.update(reception_day=None, leader_name="").where(Visit.reception_day == row.id).execute()
        _relink_day(row)
        audit.record("接待日安排", "reception_day", row.id, f"{day} {leader_name}")
    return row


@requires("visitors.write")
def remove_reception_day(row_id: int) -> None:
    """A planned day can be taken off the schedule while no visit is linked to it."""
    with atomic():
        row = ReceptionDay.get_or_none(ReceptionDay.id == row_id)
        if row is None:
            return
        if Visit.select().where(Visit.reception_day == row.id).exists():
            raise ValidationError("day", "这一天已有来访登记，不能删除，可修改接待领导")
        audit.record("删除接待日", "reception_day", row.id, f"{row.day} {row.leader_name}")
        row.delete_instance()


def reception_days(first_day: dt.date, last_day: dt.date) -> list[ReceptionDay]:
    return list(ReceptionDay.select().where((ReceptionDay.day >= first_day) & (ReceptionDay.day <= last_day))
                .order_by(ReceptionDay.day))


def reception_day_on(day: dt.date) -> ReceptionDay | None:
    return ReceptionDay.get_or_none(ReceptionDay.day == day)


def next_reception_day(day: dt.date | None = None) -> ReceptionDay | None:
    return (ReceptionDay.select().where(ReceptionDay.day >= (day or clock.today()))
            .order_by(ReceptionDay.day).first())


def reception_weekday_text() -> str:
    return settings.get(RECEPTION_WEEKDAY.key)


def reception_place() -> str:
    return settings.get(RECEPTION_PLACE.key)


def visit_counts(rows: list[ReceptionDay]) -> dict[int, int]:
    """How many (not voided) visits each reception day received, in one query."""
    if not rows:
        return {}
    return dict(Visit.select(Visit.reception_day, pw.fn.COUNT(Visit.id))
                .where(Visit.reception_day.in_([r.id for r in rows]) & _live())
                .group_by(Visit.reception_day).tuples())


def get_reception_day(day_id: int) -> ReceptionDay:
    return existing(ReceptionDay, day_id, "id", "该接待日安排不存在，请刷新后重试")
