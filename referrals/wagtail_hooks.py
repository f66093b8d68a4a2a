from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from referrals import admin_views


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permissions, **kwargs):
        super().__init__(*args, **kwargs)
        self.permissions = permissions

    def is_shown(self, request):
        return request.user.has_perms(self.permissions)


@hooks.register("register_reports_menu_item")
def referral_report_menu_item():
    return PermissionMenuItem(
        "Referrals from schools",
        reverse("referrals_report"),
        icon_name="doc-full",
        order=810,
        permissions=["aid_requests.view_aidrequest"],
    )


@hooks.register("register_directory_menu_item")
def invite_menu_item():
    return PermissionMenuItem(
        "Invite school staff",
        reverse("referrals_invite"),
        icon_name="user",
        order=920,
        permissions=["resources.add_schoolstafflink", "aid_requests.view_aidrequest"],
    )


@hooks.register("register_admin_urls")
def referral_admin_urls():
    return [
        path("reports/referrals/", admin_views.ReferralReportView.as_view(), name="referrals_report"),
        path("referrals/invite/", admin_views.InviteView.as_view(), name="referrals_invite"),
    ]
