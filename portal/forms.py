from django.forms.renderers import TemplatesSetting
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal.widgets import WRITERS


class FormRenderer(TemplatesSetting):
    """Django's accessible field markup (labels, help and errors tied to inputs), in a styled wrapper.

    The field wrapper (includes/field.html) and the common widgets (portal/widgets.py) are written in Python, the
    same bytes as their templates: on a family's form they were a third of the page's CPU, template includes for
    each field, input and option. Every other template (errors, choices in groups, whole forms) is Django's.
    """

    field_template_name = "includes/field.html"

    def render(self, template_name, context, request=None):
        if template_name == self.field_template_name:
            return field_group(context["field"])
        write = WRITERS.get(template_name)
        written = write(context["widget"]) if write is not None else None
        return super().render(template_name, context, request) if written is None else written


def field_group(field):
    """As includes/field.html, stripped as Django strips a rendered template: label or legend, help, errors, input."""
    errors = field.errors
    if field.use_fieldset:
        described = field.aria_describedby
        legend = format_html("<legend>{}</legend>", field.label) if field.label else ""
        described = format_html(' aria-describedby="{}"', described) if described else ""
        opening = format_html("\n  <fieldset{}>\n  {}\n", described, legend)
    elif field.label:
        opening = format_html('\n  <label for="{}">{}</label>\n', field.id_for_label, field.label)
    else:
        opening = ""
    help_text = ""
    if field.help_text:
        help_id = format_html(' id="{}_helptext"', field.auto_id) if field.auto_id else ""
        help_text = format_html('<div class="helptext"{}>{}</div>', help_id, mark_safe(str(field.help_text)))  # noqa: S308 - |safe
    return format_html(
        '<div class="field{}">\n{}\n{}\n{}\n{}{}\n</div>',
        " field--error" if errors else "",
        opening,
        help_text,
        errors or "",  # an empty list renders nothing: no need to render its templates
        field,
        mark_safe("</fieldset>") if field.use_fieldset else "",
    )


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
