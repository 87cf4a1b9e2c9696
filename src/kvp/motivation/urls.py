from django.urls import path

from kvp.motivation import views

urlpatterns = [
    path("deltakere/<uuid:participant_id>/motivasjon/", views.motivation_history, name="motivation_history"),
    # The participant's own pages (under meg/, as their other pages).
    path("meg/motivasjon/ny/", views.my_checkin_start, name="my_checkin_start"),
    path("meg/motivasjon/<uuid:checkin_id>/", views.my_checkin_answer, name="my_checkin_answer"),
    path("meg/motivasjon/<uuid:checkin_id>/takk/", views.my_checkin_thanks, name="my_checkin_thanks"),
]
