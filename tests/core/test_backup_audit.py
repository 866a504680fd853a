"""备份 and 恢复 started by a person need the 管理员's "backup" and leave their line in the audit log;
the 恢复 line is in the restored file. Automatic backups work for any role."""

from __future__ import annotations

import pytest

from xiaoneng_desktop import schema
from xiaoneng_desktop.core import backups, session
from xiaoneng_desktop.core.models import AuditLog, Department
from xiaoneng_desktop.core.session import Actor, PermissionDenied

KIND = schema.FILE_KIND
ADMIN = Actor("admin", "管理员", 1)
SECRETARY = Actor("陈秘书", "秘书", 2)


def lines(action: str) -> list[AuditLog]:
    return list(AuditLog.select().where(AuditLog.action == action).order_by(AuditLog.id))


@pytest.mark.sqlite_only(reason="a data file's backup; a server's is below")
def test_backup_now_is_audited_and_for_the_administrator(database, db_path, tmp_path, clock):
    folder = tmp_path / "备份"
    with session.acting_as(SECRETARY), pytest.raises(PermissionDenied):
        backups.backup_now(db_path, folder, KIND)
    assert not folder.exists() and lines("备份") == []
    with session.acting_as(SECRETARY):  # the automatic backup: any role
        backups.backup_and_rotate(db_path, folder, KIND, backups.Policy())
    with session.acting_as(ADMIN):
        info = backups.backup_now(db_path, folder, KIND)
        copy = backups.copy_now(db_path, tmp_path / "拷贝.sqlite3", KIND)
    (first, second) = lines("备份")
    assert (first.actor, first.table) == ("admin", "data_file")
    assert info.path.name in first.detail and copy.name in second.detail


@pytest.mark.sqlite_only(reason="a data file's restore; a server's is below")
def test_restore_writes_its_line_into_the_restored_file(database, db_path, tmp_path, clock):
    Department.create(name="办公室")
    folder = tmp_path / "备份"
    good = backups.make_backup(db_path, folder, KIND)
    Department.create(name="误建的部门")
    database.close()
    clock.advance(minutes=5)
    with session.acting_as(SECRETARY), pytest.raises(PermissionDenied):
        backups.restore_now(db_path, good.path, folder, KIND)
    with session.acting_as(ADMIN):
        saved, health = backups.restore_now(db_path, good.path, folder, KIND)
    assert health.ok
    reopened = schema.open_database(db_path)
    try:
        assert [d.name for d in Department.select()] == ["办公室"]
        (line,) = lines("恢复")
        assert line.actor == "admin" and good.path.name in line.detail and saved.name in line.detail
        assert line.at.minute == 5
    finally:
        reopened.close()


@pytest.mark.server_only
def test_a_server_backup_and_restore_are_audited_and_for_the_administrator(database, db_path, tmp_path, clock):
    """备份 and 恢复 of a server database: the 管理员's, each with its line on the server; the restore
    copies the server's current data aside first and the line survives the rows it replaced."""
    Department.create(name="办公室")
    folder = tmp_path / "备份"
    with session.acting_as(SECRETARY), pytest.raises(PermissionDenied):
        backups.backup_server_now(database, db_path, folder, KIND)
    assert not folder.exists() and lines("备份") == []
    with session.acting_as(ADMIN):
        info = backups.backup_server_now(database, db_path, folder, KIND)
    assert info.health.ok and info.path.parent == folder
    assert info.path.name == f"{backups.server_stem(db_path)}-备份-20261009-090000.sqlite3"
    (line,) = lines("备份")
    assert line.actor == "admin" and info.path.name in line.detail

    Department.create(name="误建的部门")
    clock.advance(minutes=5)
    with session.acting_as(SECRETARY), pytest.raises(PermissionDenied):
        backups.restore_server_now(database, db_path, info.path, folder, KIND)
    with session.acting_as(ADMIN):
        saved, copied = backups.restore_server_now(database, db_path, info.path, folder, KIND)
    assert [d.name for d in Department.select()] == ["办公室"] and copied["department"] == 1
    assert saved.name.endswith("-恢复前.sqlite3") and backups.inspect(saved, KIND).ok
    restore_line = lines("恢复")[-1]
    assert restore_line.actor == "admin" and info.path.name in restore_line.detail and saved.name in restore_line.detail


@pytest.mark.server_only
def test_a_bad_file_is_never_restored_onto_a_server(database, db_path, tmp_path):
    Department.create(name="办公室")
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    with session.acting_as(ADMIN), pytest.raises(backups.BackupError, match="不能用于恢复"):
        backups.restore_server_now(database, db_path, bad, tmp_path / "备份", KIND)
    assert [d.name for d in Department.select()] == ["办公室"] and not (tmp_path / "备份").exists()
