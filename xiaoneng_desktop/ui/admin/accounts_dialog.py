"""工具 → 用户管理 (管理员): the accounts, 新建, 修改, 重设密码, 停用/启用, 锁定/解锁.

Every change goes through core.accounts, which checks the permission itself and audits it; a refusal
is shown at the field (editors) or in a box (the list's buttons). Editors are opened with ``open()``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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

from xiaoneng_desktop.core import accounts, people
from xiaoneng_desktop.core.models import ROLES, Account
from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.ui.admin.login_dialog import STRENGTH_HINT, _Form
from xiaoneng_desktop.ui.widgets.form_errors import database_message


class AccountDialog(_Form):
    """新建 a user (login, role, person, password twice) or 修改 one (role and person)."""

    def __init__(self, account: Account | None = None, parent: QWidget | None = None):
        super().__init__("新建用户" if account is None else f"修改用户 — {account.login}", parent)
        self.account = account
        self.saved: Account | None = None
        self.add_field("login", "登录名")
        self.role_combo = QComboBox()
        self.role_combo.addItems(ROLES)
        self.form.addRow("角色", self.role_combo)
        self.person_combo = QComboBox()
        self.person_combo.addItem("（不对应人员）", None)
        current = account.person_id if account else None
        for person in people.list_people(active_only=False):
            if person.active or person.id == current:
                self.person_combo.addItem(person.name + ("" if person.active else "（已停用）"), person.id)
        self.form.addRow("对应人员", self.person_combo)
        if account is None:
            self.add_field("password", "密码", password=True)
            self.add_field("password2", "再输入一次", password=True)
            self.form.addRow("", _hint())
        self.save_button = self.add_button("保存", self.submit, default=True)
        self.add_button("取消", self.reject)
        self.finish_form()
        if account is not None:
            self.login_edit.setText(account.login)
            self.login_edit.setReadOnly(True)
            self.role_combo.setCurrentText(account.role)
            self.person_combo.setCurrentIndex(max(self.person_combo.findData(current), 0))
            self.role_combo.setFocus()
        else:
            self.role_combo.setCurrentIndex(ROLES.index("秘书"))
            self.login_edit.setFocus()

    def _save(self) -> Account:
        role, person_id = self.role_combo.currentText(), self.person_combo.currentData()
        if self.account is not None:
            return accounts.update_account(self.account.id, role, person_id)
        password = self.password_edit.text()
        if password and self.password2_edit.text() != password:
            raise ValidationError("password2", "两次输入的密码不一致")
        return accounts.create_account(self.login_edit.text(), role, password, person_id)

    def submit(self) -> Account | None:
        self.saved = self.errors.attempt(self._save)
        if self.saved is not None:
            self.accept()
        return self.saved


def _hint() -> QLabel:
    hint = QLabel(STRENGTH_HINT)
    hint.setWordWrap(True)
    hint.setStyleSheet("color: #666666;")
    return hint


class PasswordDialog(_Form):
    """重设密码: the new password twice."""

    def __init__(self, account: Account, parent: QWidget | None = None):
        super().__init__(f"重设密码 — {account.login}", parent)
        self.account = account
        self.add_field("password", "新密码", password=True)
        self.add_field("password2", "再输入一次", password=True)
        self.form.addRow("", _hint())
        self.save_button = self.add_button("保存", self.submit, default=True)
        self.add_button("取消", self.reject)
        self.finish_form()
        self.password_edit.setFocus()

    def _save(self) -> Account:
        password = self.password_edit.text()
        if password and self.password2_edit.text() != password:
            raise ValidationError("password2", "两次输入的密码不一致")
        return accounts.set_password(self.account.id, password)

    def submit(self) -> Account | None:
        saved = self.errors.attempt(self._save)
        if saved is not None:
            self.accept()
        return saved


class AccountsDialog(QDialog):
    """The list of users and what a 管理员 does with them."""

    COLUMNS = ("登录名", "角色", "对应人员", "状态", "最近登录")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("用户管理")
        self.resize(720, 420)
        self.editor: QDialog | None = None
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_account())

        self.new_button = QPushButton("新建…")
        self.edit_button = QPushButton("修改…")
        self.password_button = QPushButton("重设密码…")
        self.active_button = QPushButton("停用")
        self.lock_button = QPushButton("解锁")
        close = QPushButton("关闭")
        self.new_button.clicked.connect(self.new_account)
        self.edit_button.clicked.connect(self.edit_account)
        self.password_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        self.lock_button.clicked.connect(self.toggle_lock)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.password_button, self.active_button,
                       self.lock_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        select = select if select is not None else self.selected_id()
        self.rows = accounts.list_accounts()
        self.table.setRowCount(len(self.rows))
        for index, account in enumerate(self.rows):
            person = account.person.name if account.person_id is not None and account.person else ""
            last = f"{account.last_login_at:%Y-%m-%d %H:%M}" if account.last_login_at else "—"
            for column, text in enumerate((account.login, account.role, person, accounts.status_text(account), last)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, account.id)
                self.table.setItem(index, column, item)
            if account.id == select:
                self.table.selectRow(index)
        self._update_buttons()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

    def selected(self) -> Account | None:
        return accounts.get_account(self.selected_id())

    def _update_buttons(self) -> None:
        account = self.selected()
        for button in (self.edit_button, self.password_button, self.active_button, self.lock_button):
            button.setEnabled(account is not None)
        if account is not None:
            self.active_button.setText("启用" if not account.active else "停用")
            self.lock_button.setText("解锁" if accounts.is_locked(account) or account.failed_logins else "锁定")

    def _open(self, editor: QDialog) -> QDialog:
        self.editor = editor
        editor.accepted.connect(lambda: self.refresh(getattr(editor, "saved", None) and editor.saved.id))
        editor.finished.connect(editor.deleteLater)
        editor.open()
        return editor

    def new_account(self) -> AccountDialog:
        return self._open(AccountDialog(None, self))

    def edit_account(self) -> AccountDialog | None:
        account = self.selected()
        return self._open(AccountDialog(account, self)) if account is not None else None

    def reset_password(self) -> PasswordDialog | None:
        account = self.selected()
        return self._open(PasswordDialog(account, self)) if account is not None else None

    def _act(self, action) -> bool:
        try:
            action()
        except ValidationError as exc:
            QMessageBox.warning(self, "用户管理", str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - a failed write is told, not a crash
            import peewee as pw

            if not isinstance(exc, pw.DatabaseError):
                raise
            QMessageBox.warning(self, "用户管理", database_message(exc))
            return False
        finally:
            self.refresh()
        return True

    def toggle_active(self) -> bool:
        account = self.selected()
        if account is None:
            return False
        return self._act(lambda: accounts.set_active(account.id, not account.active))

    def toggle_lock(self) -> bool:
        account = self.selected()
        if account is None:
            return False
        if accounts.is_locked(account) or account.failed_logins:
            return self._act(lambda: accounts.unlock(account.id))
        return self._act(lambda: accounts.lock(account.id))
