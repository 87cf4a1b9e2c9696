from django.urls import path

from kvp.followup import views

urlpatterns = [
    path("deltakere/<uuid:participant_id>/moter/ny/", views.meeting_create_view, name="meeting_create"),
    path("deltakere/<uuid:participant_id>/notater/ny/", views.note_create_view, name="note_create"),
]
