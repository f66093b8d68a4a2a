from django.urls import path

from holiday_drive import checkin_views, pickup_views, sponsor_views, views

app_name = "holiday_drive"

urlpatterns = [
    # /holiday/: the drive's front door and the registration, for everyone
    path("holiday/", views.index, name="index"),
    path("holiday/register/", views.RegisterWizard.as_view(), name="register"),
    path("holiday/register/done/", views.register_done, name="register_done"),
    # /holiday/my/: a signed-in family's registration and pickup time
    path("holiday/my/", views.my_registrations, name="my"),
    path("holiday/my/pickup/", pickup_views.choose_mine, name="choose_pickup"),
    # /holiday/pickup/: book or change a pickup time and see the check-in code, with or without an account
    path("holiday/pickup/", pickup_views.find, name="pickup_find"),
    path("holiday/pickup/time/", pickup_views.choose, name="pickup_time"),
    path("holiday/pickup/confirmation/", pickup_views.confirmation, name="pickup_confirmation"),
    # /holiday/checkin/: staff and volunteers check families in by code at the distribution sites
    path("holiday/checkin/", checkin_views.lookup, name="checkin"),
    path("holiday/checkin/pick-up/", checkin_views.pick_up, name="checkin_pick_up"),
    path("holiday/checkin/slot/<int:slot_id>/", checkin_views.slot, name="checkin_slot"),
    # /holiday/sponsor/: sponsors adopt families, known to them only by family number, and print gift tags
    path("holiday/sponsor/", sponsor_views.families, name="sponsor"),
    path("holiday/sponsor/adopt/", sponsor_views.adopt, name="sponsor_adopt"),
    path("holiday/sponsor/my-families/", sponsor_views.my_families, name="sponsor_my_families"),
    path("holiday/sponsor/tags/", sponsor_views.all_tags, name="sponsor_tags"),
    path("holiday/sponsor/families/<str:family_number>/tags/", sponsor_views.family_tags, name="sponsor_family_tags"),
]
