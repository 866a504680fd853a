"""Roles are enforced in the services (issue 12): a write is refused before anything is written,
whoever calls — window, command line or test. Without a sign-in (role None) everything is allowed."""

from __future__ import annotations

import datetime as dt

import pytest

from xiaoneng_desktop.core import people, session, settings, workdays
from xiaoneng_desktop.core.models import AuditLog, Person
from xiaoneng_desktop.core.session import Actor, PermissionDenied
from xiaoneng_desktop.documents import service as documents
from xiaoneng_desktop.documents.service import IncomingInput
from xiaoneng_desktop.duty import service as duty
from xiaoneng_desktop.duty.models import Call
from xiaoneng_desktop.duty.service import CallInput
from xiaoneng_desktop.inspection import service as inspection
from xiaoneng_desktop.inspection.models import Problem
from xiaoneng_desktop.inspection.service import CampaignInput, ProblemInput
from xiaoneng_desktop.visitors import service as visitors
from xiaoneng_desktop.visitors.models import Visit
from xiaoneng_desktop.visitors.service import VisitInput

T0 = dt.datetime(2026, 10, 9, 9, 0)
DUTY_OFFICER = Actor("小王", "值班员", 1)
RECEPTIONIST = Actor("小李", "接待员", 2)
LEADER = Actor("王县长", "领导", 3)
SECRETARY = Actor("陈秘书", "秘书", 4)
ADMIN = Actor("admin", "管理员", 5)


def a_visit() -> VisitInput:
    return VisitInput(visited_at=T0, name="李大爷", id_number="", phone="13812345678", persons=1,
                      address="城关镇建设路12号", category="求决", matter="反映小区下水道堵塞，多次找物业无果",
                      first_responder="王接待")


def a_call() -> CallInput:
    return CallInput(received_at=T0, category="一般事项", summary="县长办公室来电：通知下午三点开会",
                     officer_name="王值班", caller="李秘书", caller_unit="县长办公室", phone="0731-84561234")


def test_decorator_names_the_permission_and_refuses_in_chinese(database):
    assert duty.create_call.permission == "duty.write"
    with session.acting_as(RECEPTIONIST), pytest.raises(PermissionDenied) as caught:
        duty.create_call(a_call())
    assert caught.value.errors == {"permission": "当前用户“小李”（接待员）无权登记或修改值班记录"}


def test_visits_duty_officer_refused_receptionist_allowed(database, clock):
    lines = AuditLog.select().count()
    with session.acting_as(DUTY_OFFICER), pytest.raises(PermissionDenied):
        visitors.create_visit(a_visit())
    assert Visit.select().count() == 0 and AuditLog.select().count() == lines  # nothing written
    with session.acting_as(RECEPTIONIST):
        visit = visitors.create_visit(a_visit())
    assert Visit.get_by_id(visit.id).name == "李大爷"
    assert AuditLog.select().order_by(AuditLog.id.desc()).first().actor == "小李"
    with session.acting_as(DUTY_OFFICER), pytest.raises(PermissionDenied):
        visitors.void_visit(visit.id, "重复登记")
    assert Visit.get_by_id(visit.id).voided_at is None


def test_calls_leader_cannot_create_duty_officer_can(database, clock):
    with session.acting_as(LEADER), pytest.raises(PermissionDenied):
        duty.create_call(a_call())
    assert Call.select().count() == 0
    with session.acting_as(DUTY_OFFICER):
        call = duty.create_call(a_call())
    with session.acting_as(LEADER), pytest.raises(PermissionDenied):
        duty.close_call(call.id, "已转告")
    assert Call.get_by_id(call.id).closed_at is None


def test_documents_leader_approves_an_extension_asked_by_someone_else(database, clock):
    data = IncomingInput(start_date=dt.date(2026, 10, 9), unit="市人民政府办公室", urgency="加急",
                         title="关于做好秋冬季森林防火工作的通知", kind="通知", registrar="李文书",
                         next_holder="赵主任", doc_number="宜府办文〔2026〕58号")
    with session.acting_as(LEADER), pytest.raises(PermissionDenied):
        documents.register_incoming(data)
    with session.acting_as(SECRETARY):
        doc = documents.register_incoming(data)
        pending = documents.ask_extension(doc.id, dt.date(2026, 10, 16), "需征求县林业局意见", "陈秘书")
    with session.acting_as(DUTY_OFFICER), pytest.raises(PermissionDenied):
        documents.decide_extension(pending.id, True, "小王")
    with session.acting_as(LEADER):
        decided = documents.decide_extension(pending.id, True, "王县长")
    assert decided.approved is True


def test_inspection_only_the_secretary_writes(database, clock):
    with session.acting_as(SECRETARY):
        campaign = inspection.create_campaign(CampaignInput(
            "2026年下半年作风整顿自查", dt.date(2026, 10, 1), dt.date(2026, 10, 31),
            inspection.builtin_template().id, ["张三", "李四"]))
    item = inspection.template_items(campaign.template_id)[0][0]
    data = ProblemInput(campaign_id=campaign.id, item_id=item.id, description="协调配合不主动",
                        responsible_name="张三", deadline=dt.date(2026, 10, 20), measure="建立周例会协调制度",
                        cause="大局意识不强")
    for actor in (DUTY_OFFICER, RECEPTIONIST, LEADER, ADMIN):
        with session.acting_as(actor), pytest.raises(PermissionDenied):
            inspection.create_problem(data)
    assert Problem.select().count() == 0
    with session.acting_as(SECRETARY):
        inspection.create_problem(data)
    assert Problem.select().count() == 1


def test_people_settings_and_calendar(database, clock):
    with session.acting_as(DUTY_OFFICER), pytest.raises(PermissionDenied):
        people.save_person(None, name="张三")
    assert Person.select().count() == 0
    with session.acting_as(SECRETARY), pytest.raises(PermissionDenied):
        settings.save_all({"duty.limit.general": 15})
    with session.acting_as(SECRETARY), pytest.raises(PermissionDenied):
        workdays.set_override(dt.date(2026, 10, 10), True, "调休")
    assert settings.get("duty.limit.general") != 15
    with session.acting_as(ADMIN):
        settings.save_all({"duty.limit.general": 15})
    assert settings.get("duty.limit.general") == 15


def test_without_sign_in_everything_is_allowed(database, clock):
    assert session.current().role is None
    visitors.create_visit(a_visit())
    duty.create_call(a_call())
