"""The fit score: every component, its evidence, infeasibility, and the fast path."""

from __future__ import annotations

import dataclasses
import itertools
import random
from decimal import Decimal
from typing import Any

import pytest

from kvp.rules.matching import (
    COMPONENT_EVIDENCE,
    COMPONENTS,
    DEFAULT_FIT_WEIGHTS,
    MAX_PREFERENCES,
    Component,
    Fit,
    FitComponent,
    FitWeights,
    MatchInputError,
    MatchOffer,
    MatchParticipant,
    fit_milli,
    fit_score,
    infeasible_reason,
    preference_bonus,
)
from kvp.rules.measures import MeasureType
from kvp.rules.prerequisites import Prerequisite
from kvp.rules.recommendations import Experience
from kvp.rules.skills import Cefr

M = MeasureType
P = Prerequisite.parse
C = Component
PERSON = MatchParticipant("p1", frozenset({P("norwegian:b1"), P("digital:basic")}))
COURSE = MatchOffer("o1", M.NORWEGIAN_COURSE, 5)
PLACEMENT = MatchOffer("o2", M.WORK_PRACTICE, 2, occupation_code="5223", mentor=True)


def person(**changes: Any) -> MatchParticipant:
    return dataclasses.replace(PERSON, **changes)


def offer(base: MatchOffer = COURSE, **changes: Any) -> MatchOffer:
    return dataclasses.replace(base, **changes)


def part(fit: Fit | None, component: Component) -> FitComponent:
    assert fit is not None
    return next(item for item in fit.components if item.component is component)


def value(participant: MatchParticipant, item: MatchOffer, component: Component, **kwargs: Any) -> Decimal:
    return part(fit_score(participant, item, **kwargs), component).value


@pytest.mark.parametrize(
    ("held", "needed", "expected"),
    [
        ("b1", "a2", "1"),
        ("b1", "b1", "1"),
        ("a2", "b1", "0.5"),  # one level below: reachable with support
        ("a1", "b1", "0"),
        ("pre_a1", "a1", "0.5"),
    ],
)
def test_norwegian_level_against_the_need(held: str, needed: str, expected: str) -> None:
    participant = person(holds=frozenset({P(f"norwegian:{held}")}))
    assert value(participant, offer(requires=frozenset({P(f"norwegian:{needed}")})), C.NORWEGIAN) == Decimal(expected)


def test_levels_are_weighed_not_required_and_unknown_is_neutral() -> None:
    needs = offer(requires=frozenset({P("norwegian:c1"), P("digital:advanced")}))
    unmapped = person(holds=frozenset())
    assert fit_score(person(holds=frozenset({P("norwegian:a1"), P("digital:none")})), needs) is not None
    assert value(unmapped, needs, C.NORWEGIAN) == Decimal("0.5")
    assert value(unmapped, needs, C.DIGITAL) == Decimal("0.5")
    assert value(unmapped, COURSE, C.NORWEGIAN) == 1  # no need, full credit
    assert value(unmapped, COURSE, C.DIGITAL) == 1


def test_the_highest_held_level_counts() -> None:
    participant = person(holds=frozenset({P("norwegian:a1"), P("norwegian:b2")}))
    assert participant.norwegian is Cefr.B2
    assert value(participant, offer(requires=frozenset({P("norwegian:b2")})), C.NORWEGIAN) == 1


@pytest.mark.parametrize(
    ("held", "needed", "expected"),
    [("independent", "basic", "1"), ("basic", "independent", "0.5"), ("none", "independent", "0")],
)
def test_digital_level_against_the_need(held: str, needed: str, expected: str) -> None:
    participant = person(holds=frozenset({P(f"digital:{held}")}))
    assert value(participant, offer(requires=frozenset({P(f"digital:{needed}")})), C.DIGITAL) == Decimal(expected)


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        (("5223",), "1"),  # the same unit group
        (("5221",), "0.75"),  # the same minor group
        (("5244",), "0.5"),  # the same sub-major group
        (("7115",), "0"),  # another field
        (("7115", "5223"), "1"),  # the closest goal counts
        ((), "0.5"),  # no goal named yet: neutral
    ],
)
def test_goal_match_by_occupation_field(wanted: tuple[str, ...], expected: str) -> None:
    assert value(person(wanted_occupations=wanted), PLACEMENT, C.GOAL) == Decimal(expected)


def test_offer_without_an_occupation_is_neutral_for_goal_and_experience() -> None:
    participant = person(wanted_occupations=("5223",), experience=(Experience("5223", Decimal(10)),))
    assert value(participant, COURSE, C.GOAL) == Decimal("0.5")
    assert value(participant, COURSE, C.EXPERIENCE) == Decimal("0.5")


@pytest.mark.parametrize(
    ("experience", "expected"),
    [
        ((), "0"),
        ((Experience("5223", Decimal(5)),), "1"),
        ((Experience("5223", Decimal(10)),), "1"),
        ((Experience("5223", Decimal("2.5")),), "0.5"),
        ((Experience("5221", Decimal(5)),), "0.75"),
        ((Experience("7115", Decimal(20)),), "0"),
        ((Experience("7115", Decimal(20)), Experience("5223", Decimal(1))), "0.2"),
    ],
)
def test_experience_in_the_field(experience: tuple[Experience, ...], expected: str) -> None:
    assert value(person(experience=experience), PLACEMENT, C.EXPERIENCE) == Decimal(expected)


def test_formal_qualification() -> None:
    assert value(PERSON, offer(formal_qualification="Norskprøven B1"), C.QUALIFICATION) == 1
    assert value(PERSON, COURSE, C.QUALIFICATION) == 0


@pytest.mark.parametrize(
    ("minutes", "expected"), [(None, "0.5"), (0, "1"), (30, "1"), (60, "0.5"), (70, "0.333"), (90, "0"), (200, "0")]
)
def test_travel(minutes: int | None, expected: str) -> None:
    assert value(PERSON, COURSE, C.TRAVEL, travel_minutes=minutes) == Decimal(expected)


@pytest.mark.parametrize("minutes", [-1, True, 1.5])
def test_travel_must_be_whole_minutes(minutes: Any) -> None:
    with pytest.raises(ValueError, match="travel minutes"):
        fit_score(PERSON, COURSE, travel_minutes=minutes)


@pytest.mark.parametrize(
    ("mentor", "alone", "expected"),
    [(True, False, "1"), (True, True, "0.5"), (False, False, "0.5"), (False, True, "0")],
)
def test_employer_readiness_for_placements(mentor: bool, alone: bool, expected: str) -> None:
    assert value(PERSON, offer(PLACEMENT, mentor=mentor, works_alone=alone), C.EMPLOYER) == Decimal(expected)


def test_an_unresolved_incident_takes_the_employers_readiness_away() -> None:
    ready = offer(PLACEMENT, mentor=True, works_alone=False, unresolved_incident=True)
    assert value(PERSON, ready, C.EMPLOYER) == Decimal(0)
    fit = fit_score(PERSON, ready)
    assert fit is not None
    assert "discrimination incident" in fit.components[-1].note
    assert value(PERSON, offer(unresolved_incident=True), C.EMPLOYER) == Decimal("0.5")  # a course: neutral


def test_employer_readiness_is_neutral_for_courses() -> None:
    assert value(PERSON, offer(mentor=True), C.EMPLOYER) == Decimal("0.5")


def test_score_is_the_sum_of_visible_weighted_components() -> None:
    participant = person(wanted_occupations=("5223",), experience=(Experience("5223", Decimal(3)),))
    fit = fit_score(participant, offer(PLACEMENT, formal_qualification="Fagbrev"), travel_minutes=45)
    assert fit is not None
    assert [item.component for item in fit.components] == list(COMPONENTS)
    assert fit.score == sum(item.points for item in fit.components)
    for item in fit.components:
        assert item.points == (item.value * item.weight).quantize(Decimal("0.001"))
        assert item.weight == DEFAULT_FIT_WEIGHTS.of(item.component)
        assert item.evidence == COMPONENT_EVIDENCE[item.component]
        assert item.evidence.startswith("E")
        assert 0 <= item.value <= 1
        assert item.label
        assert item.note % (item.params | item.labels)  # formats with its own values
    assert fit.milli == int(fit.score * 1000)


def test_weights_change_the_score_and_zero_switches_a_component_off() -> None:
    qualifying = offer(formal_qualification="Fagbrev")
    base = fit_score(PERSON, qualifying)
    off = fit_score(PERSON, qualifying, FitWeights(qualification=Decimal(0)))
    assert base is not None
    assert off is not None
    assert base.score - off.score == DEFAULT_FIT_WEIGHTS.qualification
    assert part(off, C.QUALIFICATION).points == 0


@pytest.mark.parametrize("bad", [Decimal(-1), Decimal("NaN"), 2])
def test_weights_must_be_non_negative_decimals(bad: Any) -> None:
    with pytest.raises(ValueError, match="goal"):
        FitWeights(goal=bad)


def test_unmet_hard_prerequisite_makes_the_pair_infeasible() -> None:
    needs = offer(requires=frozenset({P("driving_licence"), P("job_guarantee"), P("norwegian:c1")}))
    assert fit_score(PERSON, needs) is None
    assert fit_milli(PERSON, needs) is None
    reason = infeasible_reason(PERSON, needs)
    assert reason is not None
    assert reason.missing == (P("job_guarantee"), P("driving_licence"))  # the Norwegian level is weighed
    error = reason.error()
    assert error.code == "infeasible_preference"
    assert "p1 cannot take the offer o1 because it requires" in str(error)
    holder = person(holds=PERSON.holds | {P("driving_licence"), P("job_guarantee")})
    assert infeasible_reason(holder, needs) is None
    assert fit_score(holder, needs) is not None


def test_fast_path_equals_the_explained_score() -> None:
    rng = random.Random(4)  # noqa: S311 - a fixed, reproducible sample
    levels = ["", "norwegian:a1", "norwegian:b1", "digital:basic", "digital:advanced", "driving_licence"]
    codes = ["", "5223", "5221", "7115"]
    for _ in range(400):
        participant = MatchParticipant(
            "p",
            frozenset(P(code) for code in rng.sample(levels, 3) if code),
            wanted_occupations=tuple(code for code in rng.sample(codes, 2) if code),
            experience=tuple(Experience(code, Decimal(rng.randint(0, 12))) for code in rng.sample(codes, 1) if code),
        )
        item = MatchOffer(
            "o",
            rng.choice(list(M)),
            1,
            requires=frozenset(P(code) for code in rng.sample(levels, 2) if code),
            occupation_code=rng.choice(codes),
            formal_qualification=rng.choice(["", "Fagbrev"]),
            mentor=rng.random() < 0.5,
            works_alone=rng.random() < 0.5,
        )
        minutes = rng.choice([None, 10, 45, 95])
        weights = FitWeights(goal=Decimal(rng.randint(0, 3)), travel=Decimal("1.25"))
        fit = fit_score(participant, item, weights, travel_minutes=minutes)
        assert fit_milli(participant, item, weights, travel_minutes=minutes) == (fit.milli if fit else None)


def test_preference_bonus_falls_with_rank() -> None:
    bonuses = [preference_bonus(rank) for rank in range(1, MAX_PREFERENCES + 1)]
    assert bonuses == sorted(bonuses, reverse=True)
    assert bonuses[0] == 1
    assert preference_bonus(None) == 0
    assert preference_bonus(6) == 0


def test_participant_input_checks() -> None:
    with pytest.raises(MatchInputError) as error:
        person(preferences=tuple(f"o{i}" for i in range(MAX_PREFERENCES + 1)))
    assert error.value.code == "too_many_preferences"
    with pytest.raises(MatchInputError) as error:
        person(preferences=("o1", "o1"))
    assert error.value.code == "repeated_preference"
    with pytest.raises(ValueError, match="STYRK"):
        person(wanted_occupations=("12",))
    with pytest.raises(ValueError, match="id"):
        person(participant_id="")
    assert person(preferences=("o9", "o1")).rank_of("o1") == 2
    assert PERSON.rank_of("o1") is None


def test_offer_input_checks() -> None:
    with pytest.raises(MatchInputError) as error:
        offer(capacity=-3)
    assert error.value.code == "negative_capacity"
    with pytest.raises(ValueError, match="whole number"):
        offer(capacity=True)
    with pytest.raises(ValueError, match="STYRK"):
        offer(occupation_code="99")
    assert offer(kind="education").kind is M.EDUCATION  # type: ignore[arg-type]


def test_the_fit_score_never_reads_group_or_wishes() -> None:
    for group, wishes in itertools.product(("", "little", "higher"), ((), ("o1",), ("o2", "o1"))):
        assert fit_score(person(group=group, preferences=wishes), PLACEMENT) == fit_score(PERSON, PLACEMENT)


def test_it_is_a_fit_score_not_a_probability() -> None:
    fit = fit_score(PERSON, COURSE)
    assert fit is not None
    assert not any("probab" in name for name in dir(fit))
    assert fit.score > 1  # a sum of weighted components, not a number between 0 and 1
