from django.urls import path

from kvp.overview import views, worklist

urlpatterns = [
    path("oversikt/", views.overview, name="overview"),
    path("arbeidsliste/", worklist.worklist, name="worklist"),
    path("oversikt/fordel/", views.overview_reassign, name="overview_reassign"),
    path("oversikt/filtre/", views.overview_filter_save, name="overview_filter_save"),
    path("oversikt/filtre/<int:filter_id>/slett/", views.overview_filter_delete, name="overview_filter_delete"),
    path("deltakere/<uuid:participant_id>/huskelapp/", views.reminder_create_view, name="reminder_create"),
    path(
        "deltakere/<uuid:participant_id>/huskelapp/<uuid:reminder_id>/ferdig/",
        views.reminder_done_view,
        name="reminder_done",
    ),
    path(
        "deltakere/<uuid:participant_id>/huskelapp/<uuid:reminder_id>/slett/",
        views.reminder_delete_view,
        name="reminder_delete",
    ),
    path("deltakere/<uuid:participant_id>/kategori/", views.category_set_view, name="category_set"),
]
