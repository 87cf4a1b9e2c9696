import dataclasses
import datetime

import pytest

from kvp.rules.aftercare import Benefit, Situation
from kvp.rules.case_status import EndReason
from kvp.rules.kostra_record import (
    After,
    Aftercare,
    BenefitBefore,
    MaritalStatus,
    ProgrammeFacts,
    SupportAlongside,
    benefit_months,
    children_under_18,
    record_values,
    sex_code,
    situation_after,
)

D = datetime.date


def facts(**changes: object) -> ProgrammeFacts:
    base = ProgrammeFacts(
        municipality="3301", district="", journal="AB12CD34", national_id="01058512345",
        birth_date=D(1985, 5, 1), marital_status=MaritalStatus.COHABITING, children_under_18=2,
        applied_on=D(2026, 1, 10), decided_on=D(2026, 2, 1), starts_on=D(2026, 2, 15), from_municipality="",
        benefits_before=frozenset({BenefitBefore.SOCIAL_ASSISTANCE_SUPPLEMENT, BenefitBefore.INTRODUCTION}),
        support_alongside=frozenset({SupportAlongside.HOUSING_BANK}), benefit_months=frozenset({2, 3, 11}),
        paid_kroner=123456, status=3, ended_on=D(2026, 11, 30), end_reason=EndReason.COMPLETED_WORK, aftercare=None,
        caseworker="Z990101",
    )  # fmt: skip
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_it_fills_each_field_from_the_facts() -> None:
    values = record_values(year=2026, facts=facts())
    assert values == {
        "KOMMUNE_NR": "3301", "VERSION": "26", "BYDELSNR": "", "FODSELSDATO": "01051985",
        "PERSON_JOURNALNR": "AB12CD34", "PERSON_FODSELSNR": "01058512345", "KJONN": "1", "EKTSTAT": "3",
        "BU18": "1", "ANTBU18": "2", "REG_DATO": "10012026", "VEDTAK_DATO": "01022026", "BEGYNT_DATO": "15022026",
        "KVP_KOMM": "2", "KOMMNR_KVP_KOMM": "", "YTELSE_SOSHJELP": "1", "YTELSE_TYPE_SOSHJ": "3",
        "YTELSE_INTRO": "4", "KVP_MED_ASTONAD": "1", "KVP_MED_HUSBANKBOS": "5", "STMND_2": "02", "STMND_3": "03",
        "STMND_11": "11", "KVP_STONAD": "123456", "STATUS": "3", "AVSL_DATO": "30112026", "AVSL_ORDINAERTARB": "01",
        "AVSL_VIKTIGSTE_INNTEKT": "01", "SAKSBEHANDLER": "Z990101",
    }  # fmt: skip


def test_a_running_programme_has_no_end_fields() -> None:
    values = record_values(year=2026, facts=facts(status=1, ended_on=None, end_reason=None))
    assert values["STATUS"] == "1"
    assert not {"AVSL_DATO", "AVSL_ORDINAERTARB", "AVSL_VIKTIGSTE_INNTEKT"} & set(values)


def test_a_move_has_an_end_date_but_no_situation_after() -> None:
    values = record_values(year=2026, facts=facts(status=5, end_reason=EndReason.MOVED))
    assert values["AVSL_DATO"] == "30112026"
    assert "AVSL_VIKTIGSTE_INNTEKT" not in values


def test_unanswered_questions_stay_blank() -> None:
    values = record_values(year=2026, facts=facts(marital_status=None, from_municipality=None, support_alongside=None))
    assert values["EKTSTAT"] == ""
    assert "KVP_KOMM" not in values
    assert "KVP_MED_ASTONAD" not in values


def test_no_children_and_no_support_are_answered_no() -> None:
    values = record_values(year=2026, facts=facts(children_under_18=0, support_alongside=frozenset()))
    assert (values["BU18"], values["ANTBU18"], values["KVP_MED_ASTONAD"]) == ("2", "", "2")


def test_an_earlier_programme_elsewhere_names_its_municipality() -> None:
    values = record_values(year=2026, facts=facts(from_municipality="0301"))
    assert (values["KVP_KOMM"], values["KOMMNR_KVP_KOMM"]) == ("1", "0301")


@pytest.mark.parametrize(("number", "code"), [("01058512345", "1"), ("01058512245", "2"), ("", "")])
def test_the_sex_comes_from_the_ninth_digit(number: str, code: str) -> None:
    assert sex_code(number) == code


def test_it_counts_children_under_18_on_the_day() -> None:
    births = [D(2008, 12, 31), D(2009, 1, 1), D(2027, 1, 1)]
    assert children_under_18(births, on=D(2026, 12, 31)) == 1  # 18 that day; under 18; not yet born


def test_benefit_months_are_the_months_paid_periods_cover_in_the_year() -> None:
    periods = [(D(2025, 12, 15), D(2026, 1, 14)), (D(2026, 5, 20), D(2026, 7, 3)), (D(2026, 12, 20), D(2027, 1, 3))]
    assert benefit_months(periods, year=2026) == {1, 5, 6, 7, 12}


@pytest.mark.parametrize(
    ("reason", "aftercare", "after"),
    [
        (EndReason.COMPLETED_WAGE_SUBSIDY, None, After.WORK_WAGE_SUBSIDY),
        (EndReason.COMPLETED_EDUCATION, None, After.EDUCATION),
        (EndReason.OTHER_BENEFIT, Aftercare(Situation.OTHER_BENEFIT, Benefit.AAP), After.AAP),
        (EndReason.OTHER_BENEFIT, Aftercare(Situation.OTHER_BENEFIT, Benefit.UFORETRYGD), After.DISABILITY),
        (EndReason.COMPLETED_OTHER, Aftercare(Situation.WORK_PART_TIME), After.WORK),
        (EndReason.CONDITIONS_NO_LONGER_MET, None, After.UNKNOWN),
        (EndReason.SOCIAL_ASSISTANCE, None, After.ASSISTANCE),
    ],
)
def test_the_situation_after_comes_from_the_end_reason_or_the_first_after_care(
    reason: EndReason, aftercare: Aftercare | None, after: After
) -> None:
    assert situation_after(reason, aftercare) is after
