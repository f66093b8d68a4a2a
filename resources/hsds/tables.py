"""The 21 tables of HSDS 3.0 as schema/<table>.json defines them, and the tabular form's datapackage.json."""

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class Table:
    name: str
    path: str  # its file in the tabular form
    columns: tuple  # in the schema's order
    required: frozenset  # `required` and `tabular_required` in the schema


def _tables(*specs):
    """Tables from (name, file, columns): a column ending in * is required."""
    tables = {}
    for name, path, columns in specs:
        names = tuple(column.rstrip("*") for column in columns.split())
        tables[name] = Table(name, path, names, frozenset(c.rstrip("*") for c in columns.split() if c.endswith("*")))
    return tables


# In the order of the specification's datapackage; tests hold this against schema/*.json.
TABLES = _tables(
    (
        "organization",
        "organizations.csv",
        "id* name* alternate_name description* email website tax_status tax_id year_incorporated legal_status logo "
        "uri parent_organization_id",
    ),
    ("program", "programs.csv", "id* organization_id* name* alternate_name description*"),
    (
        "service",
        "services.csv",
        "id* organization_id* program_id name* alternate_name description url email status* interpretation_services "
        "application_process fees_description wait_time fees accreditations eligibility_description minimum_age "
        "maximum_age assured_date assurer_email licenses alert last_modified",
    ),
    ("attribute", "attributes.csv", "id* link_id* taxonomy_term_id* link_type link_entity* value"),
    ("service_at_location", "service_at_location.csv", "id* service_id* location_id* description"),
    (
        "location",
        "locations.csv",
        "id* location_type* url organization_id name alternate_name description transportation latitude longitude "
        "external_identifier external_identifier_type",
    ),
    (
        "phone",
        "phones.csv",
        "id* location_id service_id organization_id contact_id service_at_location_id number* extension type "
        "description",
    ),
    (
        "contact",
        "contacts.csv",
        "id* organization_id service_id service_at_location_id location_id name title department email",
    ),
    (
        "address",
        "addresses.csv",
        "id* location_id attention address_1* address_2 city* region state_province* postal_code* country* "
        "address_type*",
    ),
    (
        "schedule",
        "schedules.csv",
        "id* service_id location_id service_at_location_id valid_from valid_to dtstart timezone until count wkst "
        "freq interval byday byweekno bymonthday byyearday description opens_at closes_at schedule_link "
        "attending_type notes",
    ),
    ("funding", "funding.csv", "id* organization_id service_id source"),
    ("service_area", "service_areas.csv", "id* service_id name description extent extent_type uri"),
    ("required_document", "required_documents.csv", "id* service_id document uri"),
    ("language", "languages.csv", "id* service_id location_id phone_id name code note"),
    ("accessibility", "accessibility.csv", "id* location_id description details url"),
    (
        "taxonomy_term",
        "taxonomy_terms.csv",
        "id* code name* description* parent_id taxonomy language taxonomy_id term_uri",
    ),
    (
        "metadata",
        "metadata.csv",
        "id* resource_id* resource_type* last_action_date* last_action_type* field_name* previous_value* "
        "replacement_value* updated_by*",
    ),
    ("meta_table_description", "meta_table_descriptions.csv", "id* name language character_set"),
    (
        "cost_option",
        "cost_options.csv",
        "id* service_id* valid_from valid_to option currency amount amount_description",
    ),
    (
        "organization_identifier",
        "organization_identifiers.csv",
        "id* organization_id* identifier_scheme identifier_type* identifier*",
    ),
    ("taxonomy", "taxonomies.csv", "id* name* description* uri version"),
)
TABLE_BY_PATH = {table.path: table for table in TABLES.values()}

# Columns that are not plain strings, as the schemas type them.
NUMBER_COLUMNS = frozenset(
    {"year_incorporated", "minimum_age", "maximum_age", "latitude", "longitude", "extension"}
    | {"timezone", "count", "interval", "amount"}
)
UUID_COLUMNS = frozenset(
    column for table in TABLES.values() for column in table.columns if column == "id" or column.endswith("_id")
) - {"tax_id"}
EMAIL_COLUMNS = frozenset({"email", "assurer_email"})
URI_COLUMNS = frozenset({"website", "uri", "url", "term_uri", "schedule_link"})
ENUMS = {
    "status": ["active", "inactive", "defunct", "temporarily closed"],
    "location_type": ["physical", "postal", "virtual"],
    "address_type": ["physical", "postal", "virtual"],
    "wkst": ["MO", "TU", "WE", "TH", "FR", "SA", "SU"],
    "freq": ["WEEKLY", "MONTHLY"],
}
WEEKDAYS = ENUMS["wkst"]  # RFC 5545 day codes, Monday first like OpeningHours.Weekday

# What the directory exports, in the order above.
EXPORTED = [
    name
    for name in TABLES
    if name not in {"program", "contact", "funding", "metadata", "meta_table_description", "organization_identifier"}
]


def record(table, **values):
    """A flat record of `table`: its columns in the schema's order, empty optional ones left out."""
    spec = TABLES[table]
    unknown = values.keys() - set(spec.columns)
    if unknown:
        raise TypeError(f"{table} has no column {', '.join(sorted(unknown))}")
    result = {}
    for column in spec.columns:
        value = values.get(column)
        if value is None or value == "":
            if column not in spec.required:
                continue
            value = ""
        result[column] = str(value) if isinstance(value, uuid.UUID) else value
    return result


def datapackage(tables, **descriptor):
    """A Frictionless tabular data package describing the CSV files of `tables`."""
    return {
        **descriptor,
        "profile": "tabular-data-package",
        "resources": [_resource(TABLES[name], tables) for name in tables],
    }


def _resource(table, included):
    fields = [_field(table, column) for column in table.columns]
    foreign_keys = []
    for column in table.columns:
        target = _referenced_table(table, column)
        if target in included:
            resource = "" if target == table.name else target  # "" is the table itself
            foreign_keys.append({"fields": column, "reference": {"resource": resource, "fields": "id"}})
    schema = {"fields": fields, "primaryKey": "id"}
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return {
        "name": table.name,
        "path": table.path,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def _field(table, column):
    field = {"name": column, "type": "number" if column in NUMBER_COLUMNS else "string"}
    if column in UUID_COLUMNS:
        field["format"] = "uuid"
    elif column in EMAIL_COLUMNS:
        field["format"] = "email"
    elif column in URI_COLUMNS:
        field["format"] = "uri"
    constraints = {"required": True} if column in table.required else {}
    if column == "id":
        constraints["unique"] = True
    if column in ENUMS:
        constraints["enum"] = ENUMS[column]
    if constraints:
        field["constraints"] = constraints
    return field


def _referenced_table(table, column):
    if column == "parent_id":
        return table.name
    if column == "parent_organization_id":
        return "organization"
    return column.removesuffix("_id") if column in UUID_COLUMNS else None
