"""Where the program's files go, for every save dialog: the folder last used (remembered on this PC),
else the user's 文档 folder (made when missing; the home folder when it cannot be made); default names
that carry the date or month ("来访登记_2026-12-02.xlsx"); no file replaced without asking; and after
writing, a message with 打开文件 / 打开所在文件夹."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

#: The QSettings key of the folder the last file was saved in (or chosen).
LAST_FOLDER_KEY = "files/last_folder"

#: Characters no file name may hold on Windows (and "/" nowhere).
_BAD_CHARACTERS = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def settings() -> QSettings:
    """This PC's settings (tests put a file of their own here)."""
    return QSettings()


def documents_location() -> str:
    """The user's 文档 folder as the system names it ("" when it has none)."""
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def open_url(url: QUrl) -> bool:
    """Open a file or folder in the system's program for it (tests replace this)."""
    return QDesktopServices.openUrl(url)


def documents_folder() -> Path:
    """The 文档 folder, made when it does not exist yet; the home folder when it cannot be made."""
    location = documents_location()
    if location:
        folder = Path(location)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass
        else:
            if folder.is_dir():
                return folder
    return Path.home()


def start_folder() -> Path:
    """Where a save dialog opens: the folder used last, if it still exists, else 文档."""
    value = settings().value(LAST_FOLDER_KEY)
    if value:
        folder = Path(str(value))
        if folder.is_dir():
            return folder
    return documents_folder()


def remember(path: Path | str) -> None:
    """Remember the folder of ``path`` (or ``path`` itself, a folder) for the next save dialog."""
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    store = settings()
    store.setValue(LAST_FOLDER_KEY, str(folder))
    store.sync()


def file_stem(text: str) -> str:
    """``text`` made a valid file name on every system: forbidden characters become "-"."""
    return _BAD_CHARACTERS.sub("-", text).strip(" .-") or "文件"


def dated_name(stem: str, suffix: str, *, day: dt.date | None = None, month: tuple[int, int] | None = None) -> str:
    """"来访登记_2026-12-02.xlsx" (a day), "值班记录_2026-10.xlsx" (a month); "_" joins, never a repeated word."""
    if month is not None:
        when = f"{month[0]:04d}-{month[1]:02d}"
    else:
        if day is None:
            from xiaoneng_desktop.core import clock

            day = clock.today()
        when = f"{day:%Y-%m-%d}"
    suffix = suffix if suffix.startswith(".") else f".{suffix}"
    return f"{file_stem(stem)}_{when}{suffix}"


def period_name(stem: str, suffix: str, date_from: dt.date | None, date_to: dt.date | None) -> str:
    """A list's name by what its filter shows: one whole month → "_2026-10", one day → that day,
    anything else → today."""
    if date_from is not None and date_to is not None:
        if date_from == date_to:
            return dated_name(stem, suffix, day=date_from)
        next_month = (date_from.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        if date_from.day == 1 and date_to == next_month - dt.timedelta(days=1):
            return dated_name(stem, suffix, month=(date_from.year, date_from.month))
    return dated_name(stem, suffix)


def _suffix_of(filters: str) -> str:
    """The first extension of a dialog's filter ("Excel 工作簿 (*.xlsx)" → ".xlsx"), or "" when the
    filter also offers every file ("所有文件 (*)")."""
    if "(*)" in filters:
        return ""
    match = re.search(r"\*(\.\w+)", filters)
    return match.group(1).lower() if match else ""


def ask_save_path(parent: QWidget | None, title: str, name: str, filters: str,
                  folder: Path | str | None = None) -> Path | None:
    """The save dialog, opening in ``folder`` (else the remembered folder, else 文档) with ``name``
    suggested. The chosen name gets the filter's extension when it lacks one; a file of that name
    is replaced only when the user says so (Qt's dialog asked about the name it returned, not this
    one). The folder is remembered. None when the user cancelled."""
    start = Path(folder) if folder is not None and Path(folder).is_dir() else start_folder()
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(start / name), filters)
    if not chosen:
        return None
    target = Path(chosen)
    suffix = _suffix_of(filters)
    if suffix and target.suffix.lower() != suffix:
        target = target.with_name(target.name + suffix)
        if not confirm_overwrite(parent, title, [target]):
            return None
    remember(target.parent)
    return target


def ask_folder(parent: QWidget | None, title: str, current: str = "") -> str | None:
    """Choose a folder, opening at ``current`` when it exists, else where the last file went."""
    start = current if current and Path(current).is_dir() else str(start_folder())
    chosen = QFileDialog.getExistingDirectory(parent, title, start)
    if not chosen:
        return None
    remember(Path(chosen))
    return chosen


def existing(paths: Iterable[Path | None]) -> list[Path]:
    return [Path(p) for p in paths if p is not None and os.path.lexists(p)]  # a file, folder or link


def confirm_overwrite(parent: QWidget | None, title: str, paths: Iterable[Path | None]) -> bool:
    """True when none of ``paths`` exists, or the user agreed to replace those that do (named)."""
    present = existing(paths)
    if not present:
        return True
    names = "\n".join(f"“{p.name}”" for p in present)
    where = present[0].parent
    from xiaoneng_desktop.ui.widgets.record_dialog import ask_choice  # not at start: columns read settings()

    Role = QMessageBox.ButtonRole
    return ask_choice(parent, title,
                      f"文件夹“{where}”中已有下列文件：\n{names}\n\n要替换{'它' if len(present) == 1 else '它们'}吗？",
                      [("替换", Role.AcceptRole), ("取消", Role.RejectRole)], default=1, escape=1) == 0


def ensure_folder(parent: QWidget | None, title: str, folder: Path) -> bool:
    """True when ``folder`` exists, or the user agreed to make it and it was made."""
    if folder.is_dir():
        return True
    from xiaoneng_desktop.ui.widgets.record_dialog import ask_choice

    Role = QMessageBox.ButtonRole
    if ask_choice(parent, title, f"文件夹“{folder}”不存在，要新建它吗？",
                  [("新建文件夹", Role.AcceptRole), ("取消", Role.RejectRole)], default=0, escape=1) != 0:
        return False
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        QMessageBox.warning(parent, title, f"无法新建文件夹“{folder}”：{exc.strerror or exc}")
        return False
    return True


def _open_button_text(path: Path, several: bool) -> str:
    if not several:
        return "打开文件"
    kind = {".xlsx": "Excel", ".pdf": "PDF"}.get(path.suffix.lower(), path.suffix[1:].upper())
    return f"打开{kind}文件"


def show_written(parent: QWidget | None, title: str, text: str, paths: Iterable[Path | str]) -> QMessageBox | None:
    """Say what was written, with 打开文件 (one per file) and 打开所在文件夹; the box does not block
    (it is returned: a test clicks its buttons). The folder is remembered for the next dialog."""
    written = [Path(p) for p in paths]
    if not written:
        return None
    remember(written[0].parent)
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.setObjectName("written_box")
    actions = {}
    for path in written:
        button = box.addButton(_open_button_text(path, len(written) > 1), QMessageBox.ButtonRole.ActionRole)
        actions[button] = path
    folder_button = box.addButton("打开所在文件夹", QMessageBox.ButtonRole.ActionRole)
    actions[folder_button] = written[0].parent
    close = box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(close)
    box.setEscapeButton(close)

    def clicked(button) -> None:
        path = actions.get(button)
        if path is not None:
            open_url(QUrl.fromLocalFile(str(path)))

    box.buttonClicked.connect(clicked)
    box.finished.connect(box.deleteLater)
    box.open()
    return box
