from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.aid_requests.factories import AidRequestFactory

pytestmark = pytest.mark.django_db


def test_the_digest_lists_urgent_requests_waiting_over_a_day(staff, home):
    old = timezone.now() - timedelta(hours=30)
    waiting = AidRequestFactory(urgency="urgent")
    waiting.__class__.objects.filter(pk=waiting.pk).update(status_changed_at=old)
    fresh = AidRequestFactory(urgency="emergency")
    routine = AidRequestFactory(urgency="routine")
    routine.__class__.objects.filter(pk=routine.pk).update(status_changed_at=old)
    out = StringIO()
    call_command("send_staff_digest", stdout=out)
    (message,) = mail.outbox
    assert message.to == [staff.email]
    assert waiting.reference in message.body
    assert fresh.reference not in message.body and routine.reference not in message.body
    assert "1 urgent requests waiting" in out.getvalue()
