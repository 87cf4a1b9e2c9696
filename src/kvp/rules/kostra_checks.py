"""The control program's checks of the KOSTRA form 11CF (S18), run on the records before they are exported.

Each check reads the field values exactly as the file will hold them and gives problems with the control
program's number and severity: FATAL and ERROR stop Statistics Norway from accepting the file, so the export
is refused while one remains; a WARNING may be sent. The messages say what to fix in this system.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from stdnum.no import fodselsnummer

from kvp.rules.kostra_layout import DATE_PATTERN, ENCODING, OSLO, Field, Layout
from kvp.rules.texts import N_

Values = Mapping[str, str]

OSLO_DISTRICTS = frozenset(f"{number:02d}" for number in range(1, 16))
YOUNGEST, OLDEST = 18, 68
MOST_CHILDREN = 14
OLDEST_DATE_YEARS = 4
LARGEST_SUM = 600_000
MONTHS = tuple(f"STMND_{month}" for month in range(1, 13))
SUPPORT_FIELDS = ("KVP_MED_KOMMBOS", "KVP_MED_HUSBANKBOS", "KVP_MED_SOSHJ_ENGANG", "KVP_MED_SOSHJ_PGM",
                  "KVP_MED_SOSHJ_SUP")  # fmt: skip
AFTER_FIELDS = ("AVSL_ORDINAERTARB", "AVSL_ARBLONNSTILS", "AVSL_ARBMARK", "AVSL_SKOLE", "AVSL_UFORE", "AVSL_AAP",
                "AVSL_OK_AVKLAR", "AVSL_UTEN_OK_AVKLAR", "AVSL_ANNET", "AVSL_UKJENT")  # fmt: skip
ON_LEAVE, COMPLETED, ENDED_AFTER_INTERRUPTION = "2", "3", "7"
MOVED_DISTRICT = "6"

# How the message names a field, so a counsellor knows what to record.
FIELD_LABELS = {
    "KOMMUNE_NR": N_("municipality number"),
    "VERSION": N_("reporting year"),
    "BYDELSNR": N_("Oslo district"),
    "FODSELSDATO": N_("birth date"),
    "PERSON_JOURNALNR": N_("journal number"),
    "PERSON_FODSELSNR": N_("national identity number"),
    "KJONN": N_("sex"),
    "EKTSTAT": N_("marital status"),
    "BU18": N_("children under 18"),
    "ANTBU18": N_("number of children under 18"),
    "REG_DATO": N_("date the application was registered"),
    "VEDTAK_DATO": N_("date of the grant"),
    "BEGYNT_DATO": N_("programme start"),
    "KOMMNR_KVP_KOMM": N_("municipality of the earlier programme"),
    "KVP_STONAD": N_("benefit paid in the year"),
    "STATUS": N_("status on 31 December"),
    "AVSL_DATO": N_("end date"),
    "AVSL_VIKTIGSTE_INNTEKT": N_("main income after the end"),
    "SAKSBEHANDLER": N_("caseworker"),
}


class Severity(StrEnum):
    FATAL = "fatal"
    ERROR = "error"
    WARNING = "warning"


BLOCKING = frozenset({Severity.FATAL, Severity.ERROR})


@dataclass(frozen=True)
class Problem:
    check: str  # the control program's number
    severity: Severity
    message: str  # an N_ text; `params` fill it
    params: Mapping[str, object] = field(default_factory=dict)


def blocks_export(problems: Sequence[Problem]) -> bool:
    return any(problem.severity in BLOCKING for problem in problems)


def _date(value: str) -> datetime.date | None:
    try:
        return datetime.datetime.strptime(value, DATE_PATTERN).date() if len(value) == len("ddmmyyyy") else None
    except ValueError:
        return None


def _number(value: str) -> int | None:
    return int(value) if value.isdigit() else None


def _format_problem(layout_field: Field, value: str) -> Problem | None:
    label = FIELD_LABELS.get(layout_field.name, layout_field.name)
    if len(value) > layout_field.size or not _encodable(value):
        return Problem("001", Severity.FATAL, N_("The %(field)s does not fit the record: %(value)s."),
                       {"field": label, "value": value})  # fmt: skip
    if not value:
        return Problem("002", Severity.ERROR, N_("The %(field)s is missing."), {"field": label}) if (
            layout_field.mandatory) else None  # fmt: skip
    wrong = (
        (layout_field.kind == "integer" and _number(value) is None)
        or (layout_field.kind == "date" and _date(value) is None)
        or (layout_field.codes and value not in layout_field.codes)
    )
    return Problem("002", Severity.ERROR, N_("The %(field)s is not valid: %(value)s."),
                   {"field": label, "value": value}) if wrong else None  # fmt: skip


def _encodable(value: str) -> bool:
    try:
        value.encode(ENCODING)
    except UnicodeEncodeError:
        return False
    return value.isprintable()


def check_fields(layout: Layout, values: Values) -> list[Problem]:
    """001 and 002: every value fits its field, mandatory ones are there, numbers, dates and codes are valid."""
    found = (_format_problem(item, values.get(item.name, "")) for item in layout.fields)
    return [problem for problem in found if problem is not None]


def check_municipality(values: Values, municipality: str) -> list[Problem]:
    """003: the records belong to the municipality reporting; only Oslo gives a district, and a valid one."""
    problems = []
    if values.get("KOMMUNE_NR") != municipality:
        problems.append(Problem("003", Severity.ERROR, N_("The municipality number is %(found)s, not %(expected)s."),
                                {"found": values.get("KOMMUNE_NR", ""), "expected": municipality}))  # fmt: skip
    district = values.get("BYDELSNR", "")
    if municipality == OSLO and district not in OSLO_DISTRICTS:
        problems.append(Problem("003", Severity.ERROR, N_("An Oslo office must give its district number (01–15).")))
    if municipality != OSLO and district:
        problems.append(Problem("003", Severity.ERROR, N_("Only Oslo's offices give a district number.")))
    return problems


def check_year(values: Values, year: int) -> list[Problem]:
    """004: the record is for the year reported."""
    expected = f"{year % 100:02d}"
    if values.get("VERSION") == expected:
        return []
    return [Problem("004", Severity.ERROR, N_("The record is for year %(found)s, not %(expected)s."),
                    {"found": values.get("VERSION", ""), "expected": expected})]  # fmt: skip


def check_national_id(values: Values) -> list[Problem]:
    """005: the identity number has valid check digits (a warning: a foreign national may have none)."""
    number = values.get("PERSON_FODSELSNR", "")
    valid = (
        len(number) == 11
        and number.isdigit()
        and number[9:] == (fodselsnummer.calc_check_digit1(number) + fodselsnummer.calc_check_digit2(number))
    )
    return [] if valid else [Problem("005", Severity.WARNING, N_("The national identity number is not valid."))]


def check_age(values: Values, year: int) -> list[Problem]:
    """006 and 007: a participant is 18 or older, and rarely older than 68, in the reporting year."""
    born = _date(values.get("FODSELSDATO", ""))
    if born is None:
        return []
    age = year - born.year
    if age < YOUNGEST:
        return [Problem("006", Severity.ERROR, N_("The participant is %(age)s, under 18."), {"age": age})]
    if age > OLDEST:
        return [Problem("007", Severity.WARNING, N_("The participant is %(age)s, over 68."), {"age": age})]
    return []


def check_children(values: Values) -> list[Problem]:
    """011, 012, 013: the answer about children under 18 agrees with their number, which is plausible."""
    has_children, count = values.get("BU18", ""), _number(values.get("ANTBU18", "")) or 0
    if has_children == "1" and count == 0:
        return [Problem("011", Severity.ERROR, N_("Children under 18 are reported, but not how many."))]
    if count > 0 and has_children != "1":
        return [Problem("012", Severity.ERROR, N_("A number of children is given, but not that there are any."))]
    if count >= MOST_CHILDREN:
        return [Problem("013", Severity.ERROR, N_("%(count)s children under 18: is that right?"), {"count": count})]
    return []


def check_dates(values: Values, year: int) -> list[Problem]:
    """014, 015, 016: the application, grant and start dates are there and at most four years before the
    reporting year (Oslo's districts need not give the grant date)."""
    names = ["REG_DATO", "BEGYNT_DATO"] + ([] if values.get("KOMMUNE_NR") == OSLO else ["VEDTAK_DATO"])
    numbers = {"REG_DATO": "014", "VEDTAK_DATO": "015", "BEGYNT_DATO": "016"}
    problems = []
    for name in sorted(names, key=numbers.__getitem__):
        day = _date(values.get(name, ""))
        if day is None or year - day.year > OLDEST_DATE_YEARS:
            problems.append(Problem(numbers[name], Severity.ERROR,
                                    N_("The %(field)s is missing or more than four years before the year."),
                                    {"field": FIELD_LABELS[name]}))  # fmt: skip
    return problems


def check_previous_programme(values: Values, layout: Layout) -> list[Problem]:
    """019, 020: whether the participant came from a programme in another municipality, and which."""
    answer = values.get("KVP_KOMM", "")
    if answer not in {"1", "2"}:
        return [Problem("019", Severity.ERROR, N_("Record whether the participant came from a programme in "
                                                  "another municipality."))]  # fmt: skip
    if answer == "1" and values.get("KOMMNR_KVP_KOMM", "") not in layout.field("KOMMNR_KVP_KOMM").codes:
        return [Problem("020", Severity.ERROR, N_("Give the municipality of the earlier programme."))]
    return []


def check_benefits_before(values: Values) -> list[Problem]:
    """021: social assistance before the application says whether it was the main source or a supplement."""
    if values.get("YTELSE_SOSHJELP") == "1" and values.get("YTELSE_TYPE_SOSHJ") not in {"2", "3"}:
        return [Problem("021", Severity.ERROR, N_("Say whether the social assistance before the application was "
                                                  "the main income or a supplement."))]  # fmt: skip
    return []


def check_support_alongside(values: Values) -> list[Problem]:
    """026, 027: whether other support came alongside the benefit in the year, and which, agree."""
    answer = values.get("KVP_MED_ASTONAD", "")
    chosen = [name for name in SUPPORT_FIELDS if values.get(name, "").strip(" 0")]
    if answer not in {"1", "2"}:
        return [Problem("026", Severity.ERROR, N_("Record whether the participant also had social assistance or "
                                                  "housing allowance in the year."))]  # fmt: skip
    if (answer == "1") != bool(chosen):
        return [Problem("027", Severity.ERROR, N_("The support received alongside the benefit does not agree with "
                                                  "the answer whether there was any."))]  # fmt: skip
    return []


def check_payments(values: Values) -> list[Problem]:
    """028-032 (warnings): benefit months and the total paid are given together and the total is plausible."""
    status = values.get("STATUS", "")
    has_months = any(values.get(name, "").strip() for name in MONTHS)
    paid_text = values.get("KVP_STONAD", "").strip()
    paid = _number(paid_text) or 0
    problems = []
    if status != ON_LEAVE and not has_months:
        problems.append(Problem("028", Severity.WARNING, N_("No month with benefit paid in the year.")))
    if paid <= 0:
        problems.append(Problem("029", Severity.WARNING, N_("No benefit paid in the year.")))
    if status != ON_LEAVE and has_months and not paid_text:
        problems.append(Problem("030", Severity.WARNING, N_("Benefit months are given, but not the total paid.")))
    if status == "1" and paid > 0 and not has_months:
        problems.append(Problem("031", Severity.WARNING, N_("A total is paid, but no month is given.")))
    if paid > LARGEST_SUM:
        problems.append(Problem("032", Severity.WARNING, N_("%(paid)s kroner paid is more than the control limit of "
                                                            "600,000."), {"paid": paid}))  # fmt: skip
    return problems


def check_status(values: Values) -> list[Problem]:
    """036: a valid status is given; code 6 (moved to another district) is for Oslo's districts only."""
    status = values.get("STATUS", "")
    if not status:
        return [Problem("036", Severity.ERROR, N_("No status on 31 December follows from the case (for instance "
                                                  "after a death): record it by hand."))]  # fmt: skip
    if status == MOVED_DISTRICT and values.get("KOMMUNE_NR") != OSLO:
        return [Problem("036", Severity.ERROR, N_("Only Oslo's districts report a move to another district."))]
    return []


def check_end(values: Values) -> list[Problem]:
    """037, 038, 039: an ended programme has its end date; a completed one (or one ended after an
    interruption) the situation and the main income right after."""
    status = values.get("STATUS", "")
    problems = []
    if status in {"3", "4", "5", "7"} and not _date(values.get("AVSL_DATO", "")):
        problems.append(Problem("037", Severity.ERROR, N_("The end date is missing.")))
    if status in {COMPLETED, ENDED_AFTER_INTERRUPTION} and not any(values.get(name) for name in AFTER_FIELDS):
        problems.append(Problem("038", Severity.ERROR, N_("The situation right after the end is missing.")))
    if status == COMPLETED and not values.get("AVSL_VIKTIGSTE_INNTEKT"):
        problems.append(Problem("039", Severity.ERROR, N_("The main income right after the end is missing.")))
    return problems


def check_record(layout: Layout, values: Values, *, municipality: str) -> list[Problem]:
    """Every check of one record, in the control program's order."""
    checks: tuple[Callable[[], list[Problem]], ...] = (
        lambda: check_fields(layout, values),
        lambda: check_municipality(values, municipality),
        lambda: check_year(values, layout.year),
        lambda: check_national_id(values),
        lambda: check_age(values, layout.year),
        lambda: check_children(values),
        lambda: check_dates(values, layout.year),
        lambda: check_previous_programme(values, layout),
        lambda: check_benefits_before(values),
        lambda: check_support_alongside(values),
        lambda: check_payments(values),
        lambda: check_status(values),
        lambda: check_end(values),
    )
    return [problem for check in checks for problem in check()]


def check_duplicates(records: Sequence[Values]) -> dict[int, list[Problem]]:
    """005A and 005B, outside Oslo: one identity number with the same status twice, or one journal number
    twice, by the index of each record concerned."""
    found: dict[int, list[Problem]] = defaultdict(list)
    outside_oslo = [(index, values) for index, values in enumerate(records) if values.get("KOMMUNE_NR") != OSLO]
    pairs = Counter((values.get("PERSON_FODSELSNR"), values.get("STATUS")) for _, values in outside_oslo)
    journals = Counter(values.get("PERSON_JOURNALNR") for _, values in outside_oslo)
    for index, values in outside_oslo:
        if pairs[(values.get("PERSON_FODSELSNR"), values.get("STATUS"))] > 1:
            found[index].append(Problem("05A", Severity.ERROR,
                                        N_("The same person is reported twice with the same status.")))  # fmt: skip
        if journals[values.get("PERSON_JOURNALNR")] > 1:
            found[index].append(Problem("05B", Severity.ERROR, N_("The journal number %(journal)s is used twice."),
                                        {"journal": values.get("PERSON_JOURNALNR", "")}))  # fmt: skip
    return dict(found)
