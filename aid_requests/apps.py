from django.apps import AppConfig


class AidRequestsConfig(AppConfig):
    name = "aid_requests"
    verbose_name = "Requests for help"
