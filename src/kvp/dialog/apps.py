from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialogConfig(AppConfig):
    name = "kvp.dialog"
    verbose_name = _("Dialog")

    def ready(self) -> None:
        from kvp.dialog import audit_types  # noqa: F401  (registers the app's audit object types)
