"""The partner portal's listings at /partners/listings/: an agency proposes changes to its own programs or
says they are all still correct. Another agency's program is a 404; someone with no agency gets 403."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from portal.forms import error_summary_context
from resources import agency_changes, freshness, listings, review_links
from resources.listing_forms import (
    AgencyChangeForm,
    ClosureFormSet,
    HoursFormSet,
    ProgramChangeForm,
    closures_initial,
    hours_initial,
    proposed_closures,
    proposed_hours,
)
from resources.models import Agency, AgencyChange, ListingCheck


def member_required(view):
    """Only people working for an active agency; sets `request.agency_ids`."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        request.agency_ids = listings.member_agency_ids(request.user)
        if not request.agency_ids:
            return render(request, "aid_requests/partners/refused.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def _program_or_404(request, program_id):
    program = listings.program_for_member(request.user, program_id)
    if program is None:
        raise Http404
    return program


@member_required
def index(request):
    """Every program of the user's agencies, with its last check and any proposal waiting; 3 queries."""
    programs = listings.programs_of(request.agency_ids)
    reviews = listings.active_reviews(programs)
    rows = [
        {
            "program": program,
            "review": reviews.get(program.pk),
            "is_due": freshness.is_due(program.last_verified),
        }
        for program in programs
    ]
    agencies = list(Agency.objects.filter(pk__in=request.agency_ids).order_by("name"))
    return render(request, "resources/listings/index.html", {"rows": rows, "agencies": agencies})


@member_required
def change(request, program_id):
    """Propose new details and hours; staff approve them before families see them."""
    program = _program_or_404(request, program_id)
    draft = listings.draft_of(program)
    posted = request.POST if request.method == "POST" else None
    form = ProgramChangeForm(posted, instance=draft)
    hours = HoursFormSet(posted, prefix="hours", initial=hours_initial(draft))
    closures = ClosureFormSet(posted, prefix="closures", initial=closures_initial(draft))
    if posted is not None and all([form.is_valid(), hours.is_valid(), closures.is_valid()]):
        listings.propose_change(
            program, request.user, form.changes(), proposed_hours(hours), proposed_closures(closures)
        )
        messages.success(request, _("Thank you. The office will check your changes; families see them once approved."))
        return redirect("resources:listings")
    context = {
        "program": program,
        "review": listings.active_review(program),
        "translations": listings.other_languages(program),
        "form": form,
        "hours": hours,
        "closures": closures,
        **error_summary_context(form, hours, closures),
    }
    return render(request, "resources/listings/change.html", context)


@member_required
@require_POST
def confirm(request, program_id):
    """ "All still correct": the program counts as checked today, on every language's page."""
    program = _program_or_404(request, program_id)
    listings.confirm(program, request.user, ListingCheck.Kind.AGENCY_CONFIRMED)
    messages.success(request, _("Thank you. “%(program)s” is marked as checked today.") % {"program": program.title})
    return redirect("resources:listings")


@member_required
def agency(request, slug):
    """Propose new details for the user's own agency; staff approve them before families see them."""
    agency = Agency.objects.filter(slug=slug, pk__in=request.agency_ids).first()
    if agency is None:
        raise Http404
    last = AgencyChange.objects.filter(agency=agency).order_by("-proposed_at", "-id").first()
    initial = last.changes if last and last.status == AgencyChange.Status.PENDING else {}
    form = AgencyChangeForm(request.POST if request.method == "POST" else None, instance=agency, initial=initial)
    if request.method == "POST" and form.is_valid():
        agency_changes.propose(agency, request.user, form.cleaned_data)
        messages.success(request, _("Thank you. The office will check your changes; families see them once approved."))
        return redirect("resources:listings")
    context = {"agency": agency, "last": last, "form": form, "forms": [form], "has_errors": bool(form.errors)}
    return render(request, "resources/listings/agency.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def review(request):
    """The review email's link: the agency's programs as families see them, read-only and once, without signing in.

    Mail systems that check links (Outlook's Safe Links and the like) open them before the person does, so the
    GET only offers a button and the link is used when the person presses it (the POST). A member of that agency
    who is signed in goes to their listings (the link stays unused).
    """
    pressed = request.method == "POST"
    token = (request.POST if pressed else request.GET).get(review_links.PARAMETER, "")
    if review_links.agency_named(token) in listings.member_agency_ids(request.user):
        return redirect("resources:listings")
    if pressed:
        agency = review_links.redeem(token)
        page = agency and render(request, "resources/listings/review.html", {"agency": agency, "rows": _rows(agency)})
    else:
        agency = review_links.unused_agency(token)
        page = agency and render(
            request,
            "resources/listings/review_open.html",
            {"agency": agency, "token": token, "parameter": review_links.PARAMETER},
        )
    response = page or render(request, "resources/listings/review_link_used.html", status=410)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _rows(agency):
    """The review page's programs, each with whether it is due and its closures still to come."""
    today = timezone.localdate()
    return [
        {
            "program": program,
            "is_due": freshness.is_due(program.last_verified, today),
            "closures": [closure for closure in program.closures.all() if closure.ends_on >= today],
        }
        for program in listings.live_programs_of(agency)
    ]
