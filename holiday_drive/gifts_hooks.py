"""Wagtail admin hooks for recording gifts received; imported by HolidayDriveConfig.ready().

Kept apart from wagtail_hooks.py (the holiday admin's viewsets and menu); its menu item joins
the "Holiday drive" menu through that menu's submenu hook.
"""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from holiday_drive import admin_gifts

HOLIDAY_MENU_HOOK = "register_holiday_drive_menu_item"


class GiftsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_gifts.PERMISSION)


@hooks.register("register_admin_urls")
def gifts_admin_urls():
    return [path("holiday-drive/gifts/", admin_gifts.gifts_received, name="holiday_drive_gifts")]


@hooks.register(HOLIDAY_MENU_HOOK)
def gifts_menu_item():
    return GiftsMenuItem("Gifts received", reverse("holiday_drive_gifts"), icon_name="tick", order=400)
