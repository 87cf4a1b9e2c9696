from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    name = "kvp.common"
    verbose_name = _("Common")

    def ready(self) -> None:
        from kvp.common import checks  # noqa: F401 - registers the deployment checks
