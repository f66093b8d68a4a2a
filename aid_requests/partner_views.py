"""The partner-agency portal at /partners/: offers, answers, help given and each agency's profile."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aid_requests import matching, partners
from aid_requests.partner_forms import AgencyProfileForm, DeclineForm, FulfilmentForm, ItemFormSet
from resources.models import AgencyMembership


def partner_required(view):
    """Only people with a membership of an active agency; others get 403, anonymous visitors sign in first.

    Sets `request.memberships` (agency loaded) for the view.
    """

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        request.memberships = partners.memberships_of(request.user)
        if not request.memberships:
            return render(request, "aid_requests/partners/refused.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def _agencies(request):
    return [membership.agency for membership in request.memberships]


def _offer_or_404(request, offer_id):
    """The offer and what the agency may see of it; 404 unless it is offered to or accepted by one of theirs."""
    offer, shown = partners.offer_for_agency(_agencies(request), offer_id)
    if offer is None:
        raise Http404
    return offer, shown


def _cannot_answer(request):
    messages.error(
        request,
        _("This offer can no longer be answered: it may have passed its deadline or been withdrawn by the office."),
    )
    return redirect("aid_requests:partners")


@partner_required
def home(request):
    """New offers and accepted requests of each of the user's agencies; the same queries for any number."""
    lists = partners.portal_lists(_agencies(request))
    sections = [(membership, lists[membership.agency_id]) for membership in request.memberships]
    return render(request, "aid_requests/partners/home.html", {"sections": sections})


@partner_required
def offer_detail(request, offer_id):
    offer, shown = _offer_or_404(request, offer_id)
    return _render_offer(request, offer, shown, DeclineForm())


def _render_offer(request, offer, shown, decline_form):
    context = {
        "shown": shown,
        "agency": offer.agency,
        "decline_form": decline_form,
        "fulfilment": partners.fulfilment_of(offer.request) if shown.stage == "given" else None,
        "forms": [decline_form],
        "non_form_errors": [],
        "has_errors": bool(decline_form.errors),
    }
    return render(request, "aid_requests/partners/offer.html", context)


@partner_required
@require_POST
def accept(request, offer_id):
    offer, shown = _offer_or_404(request, offer_id)
    try:
        matching.accept(offer, request.user)
    except matching.OfferError:
        return _cannot_answer(request)
    messages.success(request, _("You accepted this request. Contact the family the way they chose."))
    return redirect("aid_requests:partner_offer", offer_id=offer.pk)


@partner_required
@require_POST
def decline(request, offer_id):
    offer, shown = _offer_or_404(request, offer_id)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        return _render_offer(request, offer, shown, form)
    try:
        matching.decline(offer, request.user, form.cleaned_data["reason"])
    except matching.OfferError:
        return _cannot_answer(request)
    messages.success(request, _("You declined this request. The office will offer it to another agency."))
    return redirect("aid_requests:partners")


@partner_required
def fulfil(request, offer_id):
    """Record what was given: a few item lines, the date, dollars for medical help, a note for the office."""
    offer, shown = _offer_or_404(request, offer_id)
    if shown.stage != "accepted":
        messages.error(request, _("Only a request you accepted and have not marked as given can be marked as given."))
        return redirect("aid_requests:partner_offer", offer_id=offer.pk)
    form = FulfilmentForm(request.POST or None, is_medical=shown.is_medical)
    items = ItemFormSet(request.POST or None, prefix="items")
    if request.method == "POST" and form.is_valid() and items.is_valid():
        try:
            partners.record_fulfilment(
                offer,
                request.user,
                items=items.items(),
                given_on=form.cleaned_data["given_on"],
                amount=form.cleaned_data.get("amount"),
                note=form.cleaned_data["note"],
            )
        except matching.OfferError:
            return _cannot_answer(request)
        messages.success(request, _("Thank you. The family can now see that help was given."))
        return redirect("aid_requests:partner_offer", offer_id=offer.pk)
    context = {
        "shown": shown,
        "agency": offer.agency,
        "form": form,
        "items": items,
        "forms": [form, *items.forms],
        "non_form_errors": items.non_form_errors() if items.is_bound else [],
        "has_errors": items.is_bound and (bool(form.errors) or bool(items.total_error_count())),
    }
    return render(request, "aid_requests/partners/fulfil.html", context)


@partner_required
def profile(request, slug):
    """The agency's service profile: coordinators change it, members read it."""
    membership = next((m for m in request.memberships if m.agency.slug == slug), None)
    if membership is None:
        raise Http404
    can_edit = membership.role == AgencyMembership.Role.COORDINATOR
    if request.method == "POST" and not can_edit:
        return render(request, "aid_requests/partners/refused.html", status=403)
    form = AgencyProfileForm(request.POST if request.method == "POST" else None, instance=membership.agency)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your agency's profile is saved."))
        return redirect("aid_requests:partner_profile", slug=slug)
    context = {
        "agency": membership.agency,
        "form": form,
        "can_edit": can_edit,
        "forms": [form],
        "non_form_errors": [],
        "has_errors": bool(form.errors),
    }
    return render(request, "aid_requests/partners/profile.html", context)
