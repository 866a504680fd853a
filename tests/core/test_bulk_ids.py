"""core.db's bulk helpers behave the same on both engines (the demo and the ledger import use them)."""

import peewee as pw
import pytest

from xiaoneng_desktop.core import db
from xiaoneng_desktop.core.models import Department
from xiaoneng_desktop.documents.models import Document


def test_insert_returning_ids_gives_the_new_ids_in_order(database):
    with db.atomic():
        Department.create(name="已有")
        ids = db.insert_returning_ids(Department, ["name", "sort_order"], [(f"科室{i}", i) for i in range(7)], batch=3)
    assert len(ids) == 7
    assert [Department.get_by_id(i).name for i in ids] == [f"科室{i}" for i in range(7)]


def test_rows_with_their_own_ids_then_a_new_row_gets_the_next_id(database):
    with db.atomic():
        Department.insert_many([{"id": 40, "name": "甲"}, {"id": 41, "name": "乙"}]).execute()
        db.ids_written(Department)
        assert Department.create(name="丙").id == 42
    assert Document.select().count() == 0
    db.ids_written(Document)  # an empty table: the next id stays 1


def test_rows_per_statement_stay_under_the_engines_limit(database):
    assert 1 <= db.max_insert_rows(40) <= 500
    assert db.max_insert_rows(40) * 40 <= (65535 if db.on_server() else 32766)


def test_values_written_as_they_are_are_those_db_value_keeps():
    """_insert_many skips db_value for a value of a type its field keeps unchanged: every field type
    the models use is known, and for each listed type db_value gives the very value back."""
    import datetime as dt

    from xiaoneng_desktop import schema

    samples = {str: "张三 ", dt.datetime: dt.datetime(2028, 2, 29, 23, 59, 59), dt.date: dt.date(2028, 2, 29),
               int: 7, bool: True}
    for model in schema.MODELS:
        for field in model._meta.sorted_fields:
            assert type(field) in db._STORED_AS_IS or type(field) is pw.BlobField, (model, field.name)
            for kind in db._STORED_AS_IS.get(type(field), ()):
                value = samples[kind]
                assert field.db_value(value) is value, (model.__name__, field.name, kind)


_TEXTS = ["石门桥 养殖场\n噪音", "张　三", "", "a\tb\u00a0c\u2028d", "13800000000", "已办结。\r\n回访满意", "①②③ＡＢ"]


def _call_row(number: int) -> dict:
    import datetime as dt

    text = _TEXTS[number % len(_TEXTS)]
    return {"received_at": dt.datetime(2028, 2, 29, 23, 30) + dt.timedelta(minutes=number), "channel": "电话",
            "category": "一般事项", "caller": text[:5], "caller_unit": text, "phone": text[:11], "summary": f"{text}{number}",
            "officer_name": "王五", "instruction": text if number % 2 else "", "feedback": "",
            "deadline": dt.datetime(2028, 3, 1)}


def _index_entries():
    """Every (term, record, column, offset) of the call search index."""
    db.database.execute_sql("CREATE VIRTUAL TABLE IF NOT EXISTS temp.call_terms USING fts5vocab(main, call_search, instance)")
    return sorted(db.database.execute_sql("SELECT term, doc, col, offset FROM temp.call_terms").fetchall())


@pytest.mark.sqlite_only("SQLite's FTS5 index and its triggers")
def test_bulk_rows_are_indexed_exactly_as_the_trigger_indexes_them(database):
    """insert_returning_ids writes the search index itself (in place of the insert trigger, taken out
    and put back in the same transaction): the index then holds the very entries the trigger writes."""
    from xiaoneng_desktop.duty.models import Call

    rows = [_call_row(n) for n in range(23)]
    trigger = db.database.execute_sql("SELECT sql FROM sqlite_master WHERE name = 'call_search_ai'").fetchone()
    with db.atomic():
        for row in rows:  # one at a time: the trigger indexes them
            Call.insert(row).execute()
    by_trigger = _index_entries()
    with db.atomic():
        Call.delete().execute()  # the delete trigger takes every entry out again
    assert _index_entries() == []
    with db.atomic():
        ids = db.insert_returning_ids(Call, list(rows[0]), [tuple(row.values()) for row in rows], batch=5)
    assert ids == list(range(1, 24))  # the same ids again (SQLite's next rowid is past the largest)
    assert _index_entries() == by_trigger
    assert db.database.execute_sql("SELECT sql FROM sqlite_master WHERE name = 'call_search_ai'").fetchone() == trigger
    # the larger in-memory size for new entries was for the bulk insert only: FTS5's default again
    assert db.database.execute_sql("SELECT v FROM call_search_config WHERE k = 'hashsize'").fetchone() == (2**20,)
    with db.atomic():
        Call.create(**_call_row(98))  # and the trigger indexes the next record again
    assert Call.select().where(db.search_index_matches(Call, "噪音98")).count() == 1


@pytest.mark.sqlite_only("SQLite's FTS5 index and its triggers")
def test_a_failed_bulk_insert_leaves_the_trigger_and_the_index_as_they_were(database):
    from xiaoneng_desktop.duty.models import Call

    rows = [_call_row(n) for n in range(3)]
    with pytest.raises(RuntimeError), db.atomic():
        db.insert_returning_ids(Call, list(rows[0]), [tuple(row.values()) for row in rows])
        raise RuntimeError("the user's action fails after the rows were written")
    assert Call.select().count() == 0 and _index_entries() == []
    with db.atomic():
        Call.create(**_call_row(7))
    assert Call.select().where(db.search_index_matches(Call, "噪音7")).count() == 1
