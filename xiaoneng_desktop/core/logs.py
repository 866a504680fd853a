"""The program's log file: where it is, one handler on the package logger, tracebacks into it.

Both entry points (cli and app) and core/errors write here, so a bug met in a dialog, in a background
task or on the command line ends up in the same file the user is told about. Nothing here needs Qt.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import tempfile
from pathlib import Path

from xiaoneng_desktop import APP_NAME, __version__

LOG_FILE_NAME = "xiaoneng.log"
LOG_MAX_BYTES = 1_000_000

#: The package's logger; every module's ``logging.getLogger(__name__)`` propagates to it.
logger = logging.getLogger("xiaoneng_desktop")

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_path() -> Path:
    """The log file in the user's own folders (…/xiaoneng/log/xiaoneng.log, per platform)."""
    import platformdirs

    return Path(platformdirs.user_log_dir("xiaoneng", appauthor=False)) / LOG_FILE_NAME


class MaskingFormatter(logging.Formatter):
    """Every line written to the log, traceback included, with 身份证号 masked (4306**********1234):
    an exception message or a bad value quoted in one never puts a full number in the file."""

    def format(self, record: logging.LogRecord) -> str:
        from xiaoneng_desktop.core.validation import mask_id_numbers_in

        return mask_id_numbers_in(super().format(record))


def _file_handler() -> logging.FileHandler | None:
    return next((h for h in logger.handlers if isinstance(h, logging.FileHandler)), None)


def setup_logging() -> Path | None:
    """Make sure the package logger writes to the log file; returns the file in use.

    Falls back to the temp folder when the user's log folder cannot be written, and gives None when
    no file can be opened at all (then nothing is written: a traceback must not land on the screen).
    Cheap to call again; follows ``log_path()`` if it changed (tests point it elsewhere).
    """
    import logging.handlers  # (socket, pickle…) only once something is logged, not at every start

    current = _file_handler()
    for candidate in (log_path, lambda: Path(tempfile.gettempdir()) / LOG_FILE_NAME):
        try:
            path = candidate()
            if current is not None and Path(current.baseFilename) == path.absolute():
                return path
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = logging.handlers.RotatingFileHandler(
                path, maxBytes=LOG_MAX_BYTES, backupCount=1, encoding="utf-8"
            )
        except Exception:  # noqa: BLE001 - a log that cannot be written must not hide the error itself
            continue
        handler.setFormatter(MaskingFormatter(_FORMAT))
        if current is not None:
            logger.removeHandler(current)
            current.close()
        logger.addHandler(handler)
        if logger.level == logging.NOTSET or logger.level > logging.INFO:
            logger.setLevel(logging.INFO)
        return path
    return None


def log_exception(exc: BaseException, what: str = "意外错误") -> Path:
    """Write ``exc`` with its traceback and the program's version to the log; returns the log file."""
    path = setup_logging()
    if path is None:
        return log_path()
    logger.error(
        "%s — %s %s, Python %s, %s, argv %r",
        what, APP_NAME, __version__, sys.version.split()[0], sys.platform, sys.argv,
        exc_info=(type(exc), exc, exc.__traceback__),
    )
    handler = _file_handler()
    if handler is not None:
        with contextlib.suppress(Exception):
            handler.flush()
    return path


def one_line(exc: BaseException) -> str:
    from xiaoneng_desktop.core.validation import mask_id_numbers_in

    text = mask_id_numbers_in(" ".join(str(exc).split())) or "（无说明）"
    if len(text) > 200:
        text = text[:199] + "…"
    return f"{type(exc).__name__}: {text}"


def unexpected_error_message(exc: BaseException, log: Path) -> str:
    return f"发生意外错误：{one_line(exc)}，详细信息已写入日志 {log}"


def say(message: str) -> None:
    """A line on stderr, if there is one (pythonw has none)."""
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            print(message, file=sys.stderr, flush=True)

