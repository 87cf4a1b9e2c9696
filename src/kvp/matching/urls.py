from django.urls import path

from kvp.matching import views

urlpatterns = [
    path("deltakere/<uuid:participant_id>/onsker/", views.wishes, name="wishes"),
]
