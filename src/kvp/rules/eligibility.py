"""Entry conditions for the qualification programme, sosialtjenesteloven § 29 (S1, S2, S12, S17).

The rule never decides alone. Each condition comes out as MET, NOT_MET or NEEDS_JUDGEMENT with a
reason code; the best overall result is "conditions appear met - the counsellor's judgement is
required". A grant is always the counsellor's reasoned vedtak (sotjl. § 29, kap. 5; S13, S20).

Reason codes are translated by the Django layer: REASON_TEXT gives a short English explanation per
code, usable as a gettext msgid. Unverified rules ([U]) are parameters of
EligibilityRules with documented defaults, never hidden constants.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from kvp.rules.texts import N_


class Condition(StrEnum):
    AGE = "age"
    WORK_ABILITY = "work_ability"
    BENEFITS = "benefits"
    CLOSE_FOLLOW_UP = "close_follow_up"
    RESIDENCE = "residence"
    PROGRAMME_FIT = "programme_fit"


# Where each condition comes from. S-codes: see the list of sources (kvp/sources.md).
CONDITION_LAW: dict[Condition, str] = {
    Condition.AGE: "sotjl. § 29 (yrkesaktiv alder); lower limit 18 from 1.1.2019, 19 before (S1, S2, S12)",
    Condition.WORK_ABILITY: "sotjl. § 29 (vesentlig nedsatt arbeids- og inntektsevne); NAV-loven § 14 a (S2, S16, S17)",
    Condition.BENEFITS: "sotjl. § 29 (ingen eller svært begrensede ytelser); Rundskriv R35 pkt. 4.29.1.7 (S12)",
    Condition.CLOSE_FOLLOW_UP: "sotjl. § 29 (behov for tett individuell oppfølging) (S2)",
    Condition.RESIDENCE: "Lovlig opphold og fast bopel i Norge (S2); legal basis unverified [U]",
    Condition.PROGRAMME_FIT: "sotjl. § 29 (hensiktsmessig og nødvendig, skjønn) (S17)",
}


class Outcome(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    NEEDS_JUDGEMENT = "needs_judgement"


class Summary(StrEnum):
    """The overall result. There is deliberately no "granted": only a vedtak grants."""

    NOT_MET = "not_met"
    NEEDS_JUDGEMENT = "needs_judgement"
    APPEARS_MET = "appears_met"


class Reason(StrEnum):
    AGE_WITHIN_LIMITS = "age_within_limits"
    AGE_BELOW_MINIMUM = "age_below_minimum"
    AGE_BELOW_LEGACY_MINIMUM = "age_below_legacy_minimum"
    AGE_LIMIT_REACHED = "age_limit_reached"
    ASSESSMENT_MISSING = "assessment_missing"
    WORK_ABILITY_SIGNIFICANTLY_REDUCED = "work_ability_significantly_reduced"
    WORK_ABILITY_NOT_SIGNIFICANTLY_REDUCED = "work_ability_not_significantly_reduced"
    NO_BENEFITS = "no_benefits"
    BENEFITS_TO_ASSESS = "benefits_to_assess"
    EXCLUDING_BENEFIT = "excluding_benefit"
    FOLLOW_UP_NOT_ASSESSED = "follow_up_not_assessed"
    NEEDS_CLOSE_FOLLOW_UP = "needs_close_follow_up"
    NO_NEED_FOR_CLOSE_FOLLOW_UP = "no_need_for_close_follow_up"
    RESIDENCE_NOT_RECORDED = "residence_not_recorded"
    RESIDES_LAWFULLY = "resides_lawfully"
    NO_LAWFUL_RESIDENCE = "no_lawful_residence"
    FIT_NOT_JUDGED = "fit_not_judged"
    JUDGED_FIT = "judged_fit"
    JUDGED_NOT_FIT = "judged_not_fit"


# Short plain-English explanations; the Django layer marks them for translation (gettext msgids).
REASON_TEXT: dict[Reason, str] = {
    Reason.AGE_WITHIN_LIMITS: N_("The applicant is within the age limits on the application date."),
    Reason.AGE_BELOW_MINIMUM: N_("The applicant is under the minimum age on the application date."),
    Reason.AGE_BELOW_LEGACY_MINIMUM: N_("Before 2019 the minimum age was 19, and the applicant was younger."),
    Reason.AGE_LIMIT_REACHED: N_("The applicant has reached the upper age limit on the application date."),
    Reason.ASSESSMENT_MISSING: N_(
        "No work ability assessment is recorded. It is required before the programme starts."
    ),
    Reason.WORK_ABILITY_SIGNIFICANTLY_REDUCED: N_(
        "The work ability assessment found significantly reduced work ability."
    ),
    Reason.WORK_ABILITY_NOT_SIGNIFICANTLY_REDUCED: N_(
        "The work ability assessment did not find significantly reduced work ability."
    ),
    Reason.NO_BENEFITS: N_("The applicant has no benefits to live on."),
    Reason.BENEFITS_TO_ASSESS: N_(
        "The applicant has benefits. The counsellor must judge whether they are very limited, "
        "for example at or below the guiding norm."
    ),
    Reason.EXCLUDING_BENEFIT: N_("The applicant has a benefit that by itself rules out the programme."),
    Reason.FOLLOW_UP_NOT_ASSESSED: N_("The need for close follow-up has not been assessed."),
    Reason.NEEDS_CLOSE_FOLLOW_UP: N_("The applicant needs close individual follow-up."),
    Reason.NO_NEED_FOR_CLOSE_FOLLOW_UP: N_("The applicant does not need close individual follow-up."),
    Reason.RESIDENCE_NOT_RECORDED: N_("Lawful residence and a fixed address in Norway are not recorded."),
    Reason.RESIDES_LAWFULLY: N_("The applicant lives lawfully in Norway with a fixed address."),
    Reason.NO_LAWFUL_RESIDENCE: N_("The applicant does not have lawful residence and a fixed address in Norway."),
    Reason.FIT_NOT_JUDGED: N_("The counsellor has not yet judged whether the programme is suitable and necessary."),
    Reason.JUDGED_FIT: N_("The counsellor judged the programme suitable and necessary."),
    Reason.JUDGED_NOT_FIT: N_("The counsellor judged the programme not suitable or not necessary."),
}

SUMMARY_TEXT: dict[Summary, str] = {
    Summary.NOT_MET: N_("At least one condition is not met."),
    Summary.NEEDS_JUDGEMENT: N_("Some conditions need the counsellor's judgement."),
    Summary.APPEARS_MET: N_("The conditions appear to be met. The counsellor's judgement is still required."),
}


class WorkAbility(StrEnum):
    """Result of the arbeidsevnevurdering (NAV-loven § 14 a)."""

    SIGNIFICANTLY_REDUCED = "significantly_reduced"
    NOT_SIGNIFICANTLY_REDUCED = "not_significantly_reduced"


class LivelihoodBenefit(StrEnum):
    """Common benefits to live on (folketrygdloven / arbeidsmarkedsloven). Any other str is accepted too."""

    ARBEIDSAVKLARINGSPENGER = "arbeidsavklaringspenger"
    UFORETRYGD = "uforetrygd"
    DAGPENGER = "dagpenger"
    SYKEPENGER = "sykepenger"
    FORELDREPENGER = "foreldrepenger"
    TILTAKSPENGER = "tiltakspenger"
    OVERGANGSSTONAD = "overgangsstonad"
    BARNEPENSJON = "barnepensjon"  # may qualify; judged as "very limited" or not (S12, direktorat 28.5.2024)
    OTHER = "other"


@dataclass(frozen=True, kw_only=True)
class EligibilityRules:
    """Parameters of the § 29 check. Documented defaults; [U] marks an unverified choice.

    - min_age=18: eligible from the 18th birthday (sotjl. § 29 as amended 1.1.2019, S1).
    - legacy_min_age=19 for applications before legacy_until=2019-01-01 (S1, S16).
    - max_age_exclusive=67 [U]: "yrkesaktiv alder" (S2) read as eligible until the day before the
      67th birthday, when old-age pension options start; not eligible from the 67th birthday.
    - excluding_benefits [U]: kinds that by themselves mean the benefit condition is not met.
      Default arbeidsavklaringspenger and uføretrygd (full benefits to live on); every other
      benefit is left to the counsellor's judgement (R35 pkt. 4.29.1.7, S12).
    """

    min_age: int = 18
    legacy_min_age: int = 19
    legacy_until: datetime.date = datetime.date(2019, 1, 1)
    max_age_exclusive: int = 67
    excluding_benefits: frozenset[str] = field(
        default_factory=lambda: frozenset({LivelihoodBenefit.ARBEIDSAVKLARINGSPENGER, LivelihoodBenefit.UFORETRYGD})
    )

    def __post_init__(self) -> None:
        if not 0 < self.min_age < self.max_age_exclusive or not 0 < self.legacy_min_age < self.max_age_exclusive:
            raise ValueError("age limits must satisfy 0 < minimum < max_age_exclusive")


DEFAULT_ELIGIBILITY_RULES = EligibilityRules()


@dataclass(frozen=True, kw_only=True)
class Application:
    """What the counsellor has recorded. None means "not recorded / not yet judged".

    benefits: (kind, yearly amount in øre) pairs; kinds are LivelihoodBenefit values or other strings.
    """

    birth_date: datetime.date
    application_date: datetime.date
    work_ability: WorkAbility | None = None
    benefits: tuple[tuple[str, int], ...] = ()
    needs_close_follow_up: bool | None = None
    lawful_residence_and_abode: bool | None = None
    programme_fit: bool | None = None  # the counsellor's judgement (skjønn), S17


@dataclass(frozen=True)
class ConditionResult:
    condition: Condition
    outcome: Outcome
    reason: Reason

    @property
    def law(self) -> str:
        return CONDITION_LAW[self.condition]


@dataclass(frozen=True)
class EligibilityResult:
    conditions: tuple[ConditionResult, ...]
    summary: Summary

    def for_condition(self, condition: Condition) -> ConditionResult:
        return next(result for result in self.conditions if result.condition is condition)


def age_on(*, birth_date: datetime.date, on: datetime.date) -> int:
    """Completed years on `on`. Someone born 29 February has their birthday on 1 March in common years."""
    if on < birth_date:
        raise ValueError("date is before the birth date")
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


def check_age(
    *, birth_date: datetime.date, application_date: datetime.date, rules: EligibilityRules = DEFAULT_ELIGIBILITY_RULES
) -> ConditionResult:
    """Age on the application date: 18 (19 before 2019) up to, not including, 67. sotjl. § 29, S1, S2."""
    age = age_on(birth_date=birth_date, on=application_date)
    legacy = application_date < rules.legacy_until
    if legacy and age < rules.legacy_min_age:
        reason = Reason.AGE_BELOW_MINIMUM if age < rules.min_age else Reason.AGE_BELOW_LEGACY_MINIMUM
        return ConditionResult(Condition.AGE, Outcome.NOT_MET, reason)
    if age < rules.min_age:
        return ConditionResult(Condition.AGE, Outcome.NOT_MET, Reason.AGE_BELOW_MINIMUM)
    if age >= rules.max_age_exclusive:
        return ConditionResult(Condition.AGE, Outcome.NOT_MET, Reason.AGE_LIMIT_REACHED)
    return ConditionResult(Condition.AGE, Outcome.MET, Reason.AGE_WITHIN_LIMITS)


def check_work_ability(*, work_ability: WorkAbility | None) -> ConditionResult:
    """Significantly reduced work and income ability, from the mandatory assessment (NAV-loven § 14 a, S2)."""
    if work_ability is None:
        return ConditionResult(Condition.WORK_ABILITY, Outcome.NOT_MET, Reason.ASSESSMENT_MISSING)
    if work_ability is WorkAbility.SIGNIFICANTLY_REDUCED:
        return ConditionResult(Condition.WORK_ABILITY, Outcome.MET, Reason.WORK_ABILITY_SIGNIFICANTLY_REDUCED)
    return ConditionResult(Condition.WORK_ABILITY, Outcome.NOT_MET, Reason.WORK_ABILITY_NOT_SIGNIFICANTLY_REDUCED)


def check_benefits(
    *, benefits: Iterable[tuple[str, int]], rules: EligibilityRules = DEFAULT_ELIGIBILITY_RULES
) -> ConditionResult:
    """No or very limited benefits to live on (sotjl. § 29; R35 pkt. 4.29.1.7, S12).

    No benefit: met. An excluding kind (parameter, [U]): not met. Any other benefit: the counsellor
    judges whether it is "very limited" (discretionary). A recorded amount of 0 counts as no benefit.
    """
    paid: list[str] = []
    for kind, yearly_ore in benefits:
        if yearly_ore < 0:
            raise ValueError(f"negative yearly amount for benefit {kind!r}")
        if yearly_ore > 0:
            paid.append(kind)
    if not paid:
        return ConditionResult(Condition.BENEFITS, Outcome.MET, Reason.NO_BENEFITS)
    if any(kind in rules.excluding_benefits for kind in paid):
        return ConditionResult(Condition.BENEFITS, Outcome.NOT_MET, Reason.EXCLUDING_BENEFIT)
    return ConditionResult(Condition.BENEFITS, Outcome.NEEDS_JUDGEMENT, Reason.BENEFITS_TO_ASSESS)


def check_close_follow_up(*, needs_close_follow_up: bool | None) -> ConditionResult:
    """Need for close individual follow-up (sotjl. § 29, S2)."""
    if needs_close_follow_up is None:
        return ConditionResult(Condition.CLOSE_FOLLOW_UP, Outcome.NEEDS_JUDGEMENT, Reason.FOLLOW_UP_NOT_ASSESSED)
    if needs_close_follow_up:
        return ConditionResult(Condition.CLOSE_FOLLOW_UP, Outcome.MET, Reason.NEEDS_CLOSE_FOLLOW_UP)
    return ConditionResult(Condition.CLOSE_FOLLOW_UP, Outcome.NOT_MET, Reason.NO_NEED_FOR_CLOSE_FOLLOW_UP)


def check_residence(*, lawful_residence_and_abode: bool | None) -> ConditionResult:
    """Lawful residence and fixed abode in Norway (S2; legal basis [U])."""
    if lawful_residence_and_abode is None:
        return ConditionResult(Condition.RESIDENCE, Outcome.NEEDS_JUDGEMENT, Reason.RESIDENCE_NOT_RECORDED)
    if lawful_residence_and_abode:
        return ConditionResult(Condition.RESIDENCE, Outcome.MET, Reason.RESIDES_LAWFULLY)
    return ConditionResult(Condition.RESIDENCE, Outcome.NOT_MET, Reason.NO_LAWFUL_RESIDENCE)


def check_programme_fit(*, programme_fit: bool | None) -> ConditionResult:
    """Programme "hensiktsmessig og nødvendig" (sotjl. § 29, S17): only the counsellor's judgement decides."""
    if programme_fit is None:
        return ConditionResult(Condition.PROGRAMME_FIT, Outcome.NEEDS_JUDGEMENT, Reason.FIT_NOT_JUDGED)
    if programme_fit:
        return ConditionResult(Condition.PROGRAMME_FIT, Outcome.MET, Reason.JUDGED_FIT)
    return ConditionResult(Condition.PROGRAMME_FIT, Outcome.NOT_MET, Reason.JUDGED_NOT_FIT)


def summarise(outcomes: Iterable[Outcome]) -> Summary:
    """Any NOT_MET → not_met; else any NEEDS_JUDGEMENT → needs_judgement; else appears_met (sotjl. § 29)."""
    seen = set(outcomes)
    if Outcome.NOT_MET in seen:
        return Summary.NOT_MET
    if Outcome.NEEDS_JUDGEMENT in seen:
        return Summary.NEEDS_JUDGEMENT
    return Summary.APPEARS_MET


def assess_eligibility(
    *, application: Application, rules: EligibilityRules = DEFAULT_ELIGIBILITY_RULES
) -> EligibilityResult:
    """Every § 29 condition, in Condition order, and the overall summary (never a grant)."""
    conditions = (
        check_age(birth_date=application.birth_date, application_date=application.application_date, rules=rules),
        check_work_ability(work_ability=application.work_ability),
        check_benefits(benefits=application.benefits, rules=rules),
        check_close_follow_up(needs_close_follow_up=application.needs_close_follow_up),
        check_residence(lawful_residence_and_abode=application.lawful_residence_and_abode),
        check_programme_fit(programme_fit=application.programme_fit),
    )
    return EligibilityResult(conditions=conditions, summary=summarise(result.outcome for result in conditions))
