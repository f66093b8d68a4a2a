"""The campaign report: every figure equals a count made directly from the registrations."""

import pytest

from holiday_drive.models import Adoption, Package, Registration
from holiday_drive.reports import campaign_report
from tests.holiday_drive.factories import (
    AdoptionFactory,
    HolidayCampaignPageFactory,
    RegisteredChildFactory,
    RegistrationFactory,
    SponsorFactory,
)

pytestmark = pytest.mark.django_db

URL = "/admin/holiday-drive/report/"
Status = Registration.Status
ADOPTED_STATUSES = {Status.SPONSORED, Status.READY, Status.PICKED_UP, Status.NO_SHOW}


@pytest.fixture
def drive(campaign):
    """Two or three families in every status, one to three children each, varied packages; sponsors adopt some."""
    sponsors = SponsorFactory.create_batch(2, campaign=campaign)
    for index, status in enumerate(Status):
        for copy in range(2 + index % 2):
            registration = RegistrationFactory(
                campaign=campaign, status=status, wants_clothing=copy % 2 == 0, wants_gifts=index % 3 != 0
            )
            for letter in "ABC"[: 1 + (index + copy) % 3]:
                RegisteredChildFactory(registration=registration, letter=letter)
            if status in ADOPTED_STATUSES or (status == Status.CANCELLED and copy == 0):
                AdoptionFactory(sponsor=sponsors[copy % 2], registration=registration, gifts_received_at=None)
    Adoption.objects.filter(registration__status__in=[Status.READY, Status.PICKED_UP]).update(
        gifts_received_at=campaign.registration_opens
    )
    other = HolidayCampaignPageFactory(parent=campaign.get_parent(), slug="holiday-2025", family_number_prefix="H25")
    RegisteredChildFactory(registration=RegistrationFactory(campaign=other, status=Status.PICKED_UP))
    return campaign


def test_each_figure_equals_a_direct_count(drive):
    report = campaign_report(drive)
    registrations = list(Registration.objects.filter(campaign=drive).prefetch_related("children"))
    holding = [r for r in registrations if r.status not in (Status.WAITLISTED, Status.CANCELLED)]
    confirmed = [r for r in registrations if r.status in ADOPTED_STATUSES | {Status.CONFIRMED}]
    adopted = set(Adoption.objects.values_list("registration_id", flat=True))
    assert report.families_by_status == {s: sum(r.status == s for r in registrations) for s in Status}
    assert (report.families, report.holding_a_place) == (len(registrations), len(holding))
    assert report.children == sum(len(r.children.all()) for r in holding)
    assert report.children_waiting == sum(len(r.children.all()) for r in registrations if r.is_waitlisted)
    assert report.packages == {p: sum(getattr(r, f"wants_{p.value}") for r in holding) for p in Package}
    assert (report.confirmed, report.sponsored) == (len(confirmed), sum(r.pk in adopted for r in confirmed))
    assert report.share_sponsored == report.sponsored / len(confirmed)
    assert report.share_picked_up == sum(r.status == Status.PICKED_UP for r in registrations) / len(holding)
    assert report.no_shows == sum(r.status == Status.NO_SHOW for r in registrations)


def test_sponsor_coverage_counts_promises_adoptions_and_gifts_per_sponsor(drive):
    for line in campaign_report(drive).sponsors:
        adoptions = Adoption.objects.filter(sponsor=line.sponsor)
        assert line.promised == line.sponsor.families_to_adopt
        assert line.adopted == adoptions.count() > 0
        assert line.gifts_received == adoptions.exclude(gifts_received_at=None).count()


def test_the_report_takes_three_queries_whatever_the_number_of_families(drive, django_assert_num_queries):
    with django_assert_num_queries(3):
        campaign_report(drive)


def test_an_empty_campaign_has_no_shares_rather_than_a_division_by_zero(campaign):
    report = campaign_report(campaign)
    assert (report.families, report.share_sponsored, report.share_picked_up) == (0, None, None)


def test_the_page_shows_the_table_and_an_accessible_chart_of_the_same_figures(staff_client, drive):
    report = campaign_report(drive)
    html = staff_client.get(URL, {"campaign": drive.pk}).text
    assert 'role="img"' in html and 'aria-labelledby="status-chart-title status-chart-desc"' in html
    waiting = report.families_by_status[Status.WAITLISTED]
    assert f'<th scope="row">On the waiting list</th><td>{waiting}</td>' in html
    assert f"{report.share_sponsored:.0%} ({report.sponsored} of {report.confirmed})" in html


def test_families_cannot_read_the_report(client, family, drive):
    client.force_login(family)
    response = client.get(URL)
    assert response.status_code == 403 and "Families by status" not in response.text
