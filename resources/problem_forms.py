"""The "Something wrong?" form on each program page: what is wrong and an optional note, nothing personal."""

from django import forms
from django.utils.translation import gettext_lazy as _

from resources.models import ProblemReport


class ProblemReportForm(forms.ModelForm):
    class Meta:
        model = ProblemReport
        fields = ["reason", "note"]
        labels = {"reason": _("What is wrong?"), "note": _("Anything else we should know? (optional)")}
        help_texts = {"note": _("Please do not write your name, phone number or other personal details.")}
        widgets = {"reason": forms.RadioSelect, "note": forms.Textarea(attrs={"rows": 3, "maxlength": 500})}
        error_messages = {"reason": {"required": _("Choose what is wrong.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = ProblemReport.Reason.choices  # no empty choice among the radios
