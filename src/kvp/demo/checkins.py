"""Demo motivation check-ins: monthly answers for most participants in a running programme,
so that the participant page shows scores over time and the overview shows motivation alerts.

Each person has their own level per need, which wanders a little from month to month; about one in six has a
low stretch. One participant with a login tells this story: their autonomy score falls in
the check-in after a proposal of theirs was declined (E1: when the participant's view is not captured, the
counsellor's view rules). Participants with a login also find a check-in waiting on My page.

The answers are dated over the past year, and a service stamps an answer with the present moment, so they take
the validated fast path (kvp.demo.inserts). The same seed and `today` give the same answers.
"""

from __future__ import annotations

import datetime
import random
import uuid
from collections.abc import Mapping, Sequence

from django.utils import timezone

from kvp.accounts.models import Office
from kvp.demo.inserts import insert_validated
from kvp.motivation.instruments import default_instrument
from kvp.motivation.models import CheckIn
from kvp.plans.models import Proposal
from kvp.programme.models import Case
from kvp.rules.case_status import CaseStatus
from kvp.rules.motivation import Instrument, Need, score_answers

ANSWER_SHARE = 0.7  # of participants in a running programme who answer their check-ins
LOW_SHARE = 0.15
INTERVAL_DAYS = 30
MOST_CHECKINS = 12
HELP = (
    "Mer praksis i en ekte jobb, ikke bare kurs.",
    "Et norskkurs på kveldstid, så jeg kan hente barna.",
    "At jeg får prøve meg i butikk.",
    "Hjelp til å få førerkort.",
    "At veilederen ringer meg oftere.",
    "Noen å øve norsk med på arbeidsplassen.",
    "Å få godkjent utdanningen min fra hjemlandet.",
)
STORY_HELP = "At jeg får være med og bestemme. Jeg ønsket meg førerkort, men fikk nei."


def seed_checkins(rng: random.Random, *, office: Office, today: datetime.date) -> int:
    """Write the office's demo check-ins; returns how many."""
    instrument = default_instrument()
    running = list(
        Case.objects.filter(
            participant__office=office,
            status__in=[CaseStatus.ACTIVE, CaseStatus.EXTENDED],
            starts_on__isnull=False,
            starts_on__lte=today,
            participant__counsellor__isnull=False,
        )
        .order_by("participant__user__username", "participant_id")
        .values_list("participant_id", "starts_on", "participant__preferred_language", "participant__user__username")
    )
    story = _story_person(running, today)
    rows: list[CheckIn] = []
    for participant_id, starts_on, language, username in running:
        if starts_on is None:
            continue
        has_login = username is not None
        if (story is None or participant_id != story[0]) and not has_login and rng.random() > ANSWER_SHARE:
            continue
        person = random.Random(f"{participant_id}:checkins")  # noqa: S311 -- synthetic demo data
        answer_in = instrument.language_for(language)
        levels = {need: min(4.6, max(2.6, person.gauss(3.7, 0.5))) for need in Need}
        levels[Need.CONTROLLED_MOTIVATION] = min(4.5, max(1.5, person.gauss(3.0, 0.8)))
        low_from = None
        if person.random() < LOW_SHARE:
            low_from = person.randint(1, 4)  # months before today when a low stretch began
        dates = _monthly_dates(starts_on, today)
        is_story = story is not None and participant_id == story[0]
        if story is not None and is_story and dates:
            dates[-1] = max(dates[-1], story[1] + datetime.timedelta(days=3))  # the first check-in after it
        for index, on in enumerate(dates):
            months_ago = len(dates) - 1 - index
            drift = {need: person.gauss(0, 0.2) for need in Need}
            want = {need: levels[need] + drift[need] for need in Need}
            if low_from is not None and months_ago < low_from:
                want[Need.AUTONOMY if low_from % 2 else Need.RELATEDNESS] = person.uniform(1.0, 2.0)
            help_text = person.choice(HELP) if person.random() < 0.3 else ""
            if story is not None and is_story:
                if on >= story[1]:
                    want[Need.AUTONOMY] = 1.5  # after the declined proposal
                    want[Need.AUTONOMOUS_MOTIVATION] = 2.5
                    help_text = STORY_HELP
                else:
                    want[Need.AUTONOMY] = 4.2
            rows.append(_answered(instrument, participant_id, on, answer_in, want, help_text, person))
        if has_login and (not dates or (today - dates[-1]).days >= 20):
            rows.append(
                CheckIn(
                    participant_id=participant_id,
                    instrument_key=instrument.key,
                    instrument_version=instrument.version,
                    reason=CheckIn.Reason.MONTHLY,
                    due_on=today - datetime.timedelta(days=2),
                )
            )
    insert_validated(CheckIn, rows)
    return len(rows)


def _monthly_dates(starts_on: datetime.date, today: datetime.date) -> list[datetime.date]:
    """Answer dates a month apart from a month into the programme, the latest within the last three weeks."""
    first = starts_on + datetime.timedelta(days=INTERVAL_DAYS)
    if first > today:
        return []
    count = min(MOST_CHECKINS, (today - first).days // INTERVAL_DAYS + 1)
    last = today - datetime.timedelta(days=(today - first).days % INTERVAL_DAYS % 21)
    return [last - datetime.timedelta(days=INTERVAL_DAYS * back) for back in reversed(range(count))]


def _story_person(
    running: Sequence[tuple[uuid.UUID, datetime.date | None, str, str | None]], today: datetime.date
) -> tuple[uuid.UUID, datetime.date] | None:
    """A participant with a login whose proposal was declined 5-40 days ago, and the day it was declined;
    the first such by username, else anyone running with such a decline."""
    ids = [row[0] for row in running]
    declined = {
        participant_id: timezone.localdate(answered_at)
        for participant_id, answered_at in Proposal.objects.filter(
            plan__participant_id__in=ids,
            status=Proposal.Status.DECLINED,
            answered_at__date__gte=today - datetime.timedelta(days=40),
            answered_at__date__lte=today - datetime.timedelta(days=5),
        )
        .order_by("answered_at")
        .values_list("plan__participant_id", "answered_at")
        if answered_at is not None
    }
    long_enough = [
        row for row in running if row[0] in declined and row[1] is not None and (today - row[1]).days >= 75
    ]  # two check-ins: one before the decline, one after
    with_login = [row[0] for row in long_enough if row[3] is not None]
    chosen = with_login[0] if with_login else next((row[0] for row in long_enough), None)
    return (chosen, declined[chosen]) if chosen is not None else None


def _answered(
    instrument: Instrument,
    participant_id: uuid.UUID,
    on: datetime.date,
    language: str,
    want: Mapping[Need, float],
    help_text: str,
    rng: random.Random,
) -> CheckIn:
    answers: dict[str, int] = {}
    seen: dict[Need, int] = {}
    for item in instrument.scale_items:
        if item.need is None:
            continue
        # A need's two items round at different points, so a small change moves the score by half a point.
        offset = 0.25 if seen.get(item.need, 0) % 2 == 0 else -0.25
        seen[item.need] = seen.get(item.need, 0) + 1
        answers[item.key] = max(1, min(5, round(want[item.need] + offset)))
    scores = score_answers(instrument, answers)
    at = timezone.make_aware(datetime.datetime.combine(on, datetime.time(rng.randint(8, 21), rng.randint(0, 59))))
    return CheckIn(
        participant_id=participant_id,
        instrument_key=instrument.key,
        instrument_version=instrument.version,
        reason=CheckIn.Reason.MONTHLY,
        due_on=on,
        created_at=at - datetime.timedelta(days=rng.randint(0, 3)),
        answered_at=at,
        language=language,
        answers=answers,
        open_answers={"what_would_help": help_text} if help_text else {},
        scores={need.value: str(score) for need, score in scores.items()},
    )
