"""Every view and API endpoint, for every persona: what each role gets.

Roles: the participant, their counsellor, a colleague at the office (no reason recorded), a
counsellor at another office, the office leader, an administrator, and an anonymous visitor.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse

from kvp.participants.models import TransferRequest
from kvp.programme.models import Absence, Appeal, Case, Decision
from kvp.rules.case_status import CaseStatus
from tests import factories
from tests.access import (
    ADMIN_LOGIN,
    API_WRITE,
    LOGIN,
    REASON,
    WRITE,
    Endpoint,
    on_case,
    on_participant,
    pid,
    plain,
    roles,
)
from tests.accounts.admin_access_rows import admin_endpoints
from tests.catalogue.access_rows import catalogue_endpoints
from tests.catalogue.incident_access_rows import incident_endpoints
from tests.conftest import ROLES, World, client_for
from tests.dialog.access_rows import dialog_endpoints
from tests.followup.access_rows import meeting_endpoints
from tests.matching.access_rows import matching_endpoints
from tests.motivation.access_rows import motivation_endpoints
from tests.overview.access_rows import overview_endpoints
from tests.plans.access_rows import plan_endpoints
from tests.programme.aftercare_access_rows import aftercare_endpoints
from tests.reports.access_rows import report_endpoints
from tests.staff.access_rows import staff_endpoints
from tests.wording.access_rows import wording_endpoints


def transition(w: World, c: Any) -> dict[str, Any]:
    return {"target": "granted", "effective_on": "2026-10-01", "period_end": "2027-10-01", "version": c.version}


def api_transition(w: World, c: Any) -> dict[str, Any]:
    return {"target": "granted", "effective_on": "2026-10-01", "period_end": "2027-10-01", "expected_version": 1}


def new_person(w: World, c: Any) -> dict[str, Any]:
    return {
        "national_id": factories.synthetic_id(datetime.date(1990, 5, 17)),
        "first_name": "Yonas",
        "last_name": "Tesfay",
        "preferred_language": "ti",
    }


def reassign(w: World, c: Any) -> dict[str, Any]:
    return {"counsellor": w.colleague.pk}


def a_transfer_request(w: World) -> TransferRequest:
    """The outsider tried to register the participant, whom the office follows up."""
    return TransferRequest.objects.create(
        participant=w.participant, requested_by=w.outsider, from_office=w.other_office, to_office=w.office
    )


ENDPOINTS = [
    Endpoint("home", "get", plain("home"), roles(302, 302, 302, 302, 302, 302, LOGIN)),
    Endpoint("login", "get", plain("login"), roles(302, 302, 302, 302, 302, 302, 200)),
    # The language menu: anyone may choose among the languages offered to them.
    Endpoint(
        "set_language",
        "post",
        plain("set_language"),
        roles(302, 302, 302, 302, 302, 302, 302),
        data=lambda w, c: {"language": "en"},
    ),
    Endpoint("participant_list", "get", plain("participant_list"), roles(403, 200, 200, 200, 200, 403, LOGIN)),
    Endpoint(
        "participant_search",
        "post",
        plain("participant_search"),
        roles(403, 200, 200, 200, 200, 403, LOGIN),
        data=lambda w, c: {"national_id": w.participant.national_id},
    ),
    Endpoint("participant_create", "get", plain("participant_create"), roles(403, 200, 200, 200, 403, 403, LOGIN)),
    Endpoint(
        "participant_create",
        "post",
        plain("participant_create"),
        roles(403, 302, 302, 302, 403, 403, LOGIN),
        data=new_person,
    ),
    Endpoint(
        "participant_detail", "get", on_participant("participant_detail"), roles(403, 200, REASON, 404, 200, 403, LOGIN)
    ),
    Endpoint(
        "participant_edit", "get", on_participant("participant_edit"), roles(403, 200, REASON, 404, 403, 403, LOGIN)
    ),
    Endpoint(
        "participant_edit",
        "post",
        on_participant("participant_edit"),
        WRITE,
        data=lambda w, c: {"first_name": "Amina", "last_name": "Hassan-Ali", "preferred_language": "so", "version": 1},
    ),
    Endpoint("access_reason", "get", on_participant("access_reason"), roles(403, 200, 200, 404, 403, 403, LOGIN)),
    Endpoint(
        "access_reason",
        "post",
        on_participant("access_reason"),
        roles(403, 302, 302, 404, 403, 403, LOGIN),
        data=lambda w, c: {"reason": "Covering for Kari while she is away today"},
    ),
    Endpoint(
        "participant_reassign",
        "post",
        on_participant("participant_reassign"),
        roles(403, 403, 403, 403, 302, 403, LOGIN),
        data=reassign,
    ),
    Endpoint(
        "case_create", "post", on_participant("case_create"), WRITE, data=lambda w, c: {"applied_on": "2026-11-02"}
    ),
    Endpoint("case_transition", "post", on_case("case_transition"), WRITE, data=transition),
    Endpoint(
        "note_create",
        "post",
        on_participant("note_create"),
        WRITE,
        data=lambda w, c: {"title": "Samtale", "text": "Snakket om mål."},
    ),
    Endpoint("eligibility_review", "get", on_case("eligibility_review"), roles(403, 200, REASON, 404, 200, 403, LOGIN)),
    Endpoint(
        "eligibility_review",
        "post",
        on_case("eligibility_review"),
        WRITE,
        data=lambda w, c: {"work_ability": "significantly_reduced", "work_ability_assessed_on": "2026-09-15"},
    ),
    Endpoint(
        "decision_create",
        "post",
        on_case("decision_create"),
        roles(403, 302, REASON, 404, 403, 403, LOGIN),
        data=lambda w, c: {"kind": "refusal", "language": "nb", "reasons": "Vilkårene er ikke oppfylt."},
    ),
    # A refusal awaiting approval: its maker and the leader see it, the participant not yet.
    Endpoint("decision_detail", "get", on_case("decision_detail"), roles(403, 200, REASON, 404, 200, 403, LOGIN)),
    Endpoint("decision_approve", "post", on_case("decision_approve"), roles(403, 403, 403, 403, 302, 403, LOGIN)),
    Endpoint(
        "decision_letter_pdf", "get", on_case("decision_letter_pdf"), roles(200, 200, REASON, 404, 200, 403, LOGIN)
    ),
    Endpoint("payments", "get", on_case("payments"), roles(403, 200, REASON, 404, 200, 403, LOGIN)),
    Endpoint(
        "absence_create",
        "post",
        on_case("absence_create"),
        WRITE,
        data=lambda w, c: {
            "starts_on": "2026-06-03",
            "ends_on": "2026-06-03",
            "kind": "other",
            "documentation": "none",
        },
    ),
    Endpoint(
        "child_create", "post", on_case("child_create"), WRITE, data=lambda w, c: {"child-birth_date": "2019-03-01"}
    ),
    Endpoint(
        "other_income_create",
        "post",
        on_case("other_income_create"),
        WRITE,
        data=lambda w, c: {
            "income-kind": "sykepenger",
            "income-starts_on": "2026-06-01",
            "income-ends_on": "2026-06-30",
            "income-per_weekday_kroner": "500",
        },
    ),
    Endpoint(
        "interruption_create",
        "post",
        on_case("interruption_create"),
        WRITE,
        data=lambda w, c: {"interruption-starts_on": "2026-07-01", "interruption-reason": "Arbeidsutprøving"},
    ),
    # Only the participant answers; staff are refused, and nobody else finds the registration.
    Endpoint(
        "absence_response",
        "post",
        on_case("absence_response"),
        roles(302, 403, 403, 403, 403, 403, LOGIN),
        data=lambda w, c: {"text": "Jeg var syk."},
    ),
    Endpoint("deduction_decide", "post", on_case("deduction_decide"), WRITE),
    Endpoint(
        "attendance_week_create",
        "post",
        on_case("attendance_week_create"),
        WRITE,
        data=lambda w, c: {
            "week-week_start": "2026-06-08",
            "week-day_0": "other:none",
            "week-day_1": "present",
            "week-day_2": "present",
            "week-day_3": "present",
            "week-day_4": "present",
        },
    ),
    Endpoint("payment_approve", "post", on_case("payment_approve"), WRITE, data=lambda w, c: {"periode": "0"}),
    Endpoint("my_payments", "get", plain("my_payments"), roles(200, 403, 403, 403, 403, 403, LOGIN)),
    Endpoint("rule_parameters", "get", plain("rule_parameters"), roles(403, 403, 403, 403, 200, 200, LOGIN)),
    Endpoint("sources", "get", plain("sources"), roles(403, 200, 200, 200, 200, 200, LOGIN)),
    # Probes for the load balancer: open to everyone, no personal data.
    Endpoint("healthz", "get", plain("healthz"), roles(200, 200, 200, 200, 200, 200, 200)),
    Endpoint("readyz", "get", plain("readyz"), roles(200, 200, 200, 200, 200, 200, 200)),
    Endpoint(
        "rule_parameters",
        "post",
        plain("rule_parameters"),
        roles(403, 403, 403, 403, 403, 302, LOGIN),
        data=lambda w, c: {
            "name": "benefit.days_per_year",
            "value": "260",
            "valid_from": "2099-01-01",
            "reason": "Ny rettspraksis",
        },
    ),
    Endpoint(
        "interim_notice_create",
        "post",
        on_case("interim_notice_create"),
        WRITE,
        data=lambda w, c: {"interim-reason": "ferie", "interim-expected_by": "2099-12-15"},
    ),
    Endpoint("interim_notice_pdf", "get", on_case("interim_notice_pdf"), roles(200, 200, REASON, 404, 200, 403, LOGIN)),
    Endpoint("appeal_create", "post", on_case("appeal_create"), WRITE, data=lambda w, c: {"on": "2026-10-10"}),
    Endpoint("appeal_forward", "post", on_case("appeal_forward"), WRITE),
    Endpoint("kostra_overview", "get", plain("kostra_overview"), roles(403, 403, 403, 403, 200, 403, LOGIN)),
    Endpoint("kostra_download", "get", plain("kostra_download"), roles(403, 403, 403, 403, 200, 403, LOGIN)),
    Endpoint("case_statistics", "get", on_case("case_statistics"), roles(403, 200, REASON, 404, 200, 403, LOGIN)),
    Endpoint(
        "case_statistics",
        "post",
        on_case("case_statistics"),
        WRITE,
        data=lambda w, c: {"marital_status": "1", "from_programme_elsewhere": "no", "had_support": "no"},
    ),
    Endpoint("my_page", "get", plain("my_page"), roles(200, 403, 403, 403, 403, 403, LOGIN)),
    Endpoint("my_access_log", "get", plain("my_access_log"), roles(200, 403, 403, 403, 403, 403, LOGIN)),
    Endpoint("transfer_requests", "get", plain("transfer_requests"), roles(403, 403, 403, 403, 200, 403, LOGIN)),
    Endpoint(
        "transfer_request_decide",
        "post",
        lambda w, c: reverse("transfer_request_decide", args=[c.pk]),
        roles(403, 403, 403, 403, 302, 403, LOGIN),
        data=lambda w, c: {"decision": "decline"},
        setup=a_transfer_request,
    ),
    Endpoint("audit_search", "get", plain("audit_search"), roles(403, 403, 403, 403, 200, 403, LOGIN)),
    Endpoint(
        "audit_search",
        "post",
        plain("audit_search"),
        roles(403, 403, 403, 403, 200, 403, LOGIN),
        data=lambda w, c: {"national_id": w.participant.national_id},
    ),
    Endpoint("totp_setup", "get", plain("totp_setup"), roles(403, 200, 200, 200, 200, 200, LOGIN)),
    # Only the administrator has an app in this world (its session passed a code); the others have none to check.
    Endpoint("totp_verify", "get", plain("totp_verify"), roles(403, 403, 403, 403, 403, 200, LOGIN)),
    # The administration has no login form of its own: it sends everyone to the site's login with the code.
    Endpoint("admin_login", "get", plain("admin:login"), roles(403, 403, 403, 403, 403, 302, LOGIN)),
    Endpoint(
        "admin",
        "get",
        plain("admin:index"),
        roles(ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 200, ADMIN_LOGIN),
    ),
    Endpoint(
        "admin_users",
        "get",
        plain("admin:accounts_user_changelist"),
        roles(ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 200, ADMIN_LOGIN),
    ),
    Endpoint(
        "admin_rates",
        "get",
        plain("admin:programme_rate_changelist"),
        roles(ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 200, ADMIN_LOGIN),
    ),
    # The API answers 403 to anonymous callers (session authentication) and reason_required to colleagues.
    Endpoint("api_schema", "get", plain("api_schema"), roles(200, 200, 200, 200, 200, 200, 200), api=True),
    Endpoint("api_participants", "get", plain("api_participants"), roles(403, 200, 200, 200, 200, 403, 403), api=True),
    Endpoint(
        "api_participants",
        "post",
        plain("api_participants"),
        roles(403, 201, 201, 201, 403, 403, 403),
        data=new_person,
        api=True,
    ),
    Endpoint(
        "api_participant_detail",
        "get",
        on_participant("api_participant_detail"),
        roles(403, 200, 403, 404, 200, 403, 403),
        api=True,
    ),
    Endpoint(
        "api_access_reason",
        "post",
        on_participant("api_access_reason"),
        roles(403, 204, 204, 404, 403, 403, 403),
        data=lambda w, c: {"reason": "Covering for Kari while she is away today"},
        api=True,
    ),
    Endpoint(
        "api_participant_cases",
        "get",
        on_participant("api_participant_cases"),
        roles(403, 200, 403, 404, 200, 403, 403),
        api=True,
    ),
    Endpoint(
        "api_participant_cases",
        "post",
        on_participant("api_participant_cases"),
        API_WRITE,
        data=lambda w, c: {"applied_on": "2026-11-02"},
        api=True,
    ),
    Endpoint(
        "api_case_transitions",
        "post",
        on_case("api_case_transitions"),
        roles(403, 200, 403, 404, 403, 403, 403),
        data=api_transition,
        api=True,
    ),
    Endpoint("api_me", "get", plain("api_me"), roles(200, 403, 403, 403, 403, 403, 403), api=True),
    Endpoint(
        "api_my_access_log", "get", plain("api_my_access_log"), roles(200, 403, 403, 403, 403, 403, 403), api=True
    ),
]


ENDPOINTS += plan_endpoints() + dialog_endpoints() + catalogue_endpoints() + matching_endpoints()
ENDPOINTS += motivation_endpoints()
ENDPOINTS += meeting_endpoints()
ENDPOINTS += incident_endpoints() + wording_endpoints()
ENDPOINTS += aftercare_endpoints() + report_endpoints() + staff_endpoints
ENDPOINTS += overview_endpoints()
ENDPOINTS += admin_endpoints()


def _case_for(endpoint: Endpoint, world: World) -> Any:
    """An open case for the participant, except where the endpoint registers a new one. Decision
    endpoints get a refusal awaiting approval, the letter endpoints a decided grant, the answer endpoint
    an absence registration."""
    if endpoint.name in {"case_create", "api_participant_cases"} and endpoint.method == "post":
        return None
    running = {
        "attendance_week_create",
        "payment_approve",
        "payments",
        "absence_create",
        "child_create",
        "other_income_create",
        "interruption_create",
        "my_payments",
    }
    if endpoint.name in running:
        return factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)
    if endpoint.name in {"absence_response", "deduction_decide"}:
        running_case = factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)
        return Absence.objects.create(
            case=running_case,
            starts_on="2026-06-03",
            ends_on="2026-06-03",
            kind="other",
            documentation="none",
            registered_by=world.counsellor,
        )
    case = factories.case(world.participant, world.counsellor)
    if endpoint.name == "interim_notice_pdf":
        Case.objects.filter(pk=case.pk).update(
            interim_notice_sent_on="2026-10-05", interim_expected_by="2026-12-15", interim_notice_reason="ferie"
        )
        return case
    if endpoint.name in {"decision_detail", "decision_approve"}:
        return factories.decision(case, world.counsellor, Decision.Kind.REFUSAL)
    if endpoint.name in {"decision_letter_pdf", "appeal_create"}:
        return factories.decision(case, world.counsellor, Decision.Kind.GRANT)
    if endpoint.name == "appeal_forward":
        decision = factories.decision(case, world.counsellor, Decision.Kind.GRANT)
        return Appeal.objects.create(decision=decision, received_on="2026-10-10", registered_by=world.counsellor)
    return case


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: f"{e.method}-{e.name}")
def test_it_gives_each_role_the_expected_answer(world: World, endpoint: Endpoint, role: str) -> None:
    case = endpoint.setup(world) if endpoint.setup else _case_for(endpoint, world)
    client = client_for(world.user(role))
    url = endpoint.url(world, case)
    data = endpoint.data(world, case)
    if endpoint.method == "get":
        response = client.get(url)
    elif endpoint.api:
        response = client.post(url, data, content_type="application/json")
    else:
        response = client.post(url, data)
    expected = endpoint.expected[role]
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    elif expected == ADMIN_LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    elif expected == REASON:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("access_reason", args=pid(world, case)))
    else:
        assert response.status_code == expected, response.content[:500]


def test_it_covers_every_url_pattern() -> None:
    """A new view or endpoint without a row in the matrix fails here."""
    from django.urls import get_resolver

    covered = {e.name for e in ENDPOINTS}
    ours = {name for name in get_resolver().reverse_dict if isinstance(name, str) and name not in {"logout"}}
    assert ours - covered == set()


def test_it_covers_the_administrations_pages_of_every_registered_model() -> None:
    from django.contrib import admin

    covered = {(e.name, e.method) for e in ENDPOINTS}
    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages = [("changelist", "get"), ("add", "get"), ("add", "post"), ("change", "get"), ("change", "post")]
        pages += [("history", "get"), ("delete", "get"), ("delete", "post")]
        assert {(f"{prefix}_{page}", method) for page, method in pages} <= covered, prefix
