"""One start of the program (or of a bare reference window), timed from the outside by bench/run.py.

    python3 bench/startup_probe.py --db FILE                 the real program, quit after the first paint
    python3 bench/startup_probe.py --db FILE --measure ...   then time the duty tab's filters in this process
    python3 bench/startup_probe.py --db postgresql://…       the same on a server database
    python3 bench/startup_probe.py --bare                    QMainWindow + QTabWidget with four empty tabs

The program starts exactly as ``xiaoneng --db FILE`` does: ``cli.main(["--db", FILE])`` → ``app.run_gui``.
The probe only creates the QApplication first (run_gui uses an existing one: ``QApplication.instance() or
…``) so that it can watch for the first Paint event of the main window; it changes nothing in the program.

Prints one JSON line on stdout: ``painted`` (time.time() when the main window got its first Paint event),
``frame`` (when the event loop was next idle, i.e. the whole first frame was painted), ``overview`` (when
概览, built and read just after the first paint, was painted), ``rss_mb`` (peak
resident memory so far) and, with --measure, the timings of the duty tab.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The bare reference window has the size the program gives itself on a large screen (first start).
BARE_SIZE = (1200, 760)
#: How long to wait for a repaint or the "共 N 条" count before giving up (seconds).
WAIT_LIMIT = 5.0
#: A window that is never painted: give up after this long (seconds), exit code 3.
PAINT_LIMIT_S = int(os.environ.get('XIAONENG_PROBE_LIMIT_S', '60'))


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MiB (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def emit(result: dict) -> None:
    sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def install_first_paint_hook(app, on_painted) -> None:
    """Call ``on_painted(window, painted_at)`` once, at the first Paint event of a QMainWindow."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, obj, event):  # noqa: N802 - Qt override
            if not self.done and event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
                self.done = True
                painted_at = time.time()
                app.removeEventFilter(self)
                on_painted(obj, painted_at)
            return False

    hook = FirstPaint(app)
    app.installEventFilter(hook)

    def give_up() -> None:
        if not hook.done:
            print(f"startup_probe: no main window painted within {PAINT_LIMIT_S} s", file=sys.stderr)
            shown = [f"{type(w).__name__} “{w.windowTitle()}”" for w in app.topLevelWidgets() if w.isVisible()]
            print(f"startup_probe: windows shown: {', '.join(shown) or 'none'}", file=sys.stderr)
            for window in app.topLevelWidgets():
                window.close()
            app.exit(3)

    QTimer.singleShot(PAINT_LIMIT_S * 1000, give_up)


def after_first_frame(app, window, painted_at: float, then) -> None:
    """Once the event loop is idle again (the whole first frame painted), record it and run ``then``."""
    from PySide6.QtCore import QTimer

    def idle() -> None:
        result = {"painted": painted_at, "frame": time.time(), "rss_at_paint_mb": round(peak_rss_mb(), 1)}
        then(window, result)

    QTimer.singleShot(0, idle)


def overview_shown(app, window) -> float:
    """time.time() when 概览 (imported, built and read just after the first paint) has been painted."""
    deadline = time.perf_counter() + WAIT_LIMIT
    place = getattr(window, "dashboard_place", None)
    while place is not None and place.widget is None and time.perf_counter() < deadline:
        app.processEvents()
    app.processEvents()  # its paint
    return time.time()


# ---------------------------------------------------------------------------------------- duty tab


class DutyTabTimer:
    """Times the duty tab's list: call → the model holds its first page → that page is painted and flushed
    (the window's UpdateRequest that painted the table has returned) → "共 N 条" is shown under it."""

    def __init__(self, app, tab):
        from PySide6.QtCore import QEvent, QObject

        self.app = app
        self.tab = tab
        self.armed = False
        self.table_painted = False
        self.shown_at: float | None = None
        outer = self

        class TablePaints(QObject):
            def eventFilter(self, obj, event):  # noqa: N802 - Qt override
                if outer.armed and event.type() == QEvent.Type.Paint:
                    outer.table_painted = True
                return False

        class FrameEnds(QObject):
            """The window repaints all its dirty widgets inside one UpdateRequest: handle it here so
            that the time after it is known, then swallow it (it has been handled exactly once)."""

            def eventFilter(self, obj, event):  # noqa: N802 - Qt override
                if not (outer.armed and event.type() == QEvent.Type.UpdateRequest and obj is window):
                    return False
                obj.event(event)
                if outer.table_painted and outer.shown_at is None:
                    outer.shown_at = time.perf_counter()
                return True

        window = tab.window()
        self._table_paints = TablePaints(tab)
        self._frame_ends = FrameEnds(tab)
        tab.view.table.viewport().installEventFilter(self._table_paints)
        window.installEventFilter(self._frame_ends)

    def _settle(self) -> None:
        """Let every pending event run (repaint, count) so that one measurement does not leak into the next."""
        deadline = time.perf_counter() + WAIT_LIMIT
        self.app.processEvents()
        while self.counting() and time.perf_counter() < deadline:
            self.app.processEvents()
        self.app.processEvents()

    def counting(self) -> bool:
        """"共 N 条" not shown yet: empty (the probe's marker) or "共 … 条" (counted on a worker thread)."""
        from xiaoneng_desktop.ui.widgets.register_view import COUNTING_TEXT

        return self.tab.view.count_label.text() in ("", COUNTING_TEXT)

    def time_it(self, action) -> dict:
        """ms from calling ``action`` to: the model holding its first page, that page painted on screen,
        and the "共 N 条" label under the table filled in again."""
        view = self.tab.view
        self._settle()
        view.count_label.setText("")  # the probe's marker: the view writes the count here again
        self.app.processEvents()
        self.table_painted, self.shown_at, self.armed = False, None, True
        # The event-loop latency probe: a timer due every 1 ms; the longest gap between its ticks after
        # the action returned is the longest time the window could not respond (painting, the count).
        from PySide6.QtCore import Qt, QTimer

        ticker = QTimer()
        ticker.setTimerType(Qt.TimerType.PreciseTimer)
        ticker.setInterval(1)
        gaps = {"last": 0.0, "max": 0.0}

        def tick() -> None:
            now = time.perf_counter()
            gaps["max"] = max(gaps["max"], now - gaps["last"])
            gaps["last"] = now

        ticker.timeout.connect(tick)
        try:
            start = time.perf_counter()
            action()
            model_ready = gaps["last"] = time.perf_counter()
            ticker.start()
            deadline = model_ready + WAIT_LIMIT
            while self.shown_at is None and time.perf_counter() < deadline:
                self.app.processEvents()
            while self.counting() and time.perf_counter() < deadline:
                self.app.processEvents()
            counted = time.perf_counter() if not self.counting() else float("nan")
            tick()
        finally:
            ticker.stop()
            self.armed = False
        shown = self.shown_at if self.shown_at is not None else float("nan")
        return {
            "model": (model_ready - start) * 1000,
            "shown": (shown - start) * 1000,
            "counted": (counted - start) * 1000,
            "block": gaps["max"] * 1000,
            "rows": self.tab.model.rowCount(),
            "count_text": view.count_label.text(),
        }


def measure_duty_tab(app, window, args) -> dict:
    import datetime as dt

    from xiaoneng_desktop.ui.duty.tab import DutyTab
    from xiaoneng_desktop.ui.widgets.filter_bar import Filters

    window.tabs.setCurrentIndex(1)  # the duty tab is built the first time it is shown
    app.processEvents()
    tab = window.findChild(DutyTab)
    if tab is None:
        raise SystemExit("startup_probe: the main window has no DutyTab")
    timer = DutyTabTimer(app, tab)
    everything = Filters(status="全部")

    def month(text: str) -> Filters:
        first = dt.date.fromisoformat(text + "-01")
        following = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        return Filters(date_from=first, date_to=following - dt.timedelta(days=1), status="全部")

    cases: list[tuple[str, str, object]] = [
        ("first_page", "首页（model.refresh）", tab.model.refresh),
    ]
    for key, label, filters in (
        ("search_common", f"搜索常见词“{args.common}”", Filters(text=args.common, status="全部")),
        ("search_rare", f"搜索少见词“{args.rare}”", Filters(text=args.rare, status="全部")),
        ("search_none", f"搜索不存在的词“{args.absent}”", Filters(text=args.absent, status="全部")),
        ("month_old", f"日期筛选 {args.old_month}（最早的整月）", month(args.old_month)),
        ("month_recent", f"日期筛选 {args.recent_month}（最近的整月）", month(args.recent_month)),
    ):
        cases.append((key, label, lambda f=filters: tab.apply_filters(f)))
    cases.append(("f5_refresh", "整个标签页刷新（F5: DutyTab.refresh）", tab.refresh))

    samples: dict[str, list[dict]] = {key: [] for key, _, _ in cases}
    for _ in range(args.repeat):
        for key, _label, action in cases:
            # Each timed action starts from the unfiltered list, as a user's search does.
            timer.time_it(lambda: tab.apply_filters(everything))
            samples[key].append(timer.time_it(action))
    timer.time_it(lambda: tab.apply_filters(everything))

    results = {}
    for key, label, _ in cases:
        runs = samples[key]
        results[key] = {
            "label": label,
            "model_ms": statistics.median(r["model"] for r in runs),
            "shown_ms": statistics.median(r["shown"] for r in runs),
            "counted_ms": statistics.median(r["counted"] for r in runs),
            "first_ms": runs[0]["shown"],
            "max_ms": max(r["shown"] for r in runs),
            "block_ms": max(r["block"] for r in runs),
            "rows": runs[-1]["rows"],
            "count_text": runs[-1]["count_text"],
        }
    return results


# ---------------------------------------------------------------------------------------- runs


def run_program(args) -> int:
    from PySide6.QtWidgets import QApplication

    # What run_gui would create; it takes an existing instance as it is.
    app = QApplication.instance() or QApplication([sys.argv[0]])
    out: dict = {"kind": "program"}

    def finish(window, result: dict) -> None:
        out.update(result)
        out["overview"] = overview_shown(app, window)
        try:
            if args.measure:
                out["duty"] = measure_duty_tab(app, window, args)
        finally:
            out["rss_mb"] = round(peak_rss_mb(), 1)
            window.close()
            app.quit()

    install_first_paint_hook(app, lambda window, at: after_first_frame(app, window, at, finish))

    from xiaoneng_desktop import cli

    code = cli.main(["--db", str(args.db)])
    out["exit_code"] = code
    emit(out)
    return code


def run_bare(args) -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

    app = QApplication([sys.argv[0]])
    out: dict = {"kind": "bare"}

    def finish(window, result: dict) -> None:
        out.update(result)
        out["rss_mb"] = round(peak_rss_mb(), 1)
        window.close()
        app.quit()

    install_first_paint_hook(app, lambda window, at: after_first_frame(app, window, at, finish))
    window = QMainWindow()
    tabs = QTabWidget(window)
    for name in ("值班记录", "公文流转", "来访接待", "五查自查"):
        tabs.addTab(QWidget(tabs), name)
    window.setCentralWidget(tabs)
    window.resize(*BARE_SIZE)
    window.show()
    code = app.exec()
    out["exit_code"] = code
    emit(out)
    return code


def _target(text: str) -> Path | str:
    """A data file, or a server address as it is (``postgresql://…``)."""
    return text if text.lower().startswith(("postgresql://", "postgres://")) else Path(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    kind = parser.add_mutually_exclusive_group(required=True)
    kind.add_argument("--db", type=_target, help="the data file (or postgresql:// address) the program opens")
    kind.add_argument("--bare", action="store_true", help="a bare PySide6 window with four empty tabs")
    parser.add_argument("--measure", action="store_true", help="after the paint, time the duty tab's list")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each duty-tab measurement (median)")
    parser.add_argument("--common", default="通知", help="a word found in many calls")
    parser.add_argument("--rare", default="噪音", help="a word found in few calls")
    parser.add_argument("--absent", default="冰雹", help="a word found in no call")
    parser.add_argument("--old-month", default="2017-01", help="YYYY-MM near the start of the data")
    parser.add_argument("--recent-month", default="2026-10", help="YYYY-MM near the end of the data")
    args = parser.parse_args(argv)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # the checkout's package, also when it is not installed
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return run_bare(args) if args.bare else run_program(args)


if __name__ == "__main__":
    sys.exit(main())
