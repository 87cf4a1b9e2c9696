from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "kvp.matching"
    verbose_name = _("Matching")

    def ready(self) -> None:
        from kvp.matching import audit_types, jobs  # noqa: F401  (register the app's audit object types and jobs)
