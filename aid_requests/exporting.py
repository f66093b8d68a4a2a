"""The queue's export: the fields staff track cases with; never the private flags."""

from import_export import fields, resources

from aid_requests.models import AidRequest


class AidRequestResource(resources.ModelResource):
    kind = fields.Field(attribute="kind__name", column_name="kind")
    zip_code = fields.Field(attribute="household__zip_code", column_name="zip_code")
    schools = fields.Field(attribute="household__school_name", column_name="schools")
    language = fields.Field(attribute="household__preferred_language", column_name="language")
    assigned_to = fields.Field(attribute="assigned_to__email", column_name="assigned_to")

    class Meta:
        model = AidRequest
        fields = [
            "reference",
            "kind",
            "status",
            "urgency",
            "zip_code",
            "schools",
            "language",
            "created_at",
            "status_changed_at",
            "assigned_to",
            "amount_secured",
        ]
        export_order = fields

    def get_queryset(self):
        return super().get_queryset().select_related("kind", "household__school", "assigned_to")

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("kind", "household__school", "assigned_to")
