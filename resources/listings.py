"""Agencies keep their own listings true: proposed changes go through a Wagtail workflow that staff approve,
and every confirmation (an agency's "all still correct", an approved change, a staff check) is a ListingCheck.

A proposal is a page revision: families keep seeing the published page until staff approve, staff compare
the revision with the live page in the admin, and Wagtail records who approved or sent it back, when and why.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Workflow, WorkflowState, WorkflowTask, get_default_page_content_type

from portal import page_cache
from portal.roles import STAFF
from resources.models import AgencyMembership, Closure, ListingCheck, ResourcePage

_kept_in_bulk = ContextVar("latest_checks_kept_in_bulk", default=False)

WORKFLOW_NAME = "Agency listing changes"
TASK_NAME = "Office review of an agency's change"


def listing_workflow():
    """The workflow agencies' proposals go through, created the first time it is needed; staff approve."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is not None:
        return workflow
    with transaction.atomic():
        workflow = Workflow.objects.create(name=WORKFLOW_NAME)
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        task.groups.set(Group.objects.filter(name=STAFF))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def member_agency_ids(user):
    """Ids of the active agencies `user` works for; one query."""
    if not user.is_authenticated:
        return []
    return list(AgencyMembership.objects.filter(user=user, agency__is_active=True).values_list("agency_id", flat=True))


def programs_of(agency_ids):
    """Every program of these agencies, each language's copy, agency and locale loaded; one query."""
    return list(
        ResourcePage.objects.filter(agency_id__in=agency_ids)
        .select_related("agency", "locale")
        .order_by("agency__name", "title", "locale__language_code", "pk")
    )


def live_programs_of(agency):
    """The agency's published programs as families see them, each language's page; three queries in all."""
    return list(
        ResourcePage.objects.live()
        .filter(agency=agency)
        .select_related("locale")
        .prefetch_related("hours", "closures", "languages")
        .order_by("title", "locale__language_code", "pk")
    )


def program_for_member(user, program_id):
    """The program if it belongs to one of the user's agencies, else None (the view answers 404)."""
    return ResourcePage.objects.filter(pk=program_id, agency_id__in=member_agency_ids(user)).first()


def other_languages(program):
    """The program's pages in the other languages, which families reading those languages see; one query."""
    return list(
        ResourcePage.objects.filter(translation_key=program.translation_key)
        .exclude(pk=program.pk)
        .select_related("locale")
        .order_by("locale__language_code")
    )


def active_review(program):
    """The workflow state of a proposal waiting for staff or sent back to the agency, or None."""
    return WorkflowState.objects.active().for_instance(program).select_related("current_task_state").first()


def draft_of(program):
    """What the agency edits: its waiting proposal when there is one, else the published program."""
    if active_review(program) is not None:
        return program.get_latest_revision_as_object()
    return program


@transaction.atomic
def propose_change(program, user, changes, hours, closures):
    """Save the agency's changes as a revision and send it to staff; the live page does not change.

    `changes` maps field names to values; `hours` and `closures` are lists of unsaved OpeningHours and
    Closures (closures that have ended stay as they were: the agency edits only those families still see).
    A proposal replaces the agency's earlier one still waiting. Returns the revision.
    """
    draft = draft_of(program)
    for name, value in changes.items():
        if name == "languages":
            draft.languages.set(value)
        else:
            setattr(draft, name, value)
    draft.hours = hours
    today = timezone.localdate()
    ended = [
        Closure(starts_on=closure.starts_on, ends_on=closure.ends_on, reason=closure.reason)
        for closure in draft.closures.all()
        if closure.ends_on < today
    ]
    draft.closures = ended + closures
    revision = draft.save_revision(user=user, log_action=True)
    previous = active_review(program)
    if previous is not None:
        previous.cancel(user=user)
    listing_workflow().start(program, user)
    return revision


def confirm(program, user, kind, today=None):
    """Record that the program's details are right as of today, on every language's copy of it."""
    today = today or timezone.localdate()
    copies = ResourcePage.objects.filter(translation_key=program.translation_key)
    with transaction.atomic():
        ListingCheck.objects.bulk_create(
            ListingCheck(program_id=pk, kind=kind, checked_by=user, checked_on=today)
            for pk in copies.values_list("pk", flat=True)
        )
        copies.update(last_verified=today)
        page_cache.content_changed()  # a bulk update sends no signal: the "call first" note goes at once
    program.last_verified = today


def keep_latest_check(program):
    """After a publish: a revision written before the last check must not set an older date."""
    if _kept_in_bulk.get():
        return
    latest = ListingCheck.objects.filter(program=program).aggregate(latest=Max("checked_on"))["latest"]
    _keep(program, latest)


@contextmanager
def latest_checks_kept_in_bulk(programs, batch_size=500):
    """Publications in this block leave the checks to one query per batch of `programs`, run at its end."""
    token = _kept_in_bulk.set(True)
    try:
        yield
    finally:
        _kept_in_bulk.reset(token)
    programs = list(programs)
    for start in range(0, len(programs), batch_size):
        by_pk = {program.pk: program for program in programs[start : start + batch_size]}
        checks = ListingCheck.objects.filter(program__in=by_pk).values("program").annotate(latest=Max("checked_on"))
        for check in checks:
            _keep(by_pk[check["program"]], check["latest"])


def _keep(program, latest):
    if latest and (program.last_verified is None or program.last_verified < latest):
        ResourcePage.objects.filter(pk=program.pk).update(last_verified=latest)
        page_cache.content_changed()
        program.last_verified = latest


def active_reviews(programs):
    """Program id -> its active workflow state, for many programs in one query."""
    states = (
        WorkflowState.objects.active()
        .filter(base_content_type=get_default_page_content_type(), object_id__in=[str(p.pk) for p in programs])
        .select_related("current_task_state")
    )
    return {int(state.object_id): state for state in states}
