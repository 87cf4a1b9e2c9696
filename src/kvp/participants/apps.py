from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipantsConfig(AppConfig):
    name = "kvp.participants"
    verbose_name = _("Participants")

    def ready(self) -> None:
        from kvp.participants import audit_types  # noqa: F401  (registers the app's audit object types)
