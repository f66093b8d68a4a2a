"""Open Referral HSDS 3.0 interchange: export, import and the read-only API's records.

tables.py knows the 21 tables of the specification; records.py turns the published
directory into flat records of those tables, nested.py nests them as the API answers,
and cached.py keeps the API's records until the content changes; files.py writes and
reads them as JSON and as the tabular form (CSV with datapackage.json); loading.py (with
values.py) turns records into agencies, programs, categories, languages and hours.
"""
