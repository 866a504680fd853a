"""The directory of departments and people (no Qt)."""

from __future__ import annotations

import pytest

from xiaoneng_desktop.core import audit, people
from xiaoneng_desktop.core.models import AuditLog, Department, Person
from xiaoneng_desktop.core.validation import ValidationError


@pytest.fixture
def office(database, clock):
    """Two departments, listed 办公室 first by sort order, whatever their names sort to."""
    return (people.save_department(None, "综合股", sort_order=2),
            people.save_department(None, "办公室", sort_order=1))


def test_departments_are_listed_by_sort_order_and_inactive_ones_only_on_request(office):
    general, main = office
    people.set_department_active(general.id, False)
    assert [d.name for d in people.list_departments()] == ["办公室"]
    assert [d.name for d in people.list_departments(include_inactive=True)] == ["办公室", "综合股"]


def test_department_name_is_required_trimmed_and_at_most_60_characters(database, clock):
    with pytest.raises(ValidationError) as exc:
        people.save_department(None, "   ")
    assert exc.value.errors == {"name": "请填写部门名称"}
    with pytest.raises(ValidationError) as exc:
        people.save_department(None, "股" * 61)
    assert "不能超过 60 个字" in exc.value.errors["name"]
    assert people.save_department(None, "  财务  股 ").name == "财务 股"
    assert Department.select().count() == 1


def test_department_name_must_be_unique(office):
    general, main = office
    with pytest.raises(ValidationError) as exc:
        people.save_department(None, "办公室")
    assert exc.value.errors["name"] == "已有同名部门“办公室”"
    with pytest.raises(ValidationError) as exc:
        people.save_department(general.id, "办公室")
    assert exc.value.errors["name"].startswith("已有同名部门“办公室”")
    assert Department.get_by_id(general.id).name == "综合股"
    # Saving a department under its own name is not a clash.
    assert people.save_department(main.id, "办公室", sort_order=5).sort_order == 5


def test_a_clash_with_an_inactive_department_says_it_is_inactive(office):
    general, _ = office
    people.set_department_active(general.id, False)
    with pytest.raises(ValidationError) as exc:
        people.save_department(None, "综合股")
    assert exc.value.errors["name"].startswith("已有同名部门“综合股”")
    assert "已停用" in exc.value.errors["name"]


def test_department_changes_leave_audit_lines(office):
    general, _ = office
    people.save_department(general.id, "综合保障股", sort_order=2)
    people.set_department_active(general.id, False)
    lines = audit.history("department", general.id)
    assert [line.action for line in lines] == ["新建", "修改", "停用"]
    assert audit.described(lines[1]) == "名称：综合股 → 综合保障股"


def test_save_person_creates_and_edits_with_cleaned_values(office):
    general, main = office
    person = people.save_person(None, name=" 张 三 ", department_id=main.id, post="副主任",
                                office_phone="0731-12345678", mobile="138 1234 5678", active=True, note="")
    person = Person.get_by_id(person.id)
    assert (person.name, person.department_id, person.post) == ("张 三", main.id, "副主任")
    assert (person.mobile, person.office_phone) == ("138 1234 5678", "0731-12345678")
    people.save_person(person.id, name="张三", department_id=general.id, post="股长", office_phone="",
                       mobile="13812345678", active=True, note="借调")
    person = Person.get_by_id(person.id)
    assert (person.name, person.department_id, person.post, person.note) == ("张三", general.id, "股长", "借调")
    lines = audit.history("person", person.id)
    assert [line.action for line in lines] == ["新建", "修改"]
    assert "部门：办公室 → 综合股" in audit.described(lines[1])
    assert "办公电话：0731-12345678 → （空）" in audit.described(lines[1])


def test_save_person_reports_every_bad_field_at_once_and_saves_nothing(office):
    _, main = office
    with pytest.raises(ValidationError) as exc:
        people.save_person(None, name="", department_id=main.id, post="职" * 61, office_phone="12ab",
                           mobile="1381234", active=True, note="")
    assert set(exc.value.errors) == {"name", "post", "office_phone", "mobile"}
    assert exc.value.errors["name"] == "请填写姓名"
    assert "只能包含数字" in exc.value.errors["office_phone"]
    assert "不是有效的手机号" in exc.value.errors["mobile"]
    assert Person.select().count() == 0
    assert AuditLog.select().where(AuditLog.table == "person").count() == 0


def test_name_is_at_most_30_characters(office):
    with pytest.raises(ValidationError) as exc:
        people.save_person(None, name="名" * 31, department_id=None)
    assert "不能超过 30 个字" in exc.value.errors["name"]


def test_a_new_person_cannot_join_an_inactive_department_but_a_member_may_stay(office):
    general, _ = office
    member = people.save_person(None, name="李四", department_id=general.id)
    people.set_department_active(general.id, False)
    with pytest.raises(ValidationError) as exc:
        people.save_person(None, name="王五", department_id=general.id)
    assert exc.value.errors == {"department": "部门“综合股”已停用，请选择其他部门"}
    assert people.save_person(member.id, name="李四", department_id=general.id, post="科员").post == "科员"


def test_two_active_people_may_not_share_a_name(office):
    general, main = office
    first = people.save_person(None, name="张伟", department_id=main.id)
    with pytest.raises(ValidationError) as exc:
        people.save_person(None, name="张伟", department_id=general.id)
    assert exc.value.errors["name"].startswith("已有同名在岗人员“张伟”（办公室）")
    assert "张伟（综合股）" in exc.value.errors["name"]
    # Once the first one has left, the name is free again; the leaver cannot then come back under it.
    people.set_active(first.id, False)
    second = people.save_person(None, name="张伟", department_id=general.id)
    with pytest.raises(ValidationError):
        people.set_active(first.id, True)
    assert Person.get_by_id(first.id).active is False
    assert people.find_person("张伟").id == second.id


def test_set_active_stops_and_restarts_a_person_and_never_deletes(office):
    _, main = office
    person = people.save_person(None, name="赵六", department_id=main.id, mobile="13912345678")
    people.set_active(person.id, False)
    assert Person.get_by_id(person.id).active is False
    assert people.list_people() == []
    assert [p.name for p in people.list_people(active_only=False)] == ["赵六"]
    people.set_active(person.id, True)
    assert [line.action for line in audit.history("person", person.id)] == ["新建", "停用", "启用"]


def test_unknown_ids_are_reported_in_chinese(database, clock):
    with pytest.raises(ValidationError, match="已不存在"):
        people.save_person(999, name="某人")
    with pytest.raises(ValidationError, match="已不存在"):
        people.set_active(999, False)
    with pytest.raises(ValidationError, match="已不存在"):
        people.save_department(999, "某部门")
    with pytest.raises(ValidationError, match="已不存在"):
        people.save_person(None, name="某人", department_id=999)


def test_list_people_orders_by_department_then_name_and_filters(office):
    general, main = office
    people.save_person(None, name="b乙", department_id=general.id, post="股长")
    people.save_person(None, name="a甲", department_id=general.id)
    people.save_person(None, name="c丙", department_id=main.id, mobile="13712345678")
    people.save_person(None, name="d丁", department_id=None)
    assert [p.name for p in people.list_people()] == ["c丙", "a甲", "b乙", "d丁"]
    assert [p.name for p in people.list_people(department_id=general.id)] == ["a甲", "b乙"]
    assert [p.name for p in people.list_people(text="股长")] == ["b乙"]
    assert [p.name for p in people.list_people(text="1371234")] == ["c丙"]
    assert [p.name for p in people.list_people(text="%")] == []


def test_person_names_find_person_and_phone_of(office):
    general, main = office
    people.save_person(None, name="孙七", department_id=general.id, office_phone="0731-12345678")
    people.save_person(None, name="周八", department_id=main.id, mobile="13612345678",
                       office_phone="0731-87654321")
    gone = people.save_person(None, name="吴九", department_id=main.id, mobile="13512345678")
    people.set_active(gone.id, False)
    assert people.person_names() == ["周八", "孙七"]
    assert people.person_names(active_only=False) == ["吴九", "周八", "孙七"]
    assert people.find_person(" 周八 ").name == "周八"
    assert people.find_person("吴九") is None
    assert people.find_person("") is None
    assert people.phone_of("周八") == "13612345678"
    assert people.phone_of("孙七") == "0731-12345678"
    assert people.phone_of("吴九") == ""
    assert people.phone_of("外单位人员") == ""
