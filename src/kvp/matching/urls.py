from django.urls import path

from kvp.matching import views

urlpatterns = [
    path("deltakere/<uuid:participant_id>/onsker/", views.wishes, name="wishes"),
    path("fordeling/", views.match_runs, name="match_runs"),
    path("fordeling/<uuid:run_id>/", views.match_run, name="match_run"),
    path("fordeling/jobb/<uuid:job_id>/", views.match_job, name="match_job"),
    path("fordeling/forslag/<uuid:proposal_id>/", views.match_proposal_decide, name="match_proposal_decide"),
    path("fordeling/forslag/<uuid:proposal_id>/tilbud/", views.match_offer_search, name="match_offer_search"),
    path("fordeling/forslag/<uuid:proposal_id>/svar/", views.match_proposal_confirm, name="match_proposal_confirm"),
]
