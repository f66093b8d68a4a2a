"""The referrals area at /referrals/ for school staff, and the referred family's single-use page."""

import uuid
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from aid_requests.models import HouseholdView
from portal import bounded
from portal.forms import error_summary_context
from portal.roles import SCHOOL_STAFF
from referrals import referring
from referrals.forms import NEEDS_SIZES, ChildCorrectionFormSet, ChildFormSet, FamilyForm, ReferralForm
from referrals.models import Referral
from resources.models import School


def referrer_schools(user):
    """The schools `user` refers from; none unless they hold the School staff role."""
    linked = School.objects.filter(staff_links__user=user, staff_links__user__groups__name=SCHOOL_STAFF)
    return linked.distinct().order_by("name")


def referrer_required(view):
    """Only school staff linked to a school; others get 403, anonymous visitors sign in first."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        request.schools = list(referrer_schools(request.user))
        if not request.schools:
            return render(request, "referrals/refused.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


@referrer_required
def home(request):
    """The referrer's own referrals, newest first; three queries whatever their number."""
    referrals = Referral.objects.for_referrer(request.user).select_related("request__kind", "school")
    return render(request, "referrals/home.html", {"referrals": referrals})


@referrer_required
def new(request):
    schools = request.schools
    data = request.POST if request.method == "POST" else None
    form = ReferralForm(data, schools=School.objects.filter(pk__in=[school.pk for school in schools]))
    key = request.POST.get("submission_key") if data else str(uuid.uuid4())
    kind = form.fields["kind"].queryset.filter(pk=bounded.as_id(request.POST.get("kind"))).first() if data else None
    children = ChildFormSet(data, prefix="children", needs_sizes=kind is not None and kind.slug in NEEDS_SIZES)
    if data is not None:
        valid_key = _uuid(key)
        form_valid, children_valid = form.is_valid(), children.is_valid()
        if valid_key is None:
            form.add_error(None, _("This form is too old. Please fill it in again."))
        elif form_valid and children_valid:
            referral, created = referring.refer(
                user=request.user, family=form.cleaned_data, children=children.children, submission_key=valid_key
            )
            if created:
                messages.success(request, _("Referral sent. The family gets a message to confirm it."))
            else:
                messages.info(request, _("This referral was already sent: here it is."))
            return redirect("referrals:detail", pk=referral.pk)
    context = {
        "form": form,
        "children": children,
        "submission_key": key,
        **error_summary_context(form, children),
    }
    return render(request, "referrals/new.html", context)


@referrer_required
def detail(request, pk):
    """What the referrer entered and the status in plain words; 404 for anyone else's, or a school they left."""
    referral = get_object_or_404(
        Referral.objects.for_referrer(request.user).select_related("request__kind", "request__household", "school"),
        pk=pk,
    )
    household = referral.request.household
    # McKinney-Vento shows only to the referrer who marked it, and showing it is recorded.
    shows_mckinney_vento = household.mckinney_vento and household.mckinney_vento_marked_by_id == request.user.pk
    if shows_mckinney_vento:
        HouseholdView.objects.create(household=household, viewed_by=request.user, saw_mckinney_vento=True)
    return render(
        request,
        "referrals/detail.html",
        {"referral": referral, "kind": referral.request.kind, "shows_mckinney_vento": shows_mckinney_vento},
    )


@never_cache
def family(request, token):
    """The referred family confirms (correcting what is wrong) or declines, once, before the link expires."""
    try:
        referral = referring.open_referral(token)
    except referring.LinkProblem as problem:
        return _link_problem(request, problem)
    household = referral.request.household
    _speak_family_language(request, household)
    data = request.POST if request.method == "POST" else None
    form = FamilyForm(data, instance=household, prefix="family")
    children = ChildCorrectionFormSet(data, queryset=household.children.all(), prefix="children")
    if data is not None:
        try:
            if request.POST.get("answer") == "decline":
                referring.decline(token)
                return _private(render(request, "referrals/family_declined.html"))
            if form.require_consent() and children.is_valid():
                corrections = {child.instance.pk: child.cleaned_data for child in children.forms}
                for cleaned in corrections.values():
                    cleaned.pop("id", None)
                referring.confirm(token, family=form.cleaned_data, children=corrections)
                return _private(render(request, "referrals/family_confirmed.html", {"referral": referral}))
        except referring.LinkProblem as problem:  # answered meanwhile, e.g. in another tab
            return _link_problem(request, problem)
    context = {
        "referral": referral,
        "kind": referral.request.kind,
        "form": form,
        "children": children,
        **error_summary_context(form, children),
    }
    return _private(render(request, "referrals/family.html", context))


def _link_problem(request, problem):
    status = 404 if problem.reason == "unknown" else 410
    return _private(render(request, "referrals/link_problem.html", {"reason": problem.reason}, status=status))


def _private(response):
    """The link is a key: the page sends no Referer with it to any other site.

    Not "no-referrer": the browser would then post the form with Origin: null, which CSRF refuses.
    """
    response["Referrer-Policy"] = "same-origin"
    return response


def _speak_family_language(request, household):
    """Without a language of their own choosing, the family reads the page in the language the referrer noted."""
    if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
        translation.activate(household.preferred_language)
        request.LANGUAGE_CODE = household.preferred_language
        request.remembered_language = household.preferred_language


def _uuid(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None
