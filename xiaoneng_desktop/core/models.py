"""Tables every register shares: the directory of departments and people, office settings,
the office's working-day corrections and the audit log."""

from __future__ import annotations

import peewee as pw

from xiaoneng_desktop.core.db import BaseModel


class Department(BaseModel):
    name = pw.CharField(max_length=60, unique=True)
    sort_order = pw.IntegerField(default=0)
    active = pw.BooleanField(default=True)

    def __str__(self) -> str:
        return self.name


class Person(BaseModel):
    name = pw.CharField(max_length=30, index=True)
    department = pw.ForeignKeyField(Department, null=True, backref="people", on_delete="SET NULL")
    post = pw.CharField(max_length=60, default="")  # 职务
    office_phone = pw.CharField(max_length=40, default="")
    mobile = pw.CharField(max_length=40, default="")
    active = pw.BooleanField(default=True, index=True)
    note = pw.CharField(max_length=200, default="")

    def __str__(self) -> str:
        return self.name

    @property
    def phones(self) -> str:
        return " / ".join(p for p in (self.mobile, self.office_phone) if p)


class Setting(BaseModel):
    """Office settings travel with the data file; values are JSON text."""

    key = pw.CharField(max_length=80, primary_key=True)
    value = pw.TextField()


class WorkdayOverride(BaseModel):
    """The office's own correction of the statutory calendar; wins over chinese-calendar."""

    day = pw.DateField(primary_key=True)
    is_workday = pw.BooleanField()
    note = pw.CharField(max_length=60, default="")


class AuditLog(BaseModel):
    at = pw.DateTimeField(index=True)
    actor = pw.CharField(max_length=30, default="")
    action = pw.CharField(max_length=30)  # 新建 / 修改 / 作废 / 办结 …
    table = pw.CharField(max_length=40)
    record_id = pw.IntegerField()
    detail = pw.TextField(default="")

    class Meta:
        indexes = ((("table", "record_id"), False),)


CORE_MODELS = [Department, Person, Setting, WorkdayOverride, AuditLog]
