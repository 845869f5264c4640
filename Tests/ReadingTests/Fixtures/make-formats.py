#!/usr/bin/env python3
"""Writes formats-openpyxl.xlsx (and formats-1904-openpyxl.xlsx): cells of many number formats,
as a program other than Excel saves them, for the reading tests and the second reader. Run once;
the workbooks are committed (openpyxl 3.1.5). LibreOffice's copy: formats-libreoffice.xlsx, made by
`soffice --headless --convert-to xlsx` of the first (LibreOffice 7.4)."""
import datetime
import sys
from pathlib import Path

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = Path(__file__).parent

ROWS = [
    ("General", 4.5), ("General", 0.30000000000000004), ("General", -12), ("General", "Иванова"),
    ("0", 2.5), ("0.00", 2.675), ("0.0", 9.96), ("#,##0", 1234567.891), ("#,##0.00", 1234.5),
    ("#,##0,", 1234567), ("0%", 0.5), ("0.0%", 0.9375), ("0.00%", -0.01234),
    ('#,##0.00\\ "₽"', 1500), ('0" шт."', 7), ('"№ "0', 12), ("000-000-000 00", 11223344595),
    ('000\\-000\\-000\\ 00', 1122334459), ("00000", 42), ("#,##0;(#,##0)", -1234), ("0;[Red]-0", -3),
    ("0.00E+00", 12345), ("# ?/?", 1.25), ("# ??/??", 3.14159),
    ("dd.mm.yyyy", datetime.date(2023, 1, 20)), ("d mmmm yyyy", datetime.date(1971, 3, 12)),
    ("dd.mm.yyyy hh:mm", datetime.datetime(2023, 1, 20, 10, 30)), ("hh:mm", datetime.time(23, 33, 36)),
    ("hh:mm:ss", datetime.time(23, 59, 59)), ("h:mm AM/PM", datetime.time(18, 0)),
    ("[h]:mm:ss", datetime.timedelta(days=10, hours=15, minutes=10, seconds=10)), ("@", "0123"),
    ("General", True), ("General", "строка_x000D_"),
]


def write(path, epoch1904=False):
    book = openpyxl.Workbook()
    if epoch1904:
        book.epoch = CALENDAR_MAC_1904
    sheet = book.active
    sheet.title = "Форматы"
    sheet.append(["Формат", "Значение"])
    for code, value in ROWS:
        sheet.append([code, value])
        sheet.cell(row=sheet.max_row, column=2).number_format = code
    hidden = book.create_sheet("Скрытый")
    hidden.append(["не данные"])
    hidden.sheet_state = "hidden"
    book.save(path)


if __name__ == "__main__":
    write(HERE / "formats-openpyxl.xlsx")
    write(HERE / "formats-1904-openpyxl.xlsx", epoch1904=True)
    sys.exit(0)
