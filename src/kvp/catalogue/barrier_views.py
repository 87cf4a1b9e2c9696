"""The leader's page of institutional barriers (E5, E6)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kvp.accounts.decorators import require_leader
from kvp.accounts.requests import AuthedRequest
from kvp.audit.services import audit_list_record
from kvp.catalogue.barrier_scan import names_by_id, office_barriers
from kvp.catalogue.models import Participation
from kvp.participants.access import participants_visible_in_lists
from kvp.participants.audit_types import PARTICIPANT_LIST
from kvp.participants.models import Participant
from kvp.rules.access import Basis
from kvp.rules.barriers import Catch22, suggested_fix

REASONS = dict(Participation.Reason.choices)
NAMES_SHOWN = 50


@dataclass(frozen=True)
class ShownBarrier:
    rules: list[tuple[Any, str]]  # (offer, "offer X requires Y")
    affected: int
    names: list[Participant]
    fix: str


def _shown(
    catch22: Catch22, affected: tuple[str, ...], offers: dict[str, Any], names: dict[str, Participant]
) -> ShownBarrier:
    text, params = suggested_fix(catch22, translate=_)
    return ShownBarrier(
        rules=[(offers.get(rule.offer_id), rule.render(_)) for rule in catch22.rules],
        affected=len(affected),
        names=[names[pk] for pk in affected if pk in names][:NAMES_SHOWN],
        fix=_(text) % params,
    )


@login_required
@require_leader
def barriers(request: AuthedRequest) -> HttpResponse:
    """Catch-22s with the rules causing them and who they catch, the rules refusals cite most, and offers out
    of reach for many. Names only of participants the leader may see; every name shown is logged."""
    user = request.user
    found = office_barriers(user.office_id or 0)
    caught = {pk for report in found.scan.barriers for pk in report.participants}
    names = names_by_id(sorted(caught), participants_visible_in_lists(user))
    shown = [_shown(r.catch22, r.participants, found.offers, names) for r in found.scan.barriers]
    listed = {participant.pk: participant for barrier in shown for participant in barrier.names}
    audit_list_record(
        actor=user,
        participants=listed.values(),
        object_type=PARTICIPANT_LIST,
        basis=Basis.LEADER,
    )
    reach = sorted(found.scan.offers.values(), key=lambda item: -item.unreachable)
    return render(
        request,
        "catalogue/barriers.html",
        {
            "barriers": shown,
            "participants": len(found.participant_ids),
            "blocking_prerequisites": [(b, b.prerequisite.render(_)) for b in found.blocking_prerequisites],
            "blocking_rules": [(b, found.offers.get(b.rule.offer_id), b.rule.render(_)) for b in found.blocking_rules],
            "reasons": [(REASONS.get(code, code), count) for code, count in found.refusals_by_reason],
            "refusals": found.refusals,
            "unreachable": [
                (
                    found.offers[item.offer_id],
                    item.unreachable,
                    [(need.render(_), count) for need, count in item.top_missing],
                )
                for item in reach[:10]
                if item.unreachable
            ],
            "unobtainable": [need.render(_) for need in found.scan.unobtainable],
        },
    )
