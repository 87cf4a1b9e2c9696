from django.urls import path

from kvp.catalogue import barrier_views, incident_views, participation_views, views

P = "deltakere/<uuid:participant_id>"

urlpatterns = [
    path("tiltak/", views.catalogue, name="catalogue"),
    path("tiltak/ny/", views.offer_edit, name="offer_create"),
    path("tiltak/<uuid:offer_id>/", views.offer_detail, name="offer_detail"),
    path("tiltak/<uuid:offer_id>/endre/", views.offer_edit, name="offer_edit"),
    path("tiltak/<uuid:offer_id>/interessert/", views.offer_interest, name="offer_interest"),
    path("tiltak/<uuid:offer_id>/del/", views.offer_share, name="offer_share"),
    path("tiltak/barrierer/", barrier_views.barriers, name="barriers"),
    path("tilbydere/", views.provider_list, name="provider_list"),
    path("tilbydere/ny/", views.provider_edit, name="provider_create"),
    path("tilbydere/<uuid:provider_id>/endre/", views.provider_edit, name="provider_edit"),
    path("hendelser/", incident_views.incident_list, name="incident_list"),
    path("hendelser/ny/", incident_views.incident_create, name="incident_create"),
    path("hendelser/<uuid:incident_id>/", incident_views.incident_detail, name="incident_detail"),
    path("hendelser/<uuid:incident_id>/endre/", incident_views.incident_edit, name="incident_edit"),
    path(f"{P}/hendelser/ny/", incident_views.incident_create, name="incident_create_for"),
    path(f"{P}/tiltak/", participation_views.participations, name="participations"),
    path(f"{P}/anbefalinger/", participation_views.recommendations, name="recommendations"),
    path(f"{P}/tiltak/ny/", participation_views.participation_register_view, name="participation_register"),
    path(
        f"{P}/tiltak/<uuid:participation_id>/status/",
        participation_views.participation_update_view,
        name="participation_update",
    ),
    path(
        f"{P}/tiltak/<uuid:participation_id>/endring/",
        participation_views.provider_change_view,
        name="provider_change",
    ),
    path(
        f"{P}/tiltak/endringer/<uuid:change_id>/",
        participation_views.provider_change_decide_view,
        name="provider_change_decide",
    ),
]
