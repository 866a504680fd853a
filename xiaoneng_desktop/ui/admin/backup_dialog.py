"""工具 → 备份与恢复: the backups in the backup folder, 立即备份, 恢复所选…, 打开文件夹.

The work is core/backups (no Qt); listing and backing up run in a worker so the window never freezes.
Restoring goes through the main window (``restore_backup``), which closes and reopens the data file.
The folder, the interval and the rotation are settings, edited in 工具 → 单位设置 → 备份.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from xiaoneng_desktop import schema
from xiaoneng_desktop.core import backups, errors
from xiaoneng_desktop.core import db as db_module
from xiaoneng_desktop.core.session import PermissionDenied
from xiaoneng_desktop.ui.widgets.background import BackgroundTask


def format_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


class BackupDialog(QDialog):
    COLUMNS = ("备份时间", "大小", *schema.FILE_KIND.registers, "状态", "文件名")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("备份与恢复")
        self.resize(820, 460)
        self.window_ = parent
        self.data_path = Path(parent.db_path)
        self.folder, hours, policy = parent._backup_settings()
        self.task: BackgroundTask | None = None
        self.infos: list[backups.BackupInfo] = []

        self.folder_label = QLabel(f"备份文件夹：{self.folder}")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setWordWrap(True)
        automatic = f"每 {hours} 小时（启动和退出时也各备份一次）" if hours > 0 else "已关闭"
        self.policy_label = QLabel(
            f"自动备份：{automatic}；保留最近 {policy.daily} 天每天一份、{policy.weekly} 周每周一份、"
            f"{policy.monthly} 个月每月一份。可在“工具 → 单位设置 → 备份”中修改。"
        )
        self.policy_label.setWordWrap(True)

        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.backup_button = QPushButton("立即备份")
        self.restore_button = QPushButton("恢复所选…")
        self.restore_button.setToolTip("先备份当前数据文件，再用所选备份替换它")
        self.folder_button = QPushButton("打开文件夹")
        self.close_button = QPushButton("关闭")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.folder_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.policy_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self.refresh()

    # ------------------------------------------------------------------ work in a worker

    def _run(self, work, done, busy_text: str) -> BackgroundTask | None:
        if self.task is not None:
            return None
        task = self.task = BackgroundTask(work, self)
        self.status_label.setText(busy_text)
        self._update_buttons()

        def finish() -> None:
            self.task = None
            task.deleteLater()
            self._update_buttons()

        def succeeded(result) -> None:
            finish()
            done(result)

        def failed(exc: BaseException) -> None:
            finish()
            if isinstance(exc, backups.BackupError | PermissionDenied):
                text = str(exc)
            else:
                text = errors.describe(exc, action="备份", subject=f"备份文件夹“{self.folder}”").text
            self.status_label.setText(text)

        task.succeeded.connect(succeeded)
        task.failed.connect(failed)
        task.start()
        return task

    def refresh(self) -> BackgroundTask | None:
        folder = self.folder
        return self._run(lambda _p: backups.list_backups(folder, schema.FILE_KIND), self._show, "正在读取备份…")

    def backup_now(self) -> BackgroundTask | None:
        path, folder = self.data_path, self.folder

        def done(info: backups.BackupInfo) -> None:
            self.status_label.setText(f"已备份：{info.path.name}")
            self.refresh()

        if db_module.on_server():  # the window copies a server's tables on its own thread
            try:
                done(self.window_.backup_server_now(folder))
            except (backups.BackupError, PermissionDenied) as exc:
                self.status_label.setText(str(exc))
            return None
        return self._run(lambda _p: backups.backup_now(path, folder, schema.FILE_KIND), done, "正在备份…")

    def _show(self, infos: list[backups.BackupInfo]) -> None:
        self.infos = infos
        self.table.setRowCount(len(infos))
        for row, info in enumerate(infos):
            health = info.health
            counts = [str(health.counts[label]) if label in health.counts else "" for label in
                      schema.FILE_KIND.registers]
            state = "完好" if health.ok else "损坏或不可用"
            cells = [f"{info.moment:%Y-%m-%d %H:%M:%S}", format_size(info.size), *counts, state, info.path.name]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == len(cells) - 2 and not health.ok:
                    item.setToolTip(health.problem or "")
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(row, column, item)
        if self.status_label.text() == "正在读取备份…":
            self.status_label.setText(f"共 {len(infos)} 份备份。" if infos else "备份文件夹中还没有备份。")
        self._update_buttons()

    def selected(self) -> backups.BackupInfo | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.infos[min(rows)] if rows and min(rows) < len(self.infos) else None

    def _update_buttons(self) -> None:
        idle = self.task is None
        chosen = self.selected()
        self.backup_button.setEnabled(idle)
        self.restore_button.setEnabled(idle and chosen is not None and chosen.health.ok)

    # ------------------------------------------------------------------ restore, folder

    def restore_selected(self) -> bool:
        chosen = self.selected()
        if chosen is None or self.task is not None:
            return False
        answer = QMessageBox.question(
            self, "恢复备份",
            f"用 {chosen.moment:%Y-%m-%d %H:%M:%S} 的备份替换当前数据文件？\n\n"
            "当前数据文件会先备份到备份文件夹（文件名含“恢复前”），然后被所选备份替换，"
            "此后录入的数据将不在恢复后的文件中。",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        if self.window_.keep_unsaved_work():  # the tabs are built anew on the restored file
            return False
        try:
            saved, health = self.window_.restore_backup(chosen.path)
        except (backups.BackupError, PermissionDenied) as exc:
            QMessageBox.warning(self, "恢复失败", str(exc))
            return False
        except OSError as exc:
            QMessageBox.critical(self, "恢复失败", errors.describe(exc, "恢复", "数据文件").text)
            return False
        saved_text = f"恢复前的数据文件已备份到：\n{saved}\n\n" if saved else ""
        QMessageBox.information(self, "恢复完成", f"已恢复 {chosen.moment:%Y-%m-%d %H:%M:%S} 的备份。\n\n"
                                f"{saved_text}{health.message()}")
        self.refresh()
        return True

    def open_folder(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.status_label.setText(f"无法创建备份文件夹“{self.folder}”（{exc.strerror or exc}）。")
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    def done(self, result: int) -> None:  # noqa: D401 - Qt override: a running task finishes first
        if self.task is not None:
            self.task.wait()
        super().done(result)
