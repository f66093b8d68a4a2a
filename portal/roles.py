"""The roles people have, as Django groups, and what each may do.

One place for the rule: the data migration and `seed_demo` both call
`ensure_groups`, so a flushed test database and a fresh install agree.
"""

from django.contrib.auth.management import create_permissions

STAFF = "Staff"
AGENCY = "Agency"

# Model permissions for staff, as "app_label.codename".
STAFF_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "portal.add_alert",
    "portal.change_alert",
    "portal.delete_alert",
    "portal.view_alert",
    "portal.change_sitesettings",
]
# Staff edit and publish every page of the site.
STAFF_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"]
# Staff upload and use images and documents in every collection.
STAFF_COLLECTION_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]


def _permission(apps, dotted):
    app_label, codename = dotted.split(".")
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _create_all_permissions(apps):
    """Permissions appear after migrations run; roles need them during migrations too."""
    for app_label in ("portal", "wagtailadmin", "wagtailcore", "wagtailimages", "wagtaildocs"):
        app_config = apps.get_app_config(app_label)
        app_config.models_module = getattr(app_config, "models_module", None) or True
        create_permissions(app_config, verbosity=0, apps=apps)


def ensure_groups(apps):
    """Create the Staff and Agency groups with their permissions; safe to run again.

    `apps` is a migration's app registry, or `django.apps.apps` at run time.
    """
    _create_all_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    staff, _ = Group.objects.get_or_create(name=STAFF)
    Group.objects.get_or_create(name=AGENCY)  # partner users: no admin, no model permissions
    staff.permissions.add(*[_permission(apps, dotted) for dotted in STAFF_PERMISSIONS])
    for root in Page.objects.filter(depth=1):
        for codename in STAFF_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=staff, page=root, permission=_permission(apps, f"wagtailcore.{codename}")
            )
    for root in Collection.objects.filter(depth=1):
        for dotted in STAFF_COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=staff, collection=root, permission=_permission(apps, dotted)
            )
