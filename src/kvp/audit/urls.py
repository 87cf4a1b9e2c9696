from django.urls import path

from kvp.audit import views

urlpatterns = [
    path("sporingslogg/", views.audit_search_view, name="audit_search"),
    path("meg/innsyn/", views.my_access_log, name="my_access_log"),
]
