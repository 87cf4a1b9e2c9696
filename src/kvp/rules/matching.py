"""The fit score: how well one offer fits one participant, as a sum of visible components (E1, E3,
E4, E5, E8, E14).

It is a *fit score*, a transparent sum of weighted components, each between 0 and 1. It is not a predicted
probability of employment and must never be shown as one.

Components (each value in [0, 1], times an administrator-set weight from `FitWeights`):

- Norwegian and digital level against what the offer needs (E14): 1 at or above the need, 0.5 one level
  below (reachable with support), 0 further below; 1 when the offer needs no level.
- Goal (E1): the closest of the participant's wanted occupations to the offer's occupation (STYRK-08
  `same_field`): 1 the same unit group, 0.75 the same minor group, 0.5 the same sub-major group, else 0.
- Experience (E4, E8): the best of the participant's work experience in the offer's field, closeness as for
  the goal times the years up to FULL_EXPERIENCE_YEARS.
- Formal qualification (E3): 1 if the offer gives one, else 0.
- Travel (E8): 1 up to SHORT_TRAVEL_MINUTES, 0 from LONG_TRAVEL_MINUTES, linear between.
- Employer readiness (E8, E14), for placements at a workplace: 0.5 for a mentor, 0.5 for not working alone;
  0 while a discrimination incident there is unresolved (E12).

Unknown inputs count as NEUTRAL (0.5), never as a penalty: a level not mapped, no wanted occupation named,
an offer not tied to an occupation (goal, experience), travel time not known, an offer that is not a
placement (employer readiness).

The offer's other prerequisites (everything but the Norwegian and digital levels, SOFT_KINDS) are hard: a
participant who does not meet one cannot take the offer (E5), `fit_score` returns None and
`infeasible_reason` says which ones are missing.

The inputs have no field for country of birth, nationality, ethnicity or religion, so a fit score cannot
depend on them (E11). `MatchParticipant.group` is an administrator-chosen, non-protected attribute (such as
education level) used only for fairness floors; the fit score never reads it, nor the preferences.

Texts are English msgids marked with `N_`; the app translates them and the values in `labels`, then formats
`note % (params | translated labels)`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field, fields
from decimal import ROUND_HALF_EVEN, Decimal
from enum import StrEnum

from kvp.rules import occupations
from kvp.rules.measures import PLACEMENTS, MeasureType
from kvp.rules.prerequisites import Prerequisite, PrerequisiteKind, met
from kvp.rules.recommendations import Experience
from kvp.rules.skills import DIGITAL_LABELS, Cefr, DigitalLevel
from kvp.rules.texts import N_

MAX_PREFERENCES = 5  # a participant ranks up to five offers
# The Norwegian and digital levels are weighed in the fit score; every other prerequisite is a bar (E5, E14).
SOFT_KINDS = frozenset({PrerequisiteKind.NORWEGIAN, PrerequisiteKind.DIGITAL})
FULL_EXPERIENCE_YEARS = Decimal(5)  # [U] experience counts fully from five years (as the experience route, E4)
SHORT_TRAVEL_MINUTES = 30  # [U] one way, full credit up to this
LONG_TRAVEL_MINUTES = 90  # [U] one way, no credit from this
NEUTRAL = Decimal("0.5")
ONE = Decimal(1)
ZERO = Decimal(0)
HALF = Decimal("0.5")
MILLI = Decimal("0.001")
_Part = tuple[Decimal, str, dict[str, str], dict[str, str]]  # value, note, params, labels
_same_field = functools.lru_cache(maxsize=65536)(occupations.same_field)
_title = functools.lru_cache(maxsize=4096)(occupations.title)
# same_field level -> closeness value (goal and experience)
_CLOSENESS = {
    occupations.SAME_UNIT_GROUP: ONE,
    occupations.SAME_MINOR_GROUP: Decimal("0.75"),
    occupations.SAME_SUB_MAJOR_GROUP: HALF,
}
# E1 and § 42: the participant's own ranking weighs, most for the first wish.
_PREFERENCE_BONUS = {1: ONE, 2: Decimal("0.8"), 3: Decimal("0.6"), 4: Decimal("0.4"), 5: Decimal("0.2")}
DEFAULT_PREFERENCE_WEIGHT = Decimal(4)  # [U] a first wish counts about as much as half the largest fit


class MatchInputError(ValueError):
    """Bad input to a match: `code` names the problem, `message` is an N_ text and `params` its plain values
    (ids, numbers, codes), so the app can translate the message and format it."""

    def __init__(self, code: str, message: str, params: dict[str, str]) -> None:
        self.code = code
        self.message = message
        self.params = params
        super().__init__(message % params)


class Component(StrEnum):
    NORWEGIAN = "norwegian"
    DIGITAL = "digital"
    GOAL = "goal"
    EXPERIENCE = "experience"
    QUALIFICATION = "qualification"
    TRAVEL = "travel"
    EMPLOYER = "employer"


COMPONENTS = tuple(Component)
COMPONENT_LABELS = {
    Component.NORWEGIAN: N_("Norwegian level"),
    Component.DIGITAL: N_("Digital skills"),
    Component.GOAL: N_("Fits the participant's goal"),
    Component.EXPERIENCE: N_("Work experience in the field"),
    Component.QUALIFICATION: N_("Formal qualification"),
    Component.TRAVEL: N_("Travel time"),
    Component.EMPLOYER: N_("Employer readiness"),
}
COMPONENT_EVIDENCE = {
    Component.NORWEGIAN: "E14",
    Component.DIGITAL: "E14",
    Component.GOAL: "E1",
    Component.EXPERIENCE: "E8",
    Component.QUALIFICATION: "E3",
    Component.TRAVEL: "E8",
    Component.EMPLOYER: "E8",
}


@dataclass(frozen=True)
class FitWeights:
    """How much each component counts; an administrator may change them, 0 switches one off. The defaults
    are [U] our own: a formal qualification and the participant's goal count most (E1, E3)."""

    norwegian: Decimal = Decimal(1)
    digital: Decimal = Decimal("0.5")
    goal: Decimal = Decimal(2)
    experience: Decimal = Decimal(1)
    qualification: Decimal = Decimal(2)
    travel: Decimal = Decimal(1)
    employer: Decimal = Decimal(1)
    _vector: tuple[Decimal, ...] = field(init=False, repr=False, compare=False)  # in COMPONENTS order

    def __post_init__(self) -> None:
        for item in fields(self):
            if item.name.startswith("_"):
                continue
            value = getattr(self, item.name)
            if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
                raise ValueError(f"the fit weight {item.name} must be a number of at least 0")
        object.__setattr__(self, "_vector", tuple(getattr(self, component.value) for component in COMPONENTS))

    def of(self, component: Component) -> Decimal:
        value: Decimal = getattr(self, component.value)
        return value


DEFAULT_FIT_WEIGHTS = FitWeights()


@dataclass(frozen=True)
class MatchParticipant:
    """What matching may know about a participant. Nothing about origin, nationality, ethnicity or religion,
    and no name: the type has no such field (E11)."""

    participant_id: str
    holds: frozenset[Prerequisite]  # what they hold today, including their Norwegian and digital level (E5)
    wanted_occupations: tuple[str, ...] = ()  # STYRK-08 codes from their goals (E1)
    experience: tuple[Experience, ...] = ()
    preferences: tuple[str, ...] = ()  # offer ids, most wanted first, at most MAX_PREFERENCES (E1)
    group: str = ""  # an administrator-chosen, non-protected attribute's value, only for fairness floors
    _norwegian: Prerequisite | None = field(init=False, repr=False, compare=False)
    _digital: Prerequisite | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_norwegian", _highest(self.holds, PrerequisiteKind.NORWEGIAN))
        object.__setattr__(self, "_digital", _highest(self.holds, PrerequisiteKind.DIGITAL))
        if not self.participant_id:
            raise ValueError("a participant needs an id")
        for code in self.wanted_occupations:
            if not occupations.is_valid_code(code):
                raise ValueError(f"the wanted occupation {code!r} is not a STYRK-08 occupation code")
        if len(self.preferences) > MAX_PREFERENCES:
            raise MatchInputError(
                "too_many_preferences",
                N_("Participant %(participant)s ranks %(count)s offers; at most %(max)s are allowed."),
                {"participant": self.participant_id, "count": str(len(self.preferences)), "max": str(MAX_PREFERENCES)},
            )
        if len(set(self.preferences)) != len(self.preferences) or not all(self.preferences):
            raise MatchInputError(
                "repeated_preference",
                N_("Participant %(participant)s ranks the same offer twice, or an empty one."),
                {"participant": self.participant_id},
            )

    @property
    def norwegian(self) -> Cefr | None:
        """The Norwegian level they hold (catalogue.facts.holds_of gives the lowest of the four skills)."""
        return Cefr(self._norwegian.level) if self._norwegian else None

    @property
    def digital(self) -> DigitalLevel | None:
        return DigitalLevel(self._digital.level) if self._digital else None

    @property
    def levels(self) -> tuple[Prerequisite | None, Prerequisite | None]:
        """The Norwegian and digital levels held, as prerequisites (None: not mapped)."""
        return self._norwegian, self._digital

    def rank_of(self, offer_id: str) -> int | None:
        """1 for the most wanted offer, ..., None if not among the preferences."""
        try:
            return self.preferences.index(offer_id) + 1
        except ValueError:
            return None


def _highest(holds: Iterable[Prerequisite], kind: PrerequisiteKind) -> Prerequisite | None:
    return max((held for held in holds if held.kind is kind), default=None)


@dataclass(frozen=True)
class MatchOffer:
    """An offer with places, as matching needs it. `requires` is everything it needs (as
    catalogue.facts.requirements_of gives it): its Norwegian and digital levels are weighed, the rest must be
    met."""

    offer_id: str
    kind: MeasureType
    capacity: int
    requires: frozenset[Prerequisite] = frozenset()
    occupation_code: str = ""  # STYRK-08; "" if not tied to an occupation
    formal_qualification: str = ""  # the qualification it gives; "" = none (E3)
    mentor: bool = False
    works_alone: bool = False
    unresolved_incident: bool = False  # E12: a discrimination incident at the employer is not yet resolved
    title: str = ""  # for messages only
    _hard: tuple[Prerequisite, ...] = field(init=False, repr=False, compare=False)
    _norwegian: Prerequisite | None = field(init=False, repr=False, compare=False)
    _digital: Prerequisite | None = field(init=False, repr=False, compare=False)
    _placement: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.offer_id:
            raise ValueError("an offer needs an id")
        if isinstance(self.capacity, bool) or not isinstance(self.capacity, int):
            raise ValueError(f"the offer {self.name} needs a whole number of places")
        if self.capacity < 0:
            raise MatchInputError(
                "negative_capacity",
                N_("The offer %(offer)s has %(capacity)s places; the number of places cannot be negative."),
                {"offer": self.name, "capacity": str(self.capacity)},
            )
        if self.occupation_code and not occupations.is_valid_code(self.occupation_code):
            raise ValueError(f"the offer {self.name} has an invalid STYRK-08 code {self.occupation_code!r}")
        object.__setattr__(self, "kind", MeasureType(self.kind))
        object.__setattr__(self, "requires", frozenset(self.requires))
        object.__setattr__(self, "_hard", tuple(sorted(need for need in self.requires if need.kind not in SOFT_KINDS)))
        object.__setattr__(self, "_norwegian", _highest(self.requires, PrerequisiteKind.NORWEGIAN))
        object.__setattr__(self, "_digital", _highest(self.requires, PrerequisiteKind.DIGITAL))
        object.__setattr__(self, "_placement", self.kind in PLACEMENTS)

    @property
    def name(self) -> str:
        return f"“{self.title}” ({self.offer_id})" if self.title else self.offer_id

    @property
    def levels(self) -> tuple[Prerequisite | None, Prerequisite | None]:
        """The Norwegian and digital levels needed, as prerequisites (None: no need)."""
        return self._norwegian, self._digital

    @property
    def placement(self) -> bool:
        """A placement at a workplace, where employer readiness counts (E8)."""
        return self._placement

    @property
    def qualifying(self) -> bool:
        return bool(self.formal_qualification)

    @property
    def hard_requirements(self) -> tuple[Prerequisite, ...]:
        """What the participant must hold to take it (E5): everything but the Norwegian and digital levels."""
        return self._hard


@dataclass(frozen=True)
class FitComponent:
    """One visible part of a fit score. To show it: translate `label`, `note` and each value of `labels`,
    then `note % (params | translated labels)`."""

    component: Component
    label: str  # N_ name of the component
    value: Decimal  # between 0 and 1
    weight: Decimal
    points: Decimal  # value × weight, to 0.001
    evidence: str  # the evidence code it rests on (E1-E19)
    note: str  # N_ explanation with %(name)s placeholders
    params: dict[str, str]  # plain values (levels' codes are in labels)
    labels: dict[str, str]  # N_ texts or level names the app translates


@dataclass(frozen=True)
class Fit:
    """A fit score (never a probability) and its components; `score` is the sum of their points."""

    score: Decimal
    components: tuple[FitComponent, ...]

    @property
    def milli(self) -> int:
        """The score in thousandths, as the solvers weigh it."""
        return int(self.score / MILLI)


@dataclass(frozen=True)
class Infeasibility:
    """Why a participant cannot take an offer: the hard prerequisites they do not meet (E5)."""

    participant_id: str
    offer_id: str
    offer_name: str
    missing: tuple[Prerequisite, ...]

    def error(self, code: str = "infeasible_preference") -> MatchInputError:
        return MatchInputError(
            code,
            N_("Participant %(participant)s cannot take the offer %(offer)s because it requires %(requirements)s."),
            {
                "participant": self.participant_id,
                "offer": self.offer_name,
                "requirements": ", ".join(need.render() for need in self.missing),
            },
        )


def infeasible_reason(participant: MatchParticipant, offer: MatchOffer) -> Infeasibility | None:
    """The offer's hard prerequisites the participant does not meet, or None if they can take it (E5)."""
    missing = tuple(need for need in offer.hard_requirements if not met(participant.holds, need))
    if not missing:
        return None
    return Infeasibility(participant.participant_id, offer.offer_id, offer.name, missing)


def preference_bonus(rank: int | None) -> Decimal:
    """The weight of a wish by its rank: 1 for the first, 0.8, 0.6, 0.4, 0.2, and 0 if not wished (E1, § 42)."""
    return _PREFERENCE_BONUS.get(rank, ZERO) if rank is not None else ZERO


def fit_score(
    participant: MatchParticipant,
    offer: MatchOffer,
    weights: FitWeights = DEFAULT_FIT_WEIGHTS,
    *,
    travel_minutes: int | None = None,
) -> Fit | None:
    """The fit score of the pair with its components, or None if the participant cannot take the offer (E5;
    see `infeasible_reason`). `travel_minutes` is one-way travel if known (E8)."""
    holds = participant.holds
    for need in offer._hard:
        if not met(holds, need):
            return None
    _check_minutes(travel_minutes)
    components = tuple(
        _component(component, weight, participant, offer, travel_minutes)
        for component, weight in zip(COMPONENTS, weights._vector, strict=True)
    )
    return Fit(score=sum((c.points for c in components), ZERO), components=components)


# What each component's rule reads: equal facts give an equal component, so a computed one is reused.
_FACTS: dict[Component, Callable[[MatchParticipant, MatchOffer, int | None], Hashable]] = {
    Component.NORWEGIAN: lambda participant, offer, minutes: (offer._norwegian, participant._norwegian),
    Component.DIGITAL: lambda participant, offer, minutes: (offer._digital, participant._digital),
    Component.GOAL: lambda participant, offer, minutes: (offer.occupation_code, participant.wanted_occupations),
    Component.EXPERIENCE: lambda participant, offer, minutes: (offer.occupation_code, participant.experience),
    Component.QUALIFICATION: lambda participant, offer, minutes: offer.formal_qualification,
    Component.TRAVEL: lambda participant, offer, minutes: minutes,
    Component.EMPLOYER: lambda participant, offer, minutes: (
        offer.placement,
        offer.mentor,
        offer.works_alone,
        offer.unresolved_incident,
    ),
}
_REUSED: dict[Hashable, FitComponent] = {}
REUSE_LIMIT = 50_000  # components kept for reuse; the store starts afresh beyond it


def _component(
    component: Component, weight: Decimal, participant: MatchParticipant, offer: MatchOffer, minutes: int | None
) -> FitComponent:
    key = (component, weight, _FACTS[component](participant, offer, minutes))
    found = _REUSED.get(key)
    if found is None:
        value, note, params, labels = _RULES[component](participant, offer, minutes)
        found = FitComponent(
            component=component,
            label=COMPONENT_LABELS[component],
            value=value,
            weight=weight,
            points=(value * weight).quantize(MILLI, rounding=ROUND_HALF_EVEN),
            evidence=COMPONENT_EVIDENCE[component],
            note=note,
            params=params,
            labels=labels,
        )
        if len(_REUSED) >= REUSE_LIMIT:
            _REUSED.clear()
        _REUSED[key] = found
    return found


def fit_milli(
    participant: MatchParticipant,
    offer: MatchOffer,
    weights: FitWeights = DEFAULT_FIT_WEIGHTS,
    *,
    travel_minutes: int | None = None,
) -> int | None:
    """`fit_score(...).milli` without building the explanation, for scoring many pairs; None if infeasible."""
    holds = participant.holds
    for need in offer._hard:
        if not met(holds, need):
            return None
    total = ZERO
    for (value, _, _, _), weight in zip(_parts(participant, offer, travel_minutes), weights._vector, strict=True):
        total += (value * weight).quantize(MILLI, rounding=ROUND_HALF_EVEN)
    return int(total / MILLI)


def component_value(
    component: Component, participant: MatchParticipant, offer: MatchOffer, travel_minutes: int | None = None
) -> Decimal:
    """One component's value (0..1) for the pair, as `fit_score` computes it; feasibility is not checked."""
    return _RULES[component](participant, offer, travel_minutes)[0]


def points_milli(value: Decimal, weight: Decimal) -> int:
    """A component's points in thousandths, rounded as `fit_score` rounds them."""
    return int((value * weight).quantize(MILLI, rounding=ROUND_HALF_EVEN) / MILLI)


def _check_minutes(travel_minutes: int | None) -> None:
    if travel_minutes is not None and (
        isinstance(travel_minutes, bool) or not isinstance(travel_minutes, int) or travel_minutes < 0
    ):
        raise ValueError("travel minutes must be a whole number of at least 0, or None when not known")


def _parts(participant: MatchParticipant, offer: MatchOffer, travel_minutes: int | None) -> tuple[_Part, ...]:
    _check_minutes(travel_minutes)
    return (
        _norwegian(participant, offer),
        _digital(participant, offer),
        _goal(participant, offer),
        _experience(participant, offer),
        _qualification(offer),
        _travel(travel_minutes),
        _employer(offer),
    )


_CEFR_LABELS = {level.value: level.label for level in Cefr}
_DIGITAL_LABELS = {level.value: DIGITAL_LABELS[level] for level in DigitalLevel}


def _norwegian(participant: MatchParticipant, offer: MatchOffer) -> _Part:
    """E14: the Norwegian level the offer needs against the participant's."""
    need = offer._norwegian
    if need is None:
        return ONE, N_("The offer does not ask for a Norwegian level."), {}, {}
    held = participant._norwegian
    if held is None:
        return (
            NEUTRAL,
            N_("Needs Norwegian %(needed)s; the participant's level is not mapped yet."),
            {},
            {"needed": _CEFR_LABELS[need.level]},
        )
    labels = {"needed": _CEFR_LABELS[need.level], "level": _CEFR_LABELS[held.level]}
    gap = need.rank - held.rank
    if gap <= 0:
        return ONE, N_("Needs Norwegian %(needed)s; the participant has %(level)s."), {}, labels
    if gap == 1:
        note = N_("Needs Norwegian %(needed)s; the participant has %(level)s, one level below: half credit.")
        return HALF, note, {}, labels
    return ZERO, N_("Needs Norwegian %(needed)s; the participant has %(level)s, more than one level below."), {}, labels


def _digital(participant: MatchParticipant, offer: MatchOffer) -> _Part:
    """E14: the digital skills the offer needs against the participant's."""
    need = offer._digital
    if need is None:
        return ONE, N_("The offer does not ask for digital skills."), {}, {}
    held = participant._digital
    if held is None:
        return (
            NEUTRAL,
            N_("Needs digital skills “%(needed)s”; the participant's skills are not mapped yet."),
            {},
            {"needed": _DIGITAL_LABELS[need.level]},
        )
    labels = {"needed": _DIGITAL_LABELS[need.level], "level": _DIGITAL_LABELS[held.level]}
    gap = need.rank - held.rank
    if gap <= 0:
        return ONE, N_("Needs digital skills “%(needed)s”; the participant has “%(level)s”."), {}, labels
    if gap == 1:
        note = N_("Needs digital skills “%(needed)s”; the participant has “%(level)s”, one level below: half credit.")
        return HALF, note, {}, labels
    note = N_("Needs digital skills “%(needed)s”; the participant has “%(level)s”, more than one level below.")
    return ZERO, note, {}, labels


def _closest(code: str, candidates: Iterable[str]) -> tuple[int, str] | None:
    """The candidate closest to `code` (sub-major group or closer), the first on a tie; None if none is."""
    best: tuple[int, str] | None = None
    for candidate in candidates:
        level = _same_field(code, candidate)
        if level >= occupations.SAME_SUB_MAJOR_GROUP and (best is None or level > best[0]):
            best = (level, candidate)
    return best


def _goal(participant: MatchParticipant, offer: MatchOffer) -> _Part:
    """E1: the participant's own goal — the closest wanted occupation to the offer's."""
    code = offer.occupation_code
    if not code:
        return NEUTRAL, N_("The offer is not tied to an occupation: counted as neutral."), {}, {}
    if not participant.wanted_occupations:
        return NEUTRAL, N_("The participant has not named an occupation they want yet: counted as neutral."), {}, {}
    closest = _closest(code, participant.wanted_occupations)
    if closest is None:
        return (
            ZERO,
            N_("The offer (%(occupation)s) is outside the fields the participant wants."),
            {"occupation": _title(code)},
            {},
        )
    level, wanted = closest
    return (
        _CLOSENESS[level],
        N_("Fits the participant's goal of working as %(goal)s."),
        {"goal": _title(wanted)},
        {},
    )


def experience_value(field_level: int, years: Decimal) -> Decimal | None:
    """E4, E8: the credit for `years` of experience `field_level` away from the offer's occupation
    (occupations.same_field), fully from FULL_EXPERIENCE_YEARS; None outside the offer's field."""
    closeness = _CLOSENESS.get(field_level)
    if closeness is None:
        return None
    return (closeness * min(years / FULL_EXPERIENCE_YEARS, ONE)).quantize(MILLI)


def _experience(participant: MatchParticipant, offer: MatchOffer) -> _Part:
    """E4, E8: experience in the offer's field counts, fully from FULL_EXPERIENCE_YEARS."""
    code = offer.occupation_code
    if not code:
        return NEUTRAL, N_("The offer is not tied to an occupation: counted as neutral."), {}, {}
    best: tuple[Decimal, Experience] | None = None
    for experience in participant.experience:
        value = experience_value(_same_field(code, experience.occupation_code), experience.years)
        if value is not None and (best is None or value > best[0]):
            best = (value, experience)
    if best is None:
        return (
            ZERO,
            N_("No work experience in the field of the offer (%(occupation)s)."),
            {"occupation": _title(code)},
            {},
        )
    value, experience = best
    note = N_("%(years)s years of work experience as %(occupation)s.")
    return (
        value,
        note,
        {"years": str(experience.years), "occupation": _title(experience.occupation_code)},
        {},
    )


def _qualification(offer: MatchOffer) -> _Part:
    """E3: participants want short, formal qualifications."""
    if offer.formal_qualification:
        return (
            ONE,
            N_("Gives a formal qualification: %(qualification)s."),
            {"qualification": offer.formal_qualification},
            {},
        )
    return ZERO, N_("Gives no formal qualification."), {}, {}


def _travel(minutes: int | None) -> _Part:
    """E8: a placement must be within reach; [U] the thresholds are our own."""
    if minutes is None:
        return NEUTRAL, N_("Travel time is not known: counted as neutral."), {}, {}
    span = LONG_TRAVEL_MINUTES - SHORT_TRAVEL_MINUTES
    over = min(max(minutes - SHORT_TRAVEL_MINUTES, 0), span)
    value = (ONE - Decimal(over) / span).quantize(MILLI)
    return value, N_("About %(minutes)s minutes of travel each way."), {"minutes": str(minutes)}, {}


_RULES = {
    Component.NORWEGIAN: lambda participant, offer, minutes: _norwegian(participant, offer),
    Component.DIGITAL: lambda participant, offer, minutes: _digital(participant, offer),
    Component.GOAL: lambda participant, offer, minutes: _goal(participant, offer),
    Component.EXPERIENCE: lambda participant, offer, minutes: _experience(participant, offer),
    Component.QUALIFICATION: lambda participant, offer, minutes: _qualification(offer),
    Component.TRAVEL: lambda participant, offer, minutes: _travel(minutes),
    Component.EMPLOYER: lambda participant, offer, minutes: _employer(offer),
}


def _employer(offer: MatchOffer) -> _Part:
    """E8: a mentor and belonging at the workplace; E14: working alone gives no language practice; E12: an
    unresolved discrimination incident at the employer takes its readiness away until it is resolved."""
    if not offer.placement:
        return NEUTRAL, N_("Not a placement at a workplace: counted as neutral."), {}, {}
    if offer.unresolved_incident:
        return ZERO, N_("A discrimination incident at this employer is not yet resolved: no readiness counted."), {}, {}
    value = (HALF if offer.mentor else ZERO) + (ZERO if offer.works_alone else HALF)
    if offer.mentor and not offer.works_alone:
        note = N_("A mentor follows the participant up, and they work with others.")
    elif offer.mentor:
        note = N_("A mentor follows the participant up, but they would mostly work alone.")
    elif not offer.works_alone:
        note = N_("They work with others, but no mentor is named.")
    else:
        note = N_("No mentor is named, and they would mostly work alone.")
    return value, note, {}, {}
