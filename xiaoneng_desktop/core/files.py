"""Writing a file the user asked for (an export, a report, a template, a form) in one piece.

The writer writes a temporary file beside the target and it is renamed onto the target only once
complete: a full disk, a crash or a bug half-way leaves no broken .xlsx/.pdf under the real name,
and a file it replaces survives until then. Same folder, so the rename is atomic (os.replace).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def partial_path(target: Path) -> Path:
    # Hidden, with the process id: two programs writing the same target do not share a temporary file.
    return target.with_name(f".{target.name}.{os.getpid()}.partial")


def write_atomically(target: Path | str, write: Callable[[Path], T]) -> T:
    """Call ``write(temporary_path)``, then move the result onto ``target``; on any failure the
    temporary file is removed and the error raised again (``target`` untouched)."""
    target = Path(target)
    partial = partial_path(target)
    try:
        result = write(partial)
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise
    return result


def write_bytes_atomically(target: Path | str, data: bytes) -> Path:
    target = Path(target)
    write_atomically(target, lambda partial: partial.write_bytes(data))
    return target
