"""文件 → 机关效能工作月报, as the secretary uses it: month, files, 生成, open or print."""

from __future__ import annotations

import datetime as dt
import gc
import threading
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from tests.helpers import type_text
from xiaoneng_desktop.duty import service
from xiaoneng_desktop.duty.service import CallInput
from xiaoneng_desktop.ui.reports.monthly_dialog import MonthlyReportDialog
from xiaoneng_desktop.ui.widgets.background import BackgroundTask


@pytest.fixture
def dialog(qtbot, database, clock, monkeypatch):
    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: pytest.fail(f"unexpected message box {a[1:]}"))
    clock.set(dt.datetime(2026, 11, 15, 12, 0))
    call = service.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, 0), category="一般事项",
                                         summary="会议通知", officer_name="王值班"))
    service.close_call(call.id, "已通知", closed_at=dt.datetime(2026, 10, 9, 8, 5), late_reason="补记")
    widget = MonthlyReportDialog()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_defaults_to_last_month_and_writes_both(qtbot, dialog, tmp_path):
    assert dialog.month.date() == QDate(2026, 10, 1)
    assert dialog.xlsx_path.text().endswith("机关效能工作月报_2026年10月.xlsx")
    dialog.xlsx_path.setText(str(tmp_path / "十月.xlsx"))
    dialog.pdf_path.setText(str(tmp_path / "十月.pdf"))
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.isFinished() and bool(dialog.written), timeout=20000)
    assert "已生成" in dialog.status.text() and dialog.print_button.isEnabled()
    book = openpyxl.load_workbook(tmp_path / "十月.xlsx")
    assert [c.value for c in book["汇总"][4]][:6] == ["值班记录", 1, 1, 0, 0, 1.0]
    assert (tmp_path / "十月.pdf").read_bytes().startswith(b"%PDF")
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    gc.collect()  # only the dialog holds the preview now; its printer must live on (it segfaulted)
    previews = [w for w in dialog.findChildren(QPrintPreviewDialog) if w.isVisible()]
    assert len(previews) == 1
    previews[0].grab()  # paints every page of the report onto the printer
    qtbot.wait(50)
    previews[0].close()


def test_a_preview_without_a_parent_lives_until_closed(qtbot, tmp_path):
    import io

    from reportlab.pdfgen import canvas

    from xiaoneng_desktop.ui.widgets import print_preview

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "page")
    page.save()
    pdf = buffer.getvalue()
    print_preview.preview_pdf(pdf, "空白页")
    gc.collect()
    (preview,) = print_preview._unparented
    preview.grab()
    preview.close()
    assert not print_preview._unparented


def test_bad_paths_are_shown_at_the_field(qtbot, dialog, tmp_path, answer_box):
    dialog.xlsx_path.clear()
    type_text(qtbot, dialog.xlsx_path, str(tmp_path / "no-such-folder" / "m.xlsx"))
    dialog.pdf_path.setText(str(tmp_path / "m.txt"))
    shown = answer_box("取消")  # "文件夹…不存在，要新建它吗？"
    assert dialog.generate() is None
    assert "no-such-folder" in shown[0]["text"] and not (tmp_path / "no-such-folder").exists()
    assert "不存在" in dialog.xlsx_error.text() and dialog.xlsx_error.isVisible()
    assert "扩展名应为 .pdf" in dialog.pdf_error.text()
    dialog.xlsx_check.setChecked(False)
    dialog.pdf_check.setChecked(False)
    assert dialog.generate() is None
    assert "至少选择" in dialog.pdf_error.text()


def test_background_task_can_be_cancelled(qtbot):
    started = threading.Event()

    def work(progress):
        for step in range(10_000):
            started.set()
            progress(step, 10_000)
            threading.Event().wait(0.001)
        return "finished"

    task = BackgroundTask(work)
    with qtbot.waitSignal(task.cancelled, timeout=10000):
        task.start()
        started.wait(5)
        task.request_cancel()
    assert task.was_cancelled and task.result is None


def test_background_task_hands_errors_back(qtbot):
    task = BackgroundTask(lambda progress: 1 / 0)
    with qtbot.waitSignal(task.failed, timeout=10000) as blocker:
        task.start()
    assert isinstance(blocker.args[0], ZeroDivisionError)


def test_month_close_from_the_dialog(qtbot, dialog, monkeypatch, tmp_path):
    """月结… asks first, saying what it means; then the month shows as closed and reprints its stored files."""
    from xiaoneng_desktop.core import session
    from xiaoneng_desktop.core.models import MonthClose

    assert dialog.month.date() == QDate(2026, 10, 1)  # October has ended (the clock is in November)
    assert "尚未月结" in dialog.month_state.text() and dialog.close_month_button.isEnabled()
    dialog.month.setDate(QDate(2026, 11, 1))
    assert "尚未结束" in dialog.month_state.text() and not dialog.close_month_button.isEnabled()
    dialog.month.setDate(QDate(2026, 10, 1))
    with session.acting_as(session.Actor("李值班", session.DUTY_OFFICER, 2)):
        dialog._show_month_state()
        assert not dialog.close_month_button.isEnabled()
    questions = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: questions.append(text)
                        or QMessageBox.StandardButton.No)
    with session.acting_as(session.Actor("张秘书", session.SECRETARY, 1)):
        dialog._show_month_state()
        qtbot.mouseClick(dialog.close_month_button, Qt.MouseButton.LeftButton)
        assert "月结不能撤销" in questions[0] and "更正上月记录" in questions[0]
        assert MonthClose.select().count() == 0  # answered No
        monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
        qtbot.mouseClick(dialog.close_month_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.isFinished()
                        and "已月结" in dialog.month_state.text(), timeout=20000)
    row = MonthClose.get()
    assert row.closed_by == "张秘书" and not dialog.close_month_button.isEnabled()
    dialog.xlsx_path.setText(str(tmp_path / "十月.xlsx"))
    dialog.pdf_path.setText(str(tmp_path / "十月.pdf"))
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=20000)
    assert "输出月结时保存的报表" in dialog.status.text()
    assert (tmp_path / "十月.pdf").read_bytes() == bytes(row.pdf)


@pytest.fixture
def answer_box(qtbot):
    """``answer(reply)`` clicks ``reply`` on the next modal message box and returns what it showed."""

    def answer(reply: str) -> list[dict]:
        shown: list[dict] = []
        tries = [0]

        def click() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                tries[0] += 1
                if tries[0] < 300:
                    QTimer.singleShot(10, click)
                return
            shown.append({"text": box.text(), "buttons": [b.text() for b in box.buttons()],
                          "default": box.defaultButton().text()})
            qtbot.mouseClick(next(b for b in box.buttons() if b.text() == reply), Qt.MouseButton.LeftButton)

        QTimer.singleShot(0, click)
        return shown

    return answer


def _generated(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.isFinished() and bool(dialog.written),
                    timeout=20000)


def test_the_fields_start_in_documents_made_when_missing(qtbot, dialog):
    """No folder used yet: the user's 文档, made when it did not exist (the dialog wrote into nowhere)."""
    from xiaoneng_desktop.ui.widgets import files

    documents = Path(files.documents_location())
    assert documents.is_dir()
    assert Path(dialog.xlsx_path.text()) == documents / "机关效能工作月报_2026年10月.xlsx"
    assert Path(dialog.pdf_path.text()) == documents / "机关效能工作月报_2026年10月.pdf"
    dialog.month.setDate(QDate(2026, 9, 1))
    assert Path(dialog.pdf_path.text()) == documents / "机关效能工作月报_2026年9月.pdf"


def test_documents_that_cannot_be_made_fall_back_to_home(qtbot, tmp_path, monkeypatch):
    from xiaoneng_desktop.ui.widgets import files

    (tmp_path / "a-file").write_text("x")
    monkeypatch.setattr(files, "documents_location", lambda: str(tmp_path / "a-file" / "文档"))
    assert files.documents_folder() == Path.home()
    monkeypatch.setattr(files, "documents_location", lambda: "")
    assert files.start_folder() == Path.home()


def test_writing_the_report_again_asks_before_replacing_either_file(qtbot, dialog, tmp_path, answer_box, opened):
    xlsx, pdf = tmp_path / "机关效能工作月报_2026年10月.xlsx", tmp_path / "机关效能工作月报_2026年10月.pdf"
    dialog.xlsx_path.setText(str(xlsx))
    dialog.pdf_path.setText(str(pdf))
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    _generated(qtbot, dialog)
    box = dialog.written_box
    buttons = {b.text(): b for b in box.buttons()}
    assert set(buttons) == {"打开Excel文件", "打开PDF文件", "打开所在文件夹", "关闭"} and box.isVisible()
    qtbot.mouseClick(buttons["打开PDF文件"], Qt.MouseButton.LeftButton)
    assert opened == [str(pdf)]
    pdf.write_bytes(b"kept")
    dialog.written = []
    shown = answer_box("取消")
    assert dialog.generate() is None
    assert "机关效能工作月报_2026年10月.xlsx" in shown[0]["text"] and "机关效能工作月报_2026年10月.pdf" in shown[0]["text"]
    assert shown[0]["default"] == "取消" and "没有替换" in dialog.status.text()
    assert pdf.read_bytes() == b"kept"
    shown = answer_box("替换")
    assert dialog.generate() is not None
    _generated(qtbot, dialog)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_missing_folder_is_made_when_the_user_says_so(qtbot, dialog, tmp_path, answer_box):
    dialog.xlsx_check.setChecked(False)
    dialog.pdf_path.setText(str(tmp_path / "报表" / "十月.pdf"))
    shown = answer_box("新建文件夹")
    assert dialog.generate() is not None
    _generated(qtbot, dialog)
    assert "报表" in shown[0]["text"] and (tmp_path / "报表" / "十月.pdf").read_bytes().startswith(b"%PDF")


def test_browse_starts_in_the_fields_folder_and_the_last_folder_is_remembered(qtbot, dialog, tmp_path, monkeypatch):
    from xiaoneng_desktop.ui.widgets import files

    asked = []
    chosen = tmp_path / "月报"
    chosen.mkdir()
    monkeypatch.setattr(files.QFileDialog, "getSaveFileName",
                        lambda parent, title, path, filters: asked.append(path) or (str(chosen / "十月"), ""))
    qtbot.mouseClick(_browse_button(dialog), Qt.MouseButton.LeftButton)
    assert asked == [str(Path(files.documents_location()) / "机关效能工作月报_2026年10月.xlsx")]
    assert dialog.xlsx_path.text() == str(chosen / "十月.xlsx")  # the extension added
    again = MonthlyReportDialog()
    qtbot.addWidget(again)
    assert Path(again.pdf_path.text()).parent == chosen  # remembered for the next time


def _browse_button(dialog) -> QPushButton:
    return next(b for b in dialog.findChildren(QPushButton) if b.text() == "浏览…")
