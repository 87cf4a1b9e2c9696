"""Prerequisites an offer in the catalogue can have, and the states a participant can hold (E5, E6, E10).

A prerequisite is written as a short code: a kind, and for some kinds a level after a colon —
"norwegian:b1", "digital:independent", "work_experience_years:5", "completed:norwegian_course",
"job_guarantee". The same value means "an offer needs this" and "a participant has this": a participant
holding Norwegian B2 meets an offer's need for B1 (`satisfies`).

Texts are English msgids marked with `N_`. To show a prerequisite, translate the text of `describe()` and
each of its param values (they are N_ texts, or values such as "B1" and "5" that gettext leaves as they
are), then format; `render(gettext)` does exactly that.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from kvp.rules.measures import MEASURE_LABELS, MeasureType
from kvp.rules.skills import DIGITAL_LABELS, Cefr, DigitalLevel
from kvp.rules.texts import N_

MAX_WORK_EXPERIENCE_YEARS = 60  # the largest number of years an offer may ask for


class PrerequisiteKind(StrEnum):
    NORWEGIAN = "norwegian"  # level: a Cefr value; the held level must be at least the needed one
    DIGITAL = "digital"  # level: a DigitalLevel value
    ACTIVE_PLACEMENT = "active_placement"  # in a work practice, wage subsidy or paid work now
    JOB_GUARANTEE = "job_guarantee"  # an employer has promised a job afterwards
    FUNDING_APPROVAL = "funding_approval"  # NAV has approved paying for it
    DRIVING_LICENCE = "driving_licence"
    WORK_EXPERIENCE_YEARS = "work_experience_years"  # level: whole years in the offer's trade, e.g. "5"
    COMPLETED = "completed"  # level: a MeasureType value that must have been completed


# Kinds written with a level; the others are written without one.
LEVELLED_KINDS = frozenset(
    {
        PrerequisiteKind.NORWEGIAN,
        PrerequisiteKind.DIGITAL,
        PrerequisiteKind.WORK_EXPERIENCE_YEARS,
        PrerequisiteKind.COMPLETED,
    }
)


class PrerequisiteSource(StrEnum):
    """Where a prerequisite comes from, for the leader's wording (E6)."""

    INSTITUTIONAL = "institutional"  # a rule of the office or the provider: a leader can change it
    SKILL = "skill"  # a skill, qualification or experience the participant can gain


# E6: a job guarantee, funding approval or an ongoing placement are demands of the system, not skills.
PREREQUISITE_SOURCES = {
    PrerequisiteKind.NORWEGIAN: PrerequisiteSource.SKILL,
    PrerequisiteKind.DIGITAL: PrerequisiteSource.SKILL,
    PrerequisiteKind.ACTIVE_PLACEMENT: PrerequisiteSource.INSTITUTIONAL,
    PrerequisiteKind.JOB_GUARANTEE: PrerequisiteSource.INSTITUTIONAL,
    PrerequisiteKind.FUNDING_APPROVAL: PrerequisiteSource.INSTITUTIONAL,
    PrerequisiteKind.DRIVING_LICENCE: PrerequisiteSource.SKILL,
    PrerequisiteKind.WORK_EXPERIENCE_YEARS: PrerequisiteSource.SKILL,
    PrerequisiteKind.COMPLETED: PrerequisiteSource.SKILL,
}
INSTITUTIONAL_KINDS = frozenset(
    kind for kind, source in PREREQUISITE_SOURCES.items() if source is PrerequisiteSource.INSTITUTIONAL
)

# Kinds that come from outside the catalogue — the participant's history or situation, an employer's
# promise, a decision by NAV, or a licence taken privately — so no offer giving them is not a barrier
# by itself (barriers.unobtainable leaves them out). They still count as missing for those who lack them.
EXTERNAL_KINDS = frozenset(
    {
        PrerequisiteKind.JOB_GUARANTEE,
        PrerequisiteKind.FUNDING_APPROVAL,
        PrerequisiteKind.DRIVING_LICENCE,
        PrerequisiteKind.WORK_EXPERIENCE_YEARS,
    }
)

_KIND_ORDER = {kind: index for index, kind in enumerate(PrerequisiteKind)}
_KIND_VALUES = frozenset(kind.value for kind in PrerequisiteKind)
_YEARS = re.compile(r"[0-9]{1,2}")
_LEVEL_CHOICES: dict[PrerequisiteKind, tuple[str, ...]] = {
    PrerequisiteKind.NORWEGIAN: tuple(Cefr),
    PrerequisiteKind.DIGITAL: tuple(DigitalLevel),
    PrerequisiteKind.COMPLETED: tuple(MeasureType),
}
_EXAMPLES = {
    PrerequisiteKind.NORWEGIAN: "norwegian:b1",
    PrerequisiteKind.DIGITAL: "digital:independent",
    PrerequisiteKind.WORK_EXPERIENCE_YEARS: "work_experience_years:5",
    PrerequisiteKind.COMPLETED: "completed:norwegian_course",
}


class PrerequisiteError(ValueError):
    """An unknown or malformed prerequisite. `message` is an N_ text and `params` its values (plain
    values: codes and numbers, not to be translated); `code` names the problem for tests and forms."""

    def __init__(self, code: str, message: str, params: dict[str, str]) -> None:
        self.code = code
        self.message = message
        self.params = params
        super().__init__(message % params)


def _same(text: str) -> str:
    return text


def _canonical_level(kind: PrerequisiteKind, level: str) -> tuple[str, int]:
    """The level as it is written in a code, and its rank (higher meets more), or PrerequisiteError."""
    if kind not in LEVELLED_KINDS:
        if level:
            raise PrerequisiteError(
                "level_not_allowed",
                N_("The prerequisite “%(kind)s” has no level: write just “%(kind)s”, not “%(code)s”."),
                {"kind": kind.value, "code": f"{kind.value}:{level}"},
            )
        return "", 0
    if not level:
        raise PrerequisiteError(
            "level_missing",
            N_("The prerequisite “%(kind)s” needs a level, for example “%(example)s”."),
            {"kind": kind.value, "example": _EXAMPLES[kind]},
        )
    if kind is PrerequisiteKind.WORK_EXPERIENCE_YEARS:
        years = int(level) if _YEARS.fullmatch(level) else 0
        if not 1 <= years <= MAX_WORK_EXPERIENCE_YEARS:
            raise PrerequisiteError(
                "unknown_level",
                N_("The prerequisite “%(kind)s” needs a whole number of years from 1 to %(max)s, not “%(level)s”."),
                {"kind": kind.value, "max": str(MAX_WORK_EXPERIENCE_YEARS), "level": level},
            )
        return str(years), years
    choices = _LEVEL_CHOICES[kind]
    if level not in choices:
        raise PrerequisiteError(
            "unknown_level",
            N_("Unknown level “%(level)s” for the prerequisite “%(kind)s”. Use one of: %(levels)s."),
            {"kind": kind.value, "level": level, "levels": ", ".join(choices)},
        )
    return level, choices.index(level)


@dataclass(frozen=True, order=True)
class Prerequisite:
    """What an offer needs, or what a participant holds. Construct with a kind and, for levelled kinds, a
    level ("b1", "5", ...); an invalid combination raises PrerequisiteError. Values sort by kind (in
    PrerequisiteKind order) and then by level, lowest first."""

    kind: PrerequisiteKind = field(compare=False)
    level: str = field(default="", compare=False)
    _key: tuple[int, int, str] = field(init=False, repr=False)  # order, equality and hash

    def __post_init__(self) -> None:
        try:
            kind = PrerequisiteKind(self.kind)
        except ValueError:
            raise PrerequisiteError(
                "unknown_kind",
                N_("Unknown prerequisite “%(code)s”. Known prerequisites: %(known)s."),
                {"code": str(self.kind), "known": ", ".join(PrerequisiteKind)},
            ) from None
        level, rank = _canonical_level(kind, str(self.level))
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "level", level)
        object.__setattr__(self, "_key", (_KIND_ORDER[kind], rank, level))

    def __repr__(self) -> str:
        return f"Prerequisite.parse({self.code!r})"

    @property
    def rank(self) -> int:
        """The level's rank within its kind: CEFR and digital ranks, the years, the measure's index."""
        return self._key[1]

    @property
    def code(self) -> str:
        return f"{self.kind.value}:{self.level}" if self.level else self.kind.value

    @classmethod
    def parse(cls, code: str) -> Prerequisite:
        """A prerequisite from its code, e.g. "norwegian:B1" or " job_guarantee "; case and spaces around
        the parts do not matter. Raises PrerequisiteError (a ValueError) with a clear message."""
        text = code.strip().lower()
        if not text:
            raise PrerequisiteError(
                "empty",
                N_("A prerequisite is empty: write a code such as “norwegian:b1” or “job_guarantee”."),
                {},
            )
        kind_text, _, level = (part.strip() for part in text.partition(":"))
        if kind_text not in _KIND_VALUES:
            raise PrerequisiteError(
                "unknown_kind",
                N_("Unknown prerequisite “%(code)s”. Known prerequisites: %(known)s."),
                {"code": code.strip(), "known": ", ".join(PrerequisiteKind)},
            )
        return cls(PrerequisiteKind(kind_text), level)

    @classmethod
    def parse_all(cls, text: str) -> tuple[Prerequisite, ...]:
        """Prerequisites separated by commas, semicolons or new lines, sorted and without repeats; an
        empty text means none. The first bad code raises PrerequisiteError."""
        codes = [part for part in re.split(r"[,;\n]", text) if part.strip()]
        return tuple(sorted({cls.parse(part) for part in codes}))

    def describe(self) -> tuple[str, dict[str, str]]:
        """A phrase to put after "needs" (an N_ text) and its params, e.g. ("Norwegian at level
        %(level)s", {"level": "B1"}). Translate the params too; `render` does it all (E10)."""
        kind = self.kind
        if kind is PrerequisiteKind.NORWEGIAN:
            cefr = Cefr(self.level)
            if cefr is Cefr.PRE_A1:
                return N_("some Norwegian, below level A1"), {}
            return N_("Norwegian at level %(level)s"), {"level": cefr.label}
        if kind is PrerequisiteKind.DIGITAL:
            return N_("digital skills at the level “%(level)s”"), {"level": DIGITAL_LABELS[DigitalLevel(self.level)]}
        if kind is PrerequisiteKind.WORK_EXPERIENCE_YEARS:
            if self.level == "1":
                return N_("at least one year of work experience in the trade"), {}
            return N_("at least %(years)s years of work experience in the trade"), {"years": self.level}
        if kind is PrerequisiteKind.COMPLETED:
            return N_("a completed “%(measure)s”"), {"measure": MEASURE_LABELS[MeasureType(self.level)]}
        return _PHRASES[kind], {}

    def render(self, translate: Callable[[str], str] = _same) -> str:
        """The phrase of `describe`, translated with `translate` (pass gettext) and formatted."""
        text, params = self.describe()
        return translate(text) % {name: translate(value) for name, value in params.items()}

    @property
    def source(self) -> PrerequisiteSource:
        return PREREQUISITE_SOURCES[self.kind]


_PHRASES = {
    PrerequisiteKind.ACTIVE_PLACEMENT: N_("an ongoing work practice, wage subsidy or paid work"),
    PrerequisiteKind.JOB_GUARANTEE: N_("a job guarantee from an employer"),
    PrerequisiteKind.FUNDING_APPROVAL: N_("approved funding"),
    PrerequisiteKind.DRIVING_LICENCE: N_("a driving licence"),
}


def satisfies(held: Prerequisite, needed: Prerequisite) -> bool:
    """Whether holding `held` meets the need `needed` (E5): the same kind, and for levels at least the
    needed one (CEFR and digital rank, years); a completed measure must be the same measure."""
    if held.kind is not needed.kind:
        return False
    if held.kind is PrerequisiteKind.COMPLETED:
        return held.level == needed.level
    return held.rank >= needed.rank


def met(holds: Iterable[Prerequisite], needed: Prerequisite) -> bool:
    """Whether anything in `holds` meets `needed` (E5)."""
    return any(satisfies(held, needed) for held in holds)
