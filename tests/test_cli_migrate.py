"""xiaoneng migrate-to: copy every table into an empty database, verify, exit codes; backup and
restore of a server database from the command line."""

from __future__ import annotations

import sqlite3

import pytest

from xiaoneng_desktop import cli, demo, schema
from xiaoneng_desktop.core import db as db_module
from xiaoneng_desktop.core.models import AuditLog, Department


@pytest.fixture
def data(tmp_path, clock):
    path = tmp_path / "办公室.sqlite3"
    schema.open_database(path)
    demo.fill(1)
    db_module.close_database()
    return path


def rows(path, table):
    with sqlite3.connect(path) as connection:
        return connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]


@pytest.mark.sqlite_only(reason="file to file")
def test_migrate_to_a_new_file(data, tmp_path, capsys):
    target = tmp_path / "带回家.sqlite3"
    assert cli.main(["--db", str(data), "migrate-to", str(target)]) == 0
    out = capsys.readouterr().out
    assert "最近十二个月的统计数字一致" in out and "值班记录（call）" in out
    assert rows(target, "call") == rows(data, "call") > 100
    schema.open_database(target)
    try:
        assert AuditLog.select().where(AuditLog.action == "迁移").count() == 1
    finally:
        db_module.close_database()


def test_a_target_with_data_is_refused(data, db_path, capsys):
    schema.open_database(db_path)
    Department.create(name="已有的部门")
    db_module.close_database()
    assert cli.main(["--db", str(data), "migrate-to", str(db_path)]) == 2
    assert "已有数据" in capsys.readouterr().err
    schema.open_database(db_path)
    try:
        assert [d.name for d in Department.select()] == ["已有的部门"]
    finally:
        db_module.close_database()


def test_bad_targets(data, tmp_path, capsys):
    assert cli.main(["--db", str(data), "migrate-to", str(tmp_path / "x.txt")]) == 2
    assert ".sqlite3" in capsys.readouterr().err
    assert cli.main(["--db", str(data), "migrate-to", str(data)]) == 2
    assert "自己" in capsys.readouterr().err
    assert cli.main(["--db", str(tmp_path / "无.sqlite3"), "migrate-to", str(tmp_path / "y.sqlite3")]) == 2
    assert "数据文件不存在" in capsys.readouterr().err


@pytest.mark.server_only
def test_migrate_to_a_server_and_back_up_and_restore_it(data, tmp_path, server_databases, capsys, monkeypatch):
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: str(tmp_path / "用户数据"))
    url = server_databases.create(empty=True)
    try:
        assert cli.main(["--db", str(data), "migrate-to", url]) == 0
        assert "最近十二个月的统计数字一致" in capsys.readouterr().out
        # backup of the server: a data file in this PC's backup folder
        assert cli.main(["--db", url, "backup"]) == 0
        out = capsys.readouterr().out
        backup = next((tmp_path / "用户数据" / "备份").glob("*.sqlite3"))
        assert str(backup) in out and rows(backup, "call") == rows(data, "call")
        # a record made after the backup is gone once it is restored
        server = schema.open_database(url)
        Department.create(name="备份后新建")
        db_module.close_database()
        server.close()
        assert cli.main(["--db", url, "restore", str(backup)]) == 0
        assert "恢复前的数据已备份到" in capsys.readouterr().out
        server = schema.open_database(url)
        try:
            assert Department.select().where(Department.name == "备份后新建").count() == 0
            assert AuditLog.select().where(AuditLog.action == "恢复").count() == 1
        finally:
            server.close()
        # and the reverse: the server into a new file
        home = tmp_path / "带回家.sqlite3"
        assert cli.main(["--db", url, "migrate-to", str(home)]) == 0
        assert rows(home, "call") == rows(data, "call")
    finally:
        db_module.close_database()
        server_databases.drop(url)
