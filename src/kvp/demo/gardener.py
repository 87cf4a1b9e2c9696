"""The demo's experienced gardener (E4): fifteen years as a gardener before coming to Norway, Norwegian at A2,
lower secondary school. For him the catalogue's recommendation should put the experience route to a trade
certificate and vocational Norwegian above yet another work practice in work he already masters.

The persona goes to the first participant with a login whose programme is running, who learns Norwegian as
an adult and is old enough to have worked fifteen years (deltaker02 in the default demo). Only that
participant's notes, mapping and plan change; everyone else is drawn as before.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from decimal import Decimal

from kvp.demo.history import STARTED, History
from kvp.demo.people import Person, add_years
from kvp.demo.tracks import FAGBREV_PROVIDER, TRACK_BY_OCCUPATION, Course, Track
from kvp.plans.models import Education
from kvp.rules.measures import MeasureType
from kvp.rules.skills import Cefr

YEARS = 15
MIN_AGE = 18 + YEARS + 2


@dataclass(frozen=True)
class Persona:
    """A participant drawn on purpose: the note facts, the track and the mapping they must have."""

    track: Track
    facts: dict[str, str]  # replace kvp.demo.story.note_facts' values
    norwegian: Cefr  # every skill at least this, the lowest exactly this
    trade_years: Decimal
    education: str  # Education.Level, completed, abroad
    wishes: tuple[str, ...] = ()  # catalogue keys (kvp.demo.catalogue) the persona wishes for first, in order


GARDENER_TRACK = replace(
    TRACK_BY_OCCUPATION["anleggsgartner"],
    occupation="gartner",
    goal_again="Jeg vil jobbe som gartner igjen, og nå vil jeg ha fagbrev.",
    experience_note="Dyrket grønnsaker og frukt i drivhus og på friland i femten år, og ledet sesongarbeiderne.",
    trade_title="Praksis i gartneri",
    trade_description="Planteproduksjon i drivhus og salg av planter, med fagarbeider som veileder.",
    course=Course(
        MeasureType.TRADE_CERTIFICATE,
        "Fagbrev som praksiskandidat: gartnerfaget",
        FAGBREV_PROVIDER,
        "Teorikurs én dag i uken og dokumentert praksis. Erfaringen fra før teller med.",
        "Fagbrev i gartnerfaget",
        "a2",
    ),
)
GARDENER = Persona(
    track=GARDENER_TRACK,
    facts={
        "occupation": "gartner",
        "experience": "gartneri og grønnsaksdyrking",
        "route": "praksiskandidatordningen i gartnerfaget",
        "workplace": "Lier Gartneri AS",
        "years": str(YEARS),
        "next_level": "A2",
    },
    norwegian=Cefr.A2,
    trade_years=Decimal(YEARS),
    education=Education.Level.LOWER_SECONDARY,
    wishes=("fagbrev_gartner", "yrkesnorsk_gronn"),  # the trade certificate, then vocational Norwegian (E4, E9)
)


def fits_gardener(person: Person, current: History, today: datetime.date) -> bool:
    """Whether this participant (who has a login) can be the gardener: a running programme, Norwegian learnt
    as an adult, and old enough for fifteen years of work."""
    return current.status in STARTED and person.learns_norwegian and add_years(person.birth_date, MIN_AGE) <= today
