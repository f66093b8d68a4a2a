"""An agency proposes new details for itself; staff approve (the change is applied) or send it back with a comment.

Who decided and when is kept on the AgencyChange; the agency's live record changes only on approval.
"""

from django.db import transaction
from django.utils import timezone

from resources.models import Agency, AgencyChange

# What an agency may propose about itself; its partner profile and status stay with the office.
PROPOSED_AGENCY_FIELDS = [
    "description",
    "description_es",
    "phone",
    "email",
    "website",
    "address_1",
    "city",
    "zip_code",
    "accessibility",
    "accessibility_es",
]


def pending(agency):
    return AgencyChange.objects.filter(agency=agency, status=AgencyChange.Status.PENDING).first()


@transaction.atomic
def propose(agency, user, cleaned):
    """Keep the fields that differ from the live record as the agency's one pending change; None if none differ."""
    changes = {name: cleaned[name] for name in PROPOSED_AGENCY_FIELDS if cleaned[name] != getattr(agency, name)}
    AgencyChange.objects.filter(agency=agency, status=AgencyChange.Status.PENDING).delete()  # replaced
    if not changes:
        return None
    return AgencyChange.objects.create(agency=agency, proposed_by=user, changes=changes)


@transaction.atomic
def decide(change_id, user, approve, comment=""):
    """Approve (apply the changes) or send back; False if the change was already decided."""
    change = AgencyChange.objects.select_for_update().filter(pk=change_id, status=AgencyChange.Status.PENDING).first()
    if change is None:
        return False
    if approve:
        agency = Agency.objects.select_for_update().get(pk=change.agency_id)
        for name, value in change.changes.items():
            if name in PROPOSED_AGENCY_FIELDS:
                setattr(agency, name, value)
        agency.full_clean()
        agency.save()
    change.status = AgencyChange.Status.APPROVED if approve else AgencyChange.Status.SENT_BACK
    change.decided_by, change.decided_at, change.comment = user, timezone.now(), comment
    change.save(update_fields=["status", "decided_by", "decided_at", "comment"])
    return True


def side_by_side(change):
    """(field label, now, proposed) rows for the staff comparison."""
    fields = {field.name: field for field in Agency._meta.fields}
    return [
        (fields[name].verbose_name, getattr(change.agency, name), value)
        for name, value in change.changes.items()
        if name in fields
    ]
