from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MotivationConfig(AppConfig):
    name = "kvp.motivation"
    verbose_name = _("Motivation check-ins")
