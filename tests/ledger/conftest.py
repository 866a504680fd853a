from __future__ import annotations

import openpyxl
import pytest

from xiaoneng_desktop.ledger import exporter


@pytest.fixture
def ledger(database, clock, tmp_path):
    """write(kind, rows, name) → a filled template in tmp_path."""

    def write(kind: str, rows, name: str | None = None, headers=None):
        path = tmp_path / (name or f"{kind}.xlsx")
        exporter.write_template(kind, path)
        book = openpyxl.load_workbook(path)
        sheet = book.worksheets[0]
        if headers is not None:
            for number, header in enumerate(headers, start=1):
                sheet.cell(row=1, column=number).value = header
        for row in rows:
            sheet.append(list(row))
        book.save(path)
        return path

    return write
