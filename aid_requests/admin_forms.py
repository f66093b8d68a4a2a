"""The staff actions on a request page: each a small form posted to the same page."""

from django import forms

from aid_requests.models.requests import Status


class ActionForm(forms.Form):
    ACTIONS = {
        "approve": "Approve",
        "review": "Start review",
        "decline": "Decline",
        "ask": "Ask the family for information",
        "note": "Add an internal note",
        "assign": "Assign to me",
        "amount": "Record money secured",
    }
    action = forms.ChoiceField(choices=list(ACTIONS.items()), widget=forms.HiddenInput)
    message = forms.CharField(required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    amount = forms.DecimalField(required=False, min_value=0, max_digits=9, decimal_places=2)

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if action == "decline" and not cleaned.get("message"):
            self.add_error("message", "Give the family a reason, in plain words.")
        if action in ("ask", "note") and not cleaned.get("message"):
            self.add_error("message", "Write the message.")
        if action == "amount" and cleaned.get("amount") is None:
            self.add_error("amount", "Enter the amount in dollars.")
        return cleaned


# Which action moves the request where.
ACTION_STATUS = {"approve": Status.APPROVED, "review": Status.IN_REVIEW, "decline": Status.DECLINED}
