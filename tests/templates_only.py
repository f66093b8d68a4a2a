"""The project's form renderer as Django alone would render it, every field and widget through its template.

Tests compare portal.forms.FormRenderer's Python with it, byte for byte.
"""

from django.forms.renderers import TemplatesSetting

from portal.forms import FormRenderer


class TemplatesOnly(TemplatesSetting):
    field_template_name = FormRenderer.field_template_name
