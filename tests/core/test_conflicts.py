"""Edit conflicts (issue 15, two PCs at once): every write bumps a record's version, and an edit saved over
a version other than the one the form loaded is refused — who changed it, nothing saved."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tests.documents.test_service import incoming
from tests.duty.test_service import a_call
from tests.inspection.conftest import campaign, raise_problem  # noqa: F401 - the fixture
from tests.visitors.test_service import a_visit
from xiaoneng_desktop.core import session
from xiaoneng_desktop.core.conflicts import EditConflict
from xiaoneng_desktop.documents import service as documents
from xiaoneng_desktop.documents.models import Document
from xiaoneng_desktop.documents.service import IncomingInput
from xiaoneng_desktop.duty import service as duty
from xiaoneng_desktop.duty.models import Call, DutyShift
from xiaoneng_desktop.duty.service import CallInput, ShiftInput
from xiaoneng_desktop.inspection import service as inspection
from xiaoneng_desktop.inspection.models import Campaign, Problem
from xiaoneng_desktop.inspection.service import CampaignInput, ProblemInput
from xiaoneng_desktop.visitors import service as visitors
from xiaoneng_desktop.visitors.models import Visit
from xiaoneng_desktop.visitors.service import HandlingInput

ZHANG = session.Actor("张三")


def stored(model, row_id) -> dict:
    return dict(model.get_by_id(row_id).__data__)


def refused(save, model, row_id):
    """``save()`` raises EditConflict naming 张三, and the row is as it was."""
    before = stored(model, row_id)
    with pytest.raises(EditConflict) as info:
        save()
    assert stored(model, row_id) == before
    conflict = info.value
    assert conflict.who == "张三" and "张三" in str(conflict) and "本次没有保存" in str(conflict)
    assert conflict.version == before["version"] and conflict.values["version"] == before["version"]
    assert conflict.errors == {"version": str(conflict)}
    return conflict


def test_save_and_update_queries_bump_the_version(database, clock):
    call = duty.create_call(a_call())
    assert call.version == 1 and Call.get_by_id(call.id).version == 1
    call.summary = "改了摘要"
    call.save()
    assert call.version == 2 and Call.get_by_id(call.id).version == 2
    Call.update(phone="0731-1").where(Call.id == call.id).execute()
    assert Call.get_by_id(call.id).version == 3
    stale = Call.get_by_id(call.id)
    Call.update(summary="另一台电脑").where(Call.id == call.id).execute()
    stale.save()  # a stale instance never writes its old number back
    assert stale.version == 5 and Call.get_by_id(call.id).version == 5
    Call.update(version=9).where(Call.id == call.id).execute()  # a caller that sets it itself
    assert Call.get_by_id(call.id).version == 9


def test_a_stale_call_edit_is_refused_and_nothing_changes(database, clock):
    call = duty.create_call(a_call())
    with session.acting_as(ZHANG):
        clock.set(dt.datetime(2026, 12, 2, 14, 5))
        duty.update_call(call.id, a_call(summary="张三改的"), expected_version=1)
    conflict = refused(lambda: duty.update_call(call.id, a_call(summary="我改的"), expected_version=1), Call, call.id)
    assert "12月2日 14:05" in str(conflict)
    assert conflict.values["summary"] == "张三改的" and conflict.current.summary == "张三改的"
    # the deliberate overwrite: saved over the version now stored
    saved = duty.update_call(call.id, a_call(summary="我改的"), expected_version=conflict.version)
    assert saved.summary == "我改的" and saved.version == 3
    assert duty.update_call(call.id, a_call(summary="命令行"), expected_version=None).version == 4


def test_every_call_and_shift_write_bumps_the_version(database, clock):
    call = duty.create_call(a_call())
    duty.instruct_call(call.id, "请速办")
    assert Call.get_by_id(call.id).version == 2
    duty.close_call(call.id, "已通知")
    assert Call.get_by_id(call.id).version == 3
    data = dataclasses.replace(CallInput.from_call(Call.get_by_id(call.id)), summary="更正后的摘要")
    refused_version = 2
    with session.acting_as(ZHANG):
        duty.correct_call(call.id, data, "记错了", expected_version=3)
    assert Call.get_by_id(call.id).version == 4
    refused(lambda: duty.correct_call(call.id, data, "再改", expected_version=refused_version), Call, call.id)
    duty.void_call(call.id, "重复登记")
    assert Call.get_by_id(call.id).version == 5

    day = dt.date(2026, 10, 9)
    shift = duty.save_shift(ShiftInput(day, "白班", officer_name="王值班"))
    assert shift.version == 1
    with session.acting_as(ZHANG):
        shift = duty.save_shift(ShiftInput(day, "白班", officer_name="李值班"), expected_version=1)
    assert shift.version == 2
    refused(lambda: duty.save_shift(ShiftInput(day, "白班", officer_name="赵值班"), expected_version=1),
            DutyShift, shift.id)
    clock.set(dt.datetime(2026, 10, 9, 20, 0))
    duty.handover(shift.id, "无异常")
    assert DutyShift.get_by_id(shift.id).version == 3


def test_documents(database, clock):
    doc = incoming()
    data = IncomingInput(start_date=dt.date(2026, 10, 9), unit="市人民政府办公室", title="改过的标题", kind="通知",
                         registrar="李文书", next_holder="赵主任", doc_number="宜府办文〔2026〕58号")
    with session.acting_as(ZHANG):
        documents.update_document(doc.id, data, expected_version=doc.version)
    version = Document.get_by_id(doc.id).version
    assert version == doc.version + 1
    refused(lambda: documents.update_document(doc.id, dataclasses.replace(data, title="我的标题"),
                                              expected_version=doc.version), Document, doc.id)
    documents.void_document(doc.id, "重复登记")
    assert Document.get_by_id(doc.id).version == version + 1


def test_visits(database, clock):
    visit = visitors.create_visit(a_visit())
    with session.acting_as(ZHANG):
        visitors.update_visit(visit.id, a_visit(matter="张三改的诉求内容"), expected_version=1)
    refused(lambda: visitors.update_visit(visit.id, a_visit(matter="我改的诉求内容"), expected_version=1),
            Visit, visit.id)
    handling = HandlingInput(decision="受理", decided_at=dt.datetime(2026, 10, 9, 9, 0))
    refused(lambda: visitors.save_handling(visit.id, handling, expected_version=1), Visit, visit.id)
    visitors.save_handling(visit.id, handling, expected_version=2)
    assert Visit.get_by_id(visit.id).version == 3
    visitors.void_visit(visit.id, "重复登记")
    assert Visit.get_by_id(visit.id).version == 4


def problem_input(problem: Problem, **changes) -> ProblemInput:
    values = dict(campaign_id=problem.campaign_id, item_id=problem.item_id, description=problem.description,
                  responsible_name=problem.responsible_name, deadline=dt.date(2026, 10, 20), measure=problem.measure,
                  cause=problem.cause)
    values.update(changes)
    return ProblemInput(**values)


def test_problems_and_campaigns(campaign, clock):  # noqa: F811 - the fixture imported above
    problem = raise_problem(campaign)
    with session.acting_as(ZHANG):
        inspection.update_problem(problem.id, problem_input(problem, description="张三改的"), expected_version=1)
    refused(lambda: inspection.update_problem(problem.id, problem_input(problem, description="我改的"),
                                              expected_version=1), Problem, problem.id)
    inspection.complete_problem(problem.id, "已建立周例会制度")
    assert Problem.get_by_id(problem.id).version == 3
    inspection.void_problem(problem.id, "重复")
    assert Problem.get_by_id(problem.id).version == 4

    data = CampaignInput(campaign.name, campaign.starts_on, campaign.ends_on, campaign.template_id,
                         ["张三", "李四", "王五"])
    with session.acting_as(ZHANG):
        inspection.update_campaign(campaign.id, dataclasses.replace(data, name="张三改的活动名"),
                                   expected_version=campaign.version)
    refused(lambda: inspection.update_campaign(campaign.id, dataclasses.replace(data, name="我的活动名"),
                                               expected_version=campaign.version), Campaign, campaign.id)
