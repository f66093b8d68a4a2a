from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Django's accessible field markup (labels, help and errors tied to inputs), in a styled wrapper."""

    field_template_name = "includes/field.html"


def error_summary_context(form):
    """What includes/error_summary.html needs, for a form or a formset: every app's forms show errors this way."""
    if hasattr(form, "forms"):
        return {"forms": form.forms, "non_form_errors": form.non_form_errors(), "has_errors": form.total_error_count()}
    return {"forms": [form], "non_form_errors": [], "has_errors": bool(form.errors)}
