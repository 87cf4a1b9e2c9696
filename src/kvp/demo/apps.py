from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "kvp.demo"
    verbose_name = _("Demo")

    def ready(self) -> None:
        from kvp.demo import checks  # noqa: F401 - registers the check for demo accounts in production
