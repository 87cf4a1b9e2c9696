"""The MIP over the participants the priced flows disagree on."""

from __future__ import annotations

import time

import numpy as np

from kvp.matching_engine.floor_models import place_undecided
from kvp.matching_engine.problem import Problem
from kvp.rules.matching import MatchOffer, MatchParticipant
from kvp.rules.measures import MeasureType
from tests.matching_engine.helpers import tiny

M = MeasureType


def _two_floors() -> tuple[Problem, list[np.ndarray], np.ndarray]:
    """Two qualifying places; one flow meets group a's floor, the other group b's, neither both."""
    offers = [
        MatchOffer("e1", M.EDUCATION, 1, formal_qualification="Vitnemål"),
        MatchOffer("e2", M.NORWEGIAN_COURSE, 1, formal_qualification="Norskprøven"),
    ]
    people = [
        MatchParticipant("pa", frozenset(), group="a"),
        MatchParticipant("pb", frozenset(), group="b"),
        MatchParticipant("pc", frozenset(), group="c"),
    ]
    problem = Problem(people, offers, [(0, 0, 1000), (1, 1, 500), (2, 0, 3000), (2, 1, 3000)])
    flows = [
        problem.arc_indices([("pa", "e1"), ("pc", "e2")]),
        problem.arc_indices([("pb", "e2"), ("pc", "e1")]),
    ]
    member = np.array([0, 1, -1], dtype=np.int64)
    return problem, flows, member


def test_the_undecided_are_placed_so_that_both_floors_are_met() -> None:
    problem, flows, member = _two_floors()
    placed = place_undecided(problem, flows, member, np.array([1, 1]), time_limit=5, slack=0)
    assert placed is not None
    assert problem.assignment(placed, solver="", seconds=0, proven_optimal=False, bound=None).pairs == (
        ("pa", "e1"),
        ("pb", "e2"),
    )


def test_what_the_flows_agree_on_is_kept() -> None:
    problem, flows, member = _two_floors()
    same = [flows[0], flows[0]]
    placed = place_undecided(problem, same, member, np.array([1, 0]), time_limit=5, slack=0)
    assert placed is not None
    assert sorted(placed.tolist()) == sorted(flows[0].tolist())
    assert place_undecided(problem, same, member, np.array([1, 1]), time_limit=5, slack=0) is None


def test_the_time_limit_is_honoured() -> None:
    problem = tiny(5, participants=400, offers=60, kinds=3, max_capacity=3, density=0.3)
    member = problem.participant_group.copy()
    rng = np.random.default_rng(5)
    flows = [np.flatnonzero(rng.random(problem.arc_count) < 0.02) for _ in range(2)]
    started = time.perf_counter()
    place_undecided(problem, flows, member, np.array([40, 40]), time_limit=0.05, slack=0)
    assert time.perf_counter() - started < 2
