"""Fairness floors: met, never better than the unconstrained optimum, exact on small instances, clear errors."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest

from kvp.matching_engine.fairness import solve_fair
from kvp.matching_engine.flow import solve_flow
from kvp.matching_engine.problem import Problem, required_per_group, summarise
from kvp.rules.matching import MatchInputError, MatchOffer, MatchParticipant
from kvp.rules.measures import MeasureType
from tests.matching_engine.helpers import brute_force, exact_fair_optimum, tiny

M = MeasureType


def _floor_problem() -> Problem:
    """Two participants, one qualifying place: the unconstrained optimum gives it to group "b"."""
    offers = [MatchOffer("edu", M.EDUCATION, 1, formal_qualification="Vitnemål")]
    people = [MatchParticipant("pa", frozenset(), group="a"), MatchParticipant("pb", frozenset(), group="b")]
    return Problem(people, offers, [(0, 0, 1000), (1, 0, 3000)])


def test_a_floor_moves_the_qualifying_place() -> None:
    problem = _floor_problem()
    assert solve_flow(problem).pairs == (("pb", "edu"),)
    result = solve_fair(problem, {"a": Decimal("1")})
    assert result.assignment.pairs == (("pa", "edu"),)
    assert result.required == {"a": 1}
    assert result.achieved == {"a": 1}
    assert result.assignment.objective == 1000
    assert result.gap == 0
    assert result.assignment.proven_optimal
    assert result.assignment.unmet == ()


@pytest.mark.parametrize("seed", range(40))
def test_floors_are_met_and_the_bound_is_a_true_bound(seed: int) -> None:
    """Against brute force: the assignment keeps the rules and meets the floors, and the certified bound is
    never below the true optimum (the gap it reports is an honest one)."""
    problem = tiny(seed, participants=4, offers=4, max_capacity=2, density=0.7)
    sizes = np.bincount(problem.participant_group, minlength=len(problem.groups))
    floors = {group: Decimal("0.5") for group in problem.groups}
    best = brute_force(problem, floors)
    if best is None and not problem.arc_count:
        with pytest.raises(MatchInputError, match="nothing to apply"):
            solve_fair(problem, floors)
        return
    try:
        result = solve_fair(problem, floors, time_limit=5)
    except MatchInputError as error:
        refused = error.code
        assert best is None
        assert refused in {"infeasible_floor", "infeasible_floors"}
        return
    assert problem.violations(result.assignment) == []
    if best is None:
        assert result.assignment.unmet
        return
    if result.assignment.unmet:
        return  # not found in time: said so (the search gives up only on a real duality gap)
    assert result.assignment.objective <= best <= result.bound + 1e-6
    assert result.assignment.objective <= solve_flow(problem).objective
    summary = summarise(problem, result.assignment)
    for group, (got, size) in summary.qualifying_by_group.items():
        assert size == sizes[problem.groups.index(group)]
        assert got >= result.required[group]


def test_a_floor_of_zero_changes_nothing() -> None:
    problem = tiny(11, participants=12, offers=6)
    result = solve_fair(problem, {problem.groups[0]: Decimal(0)})
    assert result.assignment.objective == solve_flow(problem).objective


def test_a_floor_no_one_in_the_group_can_reach_is_refused() -> None:
    offers = [MatchOffer("edu", M.EDUCATION, 5, formal_qualification="Vitnemål"), MatchOffer("wp", M.WORK_PRACTICE, 5)]
    people = [MatchParticipant("pa", frozenset(), group="a"), MatchParticipant("pb", frozenset(), group="b")]
    problem = Problem(people, offers, [(0, 1, 1000), (1, 0, 1000)])
    with pytest.raises(MatchInputError, match="only 0 of them") as error:
        solve_fair(problem, {"a": Decimal("0.5")})
    assert error.value.code == "infeasible_floor"
    assert error.value.params["group"] == "a"


def test_floors_that_need_more_places_than_exist_are_refused() -> None:
    offers = [MatchOffer("edu", M.EDUCATION, 1, formal_qualification="Vitnemål")]
    people = [MatchParticipant("pa", frozenset(), group="a"), MatchParticipant("pb", frozenset(), group="b")]
    problem = Problem(people, offers, [(0, 0, 1000), (1, 0, 1000)])
    with pytest.raises(MatchInputError) as error:
        solve_fair(problem, {"a": Decimal(1), "b": Decimal(1)})
    assert error.value.code == "infeasible_floors"


def test_floors_that_conflict_through_kinds_are_reported_unmet() -> None:
    """Each group alone is reachable and there are enough places in total, but both groups' only
    participant wants the same single place: the result says which floor was not met and by how much."""
    offers = [
        MatchOffer("edu", M.EDUCATION, 1, formal_qualification="Vitnemål"),
        MatchOffer("drive", M.DRIVING_LICENCE, 1, formal_qualification="Førerkort"),
    ]
    people = [
        MatchParticipant("pa", frozenset(), group="a"),
        MatchParticipant("pb", frozenset(), group="b"),
        MatchParticipant("pc", frozenset(), group="c"),
    ]
    problem = Problem(people, offers, [(0, 0, 1000), (1, 0, 1000), (2, 1, 1000)])
    result = solve_fair(problem, {"a": Decimal(1), "b": Decimal(1)}, time_limit=5)
    assert problem.violations(result.assignment) == []
    assert len(result.assignment.unmet) == 1
    shortfall = result.assignment.unmet[0]
    assert (shortfall.required, shortfall.achieved) == (1, 0)
    assert "not met in time: 0 of the 1" in shortfall.message % shortfall.params
    assert result.assignment.bound is None
    assert not result.assignment.proven_optimal


def test_an_empty_match_with_a_floor_is_refused_clearly() -> None:
    people = [MatchParticipant("pa", frozenset(), group="a")]
    problem = Problem(people, [MatchOffer("edu", M.EDUCATION, 1, formal_qualification="Vitnemål")], [])
    for floor in (Decimal(0), Decimal("0.5")):
        with pytest.raises(MatchInputError) as error:
            solve_fair(problem, {"a": floor})
        assert error.value.code == "empty_match"


def test_the_time_limit_is_honoured_and_gives_the_best_assignment_found() -> None:
    problem = tiny(3, participants=60, offers=12, kinds=3, max_capacity=3, density=0.5)
    floors = {problem.groups[0]: Decimal("0.25")}
    result = solve_fair(problem, floors, time_limit=0)
    assert result.iterations == 1
    assert problem.violations(result.assignment) == []
    assert result.assignment.unmet or result.gap <= 1


@pytest.mark.parametrize(
    ("floors", "code"),
    [
        ({"nobody": Decimal("0.5")}, "unknown_group"),
        ({"a": Decimal("1.5")}, "bad_floor"),
        ({"a": Decimal(-1)}, "bad_floor"),
    ],
)
def test_bad_floors(floors: dict[str, Decimal], code: str) -> None:
    with pytest.raises(MatchInputError) as error:
        solve_fair(_floor_problem(), floors)
    assert error.value.code == code


@pytest.mark.parametrize("seed", range(30))
def test_several_floors_against_the_exact_mip(seed: int) -> None:
    """Both groups floored, against HiGHS's exact MIP: the floors are met whenever some assignment meets
    them, and the certified bound is never below the true optimum."""
    problem = tiny(seed, participants=9, offers=6, kinds=3, max_capacity=2, density=0.6)
    floors = {group: Decimal("0.5") for group in problem.groups}
    required = required_per_group(problem, floors)
    optimum = exact_fair_optimum(problem, required)
    try:
        result = solve_fair(problem, floors, time_limit=5)
    except MatchInputError as error:
        refused = error.code
        assert optimum is None
        assert refused in {"infeasible_floor", "infeasible_floors", "empty_match"}
        return
    assert problem.violations(result.assignment) == []
    if optimum is None:
        assert result.assignment.unmet
        return
    assert result.assignment.unmet == ()
    assert result.assignment.objective <= optimum <= result.bound + 1e-6
