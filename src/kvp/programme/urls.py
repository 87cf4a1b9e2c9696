from django.urls import path

from kvp.programme import views

urlpatterns = [
    path("deltakere/<uuid:participant_id>/saker/ny/", views.case_create_view, name="case_create"),
    path("saker/<uuid:case_id>/status/", views.case_transition_view, name="case_transition"),
]
