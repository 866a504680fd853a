"""来访接待 rules, without a window: registration, recognition, handling, limits, schedule."""

from __future__ import annotations

import datetime as dt

import pytest

from xiaoneng_desktop.core import audit, people, session, settings, workdays
from xiaoneng_desktop.core.models import AuditLog
from xiaoneng_desktop.core.validation import ValidationError, id_check_digit
from xiaoneng_desktop.visitors import service
from xiaoneng_desktop.visitors.models import ReceptionDay, Visit
from xiaoneng_desktop.visitors.service import HandlingInput, VisitInput

T0 = dt.datetime(2026, 10, 9, 9, 0)
ID = "43062419800307" + "123"
ID = ID + id_check_digit(ID)


def a_visit(**changes) -> VisitInput:
    values = dict(visited_at=T0, name="李大爷", id_number=ID, phone="13812345678", persons=1,
                  address="城关镇建设路12号", category="求决", matter="反映小区下水道堵塞，多次找物业无果",
                  first_responder="王接待")
    values.update(changes)
    return VisitInput(**values)


def test_register_sets_limits_in_calendar_days(database, clock):
    visit = service.create_visit(a_visit())
    assert visit.acceptance_due == dt.datetime(2026, 10, 24, 23, 59, 59)  # 15 days
    assert visit.deadline == dt.datetime(2026, 12, 8, 23, 59, 59)  # 60 days from the visit until accepted
    assert visit.status == "待受理" and visit.id_key == ID and visit.phone_key == "13812345678"


def test_limits_are_settings(database, clock):
    settings.save_all({"visitors.accept_days": 10, "visitors.handle_days": 30})
    visit = service.create_visit(a_visit())
    assert visit.acceptance_due.date() == dt.date(2026, 10, 19)
    assert visit.deadline.date() == dt.date(2026, 11, 8)


def test_empty_id_is_allowed_and_shown_as_not_given(database, clock):
    visit = service.create_visit(a_visit(id_number="", phone=""))
    assert visit.id_number == "" and service.id_display(visit) == "未提供"
    visit = service.create_visit(a_visit())
    with session.acting_as(session.Actor("值班员甲", session.DUTY_OFFICER, 1)):
        assert service.id_display(visit) == "4306**********" + ID[-4:]
    with session.acting_as(session.Actor("接待员甲", session.RECEPTIONIST, 2)):
        assert service.id_display(visit) == ID
    assert service.id_display(visit, full=False) == "4306**********" + ID[-4:]


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"id_number": ID[:-1] + ("0" if ID[-1] != "0" else "1")}, "id_number", "校验位"),
    ({"id_number": "43062419800230" + "123" + id_check_digit("43062419800230123")}, "id_number", "出生日期不存在"),
    ({"phone": "12345"}, "phone", "不是有效的手机号"),
    ({"phone": "1381234567"}, "phone", "不是有效的手机号"),
    ({"persons": 0}, "persons", "大于 0"),
    ({"persons": -3}, "persons", "大于 0"),
    ({"name": " "}, "name", "请填写来访人姓名"),
    ({"matter": ""}, "matter", "请填写来访事由"),
    ({"first_responder": ""}, "first_responder", "请填写首问责任人"),
    ({"visited_at": T0 + dt.timedelta(hours=2)}, "visited_at", "不能晚于当前时间"),
    ({"category": "闲聊"}, "category", "“问题类别”没有“闲聊”这一项"),
])
def test_bad_input_message_at_field_nothing_saved_no_personal_data(database, clock, changes, field, words):
    with pytest.raises(ValidationError) as caught:
        service.create_visit(a_visit(**changes))
    assert words in caught.value.errors[field]
    assert Visit.select().count() == 0
    for value in (ID, ID[-4:], "13812345678", "12345", "1381234567"):
        assert value not in str(caught.value)


def test_all_errors_at_once(database, clock):
    with pytest.raises(ValidationError) as caught:
        service.create_visit(a_visit(name="", persons=0, phone="abc", id_number="123"))
    assert set(caught.value.errors) == {"name", "persons", "phone", "id_number"}


def test_audit_has_no_personal_data(database, clock):
    visit = service.create_visit(a_visit())
    service.save_handling(visit.id, HandlingInput(decision="受理", decided_at=T0, referred_to="城关镇人民政府"))
    texts = " ".join(f"{a.action} {a.detail}" for a in AuditLog.select())
    assert ID not in texts and "13812345678" not in texts and "李大爷" not in texts
    assert "受理" in texts and "转办城关镇人民政府" in texts
    assert len(audit.history("visit", visit.id)) == 2


def test_returning_visitor_recognised_by_id_phone_or_old_number(database, clock):
    first = service.create_visit(a_visit(visited_at=T0 - dt.timedelta(days=40)))
    service.save_handling(first.id, HandlingInput(decision="受理", decided_at=T0 - dt.timedelta(days=40),
                                                  reply="已协调物业疏通", replied_at=T0 - dt.timedelta(days=30),
                                                  late_reason="据接待登记簿补记"))
    service.create_visit(a_visit(visited_at=T0 - dt.timedelta(days=10), id_number="", phone="0736-7212345"))
    by_id = service.person_history(id_number=ID)
    assert by_id.count == 1 and by_id.last.id == first.id and by_id.last.reply == "已协调物业疏通"
    assert by_id.first == T0 - dt.timedelta(days=40)
    assert service.person_history(phone="138 1234 5678").count == 1
    assert service.person_history(phone="07367212345").count == 1
    assert service.person_history(id_number=ID, phone="0736-7212345").count == 2
    old = ID[:6] + ID[8:17]  # the same person's old 15-digit number
    assert service.person_history(id_number=old).count == 1
    assert service.person_history(id_number=ID[:10]).count == 0  # incomplete: nothing looked up
    assert service.person_history(id_number=ID, exclude_id=first.id).count == 0


def test_find_by_name_one_line_per_person(database, clock):
    service.create_visit(a_visit(visited_at=T0 - dt.timedelta(days=40)))
    service.create_visit(a_visit(visited_at=T0 - dt.timedelta(days=20)))
    service.create_visit(a_visit(id_number="", phone="13900001111", address="河西村"))
    matches = service.find_by_name("李大爷")
    assert [m.count for m in matches] == [1, 2]
    assert matches[0].address == "河西村" and matches[1].id_number == ID
    with session.acting_as(session.Actor("值班员甲", session.DUTY_OFFICER, 1)):
        assert "4306**" in matches[1].label() and ID not in matches[1].label()
    assert service.find_by_name("张三") == []


def test_repeat_visits_in_list(database, clock):
    service.create_visit(a_visit(visited_at=T0 - dt.timedelta(days=3)))
    again = service.create_visit(a_visit())
    other = service.create_visit(a_visit(name="赵某", id_number="", phone="13900001111"))
    earlier = {v.id: v.earlier for v in service.visits_query()}
    assert earlier[again.id] == 1 and earlier[other.id] == 0


def test_refuse_needs_reason_and_closes(database, clock):
    visit = service.create_visit(a_visit())
    with pytest.raises(ValidationError) as caught:
        service.save_handling(visit.id, HandlingInput(decision="不予受理", decided_at=T0))
    assert "理由" in caught.value.errors["decision_reason"]
    visit = service.save_handling(visit.id, HandlingInput(decision="不予受理", decided_at=T0,
                                                          decision_reason="属于诉讼程序，已告知向法院起诉"))
    assert visit.status == "不予受理" and visit.closed_at == T0


def test_accept_refer_reply_rate_follow_up(database, clock):
    visit = service.create_visit(a_visit())
    clock.advance(days=2)
    visit = service.save_handling(visit.id, HandlingInput(decision="受理", decided_at=clock(),
                                                          referred_to="县住建局"), actor="王接待")
    assert visit.deadline == dt.datetime(2026, 12, 10, 23, 59, 59)  # 60 days from 受理
    assert visit.referral_due == dt.date(2026, 12, 10) and visit.referred_at == clock()
    assert visit.status == "办理中"
    with pytest.raises(ValidationError) as caught:
        service.save_handling(visit.id, HandlingInput(decision="受理", decided_at=clock(),
                                                      referred_to="县住建局", satisfaction="满意"))
    assert "答复来访人之后" in caught.value.errors["satisfaction"]
    clock.advance(days=5)
    data = service.HandlingInput.from_visit(Visit.get_by_id(visit.id))
    data.reply, data.result, data.replied_at = "已督促物业疏通", "问题已解决", clock()
    data.satisfaction = "满意"
    visit = service.save_handling(visit.id, data)
    assert visit.status == "已办结" and visit.closed_at == clock() and visit.satisfaction == "满意"
    clock.advance(days=3)
    data = service.HandlingInput.from_visit(Visit.get_by_id(visit.id))
    data.followed_up_at = clock()
    with pytest.raises(ValidationError) as caught:
        service.save_handling(visit.id, data)
    assert "回访情况" in caught.value.errors["follow_up_note"]
    data.follow_up_note = "电话回访，来访人表示满意"
    assert service.save_handling(visit.id, data).followed_up_at == clock()


@pytest.mark.parametrize(("data", "field", "words"), [
    (HandlingInput(decision="受理", decided_at=T0 - dt.timedelta(hours=1)), "decided_at", "不能早于来访时间"),
    (HandlingInput(decision="受理", decided_at=T0, reply="已答复", replied_at=T0 - dt.timedelta(days=1)),
     "replied_at", "不能早于来访时间"),
    (HandlingInput(decision="受理", decided_at=T0, replied_at=T0), "reply", "请填写答复意见"),
    (HandlingInput(reply="已答复", replied_at=T0), "decision", "先作出受理决定"),
    (HandlingInput(decision="不予受理", decision_reason="不属于本机关职责", referred_to="县法院"), "referred_to",
     "不能转办"),
])
def test_bad_handling(database, clock, data, field, words):
    visit = service.create_visit(a_visit())
    with pytest.raises(ValidationError) as caught:
        service.save_handling(visit.id, data)
    assert words in caught.value.errors[field]
    assert Visit.get_by_id(visit.id).decision == ""


def test_extension_once_at_most_30_days_with_reason_approved_by_someone_else(database, clock):
    reception, leader = session.Actor("周接待", session.RECEPTIONIST), session.Actor("王县长", session.LEADER)
    visit = service.create_visit(a_visit())
    with session.acting_as(reception):
        with pytest.raises(ValidationError, match="受理后"):
            service.extend(visit.id, 10, "情况复杂")
        visit = service.save_handling(visit.id, HandlingInput(decision="受理", decided_at=T0))
        with pytest.raises(ValidationError) as caught:
            service.extend(visit.id, 31, "")
        assert set(caught.value.errors) == {"days", "reason"}
        asked = service.extend(visit.id, 30, "需多部门会商")
        assert service.get_visit(visit.id).deadline == dt.datetime(2026, 12, 8, 23, 59, 59)  # not yet moved
        with pytest.raises(ValidationError, match="无权"):
            service.decide_extension(asked.id, True)  # 接待员 may not approve
    # the same person, even with a role that may approve (and a full-width name): not one's own request
    with session.acting_as(session.Actor("周 接待", session.SECRETARY)), pytest.raises(ValidationError, match="本人"):
        service.decide_extension(asked.id, True)
    with session.acting_as(leader):
        service.decide_extension(asked.id, True)
    visit = service.get_visit(visit.id)
    assert visit.deadline == dt.datetime(2027, 1, 7, 23, 59, 59)
    assert (visit.extended_days, visit.extension_reason) == (30, "需多部门会商")
    assert [line.action for line in audit.history("visit", visit.id)][-2:] == ["申请延期", "批准延期"]
    assert audit.changes_of(audit.history("visit", visit.id)[-1]) == [("办理时限", "2026-12-08", "2027-01-07")]
    with session.acting_as(reception), pytest.raises(ValidationError, match="只能延期一次"):
        service.extend(visit.id, 5, "再延")
    # an edit of the handling keeps the extension
    with session.acting_as(reception):
        visit = service.save_handling(visit.id, HandlingInput.from_visit(visit))
    assert visit.deadline == dt.datetime(2027, 1, 7, 23, 59, 59)


def test_a_deadline_cannot_be_typed_in_the_handling_form(database, clock):
    visit = service.create_visit(a_visit())
    visit = service.save_handling(visit.id, HandlingInput(decision="受理", decided_at=T0,
                                                          deadline=dt.date(2026, 10, 30)))
    assert visit.deadline == dt.datetime(2026, 12, 8, 23, 59, 59) and not visit.deadline_typed

def test_status_text_and_states_age(database, clock):
    visit = service.create_visit(a_visit())
    assert service.status_text(visit) == "待受理 剩15天" and service.state(visit) == "open"
    clock.set(dt.datetime(2026, 10, 20, 9, 0))
    assert service.state(visit) == "soon"
    clock.set(dt.datetime(2026, 10, 26, 9, 0))
    assert service.status_text(visit) == "受理告知超期 2天" and service.state(visit) == "overdue"
    visit = service.save_handling(visit.id, HandlingInput(decision="受理", decided_at=clock()))
    assert service.status_text(visit) == "办理中 剩60天" and service.age_days(visit) == 17
    clock.set(dt.datetime(2026, 12, 26, 9, 0))
    assert service.status_text(visit) == "超时 1天" and service.state(visit) == "overdue"
    assert service.visits_query(status="已超时").count() == 1


def test_search_filters(database, clock):
    a = service.create_visit(a_visit())
    b = service.create_visit(a_visit(name="赵某", id_number="", phone="0736-7212345", matter="反映拖欠工资"))
    service.save_handling(b.id, HandlingInput(decision="受理", decided_at=T0, referred_to="县人社局"))
    ids = lambda **kw: {v.id for v in service.visits_query(**kw)}  # noqa: E731
    assert ids(text="李大爷") == {a.id}
    assert ids(text=ID) == {a.id} and ids(text=ID[-6:]) == {a.id}
    assert ids(text="07367212345") == {b.id} and ids(text="7212345") == {b.id}
    assert ids(text="工资") == {b.id} and ids(text="人社局") == {b.id}
    assert ids(status="待受理") == {a.id} and ids(status="在办") == {a.id, b.id}
    assert ids(date_from=dt.date(2026, 10, 10)) == set()
    service.void_visit(a.id, "重复登记")
    assert ids(status="已作废") == {a.id} and ids(status="在办") == {b.id}


def test_reception_days_generated_rotating_skipping_holidays(database, clock):
    dept = people.save_department(None, "办公室")
    people.save_person(None, name="张主任", department_id=dept.id)
    made = service.generate_reception_days(*service.period(2026, 10, quarter=True), ["张主任", "李副主任", "刘副主任"])
    days = [r.day for r in made]
    assert all(d.weekday() == 2 for d in days[1:])
    # 国庆: Wednesday 7 October is a holiday, the week's reception day moves to the next working day
    assert dt.date(2026, 10, 7) not in days and not workdays.is_workday(dt.date(2026, 10, 7))
    moved = made[0].day
    assert moved > dt.date(2026, 10, 7) and workdays.is_workday(moved)
    assert made[0].note == "10月7日（星期三）为节假日，顺延至此日"
    assert days[1] == dt.date(2026, 10, 14) and days[-1] == dt.date(2026, 12, 30)
    assert [r.leader_name for r in made[:4]] == ["张主任", "李副主任", "刘副主任", "张主任"]
    assert made[0].leader is not None and made[0].place == "县政府来访接待室"
    # the next month continues the turn
    following = service.generate_reception_days(*service.period(2027, 1), ["张主任", "李副主任", "刘副主任"])
    assert following[0].leader_name == ["张主任", "李副主任", "刘副主任"][(len(made)) % 3]


def test_a_holiday_wednesday_moves_the_reception_day_to_the_next_working_day(database, clock):
    workdays.set_override(dt.date(2026, 11, 11), False, "临时放假")
    workdays.set_override(dt.date(2026, 11, 19), False, "临时放假")
    workdays.set_override(dt.date(2026, 11, 18), False, "临时放假")
    made = service.generate_reception_days(dt.date(2026, 11, 1), dt.date(2026, 11, 30), ["张主任", "李副主任"])
    assert [r.day for r in made] == [dt.date(2026, 11, 4), dt.date(2026, 11, 12), dt.date(2026, 11, 20),
                                     dt.date(2026, 11, 25)]
    assert [r.leader_name for r in made] == ["张主任", "李副主任", "张主任", "李副主任"]
    assert made[1].note == "11月11日（星期三）为节假日，顺延至此日" and made[0].note == ""
    # a holiday Wednesday whose next working day lies after the period: no day this week
    workdays.set_override(dt.date(2026, 11, 25), False, "临时放假")
    made = service.generate_reception_days(dt.date(2026, 11, 23), dt.date(2026, 11, 25), ["张主任"])
    assert made == []


def test_visit_on_reception_day_links_leader(database, clock):
    service.save_reception_day(None, dt.date(2026, 10, 9), "张主任", "接待室")
    visit = service.create_visit(a_visit())
    assert visit.leader_name == "张主任" and visit.reception_day.day == dt.date(2026, 10, 9)
    row = ReceptionDay.get()
    service.save_reception_day(row.id, row.day, "李副主任", row.place)
    assert Visit.get_by_id(visit.id).leader_name == "李副主任"
    with pytest.raises(ValidationError, match="已有来访登记"):
        service.remove_reception_day(row.id)
    with pytest.raises(ValidationError) as caught:
        service.save_reception_day(None, dt.date(2026, 10, 9), "刘副主任")
    assert "已安排接待领导" in caught.value.errors["day"]


def test_weekday_setting_checked(database):
    assert service.parse_weekday("周五") == 4 and service.parse_weekday("星期日") == 6
    with pytest.raises(ValidationError):
        settings.save_all({"visitors.reception_weekday": "每周"})
