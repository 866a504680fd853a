"""Long work off the GUI thread (a month's report, demo data, an import), with progress and cancel.

The work runs on its own SQLite connection (peewee opens one per thread) and hands back plain data;
its result or its exception comes back to the GUI thread through signals (Picard's run_task habit),
so no error is lost and no widget is touched from the worker. A failure that no slot is connected
to hear is written to the log file with its traceback rather than dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMetaMethod, QThread, Signal, Slot

from xiaoneng_desktop.core import logs


class Cancelled(Exception):
    """Raised inside the work from its progress callback once the user asked to cancel."""


class BackgroundTask(QThread):
    """``work(progress)`` in a thread; ``progress(*args)`` reports (and raises Cancelled when asked)."""

    progressed = Signal(object)  # the arguments the work passed to progress, as a tuple
    succeeded = Signal(object)  # the work's result
    failed = Signal(object)  # the exception it raised
    cancelled = Signal()

    def __init__(self, work: Callable[[Callable[..., None]], Any], parent=None):
        super().__init__(parent)
        self.work = work
        self.cancel_requested = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.was_cancelled = False
        self.finished.connect(self._report)

    @Slot()
    def request_cancel(self) -> None:
        self.cancel_requested = True

    def _progress(self, *args: Any) -> None:
        if self.cancel_requested:
            raise Cancelled
        self.progressed.emit(args)

    def run(self) -> None:
        from xiaoneng_desktop.core import db

        try:
            self.result = self.work(self._progress)
        except Cancelled:
            self.was_cancelled = True
        except BaseException as exc:  # noqa: BLE001 - handed back to the GUI thread
            self.error = exc
        finally:
            if db.database.obj is not None and not db.database.obj.is_closed():
                db.database.obj.close()  # this thread's connection only

    def _report(self) -> None:
        """On the GUI thread, once the thread has finished."""
        if self.was_cancelled:
            self.cancelled.emit()
        elif self.error is not None:
            if self.isSignalConnected(QMetaMethod.fromSignal(self.failed)):
                self.failed.emit(self.error)
            else:
                logs.log_exception(self.error, "后台任务的意外错误（无人处理）")
        else:
            self.succeeded.emit(self.result)
