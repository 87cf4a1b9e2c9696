"""One participant's story as rows: cases with their events, meetings and case notes.

Everything is dated from the case histories, so notes and meetings follow the cases: a mapping
talk when the case was assessed, a start meeting when the programme started, follow-ups while it
runs, an end note with the end reason, after-care at 3, 6 and 12 months (E16).
"""

from __future__ import annotations

import datetime
import random
import uuid
from collections.abc import Mapping

from django.utils import timezone

from kvp.accounts.models import User
from kvp.demo import texts
from kvp.demo.history import ASSESSED, ENDED, History, months_in_days, workday
from kvp.demo.people import Person
from kvp.demo.places import OFFICE_NAME, OFFICE_ROOMS, OTHER_MUNICIPALITIES, PHONE_PLACE, VIDEO_PLACE
from kvp.followup.models import CaseNote, Meeting
from kvp.participants.models import Participant
from kvp.programme.decisions import decision_snapshot, result_as_json
from kvp.programme.models import Case, CaseEvent, Decision, EligibilityReview
from kvp.rules.case_status import OPEN_STATUSES, CaseStatus, EndReason
from kvp.rules.eligibility import Application, WorkAbility, assess_eligibility

MAX_NOTES = 6
FOLLOW_UPS_KEPT = 3  # follow-up meetings kept per programme: the most recent ones
CANCELLED_SHARE = 0.05
REMOTE_INTERPRETER_LANGUAGES = frozenset({"so", "ti", "prs"})  # interpreters join by phone
INTERPRETER_BOOKED_AHEAD = datetime.timedelta(days=7)
COMPLETED = frozenset({EndReason.COMPLETED_WORK, EndReason.COMPLETED_EDUCATION, EndReason.COMPLETED_OTHER})
NO_END_MEETING = frozenset({EndReason.NON_ATTENDANCE, EndReason.MOVED})
NEXT_TOPIC = {
    CaseStatus.APPLIED: texts.TOPIC_MAPPING,
    CaseStatus.ASSESSED: texts.TOPIC_DECISION,
    CaseStatus.GRANTED: texts.TOPIC_START,
}


def new_uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def at(rng: random.Random, day: datetime.date, *, from_hour: int, to_hour: int) -> datetime.datetime:
    """A time on `day` between the hours, on the quarter hour, in the office's time zone."""
    minutes = rng.randrange(from_hour * 60, to_hour * 60, 15)
    moment = datetime.time(minutes // 60, minutes % 60)
    return datetime.datetime.combine(day, moment, tzinfo=timezone.get_default_timezone())


def _event_comment(history: History, status: CaseStatus) -> str:
    if status is ENDED and history.end_reason:
        return texts.END_COMMENTS[history.end_reason]
    return texts.EVENT_COMMENTS[status]


def _date(day: datetime.date | None) -> str:
    return f"{day:%d.%m.%Y}" if day else ""


def note_facts(rng: random.Random, person: Person, overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """What the notes say about one participant, drawn once so that all notes agree. `overrides` replace
    drawn values (a persona, kvp.demo.gardener) without changing what is drawn."""
    goal = rng.choice(texts.GOALS)
    level = rng.choice((0, 1) if person.needs_interpreter else (1, 2, 3))  # spoken Norwegian now: A1-A2 or A2-B2
    base = {
        "first": person.first_name,
        "occupation": goal.occupation,
        "experience": goal.experience,
        "route": goal.route,
        "workplace": goal.workplace,
        "years": str(rng.randint(2, 15)),
        "strength": rng.choice(texts.STRENGTHS),
        "with_interpreter": " med tolk" if person.needs_interpreter else "",
        "milestone": rng.choice(texts.MILESTONES),
        "job": rng.choice(texts.JOBS),
        "education": rng.choice(texts.EDUCATIONS),
        "condition": rng.choice(texts.CONDITIONS),
        "municipality": rng.choice(OTHER_MUNICIPALITIES),
        "office": OFFICE_NAME,
        "next_level": texts.CEFR_LEVELS[level + 1],
    } | dict(overrides or {})
    plan = texts.PLAN_WITH_NORWEGIAN if person.learns_norwegian else texts.PLAN_WITHOUT_NORWEGIAN
    composed = {
        "proposal": rng.choice(texts.PROPOSALS),
        "refusal": rng.choice(texts.REFUSALS),
        "withdrawal": rng.choice(texts.WITHDRAWALS),
        "plan": plan,
    }
    return base | {key: value.format_map(base) for key, value in composed.items()}


class Story:
    """Builds the rows for one participant, whose cases are handled by `actor`.

    Rows refer to the participant and the actor by id (setting ids is much faster than setting instances
    when there are a million rows), so the actor must be saved before its rows are.
    """

    def __init__(
        self,
        rng: random.Random,
        *,
        today: datetime.date,
        participant: Participant,
        person: Person,
        actor: User,
        facts: Mapping[str, str],
    ) -> None:
        self.rng = rng
        self.today = today
        self.participant = participant
        self.person = person
        self.actor = actor
        self.facts = facts

    def case(self, history: History) -> tuple[Case, list[CaseEvent]]:
        rng = self.rng
        times = sorted(at(rng, step.on, from_hour=8, to_hour=12) for step in history.steps)  # steps may share a day
        case = Case(
            id=new_uuid(rng),
            participant_id=self.participant.pk,
            status=history.status,
            end_reason=history.end_reason or "",
            applied_on=history.applied_on,
            received_by_id=self.actor.pk,
            decided_on=history.decided_on,
            starts_on=history.starts_on,
            ends_on=history.ends_on,
            ended_on=history.ended_on,
            created_at=times[0],
            version=len(history.steps),
        )
        _answer_for_the_return(case, today=self.today)
        events = [
            CaseEvent(
                case_id=case.pk,
                at=moment,
                actor_id=self.actor.pk,
                from_status=previous.status if previous else "",
                to_status=step.status,
                comment=_event_comment(history, step.status),
            )
            for previous, step, moment in zip((None, *history.steps), history.steps, times, strict=False)
        ]
        return case, events

    def decisions(self, history: History, case: Case, approver: User) -> tuple[list[EligibilityReview], list[Decision]]:
        """The § 29 review behind an assessed case, and the decision a granted or refused case rests on."""
        assessed_on = history.on(CaseStatus.ASSESSED)
        if assessed_on is None:
            return [], []
        refused = history.on(CaseStatus.REFUSED) is not None
        work_ability = "not_significantly_reduced" if refused else "significantly_reduced"
        result = result_as_json(
            assess_eligibility(
                application=Application(
                    birth_date=self.person.birth_date, application_date=history.applied_on,
                    work_ability=WorkAbility(work_ability), needs_close_follow_up=True,
                    lawful_residence_and_abode=True, programme_fit=not refused,
                )
            )
        )  # fmt: skip
        moment = at(self.rng, assessed_on, from_hour=9, to_hour=15)
        review = EligibilityReview(
            case_id=case.pk, reviewed_by_id=self.actor.pk, reviewed_at=moment, work_ability=work_ability,
            work_ability_assessed_on=assessed_on, close_follow_up=True, lawful_residence=True,
            programme_fit=not refused, result=result,
        )  # fmt: skip
        decided_on = history.decided_on
        if decided_on is None:
            return [review], []
        grant = not refused
        decision = Decision(
            id=new_uuid(self.rng),
            case_id=case.pk,
            kind=Decision.Kind.GRANT if grant else Decision.Kind.REFUSAL,
            status=Decision.Status.APPROVED,
            language="nn" if self.rng.random() < 0.1 else "nb",
            starts_on=history.planned_start if grant else None,
            ends_on=history.granted_until if grant else None,
            reasons=texts.EVENT_COMMENTS[CaseStatus.GRANTED if grant else CaseStatus.REFUSED],
            made_by_id=self.actor.pk,
            made_at=at(self.rng, decided_on, from_hour=9, to_hour=15),
            approved_by_id=None if grant else approver.pk,
            decided_on=decided_on,
            snapshot={},
        )
        decision.snapshot = decision_snapshot(
            decision, case=case, participant=self.participant, made_by=self.actor,
            approved_by=None if grant else approver, review_result=result,
        )  # fmt: skip
        return [review], [decision]

    def notes(self, current: History, earlier: History | None) -> list[CaseNote]:
        """1-6 notes: the earlier case's outcome, each step of the current case, follow-ups while it runs."""
        drafted: list[tuple[datetime.date, texts.NoteText, History]] = []
        if earlier is not None:
            drafted.append((earlier.last_on, self._step_note(earlier, earlier.status), earlier))
        drafted += [(step.on, self._step_note(current, step.status), current) for step in current.steps]
        drafted += [(day, note, current) for day, note in self._follow_up_notes(current)]
        drafted.sort(key=lambda item: item[0])
        if len(drafted) > MAX_NOTES:  # keep the first and the latest, and some in between
            middle = sorted(self.rng.sample(range(1, len(drafted) - 1), MAX_NOTES - 2))
            drafted = [drafted[0], *(drafted[i] for i in middle), drafted[-1]]
        return [
            CaseNote(
                id=new_uuid(self.rng),
                participant_id=self.participant.pk,
                author_id=self.actor.pk,
                title=note.title,
                text=note.text.format_map(self._dated(history)),
                created_at=at(self.rng, day, from_hour=12, to_hour=16),
            )
            for day, note, history in drafted
        ]

    def _step_note(self, history: History, status: CaseStatus) -> texts.NoteText:
        if status is ENDED and history.end_reason:
            return texts.END_NOTES[history.end_reason]
        return self.rng.choice(texts.STEP_NOTES[status])

    def _follow_up_notes(self, history: History) -> list[tuple[datetime.date, texts.NoteText]]:
        start = history.starts_on
        if start is None:
            return []
        last = min(history.ended_on or self.today, self.today) - datetime.timedelta(days=1)
        span = (last - start).days
        count = self.rng.randint(0, min(3, span // 60)) if span > 20 else 0
        options = texts.FOLLOW_UP_NOTES + ((texts.LANGUAGE_NOTE,) if self.person.learns_norwegian else ())
        days = sorted(self._workday(start + datetime.timedelta(days=self.rng.randint(20, span))) for _ in range(count))
        return list(zip(days, self.rng.sample(options, count), strict=True))

    def _dated(self, history: History) -> dict[str, str]:
        return dict(self.facts) | {
            "applied": _date(history.applied_on),
            "start": _date(history.starts_on or history.planned_start),
            "granted_until": _date(history.granted_until),
            "ends": _date(history.ends_on),
            "ended": _date(history.ended_on),
        }

    def meetings(self, history: History) -> list[Meeting]:
        """Meetings held along the current case, and the next one planned."""
        planned: list[tuple[datetime.date, str, str]] = []  # (day, topic, place)
        assessed, start = history.on(ASSESSED), history.starts_on
        if assessed:
            planned.append((assessed, texts.TOPIC_MAPPING, self._office_place()))
        if start:
            planned.append((start, texts.TOPIC_START, self._office_place()))
            planned += self._follow_up_meetings(history, start)
        if history.end_reason and start:
            planned += self._end_meetings(history.end_reason, history.last_on)
        if history.status in OPEN_STATUSES:
            soon = self._workday(self.today + datetime.timedelta(days=self.rng.randint(2, 35)))
            topic = NEXT_TOPIC.get(history.status) or self.rng.choice(texts.TOPIC_FOLLOW_UPS)
            planned.append((soon, topic, self._office_place()))
        return [self._meeting(day, topic, place) for day, topic, place in planned]

    def _follow_up_meetings(self, history: History, start: datetime.date) -> list[tuple[datetime.date, str, str]]:
        """Every 5-9 weeks while the programme runs; only the most recent are kept."""
        last = min(history.ended_on or self.today, self.today)
        found: list[tuple[datetime.date, str, str]] = []
        day = start + datetime.timedelta(days=self.rng.randint(35, 63))
        while day < last:
            if self.rng.random() < 0.3:
                found.append((self._workday(day), texts.TOPIC_WORKPLACE, f"{self.facts['workplace']} (praksisplass)"))
            else:
                found.append((self._workday(day), self.rng.choice(texts.TOPIC_FOLLOW_UPS), self._office_place()))
            day += datetime.timedelta(days=self.rng.randint(35, 63))
        return found[-FOLLOW_UPS_KEPT:]

    def _end_meetings(self, reason: EndReason, ended: datetime.date) -> list[tuple[datetime.date, str, str]]:
        """An end talk, and after a completed programme follow-up at 3, 6 and 12 months up to the next one."""
        found = [] if reason in NO_END_MEETING else [(ended, texts.TOPIC_END, self._office_place())]
        if reason in COMPLETED:
            for month in (3, 6, 12):
                day = self._workday(ended + datetime.timedelta(days=months_in_days(month)))
                found.append((day, texts.TOPIC_AFTER_CARE, PHONE_PLACE))
                if day > self.today:
                    break
        return found

    def _workday(self, day: datetime.date) -> datetime.date:
        return workday(day, self.today)

    def _office_place(self) -> str:
        return self.rng.choices((self.rng.choice(OFFICE_ROOMS), VIDEO_PLACE, PHONE_PLACE), weights=(7, 2, 1))[0]

    def _meeting(self, day: datetime.date, topic: str, place: str) -> Meeting:
        rng = self.rng
        starts_at = at(rng, day, from_hour=9, to_hour=15)
        status = Meeting.Status.PLANNED
        if day <= self.today:
            status = Meeting.Status.CANCELLED if rng.random() < CANCELLED_SHARE else Meeting.Status.HELD
        booked_on = min(day - datetime.timedelta(days=rng.randint(2, 21)), self.today)
        channel = {VIDEO_PLACE: Meeting.Channel.VIDEO, PHONE_PLACE: Meeting.Channel.PHONE}.get(
            place, Meeting.Channel.IN_PERSON
        )
        meeting = Meeting(
            id=new_uuid(rng),
            participant_id=self.participant.pk,
            starts_at=starts_at,
            duration_minutes=60 if self.person.needs_interpreter else rng.choice((30, 45, 45, 60)),
            channel=channel,
            place=place,
            interpreter_language=self.person.interpreter_language,
            topic=topic,
            status=status,
            organiser_id=self.actor.pk,
            created_at=at(rng, booked_on, from_hour=8, to_hour=16),
        )
        if meeting.interpreter_language:
            self._book_interpreter(meeting)
        return meeting

    def _book_interpreter(self, meeting: Meeting) -> None:
        """A phone or video meeting has the interpreter on the same line; at the office, interpreters in Somali,
        Tigrinya and Dari (few in the Drammen region) take part by phone and the others in person. Meetings held,
        and planned meetings in the coming week, are booked; later ones not yet. Every held meeting used one."""
        forms = {
            Meeting.Channel.PHONE: Meeting.InterpreterForm.PHONE,
            Meeting.Channel.VIDEO: Meeting.InterpreterForm.VIDEO,
        }
        if meeting.channel in forms:
            meeting.interpreter_form = forms[Meeting.Channel(meeting.channel)]
        elif meeting.interpreter_language in REMOTE_INTERPRETER_LANGUAGES:
            meeting.interpreter_form = Meeting.InterpreterForm.PHONE
        else:
            meeting.interpreter_form = Meeting.InterpreterForm.IN_PERSON
        midnight = datetime.datetime.combine(self.today, datetime.time(), tzinfo=timezone.get_default_timezone())
        week_ahead = midnight + INTERPRETER_BOOKED_AHEAD
        if meeting.status != Meeting.Status.PLANNED or meeting.starts_at < week_ahead:
            meeting.interpreter_booked = True
            meeting.interpreter_booking_reference = f"TOLK-{meeting.pk.hex[:6].upper()}"
        if meeting.status == Meeting.Status.HELD:
            meeting.interpreter_used = True


# How the demo's participants answer what the yearly return asks (KOSTRA, S18), drawn from the case's own id so
# the rest of the story stays as it was.
MARITAL_WEIGHTS = (("1", 55), ("2", 15), ("3", 12), ("4", 15), ("5", 3))
BENEFITS_BEFORE = (((), 30), (("social_assistance_main",), 45), (("social_assistance_supplement",), 15),
                   (("introduction",), 7), (("measure_benefit",), 3))  # fmt: skip
SUPPORT = (
    ((), 55),
    (("housing_bank",), 25),
    (("regular_supplement",), 10),
    (("municipal_housing", "one_off_assistance"), 10),
)


def _answer_for_the_return(case: Case, *, today: datetime.date) -> None:
    if case.starts_on is None:
        return
    rng = random.Random(f"{case.pk}:kostra")  # noqa: S311 -- synthetic demo data, not security
    case.marital_status = rng.choices([code for code, _ in MARITAL_WEIGHTS], [w for _, w in MARITAL_WEIGHTS])[0]
    case.from_programme_elsewhere = False
    case.benefits_before = list(rng.choices([b for b, _ in BENEFITS_BEFORE], [w for _, w in BENEFITS_BEFORE])[0])
    last = (case.ended_on or today).year
    case.support_alongside = {
        str(year): sorted(rng.choices([s for s, _ in SUPPORT], [w for _, w in SUPPORT])[0])
        for year in range(case.starts_on.year, min(last, today.year) + 1)
    }
