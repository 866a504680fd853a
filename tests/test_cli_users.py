"""xiaoneng user add / list / lock / unlock: password on standard input, Chinese messages, exit codes,
audited as the operating-system user."""

from __future__ import annotations

import io
import sqlite3

import pytest

from xiaoneng_desktop import cli, schema
from xiaoneng_desktop.core import db as db_module
from xiaoneng_desktop.core import models, session


@pytest.fixture
def data(tmp_path):
    path = tmp_path / "效能.sqlite3"
    schema.open_database(path)
    db_module.close_database()
    return path


@pytest.fixture(autouse=True)
def close_after():
    session.sign_in(None)
    yield
    db_module.close_database()
    session.sign_in(None)


def stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def query(path, sql):
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


def test_roles_are_the_models(data):
    assert cli.ROLES == models.ROLES


def test_add_list_lock_unlock(data, monkeypatch, capsys):
    stdin(monkeypatch, "Admin-2026\n")
    assert cli.main(["--db", str(data), "user", "add", "admin", "--role", "管理员"]) == 0
    assert "已新建用户“admin”（管理员）" in capsys.readouterr().out
    stdin(monkeypatch, "secret-99\n")
    assert cli.main(["--db", str(data), "user", "add", "wang", "--role", "秘书"]) == 0
    [(stored,)] = query(data, "SELECT password_hash FROM account WHERE login = 'wang'")
    assert stored.startswith("scrypt$16384$8$1$")

    capsys.readouterr()
    assert cli.main(["--db", str(data), "user", "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "登录名\t角色\t状态\t最近登录"
    assert out[1:] == ["admin\t管理员\t正常\t—", "wang\t秘书\t正常\t—"]

    assert cli.main(["--db", str(data), "user", "lock", "wang"]) == 0
    assert "已锁定" in capsys.readouterr().out
    cli.main(["--db", str(data), "user", "list"])
    assert "wang\t秘书\t已锁定\t—" in capsys.readouterr().out
    assert cli.main(["--db", str(data), "user", "unlock", "wang"]) == 0
    cli.main(["--db", str(data), "user", "list"])
    assert "wang\t秘书\t正常\t—" in capsys.readouterr().out

    lines = query(data, "SELECT actor, action, detail FROM audit_log ORDER BY id")
    assert [action for _, action, _ in lines] == ["新建", "新建", "锁定", "解锁"]
    assert {actor for actor, _, _ in lines} == {session.system_actor().name}
    assert not any("secret-99" in detail or "Admin-2026" in detail for _, _, detail in lines)


def test_bad_input_exits_2(data, monkeypatch, capsys):
    stdin(monkeypatch, "Admin-2026\n")
    assert cli.main(["--db", str(data), "user", "add", "admin", "--role", "处长"]) == 2
    assert "角色“处长”不存在" in capsys.readouterr().err
    stdin(monkeypatch, "short\n")
    assert cli.main(["--db", str(data), "user", "add", "admin", "--role", "管理员"]) == 2
    assert "至少要 8 个字符" in capsys.readouterr().err
    stdin(monkeypatch, "")
    assert cli.main(["--db", str(data), "user", "add", "admin", "--role", "管理员"]) == 2
    assert "请填写密码" in capsys.readouterr().err
    stdin(monkeypatch, "Admin-2026\n")
    assert cli.main(["--db", str(data), "user", "add", "admin", "--role", "秘书"]) == 2  # the first is 管理员
    assert "第一个用户必须是管理员" in capsys.readouterr().err
    assert cli.main(["--db", str(data), "user", "lock", "nobody"]) == 2
    assert "没有登录名为“nobody”的用户" in capsys.readouterr().err
    assert cli.main(["--db", str(data), "user", "add", "x"]) == 2  # --role is required
    assert "--role" in capsys.readouterr().err
    assert query(data, "SELECT COUNT(*) FROM account") == [(0,)]
    assert cli.main(["--db", str(data.with_name("无.sqlite3")), "user", "list"]) == 2


def test_password_typed_twice_at_a_terminal(data, monkeypatch, capsys):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    typed = iter(["Admin-2026", "Admin-2027"])
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    assert cli.main(["--db", str(data), "user", "add", "admin", "--role", "管理员"]) == 2
    assert "两次输入的密码不一致" in capsys.readouterr().err
    typed = iter(["Admin-2026", "Admin-2026"])
    assert cli.main(["--db", str(data), "user", "add", "admin", "--role", "管理员"]) == 0
