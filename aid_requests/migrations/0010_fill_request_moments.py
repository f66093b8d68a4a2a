"""Fill the stored moments of every request from its offers and timeline, in one UPDATE.

The same definition as aid_requests.workflow.request_moments, written out here so that this migration keeps
meaning what it meant when it ran.
"""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def fill(apps, schema_editor):
    AidRequest = apps.get_model("aid_requests", "AidRequest")
    Offer = apps.get_model("aid_requests", "Offer")
    StatusEvent = apps.get_model("aid_requests", "StatusEvent")
    offers = Offer.objects.filter(request=OuterRef("pk")).order_by()
    fulfilled = StatusEvent.objects.filter(request=OuterRef("pk"), to_status="fulfilled")
    AidRequest.objects.update(
        first_offered_at=Subquery(offers.order_by("offered_at", "pk").values("offered_at")[:1]),
        accepted_at=Subquery(offers.filter(status="accepted").values("answered_at")[:1]),
        fulfilled_at=Subquery(fulfilled.order_by("created_at", "pk").values("created_at")[:1]),
    )


class Migration(migrations.Migration):
    dependencies = [("aid_requests", "0009_request_moments")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop, elidable=True)]
