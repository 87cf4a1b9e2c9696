"""The fit: how well one offer fits one participant, as a sum of signed reasons, each citing the evidence it
rests on (E1, E3, E4, E8, E9, E11, E12, E14). The catalogue's recommendations and the matching runs score
with this one model, so the match's optimum reflects the reasons the recommendations give.

Every contribution is a `Reason` with its signed weight and evidence code; the fit is the sum of the
weights. A fact that is not known gives no reason at all (never a neutral filler), and a reason that weighs 0
is left out, so every reason shown is part of the score. The model is split into parts, each reading a few
facts of the participant and of the offer (`Part`): the matching engine evaluates each part once per
distinct combination of those facts and spreads the result over many pairs.

The profile holds only what the participant's goals and mapping record: wanted occupations, work
experience, education, Norwegian and digital level, the offers they said they are interested in, and the
measures already running. It has no field for country of birth, nationality, ethnicity or
religion, so a fit cannot depend on them (E11: recommend by education, experience, language level and goals).

Messages are English msgids marked with `N_`; the app translates them and the values named in
`Reason.labels`, then formats the message with `params | labels`. Occupation titles are STYRK-08's
Norwegian titles (data, shown as they are).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, fields
from decimal import ROUND_HALF_EVEN, Decimal
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
    """What the fit may know about the participant. Nothing about origin, nationality, ethnicity
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
    """One offer in the catalogue, as the fit needs it. The caller decides whether the
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
    unresolved_incident: bool = False  # E12: a discrimination incident at the provider is not yet resolved

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
    """One contribution to an offer's fit. To show it: translate `text` and each value of `labels`, then
    `text % (params | translated labels)`."""

    text: str  # an N_ text with %(name)s placeholders
    params: dict[str, Param]  # data values: the app formats numbers for the reader
    labels: dict[str, str]  # N_ texts the app translates before formatting
    evidence: str  # the evidence code it rests on (E1-E19)
    weight: Decimal  # its contribution to the score, signed


MILLI = Decimal("0.001")
SHORT_TRAVEL_MINUTES = 30  # [U] one way: no minus up to this
LONG_TRAVEL_MINUTES = 90  # [U] one way: the full minus from this
# E1 and § 42: the share of the wish weight by the wish's rank, most for the first.
_PREFERENCE_BONUS = {1: Decimal(1), 2: Decimal("0.8"), 3: Decimal("0.6"), 4: Decimal("0.4"), 5: Decimal("0.2")}


def preference_bonus(rank: int | None) -> Decimal:
    """The share of the wish weight a wish of this rank gets: 1 for the first, 0.8, 0.6, 0.4, 0.2, and 0 if
    not wished (E1, § 42)."""
    return _PREFERENCE_BONUS.get(rank, Decimal(0)) if rank is not None else Decimal(0)


@dataclass(frozen=True)
class FitRules:
    """Weights an administrator may change: each is the size of one contribution (the sign is the rule's),
    and 0 switches that contribution off; at most three decimals, so a fit is a whole number of thousandths.
    The defaults are [U] our own, set so that a qualification and the experience route outweigh more
    practice in work already mastered (E3, E4), and a first wish counts as much as the experience route."""

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
    unresolved_incident: Decimal = Decimal("2")  # E12 minus: a discrimination incident not yet resolved
    interest: Decimal = Decimal("2")  # E1 plus: the participant said they are interested
    wish: Decimal = Decimal("4")  # E1 plus: the first wish; later ones get preference_bonus of it
    long_travel: Decimal = Decimal("1")  # E8 minus at LONG_TRAVEL_MINUTES, linear from SHORT_TRAVEL_MINUTES

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
            if value != value.quantize(MILLI):
                raise ValueError(f"the weight {field.name} may have at most three decimals")


DEFAULT_FIT_RULES = FitRules()
_B1 = Cefr.B1


def milli(score: Decimal) -> int:
    """A fit in whole thousandths, as the matching engine weighs it (exact: every weight has at most three
    decimals)."""
    return int((score / MILLI).to_integral_value(rounding=ROUND_HALF_EVEN))


def _reason(
    text: str,
    evidence: str,
    weight: Decimal,
    params: dict[str, Param] | None = None,
    labels: dict[str, str] | None = None,
) -> Reason:
    return Reason(text=text, params=params or {}, labels=labels or {}, evidence=evidence, weight=weight)


def _below_b1(profile: Profile) -> Cefr | None:
    """The participant's Norwegian level when it is below B1, else None (not mapped, or B1 and above)."""
    level = profile.norwegian
    return level if level is not None and level.rank < _B1.rank else None


def _years_in_field(profile: Profile, code: str) -> Decimal:
    """Years of experience in the offer's occupation field: the same minor group or closer (E4)."""
    return sum(
        (e.years for e in profile.experience if occupations.same_field(e.occupation_code, code) >= 3),
        Decimal(0),
    )


def _closest(code: str, candidates: tuple[str, ...]) -> tuple[int, str] | None:
    """The candidate closest to `code` (same_field 2 or more), the first in order on a tie; None if none is."""
    best: tuple[int, str] | None = None
    for candidate in candidates:
        level = occupations.same_field(code, candidate)
        if level >= occupations.SAME_SUB_MAJOR_GROUP and (best is None or level > best[0]):
            best = (level, candidate)
    return best


def _qualification(profile: Profile, offer: OfferFacts, rules: FitRules) -> list[Reason]:
    """E3: short, relevant, formal qualifications."""
    if not offer.formal_qualification:
        return []
    text = N_("Gives a formal qualification: %(qualification)s. Qualifications with formal value help in getting work.")
    return [_reason(text, "E3", rules.formal_qualification, {"qualification": offer.formal_qualification})]


def _experience_route(profile: Profile, offer: OfferFacts, rules: FitRules) -> list[Reason]:
    """E4: long experience can count towards a trade certificate; more practice in it rarely leads to a job
    (a practice loop)."""
    code = offer.occupation_code
    years = _years_in_field(profile, code) if code else Decimal(0)
    if years < rules.long_experience_years:
        return []
    params: dict[str, Param] = {"years": years, "occupation": occupations.title(code)}
    if offer.measure_type is MeasureType.TRADE_CERTIFICATE:
        text = N_(
            "%(years)s years of work experience as %(occupation)s can count towards a trade certificate as a "
            "praksiskandidat (the experience route)."
        )
        return [_reason(text, "E4", rules.experience_route, params)]
    if offer.measure_type is MeasureType.WORK_PRACTICE and not offer.formal_qualification:
        text = N_(
            "The participant already has %(years)s years of work experience as %(occupation)s. More practice in "
            "work already mastered rarely leads to a job without a qualification."
        )
        return [_reason(text, "E4", -rules.practice_already_mastered, params)]
    return []


def _language_and_lock_in(profile: Profile, offer: OfferFacts, rules: FitRules) -> list[Reason]:
    """E9: vocational Norwegian works; long courses lock people in."""
    reasons = []
    below_b1 = _below_b1(profile)
    if offer.measure_type is MeasureType.VOCATIONAL_NORWEGIAN and below_b1 is not None:
        text = N_(
            "Vocational Norwegian combines language practice at a workplace with tuition, which works well for a "
            "participant at Norwegian level %(level)s."
        )
        reasons.append(_reason(text, "E9", rules.vocational_norwegian, labels={"level": below_b1.label}))
    if offer.measure_type in COURSES and offer.weeks > rules.long_course_weeks and not offer.formal_qualification:
        text = N_(
            "A long course (%(weeks)s weeks) without a formal qualification keeps the participant away from work "
            "for a long time."
        )
        reasons.append(_reason(text, "E9", -rules.lock_in, {"weeks": offer.weeks}))
    return reasons


def _training(profile: Profile, offer: OfferFacts, rules: FitRules) -> list[Reason]:
    """E11: training first for people with little education; practice combined with training; wage subsidy."""
    reasons = []
    measure = offer.measure_type
    little_education = profile.education in LITTLE_EDUCATION
    if little_education and measure in TRAINING:
        text = N_("Training first: people with little formal education benefit especially from training.")
        reasons.append(_reason(text, "E11", rules.training_first))
    training_running = any(m in TRAINING for m in profile.current_measures)
    if little_education and measure is MeasureType.WORK_PRACTICE and not training_running:
        text = N_(
            "Work practice without training alongside it: for people with little formal education, training "
            "first gives better results."
        )
        reasons.append(_reason(text, "E11", -rules.plain_practice))
    if measure is MeasureType.WORK_PRACTICE and any(m in LANGUAGE_TRAINING for m in profile.current_measures):
        text = N_(
            "Combines with the Norwegian training the participant already has: practice together with training "
            "works best."
        )
        reasons.append(_reason(text, "E11", rules.practice_with_training))
    if measure is MeasureType.WAGE_SUBSIDY:
        text = N_("A wage subsidy is close to an ordinary job, and such measures have the largest effects.")
        reasons.append(_reason(text, "E11", rules.wage_subsidy))
    return reasons


def _goal(profile: Profile, offer: OfferFacts, rules: FitRules) -> list[Reason]:
    """E1: the participant's own goal, by the closest wanted occupation."""
    goal = _closest(offer.occupation_code, profile.wanted_occupations) if offer.occupation_code else None
    if goal is None:
        return []
    level, wanted = goal
    text = N_("Fits the participant's goal of working as %(goal)s.")
    return [_reason(text, "E1", rules.goal_per_level * (level - 1), {"goal": occupations.title(wanted)})]


def _experience(profile: Profile, offer: OfferFacts, rules: FitRules) -> list[Reason]:
    """E8: experience in a nearby occupation."""
    codes = tuple(e.occupation_code for e in profile.experience)
    done = _closest(offer.occupation_code, codes) if offer.occupation_code else None
    if done is None:
        return []
    level, occupation = done
    text = N_("Builds on the participant's work experience as %(occupation)s.")
    return [
        _reason(text, "E8", rules.experience_per_level * (level - 1), {"occupation": occupations.title(occupation)})
    ]


def _skills(profile: Profile, offer: OfferFacts, rules: FitRules) -> list[Reason]:
    """E14: skills the offer needs that the participant does not have yet."""
    reasons = []
    if offer.norwegian_needed is not None and profile.norwegian is not None:
        gap = offer.norwegian_needed.rank - profile.norwegian.rank
        if gap > 0:
            text = N_("Needs Norwegian at level %(needed)s; the participant's level is %(level)s so far.")
            labels = {"needed": offer.norwegian_needed.label, "level": profile.norwegian.label}
            reasons.append(_reason(text, "E14", -rules.norwegian_gap_per_level * gap, labels=labels))
    if offer.digital_needed is not None and profile.digital is not None:
        gap = offer.digital_needed.rank - profile.digital.rank
        if gap > 0:
            text = N_("Needs digital skills at the level “%(needed)s”; the participant's level is “%(level)s”.")
            labels = {"needed": DIGITAL_LABELS[offer.digital_needed], "level": DIGITAL_LABELS[profile.digital]}
            reasons.append(_reason(text, "E14", -rules.digital_gap_per_level * gap, labels=labels))
    below_b1 = _below_b1(profile)
    if offer.works_alone and below_b1 is not None:
        text = N_("The work is done mostly alone, which gives little chance to practise Norwegian at level %(level)s.")
        reasons.append(_reason(text, "E14", -rules.works_alone, labels={"level": below_b1.label}))
    return reasons


def _workplace(profile: Profile, offer: OfferFacts, rules: FitRules) -> list[Reason]:
    """E8: a mentor at the workplace; E12: an unresolved discrimination incident at the provider."""
    reasons = []
    if offer.mentor:
        reasons.append(_reason(N_("A mentor follows the participant up at the workplace."), "E8", rules.mentor))
    if offer.unresolved_incident:
        text = N_("A discrimination incident at this provider is not yet resolved.")
        reasons.append(_reason(text, "E12", -rules.unresolved_incident))
    return reasons


def _interest(profile: Profile, offer: OfferFacts, rules: FitRules) -> list[Reason]:
    """E1: the participant's own interest."""
    if offer.offer_id not in profile.interested_in:
        return []
    return [_reason(N_("The participant said they are interested in this offer."), "E1", rules.interest)]


@dataclass(frozen=True)
class Part:
    """One part of the fit. `reasons` reads only what `of_participant` and `of_offer` return (with the rules),
    or less: pairs with equal keys get equal weights."""

    reasons: Callable[[Profile, OfferFacts, FitRules], list[Reason]]
    of_participant: Callable[[Profile, FitRules], Hashable]
    of_offer: Callable[[OfferFacts, FitRules], Hashable]


def _long_fields(profile: Profile, rules: FitRules) -> frozenset[str]:
    """The minor groups (three digits) the participant has long experience in (E4)."""
    years: dict[str, Decimal] = {}
    for item in profile.experience:
        years[item.occupation_code[:3]] = years.get(item.occupation_code[:3], Decimal(0)) + item.years
    return frozenset(group for group, total in years.items() if total >= rules.long_experience_years)


def _no_facts(*_args: object) -> Hashable:
    return None


PARTS = (
    Part(_qualification, _no_facts, lambda offer, rules: bool(offer.formal_qualification)),
    Part(
        _experience_route,
        _long_fields,
        lambda offer, rules: (offer.occupation_code[:3], offer.measure_type, bool(offer.formal_qualification)),
    ),
    Part(
        _language_and_lock_in,
        lambda profile, rules: _below_b1(profile) is not None,
        lambda offer, rules: (
            offer.measure_type,
            offer.weeks > rules.long_course_weeks,
            bool(offer.formal_qualification),
        ),
    ),
    Part(
        _training,
        lambda profile, rules: (
            profile.education in LITTLE_EDUCATION,
            any(m in TRAINING for m in profile.current_measures),
            any(m in LANGUAGE_TRAINING for m in profile.current_measures),
        ),
        lambda offer, rules: offer.measure_type,
    ),
    Part(_goal, lambda profile, rules: profile.wanted_occupations, lambda offer, rules: offer.occupation_code),
    Part(
        _experience,
        lambda profile, rules: tuple(e.occupation_code for e in profile.experience),
        lambda offer, rules: offer.occupation_code,
    ),
    Part(
        _skills,
        lambda profile, rules: (profile.norwegian, profile.digital),
        lambda offer, rules: (offer.norwegian_needed, offer.digital_needed, offer.works_alone),
    ),
    Part(_workplace, _no_facts, lambda offer, rules: (offer.mentor, offer.unresolved_incident)),
    Part(_interest, lambda profile, rules: profile.interested_in, lambda offer, rules: offer.offer_id),
)


def part_reasons(part: Part, profile: Profile, offer: OfferFacts, rules: FitRules) -> list[Reason]:
    """The part's reasons that weigh something."""
    return [reason for reason in part.reasons(profile, offer, rules) if reason.weight != 0]


def travel_reason(minutes: int | None, rules: FitRules = DEFAULT_FIT_RULES) -> Reason | None:
    """E8: a place must be within reach; [U] the thresholds are our own. None when the travel time is not
    known or short."""
    if minutes is None:
        return None
    if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes < 0:
        raise ValueError("travel minutes must be a whole number of at least 0, or None when not known")
    span = LONG_TRAVEL_MINUTES - SHORT_TRAVEL_MINUTES
    over = min(max(minutes - SHORT_TRAVEL_MINUTES, 0), span)
    weight = (-rules.long_travel * over / span).quantize(MILLI, rounding=ROUND_HALF_EVEN)
    if weight == 0:
        return None
    return _reason(N_("About %(minutes)s minutes of travel each way."), "E8", weight, {"minutes": minutes})


def fit_reasons(
    profile: Profile, offer: OfferFacts, rules: FitRules = DEFAULT_FIT_RULES, *, travel_minutes: int | None = None
) -> list[Reason]:
    """Every contribution to the fit that weighs something, in this order: E3, E4, E9, E11, goals and
    experience (E1, E8), E14, the workplace (E8, E12), interest (E1), travel (E8). The participant's wishes
    are weighed apart (`wish_reason`): a match adds them with its own weight."""
    reasons = [reason for part in PARTS for reason in part_reasons(part, profile, offer, rules)]
    travel = travel_reason(travel_minutes, rules)
    return [*reasons, travel] if travel is not None else reasons


def wish_reason(rank: int | None, weight: Decimal) -> Reason | None:
    """E1: the participant's own ranked wish, `weight` for the first and `preference_bonus` of it for later ones;
    None if the offer is not among the wishes or it weighs nothing."""
    points = (weight * preference_bonus(rank)).quantize(MILLI, rounding=ROUND_HALF_EVEN)
    if rank is None or points == 0:
        return None
    text = N_("The participant's wish number %(rank)s among the offers the match could give them.")
    return _reason(text, "E1", points, {"rank": rank})
