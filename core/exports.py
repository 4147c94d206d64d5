"""Spreadsheet exports: CSV streamed row by row and XLSX written in one pass, both safe to
open in Excel (text that a spreadsheet would run as a formula is neutralised, OWASP).
The caller says which columns; this module says how they are written."""

import csv
import datetime
from collections.abc import Iterable, Sequence
from io import BytesIO
from typing import Any, TypeVar

from django.http import HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> str:
    """Dates as dd/mm/yyyy; text that a spreadsheet would run as a formula is quoted (OWASP)."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    text = str(value)
    if text[:1] in FORMULA_PREFIXES:
        return "'" + text
    return text


class _Echo:
    """A file-like object whose write returns the line, for streaming csv.writer's output."""

    def write(self, value):
        return value


Response = TypeVar("Response", bound=HttpResponseBase)


def _attachment(response: Response, filename: str) -> Response:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], *, filename: str
) -> StreamingHttpResponse:
    """A CSV download streamed as the rows are read, with a byte-order mark so Excel reads UTF-8."""
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"
        yield writer.writerow(headers)
        for row in rows:
            yield writer.writerow([csv_cell(value) for value in row])

    return _attachment(StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8"), filename)


def xlsx_response(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], *, filename: str, sheet_title: str
) -> HttpResponse:
    """An Excel workbook of one sheet: a bold, frozen header row; dates as dd/mm/yyyy; text
    starting with '=' kept as text, never a formula."""
    from openpyxl import Workbook  # imported late: only the export pages need it
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title in headers:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, datetime.date):
                cell.number_format = "DD/MM/YYYY"
            elif isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text, never a formula
            cells.append(cell)
        sheet.append(cells)
    buffer = BytesIO()
    workbook.save(buffer)
    return _attachment(HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE), filename)
