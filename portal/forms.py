from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Django's accessible field markup (labels, help and errors tied to inputs), in a styled wrapper."""

    field_template_name = "includes/field.html"


def error_summary_context(*forms):
    """What includes/error_summary.html needs, for forms and formsets together: every app's forms show errors
    this way."""
    fields, non_form_errors = [], []
    for form in forms:
        if hasattr(form, "forms"):  # a formset: its forms, and its own errors (too few children...)
            fields += form.forms
            non_form_errors += form.non_form_errors()
        else:
            fields.append(form)
    has_errors = any(form.errors for form in fields) or bool(non_form_errors)
    return {"forms": fields, "non_form_errors": non_form_errors, "has_errors": has_errors}
