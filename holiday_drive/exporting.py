"""The registrations export: one row per child, so sizes sort and count in a spreadsheet; the family's columns repeat.

Children are known by their tag (H26-0142-A), as on bags and gift tags. No names, contact details
or private household flags: staff open the registration page (audit-logged) for those.
"""

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from import_export import fields, resources, widgets

from holiday_drive.models import RegisteredChild


def _children_count():
    return Coalesce(
        Subquery(
            RegisteredChild.objects.filter(registration=OuterRef("registration"))
            .order_by()
            .values("registration")
            .annotate(count=Count("pk"))
            .values("count")
        ),
        0,
    )


class RegistrationChildResource(resources.ModelResource):
    family_number = fields.Field(attribute="registration__family_number", column_name="family_number")
    campaign = fields.Field(attribute="registration__campaign__title", column_name="campaign")
    status = fields.Field(column_name="status")
    zip_code = fields.Field(attribute="registration__household__zip_code", column_name="zip_code")
    language = fields.Field(attribute="registration__household__preferred_language", column_name="language")
    referred_by = fields.Field(attribute="registration__referral_code__issued_to", column_name="referred_by")
    children_in_family = fields.Field(attribute="children_in_family", column_name="children_in_family")
    food = fields.Field(attribute="registration__wants_food", column_name="food", widget=widgets.BooleanWidget())
    clothing = fields.Field(
        attribute="registration__wants_clothing", column_name="clothing", widget=widgets.BooleanWidget()
    )
    gifts = fields.Field(attribute="registration__wants_gifts", column_name="gifts", widget=widgets.BooleanWidget())
    pickup_site = fields.Field(attribute="registration__pickup_slot__site__name", column_name="pickup_site")
    pickup_starts_at = fields.Field(
        attribute="registration__pickup_slot__starts_at",
        column_name="pickup_starts_at",
        widget=widgets.DateTimeWidget(),
    )
    sponsor = fields.Field(attribute="registration__adoption__sponsor__name", column_name="sponsor")
    gifts_received_at = fields.Field(
        attribute="registration__adoption__gifts_received_at",
        column_name="gifts_received_at",
        widget=widgets.DateTimeWidget(),
    )
    picked_up_at = fields.Field(
        attribute="registration__picked_up_at", column_name="picked_up_at", widget=widgets.DateTimeWidget()
    )
    child = fields.Field(column_name="child")

    class Meta:
        model = RegisteredChild
        fields = [
            "family_number",
            "campaign",
            "status",
            "zip_code",
            "language",
            "referred_by",
            "children_in_family",
            "food",
            "clothing",
            "gifts",
            "pickup_site",
            "pickup_starts_at",
            "sponsor",
            "gifts_received_at",
            "picked_up_at",
            "child",
            "age",
            "size_top",
            "size_bottom",
            "size_shoes",
            "size_coat",
            "wish_1",
            "wish_2",
            "wish_3",
        ]
        export_order = fields

    @classmethod
    def rows_for(cls, registrations):
        """The children of these registrations, in order, with everything the columns read: one query."""
        return (
            RegisteredChild.objects.filter(registration__in=registrations)
            .select_related(
                "registration__campaign",
                "registration__household",
                "registration__referral_code",
                "registration__pickup_slot__site",
                "registration__adoption__sponsor",
            )
            .annotate(children_in_family=_children_count())
            .order_by("registration__campaign_id", "registration__sequence", "letter")
        )

    def dehydrate_status(self, child):
        return child.registration.get_status_display()

    def dehydrate_child(self, child):
        return child.tag
