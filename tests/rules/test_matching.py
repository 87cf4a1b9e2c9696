"""The fit of a pair in matching: one model with the catalogue's recommendations (kvp.rules.fit), feasibility
by the hard prerequisites (E5), wishes weighed apart, and no neutral filler."""

from __future__ import annotations

import dataclasses
import itertools
import random
from decimal import Decimal
from typing import Any

import pytest

from kvp.rules.fit import EducationLevel, Experience, FitRules, fit_reasons, wish_reason
from kvp.rules.matching import (
    MAX_PREFERENCES,
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
from kvp.rules.recommendations import recommend

M = MeasureType
P = Prerequisite.parse
PERSON = MatchParticipant("p1", frozenset({P("norwegian:b1"), P("digital:basic")}))
COURSE = MatchOffer("o1", M.NORWEGIAN_COURSE, 5)
PLACEMENT = MatchOffer("o2", M.WORK_PRACTICE, 2, occupation_code="5223", mentor=True)
# The demo's gardener (E4): fifteen years as a gardener, Norwegian A2, lower secondary school, a gardener's goal.
GARDENER = MatchParticipant(
    "gardener",
    frozenset({P("norwegian:a2"), P("work_experience_years:15")}),
    wanted_occupations=("6113",),
    experience=(Experience("6113", Decimal(15)),),
    education=EducationLevel.LOWER_SECONDARY,
)
TRADE_ROUTE = MatchOffer(
    "trade", M.TRADE_CERTIFICATE, 1, frozenset({P("norwegian:a2")}), "6113", "Fagbrev i gartnerfaget", weeks=40
)
GENERIC_COURSE = MatchOffer("generic", M.LABOUR_MARKET_COURSE, 20, weeks=20)


def person(**changes: Any) -> MatchParticipant:
    return dataclasses.replace(PERSON, **changes)


def offer(base: MatchOffer = COURSE, **changes: Any) -> MatchOffer:
    return dataclasses.replace(base, **changes)


def test_matching_scores_with_the_recommendations_own_reasons() -> None:
    for participant, item in itertools.product((PERSON, GARDENER), (COURSE, PLACEMENT, TRADE_ROUTE, GENERIC_COURSE)):
        fit = fit_score(participant, item)
        if fit is None:
            continue
        [recommended] = recommend(participant.profile, [item.facts])
        assert fit.reasons == recommended.reasons
        assert fit.score == recommended.score == sum(reason.weight for reason in fit.reasons)
        assert fit.reasons == tuple(fit_reasons(participant.profile, item.facts))


def test_the_gardener_s_trade_certificate_route_fits_far_better_than_a_generic_course() -> None:
    route, generic = fit_score(GARDENER, TRADE_ROUTE), fit_score(GARDENER, GENERIC_COURSE)
    assert route is not None
    assert generic is not None
    assert route.score > generic.score + 5
    assert {"E1", "E3", "E4", "E8"} <= {reason.evidence for reason in route.reasons}


def test_unknown_facts_give_no_reason_and_every_reason_weighs_something() -> None:
    """No neutral filler: a participant not mapped and an offer tied to nothing give no reason at all."""
    fit = fit_score(MatchParticipant("unmapped", frozenset()), MatchOffer("plain", M.LABOUR_MARKET_COURSE, 1))
    assert fit is not None
    assert fit.reasons == ()
    assert fit.score == 0
    for participant, item in itertools.product((PERSON, GARDENER), (COURSE, PLACEMENT, TRADE_ROUTE)):
        found = fit_score(participant, item)
        assert found is None or all(reason.weight != 0 for reason in found.reasons)


def test_a_practice_loop_weighs_against_the_offer() -> None:
    """E4: more work practice in a field the participant has long mastered counts against it."""
    practice = MatchOffer("practice", M.WORK_PRACTICE, 1, occupation_code="6113")
    fit = fit_score(GARDENER, practice)
    assert fit is not None
    assert any(reason.evidence == "E4" and reason.weight < 0 for reason in fit.reasons)


def test_an_unresolved_incident_weighs_against_the_offer() -> None:
    """E12, the same in recommendations and matching."""
    fit, flagged = fit_score(PERSON, PLACEMENT), fit_score(PERSON, offer(PLACEMENT, unresolved_incident=True))
    assert fit is not None
    assert flagged is not None
    assert flagged.score == fit.score - FitRules().unresolved_incident
    assert [reason.evidence for reason in flagged.reasons if reason.weight < 0] == ["E12"]


@pytest.mark.parametrize(("minutes", "expected"), [(None, None), (20, None), (60, "-0.5"), (200, "-1")])
def test_travel_counts_only_when_known_and_long(minutes: int | None, expected: str | None) -> None:
    fit = fit_score(PERSON, COURSE, travel_minutes=minutes)
    assert fit is not None
    travel = [reason.weight for reason in fit.reasons if reason.params.get("minutes") == minutes]
    assert travel == ([Decimal(expected)] if expected else [])


@pytest.mark.parametrize("minutes", [-1, 2.5, True])
def test_travel_must_be_whole_minutes(minutes: Any) -> None:
    with pytest.raises(ValueError, match="minutes"):
        fit_score(PERSON, COURSE, travel_minutes=minutes)


def test_a_wish_is_explained_with_the_weight_the_engine_gives_it() -> None:
    reason = wish_reason(2, Decimal(4))
    assert reason is not None
    assert (reason.evidence, reason.weight, reason.params) == ("E1", Decimal("3.2"), {"rank": 2})
    assert wish_reason(None, Decimal(4)) is None
    assert wish_reason(1, Decimal(0)) is None


@pytest.mark.parametrize("bad", [Decimal(-1), Decimal("NaN"), Decimal("0.0001"), 1])
def test_weights_must_be_non_negative_decimals_in_thousandths(bad: Any) -> None:
    with pytest.raises(ValueError, match="goal_per_level"):
        FitRules(goal_per_level=bad)


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
        weights = FitRules(goal_per_level=Decimal(rng.randint(0, 3)), long_travel=Decimal("1.25"))
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
    fit = fit_score(GARDENER, TRADE_ROUTE)
    assert fit is not None
    assert not any("probab" in name for name in dir(fit))
    assert fit.score > 1  # a sum of weighted reasons, not a number between 0 and 1
