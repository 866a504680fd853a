"""core/transfer: every table copied between engines in one transaction, verified; a server's backup
and restore. The SQLite round copies file → file; the server round also file → server → file."""

from __future__ import annotations

import pytest

from xiaoneng_desktop import demo, schema
from xiaoneng_desktop.core import backups, transfer
from xiaoneng_desktop.core import clock as clock_module
from xiaoneng_desktop.core import db as db_module
from xiaoneng_desktop.core.models import Department, Person
from xiaoneng_desktop.duty.models import Call
from xiaoneng_desktop.inspection.models import Template


@pytest.fixture
def source(tmp_path, clock):
    """A data file with a month of demo data (the models left bound to it)."""
    db = schema.open_database(tmp_path / "源.sqlite3")
    demo.fill(1)
    yield db
    db.close()


def ids(model, database):
    return [row[0] for row in model.select(model.id).order_by(model.id).bind(database).tuples()]


def found(database, text):
    with transfer.bound_to(database):
        return sorted(c.id for c in Call.select(Call.id).where(db_module.search_index_matches(Call, text)))


def new_department(database, name):
    with transfer.bound_to(database), db_module.atomic():
        return Department.create(name=name).id


def check_copy(source_db, target_db):
    assert transfer.verify(source_db, target_db) == []
    assert transfer.counts(source_db) == transfer.counts(target_db)
    assert transfer.counts(target_db)["call"] > 100
    assert ids(Call, source_db) == ids(Call, target_db)
    assert ids(Template, source_db) == ids(Template, target_db)
    word = Call.select(Call.summary).bind(source_db).first().summary[2:5]
    assert found(source_db, word) and found(target_db, word) == found(source_db, word)  # index rebuilt
    # booleans and moments come back as they went in
    first = Call.select().order_by(Call.id).bind(source_db).first()
    again = Call.select().where(Call.id == first.id).bind(target_db).first()
    assert again.received_at == first.received_at and again.voided_at == first.voided_at
    people = list(Person.select(Person.id, Person.active).order_by(Person.id).bind(source_db).tuples())
    assert list(Person.select(Person.id, Person.active).order_by(Person.id).bind(target_db).tuples()) == people
    assert all(isinstance(active, bool) for _id, active in people)
    # the next record gets a fresh id
    newest = max(ids(Department, target_db))
    assert new_department(target_db, "新设的部门") == newest + 1


@pytest.mark.sqlite_only(reason="file to file; the server round copies through a server")
def test_file_to_file_keeps_everything(source, tmp_path, monkeypatch):
    monkeypatch.setattr(transfer, "BATCH", 97)  # many batches: each table read on from the last key
    target = schema.open_database(tmp_path / "目标.sqlite3")
    try:
        copied = transfer.copy_all(source, target)
        assert copied["call"] == Call.select().bind(source).count()
        check_copy(source, target)
    finally:
        target.close()


def test_a_target_with_data_is_refused(source, db_path):
    target = schema.open_database(db_path)
    try:
        new_department(target, "已有的部门")
        with pytest.raises(transfer.TransferError, match="已有数据"):
            transfer.copy_all(source, target)
        assert [d.name for d in Department.select().bind(target)] == ["已有的部门"]
        assert Call.select().bind(target).count() == 0
    finally:
        target.close()


def test_a_user_template_counts_as_data(source, db_path, clock):
    target = schema.open_database(db_path)
    try:
        with transfer.bound_to(target), db_module.atomic():
            Template.create(name="自己的模板", created_at=clock_module.now())
        assert transfer.user_rows(target) == ["自查模板（template）"]
        with pytest.raises(transfer.TransferError):
            transfer.copy_all(source, target)
    finally:
        target.close()


@pytest.mark.server_only
def test_file_to_server_and_back(source, tmp_path, server_databases, monkeypatch):
    monkeypatch.setattr(transfer, "BATCH", 97)
    url = server_databases.create(empty=True)
    server = schema.open_database(url)
    back = None
    try:
        transfer.copy_all(source, server)
        check_copy(source, server)
        # the sequence was moved past the copied ids: a new call on the server gets the next one
        assert db_module.on_server(server)
        back = schema.open_database(tmp_path / "带回家.sqlite3")
        transfer.copy_all(server, back)
        assert transfer.verify(server, back) == []
        assert ids(Call, back) == ids(Call, source)
    finally:
        if back is not None:
            back.close()
        server.close()
        server_databases.drop(url)


@pytest.mark.server_only
def test_backup_and_restore_of_a_server(source, tmp_path, server_databases):
    url = server_databases.create(empty=True)
    server = schema.open_database(url)
    try:
        transfer.copy_all(source, server)
        expected = transfer.counts(server)
        backup = transfer.backup_server(server, tmp_path / "服务器备份.sqlite3")
        assert backups.inspect(backup, schema.FILE_KIND).ok
        assert not list(tmp_path.glob(".*partial*"))
        # the models stay on what they were on
        assert db_module.database.obj is server
        new_department(server, "备份后新建")
        with transfer.bound_to(server), db_module.atomic():
            Call.delete().where(Call.id == ids(Call, server)[0]).execute()
        copied = transfer.restore_server(server, backup)
        assert transfer.counts(server) == expected == copied
        assert Department.select().where(Department.name == "备份后新建").bind(server).count() == 0
        assert ids(Call, server) == ids(Call, source)
        assert transfer.verify(source, server) == []
        assert new_department(server, "恢复后新建") == max(ids(Department, source)) + 1
    finally:
        server.close()
        server_databases.drop(url)


@pytest.mark.server_only
def test_backup_database_of_a_server_writes_a_data_file(source, tmp_path, server_databases):
    url = server_databases.create(empty=True)
    server = schema.open_database(url)
    try:
        transfer.copy_all(source, server)
        path = db_module.backup_database(server, tmp_path / "升级前.sqlite3")
        copy = schema.open_database(path)
        try:
            assert transfer.counts(copy) == transfer.counts(server)
        finally:
            copy.close()
    finally:
        server.close()
        server_databases.drop(url)


def test_every_table_is_named_in_words():
    """migrate-to, restore and the audit log name each table in Chinese, never only by its SQL name."""
    assert {model._meta.table_name for model in schema.MODELS} <= set(schema.TABLE_TITLES)
