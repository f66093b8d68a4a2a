"""The staff actions on a request page: each a small form posted to the same page."""

from django import forms
from django.db.models import Q

from aid_requests.matching import rooms
from aid_requests.models.requests import Status
from portal import bounded
from resources.coverage import ZipArea, covers
from resources.models import Agency


class ActionForm(forms.Form):
    ACTIONS = {
        "approve": "Approve",
        "review": "Start review",
        "decline": "Decline",
        "ask": "Ask the family for information",
        "note": "Add an internal note",
        "assign": "Assign to me",
        "amount": "Record money secured",
        "rematch": "Match again",
        "close": "Close",
        "mckinney_vento": "Mark eligible under McKinney-Vento",
    }
    action = forms.ChoiceField(choices=list(ACTIONS.items()), widget=forms.HiddenInput)
    message = forms.CharField(required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    amount = forms.DecimalField(required=False, min_value=0, max_digits=9, decimal_places=2)

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if action == "decline" and not cleaned.get("message"):
            self.add_error("message", "Give the family a reason, in plain words.")
        if action == "close" and not cleaned.get("message"):
            self.add_error("message", "Say why the request is closed, in plain words.")
        if action in ("ask", "note") and not cleaned.get("message"):
            self.add_error("message", "Write the message.")
        if action == "amount" and cleaned.get("amount") is None:
            self.add_error("amount", "Enter the amount in dollars.")
        return cleaned


# Which action moves the request where.
ACTION_STATUS = {
    "approve": Status.APPROVED,
    "review": Status.IN_REVIEW,
    "decline": Status.DECLINED,
    "close": Status.CLOSED,
}


class OfferToForm(forms.Form):
    """Staff choose the partner themselves: every active partner serving the kind, with its coverage and load."""

    action = forms.CharField(widget=forms.HiddenInput, initial="offer_to")
    agency = bounded.ModelChoiceField(
        queryset=Agency.objects.none(),
        label="Partner agency",
        empty_label="Choose an agency",
        error_messages={"required": "Choose the agency to offer the request to."},
    )

    def __init__(self, aid_request, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kind = aid_request.kind
        serving = (
            Agency.objects.filter(is_active=True, is_partner=True)
            .filter(Q(categories_served=kind) | Q(categories_served=kind.parent_id))
            .distinct()
            .order_by("name", "pk")
        )
        agencies = list(serving)
        self.area = ZipArea.of(aid_request.household.zip_code)
        self.rooms = rooms(agencies, kind)
        self.fields["agency"].queryset = serving
        self.fields["agency"].label_from_instance = self.describe

    def describe(self, agency):
        """e.g. "Howard Helping Hands: covers 21044, 2 of 5 open"."""
        max_open, open_count = self.rooms.get(agency.pk, (agency.default_max_open, 0))
        where = "covers" if covers(agency, self.area) else "does not cover"
        paused = ", not accepting new requests" if not agency.is_accepting else ""
        return f"{agency.name}: {where} {self.area.zip_code}, {open_count} of {max_open} open{paused}"


class WithdrawForm(forms.Form):
    """Which of this request's offers staff take back; matching says whether it is still open."""

    action = forms.CharField(widget=forms.HiddenInput, initial="withdraw")
    offer = bounded.ModelChoiceField(queryset=None, widget=forms.HiddenInput)

    def __init__(self, aid_request, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offer"].queryset = aid_request.offers.select_related("agency")
