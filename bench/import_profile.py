"""`python -m bench.import_profile [rows] [--profile FILE]`: CPU time and queries of one import on the bench database.

The import of bench/importing.py (new programs, rolled back after), with the process's CPU time and the
statements it sends, by kind, beside the wall-clock time; `--profile` writes a cProfile of it (read it with
`python -m pstats FILE`). CPU time and query counts vary less than wall-clock time on a busy machine.
"""

import argparse
import cProfile
import os
import random
import time
from collections import Counter
from itertools import pairwise


def main():
    parser = argparse.ArgumentParser(prog="python -m bench.import_profile", description=__doc__.splitlines()[0])
    parser.add_argument("rows", type=int, nargs="?", default=2000)
    parser.add_argument("--profile", help="write a cProfile of the import to this file")
    arguments = parser.parse_args()

    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bench import importing

    profiler = cProfile.Profile() if arguments.profile else None
    load = os.getloadavg()[0]
    server_started = _server_cpu(connection)
    with CaptureQueriesContext(connection) as queries:
        started, cpu_started = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        seconds, note = importing.import_seconds(random.Random(2), arguments.rows)
        if profiler:
            profiler.disable()
        cpu = time.process_time() - cpu_started
        wall = time.perf_counter() - started
    server_cpu = _server_cpu(connection) - server_started if server_started is not None else None
    if profiler:
        profiler.dump_stats(arguments.profile)
    kinds, waits = Counter(), Counter()
    for query in queries.captured_queries:
        kinds[_kind(query["sql"])] += 1
        waits[_kind(query["sql"])] += float(query["time"])
    database_seconds = sum(float(query["time"]) for query in queries.captured_queries)
    print(f"{connection.vendor}, {arguments.rows} rows, load {load:.2f}: {note or 'imported'}")
    print(f"  import {seconds or 0:.2f} s wall; with the rollback {wall:.2f} s wall, {cpu:.2f} s CPU of this process")
    if server_cpu is not None:
        print(f"  {server_cpu:.2f} s CPU of the PostgreSQL process serving it")
    print(f"  {len(queries)} queries ({len(queries) / arguments.rows:.2f} a row), {database_seconds:.2f} s waiting")
    for kind, wait in waits.most_common(25):
        print(f"  {kinds[kind]:7d} {wait:6.2f} s  {kind}")


def _server_cpu(connection):
    """CPU seconds the PostgreSQL process serving `connection` has used, when it runs on this machine."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:  # another machine, or no /proc
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime and stime


def _kind(sql):
    """A statement's verb and first table, so that the same statement with other values counts once."""
    words = sql.split()
    table = next((word for previous, word in pairwise(words) if previous.upper() in {"FROM", "INTO", "UPDATE"}), "")
    return f"{words[0].upper()} {table.strip(chr(34))}"


if __name__ == "__main__":
    main()
