"""Spreadsheet imports: a CSV or Excel upload read into a header and numbered rows. The caller
says what the columns mean; this module only reads, with limits so a stray file cannot
exhaust the server."""

import csv
import datetime
import io
from dataclasses import dataclass
from typing import Any

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 2000


class ImportFileError(ValueError):
    """The file cannot be read as a table: the message says why, for the person uploading."""


@dataclass(frozen=True)
class Table:
    headers: list[str]
    # (row number as the spreadsheet shows it, cells)
    rows: list[tuple[int, list[Any]]]


def _blank(cells: list[Any]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)


def _table(lines: list[list[Any]]) -> Table:
    numbered = [(number, cells) for number, cells in enumerate(lines, start=1) if not _blank(cells)]
    if not numbered:
        raise ImportFileError("The file is empty: it needs a header row and at least one action.")
    (_, header), body = numbered[0], numbered[1:]
    if not body:
        raise ImportFileError("The file has a header row but no actions under it.")
    if len(body) > MAX_ROWS:
        raise ImportFileError(f"The file has {len(body)} rows; import at most {MAX_ROWS} at a time.")
    headers = [str(cell).strip() if cell is not None else "" for cell in header]
    return Table(headers=headers, rows=body)


def read_table(uploaded) -> Table:
    """Read an uploaded .csv (UTF-8, with or without a byte-order mark) or .xlsx file's first sheet."""
    name = (getattr(uploaded, "name", "") or "").lower()
    if uploaded.size > MAX_UPLOAD_BYTES:
        raise ImportFileError(f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.")
    data = uploaded.read()
    if name.endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportFileError("The CSV file is not UTF-8: save it from Excel as 'CSV UTF-8'.") from error
        return _table([list(row) for row in csv.reader(io.StringIO(text))])
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook  # imported late: only the import page needs it

        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise ImportFileError("The Excel file could not be opened: is it a .xlsx workbook?") from error
        sheet = workbook.worksheets[0]
        lines = []
        for row in sheet.iter_rows(values_only=True):
            lines.append(list(row))
            if len(lines) > MAX_ROWS + 50:
                break
        workbook.close()
        return _table(lines)
    raise ImportFileError("Upload a .xlsx (Excel) or .csv file.")


def cell_text(value: Any) -> str:
    """A cell as text: dates as dd/mm/yyyy, whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
