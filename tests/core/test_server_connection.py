"""A server database: what the user is told when it cannot be used, and a connection lost mid-save."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit, urlunsplit

import peewee as pw
import pytest

from xiaoneng_desktop import schema
from xiaoneng_desktop.core import db as db_module
from xiaoneng_desktop.core import errors, server, targets
from xiaoneng_desktop.duty import service
from xiaoneng_desktop.duty.models import Call
from xiaoneng_desktop.duty.service import CallInput
from xiaoneng_desktop.ui.connect_dialog import field_of, server_url, url_parts

psycopg = pytest.importorskip("psycopg")


def a_call(summary: str = "县长办公室来电：通知下午三点开会") -> CallInput:
    return CallInput(received_at=dt.datetime(2026, 10, 9, 9, 0), category="一般事项", summary=summary,
                     officer_name="王值班")


def other(url: str, **parts) -> str:
    """``url`` with another port or database name."""
    split = urlsplit(url)
    netloc = split.netloc if "port" not in parts else f"{split.netloc.rsplit(':', 1)[0]}:{parts['port']}"
    path = "/" + parts["dbname"] if "dbname" in parts else split.path
    return urlunsplit(split._replace(netloc=netloc, path=path))


def opened_with(driver_error: BaseException) -> db_module.DatabaseOpenError:
    """The error open_server raises for a connection that failed with ``driver_error``."""
    url = "postgresql://xiaoneng@192.168.1.10:5432/xiaoneng"
    try:
        raise driver_error
    except Exception as exc:
        try:
            raise db_module.DatabaseOpenError(server._explain(url, exc)) from exc
        except db_module.DatabaseOpenError as opened:
            return opened


# ---------------------------------------------------------------------- without a server


@pytest.mark.parametrize(("text", "kind", "field"), [
    ('connection failed: FATAL:  password authentication failed for user "xiaoneng"', errors.REFUSED_LOGIN,
     "password"),
    ("connection failed: fe_sendauth: no password supplied", errors.REFUSED_LOGIN, "password"),
    ('connection failed: FATAL:  no pg_hba.conf entry for host "192.168.1.23", user "xiaoneng"',
     errors.REFUSED_LOGIN, "password"),
    ('connection failed: FATAL:  role "xiaoneng" does not exist', errors.REFUSED_LOGIN, "user"),
    ('connection failed: FATAL:  database "xiaoneng" does not exist', errors.NO_DATABASE, "dbname"),
    ('connection failed: connection to server at "192.168.1.10", port 5432 failed: Connection refused',
     errors.UNREACHABLE, "host"),
])
def test_a_failed_connection_is_told_at_its_field(text, kind, field):
    opened = opened_with(psycopg.OperationalError(text))
    assert errors.kind_of(opened.__cause__) == kind
    assert field_of(opened) == field
    assert "数据库服务器“192.168.1.10:5432”上的数据库“xiaoneng”" in str(opened)
    assert "刚才的操作没有保存" not in str(opened)  # nothing was being saved: this was a connection


def test_wrong_password_reads_well():
    opened = opened_with(psycopg.OperationalError('FATAL:  password authentication failed for user "x"'))
    assert str(opened) == ("连接数据库失败：数据库服务器“192.168.1.10:5432”上的数据库“xiaoneng”拒绝登录："
                           "数据库用户名或密码不正确，或服务器不允许这台电脑连接（请管理员检查 pg_hba.conf）。")


def test_refusals_without_a_driver_error_go_to_their_field():
    assert field_of(db_module.DatabaseOpenError("数据库服务器“h:5432”所在的服务器版本过旧（9.6）")) == "host"
    assert field_of(db_module.DatabaseOpenError("……里已有其他程序的数据表，不是本程序的数据库")) == "dbname"


def test_a_lost_connection_while_saving_says_the_input_is_kept():
    lost = psycopg.OperationalError("consuming input failed: server closed the connection unexpectedly")
    message = errors.describe(lost, "保存", "数据库服务器“h:5432”上的数据库“x”")
    assert message.kind == errors.UNREACHABLE
    assert "填写的内容还在" in message.text


def test_address_from_the_fields_and_back():
    url = server_url("192.168.1.10", 5432, "效能", "xiao@neng", "p@ss:w/rd")
    assert url == "postgresql://xiao%40neng:p%40ss%3Aw%2Frd@192.168.1.10:5432/%E6%95%88%E8%83%BD"
    assert "p%40ss" not in targets.shown_target(url)
    assert url_parts(url) == {"host": "192.168.1.10", "port": 5432, "dbname": "效能", "user": "xiao@neng"}
    assert server_url("fe80::1", 5433, "x", "u") == "postgresql://u@[fe80::1]:5433/x"
    assert targets.describe_target(url) == "数据库服务器“192.168.1.10:5432”上的数据库“效能”"


def test_command_line_takes_a_server_address():
    from xiaoneng_desktop.cli import data_file

    url = "postgresql://xiaoneng@192.168.1.10/xiaoneng"
    assert data_file(url) == url
    assert data_file("postgres://u@h:5433/d") == "postgres://u@h:5433/d"


# ---------------------------------------------------------------------- on the dev/CI server


@pytest.mark.server_only
def test_test_connection_names_the_cause(db_path, server_databases):
    empty = server_databases.create(empty=True)
    try:
        assert "是空的" in db_module.probe_server(empty, schema.SCHEMA_VERSION)
    finally:
        server_databases.drop(empty)
    assert db_module.probe_server(db_path, schema.SCHEMA_VERSION).startswith("连接成功")
    with pytest.raises(db_module.DatabaseOpenError) as refused:
        db_module.probe_server(other(db_path, port=1), schema.SCHEMA_VERSION)
    assert "无法连接" in str(refused.value) and field_of(refused.value) == "host"
    with pytest.raises(db_module.DatabaseOpenError) as missing:
        db_module.probe_server(other(db_path, dbname="h_connect_no_such_db"), schema.SCHEMA_VERSION)
    assert "“h_connect_no_such_db”不存在" in str(missing.value) and field_of(missing.value) == "dbname"
    with pytest.raises(db_module.DatabaseOpenError) as newer:
        db_module.probe_server(db_path, schema.SCHEMA_VERSION - 1)
    assert "较新版本" in str(newer.value)


@pytest.mark.server_only
def test_another_programs_database_is_refused(server_databases):
    url = server_databases.create(empty=True)
    try:
        foreign = pw.PostgresqlDatabase(url)
        foreign.execute_sql("CREATE TABLE customer (id INTEGER)")
        foreign.close()
        with pytest.raises(db_module.DatabaseOpenError, match="其他程序的数据表") as probed:
            db_module.probe_server(url, schema.SCHEMA_VERSION)
        assert field_of(probed.value) == "dbname"
        with pytest.raises(db_module.DatabaseOpenError, match="其他程序的数据表"):
            schema.open_database(url)
    finally:
        server_databases.drop(url)


def terminate_others(url: str) -> int:
    with psycopg.connect(url, autocommit=True) as conn:
        return len(conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                "WHERE datname = current_database() AND pid <> pg_backend_pid()").fetchall())


@pytest.mark.server_only
def test_a_connection_lost_mid_save_reconnects_on_the_next_action(database, db_path, clock):
    service.create_call(a_call("第一条"))
    assert terminate_others(db_path) >= 1  # the server restarted under the program
    with pytest.raises(Exception) as lost:
        service.create_call(a_call("断线时保存的"))
    message = errors.describe(lost.value, "保存", targets.describe_target(db_path))
    assert message.kind == errors.UNREACHABLE, message.text
    assert "填写的内容还在" in message.text
    assert db_module.database.obj.transaction_depth() == 0  # no transaction left dangling
    # the next action connects again by itself, and nothing of the lost one was half-saved
    service.create_call(a_call("第二条"))
    assert [call.summary for call in Call.select().order_by(Call.id)] == ["第一条", "第二条"]


@pytest.mark.server_only
def test_a_list_read_after_a_lost_connection_reconnects(database, db_path, clock):
    service.create_call(a_call("第一条"))
    terminate_others(db_path)
    with pytest.raises(pw.DatabaseError):
        Call.select().count()  # the read that meets the loss fails…
    assert Call.select().count() == 1  # …and the next one works on a new connection


@pytest.mark.server_only
def test_check_command_on_a_server_never_shows_the_password(db_path, capsys):
    from xiaoneng_desktop.cli import main

    parts = urlsplit(db_path)
    with_password = urlunsplit(parts._replace(netloc=f"{parts.username}:绝密@{parts.hostname}:{parts.port}"))
    assert main(["--db", with_password, "check"]) == 0
    assert main(["--db", other(with_password, dbname="h_connect_no_such_db"), "check"]) == 2
    out = capsys.readouterr()
    assert "是本程序的数据库" in out.out and "不存在" in out.err
    assert "绝密" not in out.out + out.err


def test_a_data_file_never_loads_the_server_driver(tmp_path):
    """peewee would import psycopg (0.2–0.4 s) at its own import; the package's finder hides it while
    peewee loads, whoever imports peewee first, and core/server hands it over when a server is used."""
    import subprocess
    import sys

    code = (
        "import sys, inspect\n"
        "import xiaoneng_desktop.core.backups  # imports peewee before core.db\n"
        "from xiaoneng_desktop import schema\n"
        "import peewee\n"
        f"schema.open_database({str(tmp_path / 'x.sqlite3')!r})\n"
        "print('psycopg' in sys.modules, peewee.psycopg is None, 'class Model' in inspect.getsource(peewee))\n"
        "from xiaoneng_desktop.core import server\n"
        "server.peewee_psycopg()\n"
        "print(peewee.psycopg is sys.modules['psycopg'])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True", "True"]
    # psycopg imported before peewee (by another program's code): peewee gets it as usual
    code = "import psycopg, xiaoneng_desktop, peewee; print(peewee.psycopg is psycopg)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["True"], result.stderr
