from django.urls import path

from aid_requests import partner_views, privacy_views, views

app_name = "aid_requests"

urlpatterns = [
    # /requests/: the application and the status lookup, for everyone
    path("requests/apply/", views.ApplyWizard.as_view(), name="apply"),
    path("requests/apply/done/", views.apply_done, name="apply_done"),
    path("requests/status/", views.status, name="status"),
    path("requests/withdraw/", views.withdraw, name="withdraw"),
    path("requests/texts/stop/", views.stop_texts, name="stop_texts"),
    # /my/: a signed-in family's own requests
    path("my/", views.my_requests, name="my"),
    path("my/contact/", views.my_contact, name="my_contact"),
    path("my/data/", privacy_views.my_data, name="my_data"),
    path("my/data.json", privacy_views.my_data_json, name="my_data_json"),
    path("my/data/delete/", privacy_views.request_deletion, name="request_deletion"),
    # /partners/: partner agencies' offers, answers, help given and profiles
    path("partners/", partner_views.home, name="partners"),
    path("partners/offers/<int:offer_id>/", partner_views.offer_detail, name="partner_offer"),
    path("partners/offers/<int:offer_id>/accept/", partner_views.accept, name="partner_accept"),
    path("partners/offers/<int:offer_id>/decline/", partner_views.decline, name="partner_decline"),
    path("partners/offers/<int:offer_id>/fulfil/", partner_views.fulfil, name="partner_fulfil"),
    path("partners/agencies/<slug:slug>/", partner_views.profile, name="partner_profile"),
]
