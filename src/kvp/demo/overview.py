"""The demo counsellor's overview: reminders (huskelapp) and colour categories for Z990101's participants,
and the stored alerts for the whole office (what `kvp daily` would have left there this morning).

Z990101 sets the categories through the overview's service, as on the overview page. The reminders are due
around the demo's `today`, which may lie in the past (`kvp demo --today`), while `reminder_create` refuses a
due date before yesterday by the clock; so they take the validated fast path (kvp.demo.inserts).
"""

from __future__ import annotations

import datetime
import random

from kvp.accounts.models import Office
from kvp.demo.generator import Staff
from kvp.demo.inserts import insert_validated
from kvp.overview.alerts import alerts_refresh
from kvp.overview.models import Reminder
from kvp.overview.services import category_set
from kvp.participants.access import check_participant_access
from kvp.participants.models import Participant

DEMO_COUNSELLOR = "Z990101"
REMINDERS = (
    ("Ring praksisstedet og hør hvordan første uke gikk", 0),
    ("Bestill tolk (somali) til neste samtale", 2),
    ("Sjekk om søknaden om godkjenning av utdanning er sendt", 5),
    ("Følg opp legeerklæring etter fraværet", -1),
    ("Avtal trepartsmøte med arbeidsgiver om lønnstilskudd", 9),
    ("Snakk om hva som skjer etter programmet", 14),
    ("Minn om norskprøven 12. – påmelding", 3),
)
COLOURS = ("a", "b", "c", "d", "e", "f")


def seed_overview(rng: random.Random, *, office: Office, staff: Staff, today: datetime.date) -> int:
    """Reminders and categories for about half of the demo counsellor's participants; then the alert refresh.
    Returns the number of alerts stored."""
    counsellor = next((user for user in staff.counsellors if user.username == DEMO_COUNSELLOR), None)
    if counsellor is not None:
        people = list(Participant.objects.filter(office=office, counsellor=counsellor).order_by("last_name", "pk"))
        chosen = rng.sample(people, k=min(len(people), len(REMINDERS)))
        reminders = [
            Reminder(participant=person, text=text, due=today + datetime.timedelta(days=days), created_by=counsellor)
            for person, (text, days) in zip(chosen, REMINDERS, strict=False)
        ]
        insert_validated(Reminder, reminders)
        for person in people:
            if rng.random() < 0.5:
                category_set(
                    actor=counsellor, access=check_participant_access(counsellor, person), colour=rng.choice(COLOURS)
                )
    result = alerts_refresh(today=today)
    return result.created
