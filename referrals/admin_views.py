"""Office staff's pages in the Wagtail admin: the referrals report and inviting school staff."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.shortcuts import redirect
from django.views.generic import FormView, TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.roles import SCHOOL_STAFF
from referrals.reports import referral_figures
from resources.models import School, SchoolStaffLink


class ReferralReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Referrals from schools"
    header_icon = "doc-full"
    template_name = "referrals/admin/report.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("aid_requests.view_aidrequest"):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **referral_figures()}


class InviteForm(forms.Form):
    email = forms.EmailField(label="Email address", help_text="They get an email to choose their password.")
    name = forms.CharField(label="Full name", max_length=150)
    schools = forms.ModelMultipleChoiceField(
        queryset=School.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        help_text="The schools they refer families from. Remove them later under Directory › Schools.",
        error_messages={"required": "Choose at least one school."},
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is not None and (user.is_staff or user.has_perm("wagtailadmin.access_admin")):
            raise forms.ValidationError("This is an office account: use another address for school work.")
        return email


def invite(email, name, schools, request):
    """Create (or reuse) the account, give it the School staff role and its schools, and send a password link."""
    from allauth.account.forms import ResetPasswordForm
    from allauth.account.models import EmailAddress

    User = get_user_model()
    with transaction.atomic():
        user = User.objects.filter(email__iexact=email).first()
        created = user is None
        if created:
            first, _space, last = name.partition(" ")
            user = User(email=email, first_name=first[:150], last_name=last[:150])
            user.set_unusable_password()
            user.save()
            # The password link proves the address, as a verification email would.
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        user.groups.add(Group.objects.get(name=SCHOOL_STAFF))
        for school in schools:
            SchoolStaffLink.objects.get_or_create(user=user, school=school)
    if created:
        reset = ResetPasswordForm(data={"email": email})
        if reset.is_valid():
            reset.save(request)
    return user, created


class InviteView(WagtailAdminTemplateMixin, FormView):
    """Office staff invite a counselor, nurse or pupil personnel worker; nobody signs up as school staff."""

    page_title = "Invite school staff"
    header_icon = "user"
    template_name = "referrals/admin/invite.html"
    form_class = InviteForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perms(["resources.add_schoolstafflink", "aid_requests.view_aidrequest"]):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        user, created = invite(data["email"], data["name"], data["schools"], self.request)
        if created:
            messages.success(self.request, f"Invited {user.email}: they got an email to choose a password.")
        else:
            messages.success(self.request, f"{user.email} can now refer families from the chosen schools.")
        return redirect("referrals_invite")
