"""Backups of the whole site: the database plus the media folder, in one timestamped folder whose
manifest lets a restore prove it brought back every row.

PostgreSQL is dumped with pg_dump (custom format); SQLite, the development database, is copied with
its online backup API. A backup is written under a hidden temporary name and renamed when complete,
so a folder named like a backup is always a whole one.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
from contextlib import closing
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

PREFIX = "connection-center-"
STAMP = "%Y%m%d-%H%M%S"
PARTIAL = ".partial"
MANIFEST = "manifest.json"
MEDIA = "media.tar.gz"
DATABASE_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
PG_DUMP = "pg_dump"
PG_RESTORE = "pg_restore"
# No owners or grants: the dump restores into any server under any database user.
DUMP_OPTIONS = ("--format=custom", "--no-owner", "--no-privileges")
# One transaction (which implies --exit-on-error): a failed restore leaves the database as it was.
RESTORE_OPTIONS = ("--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction")


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message tells the operator why."""


@dataclass
class Restored:
    manifest: dict
    differences: list = field(default_factory=list)  # (table, rows in the backup, rows now), None when missing
    pending_migrations: int = 0  # the code is newer than the backup: `migrate` is due
    unknown_migrations: list = field(default_factory=list)  # the backup is newer than the code


def default_directory():
    return Path(settings.BACKUP_DIR) if settings.BACKUP_DIR else settings.BASE_DIR / "backups"


def take(directory=None):
    """Write a new backup folder into `directory` and return its path; reads every table once to count rows."""
    engine = _engine()
    directory = Path(directory or default_directory())
    directory.mkdir(parents=True, exist_ok=True)
    now = timezone.localtime()
    name = PREFIX + now.strftime(STAMP)
    partial = directory / f".{name}{PARTIAL}"
    partial.mkdir(mode=0o700)  # families' personal data: only the account that backs up may read it
    try:
        manifest = {"format": 1, "created_at": now.isoformat(timespec="seconds"), "code_version": code_version()}
        manifest |= _dump_database(engine, partial / DATABASE_FILES[engine])
        _archive_media(Path(settings.MEDIA_ROOT), partial / MEDIA)
        manifest["files"] = {path.name: _describe(path) for path in sorted(partial.iterdir())}
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        partial.rename(directory / name)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return directory / name


def load_manifest(path):
    """The manifest of a backup folder as written, unchecked (as `take` has just written it)."""
    folder = Path(path)
    try:
        return json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} is not a complete backup: {error}") from error


def read_manifest(path):
    """The manifest of a complete backup folder, after checking every file against its checksum."""
    folder = Path(path)
    manifest = load_manifest(folder)
    for name, expected in manifest["files"].items():
        if not (folder / name).is_file() or _describe(folder / name) != expected:
            raise BackupError(
                f"{folder / name} is missing or damaged (its size or checksum differs from the manifest)."
            )
    return manifest


def has_tables():
    return bool(connection.introspection.table_names())


def restore(path, manifest=None):
    """Replace the database's contents and the media folder with a backup's, then compare row counts.

    `manifest` is the folder's, already checked by read_manifest; read and checked here when not given.
    """
    folder = Path(path)
    manifest = manifest or read_manifest(folder)
    engine = _engine()
    if connection.in_atomic_block:
        raise BackupError("A restore cannot run inside a transaction: it replaces the whole database.")
    if manifest["engine"] != engine:
        raise BackupError(f"This backup holds a {manifest['engine']} database; DATABASE_URL names a {engine} one.")
    dump = folder / DATABASE_FILES[engine]
    if engine == "postgresql":
        connection.close()  # an idle session of ours would hold locks that pg_restore's DROPs wait for
        _run(PG_RESTORE, *RESTORE_OPTIONS, f"--dbname={connection.settings_dict['NAME']}", str(dump))
    else:
        connection.ensure_connection()
        with closing(sqlite3.connect(dump)) as source:
            source.backup(connection.connection)
    _restore_media(folder / MEDIA, Path(settings.MEDIA_ROOT))
    counts = row_counts()
    executor = MigrationExecutor(connection)
    return Restored(
        manifest=manifest,
        differences=[
            (table, rows, counts.get(table))
            for table, rows in sorted(manifest["row_counts"].items())
            if counts.get(table) != rows
        ],
        pending_migrations=len(executor.migration_plan(executor.loader.graph.leaf_nodes())),
        unknown_migrations=[
            f"{app}.{name}"
            for app, name in sorted(manifest["migrations"].items())
            if (app, name) not in executor.loader.graph.nodes
        ],
    )


def prune(directory=None, daily=None, weekly=None, monthly=None):
    """Delete backups beyond the newest one per day, ISO week and month kept; returns the deleted paths.

    All three counts at 0 keep everything. Folders not named like a finished backup are never touched,
    except our own temporary folders left by a backup that died more than a day ago.
    """
    directory = Path(directory or default_directory())
    counts = (
        settings.BACKUP_KEEP_DAILY if daily is None else daily,
        settings.BACKUP_KEEP_WEEKLY if weekly is None else weekly,
        settings.BACKUP_KEEP_MONTHLY if monthly is None else monthly,
    )
    if not directory.is_dir() or not any(counts):
        return []
    backups = sorted(_finished_backups(directory), key=lambda backup: backup[1], reverse=True)
    keep = {backups[0][0]} if backups else set()
    periods = (
        lambda taken: taken.date(),
        lambda taken: taken.isocalendar()[:2],
        lambda taken: (taken.year, taken.month),
    )
    for count, period in zip(counts, periods, strict=True):
        seen = set()
        for path, taken in backups:
            if period(taken) not in seen and len(seen) < count:
                seen.add(period(taken))
                keep.add(path)
    day_ago = time.time() - 24 * 60 * 60
    stale = [path for path in directory.glob(f".{PREFIX}*{PARTIAL}") if path.stat().st_mtime < day_ago]
    removed = sorted(path for path, _ in backups if path not in keep) + stale
    for path in removed:
        shutil.rmtree(path)
    return removed


def row_counts():
    """Rows per table of the default database; one COUNT query per table."""
    quote = connection.ops.quote_name
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def code_version():
    try:
        package = metadata.version("connection-center")
    except metadata.PackageNotFoundError:
        package = None
    try:
        described = subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=5
        )
        git = described.stdout.strip() if described.returncode == 0 else None
    except (OSError, subprocess.TimeoutExpired):
        git = None
    return {"package": package, "git": git}


def _engine():
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    return connection.vendor


def _dump_database(engine, target):
    """Dump the database and describe it; the counts and the dump see the same moment of a live site."""
    if engine == "postgresql" and connection.in_atomic_block:
        raise BackupError("A PostgreSQL backup cannot run inside a transaction: it needs its own snapshot.")
    with transaction.atomic():
        if engine == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
        facts = {"engine": engine, "migrations": _latest_migrations(), "row_counts": row_counts()}
        if engine == "postgresql":
            # pg_dump joins our snapshot, so rows written since the counts above are in neither.
            _run(PG_DUMP, *DUMP_OPTIONS, f"--snapshot={snapshot}", f"--file={target}")
        else:
            with closing(sqlite3.connect(target)) as copy:
                connection.connection.backup(copy)
    return facts


def _latest_migrations():
    """The last migration applied in each app, e.g. {"portal": "0006_heartbeat_scheduledrun"}."""
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return {}
    return dict(recorder.migration_qs.order_by("applied", "id").values_list("app", "name"))


def _run(program, *arguments):
    """Run a PostgreSQL client with the connection in its environment: no password on a command line."""
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(
            f"{program} is not installed on this host: install the PostgreSQL client tools "
            "(the server's major version or newer), e.g. apt-get install postgresql-client."
        )
    result = subprocess.run([executable, *arguments], env=_libpq_environment(), capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{program} failed (exit {result.returncode}): {result.stderr.strip()}")


def _libpq_environment():
    database = connection.settings_dict
    values = {
        "PGDATABASE": database["NAME"],
        "PGHOST": database.get("HOST"),
        "PGPORT": database.get("PORT"),
        "PGUSER": database.get("USER"),
        "PGPASSWORD": database.get("PASSWORD"),
        "PGSSLMODE": database.get("OPTIONS", {}).get("sslmode"),
    }
    return os.environ | {name: str(value) for name, value in values.items() if value}


def _archive_media(media_root, target):
    with tarfile.open(target, "w:gz") as archive:
        if media_root.exists():
            for child in sorted(media_root.iterdir()):
                archive.add(child, arcname=child.name)


def _restore_media(archive, media_root):
    """Unpack into a staging folder first, so a bad archive leaves the current media in place."""
    with tempfile.TemporaryDirectory(prefix="connection-center-media-") as staging:
        with tarfile.open(archive) as tar:
            tar.extractall(staging, filter="data")
        media_root.mkdir(parents=True, exist_ok=True)
        for child in media_root.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
        for child in Path(staging).iterdir():
            shutil.move(child, media_root / child.name)


def _finished_backups(directory):
    for path in directory.glob(f"{PREFIX}*"):
        try:
            taken = datetime.datetime.strptime(path.name.removeprefix(PREFIX), STAMP)
        except ValueError:
            continue
        if (path / MANIFEST).is_file():
            yield path, taken


def _describe(path):
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return {"bytes": path.stat().st_size, "sha256": digest.hexdigest()}
