"""值班记录 rules, without a window."""

from __future__ import annotations

import datetime as dt

import pytest

from xiaoneng_desktop.core import audit, people, settings
from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.duty import service
from xiaoneng_desktop.duty.models import Call, DutyShift
from xiaoneng_desktop.duty.service import CallInput, ShiftInput

T0 = dt.datetime(2026, 10, 9, 9, 0)


def a_call(**changes) -> CallInput:
    values = dict(received_at=T0, category="一般事项", summary="县长办公室来电：通知下午三点开会",
                  officer_name="王值班", caller="李秘书", caller_unit="县长办公室", phone="0731-84561234")
    values.update(changes)
    return CallInput(**values)


def test_new_call_gets_deadline_from_category_limit(database, clock):
    general = service.create_call(a_call())
    special = service.create_call(a_call(category="特殊事项"))
    emergency = service.create_call(a_call(category="突发事件"))
    assert general.deadline == T0 + dt.timedelta(minutes=10)
    assert special.deadline == T0 + dt.timedelta(hours=3)
    assert emergency.deadline == T0 + dt.timedelta(minutes=30)
    assert general.status == "在办"


def test_limits_are_office_settings(database, clock):
    settings.save_all({"duty.limit.general": 15})
    assert service.create_call(a_call()).deadline == T0 + dt.timedelta(minutes=15)


def test_deadline_computed_once_stays(database, clock):
    call = service.create_call(a_call())
    settings.save_all({"duty.limit.general": 60})
    assert Call.get_by_id(call.id).deadline == T0 + dt.timedelta(minutes=10)


def test_typed_deadline_wins(database, clock):
    call = service.create_call(a_call(deadline=T0 + dt.timedelta(hours=1)))
    assert call.deadline == T0 + dt.timedelta(hours=1) and call.deadline_typed


def test_all_bad_fields_reported_at_once_and_nothing_saved(database, clock):
    with pytest.raises(ValidationError) as caught:
        service.create_call(a_call(summary="  ", officer_name="", phone="0731-ABC", category="随便"))
    assert set(caught.value.errors) == {"summary", "officer_name", "phone", "category"}
    assert caught.value.errors["summary"] == "请填写内容摘要"
    assert "数字" in caught.value.errors["phone"]
    assert Call.select().count() == 0


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"summary": "字" * 9000}, "summary", "不能超过 2000 个字"),
    ({"summary": "收到😀"}, "summary", "表情符号"),
    ({"received_at": T0 + dt.timedelta(hours=2)}, "received_at", "不能晚于当前时间"),
    ({"closed_at": T0 - dt.timedelta(minutes=1), "feedback": "已回复"}, "closed_at", "不能早于来电时间"),
    ({"closed_at": T0 + dt.timedelta(minutes=1)}, "feedback", "办结时请填写办理情况"),
    ({"deadline": T0 - dt.timedelta(minutes=1)}, "deadline", "不能早于来电时间"),
    ({"received_at": None}, "received_at", "请填写来电时间"),
])
def test_bad_input(database, clock, changes, field, words):
    with pytest.raises(ValidationError) as caught:
        service.create_call(a_call(**changes))
    assert words in caught.value.errors[field]
    assert Call.select().count() == 0


def test_sql_quotes_are_kept_verbatim(database, clock):
    text = "他说'); DROP TABLE call; -- \"引号\" 100%_完成"
    call = service.create_call(a_call(summary=text))
    assert Call.get_by_id(call.id).summary == text
    assert service.calls_query(text="100%_").count() == 1
    assert service.calls_query(text="'); DROP").count() == 1


def test_hand_on_instruct_feedback_close(database, clock):
    call = service.create_call(a_call())
    data = CallInput.from_call(call)
    data.assignee_name, data.instruction, data.instruction_by = "张科长", "请综合科牵头办理", "刘主任"
    clock.advance(minutes=2)
    call = service.update_call(call.id, data)
    assert call.assigned_at == T0 + dt.timedelta(minutes=2)
    clock.advance(minutes=5)
    call = service.close_call(call.id, "已电话回复李秘书，会议室已安排")
    assert call.status == "已办结" and call.closed_at == T0 + dt.timedelta(minutes=7)
    assert [line.action for line in audit.history("call", call.id)] == ["新建", "修改", "办结"]
    with pytest.raises(ValidationError, match="已经办结"):
        service.close_call(call.id, "again")


def test_close_needs_feedback(database, clock):
    call = service.create_call(a_call())
    with pytest.raises(ValidationError) as caught:
        service.close_call(call.id, "  ")
    assert caught.value.errors == {"feedback": "办结时请填写办理情况"}
    assert Call.get_by_id(call.id).closed_at is None


def test_void_instead_of_delete(database, clock):
    call = service.create_call(a_call())
    with pytest.raises(ValidationError, match="作废原因"):
        service.void_call(call.id, "")
    service.void_call(call.id, "重复登记", actor="王值班")
    call = Call.get_by_id(call.id)
    assert call.status == "已作废" and call.void_reason == "重复登记"
    assert audit.history("call", call.id)[-1].detail == "重复登记"
    with pytest.raises(ValidationError, match="已作废"):
        service.update_call(call.id, CallInput.from_call(call))


def test_filters(database, clock):
    service.create_call(a_call(summary="防汛值班情况报告", category="特殊事项"))
    old = service.create_call(a_call(received_at=T0 - dt.timedelta(days=3), summary="供电公司停电通知"))
    done = service.create_call(a_call(summary="会议通知"))
    service.close_call(done.id, "已通知")
    assert service.calls_query(text="防汛").count() == 1
    assert service.calls_query(date_from=dt.date(2026, 10, 6), date_to=dt.date(2026, 10, 6)).count() == 1
    assert service.calls_query(status="在办").count() == 2
    assert [c.id for c in service.calls_query(status="已超时")] == [old.id]
    assert service.calls_query(status="已办结").count() == 1
    assert service.calls_query(category="特殊事项").count() == 1


def test_remaining_counts_down_and_overdue(database, clock):
    call = service.create_call(a_call())
    assert service.format_remaining(service.remaining(call)) == "剩余 10分钟"
    clock.advance(minutes=9, seconds=30)
    assert service.format_remaining(service.remaining(call)) == "剩余 1分钟"
    clock.advance(hours=2, minutes=5, seconds=30)
    assert service.format_remaining(service.remaining(call)) == "超时 2小时5分钟"


def test_shift_pattern_parsing():
    assert service.parse_shift_pattern("白班 08:30-17:30；夜班 17:30-08:30") == [
        ("白班", dt.time(8, 30), dt.time(17, 30)), ("夜班", dt.time(17, 30), dt.time(8, 30))]
    with pytest.raises(ValidationError, match="格式不对"):
        service.parse_shift_pattern("白班 8点到5点")


def _staff():
    dept = people.save_department(None, "综合科")
    for name in ("甲", "乙", "丙", "丁", "领导一", "领导二"):
        people.save_person(None, name=name, department_id=dept.id, post="", office_phone="",
                           mobile="13800000000", active=True, note="")


def test_roster_rotates_and_continues_next_month(database, clock):
    _staff()
    made = service.generate_roster(2026, 10, ["甲", "乙", "丙"], ["领导一", "领导二"])
    assert len(made) == 31 * 2
    assert [s.officer_name for s in made[:4]] == ["甲", "乙", "丙", "甲"]
    assert made[0].officer_phone == "13800000000"
    last = made[-1].officer_name
    november = service.generate_roster(2026, 11, ["甲", "乙", "丙"], ["领导一", "领导二"])
    order = ["甲", "乙", "丙"]
    assert november[0].officer_name == order[(order.index(last) + 1) % 3]
    assert service.coverage_gaps(dt.date(2026, 10, 2), dt.date(2026, 11, 30)) == {}
    # the small hours of 1 October belong to 30 September's night shift, which nobody rostered
    assert service.coverage_gaps(dt.date(2026, 10, 1), dt.date(2026, 10, 1)) == {
        dt.date(2026, 10, 1): "无人值班：00:00-08:30"}


def test_roster_skips_unavailable_and_inactive(database, clock):
    _staff()
    yi = people.find_person("乙")
    service.add_unavailability(yi.id, dt.date(2026, 10, 1), dt.date(2026, 10, 31), "休假")
    people.set_active(people.find_person("丙").id, False)
    made = service.generate_roster(2026, 10, ["甲", "乙", "丙", "丁"], ["领导一"])
    assert {s.officer_name for s in made} == {"甲", "丁"}


def test_coverage_gap_is_flagged(database, clock):
    service.save_shift(ShiftInput(day=dt.date(2026, 10, 9), name="白班", officer_name="甲"))
    gaps = service.coverage_gaps(dt.date(2026, 10, 9), dt.date(2026, 10, 10))
    assert gaps[dt.date(2026, 10, 9)] == "无人值班：00:00-08:30、17:30-24:00"
    assert dt.date(2026, 10, 10) in gaps


def test_handover_records_note_and_open_items(database, clock):
    shift = service.save_shift(ShiftInput(day=dt.date(2026, 10, 9), name="白班", officer_name="甲"))
    call = service.create_call(a_call())
    assert call.shift.id == shift.id
    service.create_call(a_call())
    with pytest.raises(ValidationError, match="请填写交接班记录"):
        service.handover(shift.id, "")
    clock.set(dt.datetime(2026, 10, 9, 17, 30))
    service.handover(shift.id, "两件在办，县长办公室会议事项待回复")
    assert service.last_handover().open_at_handover == 2
    assert DutyShift.get_by_id(shift.id).handed_over_by == "甲"
    with pytest.raises(ValidationError, match="已交接"):
        service.save_shift(ShiftInput(day=dt.date(2026, 10, 9), name="白班", officer_name="乙"))


def test_shift_pattern_setting_is_checked(database):
    with pytest.raises(ValidationError) as caught:
        settings.save_all({"duty.shift_pattern": "白班 8点-17点"})
    assert "格式不对" in caught.value.errors["duty.shift_pattern"]
    settings.save_all({"duty.shift_pattern": "全天 08:30-08:30"})
    assert service.shift_pattern() == [("全天", dt.time(8, 30), dt.time(8, 30))]
