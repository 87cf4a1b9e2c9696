from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "kvp.matching"
    verbose_name = _("Matching")

    def ready(self) -> None:
        from kvp.matching import audit_types  # noqa: F401  (registers the app's audit object types)
