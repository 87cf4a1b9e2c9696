from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from kvp.api import views

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("v1/participants/", views.participants, name="api_participants"),
    path("v1/participants/<uuid:participant_id>/", views.participant_detail, name="api_participant_detail"),
    path(
        "v1/participants/<uuid:participant_id>/access-reasons/",
        views.access_reason_create,
        name="api_access_reason",
    ),
    path("v1/participants/<uuid:participant_id>/cases/", views.participant_cases, name="api_participant_cases"),
    path("v1/participants/<uuid:participant_id>/plan/", views.participant_plan, name="api_participant_plan"),
    path("v1/participants/<uuid:participant_id>/plan/proposals/", views.plan_proposals, name="api_plan_proposals"),
    path("v1/cases/<uuid:case_id>/transitions/", views.case_transitions, name="api_case_transitions"),
    path("v1/me/", views.me, name="api_me"),
    path("v1/me/access-log/", views.my_access_log, name="api_my_access_log"),
]
