"""The directory of 部门 and 人员 that every register picks people from.

People are never deleted: registers keep their names, and the audit log points at their rows, so a
person who leaves is 停用 (inactive) and drops out of pick lists but stays in history. Names are how
registers find people (completers, phone look-up), so two *active* people may not share one name.
"""

from __future__ import annotations

import peewee as pw

from xiaoneng_desktop.core import audit
from xiaoneng_desktop.core.db import atomic, contains
from xiaoneng_desktop.core.models import Department, Person
from xiaoneng_desktop.core.session import requires
from xiaoneng_desktop.core.validation import Checker, clean_name, clean_phone, clean_text, existing, name_key

__all__ = [
    "find_person",
    "list_departments",
    "list_people",
    "person_names",
    "phone_of",
    "save_department",
    "save_person",
    "set_active",
    "set_department_active",
]

_DEPARTMENT = Department._meta.table_name
_PERSON = Person._meta.table_name


# ---------------------------------------------------------------- departments


def list_departments(include_inactive: bool = False) -> list[Department]:
    query = Department.select().order_by(Department.sort_order, Department.name, Department.id)
    if not include_inactive:
        query = query.where(Department.active == True)  # noqa: E712
    return list(query)


@requires("people")
def save_department(department_id: int | None, name: str, sort_order: int = 0, active: bool = True) -> Department:
    """Create (id None) or change a department. Errors are keyed ``name`` / ``sort_order``."""
    check = Checker()
    name = check.run("name", clean_text, name, "部门名称", max_len=60, required=True)
    if isinstance(sort_order, bool) or not isinstance(sort_order, int):
        check.add("sort_order", "排序必须是整数")
    with atomic():
        department = get_department(department_id) if department_id is not None else None
        if name:
            clash = Department.get_or_none(Department.name == name)
            if clash is not None and (department is None or clash.id != department.id):
                hint = "（已停用，可勾选“显示已停用”后启用）" if not clash.active else ""
                check.add("name", f"已有同名部门“{name}”{hint}")
        check.raise_if_any()
        if department is None:
            department = Department.create(name=name, sort_order=sort_order, active=bool(active))
            audit.record("新建", _DEPARTMENT, department.id, f"部门：{name}")
            return department
        changes = _changes(department, {"name": name, "sort_order": sort_order, "active": bool(active)},
                           {"name": "名称", "sort_order": "排序", "active": "状态"})
        if changes:
            department.name, department.sort_order, department.active = name, sort_order, bool(active)
            department.save()
            audit.record("修改", _DEPARTMENT, department.id, changes=changes)
        return department


@requires("people")
def set_department_active(department_id: int, active: bool) -> Department:
    """停用 / 启用 a department. Its people keep it; it only leaves the choices for new entries."""
    with atomic():
        department = get_department(department_id)
        if department.active != bool(active):
            department.active = bool(active)
            department.save()
            audit.record("启用" if active else "停用", _DEPARTMENT, department.id, f"部门：{department.name}")
        return department


def get_department(department_id: int) -> Department:
    return existing(Department, department_id, "name", "该部门已不存在，请刷新后重试")


# ---------------------------------------------------------------- people


def list_people(active_only: bool = True, department_id: int | None = None, text: str = "") -> list[Person]:
    """People ordered as the office lists them: by department order, then name.

    ``text`` matches anywhere in name, post, phones or note.
    """
    query = (Person.select(Person, Department)
             .join(Department, pw.JOIN.LEFT_OUTER)
             .order_by(*_PERSON_ORDER))
    if active_only:
        query = query.where(Person.active == True)  # noqa: E712
    if department_id is not None:
        query = query.where(Person.department == department_id)
    text = " ".join((text or "").split())
    if text:
        query = query.where(contains(Person.name, text) | contains(Person.post, text)
                            | contains(Person.mobile, text) | contains(Person.office_phone, text)
                            | contains(Person.note, text))
    return list(query)


# People without a department come last; ties by name, then by when they were entered.
_PERSON_ORDER = (Department.id.is_null(), Department.sort_order, Department.name, Person.name, Person.id)


@requires("people")
def save_person(person_id: int | None, *, name: str, department_id: int | None = None, post: str = "",
                office_phone: str = "", mobile: str = "", active: bool = True, note: str = "") -> Person:
    """Create (id None) or change a person. Errors are keyed by the argument name
    (``name``, ``department``, ``post``, ``mobile``, ``office_phone``, ``note``)."""
    check = Checker()
    values = {
        "name": check.run("name", clean_name, name, "姓名", max_len=30, required=True),
        "post": check.run("post", clean_text, post, "职务", max_len=60),
        "mobile": check.run("mobile", clean_phone, mobile, "手机"),
        "office_phone": check.run("office_phone", clean_phone, office_phone, "办公电话"),
        "note": check.run("note", clean_text, note, "备注", max_len=200),
        "active": bool(active),
    }
    with atomic():
        person = get_person(person_id) if person_id is not None else None
        department = None
        if department_id is not None:
            department = Department.get_or_none(Department.id == department_id)
            if department is None:
                check.add("department", "所选部门已不存在，请重新选择")
            elif not department.active and (person is None or person.department_id != department.id):
                # Keeping a person in a department that was later 停用 is fine; putting someone new there is not.
                check.add("department", f"部门“{department.name}”已停用，请选择其他部门")
        values["department"] = department
        if values["name"] and values["active"]:
            _check_name_free(check, values["name"], person.id if person else None, department)
        check.raise_if_any()
        if person is None:
            person = Person.create(**values)
            audit.record("新建", _PERSON, person.id, _describe(person))
            return person
        changes = _changes(person, {**values, "department": department.id if department else None}, _PERSON_LABELS)
        if changes:
            for key, value in values.items():
                setattr(person, key, value)
            person.save()
            audit.record("修改", _PERSON, person.id, changes=changes)
        return person


@requires("people")
def set_active(person_id: int, active: bool) -> Person:
    """停用 (a person who left or moved away) or 启用 again; the row and its history stay."""
    with atomic():
        person = get_person(person_id)
        if person.active == bool(active):
            return person
        if active:
            check = Checker()
            _check_name_free(check, person.name, person.id, person.department)
            check.raise_if_any()
        person.active = bool(active)
        person.save()
        audit.record("启用" if active else "停用", _PERSON, person.id, f"人员：{person.name}")
        return person


def find_person(name: str) -> Person | None:
    """The active person of this name (compared by name_key: a full-width or compatibility form of
    the same name is the same person), or None."""
    key = name_key(name)
    if not key:
        return None
    return next(iter(_active_named(key)), None)


def _active_named(key: str, except_id: int | None = None) -> list[Person]:
    """Active people whose name_key is ``key``, oldest first. The exact match is found by the index;
    the directory is small, so the normalised comparison over all active people costs nothing."""
    query = Person.select().where(Person.active == True).order_by(Person.id)  # noqa: E712
    if except_id is not None:
        query = query.where(Person.id != except_id)
    exact = list(query.where(Person.name == key))
    return exact or [person for person in query if name_key(person.name) == key]


def person_names(active_only: bool = True) -> list[str]:
    """Names for completers, in the office's order (department order, then name), each once."""
    query = Person.select(Person.name).join(Department, pw.JOIN.LEFT_OUTER).order_by(*_PERSON_ORDER)
    if active_only:
        query = query.where(Person.active == True)  # noqa: E712
    return list(dict.fromkeys(person.name for person in query))


def phone_of(name: str) -> str:
    """The mobile (else office phone) of the active directory person of that name; "" if none."""
    person = find_person(name)
    if person is None:
        return ""
    return person.mobile or person.office_phone


def get_person(person_id: int) -> Person:
    return existing(Person, person_id, "name", "该人员已不存在，请刷新后重试")


def _check_name_free(check: Checker, name: str, own_id: int | None, department: Department | None = None) -> None:
    other = next(iter(_active_named(name_key(name), own_id)), None)
    if other is not None:
        where = f"（{other.department.name}）" if other.department_id else ""
        example = f"，如“{name}（{department.name}）”" if department is not None else ""
        check.add("name", f"已有同名在岗人员“{other.name}”{where}，请在姓名后加注以示区分{example}")


_PERSON_LABELS = {"name": "姓名", "department": "部门", "post": "职务", "mobile": "手机",
                  "office_phone": "办公电话", "active": "状态", "note": "备注"}


def _describe(person: Person) -> str:
    parts = [f"姓名：{person.name}"]
    if person.department_id:
        parts.append(f"部门：{person.department.name}")
    for key in ("post", "mobile", "office_phone", "note"):
        if getattr(person, key):
            parts.append(f"{_PERSON_LABELS[key]}：{getattr(person, key)}")
    if not person.active:
        parts.append("状态：停用")
    return "；".join(parts)


def _changes(row: pw.Model, new: dict, labels: dict[str, str]) -> list[audit.Change]:
    """(label, old, new) for the audit line, only for what really changed (``audit.diff``)."""
    return audit.diff(row, new, {key: labels[key] for key in new}, show=lambda key, value: _shown(row, key, value))


def _shown(row: pw.Model, key: str, value) -> str:
    if isinstance(value, bool):
        return "在用" if value else "停用"
    if key == "department":
        department = Department.get_or_none(Department.id == value) if value is not None else None
        return department.name if department else "（无）"
    return str(value) if value not in (None, "") else "（空）"
