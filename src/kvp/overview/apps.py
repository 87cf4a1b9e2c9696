from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverviewConfig(AppConfig):
    name = "kvp.overview"
    verbose_name = _("Follow-up overview")
