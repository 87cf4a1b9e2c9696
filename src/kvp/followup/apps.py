from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "kvp.followup"
    verbose_name = _("Follow-up")

    def ready(self) -> None:
        from kvp.followup import audit_types  # noqa: F401  (registers the app's audit object types)
        from kvp.followup.aftercare_meetings import after_care_meetings_book
        from kvp.programme.signals import case_ended_for_aftercare

        case_ended_for_aftercare.connect(after_care_meetings_book, dispatch_uid="followup.after_care_meetings")
