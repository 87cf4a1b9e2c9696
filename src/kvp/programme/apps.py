from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "kvp.programme"
    verbose_name = _("Programme")

    def ready(self) -> None:
        from kvp.parameters.services import register_settled_until
        from kvp.programme import audit_types  # noqa: F401  (registers the app's audit object types)
        from kvp.programme.selectors import settled_until

        register_settled_until(settled_until)
