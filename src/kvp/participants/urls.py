from django.urls import path

from kvp.participants import audit_views, language_views, views

urlpatterns = [
    path("deltakere/sok/", views.participant_search_view, name="participant_search"),
    path("deltakere/ny/", views.participant_create_view, name="participant_create"),
    path("deltakere/<uuid:participant_id>/endre/", views.participant_edit, name="participant_edit"),
    path("deltakere/<uuid:participant_id>/begrunnelse/", views.access_reason, name="access_reason"),
    path("deltakere/<uuid:participant_id>/veileder/", views.participant_reassign, name="participant_reassign"),
    path("overforinger/", views.transfer_requests, name="transfer_requests"),
    path("overforinger/<uuid:request_id>/", views.transfer_request_decide_view, name="transfer_request_decide"),
    path("sporingslogg/", audit_views.audit_search_view, name="audit_search"),
    path("meg/innsyn/", audit_views.my_access_log, name="my_access_log"),
    path("i18n/setlang/", language_views.language_choose, name="set_language"),
]
