from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "kvp.catalogue"
    verbose_name = _("Measure catalogue")

    def ready(self) -> None:
        from kvp.catalogue import audit_types  # noqa: F401  (registers the app's audit object types)
