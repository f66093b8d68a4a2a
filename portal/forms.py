from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Django's accessible field markup (labels, help and errors tied to inputs), in a styled wrapper."""

    field_template_name = "includes/field.html"
