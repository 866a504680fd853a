"""The SQL-backed table, the filter bar and the register view, over a test-only table."""

from __future__ import annotations

import datetime as dt

import peewee as pw
import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QColor

from xiaoneng_desktop.core import db as db_module
from xiaoneng_desktop.core.db import BaseModel, contains, open_database
from xiaoneng_desktop.ui.widgets import sql_table
from xiaoneng_desktop.ui.widgets.filter_bar import FilterBar, Filters
from xiaoneng_desktop.ui.widgets.register_view import RegisterView
from xiaoneng_desktop.ui.widgets.sql_table import Column, SqlTableModel

# The offscreen platform warns when a top-level window is shown; nothing of ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ROWS = 350
START = dt.datetime(2026, 1, 1, 8, 0)


class Item(BaseModel):
    name = pw.CharField()
    created_at = pw.DateTimeField(index=True)
    status = pw.CharField(index=True)


def _name(i: int) -> str:
    return f"事项{i:04d}"


@pytest.fixture
def item_db(tmp_path):
    database = open_database(tmp_path / "t.sqlite3", [Item], [])
    rows = [
        {
            "name": _name(i),
            # Several rows share a timestamp, so the primary-key tie-break matters.
            "created_at": START + dt.timedelta(hours=i // 3),
            "status": "已办结" if i % 4 else "在办",
        }
        for i in range(ROWS)
    ]
    rows += [
        {"name": "百分之百%完成", "created_at": START, "status": "在办"},
        {"name": "下划线_记录", "created_at": START, "status": "在办"},
        {"name": "百分之百完成", "created_at": START, "status": "在办"},
        {"name": "下划线X记录", "created_at": START, "status": "在办"},
    ]
    with database.atomic():
        Item.insert_many(rows).execute()
    yield database
    database.close()


TOTAL = ROWS + 4

COLUMNS = [
    Column("名称", Item.name, lambda r: r.name, tooltip=lambda r: f"名称：{r.name}"),
    Column(
        "登记时间",
        Item.created_at,
        lambda r: f"{r.created_at:%Y-%m-%d %H:%M}",
        align=Qt.AlignmentFlag.AlignCenter,
        width=140,
    ),
    Column(
        "状态",
        Item.status,
        lambda r: r.status,
        foreground=lambda r: QColor("#b00020") if r.status == "在办" else None,
        background=lambda r: QColor("#fff3cd") if r.status == "在办" else None,
    ),
    Column("备注", None, lambda r: ""),
]


def make_model(query_factory=None, **kwargs) -> SqlTableModel:
    kwargs.setdefault("default_sort", (1, Qt.SortOrder.DescendingOrder))
    return SqlTableModel(COLUMNS, query_factory or (lambda: Item.select()), **kwargs)


def names(model: SqlTableModel) -> list[str]:
    return [model.row_object(i).name for i in range(model.rowCount())]


def fetch_all(model: SqlTableModel) -> None:
    while model.canFetchMore():
        model.fetchMore()


class TraceSql:
    """Counts the statements SQLite runs on the open connection."""

    def __init__(self, database: pw.SqliteDatabase):
        self.connection = database.connection()
        self.statements: list[str] = []

    def __enter__(self):
        self.connection.set_trace_callback(self.statements.append)
        return self

    def __exit__(self, *exc):
        self.connection.set_trace_callback(None)


# -- the model -----------------------------------------------------------------------------------


def test_model_passes_qt_model_tester(item_db, qtmodeltester):
    model = make_model()
    qtmodeltester.check(model)
    fetch_all(model)
    qtmodeltester.check(model)


def test_model_tester_while_fetching_and_resetting(item_db, qtmodeltester):
    model = make_model(page_size=50)
    qtmodeltester.check(model, force_py=True)
    model.fetchMore()
    model.sort(0, Qt.SortOrder.AscendingOrder)
    model.set_query(lambda: Item.select().where(Item.status == "在办"))
    fetch_all(model)
    model.refresh()


def test_loading_is_lazy(item_db, qtbot):
    model = make_model()
    assert model.rowCount() == 200 < TOTAL
    assert model.canFetchMore()
    with qtbot.waitSignal(model.rowsInserted) as blocker:
        model.fetchMore()
    assert blocker.args[1:] == [200, TOTAL - 1]
    assert model.rowCount() == TOTAL
    assert not model.canFetchMore()
    model.fetchMore()  # nothing more: no-op
    assert model.rowCount() == TOTAL
    assert len(set(names(model))) == TOTAL


def test_an_exact_page_leaves_nothing_to_fetch(item_db):
    model = make_model(page_size=TOTAL)
    assert model.rowCount() == TOTAL
    assert not model.canFetchMore()


def test_first_page_uses_sql_order_with_primary_key_tie_break(item_db):
    model = make_model(page_size=10)
    expected = [item.id for item in Item.select().order_by(Item.created_at.desc(), Item.id.desc()).limit(10)]
    assert [model.id_at(row) for row in range(10)] == expected


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        (Qt.SortOrder.AscendingOrder, lambda: Item.select().order_by(Item.name, Item.id).first()),
        (
            Qt.SortOrder.DescendingOrder,
            lambda: Item.select().order_by(Item.name.desc(), Item.id.desc()).first(),
        ),
    ],
)
def test_sort_is_done_in_sql(item_db, qtbot, order, expected):
    model = make_model()
    with qtbot.waitSignal(model.modelReset):
        model.sort(0, order)
    assert model.sort_column() == 0 and model.sort_order() == order
    assert model.row_object(0).name == expected().name
    assert model.rowCount() == 200
    fetch_all(model)
    shown = names(model)
    assert shown == sorted(shown, reverse=order == Qt.SortOrder.DescendingOrder)


def test_sorting_an_unsortable_column_changes_nothing(item_db, qtbot):
    model = make_model()
    with qtbot.assertNotEmitted(model.modelReset):
        model.sort(3, Qt.SortOrder.AscendingOrder)
        model.sort(1, Qt.SortOrder.DescendingOrder)  # already so
    assert (model.sort_column(), model.sort_order()) == (1, Qt.SortOrder.DescendingOrder)


def test_order_prefix_comes_first(item_db):
    model = make_model(
        order_prefix=lambda: [Item.status != "在办"], default_sort=(0, Qt.SortOrder.AscendingOrder)
    )
    fetch_all(model)
    statuses = [model.row_object(i).status for i in range(model.rowCount())]
    open_count = statuses.count("在办")
    assert statuses[:open_count] == ["在办"] * open_count
    assert "在办" not in statuses[open_count:]
    open_names = names(model)[:open_count]
    assert open_names == sorted(open_names)
    model.sort(0, Qt.SortOrder.DescendingOrder)  # the prefix does not flip with the column
    assert model.row_object(0).status == "在办"


def test_set_query_filters_rows_and_count(item_db, qtbot):
    model = make_model()
    assert model.total_count() == TOTAL
    with qtbot.waitSignal(model.modelReset):
        model.set_query(lambda: Item.select().where(contains(Item.name, "事项001")))
    assert sorted(names(model)) == [_name(i) for i in range(10, 20)]
    assert model.total_count() == 10
    assert not model.canFetchMore()
    model.set_query(lambda: Item.select().where(Item.status == "已办结"))
    expected = Item.select().where(Item.status == "已办结").count()
    assert model.rowCount() == 200 < expected
    assert model.total_count() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("%", ["百分之百%完成"]),
        ("_", ["下划线_记录"]),
        ("百%完", ["百分之百%完成"]),
        ("线_记", ["下划线_记录"]),
    ],
)
def test_like_wildcards_match_literally(item_db, text, expected):
    model = make_model(lambda: Item.select().where(contains(Item.name, text)))
    assert names(model) == expected
    assert model.total_count() == len(expected)


def test_total_count_is_cached_until_refresh(item_db, qtbot):
    model = make_model()
    assert model.total_count() == TOTAL
    Item.create(name="新登记", created_at=START + dt.timedelta(days=400), status="在办")
    assert model.total_count() == TOTAL
    with qtbot.waitSignal(model.modelReset):
        assert model.refresh()
    assert model.total_count() == TOTAL + 1
    assert model.row_object(0).name == "新登记"  # newest first


def test_refresh_keeps_as_many_rows_as_were_shown(item_db):
    model = make_model(page_size=100)
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 300
    model.refresh()
    assert model.rowCount() == 300
    assert model.canFetchMore()


def test_refresh_after_scrolling_far_reads_a_bounded_number(item_db, monkeypatch):
    monkeypatch.setattr(sql_table, "REFRESH_MAX_ROWS", 250)
    model = make_model(page_size=100)
    fetch_all(model)
    model.refresh()
    assert model.rowCount() == 250
    assert model.canFetchMore()


def test_rows_added_between_pages_are_not_shown_twice(item_db):
    model = make_model(page_size=100)
    Item.create(name="插队", created_at=START + dt.timedelta(days=400), status="在办")
    fetch_all(model)
    shown = [model.id_at(row) for row in range(model.rowCount())]
    assert len(shown) == len(set(shown)) == TOTAL  # the new row is not in (refresh shows it)


def test_ids_roles_and_lookup(item_db):
    model = make_model()
    item = model.row_object(5)
    assert isinstance(item, Item)
    assert model.id_at(5) == item.id
    assert model.data(model.index(5, 2), Qt.ItemDataRole.UserRole) == item.id
    assert model.row_of_id(item.id) == 5
    assert model.row_of_id(-1) is None
    last_id = Item.select(pw.fn.MIN(Item.id)).scalar()  # created first: shown last, not fetched yet
    assert model.row_of_id(last_id) is None
    with pytest.raises(IndexError):
        model.row_object(model.rowCount())


def test_data_for_each_role(item_db):
    model = make_model(lambda: Item.select().where(Item.name == "百分之百%完成"))
    role = Qt.ItemDataRole
    assert model.data(model.index(0, 0)) == "百分之百%完成"
    assert model.data(model.index(0, 0), role.ToolTipRole) == "名称：百分之百%完成"
    assert model.data(model.index(0, 1)) == "2026-01-01 08:00"
    assert model.data(model.index(0, 1), role.TextAlignmentRole) == Qt.AlignmentFlag.AlignCenter
    assert model.data(model.index(0, 2), role.ForegroundRole) == QColor("#b00020")
    assert model.data(model.index(0, 2), role.BackgroundRole) == QColor("#fff3cd")
    assert model.data(model.index(0, 1), role.ForegroundRole) is None
    assert model.data(model.index(0, 3)) == ""
    assert model.headerData(1, Qt.Orientation.Horizontal) == "登记时间"
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_data_and_flags_run_no_sql(item_db):
    model = make_model()
    with TraceSql(item_db) as trace:
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                model.flags(index)
                for role in Qt.ItemDataRole:
                    model.data(index, role)
        model.canFetchMore()
        model.rowCount()
        model.headerData(0, Qt.Orientation.Horizontal)
    assert trace.statements == []


def test_data_still_works_with_the_database_closed(item_db):
    model = make_model()
    item_db.close()
    db_module.database.initialize(None)  # any SQL would now fail instead of reconnecting
    try:
        assert model.data(model.index(0, 0)) == model.row_object(0).name
        assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable
    finally:
        db_module.database.initialize(item_db)


def test_touch_columns_repaints_without_fetching(item_db, qtbot):
    model = make_model()
    with TraceSql(item_db) as trace, qtbot.waitSignal(model.dataChanged) as blocker:
        model.touch_columns([2])
    top_left, bottom_right = blocker.args[:2]
    assert (top_left.row(), top_left.column()) == (0, 2)
    assert (bottom_right.row(), bottom_right.column()) == (199, 2)
    assert trace.statements == []


def test_database_error_keeps_rows_and_reports(item_db, qtbot):
    model = make_model()
    shown = names(model)
    item_db.execute_sql('DROP TABLE "item"')
    with qtbot.waitSignal(model.error) as blocker, qtbot.assertNotEmitted(model.rowsInserted):
        model.fetchMore()
    assert blocker.args[0].startswith("读取列表失败：程序发生意外错误")
    assert names(model) == shown
    assert not model.canFetchMore()  # no retry loop from the view until refresh
    with qtbot.waitSignal(model.error), qtbot.assertNotEmitted(model.modelReset):
        assert model.refresh() is False
    assert names(model) == shown
    with qtbot.waitSignal(model.error):
        assert model.total_count() == len(shown)
    with qtbot.waitSignal(model.error):
        model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.sort_column() == 1  # unchanged: the new order could not be read


def test_refresh_after_an_error_recovers(item_db, qtbot):
    model = make_model()
    item_db.execute_sql('ALTER TABLE "item" RENAME TO "item_away"')
    with qtbot.waitSignal(model.error):
        model.fetchMore()
    item_db.execute_sql('ALTER TABLE "item_away" RENAME TO "item"')
    assert model.refresh()
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == TOTAL


# -- the filter bar ------------------------------------------------------------------------------

STATUSES = ["全部", "在办", "已办结"]


@pytest.fixture
def bar(qtbot, clock):
    widget = FilterBar(STATUSES)
    qtbot.addWidget(widget)
    return widget


def test_typing_is_debounced_into_one_change(bar, qtbot):
    emitted = []
    bar.changed.connect(emitted.append)
    with qtbot.waitSignal(bar.changed, timeout=2000) as blocker:
        qtbot.keyClicks(bar.search, "0012 ")  # QTest types ASCII only
    assert blocker.args == [Filters(text="0012")]
    assert emitted == [Filters(text="0012")]
    assert bar.filters() == bar.applied() == Filters(text="0012")


def test_enter_applies_at_once(bar, qtbot):
    emitted = []
    bar.changed.connect(emitted.append)
    qtbot.keyClicks(bar.search, "2026")
    assert emitted == []
    qtbot.keyClick(bar.search, Qt.Key.Key_Return)
    assert emitted == [Filters(text="2026")]
    qtbot.wait(400)  # the debounce timer was stopped: no second signal
    assert emitted == [Filters(text="2026")]


def test_date_range(bar, qtbot):
    assert not bar.date_from.isEnabled()
    assert bar.date_from.calendarPopup()
    with qtbot.waitSignal(bar.changed) as blocker:
        bar.date_check.setChecked(True)
    assert blocker.args == [Filters(date_from=dt.date(2026, 9, 9), date_to=dt.date(2026, 10, 9))]
    assert bar.date_from.isEnabled() and bar.date_to.isEnabled()
    with qtbot.waitSignal(bar.changed, timeout=2000) as blocker:
        bar.date_from.setDate(QDate(2026, 10, 1))
    assert blocker.args[0].date_from == dt.date(2026, 10, 1)
    with qtbot.waitSignal(bar.changed, timeout=2000) as blocker:
        bar.date_from.setDate(QDate(2026, 12, 1))  # past the end: the end follows
    assert blocker.args == [Filters(date_from=dt.date(2026, 12, 1), date_to=dt.date(2026, 12, 1))]
    with qtbot.waitSignal(bar.changed) as blocker:
        bar.date_check.setChecked(False)
    assert blocker.args == [Filters()]


def test_status_and_clear(bar, qtbot):
    with qtbot.waitSignal(bar.changed) as blocker:
        bar.status.setCurrentIndex(1)
    assert blocker.args == [Filters(status="在办")]
    bar.search.setText("来访")
    bar.apply()
    bar.date_check.setChecked(True)
    with qtbot.waitSignal(bar.changed) as blocker:
        qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [Filters()]
    assert bar.search.text() == "" and bar.status.currentIndex() == 0 and not bar.date_check.isChecked()
    with qtbot.assertNotEmitted(bar.changed):
        bar.clear()  # nothing to clear
        qtbot.wait(400)


def test_set_filters(bar, qtbot):
    wanted = Filters("车辆", dt.date(2026, 3, 1), dt.date(2026, 3, 31), "已办结")
    with qtbot.waitSignal(bar.changed) as blocker:
        bar.set_filters(wanted)
    assert blocker.args == [wanted]
    assert bar.filters() == wanted
    with qtbot.assertNotEmitted(bar.changed, wait=400):
        bar.set_filters(wanted)


def test_focus_search(bar, qtbot):
    bar.show()
    qtbot.waitExposed(bar)
    bar.activateWindow()
    bar.search.setText("旧的")
    bar.focus_search()
    qtbot.waitUntil(bar.search.hasFocus)
    assert bar.search.selectedText() == "旧的"


def test_filter_bar_without_statuses(qtbot):
    widget = FilterBar([])
    qtbot.addWidget(widget)
    assert widget.status.isHidden()
    assert widget.filters() == Filters()


# -- the register view ---------------------------------------------------------------------------


@pytest.fixture
def view(item_db, qtbot, clock):
    widget = RegisterView(make_model(), STATUSES)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_view_setup(view, qtbot):
    table = view.table
    assert table.model() is view.model
    assert table.isSortingEnabled()
    assert table.horizontalHeader().sortIndicatorSection() == 1
    assert table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert table.alternatingRowColors() and not table.wordWrap()
    assert table.horizontalHeader().stretchLastSection()
    assert table.horizontalHeader().sectionSize(1) == 140
    qtbot.waitUntil(lambda: view.count_label.text() == f"共 {TOTAL} 条")
    assert view.model.rowCount() < TOTAL  # showing the table did not fetch everything


def test_double_click_emits_id(view, qtbot):
    rect = view.table.visualRect(view.model.index(2, 0))
    with qtbot.waitSignal(view.activated) as blocker:
        # A real double-click: press/release, then the double-click event (QTest's alone has no press).
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [view.model.id_at(2)]


def test_enter_emits_id(view, qtbot):
    assert view.select_id(view.model.id_at(4))
    view.table.setFocus()
    with qtbot.waitSignal(view.activated) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert blocker.args == [view.model.id_at(4)]
    assert view.current_id() == view.model.id_at(4)


def test_header_click_sorts_in_sql(view, qtbot):
    header = view.table.horizontalHeader()
    with qtbot.waitSignal(view.model.modelReset):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_center(header, 0))
    assert view.model.sort_column() == 0
    assert view.model.row_object(0).name == Item.select().order_by(Item.name).first().name


def test_header_click_on_unsortable_column_keeps_order(view, qtbot):
    header = view.table.horizontalHeader()
    with qtbot.assertNotEmitted(view.model.modelReset):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_center(header, 3))
    assert header.sortIndicatorSection() == 1
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert view.model.sort_column() == 1


def test_selection_survives_refresh_and_count_follows(view, qtbot):
    wanted = view.model.id_at(7)
    view.select_id(wanted)
    Item.create(name="新登记", created_at=START + dt.timedelta(days=400), status="在办")
    view.model.refresh()
    assert view.current_id() == wanted
    assert view.model.row_of_id(wanted) == 8
    qtbot.waitUntil(lambda: view.count_label.text() == f"共 {TOTAL + 1} 条")


def test_filters_changed_is_re_emitted(view, qtbot):
    def apply(filters: Filters):
        view.model.set_query(lambda: Item.select().where(contains(Item.name, filters.text)))

    view.filters_changed.connect(apply)
    with qtbot.waitSignal(view.filters_changed) as blocker:
        view.filter_bar.search.setText("事项000")
        qtbot.keyClick(view.filter_bar.search, Qt.Key.Key_Enter)
    assert blocker.args == [Filters(text="事项000")]
    qtbot.waitUntil(lambda: view.count_label.text() == "共 10 条")
    assert view.current_id() is None
    assert view.select_id(-1) is False


def test_view_shows_database_errors(view, item_db, qtbot):
    qtbot.waitUntil(lambda: view.count_label.text() == f"共 {TOTAL} 条")
    item_db.execute_sql('DROP TABLE "item"')
    view.model.refresh()
    assert "意外错误" in view.count_label.text()
    assert view.model.rowCount() > 0
    qtbot.wait(50)  # no pending count overwrites the message
    assert "意外错误" in view.count_label.text()


def _section_center(header, section):
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


def test_a_locked_file_is_said_as_locked_not_as_a_bug(item_db, qtbot):
    """The list says the file is busy (another writer), by the one error policy, and logs nothing."""
    import sqlite3

    def locked():
        raise pw.OperationalError(sqlite3.OperationalError("database is locked"))

    model = SqlTableModel(COLUMNS, locked)
    with qtbot.waitSignal(model.error) as blocker:
        model.refresh()
    assert blocker.args[0].startswith("读取列表失败：数据文件正被其他程序写入")
