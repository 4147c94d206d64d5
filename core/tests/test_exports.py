"""CSV downloads: written in chunks of rows by csv's own loop, the same bytes as one row at a time
with each cell through csv_cell (dates dd/mm/yyyy, formulas quoted as text)."""

import csv
import datetime
import io
import zipfile

import openpyxl

from core.exports import CSV_ROWS_PER_CHUNK, _xlsx_cell, csv_cell, csv_response, write_xlsx

HEADERS = ["No", "Text", "Due", "Updated", "Blank"]


def _one_row_at_a_time(rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return buffer.getvalue().encode()


def _rows(count: int) -> list[tuple]:
    texts = [
        "=cmd",
        "+44 1432",
        "-5%",
        "@chair",
        "\tTab",
        "\rReturn",
        "plain, with a comma",
        'say "hi"\nthen',
        "",
    ]
    return [
        (
            number,
            texts[number % len(texts)] + f" {number}" if number % 4 else texts[number % len(texts)],
            datetime.date(2024, 1, 1) + datetime.timedelta(days=number % 40),
            datetime.datetime(2024, 6, 1, 23, 30, tzinfo=datetime.UTC) if number % 3 else None,
            -number if number % 5 == 0 else "Zoë ☕",
        )
        for number in range(count)
    ]


def test_a_csv_of_several_chunks_is_the_same_bytes_as_one_written_a_row_at_a_time():
    rows = _rows(2 * CSV_ROWS_PER_CHUNK + 7)

    response = csv_response(HEADERS, iter(rows), filename="log.csv")
    chunks = list(response.streaming_content)

    assert len(chunks) == 3
    assert b"".join(chunks) == _one_row_at_a_time(rows)
    assert response["Content-Disposition"] == 'attachment; filename="log.csv"'


def test_each_cell_a_spreadsheet_would_run_as_a_formula_is_quoted_and_dates_are_written_day_first():
    rows = [("=1+1", "+1", "-1", "@SUM(A1)", "\tx", datetime.date(2024, 9, 1), -2, None, "", "plain")]

    body = b"".join(csv_response(["a"] * 10, rows, filename="x.csv").streaming_content).decode("utf-8-sig")

    assert list(csv.reader(io.StringIO(body)))[1] == [
        "'=1+1",
        "'+1",
        "'-1",
        "'@SUM(A1)",
        "'\tx",
        "01/09/2024",
        "'-2",
        "",
        "",
        "plain",
    ]


def test_a_csv_with_no_rows_is_its_header_alone():
    body = b"".join(csv_response(HEADERS, [], filename="x.csv").streaming_content)

    assert body == "\ufeffNo,Text,Due,Updated,Blank\r\n".encode()


def test_a_workbooks_rows_are_the_cells_written_one_by_one_and_read_back_as_given():
    rows = [
        (
            "plain",
            "=cmd",
            "Zoë ☕, «réponse»",
            "a & b < c > d",
            "bell\x07",
            "",
            None,
            3,
            datetime.date(2024, 9, 1),
        ),
        ("line\nbreak", "tab\there", '"quoted"', "\ufffeodd", -2, 1.5, True, None, "end"),
    ]
    buffer = io.BytesIO()

    write_xlsx(buffer, [f"H{n}" for n in range(9)], rows, sheet_title="Sheet")

    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    columns = "ABCDEFGHI"
    for number, row in enumerate(rows, start=2):
        cells = "".join(
            _xlsx_cell(f"{column}{number}", value) for column, value in zip(columns, row, strict=True)
        )
        assert f'<row r="{number}">{cells}</row>' in sheet
    read = list(
        openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows(min_row=2, values_only=True)
    )
    assert read == [
        (
            "plain",
            "=cmd",
            "Zoë ☕, «réponse»",
            "a & b < c > d",
            "bell",
            "",
            None,
            3,
            datetime.datetime(2024, 9, 1),
        ),
        ("line\nbreak", "tab\there", '"quoted"', "odd", -2, 1.5, True, None, "end"),
    ]
