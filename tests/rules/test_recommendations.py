import dataclasses
import itertools
import re
from decimal import Decimal
from typing import Any

import pytest

from kvp.rules.fit import EducationLevel, Experience, FitRules, OfferFacts, Profile, Reason
from kvp.rules.measures import MeasureType
from kvp.rules.recommendations import Recommendation, recommend
from kvp.rules.skills import DIGITAL_LABELS, Cefr, DigitalLevel

M = MeasureType
E = EducationLevel

# A profile and an offer that give no reason at all: every test changes one thing.
NEUTRAL = Profile(
    wanted_occupations=(),
    experience=(),
    education=E.UPPER_SECONDARY,
    norwegian=Cefr.B1,
    digital=DigitalLevel.INDEPENDENT,
    interested_in=frozenset(),
    current_measures=(),
)


def profile(**changes: Any) -> Profile:
    return dataclasses.replace(NEUTRAL, **changes)


def offer(
    offer_id: str = "o1",
    title: str = "Offer",
    measure: MeasureType = M.LABOUR_MARKET_COURSE,
    code: str = "",
    qualification: str = "",
    norwegian: Cefr | None = None,
    digital: DigitalLevel | None = None,
    mentor: bool = False,
    alone: bool = False,
    hours: str = "37.5",
    weeks: int = 12,
    met: bool = True,
    missing: tuple[str, ...] = (),
) -> OfferFacts:
    return OfferFacts(
        offer_id=offer_id,
        title=title,
        measure_type=measure,
        occupation_code=code,
        formal_qualification=qualification,
        norwegian_needed=norwegian,
        digital_needed=digital,
        mentor=mentor,
        works_alone=alone,
        hours_per_week=Decimal(hours),
        weeks=weeks,
        prerequisites_met=met,
        missing=missing,
    )


def one(the_profile: Profile, the_offer: OfferFacts, rules: FitRules | None = None) -> Recommendation:
    [recommendation] = recommend(the_profile, [the_offer], rules or FitRules())
    return recommendation


def weights(recommendation: Recommendation) -> list[tuple[str, Decimal]]:
    return [(reason.evidence, reason.weight) for reason in recommendation.reasons]


def test_a_neutral_offer_for_a_neutral_profile_has_no_reasons_and_scores_zero() -> None:
    assert one(NEUTRAL, offer()) == Recommendation("o1", Decimal(0), (), True)


# The done-when case: the experienced gardener (E4, Gubrium & Leirvik 2021) ------------------------------------------

GARDENER = Profile(
    wanted_occupations=("6113",),
    experience=(Experience("6113", Decimal("15")),),
    education=E.LOWER_SECONDARY,
    norwegian=Cefr.A2,
    digital=DigitalLevel.BASIC,
    interested_in=frozenset(),
    current_measures=(),
)
TRADE_CERTIFICATE = offer(
    "fagbrev",
    "Fagbrev i gartnerfaget som praksiskandidat",
    M.TRADE_CERTIFICATE,
    code="6113",
    qualification="Fagbrev i gartnerfaget",
    norwegian=Cefr.B1,
    weeks=40,
)
VOCATIONAL_NORWEGIAN = offer(
    "yrkesnorsk", "Yrkesnorsk med praksis", M.VOCATIONAL_NORWEGIAN, norwegian=Cefr.A1, weeks=20
)
GARDEN_CENTRE = offer(
    "hagesenter", "Arbeidstrening på hagesenter", M.WORK_PRACTICE, code="6113", norwegian=Cefr.A2, mentor=True
)


def test_the_experienced_gardener_gets_the_trade_certificate_and_vocational_norwegian_above_more_practice() -> None:
    ranked = recommend(GARDENER, [GARDEN_CENTRE, VOCATIONAL_NORWEGIAN, TRADE_CERTIFICATE])
    assert [r.offer_id for r in ranked] == ["fagbrev", "yrkesnorsk", "hagesenter"]
    fagbrev, yrkesnorsk, hagesenter = ranked

    assert weights(fagbrev) == [
        ("E3", Decimal("3")),
        ("E4", Decimal("4")),
        ("E11", Decimal("2")),
        ("E1", Decimal("3")),
        ("E8", Decimal("1.5")),
        ("E14", Decimal("-1.5")),
    ]
    assert fagbrev.score == Decimal("12")
    route = fagbrev.reasons[1]
    assert "praksiskandidat" in route.text
    assert route.params == {"years": Decimal("15"), "occupation": "Gartnere"}

    assert weights(yrkesnorsk) == [("E9", Decimal("2")), ("E11", Decimal("2"))]
    assert yrkesnorsk.score == Decimal("4")
    assert yrkesnorsk.reasons[0].labels == {"level": "A2"}

    assert weights(hagesenter) == [
        ("E4", Decimal("-3")),
        ("E11", Decimal("-1")),
        ("E1", Decimal("3")),
        ("E8", Decimal("1.5")),
        ("E8", Decimal("1")),
    ]
    assert hagesenter.score == Decimal("1.5")
    assert "already mastered" in hagesenter.reasons[0].text
    assert all(r.available for r in ranked)


def test_the_gardener_s_own_interest_in_the_practice_does_not_lift_it_above_vocational_norwegian() -> None:
    interested = dataclasses.replace(GARDENER, interested_in=frozenset({"hagesenter"}))
    ranked = recommend(interested, [GARDEN_CENTRE, VOCATIONAL_NORWEGIAN, TRADE_CERTIFICATE])
    assert [r.offer_id for r in ranked] == ["fagbrev", "yrkesnorsk", "hagesenter"]
    assert ranked[2].score == Decimal("3.5")


# E3 formal qualification ---------------------------------------------------------------------------------------------


def test_a_formal_qualification_is_a_plus_and_none_is_nothing() -> None:
    assert one(NEUTRAL, offer(qualification="")).reasons == ()
    [reason] = one(NEUTRAL, offer(qualification="Førerkort klasse B")).reasons
    assert (reason.evidence, reason.weight) == ("E3", Decimal("3"))
    assert reason.params == {"qualification": "Førerkort klasse B"}


# E4 the experience route, and practice in work already mastered --------------------------------------------------


def years_in_6113(*experience: tuple[str, str]) -> Profile:
    return profile(experience=tuple(Experience(code, Decimal(years)) for code, years in experience))


ROUTE = offer(measure=M.TRADE_CERTIFICATE, code="6113")


def e4(recommendation: Recommendation) -> list[Decimal]:
    return [reason.weight for reason in recommendation.reasons if reason.evidence == "E4"]


def test_the_experience_route_needs_the_set_number_of_years_in_the_field() -> None:
    assert e4(one(years_in_6113(("6113", "5")), ROUTE)) == [Decimal("4")]
    assert e4(one(years_in_6113(("6113", "4.9")), ROUTE)) == []


def test_years_in_the_same_minor_group_add_up_but_a_wider_field_does_not_count() -> None:
    assert e4(one(years_in_6113(("6113", "3"), ("6111", "2")), ROUTE)) == [Decimal("4")]
    assert e4(one(years_in_6113(("6113", "3"), ("6121", "10")), ROUTE)) == []


def test_the_route_is_only_for_a_trade_certificate_tied_to_an_occupation() -> None:
    experienced = years_in_6113(("6113", "15"))
    assert e4(one(experienced, offer(measure=M.TRADE_CERTIFICATE))) == []
    assert e4(one(experienced, offer(measure=M.EDUCATION, code="6113"))) == []
    assert e4(one(experienced, offer(measure=M.WAGE_SUBSIDY, code="6113"))) == []


def test_another_work_practice_in_a_mastered_field_is_a_minus_unless_it_qualifies() -> None:
    experienced = years_in_6113(("6113", "15"))
    assert e4(one(experienced, offer(measure=M.WORK_PRACTICE, code="6113"))) == [Decimal("-3")]
    assert e4(one(experienced, offer(measure=M.WORK_PRACTICE, code="6111"))) == [Decimal("-3")]
    assert e4(one(experienced, offer(measure=M.WORK_PRACTICE, code="6121"))) == []
    assert e4(one(experienced, offer(measure=M.WORK_PRACTICE, code="6113", qualification="Kursbevis"))) == []
    assert e4(one(years_in_6113(("6113", "4.9")), offer(measure=M.WORK_PRACTICE, code="6113"))) == []


# E9 vocational Norwegian and lock-in ---------------------------------------------------------------------------------


def e9(recommendation: Recommendation) -> list[Decimal]:
    return [reason.weight for reason in recommendation.reasons if reason.evidence == "E9"]


@pytest.mark.parametrize(
    ("level", "fires"),
    [(Cefr.PRE_A1, True), (Cefr.A1, True), (Cefr.A2, True), (Cefr.B1, False), (Cefr.C1, False), (None, False)],
)
def test_vocational_norwegian_is_a_plus_below_b1(level: Cefr | None, fires: bool) -> None:
    result = one(profile(norwegian=level), offer(measure=M.VOCATIONAL_NORWEGIAN))
    assert e9(result) == ([Decimal("2")] if fires else [])


def test_below_a1_is_shown_as_a_label() -> None:
    [reason] = one(profile(norwegian=Cefr.PRE_A1), offer(measure=M.VOCATIONAL_NORWEGIAN)).reasons
    assert reason.labels == {"level": "below A1"}


def test_an_ordinary_norwegian_course_gets_no_vocational_plus() -> None:
    assert e9(one(profile(norwegian=Cefr.A2), offer(measure=M.NORWEGIAN_COURSE))) == []


@pytest.mark.parametrize(
    ("measure", "weeks", "qualification", "fires"),
    [
        (M.LABOUR_MARKET_COURSE, 26, "", False),
        (M.LABOUR_MARKET_COURSE, 27, "", True),
        (M.LABOUR_MARKET_COURSE, 27, "Truckførerbevis", False),
        (M.NORWEGIAN_COURSE, 40, "", True),
        (M.MASTERY_COURSE, 27, "", True),
        (M.DIGITAL_SKILLS, 27, "", True),
        (M.VOCATIONAL_NORWEGIAN, 52, "", False),  # practice with tuition: not a classroom course
        (M.EDUCATION, 52, "", False),
    ],
)
def test_a_long_course_without_a_qualification_carries_a_lock_in_minus(
    measure: MeasureType, weeks: int, qualification: str, fires: bool
) -> None:
    result = one(NEUTRAL, offer(measure=measure, weeks=weeks, qualification=qualification))
    assert e9(result) == ([Decimal("-2")] if fires else [])
    if fires:
        assert result.reasons[-1].params == {"weeks": weeks}


def test_the_lock_in_limit_can_be_changed() -> None:
    rules = FitRules(long_course_weeks=10)
    assert e9(one(NEUTRAL, offer(weeks=11), rules)) == [Decimal("-2")]
    assert e9(one(NEUTRAL, offer(weeks=10), rules)) == []


# E11 training first, practice with training, wage subsidy ----------------------------------------------------------


def e11(recommendation: Recommendation) -> list[Decimal]:
    return [reason.weight for reason in recommendation.reasons if reason.evidence == "E11"]


@pytest.mark.parametrize(
    ("education", "fires"),
    [
        (E.NONE, True),
        (E.PRIMARY, True),
        (E.LOWER_SECONDARY, True),
        (E.UPPER_SECONDARY, False),
        (E.VOCATIONAL, False),
        (E.BACHELOR, False),
        (E.MASTER, False),
        (None, False),
    ],
)
def test_training_first_for_little_education(education: EducationLevel | None, fires: bool) -> None:
    assert e11(one(profile(education=education), offer())) == ([Decimal("2")] if fires else [])
    plain = e11(one(profile(education=education), offer(measure=M.WORK_PRACTICE)))
    assert plain == ([Decimal("-1")] if fires else [])


@pytest.mark.parametrize(
    "measure",
    [
        M.LABOUR_MARKET_COURSE,
        M.NORWEGIAN_COURSE,
        M.DIGITAL_SKILLS,
        M.VOCATIONAL_NORWEGIAN,
        M.TRADE_CERTIFICATE,
        M.DRIVING_LICENCE,
        M.EDUCATION,
    ],
)
def test_every_kind_of_training_counts_as_training_first(measure: MeasureType) -> None:
    assert e11(one(profile(education=E.PRIMARY), offer(measure=measure))) == [Decimal("2")]


@pytest.mark.parametrize("measure", [M.MASTERY_COURSE, M.JOB_SEEKING, M.HEALTH_ACTIVITY, M.OWN_ACTIVITY])
def test_other_measures_are_not_training(measure: MeasureType) -> None:
    assert e11(one(profile(education=E.PRIMARY), offer(measure=measure))) == []


def test_practice_with_training_already_running_is_no_minus() -> None:
    little = profile(education=E.LOWER_SECONDARY)
    practice = offer(measure=M.WORK_PRACTICE)
    with_course = dataclasses.replace(little, current_measures=(M.LABOUR_MARKET_COURSE,))
    assert e11(one(with_course, practice)) == []
    with_mastery = dataclasses.replace(little, current_measures=(M.MASTERY_COURSE,))
    assert e11(one(with_mastery, practice)) == [Decimal("-1")]


@pytest.mark.parametrize(
    ("running", "fires"),
    [
        ((M.NORWEGIAN_COURSE,), True),
        ((M.VOCATIONAL_NORWEGIAN,), True),
        ((M.HEALTH_ACTIVITY, M.NORWEGIAN_COURSE), True),
        ((M.LABOUR_MARKET_COURSE,), False),
        ((), False),
    ],
)
def test_work_practice_alongside_norwegian_training_is_a_plus(running: tuple[MeasureType, ...], fires: bool) -> None:
    result = one(profile(current_measures=running), offer(measure=M.WORK_PRACTICE))
    assert e11(result) == ([Decimal("1.5")] if fires else [])
    assert e11(one(profile(current_measures=running), offer(measure=M.WAGE_SUBSIDY))) == [Decimal("2")]


def test_little_education_with_norwegian_training_gets_the_combination_and_no_minus() -> None:
    both = profile(education=E.PRIMARY, current_measures=(M.NORWEGIAN_COURSE,))
    assert e11(one(both, offer(measure=M.WORK_PRACTICE))) == [Decimal("1.5")]


def test_a_wage_subsidy_resembles_an_ordinary_job() -> None:
    [reason] = one(NEUTRAL, offer(measure=M.WAGE_SUBSIDY)).reasons
    assert (reason.evidence, reason.weight) == ("E11", Decimal("2"))


# E1, E8 goals and experience -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wanted", "weight"),
    [("6113", Decimal("3")), ("6111", Decimal("2")), ("6121", Decimal("1")), ("6210", None), ("9214", None)],
)
def test_a_goal_match_is_scaled_by_how_close_the_occupations_are(wanted: str, weight: Decimal | None) -> None:
    result = one(profile(wanted_occupations=(wanted,)), offer(measure=M.JOB_SEEKING, code="6113"))
    assert weights(result) == ([("E1", weight)] if weight is not None else [])


def test_the_closest_goal_counts_once_and_is_named() -> None:
    result = one(profile(wanted_occupations=("6121", "6113", "6111")), offer(measure=M.JOB_SEEKING, code="6113"))
    [reason] = result.reasons
    assert reason.weight == Decimal("3")
    assert reason.params == {"goal": "Gartnere"}


@pytest.mark.parametrize(
    ("done", "weight"),
    [("6113", Decimal("1.5")), ("6111", Decimal("1")), ("6121", Decimal("0.5")), ("9214", None)],
)
def test_an_experience_match_is_scaled_by_how_close_the_occupations_are(done: str, weight: Decimal | None) -> None:
    result = one(profile(experience=(Experience(done, Decimal("1")),)), offer(measure=M.JOB_SEEKING, code="6113"))
    assert weights(result) == ([("E8", weight)] if weight is not None else [])


def test_an_offer_without_an_occupation_matches_no_goal_or_experience() -> None:
    assert one(GARDENER, offer(measure=M.JOB_SEEKING)).reasons == ()


# E14 skills needed, working alone ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("needed", "level", "weight"),
    [
        (Cefr.B1, Cefr.A2, Decimal("-1.5")),
        (Cefr.B1, Cefr.B1, None),
        (Cefr.A2, Cefr.B2, None),
        (Cefr.B2, Cefr.A1, Decimal("-4.5")),
        (Cefr.A1, Cefr.PRE_A1, Decimal("-1.5")),
        (Cefr.B1, None, None),
    ],
)
def test_norwegian_needed_above_the_participant_s_level_is_a_minus_per_level(
    needed: Cefr, level: Cefr | None, weight: Decimal | None
) -> None:
    result = one(profile(norwegian=level), offer(measure=M.JOB_SEEKING, norwegian=needed))
    assert weights(result) == ([("E14", weight)] if weight is not None else [])
    if weight is not None and level is not None:
        assert result.reasons[0].labels == {"needed": needed.label, "level": level.label}


@pytest.mark.parametrize(
    ("needed", "level", "weight"),
    [
        (DigitalLevel.INDEPENDENT, DigitalLevel.BASIC, Decimal("-1")),
        (DigitalLevel.INDEPENDENT, DigitalLevel.NONE, Decimal("-2")),
        (DigitalLevel.INDEPENDENT, DigitalLevel.INDEPENDENT, None),
        (DigitalLevel.BASIC, DigitalLevel.ADVANCED, None),
        (DigitalLevel.ADVANCED, None, None),
    ],
)
def test_digital_skills_needed_above_the_participant_s_level_is_a_minus_per_level(
    needed: DigitalLevel, level: DigitalLevel | None, weight: Decimal | None
) -> None:
    result = one(profile(digital=level), offer(measure=M.JOB_SEEKING, digital=needed))
    assert weights(result) == ([("E14", weight)] if weight is not None else [])
    if weight is not None and level is not None:
        assert result.reasons[0].labels == {"needed": DIGITAL_LABELS[needed], "level": DIGITAL_LABELS[level]}


@pytest.mark.parametrize(("level", "fires"), [(Cefr.A2, True), (Cefr.PRE_A1, True), (Cefr.B1, False), (None, False)])
def test_working_alone_is_a_minus_below_b1(level: Cefr | None, fires: bool) -> None:
    result = one(profile(norwegian=level), offer(measure=M.WORK_PRACTICE, alone=True))
    assert weights(result) == ([("E14", Decimal("-1.5"))] if fires else [])


# E8 mentor, E1 interest ----------------------------------------------------------------------------------------------


def test_a_mentor_is_a_plus() -> None:
    assert weights(one(NEUTRAL, offer(mentor=True))) == [("E8", Decimal("1"))]
    assert weights(one(NEUTRAL, offer(mentor=False))) == []


def test_the_participant_s_own_interest_is_a_plus_for_that_offer_only() -> None:
    interested = profile(interested_in=frozenset({"o2"}))
    assert weights(one(interested, offer("o2"))) == [("E1", Decimal("2"))]
    assert weights(one(interested, offer("o1"))) == []


# Offers not available ------------------------------------------------------------------------------------------------


def test_an_unavailable_offer_comes_last_with_a_reason_per_missing_prerequisite_and_no_plus() -> None:
    best_if_available = offer(
        "best",
        "A",
        M.WAGE_SUBSIDY,
        qualification="Fagbrev",
        mentor=True,
        met=False,
        missing=("Norwegian at level B1", "A job guarantee"),
    )
    plain = offer("plain", "Z")
    interested = profile(interested_in=frozenset({"best"}))
    ranked = recommend(interested, [best_if_available, plain])
    assert [(r.offer_id, r.available) for r in ranked] == [("plain", True), ("best", False)]
    unavailable = ranked[1]
    assert [(r.evidence, r.weight, r.labels) for r in unavailable.reasons] == [
        ("E5", Decimal(0), {"requirement": "Norwegian at level B1"}),
        ("E5", Decimal(0), {"requirement": "A job guarantee"}),
    ]
    assert unavailable.score == Decimal(0)


def test_an_unavailable_offer_keeps_its_minuses() -> None:
    unavailable = offer(measure=M.JOB_SEEKING, norwegian=Cefr.B2, met=False, mentor=True, missing=("Funding",))
    result = one(profile(norwegian=Cefr.A2), unavailable)
    assert weights(result) == [("E5", Decimal(0)), ("E14", Decimal("-3"))]
    assert result.score == Decimal("-3")


def test_an_unavailable_offer_without_named_prerequisites_still_says_why() -> None:
    [reason] = one(NEUTRAL, offer(met=False)).reasons
    assert (reason.evidence, reason.params, reason.labels) == ("E5", {}, {})


def test_an_unavailable_offer_ranks_below_an_available_one_with_a_negative_score() -> None:
    negative = offer("neg", "B", M.JOB_SEEKING, norwegian=Cefr.C1)
    unavailable = offer("unavail", "A", met=False)
    ranked = recommend(profile(norwegian=Cefr.A1), [unavailable, negative])
    assert [r.offer_id for r in ranked] == ["neg", "unavail"]
    assert ranked[0].score < ranked[1].score


# Order, determinism, rules -------------------------------------------------------------------------------------------


def test_ties_are_broken_by_title_then_id_whatever_the_input_order() -> None:
    offers = [offer("b", "Same"), offer("a", "Same"), offer("c", "Alpha"), offer("d", "Zeta", mentor=True)]
    expected = ["d", "c", "a", "b"]
    for permutation in itertools.permutations(offers):
        assert [r.offer_id for r in recommend(NEUTRAL, permutation)] == expected


def test_identical_input_gives_identical_output() -> None:
    offers = [GARDEN_CENTRE, VOCATIONAL_NORWEGIAN, TRADE_CERTIFICATE, offer("x", met=False, missing=("B1",))]
    assert recommend(GARDENER, offers) == recommend(GARDENER, list(offers))


def test_the_score_is_the_sum_of_the_reasons_weights() -> None:
    for recommendation in recommend(GARDENER, [GARDEN_CENTRE, VOCATIONAL_NORWEGIAN, TRADE_CERTIFICATE]):
        assert recommendation.score == sum((r.weight for r in recommendation.reasons), Decimal(0))


def test_the_profile_cannot_hold_origin_nationality_ethnicity_or_religion() -> None:
    names = {field.name for field in dataclasses.fields(Profile)} | {
        field.name for field in dataclasses.fields(Experience)
    }
    forbidden = ("country", "birth", "nation", "origin", "ethnic", "religio", "citizen")
    assert not [name for name in names if any(word in name for word in forbidden)]
    with pytest.raises(TypeError):
        Profile(**dataclasses.asdict(NEUTRAL), country_of_birth="SY")  # type: ignore[call-arg]


def test_a_weight_of_zero_switches_its_reason_off() -> None:
    rules = FitRules(mentor=Decimal(0))
    assert one(NEUTRAL, offer(mentor=True), rules).reasons == ()


def test_the_weights_apply_as_set() -> None:
    rules = FitRules(formal_qualification=Decimal("10"), long_experience_years=Decimal("20"))
    assert weights(one(GARDENER, TRADE_CERTIFICATE, rules))[:2] == [("E3", Decimal("10")), ("E11", Decimal("2"))]


@pytest.mark.parametrize(
    "changes",
    [
        {"long_experience_years": Decimal(0)},
        {"long_experience_years": Decimal("NaN")},
        {"long_course_weeks": 0},
        {"long_course_weeks": True},
        {"mentor": Decimal("-1")},
        {"interest": Decimal("Infinity")},
        {"formal_qualification": 3},
        {"lock_in": 2.0},
    ],
)
def test_invalid_rules_are_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="must be"):
        FitRules(**changes)


def test_invalid_offers_and_profiles_are_refused() -> None:
    with pytest.raises(ValueError, match="missing prerequisites"):
        offer(met=True, missing=("B1",))
    with pytest.raises(ValueError, match="STYRK-08"):
        offer(code="63")
    with pytest.raises(ValueError, match="weeks"):
        offer(weeks=-1)
    with pytest.raises(ValueError, match="hours"):
        offer(hours="-1")
    with pytest.raises(ValueError, match="id"):
        offer(offer_id="")
    with pytest.raises(ValueError, match="STYRK-08"):
        profile(wanted_occupations=("gardener",))
    with pytest.raises(ValueError, match="STYRK-08"):
        Experience("", Decimal(1))
    with pytest.raises(ValueError, match="years"):
        Experience("6113", Decimal(-1))
    with pytest.raises(ValueError, match="twice"):
        recommend(NEUTRAL, [offer("same"), offer("same")])


# Every reason can be shown -------------------------------------------------------------------------------------------


def every_reason() -> list[Reason]:
    little = Profile(
        wanted_occupations=("6113",),
        experience=(Experience("6113", Decimal("15")),),
        education=E.PRIMARY,
        norwegian=Cefr.A1,
        digital=DigitalLevel.NONE,
        interested_in=frozenset({"practice"}),
        current_measures=(M.NORWEGIAN_COURSE,),
    )
    plain = dataclasses.replace(little, current_measures=())
    offers = [
        offer("route", "Route", M.TRADE_CERTIFICATE, code="6113", qualification="Fagbrev", norwegian=Cefr.B1),
        offer("course", "Course", M.LABOUR_MARKET_COURSE, weeks=30, digital=DigitalLevel.BASIC),
        offer("voc", "Vocational", M.VOCATIONAL_NORWEGIAN),
        offer("practice", "Practice", M.WORK_PRACTICE, code="6113", mentor=True, alone=True),
        offer("subsidy", "Subsidy", M.WAGE_SUBSIDY),
        offer("missing", "Missing", met=False, missing=("Norwegian at level B1",)),
        offer("unnamed", "Unnamed", met=False),
    ]
    return [reason for p in (little, plain) for r in recommend(p, offers) for reason in r.reasons]


def test_every_kind_of_reason_appears_in_the_sample() -> None:
    assert len({reason.text for reason in every_reason()}) == 18


def test_every_reason_cites_evidence_and_can_be_formatted() -> None:
    for reason in every_reason():
        assert re.fullmatch(r"E\d+", reason.evidence)
        assert not set(reason.params) & set(reason.labels)
        values = reason.params | reason.labels
        assert set(re.findall(r"%\((\w+)\)s", reason.text)) == set(values)
        formatted = reason.text % values
        assert "%" not in formatted
        assert all(str(value) in formatted for value in values.values())
