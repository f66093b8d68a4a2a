from django.urls import path

from aid_requests import views

app_name = "aid_requests"

urlpatterns = [
    # /requests/: the application and the status lookup, for everyone
    path("requests/apply/", views.ApplyWizard.as_view(), name="apply"),
    path("requests/apply/done/", views.apply_done, name="apply_done"),
    path("requests/status/", views.status, name="status"),
    path("requests/withdraw/", views.withdraw, name="withdraw"),
    # /my/: a signed-in family's own requests
    path("my/", views.my_requests, name="my"),
    path("my/contact/", views.my_contact, name="my_contact"),
]
