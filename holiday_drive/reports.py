"""Figures for staff: the campaign report (families, children, packages, sponsors, pickups) and sponsor coverage."""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from holiday_drive.models import HolidayCampaignPage, Package, RegisteredChild, Registration, Sponsor

Status = Registration.Status

# Families past staff confirmation: the ones sponsors may adopt, and the base of the share sponsored.
CONFIRMED_OR_LATER = [Status.CONFIRMED, Status.SPONSORED, Status.READY, Status.PICKED_UP, Status.NO_SHOW]
# Families that do not hold a place under the cap: they count neither children nor packages.
WITHOUT_A_PLACE = [Status.WAITLISTED, Status.CANCELLED]


@dataclass
class CampaignReport:
    """One campaign in numbers; shares are None while their base is zero."""

    campaign: HolidayCampaignPage
    families_by_status: dict  # every Status, zero included, in the order of Status
    children: int  # children of families holding a place
    children_waiting: int  # children of families on the waiting list
    packages: dict  # Package → families holding a place that asked for it
    confirmed: int  # families confirmed or further along
    sponsored: int  # of those, families a sponsor adopted
    sponsors: list = field(default_factory=list)  # SponsorCoverage lines

    @property
    def families(self):
        return sum(self.families_by_status.values())

    @property
    def holding_a_place(self):
        return self.families - sum(self.families_by_status[status] for status in WITHOUT_A_PLACE)

    @property
    def picked_up(self):
        return self.families_by_status[Status.PICKED_UP]

    @property
    def no_shows(self):
        return self.families_by_status[Status.NO_SHOW]

    @property
    def share_sponsored(self):
        """Sponsored ÷ confirmed-or-later families."""
        return _share(self.sponsored, self.confirmed)

    @property
    def share_picked_up(self):
        """Picked up ÷ families holding a place."""
        return _share(self.picked_up, self.holding_a_place)

    @property
    def promised(self):
        return sum(line.promised for line in self.sponsors)

    @property
    def adopted(self):
        return sum(line.adopted for line in self.sponsors)

    @property
    def gifts_received(self):
        return sum(line.gifts_received for line in self.sponsors)


@dataclass
class SponsorCoverage:
    sponsor: Sponsor
    promised: int
    adopted: int
    gifts_received: int

    @property
    def families_left(self):
        return max(self.promised - self.adopted, 0)


def campaign_report(campaign):
    """The campaign's figures; three queries whatever the number of registrations and sponsors."""
    registrations = Registration.objects.filter(campaign=campaign)
    holding = ~Q(status__in=WITHOUT_A_PLACE)
    counts = registrations.aggregate(
        **{f"status_{status.value}": Count("pk", filter=Q(status=status)) for status in Status},
        **{
            f"wants_{package.value}": Count("pk", filter=holding & Q(**{f"wants_{package.value}": True}))
            for package in Package
        },
        confirmed=Count("pk", filter=Q(status__in=CONFIRMED_OR_LATER)),
        sponsored=Count("pk", filter=Q(status__in=CONFIRMED_OR_LATER, adoption__isnull=False)),
    )
    children = RegisteredChild.objects.filter(registration__campaign=campaign).aggregate(
        holding=Count("pk", filter=~Q(registration__status__in=WITHOUT_A_PLACE)),
        waiting=Count("pk", filter=Q(registration__status=Status.WAITLISTED)),
    )
    return CampaignReport(
        campaign=campaign,
        families_by_status={status: counts[f"status_{status.value}"] for status in Status},
        children=children["holding"],
        children_waiting=children["waiting"],
        packages={package: counts[f"wants_{package.value}"] for package in Package},
        confirmed=counts["confirmed"],
        sponsored=counts["sponsored"],
        sponsors=sponsor_coverage(campaign),
    )


def with_coverage(sponsors):
    """Annotate `adopted` and `gifts_received` on a queryset of sponsors (one query, no join fan-out)."""
    return sponsors.annotate(
        adopted=Count("adoptions", distinct=True),
        gifts_received=Count("adoptions", filter=Q(adoptions__gifts_received_at__isnull=False), distinct=True),
    )


def sponsor_coverage(campaign):
    """Per sponsor of the campaign, by name: families promised, adopted, gifts received. One query."""
    return [
        SponsorCoverage(
            sponsor=sponsor,
            promised=sponsor.families_to_adopt,
            adopted=sponsor.adopted,
            gifts_received=sponsor.gifts_received,
        )
        for sponsor in with_coverage(Sponsor.objects.filter(campaign=campaign)).order_by("name", "pk")
    ]


def percent(share):
    """A share as staff read it: "42 %"; "—" when there is nothing to divide by."""
    return "—" if share is None else f"{share:.0%}"


CHART_ROW = 28  # pixels per bar, its label and its value
CHART_LABEL_WIDTH = 190


def bar_chart(rows, *, bar_width=360):
    """Geometry for an SVG bar chart of (label, value) rows: the longest bar is `bar_width` pixels."""
    largest = max((value for _label, value in rows), default=0)
    bars = []
    for index, (label, value) in enumerate(rows):
        length = round(bar_width * value / largest) if largest else 0
        y = index * CHART_ROW
        bars.append(
            {
                "label": label,
                "value": value,
                "length": length,
                "y": y + 4,
                "text_y": y + 19,
                "value_x": CHART_LABEL_WIDTH + length + 6,
            }
        )
    return {
        "bars": bars,
        "bar_x": CHART_LABEL_WIDTH,
        "width": CHART_LABEL_WIDTH + bar_width + 60,
        "height": len(rows) * CHART_ROW + 4,
    }


def _share(part, whole):
    return part / whole if whole else None
