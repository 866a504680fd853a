"""Who is acting: the signed-in account, its role, and what that role may do.

Services ask ``require(permission)`` before they write, so a role is enforced however the call arrives
(window, command line, a test), not only by hidden buttons. Two kinds of actor have no role and may
do everything: the command line (audited as the operating-system user, as the issue asks) and a
one-PC office that has switched login off (the status bar says so). The window signs in an account
with ``sign_in``; nothing else changes the actor.
"""

from __future__ import annotations

import contextlib
import functools
import getpass
from dataclasses import dataclass

from xiaoneng_desktop.core.validation import ValidationError

ADMIN, SECRETARY, DUTY_OFFICER, RECEPTIONIST, LEADER = "管理员", "秘书", "值班员", "接待员", "领导"

#: permission → the roles that have it. Reading every register is open to every role.
PERMISSIONS: dict[str, frozenset[str]] = {
    "duty.write": frozenset({SECRETARY, DUTY_OFFICER}),
    "documents.write": frozenset({SECRETARY}),
    "visitors.write": frozenset({SECRETARY, RECEPTIONIST}),
    "inspection.write": frozenset({SECRETARY}),
    "instruct": frozenset({SECRETARY, LEADER}),  # 领导批示 (the secretary records what the leader wrote)
    "extension.approve": frozenset({LEADER, SECRETARY}),  # never one's own request (checked where decided)
    "correct": frozenset({SECRETARY}),  # 更正 of a closed record
    "reports": frozenset({SECRETARY, LEADER}),
    "month.close": frozenset({SECRETARY}),
    "people": frozenset({ADMIN, SECRETARY}),  # 部门与人员, roster
    "settings": frozenset({ADMIN}),
    "accounts": frozenset({ADMIN}),
    "backup": frozenset({ADMIN}),
    "audit.read": frozenset({ADMIN}),
    "id.full": frozenset({ADMIN, RECEPTIONIST}),  # full 身份证号
    "export": frozenset({ADMIN, SECRETARY, DUTY_OFFICER, RECEPTIONIST, LEADER}),
    "import": frozenset({SECRETARY}),
}

#: What each permission is called in a refusal: “当前用户（值班员）无权{what}”.
WHAT = {
    "duty.write": "登记或修改值班记录",
    "documents.write": "登记或修改公文",
    "visitors.write": "登记或办理来访",
    "inspection.write": "修改五查自查和整改",
    "instruct": "填写领导批示",
    "extension.approve": "审批延期",
    "correct": "更正已办结的记录",
    "reports": "生成月报",
    "month.close": "月结",
    "people": "维护部门与人员",
    "settings": "修改设置",
    "accounts": "管理用户",
    "backup": "备份或恢复数据",
    "audit.read": "查看审计日志",
    "id.full": "查看完整身份证号",
    "export": "导出",
    "import": "导入台账",
}


class PermissionDenied(ValidationError):
    """The signed-in role may not do this; shown like any other refusal (form error / CLI exit 2)."""

    def __init__(self, permission: str, actor: Actor):
        super().__init__("permission", f"当前用户“{actor.name}”（{actor.role}）无权{WHAT.get(permission, permission)}")
        self.permission = permission


@dataclass(frozen=True)
class Actor:
    name: str  # the account's login, or 系统用户 xxx
    role: str | None = None  # None: unrestricted (command line, login switched off)
    account_id: int | None = None

    def can(self, permission: str) -> bool:
        return self.role is None or self.role in PERMISSIONS[permission]

    @property
    def signed_in(self) -> bool:
        return self.account_id is not None


def system_actor() -> Actor:
    """The operating-system user, for the command line and for a PC with login switched off."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for the uid (a container) — still an actor
        user = "未知"
    return Actor(f"系统用户{user}"[:30])


_current: Actor | None = None


def current() -> Actor:
    global _current
    if _current is None:
        _current = system_actor()
    return _current


def sign_in(actor: Actor | None) -> None:
    """Make ``actor`` the one every service call acts as (None: back to the operating-system user)."""
    global _current
    _current = actor


@contextlib.contextmanager
def acting_as(actor: Actor):
    """For tests and the command line: act as ``actor`` inside the block."""
    global _current
    before = _current
    _current = actor
    try:
        yield actor
    finally:
        _current = before


def can(permission: str) -> bool:
    return current().can(permission)


def require(permission: str) -> Actor:
    """Refuse (PermissionDenied) unless the current actor may; returns the actor."""
    actor = current()
    if not actor.can(permission):
        raise PermissionDenied(permission, actor)
    return actor


def requires(permission: str):
    """Decorator for a service function that writes: ``require(permission)`` before it runs, so a
    role is refused however the call arrives (window, command line, a test)."""
    if permission not in PERMISSIONS:
        raise KeyError(permission)

    def decorate(function):
        @functools.wraps(function)
        def checked(*args, **kwargs):
            require(permission)
            return function(*args, **kwargs)

        checked.permission = permission
        return checked

    return decorate


def status_text(actor: Actor | None = None) -> str:
    """What the status bar says about who is acting."""
    actor = actor or current()
    if actor.signed_in:
        return f"当前用户：{actor.name}（{actor.role}）"
    return f"未启用登录（单机模式），操作人记为{actor.name}"


def actor_name() -> str:
    """The name every record's and audit line's actor field gets."""
    return current().name
