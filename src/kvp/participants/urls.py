from django.urls import path

from kvp.participants import self_service, views

urlpatterns = [
    path("deltakere/", views.participant_list, name="participant_list"),
    path("deltakere/sok/", views.participant_search_view, name="participant_search"),
    path("deltakere/ny/", views.participant_create_view, name="participant_create"),
    path("deltakere/<uuid:participant_id>/", views.participant_detail, name="participant_detail"),
    path("deltakere/<uuid:participant_id>/endre/", views.participant_edit, name="participant_edit"),
    path("deltakere/<uuid:participant_id>/begrunnelse/", views.access_reason, name="access_reason"),
    path("deltakere/<uuid:participant_id>/veileder/", views.participant_reassign, name="participant_reassign"),
    path("meg/", self_service.my_page, name="my_page"),
]
