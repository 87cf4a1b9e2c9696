"""Access-matrix rows for the mapping, plan and proposal views (see tests/test_access_matrix.py)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.urls import reverse

from kvp.plans.models import Mapping, Proposal, WorkExperience
from kvp.plans.services import proposal_submit
from tests.access import LOGIN, REASON, Endpoint, on_participant, plain, roles
from tests.conftest import World
from tests.plans.builders import access_for, activity_fields, plan_with_activity, plan_with_goal, running_case

READ = roles(200, 200, REASON, 404, 200, 403, LOGIN)
PARTY_WRITE = roles(302, 302, REASON, 404, 403, 403, LOGIN)
STAFF_GET = roles(403, 200, REASON, 404, 403, 403, LOGIN)
STAFF_POST = roles(403, 302, REASON, 404, 403, 403, LOGIN)


def _case(w: World) -> Any:
    return running_case(w.participant, w.counsellor)


def _goal(w: World) -> Any:
    return plan_with_goal(w.participant, w.counsellor)[1]


def _activity(w: World) -> Any:
    return plan_with_activity(w.participant, w.counsellor)


def _work_row(w: World) -> Any:
    mapping = Mapping.objects.create(participant=w.participant)
    return WorkExperience.objects.create(
        mapping=mapping, occupation="Gartner", years=Decimal("15"), added_by=w.counsellor
    )


def _proposal(w: World) -> Proposal:
    case = running_case(w.participant, w.counsellor)
    user = w.participant_user
    return proposal_submit(
        actor=user,
        access=access_for(user, w.participant),
        case=case,
        measure_type="vocational_norwegian",
        text="Jeg vil ta yrkesnorsk.",
        language="nb",
    )


def _on(name: str, attribute: str) -> Any:
    return lambda w, c: reverse(name, args=[w.participant.pk, getattr(c, attribute)])


def _form(data: dict[str, Any], version: int = 1) -> Any:
    return lambda w, c: data | {"version": version}


def _activity_post(w: World, c: Any) -> dict[str, Any]:
    fields = activity_fields(title="Yrkesnorsk", measure_type="vocational_norwegian")
    return fields | {"weekdays": ["0", "2"], "version": 2 if c is not None and hasattr(c, "plan") else 0}


def plan_endpoints() -> list[Endpoint]:
    return [
        Endpoint("mapping", "get", on_participant("mapping"), READ),
        Endpoint(
            "mapping_section",
            "post",
            lambda w, c: reverse("mapping_section", args=[w.participant.pk, "about"]),
            PARTY_WRITE,
            data=lambda w, c: {
                "about-version": 0,
                "about-strengths": "Jeg er god med planter.",
                "about-strengths_language": "nb",
                "about-what_matters_language": "nb",
            },
        ),
        Endpoint(
            "mapping_row_add",
            "post",
            lambda w, c: reverse("mapping_row_add", args=[w.participant.pk, "arbeid"]),
            PARTY_WRITE,
            data=lambda w, c: {"work-occupation": "Gartner", "work-years": "15", "work-language": "nb"},
        ),
        Endpoint(
            "mapping_row_remove",
            "post",
            lambda w, c: reverse("mapping_row_remove", args=[w.participant.pk, "arbeid", c.pk]),
            PARTY_WRITE,
            setup=_work_row,
        ),
        # The list of occupations only: for participants and staff, whichever participant they work with.
        Endpoint(
            "occupation_search",
            "get",
            lambda w, c: reverse("occupation_search") + "?field=about-wanted_occupations&q=kokk",
            roles(200, 200, 200, 200, 200, 403, LOGIN),
        ),
        Endpoint("plan", "get", on_participant("plan"), READ, setup=_case),
        Endpoint("plan_versions", "get", on_participant("plan_versions"), READ, setup=_goal),
        Endpoint("plan_pdf", "get", on_participant("plan_pdf"), READ, setup=_goal),
        Endpoint(
            "goal_add",
            "post",
            on_participant("goal_add"),
            PARTY_WRITE,
            setup=_case,
            data=_form({"text": "Jeg vil jobbe i barnehage.", "language": "nb"}, version=0),
        ),
        # The goal was written by the participant: only they may change it; staff with write access see
        # the form, and the service refuses their save.
        Endpoint(
            "goal_edit", "get", _on("goal_edit", "pk"), roles(200, 200, REASON, 404, 403, 403, LOGIN), setup=_goal
        ),
        Endpoint(
            "goal_edit",
            "post",
            _on("goal_edit", "pk"),
            roles(302, 400, REASON, 404, 403, 403, LOGIN),
            setup=_goal,
            data=_form({"text": "Jeg vil bli kokk på hotell.", "language": "nb"}),
        ),
        Endpoint("activity_add", "get", on_participant("activity_add"), STAFF_GET, setup=_case),
        Endpoint("activity_add", "post", on_participant("activity_add"), STAFF_POST, setup=_case, data=_activity_post),
        Endpoint("activity_edit", "get", _on("activity_edit", "pk"), STAFF_GET, setup=_activity),
        Endpoint(
            "activity_edit",
            "post",
            _on("activity_edit", "pk"),
            STAFF_POST,
            setup=_activity,
            data=lambda w, c: _activity_post(w, c) | {"title": "Lager, ny tittel"},
        ),
        Endpoint(
            "activity_status",
            "post",
            _on("activity_status", "pk"),
            STAFF_POST,
            setup=_activity,
            data=_form({"status": "in_progress"}, version=2),
        ),
        Endpoint(
            "plan_confirm",
            "post",
            on_participant("plan_confirm"),
            PARTY_WRITE,
            setup=_activity,
            data=_form({}, version=2),
        ),
        Endpoint(
            "proposal_create",
            "get",
            on_participant("proposal_create"),
            roles(200, 403, REASON, 404, 403, 403, LOGIN),
            setup=_case,
        ),
        Endpoint(
            "proposal_create",
            "post",
            on_participant("proposal_create"),
            roles(302, 403, REASON, 404, 403, 403, LOGIN),
            setup=_case,
            data=lambda w, c: {
                "measure_type": "trade_certificate",
                "language": "nb",
                "text": "Jeg har jobbet som kokk i 10 år og vil ta fagbrev.",
            },
        ),
        Endpoint("proposal_answer", "get", _on("proposal_answer", "pk"), STAFF_GET, setup=_proposal),
        Endpoint(
            "proposal_answer",
            "post",
            _on("proposal_answer", "pk"),
            STAFF_POST,
            setup=_proposal,
            data=lambda w, c: {
                "version": 1,
                "answer": "declined",
                "reason": "Kurset er fullt i høst; vi søker deg inn til våren.",
            },
        ),
        Endpoint("worklist", "get", plain("worklist"), roles(403, 200, 200, 200, 403, 403, LOGIN)),
        # The API answers 403 to anonymous callers and to colleagues without a recorded reason.
        Endpoint(
            "api_participant_plan",
            "get",
            on_participant("api_participant_plan"),
            roles(200, 200, 403, 404, 200, 403, 403),
            setup=_goal,
            api=True,
        ),
        Endpoint(
            "api_plan_proposals",
            "post",
            on_participant("api_plan_proposals"),
            roles(201, 403, 403, 404, 403, 403, 403),
            setup=_case,
            data=lambda w, c: {"measure_type": "driving_licence", "text": "Førerkort klasse B", "language": "nb"},
            api=True,
        ),
    ]
