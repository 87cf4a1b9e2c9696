from django.urls import path

from kvp.casefile import views

urlpatterns = [
    path("deltakere/", views.participant_list, name="participant_list"),
    path("deltakere/<uuid:participant_id>/", views.participant_detail, name="participant_detail"),
    path("meg/", views.my_page, name="my_page"),
]
