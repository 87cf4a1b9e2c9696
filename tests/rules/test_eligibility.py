import datetime
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kvp.rules.eligibility import (
    CONDITION_LAW,
    REASON_TEXT,
    SUMMARY_TEXT,
    Application,
    Condition,
    ConditionResult,
    EligibilityRules,
    LivelihoodBenefit,
    Outcome,
    Reason,
    Summary,
    WorkAbility,
    age_on,
    assess_eligibility,
    check_age,
    check_benefits,
    check_close_follow_up,
    check_programme_fit,
    check_residence,
    check_work_ability,
    summarise,
)

d = datetime.date
B = LivelihoodBenefit
BIRTH = d(2008, 3, 15)


def complete_application(**changes: object) -> Application:
    """An application where every condition is met; tests change one field at a time."""
    fields: dict[str, object] = {
        "birth_date": d(1990, 6, 1),
        "application_date": d(2026, 1, 5),
        "work_ability": WorkAbility.SIGNIFICANTLY_REDUCED,
        "benefits": (),
        "needs_close_follow_up": True,
        "lawful_residence_and_abode": True,
        "programme_fit": True,
    }
    fields.update(changes)
    return Application(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("birth_date", "application_date", "outcome", "reason"),
    [
        (BIRTH, d(2026, 3, 15), Outcome.MET, Reason.AGE_WITHIN_LIMITS),  # 18th birthday
        (BIRTH, d(2026, 3, 14), Outcome.NOT_MET, Reason.AGE_BELOW_MINIMUM),  # the day before
        (d(1959, 3, 15), d(2026, 3, 14), Outcome.MET, Reason.AGE_WITHIN_LIMITS),  # last day aged 66
        (d(1959, 3, 15), d(2026, 3, 15), Outcome.NOT_MET, Reason.AGE_LIMIT_REACHED),  # 67th birthday
        (d(1950, 1, 1), d(2026, 1, 5), Outcome.NOT_MET, Reason.AGE_LIMIT_REACHED),
        # Before 2019 the minimum age was 19 (S1).
        (d(2000, 5, 1), d(2018, 6, 1), Outcome.NOT_MET, Reason.AGE_BELOW_LEGACY_MINIMUM),
        (d(1999, 5, 1), d(2018, 6, 1), Outcome.MET, Reason.AGE_WITHIN_LIMITS),
        (d(2001, 5, 1), d(2018, 6, 1), Outcome.NOT_MET, Reason.AGE_BELOW_MINIMUM),
        (d(2000, 12, 31), d(2018, 12, 31), Outcome.NOT_MET, Reason.AGE_BELOW_LEGACY_MINIMUM),
        (d(2000, 12, 31), d(2019, 1, 1), Outcome.MET, Reason.AGE_WITHIN_LIMITS),  # new rule from 1.1.2019
        # Born on 29 February: the birthday falls on 1 March in a common year.
        (d(2008, 2, 29), d(2026, 2, 28), Outcome.NOT_MET, Reason.AGE_BELOW_MINIMUM),
        (d(2008, 2, 29), d(2026, 3, 1), Outcome.MET, Reason.AGE_WITHIN_LIMITS),
    ],
)
def test_it_checks_the_age_on_the_application_date(
    birth_date: datetime.date, application_date: datetime.date, outcome: Outcome, reason: Reason
) -> None:
    result = check_age(birth_date=birth_date, application_date=application_date)
    assert (result.condition, result.outcome, result.reason) == (Condition.AGE, outcome, reason)


def test_it_takes_the_age_limits_as_parameters() -> None:
    rules = EligibilityRules(max_age_exclusive=68)
    result = check_age(birth_date=d(1959, 3, 15), application_date=d(2026, 3, 15), rules=rules)
    assert result.outcome is Outcome.MET


def test_it_refuses_impossible_age_limits_and_dates() -> None:
    with pytest.raises(ValueError, match="age limits"):
        EligibilityRules(min_age=70)
    with pytest.raises(ValueError, match="before the birth date"):
        age_on(birth_date=d(2000, 1, 2), on=d(2000, 1, 1))


@pytest.mark.parametrize(
    ("work_ability", "outcome", "reason"),
    [
        (None, Outcome.NOT_MET, Reason.ASSESSMENT_MISSING),  # mandatory before start, NAV-loven § 14 a
        (WorkAbility.SIGNIFICANTLY_REDUCED, Outcome.MET, Reason.WORK_ABILITY_SIGNIFICANTLY_REDUCED),
        (WorkAbility.NOT_SIGNIFICANTLY_REDUCED, Outcome.NOT_MET, Reason.WORK_ABILITY_NOT_SIGNIFICANTLY_REDUCED),
    ],
)
def test_it_needs_a_work_ability_assessment(work_ability: WorkAbility | None, outcome: Outcome, reason: Reason) -> None:
    result = check_work_ability(work_ability=work_ability)
    assert (result.outcome, result.reason) == (outcome, reason)


@pytest.mark.parametrize(
    ("benefits", "outcome", "reason"),
    [
        ((), Outcome.MET, Reason.NO_BENEFITS),
        (((B.DAGPENGER, 0),), Outcome.MET, Reason.NO_BENEFITS),  # a zero amount is no benefit
        (((B.BARNEPENSJON, 3_600_000),), Outcome.NEEDS_JUDGEMENT, Reason.BENEFITS_TO_ASSESS),
        (((B.DAGPENGER, 15_000_000),), Outcome.NEEDS_JUDGEMENT, Reason.BENEFITS_TO_ASSESS),
        ((("kommunal ytelse", 100),), Outcome.NEEDS_JUDGEMENT, Reason.BENEFITS_TO_ASSESS),
        (((B.ARBEIDSAVKLARINGSPENGER, 25_000_000),), Outcome.NOT_MET, Reason.EXCLUDING_BENEFIT),
        (((B.UFORETRYGD, 30_000_000),), Outcome.NOT_MET, Reason.EXCLUDING_BENEFIT),
        ((("uforetrygd", 30_000_000),), Outcome.NOT_MET, Reason.EXCLUDING_BENEFIT),  # plain strings work too
        (((B.SYKEPENGER, 500_000), (B.ARBEIDSAVKLARINGSPENGER, 1)), Outcome.NOT_MET, Reason.EXCLUDING_BENEFIT),
        (((B.UFORETRYGD, 0), (B.SYKEPENGER, 500_000)), Outcome.NEEDS_JUDGEMENT, Reason.BENEFITS_TO_ASSESS),
    ],
)
def test_it_leaves_benefits_to_judgement_unless_they_exclude(
    benefits: tuple[tuple[str, int], ...], outcome: Outcome, reason: Reason
) -> None:
    result = check_benefits(benefits=benefits)
    assert (result.condition, result.outcome, result.reason) == (Condition.BENEFITS, outcome, reason)


def test_it_takes_the_excluding_benefits_as_a_parameter() -> None:
    rules = EligibilityRules(excluding_benefits=frozenset({B.DAGPENGER}))
    assert check_benefits(benefits=((B.DAGPENGER, 1),), rules=rules).outcome is Outcome.NOT_MET
    assert check_benefits(benefits=((B.UFORETRYGD, 1),), rules=rules).outcome is Outcome.NEEDS_JUDGEMENT


def test_it_refuses_a_negative_benefit_amount() -> None:
    with pytest.raises(ValueError, match="negative"):
        check_benefits(benefits=((B.DAGPENGER, -1),))


JUDGED: dict[Condition, Callable[[bool | None], ConditionResult]] = {
    Condition.CLOSE_FOLLOW_UP: lambda value: check_close_follow_up(needs_close_follow_up=value),
    Condition.RESIDENCE: lambda value: check_residence(lawful_residence_and_abode=value),
    Condition.PROGRAMME_FIT: lambda value: check_programme_fit(programme_fit=value),
}


@pytest.mark.parametrize(
    ("condition", "value", "outcome", "reason"),
    [
        (Condition.CLOSE_FOLLOW_UP, None, Outcome.NEEDS_JUDGEMENT, Reason.FOLLOW_UP_NOT_ASSESSED),
        (Condition.CLOSE_FOLLOW_UP, True, Outcome.MET, Reason.NEEDS_CLOSE_FOLLOW_UP),
        (Condition.CLOSE_FOLLOW_UP, False, Outcome.NOT_MET, Reason.NO_NEED_FOR_CLOSE_FOLLOW_UP),
        (Condition.RESIDENCE, None, Outcome.NEEDS_JUDGEMENT, Reason.RESIDENCE_NOT_RECORDED),
        (Condition.RESIDENCE, True, Outcome.MET, Reason.RESIDES_LAWFULLY),
        (Condition.RESIDENCE, False, Outcome.NOT_MET, Reason.NO_LAWFUL_RESIDENCE),
        (Condition.PROGRAMME_FIT, None, Outcome.NEEDS_JUDGEMENT, Reason.FIT_NOT_JUDGED),
        (Condition.PROGRAMME_FIT, True, Outcome.MET, Reason.JUDGED_FIT),
        (Condition.PROGRAMME_FIT, False, Outcome.NOT_MET, Reason.JUDGED_NOT_FIT),
    ],
)
def test_it_maps_recorded_judgements_to_outcomes(
    condition: Condition, value: bool | None, outcome: Outcome, reason: Reason
) -> None:
    result = JUDGED[condition](value)
    assert (result.condition, result.outcome, result.reason) == (condition, outcome, reason)


@pytest.mark.parametrize(
    ("changes", "summary"),
    [
        ({}, Summary.APPEARS_MET),
        ({"programme_fit": None}, Summary.NEEDS_JUDGEMENT),  # skjønn not yet exercised
        ({"benefits": ((B.SYKEPENGER, 500_000),)}, Summary.NEEDS_JUDGEMENT),
        ({"lawful_residence_and_abode": None, "needs_close_follow_up": None}, Summary.NEEDS_JUDGEMENT),
        ({"work_ability": None}, Summary.NOT_MET),
        ({"work_ability": None, "programme_fit": None}, Summary.NOT_MET),  # NOT_MET wins over judgement
        ({"application_date": d(2008, 6, 1)}, Summary.NOT_MET),  # aged 18 before 2019
        ({"benefits": ((B.UFORETRYGD, 30_000_000),)}, Summary.NOT_MET),
    ],
)
def test_it_summarises_the_conditions(changes: dict[str, object], summary: Summary) -> None:
    assert assess_eligibility(application=complete_application(**changes)).summary is summary


def test_it_lists_every_condition_once_in_order_with_its_law() -> None:
    result = assess_eligibility(application=complete_application(work_ability=None))
    assert [c.condition for c in result.conditions] == list(Condition)
    assert result.for_condition(Condition.WORK_ABILITY).reason is Reason.ASSESSMENT_MISSING
    assert "NAV-loven § 14 a" in result.for_condition(Condition.WORK_ABILITY).law


def test_it_never_grants() -> None:
    assert {s.value for s in Summary} == {"not_met", "needs_judgement", "appears_met"}
    assert "judgement" in SUMMARY_TEXT[Summary.APPEARS_MET]


@pytest.mark.parametrize(
    ("table", "keys"),
    [(REASON_TEXT, set(Reason)), (CONDITION_LAW, set(Condition)), (SUMMARY_TEXT, set(Summary))],
)
def test_it_explains_every_code(table: dict[object, str], keys: set[object]) -> None:
    assert set(table) == keys
    assert all(text.strip() and "\n" not in text for text in table.values())


def test_it_cites_the_law_for_every_condition() -> None:
    assert all("§" in law or "S2" in law for law in CONDITION_LAW.values())


outcomes = st.sampled_from(list(Outcome))


@given(st.lists(outcomes, max_size=8))
def test_it_summarises_by_the_worst_outcome(values: list[Outcome]) -> None:
    summary = summarise(values)
    assert (summary is Summary.NOT_MET) == (Outcome.NOT_MET in values)
    assert (summary is Summary.APPEARS_MET) == all(v is Outcome.MET for v in values)


applications = st.builds(
    Application,
    birth_date=st.dates(min_value=d(1940, 1, 1), max_value=d(2010, 12, 31)),
    application_date=st.dates(min_value=d(2015, 1, 1), max_value=d(2035, 12, 31)),
    work_ability=st.none() | st.sampled_from(list(WorkAbility)),
    benefits=st.lists(
        st.tuples(st.sampled_from(list(B)), st.integers(min_value=0, max_value=50_000_000)), max_size=3
    ).map(tuple),
    needs_close_follow_up=st.none() | st.booleans(),
    lawful_residence_and_abode=st.none() | st.booleans(),
    programme_fit=st.none() | st.booleans(),
)


@given(applications)
def test_it_appears_met_only_when_every_condition_is_met(application: Application) -> None:
    if application.application_date < application.birth_date:
        with pytest.raises(ValueError, match="before the birth date"):
            assess_eligibility(application=application)
        return
    result = assess_eligibility(application=application)
    assert [c.condition for c in result.conditions] == list(Condition)
    met = all(c.outcome is Outcome.MET for c in result.conditions)
    assert (result.summary is Summary.APPEARS_MET) == met
    assert result.summary == summarise(c.outcome for c in result.conditions)


@given(
    birth_date=st.dates(min_value=d(1940, 1, 1), max_value=d(2010, 12, 31)),
    application_date=st.dates(min_value=d(2019, 1, 1), max_value=d(2035, 12, 31)),
)
def test_it_is_eligible_from_the_18th_to_the_day_before_the_67th_birthday(
    birth_date: datetime.date, application_date: datetime.date
) -> None:
    if application_date < birth_date:
        return

    def birthday(years: int) -> datetime.date:  # 29 February birthdays fall on 1 March in common years
        try:
            return birth_date.replace(year=birth_date.year + years)
        except ValueError:
            return d(birth_date.year + years, 3, 1)

    expected = birthday(18) <= application_date < birthday(67)
    result = check_age(birth_date=birth_date, application_date=application_date)
    assert (result.outcome is Outcome.MET) == expected
