"""Users and sign-in: scrypt hashes, strength, lockout after wrong passwords, the first administrator,
permissions and the audit lines."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from xiaoneng_desktop.core import accounts, audit, session, settings
from xiaoneng_desktop.core.models import Account, AuditLog, Person
from xiaoneng_desktop.core.validation import ValidationError

PASSWORD = "abc12345"


@pytest.fixture(autouse=True)
def signed_out():
    """Every test starts and ends as the operating-system user."""
    session.sign_in(None)
    yield
    session.sign_in(None)


@pytest.fixture
def admin(database, clock):
    return accounts.create_account("admin", "管理员", "Admin-2026")


def lines(action=None):
    query = AuditLog.select().order_by(AuditLog.id)
    if action:
        query = query.where(AuditLog.action == action)
    return list(query)


def refused(field, action, *args, **kwargs) -> str:
    with pytest.raises(ValidationError) as caught:
        action(*args, **kwargs)
    assert field in caught.value.errors, caught.value.errors
    return caught.value.errors[field]


def test_hash_format_and_verification():
    stored = accounts.hash_password(PASSWORD)
    kind, n, r, p, salt, digest = stored.split("$")
    assert (kind, n, r, p) == ("scrypt", str(2**14), "8", "1")
    assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(digest)) == 32
    assert hashlib.scrypt(PASSWORD.encode(), salt=bytes.fromhex(salt), n=2**14, r=8, p=1, dklen=32).hex() == digest
    assert accounts.verify_password(PASSWORD, stored)
    assert not accounts.verify_password(PASSWORD + "x", stored)
    assert accounts.hash_password(PASSWORD) != stored  # a fresh salt each time
    assert not accounts.verify_password(PASSWORD, "garbage")
    assert not accounts.verify_password(PASSWORD, "md5$1$2$3$00$00")


def test_parameters_travel_with_the_hash():
    salt = bytes(16)
    digest = hashlib.scrypt(PASSWORD.encode(), salt=salt, n=2**12, r=8, p=2, dklen=32)
    assert accounts.verify_password(PASSWORD, f"scrypt${2**12}$8$2${salt.hex()}${digest.hex()}")


@pytest.mark.parametrize(("password", "login", "words"), [
    ("", "", "请填写"),
    ("a1b2c3", "", "至少要 8 个字符"),
    ("abcdefgh", "", "至少两种"),
    ("12345678", "", "至少两种"),
    ("zhang123", "Zhang123", "不能与登录名相同"),
])
def test_weak_passwords_are_refused(password, login, words):
    assert words in refused("password", accounts.check_password, password, login)


@pytest.mark.parametrize("password", ["abcd1234", "密码是好的1234", "abcd-efg", "1234-5678"])
def test_strong_enough(password):
    assert accounts.check_password(password, "user") == password


def test_first_administrator_needs_no_permission_and_must_be_admin(database, clock):
    assert not accounts.has_accounts()
    with session.acting_as(session.Actor("值班员甲", "值班员")):
        assert "第一个用户必须是管理员" in refused("role", accounts.create_account, "duty", "值班员", PASSWORD)
        account = accounts.create_account(" admin ", "管理员", "Admin-2026")
    assert accounts.has_accounts()
    assert account.login == "admin" and account.role == "管理员" and account.active
    assert account.password_hash.startswith("scrypt$") and account.created_at == clock.current
    [line] = lines("新建")
    assert "首次运行" in line.detail and "Admin-2026" not in line.detail + line.changes
    assert account.password_hash not in line.detail + line.changes


def test_logins_are_clean_and_unique(admin):
    assert "已有登录名" in refused("login", accounts.create_account, "ADMIN", "秘书", PASSWORD)
    assert "不能有空格" in refused("login", accounts.create_account, "zhang san", "秘书", PASSWORD)
    assert "不能超过 30" in refused("login", accounts.create_account, "x" * 31, "秘书", PASSWORD)
    assert "请填写登录名" in refused("login", accounts.create_account, "  ", "秘书", PASSWORD)
    assert "不存在" in refused("role", accounts.create_account, "li", "处长", PASSWORD)
    assert "不存在" in refused("person", accounts.create_account, "li", "秘书", PASSWORD, person_id=999)
    person = Person.create(name="李四")
    li = accounts.create_account("li", "秘书", PASSWORD, person_id=person.id)
    assert li.person.name == "李四"
    assert [a.login for a in accounts.list_accounts()] == ["admin", "li"]


def test_sign_in_success(admin, clock):
    clock.advance(hours=1)
    actor = accounts.sign_in("admin", "Admin-2026")
    assert actor == session.Actor("admin", "管理员", admin.id)
    assert session.current() == actor
    assert Account.get_by_id(admin.id).last_login_at == clock.current
    [line] = lines("登录")
    assert line.actor == "admin" and line.at == clock.current


def test_wrong_password_is_audited_as_the_session_actor(admin):
    message = refused("password", accounts.sign_in, "admin", "wrong-pass1")
    assert "不正确" in message and "再输错 4 次" in message
    assert "不正确" in refused("password", accounts.sign_in, "nobody", "wrong-pass1")
    first, second = lines("登录失败")
    system = session.system_actor().name
    assert first.actor == system and second.actor == system  # not the typed name
    assert "admin" in first.detail and "nobody" in second.detail and "无此用户" in second.detail
    assert "wrong-pass1" not in first.detail + second.detail
    assert Account.get_by_id(admin.id).failed_logins == 1
    assert session.current() == session.system_actor()


def test_five_failures_lock_for_fifteen_minutes(admin, clock):
    for _ in range(4):
        refused("password", accounts.sign_in, "admin", "wrong-pass1")
    message = refused("password", accounts.sign_in, "admin", "wrong-pass1")
    assert "已锁定" in message and "09:15" in message
    account = Account.get_by_id(admin.id)
    assert account.locked_until == clock.current + dt.timedelta(minutes=15)
    assert accounts.status_text(account) == "已锁定（至 2026-10-09 09:15）"
    # locked: even the right password is refused, saying until when
    clock.advance(minutes=14, seconds=59)
    assert "09:15" in refused("login", accounts.sign_in, "admin", "Admin-2026")
    clock.advance(seconds=1)
    assert accounts.sign_in("admin", "Admin-2026").name == "admin"
    account = Account.get_by_id(admin.id)
    assert account.failed_logins == 0 and account.locked_until is None
    assert len(lines("登录失败")) == 6


def test_success_resets_the_count(admin):
    for _ in range(4):
        refused("password", accounts.sign_in, "admin", "wrong-pass1")
    accounts.sign_in("admin", "Admin-2026")
    assert Account.get_by_id(admin.id).failed_logins == 0
    assert "再输错 4 次" in refused("password", accounts.sign_in, "admin", "wrong-pass1")


def test_limits_are_settings(admin, clock):
    assert settings.get("login.max_failures") == 5 and settings.get("login.lock_minutes") == 15
    assert settings.get("login.required") is True and settings.get("login.idle_lock_minutes") == 15
    settings.put("login.max_failures", 2)
    settings.put("login.lock_minutes", 60)
    refused("password", accounts.sign_in, "admin", "wrong-pass1")
    assert "10:00" in refused("password", accounts.sign_in, "admin", "wrong-pass1")


def test_inactive_and_manually_locked_accounts_are_refused(admin, clock):
    clerk = accounts.create_account("clerk", "秘书", PASSWORD)
    accounts.set_active(clerk.id, False)
    assert "已停用" in refused("login", accounts.sign_in, "clerk", PASSWORD)
    accounts.set_active(clerk.id, True)
    accounts.lock(clerk.id)
    clock.advance(days=30)
    assert "管理员锁定" in refused("login", accounts.sign_in, "clerk", PASSWORD)
    accounts.unlock(clerk.id)
    assert accounts.sign_in("clerk", PASSWORD).role == "秘书"
    actions = [line.action for line in lines()]
    assert actions == ["新建", "新建", "停用", "登录失败", "启用", "锁定", "登录失败", "解锁", "登录"]


def test_changes_need_an_administrator(admin):
    clerk = accounts.create_account("clerk", "秘书", PASSWORD)
    with session.acting_as(session.Actor("clerk", "秘书", clerk.id)):
        for action, args in ((accounts.create_account, ("x1", "秘书", PASSWORD)),
                             (accounts.set_password, (admin.id, "New-pass-1")),
                             (accounts.set_active, (admin.id, False)),
                             (accounts.lock, (admin.id,)),
                             (accounts.unlock, (admin.id,)),
                             (accounts.update_account, (admin.id, "秘书"))):
            assert "无权管理用户" in refused("permission", action, *args)
    with session.acting_as(session.Actor("admin", "管理员", admin.id)):
        accounts.set_password(clerk.id, "New-pass-1")
        accounts.update_account(clerk.id, "领导")
        line = lines("修改")[-1]
    assert line.actor == "admin" and audit.described(line) == "用户：clerk；角色：秘书 → 领导"
    assert lines("重设密码")[-1].actor == "admin"
    assert "New-pass-1" not in "".join(line.detail + line.changes for line in lines())
    assert accounts.sign_in("clerk", "New-pass-1").role == "领导"


def test_the_last_administrator_stays(admin):
    assert "唯一可用的管理员" in refused("login", accounts.set_active, admin.id, False)
    assert "唯一可用的管理员" in refused("login", accounts.lock, admin.id)
    assert "唯一可用的管理员" in refused("login", accounts.update_account, admin.id, "秘书")
    other = accounts.create_account("admin2", "管理员", PASSWORD)
    accounts.set_active(admin.id, False)
    assert not Account.get_by_id(admin.id).active
    assert "唯一可用的管理员" in refused("login", accounts.set_active, other.id, False)


def test_reset_password_checks_strength_and_clears_a_failure_lock(admin):
    for _ in range(5):
        refused("password", accounts.sign_in, "admin", "wrong-pass1")
    assert "至少要 8 个字符" in refused("password", accounts.set_password, admin.id, "admin")
    clerk = accounts.create_account("clerk2026", "秘书", PASSWORD)
    assert "不能与登录名相同" in refused("password", accounts.set_password, clerk.id, "Clerk2026")
    accounts.set_password(admin.id, "Better-2027")
    assert accounts.sign_in("admin", "Better-2027").name == "admin"
