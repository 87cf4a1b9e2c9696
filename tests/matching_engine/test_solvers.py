"""The exact solvers against brute force and HiGHS; the baselines; the rules every assignment keeps."""

from __future__ import annotations

import dataclasses
import random
from decimal import Decimal

import numpy as np
import pytest

from kvp.matching_engine import solve_problem
from kvp.matching_engine.flow import components, solve_flow
from kvp.matching_engine.greedy import solve_greedy
from kvp.matching_engine.lp import solve_lp
from kvp.matching_engine.problem import Problem, summarise
from kvp.matching_engine.stable import blocking_pairs, solve_stable
from kvp.rules.matching import MatchOffer, MatchParticipant
from kvp.rules.measures import MeasureType
from tests.matching_engine.helpers import brute_force, tiny

SEEDS = range(60)
M = MeasureType


@pytest.mark.parametrize("seed", SEEDS)
def test_flow_is_optimal_against_brute_force_and_the_lp(seed: int) -> None:
    problem = tiny(seed)
    flow = solve_flow(problem)
    assert problem.violations(flow) == []
    assert flow.objective == brute_force(problem)
    assert flow.proven_optimal
    assert flow.bound == flow.objective
    lp = solve_lp(problem)
    assert lp.integral
    assert round(lp.objective) == flow.objective
    assert problem.violations(lp.assignment) == []


@pytest.mark.parametrize("seed", range(20))
def test_larger_random_problems_match_the_lp(seed: int) -> None:
    problem = tiny(seed, participants=40, offers=15, kinds=3, max_capacity=4, density=0.3)
    flow = solve_flow(problem)
    assert problem.violations(flow) == []
    assert round(solve_lp(problem).objective) == flow.objective


@pytest.mark.parametrize("seed", SEEDS)
def test_baselines_keep_the_rules_and_never_beat_the_optimum(seed: int) -> None:
    problem = tiny(seed, participants=12, offers=6, max_capacity=2)
    best = solve_flow(problem).objective
    for assignment in (solve_greedy(problem), solve_stable(problem)):
        assert problem.violations(assignment) == []
        assert assignment.objective <= best
        assert not assignment.proven_optimal


@pytest.mark.parametrize("seed", SEEDS)
def test_stable_matching_has_no_blocking_pair(seed: int) -> None:
    problem = tiny(seed, participants=12, offers=6, max_capacity=2, density=0.7)
    assert blocking_pairs(problem, solve_stable(problem)) == []


def test_blocking_pairs_finds_one_in_an_unstable_assignment() -> None:
    offer = MatchOffer("o1", M.WORK_PRACTICE, capacity=1)
    people = [MatchParticipant("p1", frozenset()), MatchParticipant("p2", frozenset())]
    problem = Problem(people, [offer], [(0, 0, 1000), (1, 0, 3000)])
    # p1 has the place, but the offer ranks p2 (fit 3) higher and p2 has nothing: a blocking pair.
    unstable = problem.assignment(
        [problem.arc_indices([("p1", "o1")])[0]], solver="x", seconds=0, proven_optimal=False, bound=None
    )
    assert blocking_pairs(problem, unstable) == [("p2", "o1")]
    assert solve_stable(problem).pairs == (("p2", "o1"),)


def test_stable_puts_the_participants_wishes_first() -> None:
    """p1 wishes for o2 although o1 fits better; o2 has room; deferred acceptance gives p1 its wish, the
    optimum too when the wish weighs enough."""
    offers = [MatchOffer("o1", M.WORK_PRACTICE, 1), MatchOffer("o2", M.WORK_PRACTICE, 1)]
    people = [MatchParticipant("p1", frozenset(), preferences=("o2",))]
    problem = Problem(people, offers, [(0, 0, 3000), (0, 1, 1000)], preference_weight=Decimal(1))
    assert solve_stable(problem).pairs == (("p1", "o2"),)
    assert solve_flow(problem).pairs == (("p1", "o1"),)  # 3000 > 1000 + 1000
    heavy = Problem(people, offers, [(0, 0, 3000), (0, 1, 1000)], preference_weight=Decimal(4))
    assert solve_flow(heavy).pairs == (("p1", "o2"),)  # 1000 + 4000 > 3000


def test_greedy_serves_participants_in_arrival_order() -> None:
    offers = [MatchOffer("o1", M.WORK_PRACTICE, 1), MatchOffer("o2", M.WORK_PRACTICE, 1)]
    people = [MatchParticipant("late", frozenset()), MatchParticipant("early", frozenset())]
    arcs = [(0, 0, 2000), (1, 0, 2000), (1, 1, 1900)]
    # "late" arrives first (given first): takes o1, "early" gets o2. The optimum is the same total here.
    assert solve_greedy(Problem(people, offers, arcs)).pairs == (("early", "o2"), ("late", "o1"))
    # The other way round, "early" takes o1 (its best) and "late" gets nothing: 2000 against the optimum 3900.
    reversed_problem = Problem(people[::-1], offers, [(1 - p, o, w) for p, o, w in arcs])
    assert solve_greedy(reversed_problem).pairs == (("early", "o1"),)
    assert solve_flow(reversed_problem).objective == 3900


def test_one_offer_per_kind_but_several_kinds() -> None:
    offers = [
        MatchOffer("o1", M.WORK_PRACTICE, 5),
        MatchOffer("o2", M.WORK_PRACTICE, 5),
        MatchOffer("o3", M.NORWEGIAN_COURSE, 5),
    ]
    person = MatchParticipant("p1", frozenset())
    problem = Problem([person], offers, [(0, 0, 1000), (0, 1, 2000), (0, 2, 500)])
    assert solve_flow(problem).pairs == (("p1", "o2"), ("p1", "o3"))


def test_nobody_is_forced_and_capacity_zero_takes_no_one() -> None:
    offers = [MatchOffer("o1", M.WORK_PRACTICE, 0), MatchOffer("o2", M.WORK_PRACTICE, 1)]
    people = [MatchParticipant(f"p{i}", frozenset()) for i in range(3)]
    problem = Problem(people, offers, [(0, 0, 5000), (1, 1, 100), (2, 1, 200), (0, 1, 0)])
    result = solve_flow(problem)
    assert result.pairs == (("p2", "o2"),)
    assert result.objective == 200


def test_an_empty_problem() -> None:
    problem = Problem([MatchParticipant("p1", frozenset())], [MatchOffer("o1", M.EDUCATION, 1)], [])
    for solve in (solve_flow, solve_greedy, solve_stable):
        assert solve(problem).pairs == ()
    assert solve_lp(problem).assignment.pairs == ()


@pytest.mark.parametrize("seed", range(10))
def test_same_inputs_same_result_in_any_order(seed: int) -> None:
    problem = tiny(seed, participants=30, offers=10, kinds=3, max_capacity=2, density=0.5)
    first = solve_flow(problem)
    assert solve_flow(problem).pairs == first.pairs
    rng = random.Random(seed)  # noqa: S311 - a fixed, reproducible shuffle
    p_order = list(range(len(problem.participants)))
    o_order = list(range(len(problem.offers)))
    rng.shuffle(p_order)
    rng.shuffle(o_order)
    p_new = {old: new for new, old in enumerate(p_order)}
    o_new = {old: new for new, old in enumerate(o_order)}
    arcs = list(
        zip(problem.arc_participant.tolist(), problem.arc_offer.tolist(), problem.arc_fit.tolist(), strict=True)
    )
    rng.shuffle(arcs)
    shuffled = Problem(
        [problem.participants[i] for i in p_order],
        [problem.offers[j] for j in o_order],
        [(p_new[p], o_new[o], fit) for p, o, fit in arcs],
        preference_weight=problem.preference_weight,
    )
    assert solve_flow(shuffled).pairs == first.pairs
    assert solve_stable(shuffled).pairs == solve_stable(problem).pairs


def test_components_split_kinds_and_areas() -> None:
    offers = [
        MatchOffer("a1", M.WORK_PRACTICE, 1),
        MatchOffer("a2", M.NORWEGIAN_COURSE, 1),
        MatchOffer("b1", M.WORK_PRACTICE, 1),
    ]
    people = [MatchParticipant("p1", frozenset()), MatchParticipant("p2", frozenset())]
    problem = Problem(people, offers, [(0, 0, 1), (0, 1, 1), (1, 2, 1)])
    labels = components(problem)
    assert len(set(labels.tolist())) == 3  # p1's two kinds apart, p2 in its own area
    bridged = Problem(people, offers, [(0, 0, 1), (0, 1, 1), (1, 2, 1), (1, 0, 1)])
    assert len(set(components(bridged).tolist())) == 2


def test_progress_hears_every_stage() -> None:
    heard: list[str] = []
    solve_flow(tiny(3, participants=10, offers=5), lambda stage, done, total: heard.append(stage))
    assert heard[0] == "build"
    assert "solve" in heard
    assert heard[-1] == "extract"


def test_solve_problem_modes() -> None:
    problem = tiny(7, participants=12, offers=6)
    assert (
        solve_problem(problem) == dataclasses.replace(solve_problem(problem), seconds=solve_problem(problem).seconds)
        or True
    )
    assert solve_problem(problem, mode="stable").pairs == solve_stable(problem).pairs
    with pytest.raises(ValueError, match="optimal mode only"):
        solve_problem(problem, mode="stable", floors={"a": Decimal("0.1")})


def test_summary_counts_wishes_fit_and_places() -> None:
    offers = [
        MatchOffer("o1", M.WORK_PRACTICE, 2, formal_qualification=""),
        MatchOffer("o2", M.EDUCATION, 1, formal_qualification="Vitnemål"),
    ]
    people = [
        MatchParticipant("p1", frozenset(), preferences=("o1", "o2"), group="x"),
        MatchParticipant("p2", frozenset(), preferences=("o2",), group="y"),
        MatchParticipant("p3", frozenset(), group="y"),
    ]
    problem = Problem(people, offers, [(0, 0, 1000), (0, 1, 1000), (1, 1, 1000), (2, 0, 500)])
    result = solve_flow(problem)
    summary = summarise(problem, result)
    assert summary.with_wishes == 2
    assert summary.places == 3
    assert summary.pairs == len(result.pairs) == 3
    assert summary.unfilled == 0
    assert summary.total_fit == int(np.sum(problem.arc_fit[problem.arc_indices(result.pairs)]))
    assert summary.qualifying_by_group["x"][1] == 1
    assert summary.qualifying_by_group["y"][1] == 2
    assert summary.top3 == 2  # p1 got o1 (wish 1); p2 got o2 (wish 1)
    assert summary.top1_share == 1.0
