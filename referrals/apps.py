from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "referrals"
    verbose_name = "Referrals from schools"

    def ready(self):
        from referrals import privacy

        privacy.register()  # referrals are part of a household's data (aid_requests.privacy)
