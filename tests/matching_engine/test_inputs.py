"""Building a problem from participants and offers: feasibility, wishes, bad input, protected attributes, and
the synthetic national instance."""

from __future__ import annotations

import dataclasses
import random
from decimal import Decimal

import numpy as np
import pytest

from bench import matching_instance
from bench.matching_instance import national_instance
from kvp.matching_engine import build_problem, scoring
from kvp.matching_engine.flow import solve_flow
from kvp.matching_engine.lp import solve_lp
from kvp.matching_engine.problem import Problem
from kvp.rules.fit import EducationLevel, Experience, FitRules
from kvp.rules.matching import (
    MatchInputError,
    MatchOffer,
    MatchParticipant,
    fit_milli,
    fit_score,
    preference_bonus,
)
from kvp.rules.measures import MeasureType
from kvp.rules.prerequisites import Prerequisite

M = MeasureType
P = Prerequisite.parse
LICENCE = P("driving_licence")


def _people() -> list[MatchParticipant]:
    return [
        MatchParticipant("p1", frozenset({LICENCE, P("norwegian:b1")}), group="x"),
        MatchParticipant("p2", frozenset({P("norwegian:a1")}), group="y"),
        MatchParticipant("p3", frozenset(), group="x"),
    ]


def _offers() -> list[MatchOffer]:
    return [
        MatchOffer("drive", M.WORK_PRACTICE, 1, requires=frozenset({LICENCE, P("norwegian:a2")}), title="Sjåfør"),
        MatchOffer("course", M.NORWEGIAN_COURSE, 2, requires=frozenset({P("norwegian:b1")})),
        MatchOffer("shop", M.WORK_PRACTICE, 1, formal_qualification=""),
    ]


def test_only_feasible_pairs_get_arcs_and_are_ever_assigned() -> None:
    problem = build_problem(_people(), _offers())
    pairs = {
        (problem.participants[p].participant_id, problem.offers[o].offer_id)
        for p, o in zip(problem.arc_participant.tolist(), problem.arc_offer.tolist(), strict=True)
    }
    # Only p1 holds a licence; the Norwegian levels are weighed, not required (p2 and p3 can take the course).
    assert ("p2", "drive") not in pairs
    assert ("p3", "drive") not in pairs
    assert {("p1", "drive"), ("p2", "course"), ("p3", "course"), ("p3", "shop")} <= pairs
    for assignment in (solve_flow(problem), solve_lp(problem).assignment):
        for person, offer in assignment.pairs:
            participant = next(p for p in problem.participants if p.participant_id == person)
            catalogue = next(o for o in problem.offers if o.offer_id == offer)
            assert fit_score(participant, catalogue) is not None


def test_arc_weights_are_fit_plus_the_weighted_wish() -> None:
    people = _people()
    people[0] = dataclasses.replace(people[0], preferences=("shop", "drive"))
    problem = build_problem(people, _offers(), preference_weight=Decimal(3))
    arcs = problem.arc_indices([("p1", "shop"), ("p1", "drive"), ("p1", "course")])
    fits = [fit_score(people[0], offer) for offer in (_offers()[2], _offers()[0], _offers()[1])]
    assert [f.milli for f in fits if f] == problem.arc_fit[arcs].tolist()
    bonus = [round(3000 * preference_bonus(rank)) for rank in (1, 2, None)]
    assert (problem.arc_weight[arcs] - problem.arc_fit[arcs]).tolist() == bonus
    assert problem.arc_rank[arcs].tolist() == [1, 2, 0]


def test_travel_and_candidates() -> None:
    near = build_problem(_people(), _offers(), travel={("p3", "shop"): 20})
    far = build_problem(_people(), _offers(), travel={("p3", "shop"): 120})
    arc = near.arc_indices([("p3", "shop")])[0]
    assert near.arc_fit[arc] - far.arc_fit[far.arc_indices([("p3", "shop")])[0]] == 1000  # weight 1 × (1 - 0)
    limited = build_problem(_people(), _offers(), candidates={"p1": ["shop"], "p2": [], "p3": ["course"]})
    assert limited.arc_count == 2


def test_a_wish_for_an_offer_the_participant_cannot_take_is_refused_clearly() -> None:
    people = _people()
    people[1] = dataclasses.replace(people[1], preferences=("course", "drive"))
    with pytest.raises(MatchInputError) as error:
        build_problem(people, _offers())
    assert error.value.code == "infeasible_preference"
    assert str(error.value) == (
        "Participant p2 cannot take the offer “Sjåfør” (drive) because it requires a driving licence."
    )


def test_a_wish_without_an_arc_is_refused_by_the_problem_too() -> None:
    people = [MatchParticipant("p1", frozenset(), preferences=("o2",))]
    offers = [MatchOffer("o1", M.EDUCATION, 1), MatchOffer("o2", M.EDUCATION, 1)]
    with pytest.raises(MatchInputError, match="cannot take the offer o2") as error:
        Problem(people, offers, [(0, 0, 100)])
    assert error.value.code == "infeasible_preference"


@pytest.mark.parametrize("build", ["problem", "build_problem"])
def test_a_wish_for_an_unknown_offer_is_refused_naming_it(build: str) -> None:
    people = [MatchParticipant("p1", frozenset(), preferences=("o1", "ghost"))]
    offers = [MatchOffer("o1", M.EDUCATION, 1)]
    make = (
        (lambda: Problem(people, offers, [(0, 0, 100)]))
        if build == "problem"
        else (lambda: build_problem(people, offers))
    )
    with pytest.raises(MatchInputError, match="ghost") as error:
        make()
    assert error.value.code == "unknown_offer"
    assert error.value.params == {"participant": "p1", "offer": "ghost"}


def test_a_negative_capacity_is_refused_clearly() -> None:
    with pytest.raises(MatchInputError, match="cannot be negative") as error:
        MatchOffer("o1", M.EDUCATION, -1, title="Fagskole")
    assert error.value.code == "negative_capacity"
    assert error.value.params == {"offer": "“Fagskole” (o1)", "capacity": "-1"}
    # An offer changed after it was checked is caught by the problem as well.
    offer = MatchOffer("o1", M.EDUCATION, 1)
    object.__setattr__(offer, "capacity", -2)
    with pytest.raises(MatchInputError) as error:
        Problem([MatchParticipant("p1", frozenset())], [offer], [])
    assert error.value.code == "negative_capacity"


def test_repeated_ids_and_arcs_are_refused() -> None:
    person = MatchParticipant("p1", frozenset())
    offer = MatchOffer("o1", M.EDUCATION, 1)
    with pytest.raises(MatchInputError) as error:
        Problem([person, person], [offer], [])
    assert error.value.code == "repeated_participant"
    with pytest.raises(MatchInputError) as error:
        Problem([person], [offer, offer], [])
    assert error.value.code == "repeated_offer"
    with pytest.raises(ValueError, match="two arcs"):
        Problem([person], [offer], [(0, 0, 1), (0, 0, 2)])
    with pytest.raises(ValueError, match="outside the problem"):
        Problem([person], [offer], [(0, 1, 1)])
    with pytest.raises(ValueError, match="preference weight"):
        Problem([person], [offer], [], preference_weight=Decimal(-1))


PROTECTED = ("origin", "country", "birth", "nationality", "citizenship", "ethnic", "religion", "name", "language")


@pytest.mark.parametrize("kind", [MatchParticipant, MatchOffer])
def test_inputs_have_no_protected_attribute(kind: type) -> None:
    names = [field.name.lower() for field in dataclasses.fields(kind)]
    assert not [name for name in names for word in PROTECTED if word in name]
    with pytest.raises(TypeError):
        kind(**{"origin": "x"})


def test_the_group_changes_nothing_without_floors() -> None:
    """The protected-attribute swap, made structural: the inputs cannot carry origin, and the one attribute
    that can describe a group (`group`, for fairness floors) does not change the unconstrained result."""
    people = [dataclasses.replace(p, preferences=()) for p in national_instance(300, 90, seed=3).problem.participants]
    offers = list(national_instance(300, 90, seed=3).problem.offers)
    base = build_problem(people, offers)
    swapped = build_problem([dataclasses.replace(p, group=f"g{i % 7}") for i, p in enumerate(people)], offers)
    assert solve_flow(base).pairs == solve_flow(swapped).pairs
    assert base.arc_weight.tolist() == swapped.arc_weight.tolist()


def test_the_national_instance_is_seeded_and_shaped_as_the_issue_says() -> None:
    first = national_instance(600, 180, seed=5)
    again = national_instance(600, 180, seed=5)
    assert first.problem.arc_weight.tolist() == again.problem.arc_weight.tolist()
    assert [p.preferences for p in first.problem.participants] == [p.preferences for p in again.problem.participants]
    problem = first.problem
    assert problem.capacity.min() >= 1
    assert problem.capacity.max() <= 20
    per_person = np.bincount(problem.arc_participant, minlength=len(problem.participants))
    assert 40 <= per_person.mean() <= 60  # about 50 feasible offers each
    assert 3.0 <= problem.capacity.mean() <= 5.0  # about 12,000 places for 3,000 offers
    assert problem.violations(solve_flow(problem)) == []
    assert round(solve_lp(problem).objective) == solve_flow(problem).objective
    assert set(problem.groups) == {"little", "secondary", "higher"}


@pytest.mark.parametrize("table_limit", [4_000_000, 0])
def test_vectorised_scores_equal_the_rule(monkeypatch: pytest.MonkeyPatch, table_limit: int) -> None:
    """score_pairs evaluates the rule once per distinct combination of facts; it must give exactly what
    fit_milli gives pair by pair, with sorting (limit 0) as with dense tables."""
    monkeypatch.setattr(scoring, "TABLE_LIMIT", table_limit)
    rng = random.Random(21)  # noqa: S311 - a fixed, reproducible sample
    catalogue = [
        dataclasses.replace(
            matching_instance._offer(rng, number), weeks=rng.choice([4, 30]), unresolved_incident=rng.random() < 0.2
        )
        for number in range(40)
    ]
    catalogue.append(MatchOffer("plain", M.OTHER, 1))
    people = [
        dataclasses.replace(
            matching_instance._participant(rng, number),
            education=rng.choice([None, *EducationLevel]),
            current_measures=tuple(rng.sample([M.NORWEGIAN_COURSE, M.WORK_PRACTICE, M.TRADE_CERTIFICATE], 1)),
            interested_in=frozenset(rng.sample([o.offer_id for o in catalogue], 2)),
        )
        for number in range(80)
    ]
    people.append(MatchParticipant("unmapped", frozenset()))
    pairs = [(p, o) for p in range(len(people)) for o in range(len(catalogue))]
    minutes = [rng.choice([scoring.UNKNOWN, 0, 15, 30, 31, 47, 89, 90, 91, 300]) for _ in pairs]
    weights = FitRules(norwegian_gap_per_level=Decimal("1.3"), long_travel=Decimal("0.7"), goal_per_level=Decimal(3))
    feasible, fits = scoring.score_pairs(
        people,
        catalogue,
        np.array([p for p, _ in pairs]),
        np.array([o for _, o in pairs]),
        weights,
        np.array(minutes),
    )
    assert 0 < feasible.sum() < len(pairs)
    for (p, o), ok, fit, time in zip(pairs, feasible.tolist(), fits.tolist(), minutes, strict=True):
        expected = fit_milli(people[p], catalogue[o], weights, travel_minutes=None if time < 0 else time)
        assert (fit if ok else None) == expected


def test_several_experiences_and_goals_take_the_best_and_feasible_pairs_are_exact() -> None:
    """The goal and experience components take the best of several occupations; feasible_pairs finds exactly
    the pairs whose hard prerequisites are met (E5)."""
    rng = random.Random(5)  # noqa: S311 - a fixed, reproducible sample
    people = [matching_instance._participant(rng, number) for number in range(60)]
    people = [
        dataclasses.replace(
            person,
            experience=tuple(
                Experience(rng.choice(matching_instance.OCCUPATIONS), Decimal(rng.randint(0, 9)))
                for _ in range(rng.randint(0, 3))
            ),
        )
        for person in people
    ]
    catalogue = [matching_instance._offer(rng, number) for number in range(30)]
    p_index, o_index = scoring.feasible_pairs(people, catalogue)
    expected = [
        (p, o)
        for p in range(len(people))
        for o in range(len(catalogue))
        if fit_milli(people[p], catalogue[o]) is not None
    ]
    assert list(zip(p_index.tolist(), o_index.tolist(), strict=True)) == expected
    feasible, fits = scoring.score_pairs(people, catalogue, p_index, o_index)
    assert feasible.all()
    assert fits.tolist() == [fit_milli(people[p], catalogue[o]) for p, o in expected]


def test_bad_travel_and_candidates_are_refused() -> None:
    with pytest.raises(ValueError, match="travel minutes"):
        build_problem(_people(), _offers(), travel={("p1", "shop"): -5})
    with pytest.raises(ValueError, match="unknown offer"):
        build_problem(_people(), _offers(), candidates={"p1": ["nowhere"]})
    with pytest.raises(ValueError, match="unknown participant"):
        build_problem(_people(), _offers(), candidates={"nobody": ["shop"]})


@pytest.mark.parametrize("score", [float("nan"), float("inf"), -float("inf"), 1500.5, "high"])
def test_a_score_that_is_not_a_whole_number_of_thousandths_is_refused(score: object) -> None:
    """NaN and infinite scores used to fail deep in numpy or the solver, and 1500.5 was cut to 1500."""
    person, offer = MatchParticipant("p1", frozenset()), MatchOffer("o1", M.EDUCATION, 1)
    for make in (
        lambda: Problem([person], [offer], [(0, 0, score)]),  # type: ignore[list-item]
        lambda: Problem.from_arrays([person], [offer], [0], [0], np.array([score])),
    ):
        with pytest.raises(MatchInputError) as error:
            make()
        assert error.value.code == "bad_score"
    assert Problem([person], [offer], [(0, 0, 1500.0)]).arc_fit.tolist() == [1500]  # type: ignore[list-item]
