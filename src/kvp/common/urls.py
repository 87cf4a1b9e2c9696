from django.urls import path

from kvp.common import views

urlpatterns = [
    path("kilder/", views.sources_view, name="sources"),
]
