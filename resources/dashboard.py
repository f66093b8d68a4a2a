"""Wagtail home panels for staff: listings overdue for their check, and programs families keep reporting.

Each panel is a count, the five oldest and a link to the full list: two queries whatever the numbers.
"""

import datetime

from django.db.models import Count, Min
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component

from resources.listing_admin import CHECKERS, REPORT_HANDLERS, overdue_programs
from resources.models import ProblemReport

SHOWN = 5
FLAG_REPORTS = 3  # reports of one program within FLAG_DAYS that flag it
FLAG_DAYS = 7


class ListingPanel(Component):
    template_name = "resources/admin/dashboard_panel.html"

    def __init__(self, count, rows, link):
        self.count, self.rows, self.link = count, rows, link

    def get_context_data(self, parent_context):
        return {"panel": self}


class OverdueListingsPanel(ListingPanel):
    name = "overdue_listings"
    order = 150
    heading = "Listings overdue for their check"
    empty = "Every listing was checked within the year."

    @classmethod
    def build(cls):
        programs = overdue_programs()
        rows = [(program.title, program.last_verified or "never checked", program.pk) for program in programs[:SHOWN]]
        return cls(programs.count(), rows, reverse("resources_overdue"))


class ReportedProgramsPanel(ListingPanel):
    name = "reported_programs"
    order = 160
    heading = f"Programs reported {FLAG_REPORTS} or more times this week"
    empty = "No program was reported that often this week."

    @classmethod
    def build(cls, now=None):
        since = (now or timezone.now()) - datetime.timedelta(days=FLAG_DAYS)
        flagged = (
            ProblemReport.objects.open()
            .filter(created_at__gte=since)
            .values("program_id", "program__title")
            .annotate(reports=Count("id"), first=Min("created_at"))
            .filter(reports__gte=FLAG_REPORTS)
            .order_by("first", "program_id")
        )
        rows = [(row["program__title"], f"{row['reports']} reports", row["program_id"]) for row in flagged[:SHOWN]]
        return cls(flagged.count(), rows, reverse("resources_reports"))


@hooks.register("construct_homepage_panels")
def add_listing_panels(request, panels):
    """Staff only: people who can check listings or handle reports."""
    if any(request.user.has_perm(permission) for permission in CHECKERS):
        panels.append(OverdueListingsPanel.build())
    if any(request.user.has_perm(permission) for permission in REPORT_HANDLERS):
        panels.append(ReportedProgramsPanel.build())
