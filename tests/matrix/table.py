"""The one table of who may open what: for each URL pattern (by name, or route when unnamed), the statuses
each role may get. A pattern missing here fails tests/matrix/test_permission_matrix.py.

`access(...)` builds a row: `default` for every signed-in role not named, `anonymous` for visitors, then
one keyword per role. A role named with SKIP is not requested (say why in a comment). `params` names the
objects tests/matrix/world.py fills the URL with: for an owned kind ("offer", "agency", "adopted_family",
"referral") each URL is requested with the first role's object and with its pair's (partner / other_partner...),
and the expectations swap for the second; OBJECT is one object of the model the admin view was built for. `post`
is a second row, for a POST with no data (roles it does not name are not POSTed to). A path of `paths` may be a
(path, row) pair with answers of its own.
"""

from dataclasses import dataclass, field, replace

from tests.matrix.world import PAIRS, ROLES, WITH_PASSWORD, WITH_SECOND_FACTOR

SKIP = frozenset({"skip"})
OBJECT = "object"


@dataclass(frozen=True)
class Rule:
    expect: dict  # role -> frozenset of statuses, or SKIP
    params: str | None = None
    paths: tuple = ()
    post: "Rule | None" = None  # what a POST with no data answers
    notes: str = field(default="", compare=False)


def _statuses(value):
    if value is SKIP:
        return SKIP
    return frozenset(value) if isinstance(value, (tuple, list, set, frozenset)) else frozenset({value})


def access(default=403, anonymous=302, params=None, paths=(), post=None, **roles):
    """A row: `default` for signed-in roles not named, `anonymous` for visitors, keywords for the others."""
    unknown = set(roles) - set(ROLES)
    assert not unknown, f"unknown roles {unknown}"
    expect = {role: _statuses(roles.get(role, default)) for role in ROLES[1:]}
    expect["anonymous"] = _statuses(anonymous)
    return Rule(expect=expect, params=params, paths=tuple(paths), post=post)


def pairs(**roles):
    """The same answer for each role named and for its pair: pairs(partner=200) is partner=200, other_partner=200."""
    return {name: value for role, value in roles.items() for name in (role, PAIRS[role])}


def each(roles, value):
    """The same answer for each of `roles`."""
    return dict.fromkeys(roles, value)


EVERYONE = access(default=200, anonymous=200)
# Signed-in pages of one's own (lists of one's own records): anyone signed in, each sees only their own.
SIGNED_IN = access(default=200, anonymous=302)
# The Wagtail admin and our views in it: staff only; signed-in others get portal.middleware's 403.
STAFF_ONLY = access(default=403, anonymous=302, staff=200, holiday_staff=(302, 403))
HOLIDAY_STAFF = access(default=403, anonymous=302, staff=200, holiday_staff=200)
PARTNERS = access(default=403, anonymous=302, **pairs(partner=200))
SPONSORS = access(default=403, anonymous=302, **pairs(sponsor=200))
SCHOOL_STAFF = access(default=403, anonymous=302, **pairs(school_staff=200))
CHECK_IN = access(default=403, anonymous=302, volunteer=200, staff=200, holiday_staff=200)

# Wagtail's own admin (pages, images, users, settings...): everyone without admin access is refused before the
# view, by one middleware (signed in) or Wagtail's login redirect (anonymous; its sprite, script catalogue and
# the switched-off password reset answer 200 or 404 and hold nothing). One role of each kind is enough to prove
# that; staff and holiday staff get Wagtail's own per-model permissions, which the matrix does not re-test.
WAGTAILS_OWN_ADMIN = access(
    default=403,
    anonymous=(200, 302, 404),
    sponsor=SKIP,
    holiday_staff=SKIP,
    staff=SKIP,
)
# Wagtail's choosers answer anyone with admin access (whoever edits a page picks snippets with them), holiday
# staff too: what they list here (alerts, agencies, kinds of help, languages, schools) the site publishes.
PUBLIC_RECORDS_CHOOSER = access(default=403, anonymous=302, staff=200, holiday_staff=200)
# Wagtail's generic views of one object, requested with an object of their model (world.first_pk).
ONE_OBJECT_VIEWS = {"edit", "delete", "usage", "history", "history_results", "copy", "chosen"}


def _of_one_object(view, rule):
    return replace(rule, params=OBJECT) if view in ONE_OBJECT_VIEWS else rule


TABLE = {
    # Health checks and the site shell
    "healthz": EVERYONE,
    "readyz": EVERYONE,
    "admin/login/": access(default=302, anonymous=302),  # to allauth's login, the one door
    "second_factor_setup": SIGNED_IN,
    "set_language": access(default=302, anonymous=302),
    "search": EVERYONE,
    "wagtail_serve": access(
        default=200,
        anonymous=200,
        paths=("/", "/connection-center/", "/es/", "/holiday-2026/", ("/no-such-page/", access(404, 404))),
    ),
    "wagtailcore_authenticate_with_password": access(default=404, anonymous=404),  # shadowed by the page route
    "wagtailcore_login": access(default=404, anonymous=404),  # shadowed: no login door without the second factor
    "wagtaildocs_serve": access(default=404, anonymous=404),
    "wagtaildocs_authenticate_with_password": access(default=404, anonymous=404),
    # allauth: signing in, out and up, passwords, email addresses, the second factor
    "account_login": access(default=302, anonymous=200),
    "account_logout": access(default=200, anonymous=302),
    "account_inactive": EVERYONE,
    "account_signup": access(default=302, anonymous=200),
    # Confirming it is you again: by password if you have one, else by a code sent to you.
    "account_reauthenticate": access(default=302, anonymous=302, **each(WITH_PASSWORD, 200)),
    "account_request_reauthentication_code": access(default=200, anonymous=302),
    "account_confirm_reauthentication_code": access(default=(302, 404), anonymous=(302, 404)),
    "account_email": access(default=200, anonymous=302),
    "account_email_verification_sent": EVERYONE,
    # Changing a password one has, or setting one (the demo's accounts sign in by code)
    "account_change_password": access(default=302, anonymous=302, **each(WITH_PASSWORD, 200)),
    "account_set_password": access(default=200, anonymous=302, **each(WITH_PASSWORD, 302)),
    "account_reset_password": EVERYONE,
    "account_confirm_login_code": access(default=(302, 404), anonymous=(302, 404)),
    "account_confirm_email": EVERYONE,
    "account_reset_password_from_key_done": EVERYONE,
    "account_reset_password_from_key": EVERYONE,
    "account_reset_password_done": EVERYONE,
    "mfa_index": access(default=200, anonymous=302),
    "mfa_authenticate": access(default=302, anonymous=302),
    # The second factor's pages: 404 for what one has not set up (no persona has recovery codes)
    "mfa_reauthenticate": access(default=302, anonymous=302, **each(WITH_SECOND_FACTOR, 200)),
    "mfa_activate_totp": access(default=302, anonymous=302),
    "mfa_deactivate_totp": access(default=404, anonymous=302, **each(WITH_SECOND_FACTOR, 302)),
    "mfa_view_recovery_codes": access(default=404, anonymous=302),
    "mfa_generate_recovery_codes": access(default=302, anonymous=302),
    "mfa_download_recovery_codes": access(default=404, anonymous=302),
    # The directory's API (Open Referral HSDS): public records of programs and agencies
    "hsds:index": EVERYONE,
    "hsds:services": EVERYONE,
    "hsds:service": access(default=404, anonymous=404),
    "hsds:service_at_locations": EVERYONE,
    "hsds:service_at_location": access(default=404, anonymous=404),
    "hsds:organizations": EVERYONE,
    "hsds:organization": access(default=404, anonymous=404),
    "hsds:taxonomies": EVERYONE,
    "hsds:taxonomy": access(default=404, anonymous=404),
    "hsds:taxonomy_terms": EVERYONE,
    "hsds:taxonomy_term": access(default=404, anonymous=404),
    # /requests/ and /my/: families
    "aid_requests:apply": EVERYONE,
    "aid_requests:apply_done": access(default=302, anonymous=302),
    "aid_requests:status": EVERYONE,
    # POST only; without a code and ZIP, or a request of one's own, there is nothing to withdraw
    "aid_requests:withdraw": access(default=405, anonymous=405, post=access(default=404, anonymous=404)),
    "aid_requests:my": SIGNED_IN,
    "aid_requests:my_contact": access(default=302, anonymous=302, **pairs(family=200)),  # else: apply first
    # A family's own data (issue 16, item 7): each signed-in person sees only what is held about them.
    "aid_requests:my_data": SIGNED_IN,
    "aid_requests:my_data_json": SIGNED_IN,
    "aid_requests:request_deletion": access(default=(200, 302, 405), anonymous=(302, 405)),
    # /partners/: a partner sees offers to its own agencies only
    "aid_requests:partners": PARTNERS,
    "aid_requests:partner_offer": access(default=403, anonymous=302, partner=200, other_partner=404, params="offer"),
    # Answers are POSTs: accepting or declining changes the offer, so the matrix only GETs them
    "aid_requests:partner_accept": access(default=403, anonymous=302, **pairs(partner=405), params="offer"),
    "aid_requests:partner_decline": access(default=403, anonymous=302, **pairs(partner=405), params="offer"),
    "aid_requests:partner_fulfil": access(default=403, anonymous=302, partner=200, other_partner=404, params="offer"),
    "aid_requests:partner_profile": access(default=403, anonymous=302, partner=200, other_partner=404, params="agency"),
    # /holiday/: the drive, registration and pickup for families
    "holiday_drive:index": access(default=302, anonymous=302),  # to the campaign's page
    "holiday_drive:register": EVERYONE,
    "holiday_drive:register_done": access(default=302, anonymous=302),
    "holiday_drive:my": SIGNED_IN,
    # Pickup: the family registered for the drive picks its own slot; others are sent to find a registration
    "holiday_drive:choose_pickup": access(default=302, anonymous=302, family=200),
    "holiday_drive:pickup_find": access(default=200, anonymous=200, family=302),
    "holiday_drive:pickup_time": access(default=302, anonymous=302, family=200),
    "holiday_drive:pickup_confirmation": access(default=302, anonymous=302, family=200),
    # /holiday/checkin/: volunteers and staff, no names
    "holiday_drive:checkin": CHECK_IN,
    # POST only; without a code, back to the check-in page
    "holiday_drive:checkin_pick_up": access(
        default=405, anonymous=405, post=access(default=403, anonymous=302, volunteer=302, staff=302, holiday_staff=302)
    ),
    "holiday_drive:checkin_slot": access(
        default=403, anonymous=302, volunteer=200, staff=200, holiday_staff=200, params="slot"
    ),
    # /holiday/sponsor/: sponsors, who know families only by number
    "holiday_drive:sponsor": SPONSORS,
    # POST only; with no family chosen, back to the list
    "holiday_drive:sponsor_adopt": access(
        default=403, anonymous=302, **pairs(sponsor=405), post=access(default=403, anonymous=302, **pairs(sponsor=302))
    ),
    "holiday_drive:sponsor_my_families": SPONSORS,
    "holiday_drive:sponsor_tags": SPONSORS,
    "holiday_drive:sponsor_family_tags": access(
        default=403, anonymous=302, sponsor=200, other_sponsor=404, params="adopted_family"
    ),
    # Our views in the Wagtail admin
    "aid_requests_admin:index": STAFF_ONLY,
    "aid_requests_admin:index_results": STAFF_ONLY,
    "aid_requests_admin:detail": access(
        default=403, anonymous=302, staff=200, holiday_staff=(302, 403), params="aid_request"
    ),
    "aid_requests_admin:export": STAFF_ONLY,
    "aid_requests_partner_report": STAFF_ONLY,
    "aid_requests_deletion_requests": STAFF_ONLY,
    "holiday_drive_gifts": HOLIDAY_STAFF,
    "holiday_drive_report": HOLIDAY_STAFF,
    "holiday_drive_print": HOLIDAY_STAFF,
    "holiday_drive_print_roster": HOLIDAY_STAFF,
    "holiday_drive_print_labels": HOLIDAY_STAFF,
    "holiday_drive_print_packing": HOLIDAY_STAFF,
    "holiday_drive_registrations:index": HOLIDAY_STAFF,
    "holiday_drive_registrations:index_results": HOLIDAY_STAFF,
    "holiday_drive_registrations:detail": access(
        default=403, anonymous=302, staff=200, holiday_staff=200, params="registration"
    ),
    "holiday_drive_registrations:export": HOLIDAY_STAFF,
    "holiday_drive_sponsors:index": HOLIDAY_STAFF,
    "holiday_drive_sponsors:index_results": HOLIDAY_STAFF,
    "holiday_drive_slots:index": HOLIDAY_STAFF,
    "holiday_drive_slots:index_results": HOLIDAY_STAFF,
    "resources_import": STAFF_ONLY,
    "resources_import_preview": access(default=403, anonymous=302, staff=302, holiday_staff=(302, 403)),  # no file
    "resources_export": STAFF_ONLY,
    "partner_account_chooser:choose": STAFF_ONLY,
    "partner_account_chooser:choose_results": STAFF_ONLY,
    "partner_account_chooser:chosen": access(
        default=403, anonymous=302, staff=200, holiday_staff=(302, 403), params="partner_account"
    ),
    "partner_account_chooser:chosen_multiple": STAFF_ONLY,
    "partner_account_chooser:create": access(default=403, anonymous=302, staff=302, holiday_staff=(302, 403)),
}
# Wagtail's generic views for our models (snippets and model viewsets): staff, or holiday staff for the drive's.
SNIPPET_VIEWS = ("list", "list_results", "add", "edit", "delete", "usage", "history", "history_results", "copy")
CHOOSER_VIEWS = ("choose", "choose_results", "chosen", "chosen_multiple")
MODEL_VIEWS = ("index", "index_results", "add", "edit", "delete", "usage", "history", "history_results", "copy")
for _model in (
    "portal_alert",
    "resources_agency",
    "resources_servicecategory",
    "resources_language",
    "resources_school",
):
    for _view in SNIPPET_VIEWS:
        TABLE[f"wagtailsnippets_{_model}:{_view}"] = _of_one_object(_view, STAFF_ONLY)
    for _view in CHOOSER_VIEWS:
        TABLE[f"wagtailsnippetchoosers_{_model}:{_view}"] = _of_one_object(_view, PUBLIC_RECORDS_CHOOSER)
    TABLE[f"wagtailsnippetchoosers_{_model}:create"] = STAFF_ONLY  # a chooser's form to add one: the add permission
for _prefix, _rule in [
    ("holiday_drive_sponsors", HOLIDAY_STAFF),
    ("holiday_drive_sites", HOLIDAY_STAFF),
    ("holiday_drive_slots", HOLIDAY_STAFF),
    ("wagtailusers_users", WAGTAILS_OWN_ADMIN),  # Wagtail's user admin, for our User model
]:
    for _view in MODEL_VIEWS:
        TABLE.setdefault(f"{_prefix}:{_view}", _of_one_object(_view, _rule))

# Added with issues 13-18: the office's contact file, staff reports and queues, agencies' own listings, texts,
# school referrals, the uploads route.
_ADMIN_POST_ONLY = access(default=403, anonymous=302, staff=405, holiday_staff=405)  # GET: refused or 405
TABLE.update(
    {
        "security_txt": access(default=(200, 404), anonymous=(200, 404)),  # 404 while no contact is set
        "portal_annual_summary": STAFF_ONLY,
        "resources_agency_changes": STAFF_ONLY,
        "resources_decide_agency_change": _ADMIN_POST_ONLY,
        "resources_missing_spanish": STAFF_ONLY,
        "resources_overdue": STAFF_ONLY,
        "resources_mark_checked": _ADMIN_POST_ONLY,
        "resources_reports": STAFF_ONLY,
        "resources_resolve_report": _ADMIN_POST_ONLY,
        "aid_requests_report_volume": STAFF_ONLY,
        "aid_requests_report_speed": STAFF_ONLY,
        "aid_requests_report_outcomes": STAFF_ONLY,
        "aid_requests_report_dollars": STAFF_ONLY,
        "holiday_drive_by_day": HOLIDAY_STAFF,
        # An agency's own directory listings: its members only (placeholder ids: not theirs, so 404)
        "resources:listings": PARTNERS,
        "resources:listing_change": access(default=403, anonymous=302, partner=404, other_partner=404),
        "resources:listing_confirm": access(default=403, anonymous=302, partner=405, other_partner=405),
        "resources:listing_agency": access(default=403, anonymous=302, partner=404, other_partner=404),
        # The review email's signed single-use link: without a genuine unused token, everyone gets 410
        "resources:listing_review": access(default=410, anonymous=410),
        # POST-only endpoints: anyone may report a problem with a listing or stop texts; providers post texts
        "resources:report_problem": access(default=405, anonymous=405),
        "texts:inbound": access(default=405, anonymous=405),
        "texts:status": access(default=405, anonymous=405),
        "aid_requests:stop_texts": access(default=405, anonymous=405),
        # School referrals: school staff only, each their own referrals
        "referrals:home": SCHOOL_STAFF,
        "referrals:new": SCHOOL_STAFF,
        "referrals:detail": access(
            default=403, anonymous=302, school_staff=200, other_school_staff=404, params="referral"
        ),
        "referrals:family": access(default=404, anonymous=404),  # a family's token; a wrong one is 404
        "^media/(?P<path>.*)$": access(default=404, anonymous=404),
        "referrals_report": STAFF_ONLY,
        "referrals_invite": STAFF_ONLY,
    }
)
