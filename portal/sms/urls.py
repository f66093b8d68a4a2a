"""The text provider's webhooks, under /texts/."""

from django.urls import path

from portal.sms import webhooks

app_name = "texts"
urlpatterns = [
    path("inbound/", webhooks.inbound, name="inbound"),
    path("status/", webhooks.delivery_status, name="status"),
]
