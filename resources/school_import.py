"""The district's schools as rows of a spreadsheet, matched by school code.

`resources.transfer` runs it like the agencies and programs: a dry run reports every bad
line, and a file with any is not imported at all.
"""

from django.core.exceptions import ValidationError
from import_export import fields, resources

from resources.columns import ChoiceWidget, TextWidget
from resources.models import School


def _text(name):
    return fields.Field(attribute=name, column_name=name, widget=TextWidget())


class SchoolResource(resources.ModelResource):
    code = _text("code")
    name = _text("name")
    level = fields.Field(
        attribute="level", column_name="level", widget=ChoiceWidget(School.Level, School.Level.ELEMENTARY)
    )
    address = _text("address")
    zip_code = _text("zip_code")

    required_columns = ("code", "name")

    class Meta:
        model = School
        fields = ("code", "name", "level", "address", "zip_code")
        import_id_fields = ("code",)
        skip_unchanged = True

    def __init__(self, user=None):
        super().__init__()
        self.lines_by_code = {}

    @classmethod
    def columns(cls):
        return [field.column_name for field in cls.fields.values()]

    @classmethod
    def missing_prerequisites(cls):
        return []

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        line = kwargs["row_number"] + 1
        if instance.code in self.lines_by_code:
            errors.setdefault("code", []).append(f"Line {self.lines_by_code[instance.code]} already has this code.")
        self.lines_by_code.setdefault(instance.code, line)
        if errors:
            raise ValidationError(errors)
