"""D1 (issue 12): a deadline is fixed at registration and moves only by 延期 approved by someone else;
a closing time entered long after the fact is 补记; a closed record changes only by 更正, old → new."""

from __future__ import annotations

import datetime as dt

import pytest

from xiaoneng_desktop.core import audit, session
from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.duty import service as duty
from xiaoneng_desktop.duty import stats as duty_stats
from xiaoneng_desktop.duty.service import CallInput
from xiaoneng_desktop.inspection import service as inspection
from xiaoneng_desktop.inspection import stats as inspection_stats
from xiaoneng_desktop.inspection.service import CampaignInput, ProblemInput
from xiaoneng_desktop.visitors import service as visitors
from xiaoneng_desktop.visitors.service import HandlingInput, VisitInput

D = dt.datetime
SECRETARY = session.Actor("李秘书", session.SECRETARY)
DUTY = session.Actor("王值班", session.DUTY_OFFICER)
LEADER = session.Actor("王县长", session.LEADER)
RECEPTION = session.Actor("周接待", session.RECEPTIONIST)


def errors(call, *args, **kwargs) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    return caught.value.errors


def a_call(received: dt.datetime) -> CallInput:
    return CallInput(received_at=received, category="一般事项", summary="县领导来电：通知明早开会",
                     officer_name="王值班")


def test_a_calls_deadline_cannot_be_retyped_and_a_late_closing_is_a_late_entry(database, clock):
    clock.set(D(2026, 9, 15, 9, 0))
    with session.acting_as(DUTY):
        call = duty.create_call(a_call(D(2026, 9, 15, 9, 0)))
    assert call.deadline == D(2026, 9, 15, 9, 10)
    clock.set(D(2026, 9, 15, 13, 0))
    data = CallInput.from_call(call)
    data.deadline, data.closed_at, data.feedback = D(2026, 9, 15, 12, 0), D(2026, 9, 15, 11, 0), "已通知到人"
    with session.acting_as(DUTY):
        assert errors(duty.update_call, call.id, data)["late_reason"] == "办结时间早于录入时间30分钟以上，请填写补记原因"
        data.late_reason = "当时电话占线，事后补录"
        saved = duty.update_call(call.id, data)
    assert saved.deadline == D(2026, 9, 15, 9, 10) and not saved.deadline_typed
    clock.set(D(2026, 10, 5, 9, 0))
    figures = duty_stats.month_figures(2026, 9)
    assert (figures.on_time, figures.overdue) == (0, 1)
    lines = audit.history("call", call.id)
    assert [line.action for line in lines] == ["新建", "修改", "补记"]
    assert ("办结时间", "（空）", "2026-09-15 11:00") in audit.changes_of(lines[1])
    assert all(label != "办理时限" for label, _old, _new in audit.changes_of(lines[1]))
    assert (lines[2].table, lines[2].record_id, lines[2].detail) == ("call", call.id, "当时电话占线，事后补录")
    assert lines[1].actor == "王值班"


def test_a_calls_category_changed_after_its_deadline_needs_a_reason(database, clock):
    call = duty.create_call(a_call(D(2026, 10, 9, 8, 0)))  # 一般事项: due 08:10, now 09:00
    data = CallInput.from_call(call)
    data.category = "特殊事项"
    assert "原因" in errors(duty.update_call, call.id, data)["category_reason"]
    data.category_reason = "来电内容需协调多个部门，属特殊事项"
    saved = duty.update_call(call.id, data)
    assert saved.deadline == D(2026, 10, 9, 11, 0)
    line = audit.history("call", call.id)[-1]
    assert line.action == "修改" and "来电内容需协调多个部门" in line.detail
    assert ("办理时限", "2026-10-09 08:10", "2026-10-09 11:00") in audit.changes_of(line)
    # before the deadline, the category (and with it the deadline) changes without a reason
    fresh = duty.create_call(a_call(D(2026, 10, 9, 8, 55)))
    data = CallInput.from_call(fresh)
    data.category = "特殊事项"
    assert duty.update_call(fresh.id, data).deadline == D(2026, 10, 9, 11, 55)


def test_a_closed_call_changes_only_by_correction_of_the_secretary(database, clock):
    with session.acting_as(DUTY):
        call = duty.create_call(a_call(D(2026, 10, 9, 8, 55)))
        call = duty.close_call(call.id, "已通知到人")
        data = CallInput.from_call(call)
        data.summary = "县领导来电：通知明早八点开会"
        assert errors(duty.update_call, call.id, data)["id"] == "已办结的记录不能直接修改，请使用“更正”"
        assert "无权" in errors(duty.correct_call, call.id, data, "摘要记错")["permission"]
    assert call.closed_by == "王值班"
    with session.acting_as(SECRETARY):
        assert "更正原因" in errors(duty.correct_call, call.id, data, " ")["correct_reason"]
        saved = duty.correct_call(call.id, data, "摘要漏记时间")
    assert saved.summary == "县领导来电：通知明早八点开会"
    line = audit.history("call", call.id)[-1]
    assert (line.action, line.actor, line.detail) == ("更正", "李秘书", "摘要漏记时间")
    assert audit.changes_of(line) == [("内容摘要", "县领导来电：通知明早开会", "县领导来电：通知明早八点开会")]
    with session.acting_as(SECRETARY):  # nothing changed: no line
        duty.correct_call(call.id, CallInput.from_call(saved), "核对")
    assert len(audit.history("call", call.id)) == 3


def a_visit(at: dt.datetime) -> VisitInput:
    return VisitInput(visited_at=at, name="李大爷", matter="反映小区下水道堵塞", first_responder="周接待",
                      phone="13812345678")


def test_an_overdue_visit_cannot_get_a_new_deadline_by_edit_nor_by_extension(database, clock):
    clock.set(D(2026, 1, 5, 9, 0))
    visit = visitors.create_visit(a_visit(D(2026, 1, 5, 9, 0)))
    visit = visitors.save_handling(visit.id, HandlingInput(decision="受理", decided_at=D(2026, 1, 5, 9, 0)))
    assert visit.deadline == D(2026, 3, 6, 23, 59, 59)
    clock.set(D(2026, 4, 6, 10, 0))  # 31 days overdue
    data = HandlingInput.from_visit(visit)
    data.deadline = dt.date(2027, 3, 1)
    visit = visitors.save_handling(visit.id, data)
    assert visit.deadline == D(2026, 3, 6, 23, 59, 59)
    with session.acting_as(RECEPTION):
        assert "届满前" in errors(visitors.extend, visit.id, 30, "情况复杂")["days"]
    data = HandlingInput.from_visit(visit)
    data.reply, data.replied_at = "已协调物业疏通", D(2026, 4, 6, 10, 0)
    visit = visitors.save_handling(visit.id, data)
    assert visitors.state(visit) == "closed_late" and visit.extended_days == 0


def test_a_visits_extension_is_once_at_most_30_days_approved_by_another(database, clock):
    visit = visitors.create_visit(a_visit(D(2026, 10, 9, 9, 0)))
    visit = visitors.save_handling(visit.id, HandlingInput(decision="受理", decided_at=D(2026, 10, 9, 9, 0)))
    with session.acting_as(RECEPTION):
        assert "1 至 30" in errors(visitors.extend, visit.id, 31, "情况复杂")["days"]
        asked = visitors.extend(visit.id, 20, "需多部门会商")
        assert "等待审批" in errors(visitors.extend, visit.id, 10, "再申请")["days"]
    with session.acting_as(session.Actor("周接待", session.SECRETARY)):
        assert "本人" in errors(visitors.decide_extension, asked.id, True)["decided_by"]
    with session.acting_as(LEADER):
        visitors.decide_extension(asked.id, True)
    visit = visitors.get_visit(visit.id)
    assert visit.deadline == D(2026, 12, 28, 23, 59, 59) and visit.extended_days == 20
    with session.acting_as(RECEPTION):
        assert "只能延期一次" in errors(visitors.extend, visit.id, 5, "再延")["days"]


@pytest.fixture
def problem(database, clock):
    clock.set(D(2026, 4, 1, 9, 0))
    template = inspection.builtin_template()
    campaign = inspection.create_campaign(CampaignInput("2026年上半年作风整顿自查", dt.date(2026, 4, 1),
                                                        dt.date(2026, 6, 30), template.id, ["张三", "李四"]))
    item = inspection.template_items(template.id)[0][0]
    return inspection.create_problem(ProblemInput(
        campaign_id=campaign.id, item_id=item.id, description="协调配合不主动", responsible_name="张三",
        deadline=dt.date(2026, 4, 20), measure="建立周例会协调制度"))


def test_an_overdue_rectifications_deadline_cannot_be_moved_by_edit(problem, clock):
    clock.set(D(2026, 4, 25, 9, 0))
    assert inspection_stats.month_figures(2026, 4).overdue == 1
    values = dict(campaign_id=problem.campaign_id, item_id=problem.item_id, description=problem.description,
                  responsible_name="张三", deadline=dt.date(2026, 5, 30), measure=problem.measure)
    inspection.update_problem(problem.id, ProblemInput(**values))
    assert inspection.get_problem(problem.id).deadline == D(2026, 4, 20, 23, 59, 59)
    clock.set(D(2026, 5, 5, 9, 0))
    assert inspection_stats.month_figures(2026, 4).overdue == 1
    assert "届满前" in errors(inspection.ask_extension, problem.id, dt.date(2026, 5, 30), "需协调")["new_date"]


def test_a_rectifications_deadline_moves_by_an_approved_extension(problem, clock):
    clock.set(D(2026, 4, 15, 9, 0))
    with session.acting_as(SECRETARY):
        asked = inspection.ask_extension(problem.id, dt.date(2026, 5, 10), "需财政资金支持")
        assert "本人" in errors(inspection.decide_extension, asked.id, True)["decided_by"]
    assert inspection.get_problem(problem.id).deadline == D(2026, 4, 20, 23, 59, 59)
    with session.acting_as(LEADER):
        refused = inspection.decide_extension(asked.id, False)
    assert refused.approved is False and inspection.get_problem(problem.id).deadline == D(2026, 4, 20, 23, 59, 59)
    with session.acting_as(SECRETARY):
        asked = inspection.ask_extension(problem.id, dt.date(2026, 5, 10), "需财政资金支持，已报县政府")
    with session.acting_as(LEADER):
        inspection.decide_extension(asked.id, True)
    assert inspection.get_problem(problem.id).deadline == D(2026, 5, 10, 23, 59, 59)
    actions = [(line.action, line.actor) for line in audit.history("problem", problem.id)]
    assert actions[-4:] == [("申请延期", "李秘书"), ("不同意延期", "王县长"), ("申请延期", "李秘书"), ("批准延期", "王县长")]


def test_a_late_completion_is_a_late_entry(problem, clock):
    clock.set(D(2026, 4, 18, 16, 0))
    with pytest.raises(ValidationError) as caught:
        inspection.complete_problem(problem.id, "已建立", at=D(2026, 4, 17, 10, 0))
    assert "补记原因" in caught.value.errors["late_reason"]
    inspection.complete_problem(problem.id, "已建立", at=D(2026, 4, 17, 10, 0), late_reason="整改当天未及录入")
    assert inspection.get_problem(problem.id).completed_at == D(2026, 4, 17, 10, 0)
    assert audit.history("problem", problem.id)[-1].action == "补记"
