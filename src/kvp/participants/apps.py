from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipantsConfig(AppConfig):
    name = "kvp.participants"
    verbose_name = _("Participants")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from kvp.participants import audit_types  # noqa: F401  (registers the app's audit object types)
        from kvp.participants.signals import remember_language_at_login

        user_logged_in.connect(remember_language_at_login, dispatch_uid="kvp_remember_language_at_login")
