"""A few demo discrimination incidents at the office's employers (E12): one unresolved
(a demand to take off the hijab at the till, followed up with the employer and the Ombud advice given),
one resolved after the employer apologised, and one where the participant did not want us to act.

Each concerns a participant who has (or had) a place at that employer, recorded by their counsellor through
`incident_record`, as on the incident page: the same checks, and the audit event a real record leaves. The
texts name no one: roles only."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q

from kvp.accounts.models import Office
from kvp.catalogue.incidents import incident_record
from kvp.catalogue.models import Incident, Participation
from kvp.participants.access import check_participant_access


@dataclass(frozen=True)
class Story:
    days_ago: int
    what_happened: str
    witnesses: str
    consent: str
    talk_after: int | None  # days after the incident
    talk_note: str
    ombud_after: int | None
    outcome: str
    resolved_after: int | None  # None: still open


STORIES = (
    Story(
        days_ago=19,
        what_happened=(
            "Vaktleder ba deltakeren ta av hijaben når hun sto i kassen, og sa at «kundene vil se norske ansikter». "
            "Deltakeren har arbeidspraksis her og har brukt hijab uten problemer de første ukene."
        ),
        witnesses="En kollega i kassen og en kunde",
        consent=Incident.Consent.YES,
        talk_after=6,
        talk_note=(
            "Møte med butikksjef. Hun var ikke kjent med saken, vil snakke med vaktleder og gå gjennom "
            "retningslinjene for arbeidsantrekk. Ny samtale om to uker."
        ),
        ombud_after=2,
        outcome="",
        resolved_after=None,
    ),
    Story(
        days_ago=130,
        what_happened=(
            "Etter intervju om arbeidspraksis sa daglig leder at de «ikke har erfaring med folk fra Somalia» og "
            "at det ville bli for krevende for de andre ansatte. Deltakeren fikk ikke plassen."
        ),
        witnesses="Veileder var med på intervjuet",
        consent=Incident.Consent.YES,
        talk_after=3,
        talk_note="Samtale med daglig leder om diskrimineringsloven og hva arbeidspraksis innebærer.",
        ombud_after=1,
        outcome=(
            "Daglig leder beklaget skriftlig til deltakeren, og nytt intervju ble holdt. Deltakeren startet i "
            "arbeidspraksis tre uker senere."
        ),
        resolved_after=28,
    ),
    Story(
        days_ago=75,
        what_happened=(
            "Kolleger ga deltakeren kallenavn i stedet for å bruke navnet hans, og en av dem sa han burde "
            "«ta et norsk navn, det er enklere for alle»."
        ),
        witnesses="Flere kolleger på lageret",
        consent=Incident.Consent.NO,
        talk_after=None,
        talk_note="",
        ombud_after=4,
        outcome="Deltakeren ville ikke at vi tok det opp med arbeidsgiver. Han fikk råd om å klage til ombudet "
        "og valgte å bytte praksisplass.",
        resolved_after=20,
    ),
)


def seed_incidents(*, office: Office, today: datetime.date) -> int:
    """Write the demo incidents at employers where the office's participants have places; returns how many."""
    placements = (
        Participation.objects.filter(offer__provider__office=office, offer__provider__is_employer=True)
        .filter(Q(status=Participation.Status.PARTICIPATING) | Q(status=Participation.Status.ENDED))
        .select_related("offer__provider", "participant__counsellor")
        .exclude(participant__counsellor__isnull=True)
        .order_by("offer__provider__name", "participant__last_name", "pk")
    )
    chosen: list[Participation] = []
    for participation in placements:
        providers = {item.offer.provider_id for item in chosen}
        if participation.offer.provider_id not in providers:
            chosen.append(participation)
        if len(chosen) == len(STORIES):
            break
    incidents = [_record(story, place, today) for story, place in zip(STORIES, chosen, strict=False)]
    return len(incidents)


def _record(story: Story, participation: Participation, today: datetime.date) -> Incident:
    happened = today - datetime.timedelta(days=story.days_ago)

    def after(days: int | None) -> datetime.date | None:
        return None if days is None else min(today, happened + datetime.timedelta(days=days))

    counsellor = participation.participant.counsellor
    if counsellor is None:
        raise ValueError("only placements of participants with a counsellor are chosen")
    return incident_record(
        actor=counsellor,
        provider=participation.offer.provider,
        access=check_participant_access(counsellor, participation.participant),
        today=today,
        fields={
            "happened_on": happened,
            "what_happened": story.what_happened,
            "witnesses": story.witnesses,
            "consent": story.consent,
            "employer_talk_on": after(story.talk_after),
            "employer_talk_note": story.talk_note,
            "ombud_advice_on": after(story.ombud_after),
            "outcome": story.outcome,
            "status": Incident.Status.OPEN if story.resolved_after is None else Incident.Status.RESOLVED,
            "resolved_on": after(story.resolved_after),
        },
    )
