"""Staff keep listings true in the Wagtail admin: programs overdue for their yearly check (mark one checked after
a phone call), and the queue of families' "Something wrong?" reports (resolve, optionally forwarding to the agency).

Each list runs a constant number of queries: one page of rows with program and agency joined, and its count.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import F, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.emails import send_email
from resources import agency_changes, freshness, listings
from resources.models import Agency, AgencyChange, ListingCheck, ProblemReport, ResourcePage
from resources.reminders import contacts_by_language

CHECKERS = ["resources.add_listingcheck"]
AGENCY_EDITORS = ["resources.change_agency"]
SPANISH = "es"
REPORT_HANDLERS = ["resources.change_problemreport"]
PER_PAGE = 50


def _require(user, permissions):
    if not any(user.has_perm(permission) for permission in permissions):
        raise PermissionDenied


def overdue_programs(today=None):
    """Live programs (default language) due for their check, never-checked and oldest first."""
    return (
        ResourcePage.objects.live()
        .filter(freshness.due_for_review(today), locale__language_code=settings.LANGUAGE_CODE)
        .select_related("agency")
        .order_by(F("last_verified").asc(nulls_first=True), "title", "pk")
    )


def overdue(request):
    _require(request.user, CHECKERS)
    page = Paginator(overdue_programs(), PER_PAGE).get_page(request.GET.get("p"))
    context = {
        "page_title": "Listings due for their check",
        "header_icon": "time",
        "page_obj": page,
        "months": settings.LISTING_REVIEW_DUE_MONTHS,
    }
    return TemplateResponse(request, "resources/admin/overdue.html", context)


@require_POST
def mark_checked(request, program_id):
    """After a phone call with the agency: the program counts as checked today, on every language's page."""
    _require(request.user, CHECKERS)
    program = get_object_or_404(ResourcePage, pk=program_id)
    if not program.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    listings.confirm(program, request.user, ListingCheck.Kind.STAFF_CHECKED)
    messages.success(request, f"“{program.title}” is marked as checked today.")
    return redirect("resources_overdue")


def reports(request):
    _require(request.user, REPORT_HANDLERS)
    resolved = request.GET.get("resolved") == "1"
    queryset = ProblemReport.objects.filter(resolved_at__isnull=not resolved).select_related(
        "program", "program__agency", "resolved_by"
    )
    if resolved:
        queryset = queryset.order_by("-resolved_at", "-id")
    page = Paginator(queryset, PER_PAGE).get_page(request.GET.get("p"))
    context = {
        "page_title": "Resolved reports" if resolved else "Reports from families",
        "header_icon": "warning",
        "page_obj": page,
        "resolved": resolved,
    }
    return TemplateResponse(request, "resources/admin/reports.html", context)


@require_POST
def resolve(request, report_id):
    """Close a report; with `forward`, the agency's people get it by email first."""
    _require(request.user, REPORT_HANDLERS)
    with transaction.atomic():
        report = get_object_or_404(ProblemReport.objects.select_for_update(), pk=report_id, resolved_at__isnull=True)
        now = timezone.now()
        report.resolved_at, report.resolved_by = now, request.user
        if request.POST.get("forward"):
            report.forwarded_at = now
        report.save(update_fields=["resolved_at", "resolved_by", "forwarded_at"])
    if report.forwarded_at:
        forwarded = forward(report)
        messages.success(request, f"Report resolved and sent to {forwarded} people at {report.program.agency}.")
    else:
        messages.success(request, "Report resolved.")
    return redirect("resources_reports")


def forward(report):
    """Email the report (what is wrong, the note, the program) to the agency's people, each in their language."""
    sent = 0
    for language, recipients in sorted(contacts_by_language(report.program.agency_id).items()):
        with translation.override(language):
            send_email(
                "problem_forwarded",
                _("A family reported a problem with one of your listings"),
                recipients,
                {"report": report, "program": report.program},
            )
        sent += len(recipients)
    return sent


def programs_without_spanish():
    """Live programs (default language) that have no Spanish page yet."""
    spanish = ResourcePage.objects.filter(locale__language_code=SPANISH).values("translation_key")
    return (
        ResourcePage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .exclude(translation_key__in=spanish)
        .select_related("agency")
        .order_by("title", "pk")
    )


def agencies_without_spanish():
    """Agencies whose description or accessibility notes families would read in English on Spanish pages."""
    return Agency.objects.filter(
        Q(~Q(description=""), description_es="") | Q(~Q(accessibility=""), accessibility_es="")
    ).order_by("name", "pk")


def missing_spanish(request):
    """Listings families would read in English on Spanish pages: two queries."""
    _require(request.user, AGENCY_EDITORS)
    context = {
        "page_title": "Listings without Spanish",
        "header_icon": "globe",
        "programs": list(programs_without_spanish()[: PER_PAGE * 4]),
        "agencies": list(agencies_without_spanish()[: PER_PAGE * 4]),
    }
    return TemplateResponse(request, "resources/admin/missing_spanish.html", context)


def agency_change_list(request):
    """Agencies' proposed details waiting, each field side by side (now, proposed); two queries."""
    _require(request.user, AGENCY_EDITORS)
    waiting = AgencyChange.objects.filter(status=AgencyChange.Status.PENDING).select_related("agency", "proposed_by")
    decided = AgencyChange.objects.exclude(status=AgencyChange.Status.PENDING).select_related("agency", "decided_by")
    context = {
        "page_title": "Agencies' proposed changes",
        "header_icon": "group",
        "waiting": [(change, agency_changes.side_by_side(change)) for change in waiting[:PER_PAGE]],
        "decided": list(decided.order_by("-decided_at", "-id")[:20]),
    }
    return TemplateResponse(request, "resources/admin/agency_changes.html", context)


@require_POST
def decide_agency_change(request, change_id):
    _require(request.user, AGENCY_EDITORS)
    approve = request.POST.get("decision") == "approve"
    comment = request.POST.get("comment", "").strip()[:500]
    if not approve and not comment:
        messages.error(request, "Say what the agency should change when you send a change back.")
    elif agency_changes.decide(change_id, request.user, approve, comment):
        messages.success(request, "Change approved and applied." if approve else "Change sent back to the agency.")
    else:
        messages.error(request, "This change was already decided.")
    return redirect("resources_agency_changes")
