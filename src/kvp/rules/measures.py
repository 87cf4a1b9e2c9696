"""Kinds of measure (tiltak) a plan's activities are made of, and what the law and the evidence say
about each kind. Concrete offers from providers belong to the catalogue; this is the vocabulary.
"""

from __future__ import annotations

from enum import StrEnum

from kvp.rules.texts import N_


class MeasureType(StrEnum):
    WORK_PRACTICE = "work_practice"  # arbeidstrening / praksisplass
    WAGE_SUBSIDY = "wage_subsidy"  # lønnstilskudd
    PAID_WORK = "paid_work"  # ordinary paid work, part time (S4)
    JOB_SEEKING = "job_seeking"  # jobbsøking
    JOB_COACH = "job_coach"  # individuell jobbstøtte / jobbspesialist
    LABOUR_MARKET_COURSE = "labour_market_course"  # AMO-kurs
    VOCATIONAL_NORWEGIAN = "vocational_norwegian"  # yrkesnorsk: language practice with tuition (E9)
    NORWEGIAN_COURSE = "norwegian_course"
    TRADE_CERTIFICATE = "trade_certificate"  # fagbrev, incl. the experience route (praksiskandidat, E4)
    DRIVING_LICENCE = "driving_licence"
    DIGITAL_SKILLS = "digital_skills"
    EDUCATION = "education"
    MASTERY_COURSE = "mastery_course"  # motivasjon / mestring
    HEALTH_ACTIVITY = "health_activity"  # necessary health help, opptrening
    OWN_ACTIVITY = "own_activity"  # egenaktivitet
    OTHER = "other"  # proposed by the participant, not yet in the catalogue


MEASURE_LABELS = {
    MeasureType.WORK_PRACTICE: N_("Work practice"),
    MeasureType.WAGE_SUBSIDY: N_("Wage subsidy"),
    MeasureType.PAID_WORK: N_("Paid work"),
    MeasureType.JOB_SEEKING: N_("Job seeking"),
    MeasureType.JOB_COACH: N_("Job coach"),
    MeasureType.LABOUR_MARKET_COURSE: N_("Labour-market course"),
    MeasureType.VOCATIONAL_NORWEGIAN: N_("Vocational Norwegian"),
    MeasureType.NORWEGIAN_COURSE: N_("Norwegian course"),
    MeasureType.TRADE_CERTIFICATE: N_("Trade certificate route"),
    MeasureType.DRIVING_LICENCE: N_("Driving licence course"),
    MeasureType.DIGITAL_SKILLS: N_("Digital skills course"),
    MeasureType.EDUCATION: N_("Education"),
    MeasureType.MASTERY_COURSE: N_("Mastery and motivation course"),
    MeasureType.HEALTH_ACTIVITY: N_("Health activity"),
    MeasureType.OWN_ACTIVITY: N_("Own activity"),
    MeasureType.OTHER: N_("Other activity"),
}

# § 30 and forskrift § 1: the programme must contain work-directed measures (S2, S5).
WORK_DIRECTED = frozenset(
    {
        MeasureType.WORK_PRACTICE,
        MeasureType.WAGE_SUBSIDY,
        MeasureType.PAID_WORK,
        MeasureType.JOB_SEEKING,
        MeasureType.JOB_COACH,
        MeasureType.TRADE_CERTIFICATE,
        MeasureType.VOCATIONAL_NORWEGIAN,
    }
)
# Placements at a workplace: where "works alone" matters for language practice (E14).
PLACEMENTS = frozenset({MeasureType.WORK_PRACTICE, MeasureType.WAGE_SUBSIDY, MeasureType.PAID_WORK})
# Kinds that usually lead to a formal qualification (E3); each activity still says whether it does.
USUALLY_QUALIFYING = frozenset({MeasureType.TRADE_CERTIFICATE, MeasureType.DRIVING_LICENCE, MeasureType.EDUCATION})
