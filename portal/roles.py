"""The roles people have, as Django groups, and what each may do.

One place for the rule: the data migration and `seed_demo` both call
`ensure_groups`, so a flushed test database and a fresh install agree.
"""

from django.contrib.auth.management import create_permissions
from django.db.models import Q

STAFF = "Staff"
AGENCY = "Agency"
VOLUNTEER = "Volunteer"
# Counselors, nurses and pupil personnel workers at a school: they refer families at /referrals/ and see
# only their own referrals from the schools they are linked to. No admin, no model permissions; a staff-like
# role for the sign-in rules (e.g. a second factor) that apply to STAFF_LIKE_ROLES.
SCHOOL_STAFF = "School staff"
# Roles whose accounts office staff create and that reach people's private details.
STAFF_LIKE_ROLES = (STAFF, SCHOOL_STAFF)

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
# Staff keep the directory's shared records. The models come from resources' migrations,
# so its migration 0003 grants these; `ensure_groups` grants them once those have run.
STAFF_DIRECTORY_PERMISSIONS = [
    f"resources.{action}_{model}"
    for model in ("agency", "servicecategory", "language")
    for action in ("add", "change", "delete", "view")
]
# Staff keep listings true: mark a program checked after a call, and handle families' reports.
# resources' migration 0010 grants these.
STAFF_LISTING_PERMISSIONS = [
    "resources.add_listingcheck",
    "resources.view_listingcheck",
    "resources.view_problemreport",
    "resources.change_problemreport",
]
# Staff run the cases: they see every request and move it along (never through raw edits).
STAFF_REQUEST_PERMISSIONS = [
    "aid_requests.view_aidrequest",
    "aid_requests.change_aidrequest",
    "aid_requests.view_household",
    "aid_requests.view_statusevent",
]
# Staff keep who answers offers for each partner and its limits, and read every offer.
# resources' migration 0008 grants these, after the Offer model exists.
STAFF_PARTNER_PERMISSIONS = [
    f"resources.{action}_{model}"
    for model in ("agencymembership", "agencycapacity")
    for action in ("add", "change", "delete", "view")
] + ["aid_requests.view_offer"]
# Staff run the holiday drive: review registrations (never added or deleted by hand: families register,
# staff cancel), keep sponsors, sites and slots, record gifts, and check families in at pickup.
# holiday_drive's migration 0003 grants these, after the check_in permission exists.
STAFF_HOLIDAY_PERMISSIONS = (
    [
        f"holiday_drive.{action}_{model}"
        for model in ("registration", "registeredchild", "duplicateflag")
        for action in ("view", "change")
    ]
    + [
        f"holiday_drive.{action}_{model}"
        for model in ("sponsor", "adoption", "distributionsite", "pickupslot")
        for action in ("add", "change", "delete", "view")
    ]
    + ["holiday_drive.check_in"]
)
# Staff keep the district's schools and who refers families from each; resources' migration 0010 grants these.
STAFF_SCHOOL_PERMISSIONS = [
    f"resources.{action}_{model}"
    for model in ("school", "schoolstafflink")
    for action in ("add", "change", "delete", "view")
]
# Staff translate pages into Spanish (simple_translation's "Translate"); portal's migration 0005 grants it.
STAFF_TRANSLATION_PERMISSIONS = ["simple_translation.submit_translation"]
# Volunteers at a distribution site check families in by code, and nothing else: no admin.
VOLUNTEER_PERMISSIONS = ["holiday_drive.check_in"]
# Staff upload and use images and documents in every collection.
STAFF_COLLECTION_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]


def staff_and_partner_accounts():
    """The accounts an agency membership may name (its form field and its chooser): never a family's."""
    return Q(groups__name__in=[STAFF, AGENCY])


def _permission(apps, dotted):
    app_label, codename = dotted.split(".")
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _create_all_permissions(apps, app_labels=("portal", "wagtailadmin", "wagtailcore", "wagtailimages", "wagtaildocs")):
    """Permissions appear after migrations run; roles need them during migrations too."""
    for app_label in app_labels:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = getattr(app_config, "models_module", None) or True
        create_permissions(app_config, verbosity=0, apps=apps)


def ensure_groups(apps):
    """Create the Staff, Agency, Volunteer and School staff groups with their permissions; safe to run again.

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
    Group.objects.get_or_create(name=VOLUNTEER)
    Group.objects.get_or_create(name=SCHOOL_STAFF)  # referrers: no admin, no model permissions
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
    if _has_model(apps, "resources", "Agency"):  # not yet while portal's own migration runs
        grant(apps, STAFF, STAFF_DIRECTORY_PERMISSIONS)
    if _has_model(apps, "resources", "ProblemReport"):
        grant(apps, STAFF, STAFF_LISTING_PERMISSIONS)
    if _has_model(apps, "aid_requests", "AidRequest"):
        grant(apps, STAFF, STAFF_REQUEST_PERMISSIONS)
    if _has_model(apps, "resources", "AgencyCapacity") and _has_model(apps, "aid_requests", "Offer"):
        grant(apps, STAFF, STAFF_PARTNER_PERMISSIONS)
    if _has_model(apps, "resources", "School"):
        grant(apps, STAFF, STAFF_SCHOOL_PERMISSIONS)
    if _has_model(apps, "simple_translation", "SimpleTranslation"):
        grant(apps, STAFF, STAFF_TRANSLATION_PERMISSIONS)
    if _has_check_in_permission(apps):
        grant(apps, STAFF, STAFF_HOLIDAY_PERMISSIONS)
        grant(apps, VOLUNTEER, VOLUNTEER_PERMISSIONS)


def grant(apps, group_name, dotted_permissions):
    """Give a group model permissions written "app_label.codename"; safe to run again."""
    _create_all_permissions(apps, sorted({dotted.split(".")[0] for dotted in dotted_permissions}))
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=group_name)
    group.permissions.add(*[_permission(apps, dotted) for dotted in dotted_permissions])


def _has_check_in_permission(apps):
    """True once holiday_drive's migration 0002 has declared the check-in permission."""
    if not _has_model(apps, "holiday_drive", "Registration"):
        return False
    registration = apps.get_model("holiday_drive", "Registration")
    return any(codename == "check_in" for codename, _name in registration._meta.permissions)


def _has_model(apps, app_label, model_name):
    try:
        apps.get_model(app_label, model_name)
    except LookupError:
        return False
    return True
