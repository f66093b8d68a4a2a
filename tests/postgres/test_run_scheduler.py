"""`manage.py run_scheduler` as production runs it: it ticks, beats, and takes its heartbeat down when stopped."""

import signal

import pytest

from portal.models import Heartbeat
from tests.postgres.processes import manage, wait_for

pytestmark = pytest.mark.django_db(transaction=True)  # the scheduler sees committed rows only


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_it_beats_and_stops_cleanly_between_ticks(stop):
    scheduler = manage("run_scheduler", SCHEDULER_TICK_SECONDS="300")
    wait_for(lambda: Heartbeat.objects.filter(process="scheduler").exists(), scheduler)
    scheduler.send_signal(stop)
    assert scheduler.wait(timeout=30) == 0  # not the five minutes to the next tick
    assert not Heartbeat.objects.filter(process="scheduler").exists()
