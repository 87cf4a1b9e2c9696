"""Matching participants to offers with places: what the engine may know of each, which offers a
participant can take (E5), and the fit of each pair — the one fit model of kvp.rules.fit, which the
catalogue's recommendations use too (E1, E3, E4, E8, E9, E11, E12, E14).

The offer's prerequisites other than the Norwegian and digital levels (SOFT_KINDS) are hard: a participant
who does not meet one cannot take the offer (E5), `fit_score` returns None and `infeasible_reason` says which
ones are missing. The levels are weighed in the fit instead (E14).

The fit is a transparent sum of signed reasons, never a predicted probability of employment. The engine
weighs it in whole thousandths (`Fit.milli`); the participant's ranked wishes are added by the engine with the
run's weight (`preference_bonus`, E1), as `kvp.rules.fit.wish_reason` explains them.

The inputs have no field for country of birth, nationality, ethnicity or religion, so a fit cannot depend on
them (E11). `MatchParticipant.group` is an administrator-chosen, non-protected attribute (such as education
level) used only for fairness floors; the fit never reads it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from kvp.rules import occupations
from kvp.rules.fit import (
    DEFAULT_FIT_RULES,
    EducationLevel,
    Experience,
    FitRules,
    OfferFacts,
    Profile,
    Reason,
    fit_reasons,
    milli,
)
from kvp.rules.fit import preference_bonus as preference_bonus
from kvp.rules.measures import MeasureType
from kvp.rules.prerequisites import Prerequisite, PrerequisiteKind, met
from kvp.rules.skills import Cefr, DigitalLevel
from kvp.rules.texts import N_

MAX_PREFERENCES = 5  # a participant ranks up to five offers
# The Norwegian and digital levels are weighed in the fit; every other prerequisite is a bar (E5, E14).
SOFT_KINDS = frozenset({PrerequisiteKind.NORWEGIAN, PrerequisiteKind.DIGITAL})
DEFAULT_PREFERENCE_WEIGHT = DEFAULT_FIT_RULES.wish  # [U] a first wish counts as much as the experience route


class MatchInputError(ValueError):
    """Bad input to a match: `code` names the problem, `message` is an N_ text and `params` its plain values
    (ids, numbers, codes), so the app can translate the message and format it."""

    def __init__(self, code: str, message: str, params: dict[str, str]) -> None:
        self.code = code
        self.message = message
        self.params = params
        super().__init__(message % params)


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
    education: EducationLevel | None = None  # the highest completed; None: not mapped (E11)
    current_measures: tuple[MeasureType, ...] = ()  # what the plan already has running (E11)
    interested_in: frozenset[str] = frozenset()  # offer ids they said they are interested in (E1)
    _norwegian: Prerequisite | None = field(init=False, repr=False, compare=False)
    _digital: Prerequisite | None = field(init=False, repr=False, compare=False)
    _profile: Profile = field(init=False, repr=False, compare=False)

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
        profile = Profile(
            wanted_occupations=self.wanted_occupations,
            experience=self.experience,
            education=self.education,
            norwegian=self.norwegian,
            digital=self.digital,
            interested_in=self.interested_in,
            current_measures=self.current_measures,
        )
        object.__setattr__(self, "_profile", profile)

    @property
    def profile(self) -> Profile:
        """The participant as the fit sees them (kvp.rules.fit)."""
        return self._profile

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
    unresolved_incident: bool = False  # E12: a discrimination incident at the provider is not yet resolved
    title: str = ""  # for messages only
    weeks: int = 0  # how long it lasts (E9: lock-in)
    _hard: tuple[Prerequisite, ...] = field(init=False, repr=False, compare=False)
    _norwegian: Prerequisite | None = field(init=False, repr=False, compare=False)
    _digital: Prerequisite | None = field(init=False, repr=False, compare=False)
    _facts: OfferFacts = field(init=False, repr=False, compare=False)

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
        norwegian, digital = self._norwegian, self._digital
        facts = OfferFacts(
            offer_id=self.offer_id,
            title=self.title,
            measure_type=self.kind,
            occupation_code=self.occupation_code,
            formal_qualification=self.formal_qualification,
            norwegian_needed=Cefr(norwegian.level) if norwegian else None,
            digital_needed=DigitalLevel(digital.level) if digital else None,
            mentor=self.mentor,
            works_alone=self.works_alone,
            hours_per_week=Decimal(0),
            weeks=self.weeks,
            prerequisites_met=True,
            unresolved_incident=self.unresolved_incident,
        )
        object.__setattr__(self, "_facts", facts)

    @property
    def name(self) -> str:
        return f"“{self.title}” ({self.offer_id})" if self.title else self.offer_id

    @property
    def levels(self) -> tuple[Prerequisite | None, Prerequisite | None]:
        """The Norwegian and digital levels needed, as prerequisites (None: no need)."""
        return self._norwegian, self._digital

    @property
    def facts(self) -> OfferFacts:
        """The offer as the fit sees it (kvp.rules.fit); feasibility is `infeasible_reason`'s."""
        return self._facts

    @property
    def qualifying(self) -> bool:
        return bool(self.formal_qualification)

    @property
    def hard_requirements(self) -> tuple[Prerequisite, ...]:
        """What the participant must hold to take it (E5): everything but the Norwegian and digital levels."""
        return self._hard


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


@dataclass(frozen=True)
class Fit:
    """A fit (never a probability) and the reasons it sums."""

    score: Decimal
    reasons: tuple[Reason, ...]

    @property
    def milli(self) -> int:
        """The score in thousandths, as the solvers weigh it."""
        return milli(self.score)


def fit_score(
    participant: MatchParticipant,
    offer: MatchOffer,
    rules: FitRules = DEFAULT_FIT_RULES,
    *,
    travel_minutes: int | None = None,
) -> Fit | None:
    """The fit of the pair with its reasons, or None if the participant cannot take the offer (E5; see
    `infeasible_reason`). `travel_minutes` is one-way travel if known (E8)."""
    holds = participant.holds
    for need in offer._hard:
        if not met(holds, need):
            return None
    reasons = tuple(fit_reasons(participant.profile, offer.facts, rules, travel_minutes=travel_minutes))
    return Fit(score=sum((reason.weight for reason in reasons), Decimal(0)), reasons=reasons)


def fit_milli(
    participant: MatchParticipant,
    offer: MatchOffer,
    rules: FitRules = DEFAULT_FIT_RULES,
    *,
    travel_minutes: int | None = None,
) -> int | None:
    """`fit_score(...).milli`, or None if the participant cannot take the offer."""
    fit = fit_score(participant, offer, rules, travel_minutes=travel_minutes)
    return None if fit is None else fit.milli
