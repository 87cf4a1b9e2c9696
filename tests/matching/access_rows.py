"""Access-matrix rows for wishes and matching (see tests/test_access_matrix.py)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from kvp.common.models import Job
from kvp.matching.decisions import proposal_decide
from kvp.matching.jobs import match_run_start
from kvp.matching.models import MatchProposal
from tests.access import LOGIN, REASON, WRITE, Endpoint, on_participant, plain, roles
from tests.conftest import World
from tests.matching.builders import END, START, offers, run, wish
from tests.plans.builders import access_for

STAFF = roles(403, 200, 200, 200, 200, 403, LOGIN)  # the outsider runs their own office's matches


def _run(w: World) -> Any:
    norwegian, _practice, _later = offers(w)
    wish(w, norwegian)
    return run(w)


def _proposal(w: World) -> MatchProposal:
    return MatchProposal.objects.get(run=_run(w), participant=w.participant, offer__measure_type="vocational_norwegian")


def _accepted(w: World) -> MatchProposal:
    proposal = _proposal(w)
    return proposal_decide(
        actor=w.counsellor,
        access=access_for(w.counsellor, w.participant),
        proposal=proposal,
        seen_version=1,
        decision="accepted",
    )


def _job(w: World) -> Job:
    return match_run_start(actor=w.leader, office=w.office, mode="optimal", period_start=START, period_end=END)


def _on(name: str) -> Any:
    return lambda w, c: reverse(name, args=[c.pk])


def matching_endpoints() -> list[Endpoint]:
    return [
        Endpoint("wishes", "get", on_participant("wishes"), roles(200, 200, REASON, 404, 200, 403, LOGIN)),
        Endpoint("wishes", "post", on_participant("wishes"), roles(302, 302, REASON, 404, 403, 403, LOGIN)),
        Endpoint("match_runs", "get", plain("match_runs"), STAFF),
        Endpoint(
            "match_runs",
            "post",
            plain("match_runs"),
            roles(403, 302, 302, 302, 302, 403, LOGIN),
            data=lambda w, c: {
                "mode": "optimal",
                "period_start": "2026-12-01",
                "period_end": "2027-01-31",
                "wish_weight": "1",
            },
        ),
        # A run under way shows its progress to the office's staff; another office's is not found.
        Endpoint("match_job", "get", _on("match_job"), roles(403, 200, 200, 404, 200, 403, LOGIN), setup=_job),
        # Another office's run is not found; the colleague sees the run, but no names of others' participants.
        Endpoint("match_run", "get", _on("match_run"), roles(403, 200, 200, 404, 200, 403, LOGIN), setup=_run),
        Endpoint(
            "match_proposal_decide",
            "post",
            _on("match_proposal_decide"),
            WRITE,
            setup=_proposal,
            data=lambda w, c: {f"{c.pk}-version": 1, f"{c.pk}-decision": "accepted"},
        ),
        Endpoint(
            "match_offer_search",
            "get",
            _on("match_offer_search"),
            roles(403, 200, REASON, 404, 403, 403, LOGIN),
            setup=_proposal,
        ),
        Endpoint(
            "match_proposal_confirm",
            "post",
            _on("match_proposal_confirm"),
            roles(302, 403, REASON, 404, 403, 403, LOGIN),
            setup=_accepted,
            data=lambda w, c: {"answer": "yes"},
        ),
    ]
