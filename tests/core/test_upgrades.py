"""Every committed data file of a past schema version upgrades to exactly the schema of a new file,
with its records intact; and adding a column to a register is one appended step.

The old files were written by the program of their time (tests/data/README.md), not by today's models:
that is what lets this test see an upgrade step that reads today's models.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import peewee as pw
import pytest

from xiaoneng_desktop import schema
from xiaoneng_desktop.core import db
from xiaoneng_desktop.documents import service as document_service
from xiaoneng_desktop.duty import service as duty_service
from xiaoneng_desktop.inspection import service as inspection_service
from xiaoneng_desktop.upgrades import STEPS
from xiaoneng_desktop.visitors import service as visitor_service
from xiaoneng_desktop.visitors.models import Visit

DATA = Path(__file__).resolve().parents[1] / "data"
VERSIONS = range(1, schema.SCHEMA_VERSION + 1)


def _clauses(sql: str) -> str:
    """A CREATE TABLE's column and constraint clauses, sorted: ALTER TABLE ADD COLUMN appends its column
    after the FOREIGN KEY clauses, where a new file has it before them; the order of the columns
    themselves is compared through PRAGMA table_info."""
    head, _, body = sql.partition("(")
    body = body.rstrip().removesuffix(")")
    parts, depth, current = [], 0, ""
    for char in body:
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    return head.strip() + " (" + ", ".join(sorted(parts)) + ")"


def _normalised(sql: str | None) -> str | None:
    if sql is None:
        return None
    sql = re.sub(r"\s+", " ", sql).strip()
    if sql.startswith("CREATE TABLE"):
        return _clauses(sql)
    return sql


def schema_of(path: Path) -> dict:
    """Everything a schema is made of, in a comparable form."""
    with sqlite3.connect(path) as raw:
        master = sorted((kind, name, table, _normalised(sql)) for kind, name, table, sql in raw.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master"))
        tables = [name for kind, name, _, _ in master if kind == "table"]
        columns = {t: raw.execute('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)',
                                  (t,)).fetchall() for t in tables}
        indexes = {t: sorted(raw.execute("SELECT name, \"unique\", origin, partial FROM pragma_index_list(?)",
                                         (t,)).fetchall()) for t in tables}
        index_columns = {name: raw.execute("SELECT seqno, name FROM pragma_index_info(?)", (name,)).fetchall()
                         for kind, name, _, _ in master if kind == "index"}
        foreign_keys = {t: sorted(raw.execute('SELECT "table", "from", "to", on_update, on_delete '
                                              "FROM pragma_foreign_key_list(?)", (t,)).fetchall()) for t in tables}
        triggers = sorted(row for row in master if row[0] == "trigger")
        version = raw.execute("PRAGMA user_version").fetchone()[0]
        app_id = raw.execute("PRAGMA application_id").fetchone()[0]
    return {"master": master, "columns": columns, "indexes": indexes, "index_columns": index_columns,
            "foreign_keys": foreign_keys, "triggers": triggers, "user_version": version, "application_id": app_id}


def row_counts(path: Path) -> dict[str, int]:
    """Rows of every ordinary table (the search index's shadow tables are the index's business)."""
    with sqlite3.connect(path) as raw:
        tables = [name for (name,) in raw.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE TABLE \"%'")]
        return {t: raw.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


@pytest.fixture(scope="module")
def fresh_schema(tmp_path_factory):
    path = tmp_path_factory.mktemp("fresh") / "new.sqlite3"
    schema.open_database(path).close()
    return schema_of(path)


def open_copy(version: int, tmp_path: Path) -> tuple[Path, pw.SqliteDatabase]:
    path = tmp_path / f"v{version}.sqlite3"
    shutil.copyfile(DATA / f"schema_v{version}.sqlite3", path)
    return path, schema.open_database(path)


def test_there_is_a_data_file_of_every_schema_version():
    assert {p.name for p in DATA.glob("schema_v*.sqlite3")} == {f"schema_v{v}.sqlite3" for v in VERSIONS}
    for version in VERSIONS:
        # read-only: a plain connect would create the file it is looking for
        with sqlite3.connect(f"file:{DATA / f'schema_v{version}.sqlite3'}?mode=ro", uri=True) as raw:
            assert raw.execute("PRAGMA user_version").fetchone()[0] == version


@pytest.mark.parametrize("version", VERSIONS)
def test_an_old_file_upgrades_to_exactly_the_schema_of_a_new_one(version, tmp_path, fresh_schema):
    before = row_counts(DATA / f"schema_v{version}.sqlite3")
    path, database = open_copy(version, tmp_path)
    try:
        assert database.execute_sql("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        database.close()
    upgraded = schema_of(path)
    for part in fresh_schema:
        assert upgraded[part] == fresh_schema[part], part
    after = row_counts(path)
    moved = {"extension": "deadline_extension"}  # schema 8: one 延期 table for every register
    for table, count in before.items():
        assert after[moved.get(table, table)] == count, table
    # tables a version brought are there, empty, except the built-in template the 五查 step installs
    assert {t: n for t, n in after.items() if t not in before and t not in moved.values() and n} == (
        {"template": 1, "check_item": 5, "check_point": 15} if version < 5 else {})


@pytest.mark.parametrize("version", VERSIONS)
def test_the_records_of_an_old_file_are_intact_and_found(version, tmp_path, clock):
    _, database = open_copy(version, tmp_path)
    try:
        assert duty_service.calls_query().count() == 121
        call = duty_service.get_call(2)
        assert call.summary == "市政府研究室要求核报安全生产工作有关数据，当日下班前电话回复。"
        assert [c.id for c in duty_service.calls_query(text="核报安全生产")] == [2]
        builtin = inspection_service.builtin_template()
        assert [item.name for item, _ in inspection_service.template_items(builtin.id)][0] == "查思想认识"
        if version >= 3:
            assert document_service.get_document(2).title == "关于做好城乡供水一体化工作的通知"
            # the demo receives this notice twice (ids 2 and 3); the index finds both and nothing else
            assert sorted(d.id for d in document_service.documents_query(text="城乡供水")) == [2, 3]
        if version >= 4:
            assert visitor_service.get_visit(1).name == "彭秀"
            assert [v.id for v in visitor_service.visits_query(text="养殖场污水")] == [1]
        if version >= 5:
            assert [p.id for p in inspection_service.problems_query(text="无人接听")] == [1]
            assert [n.text for n in inspection_service.notes(1)] == ["已召开科室会议整改"]
    finally:
        database.close()


def test_adding_a_column_is_one_step(tmp_path, monkeypatch):
    """What a developer writes to add a column: the field on the model and one appended step.

    Before the steps were frozen, version 4's step built the visit table from today's model, so a
    version-1 file got the new column twice ("duplicate column name") and refused to open."""
    field = pw.CharField(max_length=200, default="", constraints=[pw.SQL("DEFAULT ''")])
    Visit._meta.add_field("companions", field)
    monkeypatch.setattr(schema, "MIGRATIONS", [
        *schema.MIGRATIONS,
        "ALTER TABLE visit ADD COLUMN \"companions\" VARCHAR(200) NOT NULL DEFAULT '';\n",
    ])
    try:
        fresh = tmp_path / "new.sqlite3"
        schema.open_database(fresh).close()
        path, database = open_copy(1, tmp_path)
        try:
            assert database.execute_sql("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION + 1
        finally:
            database.close()
        upgraded, expected = schema_of(path), schema_of(fresh)
        assert expected["columns"]["visit"][-1] == ("companions", "VARCHAR(200)", 1, "''", 0)
        for part in expected:
            assert upgraded[part] == expected[part], part
    finally:
        Visit._meta.remove_field("companions")


def test_a_step_runs_statement_by_statement_in_one_transaction(tmp_path, monkeypatch):
    """A step that fails half way leaves the file at the version before it, none of its tables made."""
    monkeypatch.setattr(schema, "MIGRATIONS", [
        *schema.MIGRATIONS,
        "CREATE TABLE half (x);\nCREATE TRIGGER half_ai AFTER INSERT ON half BEGIN SELECT 1; END;\n"
        "ALTER TABLE no_such_table ADD COLUMN y;\n",
    ])
    path = tmp_path / "v1.sqlite3"
    shutil.copyfile(DATA / "schema_v1.sqlite3", path)
    with pytest.raises(db.DatabaseOpenError, match="no_such_table"):
        schema.open_database(path)
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == len(STEPS) + 1
        assert raw.execute("SELECT name FROM sqlite_master WHERE name LIKE 'half%'").fetchall() == []


def _open_in_another_process(path: Path) -> None:
    code = f"from xiaoneng_desktop import schema; schema.open_database({str(path)!r}).close()"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_two_processes_upgrading_one_file_at_once(tmp_path, monkeypatch, fresh_schema):
    """Another process upgrades the file after this one read its version and before it took the write
    lock (two PCs opening an old file on a share): this one finds each step done, and does not run it
    again ("index … already exists" was the error)."""
    path = tmp_path / "v9.sqlite3"
    shutil.copyfile(DATA / "schema_v9.sqlite3", path)
    backup = db.backup_database

    def backup_then_the_other_process(database, target):  # taken after the read, before the lock
        backup(database, target)
        _open_in_another_process(path)

    monkeypatch.setattr(db, "backup_database", backup_then_the_other_process)
    schema.open_database(path).close()
    assert schema_of(path) == fresh_schema


def test_two_processes_creating_one_file_at_once(tmp_path, monkeypatch, fresh_schema):
    """The same for a new file: the second process finds the tables made and makes nothing twice."""
    path = tmp_path / "new.sqlite3"
    refuse = db._refuse_foreign_or_newer

    def the_other_process_first(*args):  # after this one found no tables, before it took the lock
        _open_in_another_process(path)
        refuse(*args)

    monkeypatch.setattr(db, "_refuse_foreign_or_newer", the_other_process_first)
    schema.open_database(path).close()
    assert schema_of(path) == fresh_schema
    assert row_counts(path)["template"] == 1


def test_script_statements_keep_a_trigger_whole():
    script = ("CREATE TABLE t (x);\n"
              "CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN INSERT INTO t VALUES ('a;b'); END;\n"
              "INSERT INTO t VALUES (1);\n")
    assert db.script_statements(script) == [line for line in script.splitlines()]
    with pytest.raises(ValueError, match="ends inside a statement"):
        db.script_statements("CREATE TABLE t (x)\n")
