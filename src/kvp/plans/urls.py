from django.urls import path

from kvp.plans import mapping_views, occupation_views, pdf_views, proposal_views, views

P = "deltakere/<uuid:participant_id>"

urlpatterns = [
    path(f"{P}/kartlegging/", mapping_views.mapping_page, name="mapping"),
    path(f"{P}/kartlegging/del/<slug:section>/", mapping_views.mapping_section_view, name="mapping_section"),
    path(f"{P}/kartlegging/<slug:kind>/ny/", mapping_views.mapping_row_add_view, name="mapping_row_add"),
    path(
        f"{P}/kartlegging/<slug:kind>/<uuid:row_id>/fjern/",
        mapping_views.mapping_row_remove_view,
        name="mapping_row_remove",
    ),
    path("yrker/sok/", occupation_views.occupation_search_view, name="occupation_search"),
    path(f"{P}/plan/", views.plan_page, name="plan"),
    path(f"{P}/plan/versjoner/", views.plan_versions, name="plan_versions"),
    path(f"{P}/plan/pdf/", pdf_views.plan_pdf_view, name="plan_pdf"),
    path(f"{P}/plan/mal/ny/", views.goal_add_view, name="goal_add"),
    path(f"{P}/plan/mal/<uuid:goal_id>/", views.goal_edit_view, name="goal_edit"),
    path(f"{P}/plan/aktiviteter/ny/", views.activity_add_view, name="activity_add"),
    path(f"{P}/plan/aktiviteter/<uuid:activity_id>/", views.activity_edit_view, name="activity_edit"),
    path(f"{P}/plan/aktiviteter/<uuid:activity_id>/status/", views.activity_status_view, name="activity_status"),
    path(f"{P}/plan/godkjenn/", views.plan_confirm_view, name="plan_confirm"),
    path(f"{P}/plan/forslag/ny/", proposal_views.proposal_create_view, name="proposal_create"),
    path(f"{P}/plan/forslag/<uuid:proposal_id>/svar/", proposal_views.proposal_answer_view, name="proposal_answer"),
]
