from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Connection Center directory"

    def ready(self):
        from resources import signals

        signals.connect()
