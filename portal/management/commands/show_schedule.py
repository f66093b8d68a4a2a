from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.models import ScheduledRun
from portal.schedule import JOBS
from portal.scheduler import next_time


def _local(moment):
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M %Z}"


class Command(BaseCommand):
    help = "List the scheduled jobs: when each runs next (office time) and how its last run went."

    def handle(self, *args, **options):
        now = timezone.now()
        for job in JOBS:
            last = ScheduledRun.objects.filter(job=job.name).order_by("-run_at").first()
            upcoming = _local(next_time(job, now)) if job.is_enabled else f"disabled ({job.enabled} is not set)"
            past = f"{_local(last.run_at)} {last.outcome}" if last else "never"
            self.stdout.write(f"{job.name:<20} {job.cron:<14} next: {upcoming:<22} last: {past}")
            self.stdout.write(f"{'':<20} {job.description}")
