from django.urls import path

from kvp.followup import meeting_views, views

urlpatterns = [
    path("deltakere/<uuid:participant_id>/moter/ny/", views.meeting_create_view, name="meeting_create"),
    path("deltakere/<uuid:participant_id>/notater/ny/", views.note_create_view, name="note_create"),
    # One meeting: staff pages, and the participant's own under meg/ (meeting_views).
    path("moter/<uuid:meeting_id>/", meeting_views.meeting_detail, name="meeting_detail"),
    path("moter/<uuid:meeting_id>/endre/", meeting_views.meeting_edit, name="meeting_edit"),
    path("moter/<uuid:meeting_id>/avlys/", meeting_views.meeting_cancel_view, name="meeting_cancel"),
    path("moter/<uuid:meeting_id>/utfall/", meeting_views.meeting_outcome_view, name="meeting_outcome"),
    path("moter/<uuid:meeting_id>/referat/", meeting_views.meeting_note, name="meeting_note"),
    path("meg/moter/<uuid:meeting_id>/", meeting_views.my_meeting, name="my_meeting"),
    path(
        "meg/moter/<uuid:meeting_id>/kan-ikke-komme/",
        meeting_views.my_meeting_cannot_come,
        name="my_meeting_cannot_come",
    ),
]
