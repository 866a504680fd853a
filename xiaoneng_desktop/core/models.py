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
    #: Each field changed, as JSON ``[[label, old, new], …]`` (schema 8); "" when nothing was changed.
    changes = pw.TextField(default="", constraints=[pw.SQL("DEFAULT ''")])

    class Meta:
        indexes = ((("table", "record_id"), False),)


ROLES = ("管理员", "秘书", "值班员", "接待员", "领导")


class Account(BaseModel):
    """A person who signs in (schema 8). Never deleted: the audit log names it; a leaver is 停用."""

    login = pw.CharField(max_length=30, unique=True)  # what is typed at 登录, and what the audit log shows
    person = pw.ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
    role = pw.CharField(max_length=10)
    password_hash = pw.CharField(max_length=300)  # scrypt$n$r$p$salt$hash
    active = pw.BooleanField(default=True)
    failed_logins = pw.IntegerField(default=0)
    locked_until = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField()
    last_login_at = pw.DateTimeField(null=True)


class DeadlineExtension(BaseModel):
    """延期 of any register's record (schema 8): asked with a reason and a new deadline, decided by
    someone other than the one who asked; an approved one moves the record's deadline."""

    table = pw.CharField(max_length=40)
    record_id = pw.IntegerField()
    asked_at = pw.DateTimeField()
    asked_by = pw.CharField(max_length=30)
    reason = pw.CharField(max_length=200)
    old_deadline = pw.DateTimeField()
    new_deadline = pw.DateTimeField()
    approved = pw.BooleanField(null=True)  # None: not yet decided
    decided_by = pw.CharField(max_length=30, default="")
    decided_at = pw.DateTimeField(null=True)

    class Meta:
        indexes = ((("table", "record_id"), False),)


class MonthClose(BaseModel):
    """月结 (schema 8): a month's figures and report files as they were when the secretary closed it;
    reprinting a closed month gives these, not a new computation."""

    month = pw.CharField(max_length=7, unique=True)  # 2026-10
    closed_at = pw.DateTimeField()
    closed_by = pw.CharField(max_length=30)
    figures = pw.TextField()  # JSON of the month's figures
    xlsx = pw.BlobField()
    pdf = pw.BlobField()


CORE_MODELS = [Department, Person, Setting, WorkdayOverride, AuditLog, Account, DeadlineExtension, MonthClose]
