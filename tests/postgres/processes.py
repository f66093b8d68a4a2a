"""Real `manage.py` processes against the test database, as production runs them."""

import os
import subprocess
import sys
import time

from django.conf import settings
from django.db import connection


def manage(*args, **env):
    """Start `manage.py *args` on the test database with the database queue; returns the process."""
    db = connection.settings_dict
    user = f"{db['USER']}:{db['PASSWORD']}" if db["PASSWORD"] else db["USER"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.postgres.queue_settings",
        "DATABASE_URL": f"postgres://{user}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        **env,
    }
    command = [sys.executable, str(settings.BASE_DIR / "manage.py"), *args]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def wait_for(condition, process, seconds=60):
    """Poll `condition` until it holds; fails with the process's output if it never does."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            raise AssertionError(process.communicate()[0])
        time.sleep(0.2)
