"""HSDS datasets on disk: written as JSON plus the tabular form, read from either.

Written: DIR/<table>.json (a JSON array of flat records) and DIR/csv/ (one CSV per
table, as the specification's examples/csv names them, with datapackage.json).
Read: a folder of CSV files; a folder of JSON files named for their table, holding a
flat array (as written), one record (`location.json`, `service_full.json`: nested
records are taken apart), a page of them (`service_list.json`) or every table
(`tabular.json`); or one such JSON file.
"""

import csv
import json
import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.utils import timezone

from resources.hsds.tables import ENUMS, NUMBER_COLUMNS, TABLE_BY_PATH, TABLES, UUID_COLUMNS, datapackage

# A nested property -> the table of its records. Arrays are linked to their parent through the
# child's `<parent>_id` column (attributes through link_id); objects through the parent's `<name>_id`.
NESTED_TABLES = {
    "phones": "phone",
    "schedules": "schedule",
    "service_areas": "service_area",
    "service_at_locations": "service_at_location",
    "languages": "language",
    "funding": "funding",
    "cost_options": "cost_option",
    "required_documents": "required_document",
    "contacts": "contact",
    "attributes": "attribute",
    "metadata": "metadata",
    "locations": "location",
    "programs": "program",
    "services": "service",
    "organization_identifiers": "organization_identifier",
    "addresses": "address",
    "accessibility": "accessibility",
    "organization": "organization",
    "program": "program",
    "location": "location",
    "service": "service",
    "taxonomy_term": "taxonomy_term",
    "taxonomy_detail": "taxonomy",
}
IGNORED_FILES = {"datapackage", "base"}  # base.json describes an API, not data


def write_dataset(tables, folder):
    """Write `tables` (table -> records) to `folder` as JSON and as the tabular form."""
    folder = Path(folder)
    (folder / "csv").mkdir(parents=True, exist_ok=True)
    for name, records in tables.items():
        text = json.dumps(records, indent=2, ensure_ascii=False)
        (folder / f"{name}.json").write_text(text + "\n", encoding="utf-8")
        with open(folder / "csv" / TABLES[name].path, "w", newline="", encoding="utf-8") as file:
            writer = csv.DictWriter(file, fieldnames=TABLES[name].columns)
            writer.writeheader()
            writer.writerows(records)
    descriptor = datapackage(
        tables,
        name="connection-center-directory",
        title="Connection Center directory (Open Referral HSDS 3.0)",
        created=timezone.now().isoformat(timespec="seconds"),
    )
    text = json.dumps(descriptor, indent=2)
    (folder / "csv" / "datapackage.json").write_text(text + "\n", encoding="utf-8")


@dataclass(frozen=True)
class Problem:
    table: str  # or "file"
    id: str
    reason: str

    def __str__(self):
        return f"{self.table} {self.id}: {self.reason}"


class Dataset:
    """Flat HSDS records by table and id; a record found in several places is merged into one.

    `present` names the tables the dataset gives in full (a file, or a nested array),
    even empty: a table that is absent says nothing, so loading leaves alone what it would set.
    """

    def __init__(self):
        self.tables = defaultdict(dict)
        self.present = set()
        self.problems = []

    def problem(self, table, record_id, reason):
        self.problems.append(Problem(table, str(record_id), reason))

    def records(self, table):
        return list(self.tables[table].values())

    def get(self, table, record_id):
        return self.tables[table].get(record_id)

    def add(self, table, item):
        """Add a record and the records nested in it, each linked to the record it was nested in."""
        if not isinstance(item, dict):
            self.problem(table, "?", "is not a JSON object")
            return None
        flat, children = {}, []
        required = TABLES[table].required if table in TABLES else ()
        for key, value in item.items():
            if isinstance(value, list) and key in NESTED_TABLES:
                self.present.add(NESTED_TABLES[key])
                children.extend((NESTED_TABLES[key], child) for child in value)
            elif isinstance(value, dict) and key in NESTED_TABLES:
                if value.get("id"):
                    flat.setdefault("taxonomy_id" if key == "taxonomy_detail" else f"{key}_id", value["id"])
                self.add(NESTED_TABLES[key], value)
            elif not isinstance(value, list | dict) and value is not None and (value != "" or key in required):
                flat[key] = value
        record_id = _canonical_id(flat.get("id"))
        if record_id is None:
            self.problem(table, flat.get("id") or "(no id)", "skipped: its id is not a UUID")
            return None
        flat["id"] = record_id
        merged = self.tables[table].setdefault(record_id, {})
        for key, value in flat.items():
            merged.setdefault(key, value)
        for child_table, child in children:
            if isinstance(child, dict):
                self.add(child_table, _linked(child, child_table, table, record_id))
        return merged

    def clean(self):
        """Check each record against its table's schema; set aside (and report) those that fail."""
        for table, records in self.tables.items():
            for record_id, record in list(records.items()):
                reason = _invalid(table, record)
                if reason:
                    self.problem(table, record_id, f"skipped: {reason}")
                    del records[record_id]


def _linked(child, child_table, parent_table, parent_id):
    child = dict(child)
    if child_table == "attribute":
        child.setdefault("link_id", parent_id)
        child.setdefault("link_entity", parent_table)
    elif f"{parent_table}_id" in TABLES[child_table].columns:
        child.setdefault(f"{parent_table}_id", parent_id)
    return child


def _canonical_id(value):
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        return None


def _invalid(table, record):
    """Why `record` breaks its table's schema (coercing CSV text as it goes), or None."""
    if table not in TABLES:
        return None
    spec = TABLES[table]
    for column in spec.required:
        if column not in record:
            return f"it has no {column}"
    for column, value in record.items():
        if column in NUMBER_COLUMNS:
            try:
                record[column] = _number(value)
            except ValueError:
                return f"{column} {value!r} is not a number"
        elif column in UUID_COLUMNS and column in spec.columns:
            record[column] = _canonical_id(value)
            if record[column] is None:
                return f"{column} {value!r} is not a UUID"
        elif column in ENUMS and column in spec.columns:
            record[column] = str(value).upper() if column in ("wkst", "freq") else str(value).lower()
            if record[column] not in ENUMS[column]:
                return f"{column} {value!r} is not one of {', '.join(ENUMS[column])}"
        elif column in spec.columns and not isinstance(value, str):
            record[column] = str(value)
    return None


def _number(value):
    if isinstance(value, bool):
        raise ValueError
    number = float(value)
    return int(number) if number.is_integer() else number


def read_dataset(path):
    """The dataset at `path`, checked; raises FileNotFoundError if there is nothing to read there."""
    path = Path(path)
    dataset = Dataset()
    if path.is_dir() and (any(path.glob("*.csv")) or (path / "datapackage.json").exists()):
        for file in sorted(path.glob("*.csv")):
            _read_csv(file, dataset)
    elif path.is_dir():
        for file in sorted(path.glob("*.json")):
            _read_json(file, dataset)
    elif path.is_file():
        _read_json(path, dataset)
    else:
        raise FileNotFoundError(f"{path} is neither a folder nor a JSON file.")
    if not dataset.tables and not dataset.problems:
        raise FileNotFoundError(f"{path} holds no HSDS files (CSV of the tabular form, or JSON).")
    dataset.clean()
    return dataset


def _read_csv(file, dataset):
    table = TABLE_BY_PATH.get(file.name)
    if table is None:
        dataset.problem("file", file.name, "skipped: not a file of the HSDS tabular form")
        return
    dataset.present.add(table.name)
    with open(file, newline="", encoding="utf-8-sig") as lines:
        for row in csv.DictReader(lines):
            # An empty cell is a missing value, except in a required column, where it is an empty string.
            dataset.add(table.name, {k: v for k, v in row.items() if k and (v or k in table.required)})


def _read_json(file, dataset):
    if file.stem in IGNORED_FILES:
        return
    try:
        data = json.loads(file.read_text(encoding="utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as error:
        dataset.problem("file", file.name, f"skipped: not JSON ({error})")
        return
    if isinstance(data, dict) and data and all(str(key).endswith(".csv") for key in data):
        for name, records in data.items():  # tabular.json: every table, by its CSV file's name
            table = TABLE_BY_PATH.get(name)
            if table and isinstance(records, list):
                dataset.present.add(table.name)
                for item in records:
                    dataset.add(table.name, item)
        return
    table = file.stem.removesuffix("_full").removesuffix("_list")
    if table not in TABLES:
        dataset.problem("file", file.name, "skipped: its name is not an HSDS table's (organization.json...)")
        return
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        data = data["contents"]  # a page of an API listing
    if isinstance(data, list):
        dataset.present.add(table)
    for item in data if isinstance(data, list) else [data]:
        dataset.add(table, item)
