"""Benchmark 5: the leader's barrier scan (`office_barriers`) of a large office, against a plain scan of the
same rows in the same database.

The plain scan reads exactly the rows the barrier scan reads (the participants' rows by a subquery on the
office rather than a list of ids) and materialises them as tuples: the office's current offers with their
requirement columns; the participants with an open case; their mappings' level columns; the work experience
of those mappings; their participations in progress or completed, with the offer's measure type; their
placements in progress in the plan; the office's refused participations with the offer and the rule cited.
It builds no model instances and applies no rules, so it is what reading the data costs; the ratio is what
the barrier scan adds to that (model instances, the participants' holds, the prerequisite graph and its
catch-22s, one reachability check per distinct set of prerequisites held, the refusal counts).
"""

from __future__ import annotations

import gc

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bench.barrier_office import BarrierOffice, seed_barrier_office
from bench.measure import BenchError, median_seconds
from bench.report import Outcome, Row
from bench.scale import Scale
from bench.terminal import status
from kvp.catalogue.barrier_scan import OfficeBarriers, office_barriers
from kvp.catalogue.facts import PLACEMENT_TYPES
from kvp.catalogue.models import Offer, Participation
from kvp.participants.models import Participant
from kvp.plans.models import Activity, Mapping, WorkExperience
from kvp.rules.case_status import OPEN_STATUSES

TARGET = 5.0  # measured 1.9x at full size and 2.5x at the quick size on SQLite: see bench/README.md
OPEN = [status.value for status in OPEN_STATUSES]
HELD = [Participation.Status.PARTICIPATING, Participation.Status.COMPLETED]


def plain_scan(office_id: int) -> int:
    """The rows office_barriers reads, as tuples from seven plain queries; returns how many rows. The
    participants' rows are selected by the office in SQL (a subquery), not by a list of their ids."""
    today = timezone.localdate()
    offers = list(
        Offer.objects.filter(provider__office_id=office_id)
        .exclude(available_until__lt=today)
        .values_list("pk", "title", "norwegian_needed", "digital_needed", "prerequisites", "gives")
    )
    in_programme = Participant.objects.filter(office_id=office_id, cases__status__in=OPEN)
    ids = list(in_programme.distinct().values_list("pk", flat=True))
    people = in_programme.values("pk")
    mappings = list(
        Mapping.objects.filter(participant_id__in=people).values_list(
            "pk",
            "participant_id",
            "norwegian_listening",
            "norwegian_reading",
            "norwegian_speaking",
            "norwegian_writing",
            "digital_skills",
            "driving_licence",
        )
    )
    experience = list(
        WorkExperience.objects.filter(mapping__participant_id__in=people).values_list("mapping_id", "years")
    )
    participations = list(
        Participation.objects.filter(participant_id__in=people, status__in=HELD).values_list(
            "participant_id", "status", "offer__measure_type"
        )
    )
    placed = list(
        Activity.objects.filter(
            plan__participant_id__in=people, measure_type__in=PLACEMENT_TYPES, status=Activity.Status.IN_PROGRESS
        ).values_list("plan__participant_id", flat=True)
    )
    refused = list(
        Participation.objects.filter(
            offer__provider__office_id=office_id, status=Participation.Status.REFUSED
        ).values_list("offer_id", "offer__title", "reason", "refused_for")
    )
    return len(offers) + len(ids) + len(mappings) + len(experience) + len(participations) + len(placed) + len(refused)


def barrier_scan(scale: Scale) -> Outcome:
    offers, participants = scale.barrier_offers, scale.barrier_participants
    office = seed_barrier_office(unit="9101", offers=offers, participants=participants, seed=5)
    office_id = office.office.pk
    status(f"Barrier scan of {offers:,} offers and {participants:,} participants, and the plain scan")
    # The first run of each, with its queries counted, is also its warm-up.
    with CaptureQueriesContext(connection) as plain_queries:
        rows = plain_scan(office_id)
    with CaptureQueriesContext(connection) as scan_queries:
        found = office_barriers(office_id)
    _check(found, office)
    findings = _findings(found)
    del found  # not kept alive while timing: every collection would walk it

    def plain() -> None:
        plain_scan(office_id)

    def barriers() -> None:
        office_barriers(office_id)

    # A full collection before each timed run, so that neither call pays for collecting the other's garbage
    # (the barrier scan leaves many model instances with reference cycles behind).
    seconds = median_seconds(plain, barriers, repeats=scale.barrier_repeats, warmup=0, before=gc.collect)
    return Outcome(
        name="barriers",
        title="the leader's barrier scan (office_barriers) against a plain SQL scan of the same rows",
        baseline=f"plain scan: the same {rows:,} rows as tuples, {len(plain_queries)} queries (values_list)",
        large=f"office_barriers: {len(scan_queries)} queries; model instances, holds, catch-22s, reach, refusals",
        rows=[Row("median time", "ms", seconds[0] * 1000, seconds[1] * 1000, target=TARGET)],
        notes=(
            f"office: {offers:,} current offers (+{office.expired_offers:,} expired), {participants:,} participants "
            f"with an open case (+{office.outside:,} with only an ended one)",
            *findings,
            f"times: median of {scale.barrier_repeats} alternating runs after one run of each, "
            "each after a full garbage collection",
        ),
    )


def _findings(found: OfficeBarriers) -> tuple[str, str]:
    scan = found.scan
    caught = {participant for report in scan.barriers for participant in report.participants}
    cycles = ", ".join(report.catch22.code for report in scan.barriers)
    blocking = ", ".join(item.prerequisite.code for item in found.blocking_prerequisites) or "none"
    return (
        f"found: {scan.distinct_holds:,} distinct hold sets, {len(scan.barriers)} catch-22 ({cycles}) catching "
        f"{len(caught):,} participants, {len(scan.rules):,} rules blocking someone",
        f"refusals: {found.refusals:,}; prerequisites blocking most of them: {blocking}",
    )


def _check(found: OfficeBarriers, office: BarrierOffice) -> None:
    """The scan must see the office the generator built, or the timing measures something else."""
    scan = found.scan
    if scan.participants != office.participants or len(found.offers) != office.offers:
        raise BenchError(
            f"the scan saw {scan.participants:,} participants and {len(found.offers):,} offers, "
            f"not {office.participants:,} and {office.offers:,}"
        )
    if not scan.barriers or not any(report.participants for report in scan.barriers):
        raise BenchError("the generated catalogue has no catch-22 that catches anyone")
