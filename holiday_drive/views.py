"""The family's holiday pages: register and see the registration (pickup times are in pickup_views)."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.forms.models import model_to_dict
from django.shortcuts import redirect, render
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext_lazy

from aid_requests.applications import household_for
from aid_requests.wizards import FamilyWizard
from holiday_drive import registering
from holiday_drive.forms import ChildFormSet, GuardianForm, PackagesForm
from holiday_drive.models import Registration
from holiday_drive.models.campaigns import current_campaign, nearest_campaigns
from portal.forms import error_summary_context
from portal.ratelimit import is_limited, too_many

STEP_TITLES = {
    "guardian": gettext_lazy("About you"),
    "children": gettext_lazy("Your children"),
    "packages": gettext_lazy("Packages and pickup"),
}
DONE_SESSION_KEY = "holiday_registration"


def index(request):
    """/holiday/ (the site's menu link): the campaign open now, else the next or the last one."""
    upcoming, last = nearest_campaigns()
    campaign = current_campaign() or upcoming or last
    if campaign is None:
        return closed(request)
    return redirect(campaign.url)


def closed(request):
    """Outside every registration window: the dates, and no form."""
    upcoming, last = nearest_campaigns()
    return render(request, "holiday_drive/closed.html", {"upcoming": upcoming, "last": last})


def already_registered(request, registration):
    return render(request, "holiday_drive/already_registered.html", {"registration": registration})


class RegisterWizard(FamilyWizard):
    """The registration in three steps; each step is checked on the server and kept in the session."""

    form_list = [("guardian", GuardianForm), ("children", ChildFormSet), ("packages", PackagesForm)]
    template_name = "holiday_drive/register.html"
    start_url, done_url = "holiday_drive:register", "holiday_drive:register_done"
    done_session_key = DONE_SESSION_KEY

    def dispatch(self, request, *args, **kwargs):
        self.campaign = current_campaign()
        if self.campaign is None:
            return closed(request)
        if request.method == "POST" and is_limited(
            request, "holiday_register", settings.HOLIDAY_REGISTER_POSTS_PER_MINUTE
        ):
            return too_many(request)
        already = registering.registration_of(request.user, self.campaign)
        if already is not None:
            return already_registered(request, already)
        return super().dispatch(request, *args, **kwargs)

    def get_form_initial(self, step):
        household = household_for(self.request.user)
        if household is None:
            return {"guardian": {"preferred_language": get_language()}, "children": None}.get(step, {})
        if step == "guardian":
            return model_to_dict(household, fields=registering.GUARDIAN_FIELDS + registering.SCHOOL_FIELDS)
        if step == "children":
            fields = ["first_name", "age", *registering.SIZE_FIELDS]
            return [model_to_dict(child, fields=fields) for child in household.children.all()]
        return {}

    def get_form_kwargs(self, step=None):
        if step == "packages":
            return {"campaign": self.campaign, "slots": self.pickup_slots}
        return {"campaign": self.campaign} if step == "guardian" else {}

    @cached_property
    def pickup_slots(self):
        """The times with room, or None while families go on the waiting list (read once a request)."""
        return None if self.campaign.is_full() else self.campaign.pickup_times_with_room()

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        context["step_title"] = STEP_TITLES[self.steps.current]
        context["campaign"] = self.campaign
        context.update(error_summary_context(form))
        return context

    def done(self, form_list, form_dict, **kwargs):
        choices = form_dict["packages"].cleaned_data
        slot = choices.get("pickup_slot")
        try:
            registration = registering.register(
                self.campaign,
                guardian=form_dict["guardian"].cleaned_data,
                children=[data for data in form_dict["children"].cleaned_data if data],
                packages=choices["packages"],
                referral_code=form_dict["guardian"].cleaned_data["referral_code"],
                slot=slot,
                user=self.request.user,
                submission_key=self.storage.extra_data["submission_key"],
            )
        except registering.AlreadyRegistered as refused:
            return already_registered(self.request, refused.registration)
        except registering.RegistrationClosed:
            return closed(self.request)
        # Shown on the next page; kept out of the URL.
        self.request.session[DONE_SESSION_KEY] = {
            "id": registration.pk,
            "slot_missed": slot is not None and registration.pickup_slot_id != slot.pk,
        }
        return redirect("holiday_drive:register_done")


def register_done(request):
    done = request.session.get(DONE_SESSION_KEY)
    registration = (
        done
        and Registration.objects.filter(pk=done["id"])
        .select_related("pickup_slot__site")
        .prefetch_related("children")
        .first()
    )
    if not registration:
        return redirect("holiday_drive:register")
    campaign = current_campaign()
    if campaign is not None and registration.campaign_id == campaign.pk:
        registration.campaign = campaign  # kept per content version: a page row is the widest to read
    context = {"registration": registration, "slot_missed": done["slot_missed"]}
    return render(request, "holiday_drive/register_done.html", context)


@login_required
def my_registrations(request):
    """The signed-in family's holiday registrations, newest campaign first."""
    registrations = _with_details(Registration.objects.filter(household__user=request.user)).order_by(
        "-campaign__registration_opens"
    )
    return render(request, "holiday_drive/my_registrations.html", {"registrations": registrations})


def _with_details(registrations):
    return registrations.select_related("campaign", "pickup_slot__site").prefetch_related("children")
