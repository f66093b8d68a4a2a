"""The family's pages: apply, see the reference codes, check a status, follow their requests."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.forms.models import model_to_dict
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from aid_requests import applications, partners
from aid_requests.forms import (
    AboutYouForm,
    ChildFormSet,
    ConsentForm,
    ContactForm,
    NeedsForm,
    StatusLookupForm,
)
from aid_requests.models import AidRequest, Household, StatusEvent
from aid_requests.models.requests import Status
from aid_requests.wizards import FamilyWizard
from aid_requests.workflow import InvalidTransition, transition
from portal import bounded, notices
from portal.forms import error_summary_context
from portal.models import TextOptOut
from portal.ratelimit import is_limited, too_many

STEP_TITLES = {
    "about": gettext_lazy("About you"),
    "children": gettext_lazy("Your children"),
    "needs": gettext_lazy("What you need"),
    "consent": gettext_lazy("Review and send"),
}
DONE_SESSION_KEY = "applied_references"


class ApplyWizard(FamilyWizard):
    """The application in four steps; each step is checked on the server and kept in the session."""

    form_list = [("about", AboutYouForm), ("children", ChildFormSet), ("needs", NeedsForm), ("consent", ConsentForm)]
    template_name = "aid_requests/apply.html"
    start_url, done_url, done_session_key = "aid_requests:apply", "aid_requests:apply_done", DONE_SESSION_KEY

    def get_form_initial(self, step):
        household = applications.household_for(self.request.user)
        if household is None:
            return {"about": {"preferred_language": get_language()}, "children": None}.get(step, {})
        if step == "about":
            return model_to_dict(household, fields=applications.HOUSEHOLD_FIELDS)
        if step == "children":
            return [model_to_dict(child, fields=applications.CHILD_FIELDS) for child in household.children.all()]
        return {}

    def get_form_kwargs(self, step=None):
        if step == "needs":
            return {"child_names": [child["first_name"] for child in self._children()]}
        return {}

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        context["step_title"] = STEP_TITLES[self.steps.current]
        context.update(error_summary_context(form))
        if self.steps.current == "consent":
            context["review"] = {
                "about": self.get_cleaned_data_for_step("about"),
                "children": self._children(),
                "needs": self.get_cleaned_data_for_step("needs"),
            }
        return context

    def done(self, form_list, form_dict, **kwargs):
        requests = applications.submit(
            about=form_dict["about"].cleaned_data,
            children=[data for data in form_dict["children"].cleaned_data if data],
            needs=form_dict["needs"].cleaned_data,
            user=self.request.user,
            submission_key=self.storage.extra_data["submission_key"],
        )
        # Shown once on the next page; kept out of the URL.
        self.request.session[DONE_SESSION_KEY] = [(r.reference, r.kind.label) for r in requests]
        return redirect("aid_requests:apply_done")

    def _children(self):
        return [child for child in self.get_cleaned_data_for_step("children") or [] if child]


def apply_done(request):
    references = request.session.get(DONE_SESSION_KEY)
    if not references:
        return redirect("aid_requests:apply")
    return render(request, "aid_requests/apply_done.html", {"references": references})


STATUS_LIMIT_PER_MINUTE = 10


@never_cache  # the timeline answers a POST from a visitor who may have no session at all
def status(request):
    """A request's timeline, for whoever has its reference code and ZIP code."""
    aid_request = None
    form = StatusLookupForm(request.POST or None)
    if request.method == "POST":
        if is_limited(request, "status", STATUS_LIMIT_PER_MINUTE):
            return too_many(request)
        if form.is_valid():
            aid_request = (
                AidRequest.objects.select_related("kind", "household")
                .filter(reference=form.cleaned_data["reference"], household__zip_code=form.cleaned_data["zip_code"])
                .first()
            )
            if aid_request is None:
                # The same words for a wrong code and a wrong ZIP: neither is confirmed to a guesser.
                form.add_error(
                    None, _("We could not find a request with that code and ZIP code. Check both and try again.")
                )
    context = {
        "form": form,
        "aid_request": aid_request,
        "events": _family_events(aid_request),
        "fulfilment": partners.fulfilment_of(aid_request) if aid_request else None,
    }
    return render(request, "aid_requests/status.html", context | error_summary_context(form))


def _family_events(aid_request):
    if aid_request is None:
        return []
    return list(aid_request.events.filter(visible_to_family=True).order_by("created_at", "pk"))


@require_POST
def withdraw(request):
    """Withdraw by code and ZIP (from the status page) or as the signed-in family that owns it."""
    if is_limited(request, "status", STATUS_LIMIT_PER_MINUTE):
        return too_many(request)
    lookup = StatusLookupForm(request.POST)
    requests = AidRequest.objects.none()
    request_id = bounded.as_id(request.POST.get("request_id"))
    if request.user.is_authenticated and request_id is not None:
        requests = AidRequest.objects.filter(household__user=request.user, pk=request_id)
    elif lookup.is_valid():
        requests = AidRequest.objects.filter(
            reference=lookup.cleaned_data["reference"], household__zip_code=lookup.cleaned_data["zip_code"]
        )
    aid_request = get_object_or_404(requests)
    try:
        transition(
            aid_request,
            Status.WITHDRAWN,
            actor=request.user if request.user.is_authenticated else None,
            note=_("You withdrew this request."),
        )
    except InvalidTransition:
        messages.error(request, _("This request can no longer be withdrawn. Call the office if you need to change it."))
    else:
        messages.success(request, _("Your request %(code)s is withdrawn.") % {"code": aid_request.reference})
    return redirect("aid_requests:my" if request.POST.get("request_id") else "aid_requests:status")


@login_required
def my_requests(request):
    """Every request of the signed-in family, newest first, with their timelines."""
    household = applications.household_for(request.user)
    requests = (
        AidRequest.objects.filter(household__user=request.user)
        .select_related("kind", "fulfilment")
        .prefetch_related(
            "children",
            "fulfilment__items",
            Prefetch("events", StatusEvent.objects.filter(visible_to_family=True), to_attr="family_events"),
        )
        .order_by("-created_at")
    )
    return render(request, "aid_requests/my_requests.html", {"household": household, "requests": requests})


@login_required
def my_contact(request):
    household = applications.household_for(request.user)
    if household is None:
        return redirect("aid_requests:apply")
    form = ContactForm(request.POST or None, instance=household)
    if request.method == "POST" and form.is_valid():
        household = form.save(commit=False)
        if household.contact_method == Household.ContactMethod.TEXT and {"contact_method", "phone"} & set(
            form.changed_data
        ):
            # Choosing texts again, under the consent wording shown beside the choice, turns them back on.
            household.record_text_consent()
            notices.start_texts(household.phone)
        household.save()
        messages.success(request, _("Your contact details are saved."))
        return redirect("aid_requests:my")
    return render(request, "aid_requests/my_contact.html", {"form": form} | error_summary_context(form))


@require_POST
def stop_texts(request):
    """Turn texts off for the family's number: from the status page (code and ZIP) or the signed-in family's page."""
    if is_limited(request, "status", STATUS_LIMIT_PER_MINUTE):
        return too_many(request)
    from_account = request.user.is_authenticated and request.POST.get("account") == "1"
    household = None
    if from_account:
        household = applications.household_for(request.user)
    else:
        lookup = StatusLookupForm(request.POST)
        if lookup.is_valid():
            aid_request = (
                AidRequest.objects.select_related("household")
                .filter(reference=lookup.cleaned_data["reference"], household__zip_code=lookup.cleaned_data["zip_code"])
                .first()
            )
            household = aid_request.household if aid_request else None
    if household is None or not household.phone:
        raise Http404
    notices.stop_texts(household.phone, TextOptOut.Source.FAMILY)
    messages.success(request, _("Text messages are off. We send news by email when you gave us an address."))
    return redirect("aid_requests:my" if from_account else "aid_requests:status")
