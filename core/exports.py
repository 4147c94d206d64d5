"""Spreadsheet exports: CSV streamed row by row and XLSX written in one pass, both safe to
open in Excel (text that a spreadsheet would run as a formula is neutralised, OWASP).
The caller says which columns; this module says how they are written."""

import csv
import datetime
import functools
import io
import itertools
import re
import zipfile
from collections.abc import Iterable, Sequence
from decimal import Decimal
from io import BytesIO
from typing import Any, BinaryIO, TypeVar
from xml.sax.saxutils import escape

from django.http import HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.utils import timezone

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Rows per chunk of a streamed CSV: some 64 kB of an action log.
CSV_ROWS_PER_CHUNK = 250


def csv_cell(value: Any) -> str:
    """Dates as dd/mm/yyyy; text that a spreadsheet would run as a formula is quoted (OWASP)."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return _date_text(value)
    text = value if type(value) is str else str(value)
    if text[:1] in FORMULA_PREFIXES:
        return "'" + text
    return text


@functools.lru_cache(maxsize=8192)
def _date_text(value: datetime.date) -> str:
    # A log's dates repeat (due dates, days of updates): each is formatted once.
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


_FORMULA_STARTS = frozenset(FORMULA_PREFIXES)


def _csv_cells(row: Sequence[Any]) -> list[str]:
    """csv_cell of each value, with the common cases (text that is no formula, nothing, a date)
    inline: a call per cell cost a 50,000-row export a third of a second (issue 16)."""
    return [
        (value if value[:1] not in _FORMULA_STARTS else "'" + value)
        if type(value) is str
        else ""
        if value is None
        else _date_text(value)
        if type(value) is datetime.date
        else csv_cell(value)
        for value in row
    ]


Response = TypeVar("Response", bound=HttpResponseBase)


def _attachment(response: Response, filename: str) -> Response:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], *, filename: str
) -> StreamingHttpResponse:
    """A CSV download streamed as the rows are read, with a byte-order mark so Excel reads UTF-8."""

    def lines():
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        buffer.write("\ufeff")
        writer.writerow(headers)
        # Chunks of rows, each written by csv's own loop: one chunk per row costs a 50,000-row
        # export half a second.
        iterator = iter(rows)
        while batch := list(itertools.islice(iterator, CSV_ROWS_PER_CHUNK)):
            writer.writerows([_csv_cells(row) for row in batch])
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        if buffer.tell():
            yield buffer.getvalue()

    return _attachment(StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8"), filename)


def xlsx_response(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], *, filename: str, sheet_title: str
) -> HttpResponse:
    """An Excel workbook of one sheet: a bold, frozen header row; dates as dd/mm/yyyy; text
    starting with '=' kept as text, never a formula."""
    buffer = BytesIO()
    write_xlsx(buffer, headers, rows, sheet_title=sheet_title)
    return _attachment(HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE), filename)


# The workbook is written as SpreadsheetML by hand, row by row into the zip, rather than through
# openpyxl: its cell objects cost ~10 microseconds each, 8 s of a 50,000-row log (issue 16).
# Every text is an inline string, so no cell is ever a formula, whatever it starts with.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EXCEL_EPOCH = datetime.datetime(1899, 12, 30)
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_BOLD, _DATE = 1, 2  # the cellXfs below
_STATIC_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{_PKG_REL_NS}">'
        f'<Relationship Id="rId1" Type="{_REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{_PKG_REL_NS}">'
        f'<Relationship Id="rId1" Type="{_REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_REL_NS}/styles" Target="styles.xml"/>'
        "</Relationships>"
    ),
    "xl/styles.xml": (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{_MAIN_NS}">'
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="DD/MM/YYYY"/></numFmts>'
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
        '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    ),
}


def _column_letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _xlsx_cell(reference: str, value: Any, style: int = 0) -> str:
    styled = f' s="{style}"' if style else ""
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{reference}" t="b"{styled}><v>{int(value)}</v></c>'
    if isinstance(value, int | float | Decimal):
        return f'<c r="{reference}"{styled}><v>{value}</v></c>'
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = timezone.localtime(value).replace(tzinfo=None)
        serial = (value - _EXCEL_EPOCH).total_seconds() / 86400
        return f'<c r="{reference}" s="{_DATE}"><v>{serial}</v></c>'
    if isinstance(value, datetime.date):
        return f'<c r="{reference}" s="{_DATE}"><v>{(value - _EXCEL_EPOCH.date()).days}</v></c>'
    text = escape(_XML_ILLEGAL.sub("", str(value)))
    return f'<c r="{reference}" t="inlineStr"{styled}><is><t xml:space="preserve">{text}</t></is></c>'


# Text with none of these needs neither escaping nor cleaning: written as it is.
_XML_SPECIAL = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xlsx_row(number: int, values: Sequence[Any], columns: list[str], style: int = 0) -> str:
    while len(columns) < len(values):
        columns.append(_column_letters(len(columns)))
    if style:
        cells = "".join(
            _xlsx_cell(f"{column}{number}", value, style)
            for column, value in zip(columns, values, strict=False)
        )
        return f'<row r="{number}">{cells}</row>'
    # Plain text, the most of a log's cells, inline; the rest through _xlsx_cell (a call per
    # cell cost a 50,000-row export half a second, issue 16).
    return "".join(
        [
            f'<row r="{number}">',
            *[
                f'<c r="{column}{number}" t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>'
                if type(value) is str and not _XML_SPECIAL.search(value)
                else _xlsx_cell(f"{column}{number}", value)
                for column, value in zip(columns, values, strict=False)
            ],
            "</row>",
        ]
    )


def write_xlsx(
    file: BinaryIO, headers: Sequence[str], rows: Iterable[Sequence[Any]], *, sheet_title: str
) -> None:
    """Write a one-sheet workbook to `file` (see xlsx_response), a row at a time."""
    columns = [_column_letters(index) for index in range(len(headers))]
    # Excel's limits on a sheet's name: 31 characters, none of []:*?/\
    title = escape(re.sub(r"[\[\]:*?/\\]", " ", sheet_title)[:31], {'"': "&quot;"})
    with zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, text in _STATIC_PARTS.items():
            archive.writestr(name, text)
        archive.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<workbook xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}"><sheets>'
            f'<sheet name="{title}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{_MAIN_NS}">'
                '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
                'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView>'
                "</sheetViews><sheetData>".encode()
            )
            chunk = [_xlsx_row(1, headers, columns, _BOLD)]
            for number, row in enumerate(rows, start=2):
                chunk.append(_xlsx_row(number, row, columns))
                if len(chunk) >= 1000:
                    sheet.write("".join(chunk).encode())
                    chunk = []
            chunk.append("</sheetData></worksheet>")
            sheet.write("".join(chunk).encode())
