from django.urls import path

from kvp.reports import views

urlpatterns = [
    path("rapporter/saksmengde/", views.caseloads, name="caseloads"),
    path("rapporter/etter-programmet/", views.aftercare_outcomes_view, name="aftercare_outcomes"),
]
