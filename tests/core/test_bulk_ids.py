"""core.db's bulk helpers behave the same on both engines (the demo and the ledger import use them)."""

from xiaoneng_desktop.core import db
from xiaoneng_desktop.core.models import Department
from xiaoneng_desktop.documents.models import Document


def test_insert_returning_ids_gives_the_new_ids_in_order(database):
    with db.atomic():
        Department.create(name="已有")
        ids = db.insert_returning_ids(Department, [{"name": f"科室{i}", "sort_order": i} for i in range(7)], batch=3)
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
