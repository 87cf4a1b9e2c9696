"""One participant's KOSTRA record (form 11CF, S18): the field values built from what the case holds.

Derived rather than asked: the legal sex from the national identity number (its ninth digit, odd for men:
folkeregisterloven § 2-2), the children under 18 from the children the participant provides for, the benefit
months and the total paid from the approved payments, and the situation after the end from the end reason,
refined by the first after-care contact that reached the person when the end reason does not say it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from kvp.rules.aftercare import Benefit, Situation
from kvp.rules.case_status import KOSTRA_ENDED_AFTER_INTERRUPTION, EndReason
from kvp.rules.dates import add_months
from kvp.rules.kostra_layout import DATE_PATTERN

COMPLETED = 3
YES, NO = "1", "2"


class MaritalStatus(StrEnum):
    """Sivilstand as the form codes it."""

    UNMARRIED = "1"
    MARRIED = "2"
    COHABITING = "3"
    DIVORCED = "4"
    WIDOWED = "5"


class BenefitBefore(StrEnum):
    """Benefits in the two months before the application was registered."""

    SOCIAL_ASSISTANCE_MAIN = "social_assistance_main"
    SOCIAL_ASSISTANCE_SUPPLEMENT = "social_assistance_supplement"
    INTRODUCTION = "introduction"
    MEASURE_BENEFIT = "measure_benefit"
    NATIONAL_INSURANCE = "national_insurance"


class SupportAlongside(StrEnum):
    """Other support received in the year alongside the qualification benefit."""

    MUNICIPAL_HOUSING = "municipal_housing"
    HOUSING_BANK = "housing_bank"
    ONE_OFF_ASSISTANCE = "one_off_assistance"
    PROGRAMME_COSTS = "programme_costs"
    REGULAR_SUPPLEMENT = "regular_supplement"


class After(StrEnum):
    """The situation right after the end, in the form's codes."""

    WORK = "01"
    WORK_WAGE_SUBSIDY = "11"
    MEASURE = "03"
    EDUCATION = "04"
    DISABILITY = "13"
    AAP = "14"
    ASSISTANCE_AWAITING_CLARIFICATION = "15"
    ASSISTANCE = "16"
    OTHER = "10"
    UNKNOWN = "17"


BEFORE_FIELDS: dict[BenefitBefore, dict[str, str]] = {
    BenefitBefore.SOCIAL_ASSISTANCE_MAIN: {"YTELSE_SOSHJELP": "1", "YTELSE_TYPE_SOSHJ": "2"},
    BenefitBefore.SOCIAL_ASSISTANCE_SUPPLEMENT: {"YTELSE_SOSHJELP": "1", "YTELSE_TYPE_SOSHJ": "3"},
    BenefitBefore.INTRODUCTION: {"YTELSE_INTRO": "4"},
    BenefitBefore.MEASURE_BENEFIT: {"YTELSE_TILTAKSPENGER": "5"},
    BenefitBefore.NATIONAL_INSURANCE: {"YTELSE_FOLKETRYGDL": "6"},
}
ALONGSIDE_FIELDS: dict[SupportAlongside, tuple[str, str]] = {
    SupportAlongside.MUNICIPAL_HOUSING: ("KVP_MED_KOMMBOS", "4"),
    SupportAlongside.HOUSING_BANK: ("KVP_MED_HUSBANKBOS", "5"),
    SupportAlongside.ONE_OFF_ASSISTANCE: ("KVP_MED_SOSHJ_ENGANG", "9"),
    SupportAlongside.PROGRAMME_COSTS: ("KVP_MED_SOSHJ_PGM", "8"),
    SupportAlongside.REGULAR_SUPPLEMENT: ("KVP_MED_SOSHJ_SUP", "7"),
}
AFTER_FIELDS: dict[After, str] = {
    After.WORK: "AVSL_ORDINAERTARB",
    After.WORK_WAGE_SUBSIDY: "AVSL_ARBLONNSTILS",
    After.MEASURE: "AVSL_ARBMARK",
    After.EDUCATION: "AVSL_SKOLE",
    After.DISABILITY: "AVSL_UFORE",
    After.AAP: "AVSL_AAP",
    After.ASSISTANCE_AWAITING_CLARIFICATION: "AVSL_OK_AVKLAR",
    After.ASSISTANCE: "AVSL_UTEN_OK_AVKLAR",
    After.OTHER: "AVSL_ANNET",
    After.UNKNOWN: "AVSL_UKJENT",
}
# End reasons that say the situation right after; the others take it from the after-care contact.
AFTER_END_REASON: dict[EndReason, After] = {
    EndReason.COMPLETED_WORK: After.WORK,
    EndReason.COMPLETED_WORK_PART_TIME: After.WORK,
    EndReason.COMPLETED_WAGE_SUBSIDY: After.WORK_WAGE_SUBSIDY,
    EndReason.COMPLETED_EDUCATION: After.EDUCATION,
    EndReason.SOCIAL_ASSISTANCE: After.ASSISTANCE,
}
AFTER_SITUATION: dict[Situation, After] = {
    Situation.WORK_FULL_TIME: After.WORK,
    Situation.WORK_PART_TIME: After.WORK,
    Situation.EDUCATION: After.EDUCATION,
    Situation.OTHER: After.OTHER,
    Situation.NOT_REACHED: After.UNKNOWN,
}
AFTER_BENEFIT: dict[Benefit, After] = {
    Benefit.AAP: After.AAP,
    Benefit.UFORETRYGD: After.DISABILITY,
    Benefit.SOSIALHJELP: After.ASSISTANCE,
    Benefit.DAGPENGER: After.OTHER,
    Benefit.OTHER: After.OTHER,
}


@dataclass(frozen=True)
class Aftercare:
    """What the first after-care contact that reached the person recorded."""

    situation: Situation
    benefit: Benefit | None = None


@dataclass(frozen=True)
class ProgrammeFacts:
    """What the return needs of one programme that ran in the year, as the system holds it."""

    municipality: str
    district: str  # Oslo's district (bydel), else ""
    journal: str
    national_id: str
    birth_date: datetime.date
    marital_status: MaritalStatus | None
    children_under_18: int
    applied_on: datetime.date
    decided_on: datetime.date | None
    starts_on: datetime.date | None
    from_municipality: str | None  # None: not recorded; "": did not come from a programme elsewhere
    benefits_before: frozenset[BenefitBefore]
    support_alongside: frozenset[SupportAlongside] | None  # None: not recorded for the year
    benefit_months: frozenset[int]
    paid_kroner: int
    status: int | None
    ended_on: datetime.date | None
    end_reason: EndReason | None
    aftercare: Aftercare | None
    caseworker: str


def sex_code(national_id: str) -> str:
    """1 man, 2 woman, from the ninth digit of the identity number; blank if it has none."""
    if len(national_id) != 11 or not national_id.isdigit():
        return ""
    return "1" if int(national_id[8]) % 2 else "2"


def children_under_18(birth_dates: Iterable[datetime.date], *, on: datetime.date) -> int:
    return sum(1 for born in birth_dates if born <= on < add_months(born, 18 * 12))


def benefit_months(periods: Iterable[tuple[datetime.date, datetime.date]], *, year: int) -> frozenset[int]:
    """The months of `year` that paid periods cover."""
    months: set[int] = set()
    for start, end in periods:
        first = max(start, datetime.date(year, 1, 1))
        last = min(end, datetime.date(year, 12, 31))
        months.update(range(first.month, last.month + 1) if first <= last else ())
    return frozenset(months)


def situation_after(end_reason: EndReason | None, aftercare: Aftercare | None) -> After:
    if end_reason in AFTER_END_REASON:
        return AFTER_END_REASON[end_reason]
    if aftercare is None:
        return After.UNKNOWN
    if aftercare.situation is Situation.OTHER_BENEFIT:
        return AFTER_BENEFIT.get(aftercare.benefit, After.OTHER) if aftercare.benefit else After.OTHER
    return AFTER_SITUATION[aftercare.situation]


def _date(day: datetime.date | None) -> str:
    return day.strftime(DATE_PATTERN) if day else ""


def record_values(*, year: int, facts: ProgrammeFacts) -> dict[str, str]:
    """The record's field values, unpadded; blank where the fact is missing (the checks then say so)."""
    values = {
        "KOMMUNE_NR": facts.municipality,
        "VERSION": f"{year % 100:02d}",
        "BYDELSNR": facts.district,
        "FODSELSDATO": _date(facts.birth_date),
        "PERSON_JOURNALNR": facts.journal,
        "PERSON_FODSELSNR": facts.national_id,
        "KJONN": sex_code(facts.national_id),
        "EKTSTAT": facts.marital_status.value if facts.marital_status else "",
        "BU18": YES if facts.children_under_18 else NO,
        "ANTBU18": str(facts.children_under_18) if facts.children_under_18 else "",
        "REG_DATO": _date(facts.applied_on),
        "VEDTAK_DATO": _date(facts.decided_on),
        "BEGYNT_DATO": _date(facts.starts_on),
        "STATUS": str(facts.status) if facts.status else "",
        "SAKSBEHANDLER": facts.caseworker,
    }
    if facts.from_municipality is not None:
        values["KVP_KOMM"] = YES if facts.from_municipality else NO
        values["KOMMNR_KVP_KOMM"] = facts.from_municipality
    for benefit in facts.benefits_before:
        values.update(BEFORE_FIELDS[benefit])
    if facts.support_alongside is not None:
        values["KVP_MED_ASTONAD"] = YES if facts.support_alongside else NO
        values.update(ALONGSIDE_FIELDS[support] for support in facts.support_alongside)
    values.update((f"STMND_{month}", f"{month:02d}") for month in facts.benefit_months)
    if facts.paid_kroner:
        values["KVP_STONAD"] = str(facts.paid_kroner)
    if facts.status is not None and facts.status >= COMPLETED:
        values["AVSL_DATO"] = _date(facts.ended_on)
    if facts.status in {COMPLETED, KOSTRA_ENDED_AFTER_INTERRUPTION}:
        after = situation_after(facts.end_reason, facts.aftercare)
        values[AFTER_FIELDS[after]] = after.value
        values["AVSL_VIKTIGSTE_INNTEKT"] = after.value
    return values
