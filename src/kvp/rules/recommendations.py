"""Recommendations: the catalogue's offers ranked for one participant, each explained by the evidence it
rests on (E1, E3, E4, E5, E8, E9, E11, E14).

The ranking is additive and transparent: every contribution to an offer's score is a `Reason` with its
signed weight and the evidence item it cites, and the score is the sum of the weights. The profile holds
only what the participant's goals and mapping record: wanted occupations, work experience, education,
Norwegian and digital level, the offers they said they are interested in, and the measures already
running. It has no field for country of birth, nationality, ethnicity or religion, so a recommendation
cannot depend on them (E11: recommend by education, experience, language level and goals).

Messages are English msgids marked with `N_`; the app translates them and the values named in
`Reason.labels`, then formats the message with `params | labels`. Occupation titles are STYRK-08's
Norwegian titles (data, shown as they are).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from decimal import Decimal
from enum import StrEnum

from kvp.rules import occupations
from kvp.rules.measures import MeasureType
from kvp.rules.practice_flags import COURSES
from kvp.rules.skills import DIGITAL_LABELS, Cefr, DigitalLevel
from kvp.rules.texts import N_

Param = str | int | Decimal  # a value shown in a message


class EducationLevel(StrEnum):
    """The highest completed education; the values match plans.Education.Level, and NONE is no schooling."""

    NONE = "none"
    PRIMARY = "primary"
    LOWER_SECONDARY = "lower_secondary"
    UPPER_SECONDARY = "upper_secondary"
    VOCATIONAL = "vocational"
    BACHELOR = "bachelor"
    MASTER = "master"


# E11: people with little education benefit especially from training.
LITTLE_EDUCATION = frozenset({EducationLevel.NONE, EducationLevel.PRIMARY, EducationLevel.LOWER_SECONDARY})
# Measures that teach: the courses, vocational Norwegian, education and the routes to a qualification (E11).
TRAINING = (COURSES - {MeasureType.MASTERY_COURSE}) | {
    MeasureType.VOCATIONAL_NORWEGIAN,
    MeasureType.TRADE_CERTIFICATE,
    MeasureType.DRIVING_LICENCE,
    MeasureType.EDUCATION,
}
# Norwegian training that turns a work practice alongside it into "practice combined with training" (E11).
LANGUAGE_TRAINING = frozenset({MeasureType.NORWEGIAN_COURSE, MeasureType.VOCATIONAL_NORWEGIAN})


def _years(value: Decimal) -> bool:
    return isinstance(value, Decimal) and value.is_finite() and value >= 0


@dataclass(frozen=True)
class Experience:
    """Work experience in one occupation (STYRK-08 code), in years."""

    occupation_code: str
    years: Decimal

    def __post_init__(self) -> None:
        if not occupations.is_valid_code(self.occupation_code):
            raise ValueError(f"{self.occupation_code!r} is not a STYRK-08 occupation code")
        if not _years(self.years):
            raise ValueError("years of experience must be a number of at least 0")


@dataclass(frozen=True)
class Profile:
    """What a recommendation may know about the participant. Nothing about origin, nationality, ethnicity
    or religion: the type has no such field (E11)."""

    wanted_occupations: tuple[str, ...]  # STYRK-08 codes the participant wants to work in (goals, mapping)
    experience: tuple[Experience, ...]
    education: EducationLevel | None  # None: not mapped
    norwegian: Cefr | None  # the lowest recorded of the four skills; None: not mapped
    digital: DigitalLevel | None  # None: not mapped
    interested_in: frozenset[str]  # offer ids the participant said "I'm interested" in (E1)
    current_measures: tuple[MeasureType, ...]  # what the plan already has running

    def __post_init__(self) -> None:
        for code in self.wanted_occupations:
            if not occupations.is_valid_code(code):
                raise ValueError(f"the wanted occupation {code!r} is not a STYRK-08 occupation code")


@dataclass(frozen=True)
class OfferFacts:
    """One offer in the catalogue, as the recommendation needs it. The caller decides whether the
    participant meets the offer's prerequisites and names the unmet ones with N_ labels (E5)."""

    offer_id: str
    title: str
    measure_type: MeasureType
    occupation_code: str  # STYRK-08; "" if the offer is not tied to an occupation
    formal_qualification: str  # the qualification it gives; "" = none
    norwegian_needed: Cefr | None
    digital_needed: DigitalLevel | None
    mentor: bool
    works_alone: bool
    hours_per_week: Decimal
    weeks: int
    prerequisites_met: bool
    missing: tuple[str, ...] = ()  # N_ labels of the unmet prerequisites

    def __post_init__(self) -> None:
        if not self.offer_id:
            raise ValueError("an offer needs an id")
        if self.occupation_code and not occupations.is_valid_code(self.occupation_code):
            raise ValueError(f"the offer {self.title!r} has an invalid STYRK-08 code {self.occupation_code!r}")
        if not _years(self.hours_per_week):
            raise ValueError(f"the offer {self.title!r} has a negative or invalid number of hours per week")
        if isinstance(self.weeks, bool) or not isinstance(self.weeks, int) or self.weeks < 0:
            raise ValueError(f"the offer {self.title!r} has a negative or invalid number of weeks")
        if self.prerequisites_met and self.missing:
            raise ValueError(f"the offer {self.title!r} lists missing prerequisites but says they are met")


@dataclass(frozen=True)
class Reason:
    """One contribution to an offer's score. To show it: translate `text` and each value of `labels`, then
    `text % (params | translated labels)`."""

    text: str  # an N_ text with %(name)s placeholders
    params: dict[str, Param]  # data values: the app formats numbers for the reader
    labels: dict[str, str]  # N_ texts the app translates before formatting
    evidence: str  # the evidence code it rests on (E1-E19)
    weight: Decimal  # its contribution to the score, signed


@dataclass(frozen=True)
class Recommendation:
    offer_id: str
    score: Decimal  # the sum of the reasons' weights
    reasons: tuple[Reason, ...]
    available: bool  # the participant meets the offer's prerequisites


@dataclass(frozen=True)
class RecommendationRules:
    """Weights an administrator may change: each is the size of one contribution (the sign is the rule's),
    and 0 switches that contribution off. The defaults are [U] our own, set so that a qualification and the
    experience route outweigh more practice in work already mastered (E3, E4)."""

    long_experience_years: Decimal = Decimal("5")  # E4: experience that can count towards a trade certificate
    long_course_weeks: int = 26  # E9: a course longer than this without a qualification risks lock-in
    formal_qualification: Decimal = Decimal("3")  # E3 plus
    experience_route: Decimal = Decimal("4")  # E4 plus: trade certificate in the field of long experience
    practice_already_mastered: Decimal = Decimal("3")  # E4 minus: work practice in that field, no qualification
    vocational_norwegian: Decimal = Decimal("2")  # E9 plus, for Norwegian below B1
    lock_in: Decimal = Decimal("2")  # E9 minus: a long course without a qualification
    training_first: Decimal = Decimal("2")  # E11 plus: training for a person with little education
    plain_practice: Decimal = Decimal("1")  # E11 minus: practice without training, little education
    practice_with_training: Decimal = Decimal("1.5")  # E11 plus: work practice alongside Norwegian training
    wage_subsidy: Decimal = Decimal("2")  # E11 plus: resembles an ordinary job
    goal_per_level: Decimal = Decimal("1")  # E1 plus per closeness level above 1 (unit 3, minor 2, sub-major 1)
    experience_per_level: Decimal = Decimal("0.5")  # E8 plus per closeness level above 1
    norwegian_gap_per_level: Decimal = Decimal("1.5")  # E14 minus per CEFR level missing
    digital_gap_per_level: Decimal = Decimal("1")  # E14 minus per digital level missing
    works_alone: Decimal = Decimal("1.5")  # E14 minus: works alone, Norwegian below B1
    mentor: Decimal = Decimal("1")  # E8 plus
    interest: Decimal = Decimal("2")  # E1 plus: the participant said they are interested

    def __post_init__(self) -> None:
        if not isinstance(self.long_experience_years, Decimal) or not (
            self.long_experience_years.is_finite() and self.long_experience_years > 0
        ):
            raise ValueError("long_experience_years must be a number above 0")
        weeks = self.long_course_weeks
        if isinstance(weeks, bool) or not isinstance(weeks, int) or weeks < 1:
            raise ValueError("long_course_weeks must be a whole number of at least 1")
        for field in fields(self):
            if field.name in ("long_experience_years", "long_course_weeks"):
                continue
            value = getattr(self, field.name)
            if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
                raise ValueError(f"the weight {field.name} must be a number of at least 0")


DEFAULT_RECOMMENDATION_RULES = RecommendationRules()

_B1 = Cefr.B1


def recommend(
    profile: Profile, offers: Sequence[OfferFacts], rules: RecommendationRules = DEFAULT_RECOMMENDATION_RULES
) -> list[Recommendation]:
    """The offers ranked for the participant: available ones first, then by score (highest first), then by
    title and id. Offers whose prerequisites are not met come last, with a reason per missing prerequisite
    (E5) and only their minuses, never a plus."""
    seen: set[str] = set()
    for offer in offers:
        if offer.offer_id in seen:
            raise ValueError(f"the offer id {offer.offer_id!r} appears twice")
        seen.add(offer.offer_id)
    ranked: list[tuple[tuple[bool, Decimal, str, str], Recommendation]] = []
    for offer in offers:
        reasons = [reason for reason in _reasons(profile, offer, rules) if reason.weight != 0]
        if not offer.prerequisites_met:
            reasons = _missing(offer) + [reason for reason in reasons if reason.weight < 0]
        score = sum((reason.weight for reason in reasons), Decimal(0))
        recommendation = Recommendation(offer.offer_id, score, tuple(reasons), offer.prerequisites_met)
        ranked.append(((not offer.prerequisites_met, -score, offer.title, offer.offer_id), recommendation))
    ranked.sort(key=lambda pair: pair[0])
    return [recommendation for _, recommendation in ranked]


def _missing(offer: OfferFacts) -> list[Reason]:
    """One reason per unmet prerequisite (E5); they explain why the offer is not available and weigh 0."""
    if not offer.missing:
        return [
            Reason(
                text=N_("Not available yet: a requirement for this offer is not met."),
                params={},
                labels={},
                evidence="E5",
                weight=Decimal(0),
            )
        ]
    return [
        Reason(
            text=N_("Not available yet: this offer requires “%(requirement)s”, which is not met."),
            params={},
            labels={"requirement": requirement},
            evidence="E5",
            weight=Decimal(0),
        )
        for requirement in offer.missing
    ]


def _years_in_field(profile: Profile, code: str) -> Decimal:
    """Years of experience in the offer's occupation field: the same minor group or closer (E4)."""
    return sum(
        (e.years for e in profile.experience if occupations.same_field(e.occupation_code, code) >= 3),
        Decimal(0),
    )


def _reasons(profile: Profile, offer: OfferFacts, rules: RecommendationRules) -> list[Reason]:
    """Every contribution, in this order: E3, E4, E9, E11, goals and experience (E1, E8), E14, mentor (E8),
    interest (E1)."""
    reasons: list[Reason] = []
    add = reasons.append
    measure = offer.measure_type
    code = offer.occupation_code
    little_education = profile.education in LITTLE_EDUCATION
    # The participant's Norwegian level when it is below B1, else None (not mapped, or B1 and above).
    below_b1 = profile.norwegian if profile.norwegian is not None and profile.norwegian.rank < _B1.rank else None

    # E3: short, relevant, formal qualifications.
    if offer.formal_qualification:
        add(
            Reason(
                text=N_(
                    "Gives a formal qualification: %(qualification)s. Qualifications with formal value help in "
                    "getting work."
                ),
                params={"qualification": offer.formal_qualification},
                labels={},
                evidence="E3",
                weight=rules.formal_qualification,
            )
        )

    # E4: long experience can count towards a trade certificate; more practice in it rarely leads to a job.
    years = _years_in_field(profile, code) if code else Decimal(0)
    if years >= rules.long_experience_years:
        params: dict[str, Param] = {"years": years, "occupation": occupations.title(code)}
        if measure is MeasureType.TRADE_CERTIFICATE:
            add(
                Reason(
                    text=N_(
                        "%(years)s years of work experience as %(occupation)s can count towards a trade "
                        "certificate as a praksiskandidat (the experience route)."
                    ),
                    params=params,
                    labels={},
                    evidence="E4",
                    weight=rules.experience_route,
                )
            )
        elif measure is MeasureType.WORK_PRACTICE and not offer.formal_qualification:
            add(
                Reason(
                    text=N_(
                        "The participant already has %(years)s years of work experience as %(occupation)s. More "
                        "practice in work already mastered rarely leads to a job without a qualification."
                    ),
                    params=params,
                    labels={},
                    evidence="E4",
                    weight=-rules.practice_already_mastered,
                )
            )

    # E9: vocational Norwegian works; long courses lock people in.
    if measure is MeasureType.VOCATIONAL_NORWEGIAN and below_b1 is not None:
        add(
            Reason(
                text=N_(
                    "Vocational Norwegian combines language practice at a workplace with tuition, which works "
                    "well for a participant at Norwegian level %(level)s."
                ),
                params={},
                labels={"level": below_b1.label},
                evidence="E9",
                weight=rules.vocational_norwegian,
            )
        )
    if measure in COURSES and offer.weeks > rules.long_course_weeks and not offer.formal_qualification:
        add(
            Reason(
                text=N_(
                    "A long course (%(weeks)s weeks) without a formal qualification keeps the participant away "
                    "from work for a long time."
                ),
                params={"weeks": offer.weeks},
                labels={},
                evidence="E9",
                weight=-rules.lock_in,
            )
        )

    # E11: training first for people with little education; practice combined with training; wage subsidy.
    training_running = any(m in TRAINING for m in profile.current_measures)
    if little_education and measure in TRAINING:
        add(
            Reason(
                text=N_("Training first: people with little formal education benefit especially from training."),
                params={},
                labels={},
                evidence="E11",
                weight=rules.training_first,
            )
        )
    if little_education and measure is MeasureType.WORK_PRACTICE and not training_running:
        add(
            Reason(
                text=N_(
                    "Work practice without training alongside it: for people with little formal education, "
                    "training first gives better results."
                ),
                params={},
                labels={},
                evidence="E11",
                weight=-rules.plain_practice,
            )
        )
    if measure is MeasureType.WORK_PRACTICE and any(m in LANGUAGE_TRAINING for m in profile.current_measures):
        add(
            Reason(
                text=N_(
                    "Combines with the Norwegian training the participant already has: practice together with "
                    "training works best."
                ),
                params={},
                labels={},
                evidence="E11",
                weight=rules.practice_with_training,
            )
        )
    if measure is MeasureType.WAGE_SUBSIDY:
        add(
            Reason(
                text=N_("A wage subsidy is close to an ordinary job, and such measures have the largest effects."),
                params={},
                labels={},
                evidence="E11",
                weight=rules.wage_subsidy,
            )
        )

    # E1, E8: the participant's own goals and their experience.
    if code:
        goal = _closest(code, profile.wanted_occupations)
        if goal is not None:
            level, wanted = goal
            add(
                Reason(
                    text=N_("Fits the participant's goal of working as %(goal)s."),
                    params={"goal": occupations.title(wanted)},
                    labels={},
                    evidence="E1",
                    weight=rules.goal_per_level * (level - 1),
                )
            )
        done = _closest(code, tuple(e.occupation_code for e in profile.experience))
        if done is not None:
            level, occupation = done
            add(
                Reason(
                    text=N_("Builds on the participant's work experience as %(occupation)s."),
                    params={"occupation": occupations.title(occupation)},
                    labels={},
                    evidence="E8",
                    weight=rules.experience_per_level * (level - 1),
                )
            )

    # E14: skills the offer needs that the participant does not have yet.
    if offer.norwegian_needed is not None and profile.norwegian is not None:
        gap = offer.norwegian_needed.rank - profile.norwegian.rank
        if gap > 0:
            add(
                Reason(
                    text=N_("Needs Norwegian at level %(needed)s; the participant's level is %(level)s so far."),
                    params={},
                    labels={"needed": offer.norwegian_needed.label, "level": profile.norwegian.label},
                    evidence="E14",
                    weight=-rules.norwegian_gap_per_level * gap,
                )
            )
    if offer.digital_needed is not None and profile.digital is not None:
        gap = offer.digital_needed.rank - profile.digital.rank
        if gap > 0:
            add(
                Reason(
                    text=N_("Needs digital skills at the level “%(needed)s”; the participant's level is “%(level)s”."),
                    params={},
                    labels={"needed": DIGITAL_LABELS[offer.digital_needed], "level": DIGITAL_LABELS[profile.digital]},
                    evidence="E14",
                    weight=-rules.digital_gap_per_level * gap,
                )
            )
    if offer.works_alone and below_b1 is not None:
        add(
            Reason(
                text=N_(
                    "The work is done mostly alone, which gives little chance to practise Norwegian at level %(level)s."
                ),
                params={},
                labels={"level": below_b1.label},
                evidence="E14",
                weight=-rules.works_alone,
            )
        )

    # E8: a mentor at the workplace; E1: the participant's own interest.
    if offer.mentor:
        add(
            Reason(
                text=N_("A mentor follows the participant up at the workplace."),
                params={},
                labels={},
                evidence="E8",
                weight=rules.mentor,
            )
        )
    if offer.offer_id in profile.interested_in:
        add(
            Reason(
                text=N_("The participant said they are interested in this offer."),
                params={},
                labels={},
                evidence="E1",
                weight=rules.interest,
            )
        )
    return reasons


def _closest(code: str, candidates: Sequence[str]) -> tuple[int, str] | None:
    """The candidate closest to `code` (same_field 2 or more), the first in order on a tie; None if none is."""
    best: tuple[int, str] | None = None
    for candidate in candidates:
        level = occupations.same_field(code, candidate)
        if level >= occupations.SAME_SUB_MAJOR_GROUP and (best is None or level > best[0]):
            best = (level, candidate)
    return best
