"""The holiday drive day by day, this campaign against the one before: registrations, families adopted,
gifts received, pickups and no-shows on each day since registration opened. One GROUP BY query per measure."""

from django import forms
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone

from holiday_drive.models import Adoption, Registration
from holiday_drive.models.campaigns import campaigns
from portal.chart_reports import ChartReportView, FigureTable

# (heading, model, the campaign's path from the model, the moment it happened, extra filter)
MEASURES = [
    ("Registrations", Registration, "campaign", "created_at", {}),
    ("Families adopted", Adoption, "registration__campaign", "adopted_at", {}),
    ("Gifts received", Adoption, "registration__campaign", "gifts_received_at", {}),
    ("Picked up", Registration, "campaign", "picked_up_at", {}),
    ("No-shows", Registration, "campaign", "status_changed_at", {"status": Registration.Status.NO_SHOW}),
]


def _by_day(measure, chosen):
    """{(campaign pk, day number): count} for the chosen campaigns; day 1 is the day registration opened."""
    _heading, model, campaign_path, moment, extra = measure
    opened = {campaign.pk: timezone.localdate(campaign.registration_opens) for campaign in chosen}
    rows = (
        model.objects.filter(**{f"{campaign_path}__in": list(opened), f"{moment}__isnull": False}, **extra)
        .annotate(day=TruncDate(moment))
        .values_list(campaign_path, "day")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {(campaign_id, (day - opened[campaign_id]).days + 1): count for campaign_id, day, count in rows}


def by_day_of_campaign(campaign, previous):
    """A FigureTable: a row per day of the campaign, a column per measure and campaign."""
    chosen = [campaign] + ([previous] if previous else [])
    counts = [_by_day(measure, chosen) for measure in MEASURES]
    days = sorted({day for figures in counts for _campaign_id, day in figures})
    columns = ["Day of the campaign"]
    for heading, *_rest in MEASURES:
        columns += [f"{heading}, {each.year}" for each in chosen]
    rows = [
        [day] + [figures.get((each.pk, day), 0) for figures in counts for each in chosen]
        for day in range(min(days, default=1), max(days, default=0) + 1)
    ]
    return FigureTable(
        slug="by-day",
        title=f"{campaign.title} day by day" + (f", against {previous.title}" if previous else ""),
        columns=columns,
        rows=rows,
        chart="line",
        series_columns=list(range(1, 1 + len(chosen))),
        note="Day 1 is the day registration opened. The chart shows registrations; the table has every measure.",
    )


class CampaignFilters(forms.Form):
    campaign = forms.TypedChoiceField(label="Campaign", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.drives = list(campaigns().order_by("-registration_opens", "-pk"))
        self.fields["campaign"].choices = [(drive.pk, drive.title) for drive in self.drives]

    def clean_campaign(self):
        chosen = self.cleaned_data["campaign"]
        return next((drive for drive in self.drives if drive.pk == chosen), self.drives[0] if self.drives else None)


class CampaignByDayView(ChartReportView):
    permission = "holiday_drive.change_registration"
    page_title = "Holiday drive day by day"
    export_filename = "holiday-drive"
    filter_form_class = CampaignFilters
    intro = "This campaign against the one before it, counted on each day since registration opened."

    def tables(self, filters):
        campaign = filters["campaign"]
        if campaign is None:
            return []
        form = self.form
        earlier = [drive for drive in form.drives if drive.registration_opens < campaign.registration_opens]
        return [by_day_of_campaign(campaign, earlier[0] if earlier else None)]
