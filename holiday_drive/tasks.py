"""Periodic work of the holiday drive, run by the task worker on the schedule in portal/schedule.py."""

from django_tasks import task

from holiday_drive.notifications import remind_tomorrows_pickups


@task()
def send_pickup_reminders():
    """Remind every family picking up tomorrow, once; returns the summary line."""
    return remind_tomorrows_pickups()
