from django.urls import path

from kvp.common import health, views

urlpatterns = [
    path("kilder/", views.sources_view, name="sources"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]
