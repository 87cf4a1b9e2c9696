from django.urls import path

from kvp.wording import views

urlpatterns = [
    path("tekst/sjekk/", views.wording_check, name="wording_check"),
    path("tekst/ordbruk/", views.wording_summary, name="wording_summary"),
]
