"""Benchmarks 1-3: a page for a large case against the same page for a small one, in the same database.

Latency is the median over alternating requests through Django's test client (the whole stack but the
network: middleware, sessions, view, audit insert, template). Query counts must not grow with size.
"""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from bench.measure import Page, median_seconds, query_count
from bench.offices import AUDIT_EVENTS_PER_PARTICIPANT, BenchOffice
from bench.report import Outcome, Row
from bench.scale import Scale
from bench.world import World
from kvp.accounts.models import User


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def compare_pages(
    *, name: str, title: str, pages: tuple[Page, Page], labels: tuple[str, str], target: float, repeats: int
) -> Outcome:
    baseline, large = pages
    seconds = median_seconds(baseline, large, repeats=repeats)
    queries = query_count(baseline), query_count(large)  # after the warm-up: no first-request caches
    return Outcome(
        name=name,
        title=title,
        baseline=labels[0],
        large=labels[1],
        rows=[
            Row("median latency", "ms", seconds[0] * 1000, seconds[1] * 1000, target=target),
            Row("SQL queries", "", queries[0], queries[1], equal=True),
        ],
    )


def participant_list(world: World, scale: Scale) -> Outcome:
    path = reverse("participant_list")
    return compare_pages(
        name="list",
        title="the leader's participant list (participant_list), first page of 50",
        pages=(Page(logged_in(world.baseline.leader), path), Page(logged_in(world.large.leader), path)),
        labels=(_office(world.baseline), _office(world.large)),
        target=2.0,
        repeats=scale.repeats,
    )


def participant_detail(world: World, scale: Scale) -> Outcome:
    histories = world.histories
    client = logged_in(histories.counsellor)
    return compare_pages(
        name="detail",
        title="the counsellor's participant page (participant_detail)",
        pages=(
            Page(client, reverse("participant_detail", args=[histories.short.pk])),
            Page(client, reverse("participant_detail", args=[histories.long.pk])),
        ),
        labels=(histories.short_summary, histories.long_summary),
        target=1.5,
        repeats=scale.repeats,
    )


def audit_search(world: World, scale: Scale) -> Outcome:
    def search(office: BenchOffice) -> Page:
        return Page(logged_in(office.leader), reverse("audit_search"), {"national_id": office.searched.national_id})

    return compare_pages(
        name="audit",
        title="the leader's audit trail search by national identity number (audit_search)",
        pages=(search(world.baseline), search(world.large)),
        labels=(_audit_trail(world.baseline), _audit_trail(world.large)),
        target=3.0,
        repeats=scale.repeats,
    )


def _office(office: BenchOffice) -> str:
    return f"office of {office.participants:,}"


def _audit_trail(office: BenchOffice) -> str:
    return f"{office.participants * AUDIT_EVENTS_PER_PARTICIPANT:,} audit events"
