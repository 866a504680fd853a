"""Users and sign-in (等保二级: identification, access control, audit).

A password is kept only as a memory-hard scrypt hash, "scrypt$n$r$p$salthex$hashhex": the cost
parameters travel with each hash, so they can grow later while old hashes still verify. Too many
wrong passwords in a row lock the account for a while (both numbers are settings); a manual 锁定
lasts until 解锁. Accounts are never deleted (the audit log names them): a leaver is 停用.

Every change needs the ``accounts`` permission (管理员) — except the very first administrator of a
data file that has no account yet. Each change and each sign-in attempt is one transaction and
leaves one audit line; neither a password nor its hash is ever written there.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from xiaoneng_desktop.core import audit, clock, session, settings
from xiaoneng_desktop.core.db import atomic
from xiaoneng_desktop.core.models import ROLES, Account, Person
from xiaoneng_desktop.core.validation import Checker, ValidationError, clean_name, existing, name_key

__all__ = [
    "ROLES",
    "check_password",
    "clean_login",
    "create_account",
    "find_account",
    "get_account",
    "has_accounts",
    "hash_password",
    "is_locked",
    "list_accounts",
    "lock",
    "set_active",
    "set_password",
    "sign_in",
    "sign_out",
    "status_text",
    "unlock",
    "update_account",
    "verify_password",
]

GROUP = "登录与安全"
LOGIN_REQUIRED = settings.define(
    "login.required", "启动时要求登录", True, GROUP,
    help="只有一台电脑、一个人使用时可以关闭；关闭后不再登录，操作人记为系统用户")
IDLE_LOCK_MINUTES = settings.define(
    "login.idle_lock_minutes", "无操作自动锁定", 15, GROUP, unit=" 分钟", minimum=0, maximum=480,
    help="这么长时间没有键盘和鼠标操作，窗口锁定，须重新输入密码；0 表示不自动锁定")
MAX_FAILURES = settings.define(
    "login.max_failures", "密码连续输错锁定次数", 5, GROUP, unit=" 次", minimum=1, maximum=20)
LOCK_MINUTES = settings.define(
    "login.lock_minutes", "输错后锁定时长", 15, GROUP, unit=" 分钟", minimum=1, maximum=1440)

_TABLE = Account._meta.table_name

#: scrypt cost: 2**14 × 8 × 128 bytes = 16 MiB of memory per hash, about 50 ms.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SALT_BYTES = 16
HASH_BYTES = 32
MIN_LENGTH = 8
MAX_LENGTH = 128
#: A manual 锁定 lasts until 解锁.
LOCKED_FOREVER = dt.datetime(9999, 12, 31, 23, 59, 59)


# ---------------------------------------------------------------- passwords


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=length,
                          maxmem=256 * r * n * p + 1024 * 1024)


def hash_password(password: str) -> str:
    """The stored form: ``scrypt$n$r$p$salthex$hashhex`` (a fresh random salt every time)."""
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, HASH_BYTES)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` gives ``stored`` (compared in constant time); False for a malformed hash."""
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        expected = bytes.fromhex(digest)
        actual = _scrypt(password, bytes.fromhex(salt), int(n), int(r), int(p), len(expected))
    except (ValueError, TypeError, MemoryError):
        return False
    return hmac.compare_digest(actual, expected)


_dummy: list[str] = []


def _dummy_hash() -> str:
    """Verified against when the login is unknown, so that a wrong name takes as long as a wrong password."""
    if not _dummy:
        _dummy.append(hash_password(secrets.token_hex(8)))
    return _dummy[0]


def check_password(password: str | None, login: str = "") -> str:
    """``password`` if strong enough, else ValidationError under ``password``: at least 8 characters,
    of at least two kinds (letters, digits, other signs), not the login name itself."""
    password = password or ""
    if not password:
        raise ValidationError("password", "请填写密码")
    if len(password) < MIN_LENGTH:
        raise ValidationError("password", f"密码至少要 {MIN_LENGTH} 个字符（现有 {len(password)} 个）")
    if len(password) > MAX_LENGTH:
        raise ValidationError("password", f"密码不能超过 {MAX_LENGTH} 个字符")
    if any(ord(char) < 32 or ord(char) == 127 for char in password):
        raise ValidationError("password", "密码中不能有控制字符")
    kinds = (any(c.isalpha() for c in password),
             any(c.isdigit() for c in password),
             any(not c.isalnum() for c in password))
    if sum(kinds) < 2:
        raise ValidationError("password", "密码太简单：须包含字母、数字、符号中的至少两种")
    if login and name_key(password).casefold() == name_key(login).casefold():
        raise ValidationError("password", "密码不能与登录名相同")
    return password


# ---------------------------------------------------------------- accounts


def clean_login(login: str | None) -> str:
    """A login name: trimmed, at most 30 characters, no spaces or invisible characters."""
    login = clean_name(login, "登录名", field="login", max_len=30, required=True)
    if " " in login:
        raise ValidationError("login", "登录名中不能有空格")
    return login


def _key(login: str) -> str:
    return name_key(login).casefold()


def _by_login(login: str) -> Account | None:
    """The account whose login reads the same (full-width, case and spaces aside)."""
    key = _key(login)
    return next((a for a in Account.select() if _key(a.login) == key), None)


def _compact(name: str) -> str:
    return "".join(_key(name or "").split())


class Identities:
    """``identity`` for many names at once (a pick list barring some people): the accounts and the
    directory are read once, not once per name."""

    def __init__(self) -> None:
        self.accounts: dict[str, Account] = {}
        for account in Account.select().order_by(Account.id):
            self.accounts.setdefault(_compact(account.login), account)
        self.people: dict[str, Person] = {}
        for person in Person.select().where(Person.active == True).order_by(Person.id):  # noqa: E712
            self.people.setdefault(_compact(person.name), person)

    def __call__(self, name: str) -> tuple[str, object]:
        key = _compact(name)
        account = self.accounts.get(key)
        if account is not None:
            return ("person", account.person_id) if account.person_id is not None else ("account", account.id)
        person = self.people.get(key)
        return ("person", person.id) if person is not None else ("name", key)

    def same(self, a: str, b: str) -> bool:
        """Whether two names or logins are one person; an empty name is nobody."""
        return bool((a or "").strip() and (b or "").strip()) and self(a) == self(b)


def identity(name: str) -> tuple[str, object]:
    """Who a name or a login stands for, so that one person is recognised whichever way they were
    written down: a login linked to a person (用户管理 → 对应人员) and that person's name are the same
    person; an active person of the directory by their name; otherwise the name itself (NFKC, case
    and spaces aside)."""
    return Identities()(name)


def display_name(actor: session.Actor) -> str:
    """How a signed-in user is named on a record (批示领导 …): the linked person's name, else the login."""
    account = get_account(actor.account_id)
    if account is not None and account.person_id is not None:
        person = Person.get_or_none(Person.id == account.person_id)
        if person is not None:
            return person.name
    return actor.name


def same_person(a: str, b: str) -> bool:
    """Whether two names or logins are one person (``identity``); an empty name is nobody."""
    return Identities().same(a, b)


def find_account(login: str) -> Account:
    """The account named ``login``, or ValidationError under ``login``."""
    account = _by_login(login or "")
    if account is None:
        raise ValidationError("login", f"没有登录名为“{(login or '').strip()}”的用户")
    return account


def get_account(account_id: int | None) -> Account | None:
    """The account with this id, or None (another window may have changed it meanwhile)."""
    return Account.get_or_none(Account.id == account_id) if account_id is not None else None


def has_accounts() -> bool:
    return Account.select().exists()


def list_accounts() -> list[Account]:
    return list(Account.select().order_by(Account.login))


def is_locked(account: Account, now: dt.datetime | None = None) -> bool:
    return account.locked_until is not None and (now or clock.now()) < account.locked_until


def status_text(account: Account, now: dt.datetime | None = None) -> str:
    """正常 / 已停用 / 已锁定（至 …） as lists show it."""
    if not account.active:
        return "已停用"
    if is_locked(account, now):
        return "已锁定" if account.locked_until >= LOCKED_FOREVER else f"已锁定（至 {account.locked_until:%Y-%m-%d %H:%M}）"
    return "正常"


def _role(role: str | None) -> str:
    role = (role or "").strip()
    if role not in ROLES:
        raise ValidationError("role", f"角色“{role}”不存在，只能是：{'、'.join(ROLES)}")
    return role


def _person_id(person_id: int | None) -> int | None:
    if person_id is None:
        return None
    return existing(Person, person_id, "person", "所选人员已不存在，请重新选择").id


def _get(account_id: int) -> Account:
    return existing(Account, account_id, "login", "该用户已不存在，请刷新列表")


def _keep_an_admin(account: Account) -> None:
    """Refuse to leave the data file without an active administrator."""
    others = (Account.select().where((Account.role == session.ADMIN) & (Account.active == True)  # noqa: E712
                                     & (Account.id != account.id)))
    if account.role == session.ADMIN and account.active and not any(not is_locked(a) for a in others):
        raise ValidationError("login", f"“{account.login}”是唯一可用的管理员，不能停用、锁定或改为其他角色")


def create_account(login: str, role: str, password: str, person_id: int | None = None) -> Account:
    """新建 a user. The first account of a data file must be a 管理员 and needs no permission; every
    later one needs 管理员. Errors are keyed ``login`` / ``role`` / ``password`` / ``person``."""
    check = Checker()
    login = check.run("login", clean_login, login)
    role = check.run("role", _role, role)
    check.run("password", check_password, password, login or "")
    hashed = hash_password(password) if not check.errors else ""  # the KDF's time before the write lock, not in it
    with atomic():
        first = not has_accounts()
        if first:
            if role and role != session.ADMIN:
                check.add("role", "第一个用户必须是管理员")
        else:
            session.require("accounts")
        person = check.run("person", _person_id, person_id)
        if login and _by_login(login) is not None:
            check.add("login", f"已有登录名为“{login}”的用户")
        check.raise_if_any()
        account = Account.create(login=login, role=role, person=person, password_hash=hashed,
                                 created_at=clock.now())
        detail = f"用户：{login}，角色：{role}" + ("（首次运行创建的管理员）" if first else "")
        audit.record("新建", _TABLE, account.id, detail)
    return account


def update_account(account_id: int, role: str, person_id: int | None = None) -> Account:
    """修改 a user's role and the person it stands for."""
    check = Checker()
    role = check.run("role", _role, role)
    with atomic():
        session.require("accounts")
        account = _get(account_id)
        person = check.run("person", _person_id, person_id)
        check.raise_if_any()
        if role != account.role:
            _keep_an_admin(account)
        changes = audit.diff(account, {"role": role, "person": person}, {"role": "角色", "person": "对应人员"},
                             show=lambda key, value: _person_name(value) if key == "person" else audit.shown(value))
        if changes:
            account.role, account.person = role, person
            account.save()
            audit.record("修改", _TABLE, account.id, f"用户：{account.login}", changes)
    return account


def _person_name(person_id) -> str:
    person = Person.get_or_none(Person.id == person_id) if person_id is not None else None
    return person.name if person is not None else "（空）"


def set_password(account_id: int, password: str) -> Account:
    """重设密码 (by a 管理员); the failure count and a failure lock go with the old password."""
    session.require("accounts")
    check_password(password, _get(account_id).login)
    hashed = hash_password(password)  # the KDF's time before the write lock, not in it
    with atomic():
        account = _get(account_id)
        account.password_hash = hashed
        account.failed_logins = 0
        if account.locked_until is not None and account.locked_until < LOCKED_FOREVER:
            account.locked_until = None
        account.save()
        audit.record("重设密码", _TABLE, account.id, f"用户：{account.login}")
    return account


def set_active(account_id: int, active: bool) -> Account:
    """停用 (False) or 启用 (True) a user. A 停用 user cannot sign in; its records keep its name."""
    with atomic():
        session.require("accounts")
        account = _get(account_id)
        if bool(account.active) == bool(active):
            return account
        if not active:
            _keep_an_admin(account)
        account.active = bool(active)
        if active:
            account.failed_logins = 0
        account.save()
        audit.record("启用" if active else "停用", _TABLE, account.id, f"用户：{account.login}")
    return account


def lock(account_id: int) -> Account:
    """锁定 a user until a 管理员 unlocks it."""
    with atomic():
        session.require("accounts")
        account = _get(account_id)
        _keep_an_admin(account)
        account.locked_until = LOCKED_FOREVER
        account.save()
        audit.record("锁定", _TABLE, account.id, f"用户：{account.login}（管理员锁定，须解锁后才能登录）")
    return account


def unlock(account_id: int) -> Account:
    """解锁: lifts a manual lock and a lock after wrong passwords, and clears the failure count."""
    with atomic():
        session.require("accounts")
        account = _get(account_id)
        was = status_text(account)
        account.locked_until = None
        account.failed_logins = 0
        account.save()
        audit.record("解锁", _TABLE, account.id, f"用户：{account.login}（原状态：{was}）")
    return account


# ---------------------------------------------------------------- sign-in


def _until(moment: dt.datetime, now: dt.datetime) -> str:
    return f"{moment:%H:%M}" if moment.date() == now.date() else f"{moment:%Y-%m-%d %H:%M}"


def sign_in(login: str, password: str, detail: str = "") -> session.Actor:
    """Check ``login`` and ``password``; on success the account becomes the session's actor and is
    returned. Refused (ValidationError under ``login`` or ``password``) when wrong, 停用 or locked;
    ``login.max_failures`` wrong passwords in a row lock it for ``login.lock_minutes``. Every attempt
    is one transaction with one audit line (登录 / 登录失败); a failed line's actor is whoever the
    session is (the typed name goes into its detail). ``detail``: added to the line (解除锁屏 …)."""
    typed = " ".join((login or "").split())
    password = password or ""
    if not typed:
        raise ValidationError("login", "请填写登录名")
    if not password:
        raise ValidationError("password", "请填写密码")
    refusal: ValidationError | None
    with atomic():
        now = clock.now()
        account = _by_login(typed)
        note = f"（{detail}）" if detail else ""
        if account is None:
            verify_password(password, _dummy_hash())
            audit.record("登录失败", _TABLE, 0, f"登录名：{typed[:30]}（无此用户）{note}")
            refusal = ValidationError("password", "登录名或密码不正确")
        elif not account.active:
            audit.record("登录失败", _TABLE, account.id, f"登录名：{account.login}（账户已停用）{note}")
            refusal = ValidationError("login", f"用户“{account.login}”已停用，不能登录；请与管理员联系")
        elif is_locked(account, now):
            audit.record("登录失败", _TABLE, account.id, f"登录名：{account.login}（账户已锁定）{note}")
            refusal = ValidationError("login", _locked_message(account, now))
        else:
            if account.locked_until is not None:  # a lock that has run out: counting starts again
                account.locked_until, account.failed_logins = None, 0
            if verify_password(password, account.password_hash):
                account.failed_logins = 0
                account.last_login_at = now
                account.save()
                actor = session.Actor(account.login, account.role, account.id)
                with session.acting_as(actor):
                    audit.record("登录", _TABLE, account.id, f"角色：{account.role}{note}")
                refusal = None
            else:
                account.failed_logins += 1
                limit = settings.get(MAX_FAILURES.key)
                left = limit - account.failed_logins
                text = f"登录名：{account.login}（密码错误，连续第 {account.failed_logins} 次）"
                if left <= 0:
                    minutes = settings.get(LOCK_MINUTES.key)
                    account.locked_until = now + dt.timedelta(minutes=minutes)
                    text += f"，锁定 {minutes} 分钟"
                    refusal = ValidationError(
                        "password", f"密码连续输错 {account.failed_logins} 次，账户已锁定，"
                        f"请于 {_until(account.locked_until, now)} 后再试，或请管理员解锁")
                else:
                    refusal = ValidationError("password", f"登录名或密码不正确（再输错 {left} 次，账户将被锁定）")
                account.save()
                audit.record("登录失败", _TABLE, account.id, text + note)
    if refusal is not None:
        raise refusal
    session.sign_in(actor)
    return actor


def _locked_message(account: Account, now: dt.datetime) -> str:
    if account.locked_until >= LOCKED_FOREVER:
        return f"用户“{account.login}”已被管理员锁定，请与管理员联系解锁"
    return f"用户“{account.login}”因密码连续输错已锁定，请于 {_until(account.locked_until, now)} 后再试，或请管理员解锁"


def sign_out() -> None:
    """Back to the operating-system user (注销). Nothing is written: the next sign-in is audited."""
    session.sign_in(None)
