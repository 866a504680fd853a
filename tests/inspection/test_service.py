"""Campaigns, answers and the rectification of problems: every bad input of the issue refused."""

from __future__ import annotations

import datetime as dt

import pytest

from xiaoneng_desktop.core.models import AuditLog
from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.inspection import service
from xiaoneng_desktop.inspection.models import Answer, Participant, Problem, ProgressNote
from xiaoneng_desktop.inspection.service import AnswerInput, CampaignInput, ProblemInput

from .conftest import first_item, raise_problem


def test_campaign_needs_name_period_template_and_people(database, clock):
    with pytest.raises(ValidationError) as caught:
        service.create_campaign(CampaignInput(" ", dt.date(2026, 10, 5), dt.date(2026, 10, 1), None, []))
    assert set(caught.value.errors) == {"name", "ends_on", "template", "participants"}
    assert caught.value.errors["ends_on"] == "结束日期不能早于开始日期"


def test_people_and_departments_take_part(database, clock):
    template = service.builtin_template()
    campaign = service.create_campaign(CampaignInput("自查", dt.date(2026, 10, 1), dt.date(2026, 10, 31),
                                                     template.id, ["张三", " 张三 ", "李四"], ["秘书科"]))
    assert [(p.kind, p.name) for p in service.participants(campaign.id)] == [
        ("人员", "张三"), ("人员", "李四"), ("部门", "秘书科")]


def test_answers_are_saved_in_one_go_and_progress_shows_who_has_not_finished(campaign):
    points = service.campaign_points(campaign.id)
    zhang, li, wang = service.participants(campaign.id)
    rows = [AnswerInput(zhang.id, point.id, False) for _, point in points]
    rows[0] = AnswerInput(zhang.id, points[0][1].id, True, "与其他科室配合不够", "今后加强沟通")
    rows += [AnswerInput(li.id, point.id, False) for _, point in points[:5]]
    assert service.save_answers(campaign.id, rows) == 20
    progress = {p.name: p for p in service.progress(campaign.id)}
    assert progress["张三"].finished and progress["张三"].with_problem == 1
    assert progress["李四"].answered == 5 and not progress["李四"].finished
    assert service.unfinished(campaign.id) == ["李四", "王五"]
    assert service.save_answers(campaign.id, rows) == 0  # nothing changed, nothing written


def test_a_problem_answer_needs_its_description_and_nothing_is_saved_half_way(campaign):
    points = service.campaign_points(campaign.id)
    zhang = service.participants(campaign.id)[0]
    rows = [AnswerInput(zhang.id, points[0][1].id, False),
            AnswerInput(zhang.id, points[1][1].id, True, "", "")]
    with pytest.raises(ValidationError) as caught:
        service.save_answers(campaign.id, rows)
    assert "有问题时请填写问题描述" in caught.value.errors[f"{zhang.id}:{points[1][1].id}"]
    assert Answer.select().count() == 0


def test_a_finished_campaign_is_not_filled_in_any_more(campaign):
    service.set_campaign_status(campaign.id, "已完成")
    zhang = service.participants(campaign.id)[0]
    with pytest.raises(ValidationError, match="已完成"):
        service.save_answers(campaign.id, [AnswerInput(zhang.id, service.campaign_points(campaign.id)[0][1].id, False)])


def test_participants_with_answers_stay(campaign):
    zhang = service.participants(campaign.id)[0]
    service.save_answers(campaign.id, [AnswerInput(zhang.id, service.campaign_points(campaign.id)[0][1].id, False)])
    data = CampaignInput(campaign.name, campaign.starts_on, campaign.ends_on, campaign.template_id, ["李四", "赵六"])
    with pytest.raises(ValidationError, match="“张三”已填写自查情况"):
        service.update_campaign(campaign.id, data)
    data.people = ["张三", "李四", "赵六"]
    service.update_campaign(campaign.id, data)
    assert [p.name for p in service.participants(campaign.id)] == ["张三", "李四", "赵六"]
    assert Participant.select().count() == 3


def test_problem_deadline_not_before_the_campaign_started(campaign):
    with pytest.raises(ValidationError) as caught:
        raise_problem(campaign, deadline=dt.date(2026, 9, 30), found_on=dt.date(2026, 10, 2))
    assert caught.value.errors == {"deadline": "整改时限不能早于活动开始日期（2026-10-01）"}
    assert Problem.select().count() == 0


def test_problem_bad_input_all_at_once(campaign):
    with pytest.raises(ValidationError) as caught:
        raise_problem(campaign, description=" ", responsible_name="", kind="立刻", deadline=None,
                      found_on=dt.date(2026, 10, 10))
    assert set(caught.value.errors) == {"description", "responsible_name", "kind", "deadline", "found_on"}
    assert caught.value.errors["found_on"] == "发现日期不能晚于今天"


def test_a_problem_that_cannot_be_solved_soon_needs_the_explanation(campaign):
    with pytest.raises(ValidationError) as caught:
        raise_problem(campaign, kind="短期内不能解决", deadline=None)
    assert caught.value.errors == {"explanation": "短期内不能解决的问题，请填写向群众解释清楚、说明原因的情况"}
    problem = raise_problem(campaign, kind="短期内不能解决", deadline=None, explanation="已在村民会议上说明原因")
    assert problem.deadline is None and not service.is_overdue(problem)


def test_rectification_to_the_end(campaign, clock):
    problem = raise_problem(campaign)
    assert problem.status == "未开始" and problem.deadline == dt.datetime(2026, 10, 20, 23, 59, 59)
    service.add_progress(problem.id, "已召开科室会议研究整改", actor="张三")
    assert service.get_problem(problem.id).status == "整改中"
    clock.advance(days=3)
    service.complete_problem(problem.id, "周例会已建立", actor="张三")
    with pytest.raises(ValidationError) as caught:
        service.verify_problem(problem.id, " 张三 ", "看了会议记录")
    assert caught.value.errors["verified_by"] == "验收人不能是责任人本人（张三），请由其他人员验收销号"
    verified = service.verify_problem(problem.id, "李四", "查阅了三次周例会记录")
    assert (verified.status, verified.verified_by) == ("已销号", "李四")
    assert verified.verified_at == clock.current
    assert [n.text for n in service.notes(problem.id)] == ["已召开科室会议研究整改", "整改完成：周例会已建立"]
    with pytest.raises(ValidationError, match="已销号"):
        service.add_progress(problem.id, "再补充")
    assert AuditLog.select().where((AuditLog.table == "problem") & (AuditLog.action == "销号")).count() == 1


def test_no_closing_without_a_measure(campaign):
    problem = raise_problem(campaign, measure="")
    with pytest.raises(ValidationError) as caught:
        service.complete_problem(problem.id)
    assert caught.value.errors == {"measure": "请先填写整改措施，再标记整改完成"}
    with pytest.raises(ValidationError) as caught:
        service.verify_problem(problem.id, "李四", "看过")
    assert caught.value.errors["measure"] == "该问题没有填写整改措施，不能销号"
    assert caught.value.errors["status"] == "整改完成后才能销号，请先标记整改完成"
    assert service.get_problem(problem.id).status == "未开始"


def test_overdue_when_not_fixed_past_the_deadline(campaign, clock):
    problem = raise_problem(campaign)
    assert not service.is_overdue(problem) and service.days_left(problem) == 11
    clock.set(dt.datetime(2026, 10, 20, 23, 59, 59))
    assert not service.is_overdue(problem)
    clock.advance(seconds=1)
    assert service.is_overdue(problem) and service.days_left(problem) == -1
    assert [p.id for p in service.problems_query(status="已超期")] == [problem.id]


def test_search_void_and_filters(campaign):
    first = raise_problem(campaign, description="接待群众态度冷漠")
    raise_problem(campaign, 1, description="上班时间玩游戏")
    assert [p.id for p in service.problems_query("态度冷漠")] == [first.id]
    service.void_problem(first.id, "重复登记")
    assert [p.id for p in service.problems_query(status="已作废")] == [first.id]
    assert service.problems_query(status="未开始").count() == 1
    with pytest.raises(ValidationError):
        service.void_problem(first.id, "")


def test_progress_note_needs_text_and_sensible_date(campaign):
    problem = raise_problem(campaign, found_on=dt.date(2026, 10, 5))
    with pytest.raises(ValidationError) as caught:
        service.add_progress(problem.id, "", on=dt.date(2026, 10, 12))
    assert set(caught.value.errors) == {"text", "on"}
    with pytest.raises(ValidationError, match="不能早于问题发现日期"):
        service.add_progress(problem.id, "开始整改", on=dt.date(2026, 10, 1))
    assert ProgressNote.select().count() == 0


def test_check_must_belong_to_the_campaign_template(campaign):
    other = service.copy_template(campaign.template_id, "另一模板")
    item = service.template_items(other.id)[0][0]
    with pytest.raises(ValidationError) as caught:
        raise_problem(campaign, item_id=item.id)
    assert caught.value.errors == {"item": "请选择检查项"}
    assert first_item(campaign).name == "查思想认识"


def test_whoever_was_responsible_at_completion_or_completed_it_cannot_verify(campaign, clock):
    """D4: 张三 completes his own rectification, the 责任人 is then changed to 李四, and 张三 verifies it —
    refused, as is the person who marked it complete; compared as people (NFKC, spaces), not as text."""
    problem = raise_problem(campaign)
    service.complete_problem(problem.id, "周例会已建立", actor="张三")
    values = dict(campaign_id=campaign.id, item_id=problem.item_id, description=problem.description,
                  responsible_name="李四", deadline=dt.date(2026, 10, 20), measure=problem.measure,
                  cause=problem.cause)
    service.correct_problem(problem.id, ProblemInput(**values), "责任人调整")  # completed: only by 更正
    assert service.get_problem(problem.id).responsible_name == "李四"
    for verifier in ("张三", "张 三", "张三\u3000"):
        with pytest.raises(ValidationError) as caught:
            service.verify_problem(problem.id, verifier, "看了会议记录")
        assert caught.value.errors["verified_by"] == "验收人不能是整改完成时的责任人（张三），请由其他人员验收销号"
    with pytest.raises(ValidationError, match="责任人本人（李四）"):
        service.verify_problem(problem.id, "李四", "看过")

    other = raise_problem(campaign, description="个别人员迟到早退")
    service.complete_problem(other.id, actor="王五")  # marked complete by someone else than the 责任人
    with pytest.raises(ValidationError) as caught:
        service.verify_problem(other.id, "王五", "看过")
    assert caught.value.errors["verified_by"] == "验收人不能是标记整改完成的人（王五），请由其他人员验收销号"
    assert service.verify_problem(other.id, "李四", "查阅了考勤记录").verified_by == "李四"
    assert service.get_problem(problem.id).verified_at is None


def test_销号_compares_people_not_names_through_accounts(campaign, clock):
    """D4 by person: the login zhangsan is 张三 of the directory (用户管理 → 对应人员); signed in as
    zhangsan he can neither mark his own problem complete and then 销号 it, nor 销号 it under another
    typed 验收人; a typed 验收人 "zhangsan" is 张三 too."""
    from xiaoneng_desktop.core import accounts, people, session

    zhang = people.save_person(None, name="张三")
    li = people.save_person(None, name="李四")
    account = accounts.create_account("zhangsan", "管理员", "Zhang-2026!", person_id=zhang.id)
    problem = raise_problem(campaign, responsible_name="李四")
    with session.acting_as(session.Actor("zhangsan", session.SECRETARY, account.id)):
        service.complete_problem(problem.id, "周例会已建立", actor="李四")
        assert service.get_problem(problem.id).completed_by == "zhangsan"  # the signed-in user, not a typed name
        with pytest.raises(ValidationError) as caught:
            service.verify_problem(problem.id, "王五", "看过")
        assert caught.value.errors["verified_by"] == "当前登录用户“zhangsan”是该问题的标记整改完成的人，不能办理销号"
    with pytest.raises(ValidationError, match="标记整改完成的人（zhangsan）"):
        service.verify_problem(problem.id, "张三", "看过")  # 张三 is the person behind the login zhangsan
    assert accounts.same_person("zhangsan", "张 三") and not accounts.same_person("zhangsan", li.name)
    assert service.verify_problem(problem.id, "王五", "查阅了会议记录").verified_by == "王五"
