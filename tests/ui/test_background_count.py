"""Issue 16: "共 N 条" of a list longer than one page is counted on a worker thread (its own database
connection); the first page is shown first, and a count of a filter changed meanwhile is dropped."""

from __future__ import annotations

import gc

from PySide6.QtWidgets import QVBoxLayout, QWidget

from xiaoneng_desktop.core import audit, db
from xiaoneng_desktop.core.models import AuditLog
from xiaoneng_desktop.ui.widgets import sql_table
from xiaoneng_desktop.ui.widgets.register_view import COUNTING_TEXT, RegisterView
from xiaoneng_desktop.ui.widgets.sql_table import Column, SqlTableModel


def audit_lines(count: int, action: str) -> None:
    with db.atomic():
        for number in range(count):
            audit.record(action, "call", number + 1, f"第{number + 1}条")


def audit_model(action: str | None = None, page_size: int = 2) -> SqlTableModel:
    def query():
        found = AuditLog.select()
        return found if action is None else found.where(AuditLog.action == action)

    columns = [Column("操作", AuditLog.action, lambda row: row.action),
               Column("说明", None, lambda row: row.detail)]
    return SqlTableModel(columns, query, page_size=page_size)


def no_count_running(qtbot) -> None:
    qtbot.waitUntil(lambda: not sql_table._COUNTING, timeout=10_000)


def test_count_arrives_from_the_worker_thread(qtbot, database):
    audit_lines(5, "新建")
    model = audit_model()
    assert model.rowCount() == 2
    assert model.known_total() is None  # more than one page: not known without COUNT(*)
    with qtbot.waitSignal(model.total_ready, timeout=10_000) as arrived:
        model.count_in_background()
        assert model.known_total() is None  # not counted on the GUI thread
    assert arrived.args == [5]
    assert model.known_total() == 5
    no_count_running(qtbot)


def test_a_stale_count_is_ignored(qtbot, database):
    audit_lines(5, "新建")
    audit_lines(3, "修改")
    model = audit_model()
    totals = []
    model.total_ready.connect(totals.append)
    model.count_in_background()  # all 8 lines …
    # … and before that count is back, the filter changes to the 3 修改 lines
    model.set_query(audit_model("修改")._query_factory)
    with qtbot.waitSignal(model.total_ready, timeout=10_000):
        model.count_in_background()
    no_count_running(qtbot)
    qtbot.wait(50)  # any late signal of the first count would have arrived by now
    assert totals == [3]
    assert model.known_total() == 3


def test_the_view_shows_the_page_first_then_the_count(qtbot, database):
    audit_lines(5, "新建")
    model = audit_model()
    view = RegisterView(model, ["全部"])
    qtbot.addWidget(view)
    view._update_count()
    assert view.count_label.text() == COUNTING_TEXT  # first page on screen, count under way
    qtbot.waitUntil(lambda: view.count_label.text() == "共 5 条", timeout=10_000)
    # a filter typed and changed again before its count is back: only the last one's count shows
    model.set_query(audit_model("没有")._query_factory)
    model.set_query(audit_model("新建")._query_factory)
    qtbot.waitUntil(lambda: view.count_label.text() == "共 5 条", timeout=10_000)
    no_count_running(qtbot)


def test_garbage_collection_after_a_count_with_the_window_open(qtbot, database):
    audit_lines(5, "新建")
    window = QWidget()
    qtbot.addWidget(window)
    view = RegisterView(audit_model(), ["全部"], window)
    QVBoxLayout(window).addWidget(view)
    window.show()
    qtbot.waitUntil(lambda: view.count_label.text() == "共 5 条", timeout=10_000)
    no_count_running(qtbot)
    qtbot.wait(10)  # the finished thread's deleteLater
    gc.collect()
    view.model.refresh()
    qtbot.waitUntil(lambda: view.count_label.text() == "共 5 条", timeout=10_000)
    no_count_running(qtbot)
    gc.collect()
    assert window.isVisible()
