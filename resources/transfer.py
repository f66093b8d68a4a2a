"""Reading, checking, importing and exporting directory files; the admin views and the commands share it.

An import never half-happens: it runs in one transaction, rolled back if any row has a
problem, and reports every problem with its spreadsheet line (the header is line 1).
Checking a file (`dry_run`) reports the same problems and writes nothing.
"""

import logging
from dataclasses import dataclass, field
from pathlib import PurePath

from django.core.exceptions import NON_FIELD_ERRORS
from django.template.defaultfilters import pluralize

from portal import spreadsheets
from resources.importing import RESOURCES

logger = logging.getLogger(__name__)

# Exports go through portal.spreadsheets (formula-looking values as text); imports read with them too.
FORMATS = {"csv": spreadsheets.CSV, "xlsx": spreadsheets.XLSX, "json": spreadsheets.JSON}
MAX_BYTES = 10 * 1024 * 1024


class UnreadableFile(ValueError):
    """A file that is not a table we can read; the message says what to do."""


@dataclass(frozen=True, order=True)
class Problem:
    line: int  # 0 for the file as a whole
    column: str
    message: str

    def __str__(self):
        return f"Line {self.line}, {self.column}: {self.message}" if self.line else self.message


@dataclass
class Outcome:
    kind: str
    problems: list = field(default_factory=list)
    created: int = 0
    updated: int = 0
    imported: bool = False

    @property
    def summary(self):
        if self.problems:
            problems, lines = len(self.problems), len({problem.line for problem in self.problems})
            return f"{problems} problem{pluralize(problems)} on {lines} line{pluralize(lines)}: nothing was imported."
        if self.imported:
            return f"Imported {self.kind}: {self.created} created, {self.updated} updated."
        return f"Ready to import {self.kind}: {self.created} to create, {self.updated} to update."


def extension_of(filename):
    extension = PurePath(filename).suffix.lower().lstrip(".")
    if extension not in FORMATS:
        raise UnreadableFile("Choose a file ending in .csv, .xlsx or .json.")
    return extension


def read_dataset(content, extension):
    """The table in `content` (bytes), with headers written like the columns ("ZIP code" reads as zip_code)."""
    if len(content) > MAX_BYTES:
        raise UnreadableFile(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB: split it in parts.")
    file_format = FORMATS[extension]()
    try:
        data = content if extension == "xlsx" else content.decode("utf-8-sig")
        dataset = file_format.create_dataset(data)
    except UnicodeDecodeError:
        raise UnreadableFile("The file is not UTF-8 text: save it again as “CSV UTF-8”.") from None
    except Exception as error:  # every reader fails its own way on a broken or mislabelled file
        logger.info("Unreadable %s upload: %s", extension, type(error).__name__)
        raise UnreadableFile(f"This is not a {extension.upper()} file we can read: check the file.") from None
    if not dataset.headers:
        raise UnreadableFile("The file is empty: its first line must name the columns.")
    dataset.headers = [str(header or "").strip().lower().replace(" ", "_") for header in dataset.headers]
    return dataset


def guess_kind(headers):
    if "title" in headers:
        return "programs"
    if "code" in headers and "level" in headers:
        return "schools"
    if "name" in headers:
        return "agencies"
    return None


def check_columns(kind, headers):
    """Problems with the header line: missing, unknown or repeated columns."""
    known = RESOURCES[kind].columns()
    problems = [Problem(1, column, "This column is required.") for column in RESOURCES[kind].required_columns]
    problems = [problem for problem in problems if problem.column not in headers]
    for position, header in enumerate(headers):
        if header and header not in known:
            problems.append(Problem(1, header, f"Unknown column. The columns are: {', '.join(known)}."))
        elif header and header in headers[:position]:
            problems.append(Problem(1, header, "This column appears twice."))
    return problems


def import_dataset(dataset, kind, *, user=None, dry_run=False):
    """Check every row (a dry run), or import a file without problems and nothing of a file with any.

    The import is one pass, not a dry run and then the import: the rows it saves before finding a
    problem are rolled back with the rest (the admin has already shown the dry run's problems).
    """
    problems = [Problem(0, "file", message) for message in RESOURCES[kind].missing_prerequisites()]
    problems += check_columns(kind, dataset.headers)
    if problems:
        return Outcome(kind, problems)
    result = RESOURCES[kind](user=user).import_data(
        dataset, dry_run=dry_run, use_transactions=True, rollback_on_validation_errors=True
    )
    outcome = _outcome(kind, result)
    outcome.imported = not dry_run and not outcome.problems
    return outcome


def _outcome(kind, result):
    problems = []
    for row in result.invalid_rows:
        for column, messages in row.error_dict.items():
            column = "row" if column == NON_FIELD_ERRORS else column
            problems += [Problem(row.number + 1, column, message) for message in messages]
    for row in result.error_rows:
        for error in row.errors:
            # The error's text may quote the row: log where and what kind, never the values.
            logger.warning("Import of %s failed on line %s: %s", kind, row.number + 1, type(error.error).__name__)
            problems.append(Problem(row.number + 1, "row", "This row could not be saved."))
    for error in result.base_errors:
        logger.warning("Import of %s failed: %s", kind, type(error.error).__name__)
        problems.append(Problem(0, "file", "The import failed; nothing was imported."))
    return Outcome(kind, sorted(problems), created=result.totals["new"], updated=result.totals["update"])


def export_content(kind, extension):
    """Every agency or program as the content (bytes) of a CSV, XLSX or JSON file, and how many there are."""
    dataset = RESOURCES[kind]().export()
    content = FORMATS[extension]().export_data(dataset)
    if extension == "csv":
        content = "\ufeff" + content  # the byte-order mark makes Excel read UTF-8
    return (content if isinstance(content, bytes) else content.encode()), len(dataset)


def content_type(extension):
    return FORMATS[extension]().get_content_type()
