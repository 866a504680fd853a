"""xiaoneng backup / restore / check: exit codes and Chinese messages."""

from __future__ import annotations

import sqlite3

import pytest

from xiaoneng_desktop import cli, schema
from xiaoneng_desktop.core import backups
from xiaoneng_desktop.core import db as db_module
from xiaoneng_desktop.core.models import Department


@pytest.fixture
def data(tmp_path):
    path = tmp_path / "效能.sqlite3"
    schema.open_database(path)
    Department.create(name="办公室")
    db_module.close_database()
    return path


def names(path):
    with sqlite3.connect(path) as connection:
        return [row[0] for row in connection.execute("SELECT name FROM department ORDER BY name")]


def test_check_healthy_damaged_missing(data, tmp_path, capsys):
    assert cli.main(["--db", str(data), "check"]) == 0
    assert "完好" in capsys.readouterr().out
    damaged = tmp_path / "坏.sqlite3"
    damaged.write_bytes(data.read_bytes()[: 4096 * 3])
    assert cli.main(["--db", str(damaged), "check"]) == 2
    assert "损坏" in capsys.readouterr().err
    assert cli.main(["--db", str(tmp_path / "无.sqlite3"), "check"]) == 2
    assert "数据文件不存在" in capsys.readouterr().err
    assert not (tmp_path / "无.sqlite3").exists()


def test_backup_into_the_folder_and_to_a_file(data, tmp_path, capsys):
    assert cli.main(["--db", str(data), "backup"]) == 0
    made = list((tmp_path / "备份").glob("效能-备份-*.sqlite3"))
    assert len(made) == 1 and str(made[0]) in capsys.readouterr().out and names(made[0]) == ["办公室"]
    target = tmp_path / "u盘" / "copy.sqlite3"
    assert cli.main(["--db", str(data), "backup", str(target)]) == 2  # its folder is missing
    assert "不存在" in capsys.readouterr().err
    target.parent.mkdir()
    assert cli.main(["--db", str(data), "backup", str(target)]) == 0
    assert names(target) == ["办公室"]
    assert cli.main(["--db", str(data), "backup", str(target.parent)]) == 0
    assert len(list(target.parent.glob("效能-备份-*.sqlite3"))) == 1
    assert cli.main(["--db", str(data), "backup", str(data)]) == 2  # onto itself
    assert "不能" in capsys.readouterr().err


def test_restore_backs_up_first(data, tmp_path, capsys):
    good = tmp_path / "good.sqlite3"
    assert cli.main(["--db", str(data), "backup", str(good)]) == 0
    with sqlite3.connect(data) as connection:
        connection.execute("UPDATE department SET name = '改坏了'")
    capsys.readouterr()
    assert cli.main(["--db", str(data), "restore", str(good)]) == 0
    out = capsys.readouterr().out
    assert "恢复前的数据文件已备份到" in out
    assert names(data) == ["办公室"]
    saved = list((tmp_path / "备份").glob("*恢复前*.sqlite3"))
    assert len(saved) == 1 and names(saved[0]) == ["改坏了"]


def test_restore_refuses_a_bad_file(data, tmp_path, capsys):
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("not a database")
    before = data.read_bytes()
    assert cli.main(["--db", str(data), "restore", str(bad)]) == 2
    assert "恢复失败" in capsys.readouterr().err
    assert data.read_bytes() == before
    assert cli.main(["--db", str(data), "restore"]) == 2  # FILE is required


def test_backup_of_a_damaged_file_exits_2(data, tmp_path, capsys):
    damaged = tmp_path / "坏.sqlite3"
    damaged.write_bytes(data.read_bytes()[:100] + b"\xa5" * 8000)
    assert cli.main(["--db", str(damaged), "backup"]) == 2
    assert "无法备份" in capsys.readouterr().err
    assert not list((tmp_path / "备份").glob("坏*")) if (tmp_path / "备份").exists() else True
    assert backups.health_check(data, schema.FILE_KIND).ok
