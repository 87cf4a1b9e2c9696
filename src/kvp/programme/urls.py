from django.urls import path

from kvp.programme import aftercare_views, benefit_views, casework_views, kostra_views, views

urlpatterns = [
    path("deltakere/<uuid:participant_id>/saker/ny/", views.case_create_view, name="case_create"),
    path("saker/<uuid:case_id>/status/", views.case_transition_view, name="case_transition"),
    path("saker/<uuid:case_id>/vilkar/", casework_views.eligibility_review, name="eligibility_review"),
    path("saker/<uuid:case_id>/vedtak/ny/", casework_views.decision_create, name="decision_create"),
    path("vedtak/<uuid:decision_id>/", casework_views.decision_detail, name="decision_detail"),
    path("vedtak/<uuid:decision_id>/godkjenn/", casework_views.decision_approve_view, name="decision_approve"),
    path("vedtak/<uuid:decision_id>/brev.pdf", casework_views.decision_letter_pdf, name="decision_letter_pdf"),
    path("saker/<uuid:case_id>/forelopig-svar/", casework_views.interim_notice_create, name="interim_notice_create"),
    path("saker/<uuid:case_id>/forelopig-svar.pdf", casework_views.interim_notice_pdf, name="interim_notice_pdf"),
    path("vedtak/<uuid:decision_id>/klage/ny/", casework_views.appeal_create, name="appeal_create"),
    path("klager/<uuid:appeal_id>/oversend/", casework_views.appeal_forward_view, name="appeal_forward"),
    path("saker/<uuid:case_id>/utbetaling/", benefit_views.payments_view, name="payments"),
    path("saker/<uuid:case_id>/utbetaling/godkjenn/", benefit_views.payment_approve_view, name="payment_approve"),
    path(
        "saker/<uuid:case_id>/oppmote/",
        benefit_views.case_form_post,
        {"form_name": "week_form"},
        name="attendance_week_create",
    ),
    path(
        "saker/<uuid:case_id>/fravaer/ny/",
        benefit_views.case_form_post,
        {"form_name": "absence_form"},
        name="absence_create",
    ),
    path(
        "saker/<uuid:case_id>/barn/ny/", benefit_views.case_form_post, {"form_name": "child_form"}, name="child_create"
    ),
    path(
        "saker/<uuid:case_id>/inntekt/ny/",
        benefit_views.case_form_post,
        {"form_name": "income_form"},
        name="other_income_create",
    ),
    path(
        "saker/<uuid:case_id>/avbrudd/ny/",
        benefit_views.case_form_post,
        {"form_name": "interruption_form"},
        name="interruption_create",
    ),
    path("fravaer/<uuid:absence_id>/trekk/", benefit_views.deduction_decide_view, name="deduction_decide"),
    path("meg/fravaer/<uuid:absence_id>/svar/", benefit_views.absence_response, name="absence_response"),
    path("meg/utbetaling/", benefit_views.my_payments, name="my_payments"),
    path("kostra/", kostra_views.kostra_overview, name="kostra_overview"),
    path("kostra/fil/", kostra_views.kostra_download, name="kostra_download"),
    path("saker/<uuid:case_id>/statistikk/", kostra_views.case_statistics, name="case_statistics"),
    path(
        "deltakere/<uuid:participant_id>/etter-programmet/<uuid:follow_up_id>/",
        aftercare_views.aftercare_record_view,
        name="aftercare_record",
    ),
]
