from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverviewConfig(AppConfig):
    name = "kvp.overview"
    verbose_name = _("Follow-up overview")

    def ready(self) -> None:
        from kvp.motivation.signals import checkin_answered
        from kvp.overview import audit_types  # noqa: F401  (registers the app's audit object types)
        from kvp.overview.alerts import motivation_alerts_refresh

        checkin_answered.connect(motivation_alerts_refresh, dispatch_uid="overview.motivation_alerts")
