"""Printing a PDF the program wrote, through Qt's print preview: the paper copy equals the file.

The pages are rendered by PDFium (pypdfium2) at the printer's resolution and laid on the full paper,
so the PDF's own GB/T 9704 margins are kept; Qt's dialog supplies the printer choice and preview.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from xiaoneng_desktop.ui.widgets.screen import resize_within_screen

#: Enough for crisp text on paper without huge images in the print spool.
MAX_DPI = 300


def render_pages(data: bytes, printer: QPrinter) -> int:
    """Paint every page of the PDF onto ``printer``; returns the number of pages."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    pages = len(document)
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        return 0
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        for number in range(pages):
            if number:
                printer.newPage()
            page = document[number]
            bitmap = page.render(scale=dpi / 72)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_BGR888)
            paper = printer.pageLayout().fullRectPixels(printer.resolution())
            painter.drawImage(QRectF(0, 0, paper.width(), paper.height()), image)
            page.close()
    finally:
        painter.end()
        document.close()
    return pages


def make_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the PDF carries its own margins
    return printer


class PdfPreviewDialog(QPrintPreviewDialog):
    """Qt's print preview of a PDF. It keeps its QPrinter for its whole life: the C++ dialog paints on
    the printer, and a printer kept only in a local was freed by Python's garbage collector while the
    preview was open (a segfault on the next repaint)."""

    def __init__(self, data: bytes, title: str, parent: QWidget | None = None):
        printer = make_printer()
        printer.setDocName(title)
        super().__init__(printer, parent)
        self.printer, self.data = printer, data
        self.setWindowTitle(f"打印预览 — {title}")
        self.paintRequested.connect(lambda target: render_pages(self.data, target))
        resize_within_screen(self, 900, 1000)


#: Previews without a parent widget: held here until closed, so that the dialog (and its printer) is
#: not collected while it is on screen.
_unparented: set[PdfPreviewDialog] = set()


def preview_pdf(data: bytes, title: str, parent: QWidget | None = None) -> PdfPreviewDialog:
    """Open Qt's print preview of the PDF (non-blocking); printing from it prints the same pages."""
    dialog = PdfPreviewDialog(data, title, parent)
    if parent is None:
        _unparented.add(dialog)
        dialog.finished.connect(lambda _result: _unparented.discard(dialog))
    dialog.open()
    return dialog
