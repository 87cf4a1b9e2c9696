"""A demo participant's mapping (kartlegging): strengths first, what matters, work and education, Norwegian
per skill, digital skills, driving licence, accommodations and learning (E2, E13, E18).

The mapping is drawn once per participant and also gives the plan what it builds on (`Profile`): the
trade the person aims for, their Norwegian and digital level, their licence. Norwegian follows the case
notes: someone whose notes say they later passed an oral test at B1 is mapped at A2 in speaking, with
reading and writing often a step below. People who grew up in Norway are mapped at C1 without a test.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Mapping as Mapping_
from dataclasses import dataclass, field, replace
from decimal import Decimal

from kvp.accounts.models import User
from kvp.demo import plan_texts, tracks
from kvp.demo.gardener import Persona
from kvp.demo.names import ORIGINS
from kvp.demo.people import Person
from kvp.demo.story import at, new_uuid
from kvp.demo.texts import CEFR_LEVELS
from kvp.demo.tracks import Track
from kvp.participants.models import Participant
from kvp.plans.models import Education, Mapping, WorkExperience
from kvp.rules.skills import Cefr, DigitalLevel

LEVELS = list(Cefr)
LANGUAGE_OF_COUNTRY = {origin.country: origin.languages[0] for origin in ORIGINS}
OWN_WORDS_SHARE = 0.35  # of people whose language OWN_WORDS has, who write some parts in it
TRADE_EXPERIENCE_SHARE = 0.6  # have worked in the trade they aim for
SUSPECTED_SHARE = 0.07
ASSESSED_SHARE = 0.04
ACCOMMODATION_SHARE = 0.2
PARTIAL_SHARE = 0.7  # of new applications with a counsellor: the first talk started the mapping
GAPS_SHARE = {"assessed": 0.35, "granted": 0.1, "refused": 0.1}  # incomplete mappings by current status
GAPS_SHARE_OTHERWISE = 0.04
_TENTH = Decimal("0.1")


@dataclass(frozen=True)
class Profile:
    """What the plan builds on: drawn with the mapping, whether or not all of it was recorded."""

    track: Track
    learner: bool  # learns Norwegian as an adult
    own_language: str  # a language code, or "" when not known or Norwegian
    writes_own: bool  # writes some of their own parts in their own language (OWN_WORDS)
    speaking: Cefr
    lowest: Cefr  # the lowest of the four Norwegian skills
    digital: DigitalLevel
    licence: str
    trade_years: Decimal | None  # years of work in the trade aimed for
    matters: tuple[str, ...]

    @property
    def next_test(self) -> str:
        """The Norwegian test level the person works towards: one above speaking, at least A2."""
        return CEFR_LEVELS[max(1, min(self.speaking.rank, len(CEFR_LEVELS) - 1))]


@dataclass
class MappingRows:
    mapping: Mapping
    complete: bool
    work_experience: list[WorkExperience] = field(default_factory=list)
    education: list[Education] = field(default_factory=list)


def own_language(person: Person) -> str:
    if person.interpreter_language:
        return person.interpreter_language
    if person.preferred_language not in {"nb", "nn", ""}:
        return person.preferred_language
    if person.learns_norwegian:
        return LANGUAGE_OF_COUNTRY.get(person.country_of_birth, "")
    return ""


def step_level(level: Cefr, steps: int) -> Cefr:
    return LEVELS[max(0, min(len(LEVELS) - 1, level.rank + steps))]


class MappingBuilder:
    """Draws one participant's profile and mapping rows from `rng` (the participant's own stream)."""

    def __init__(
        self,
        rng: random.Random,
        *,
        person: Person,
        participant: Participant,
        counsellor: User,
        login: User | None,
        facts: Mapping_[str, str],
        today: datetime.date,
        persona: Persona | None = None,
    ) -> None:
        self.rng = rng
        self.today = today
        self.person = person
        self.participant = participant
        self.counsellor = counsellor
        self.login = login
        self.facts = facts
        self.persona = persona

    def profile(self) -> Profile:
        rng, person, persona = self.rng, self.person, self.persona
        track = persona.track if persona else tracks.TRACK_BY_OCCUPATION[self.facts["occupation"]]
        language = own_language(person)
        learner = person.learns_norwegian
        if learner:
            speaking = LEVELS[CEFR_LEVELS.index(self.facts["next_level"])]  # the notes' later test is one above
            if person.needs_interpreter and rng.random() < 0.3:
                speaking = step_level(speaking, -1)
            if speaking.rank > Cefr.B1.rank and rng.random() < 0.7:
                speaking = Cefr.B1
            lowest = min(speaking, step_level(speaking, -rng.choice((0, 1, 1))), key=lambda level: level.rank)
        else:
            speaking = lowest = Cefr.C1
        if person.needs_interpreter:
            digital = rng.choices(list(DigitalLevel), weights=(30, 60, 10, 0))[0]
        elif learner:
            digital = rng.choices(list(DigitalLevel), weights=(0, 45, 45, 10))[0]
        else:
            digital = rng.choices(list(DigitalLevel), weights=(0, 15, 60, 25))[0]
        if track.occupation == "IT-supportmedarbeider" and digital.rank < DigitalLevel.INDEPENDENT.rank:
            digital = DigitalLevel.INDEPENDENT
        licences = Mapping.DrivingLicence
        if track.occupation == "bussjåfør":
            licence = rng.choice((licences.FOREIGN, licences.CAR, licences.HEAVY))
        elif learner:
            licence = rng.choices(list(licences), weights=(50, 10, 20, 0, 20))[0]
        else:
            licence = rng.choices(list(licences), weights=(35, 15, 45, 5, 0))[0]
        years_available = (self.today - person.birth_date).days // 365 - 18
        trade_years = None
        if rng.random() < TRADE_EXPERIENCE_SHARE and years_available >= 2:
            trade_years = Decimal(rng.randint(2, min(15, years_available)))
        matters = _matters(rng)
        profile = Profile(
            track=track,
            learner=learner,
            own_language=language,
            writes_own=(
                language in plan_texts.OWN_WORDS
                and (person.needs_interpreter or speaking.rank <= Cefr.A2.rank)
                and rng.random() < OWN_WORDS_SHARE
            ),
            speaking=speaking,
            lowest=lowest,
            digital=digital,
            licence=licence,
            trade_years=trade_years,
            matters=matters,
        )
        if persona is None:
            return profile
        level = persona.norwegian
        return replace(
            profile, learner=True, speaking=level, lowest=level, trade_years=persona.trade_years, writes_own=False
        )

    def rows(self, profile: Profile, *, on: datetime.date, parts: str) -> MappingRows:
        """The mapping as recorded by `on`. `parts` is "complete", "gaps" (a few parts missing) or "partial"
        (started in the first talk: strengths, what matters, maybe work experience)."""
        rng = self.rng
        moment = at(rng, on, from_hour=9, to_hour=15)
        mapping = Mapping(
            id=new_uuid(rng),
            participant_id=self.participant.pk,
            updated_at=moment + datetime.timedelta(minutes=30),
            updated_by_id=self.counsellor.pk,
            version=rng.randint(1, 3) if parts == "partial" else rng.randint(5, 11),
        )
        self._about(mapping, profile)
        rows = MappingRows(mapping=mapping, complete=parts == "complete")
        if parts == "partial" and rng.random() < 0.5:
            return rows
        rows.work_experience = self._work(mapping, profile, moment)
        mapping.no_work_experience = not rows.work_experience
        if parts == "partial":
            return rows
        rows.education = self._education(mapping, profile, moment)
        mapping.no_education = not rows.education
        self._skills(mapping, profile, on)
        if parts == "gaps":
            self._leave_gaps(mapping, rows, profile)
        return rows

    def _about(self, mapping: Mapping, profile: Profile) -> None:
        rng = self.rng
        if profile.writes_own:
            mapping.strengths = plan_texts.OWN_WORDS[profile.own_language].strengths
            mapping.strengths_language = profile.own_language
        else:
            sentences = [profile.track.strength, rng.choice(plan_texts.TRAITS)]
            spoken = plan_texts.LANGUAGE_NAMES.get(profile.own_language)
            if profile.learner and spoken and spoken != "engelsk" and rng.random() < 0.4:
                sentences.append(f"Jeg snakker {spoken}{' og engelsk' if rng.random() < 0.4 else ''}.")
            mapping.strengths = " ".join(sentences)
            mapping.strengths_language = "nb"
        mapping.what_matters = list(profile.matters)
        mapping.wanted_occupations = [tracks.TRACK_CODES[profile.track.occupation]]
        if rng.random() < 0.55:
            texts = {value: text for value, _weight, text in plan_texts.MATTERS}
            mapping.what_matters_text = texts[profile.matters[0]]
            mapping.what_matters_language = "nb"

    def _writer(self) -> User:
        """Who typed a line the participant could write themself: they, if they log in, or the counsellor."""
        if self.login is not None and self.rng.random() < 0.5:
            return self.login
        return self.counsellor

    def _work(self, mapping: Mapping, profile: Profile, moment: datetime.datetime) -> list[WorkExperience]:
        rng, person = self.rng, self.person
        country = person.country_of_birth if profile.learner else "NO"
        jobs: list[tuple[str, str, Decimal, str]] = []  # occupation, country, years, description
        track = profile.track
        if profile.trade_years is not None:
            note = track.experience_note if rng.random() < 0.4 else ""
            jobs.append((track.past_jobs[0], country, profile.trade_years, note))
        if profile.learner:
            count = rng.choices((0, 1, 2), weights=(35, 45, 20))[0]
            others = [job for job in plan_texts.OTHER_JOBS if job != track.past_jobs[0]]
            for occupation in rng.sample(others, count):
                jobs.append((occupation, country, Decimal(rng.randint(1, 8)), ""))
            if rng.random() < 0.35:  # a job in Norway since arriving
                half_years = Decimal(rng.randint(1, 6)) / 2
                jobs.append((rng.choice(plan_texts.JOBS_IN_NORWAY), "NO", half_years.quantize(_TENTH), ""))
        else:
            count = rng.choices((0, 1, 2), weights=(25, 50, 25))[0]
            for occupation in rng.sample(plan_texts.JOBS_IN_NORWAY, count):
                jobs.append((occupation, "NO", (Decimal(rng.randint(1, 10)) / 2).quantize(_TENTH), ""))
        return [
            WorkExperience(
                id=new_uuid(rng),
                mapping_id=mapping.pk,
                occupation=occupation,
                occupation_code=tracks.JOB_CODES.get(occupation, ""),
                country=where,
                years=years.quantize(_TENTH),
                description=description,
                language="nb" if description else "",
                added_by=self._writer(),
                added_at=moment + datetime.timedelta(minutes=5 + number),
            )
            for number, (occupation, where, years, description) in enumerate(jobs[:3])
        ]

    def _education(self, mapping: Mapping, profile: Profile, moment: datetime.datetime) -> list[Education]:
        rng, levels, recognition = self.rng, Education.Level, Education.Recognition
        rows: list[tuple[str, str, str, bool, str]] = []  # level, field, country, completed, recognition
        if self.persona is not None:
            rows.append((self.persona.education, "", self.person.country_of_birth, True, recognition.NOT_APPLIED))
        elif profile.learner:
            if rng.random() < 0.08:
                return []  # no schooling: recorded as such (no_education)
            country = self.person.country_of_birth
            level = rng.choices(list(levels), weights=(20, 20, 25, 15, 15, 5))[0]
            if profile.track.occupation in {"sykepleier", "regnskapsmedarbeider"}:
                level = levels.BACHELOR
            subject = ""
            if level in {levels.VOCATIONAL, levels.BACHELOR, levels.MASTER}:
                matching = profile.trade_years is not None or level == levels.BACHELOR
                subject = profile.track.education_field if matching else rng.choice(plan_texts.FIELDS)
                status = rng.choices(
                    (recognition.RECOGNISED, recognition.APPLIED, recognition.NOT_APPLIED, recognition.NOT_RECOGNISED),
                    weights=(25, 30, 35, 10),
                )[0]
            elif level == levels.UPPER_SECONDARY:
                subject = rng.choice(plan_texts.FIELDS)
                status = rng.choice((recognition.NOT_APPLIED, recognition.RECOGNISED))
            else:
                status = recognition.NOT_APPLIED
            rows.append((level, subject, country, rng.random() < 0.85, status))
            if level in {levels.PRIMARY, levels.LOWER_SECONDARY} and rng.random() < 0.4:
                rows.append((levels.LOWER_SECONDARY, plan_texts.ADULT_SCHOOL, "NO", False, recognition.NOT_NEEDED))
        else:
            level = rng.choices(
                (levels.LOWER_SECONDARY, levels.UPPER_SECONDARY, levels.VOCATIONAL), weights=(40, 45, 15)
            )[0]
            subject = rng.choice(plan_texts.NORWEGIAN_FIELDS) if level != levels.LOWER_SECONDARY else ""
            completed = level != levels.UPPER_SECONDARY or rng.random() < 0.35
            rows.append((level, subject, "NO", completed, recognition.NOT_NEEDED))
        return [
            Education(
                id=new_uuid(rng),
                mapping_id=mapping.pk,
                level=level,
                field=subject,
                country=country,
                completed=completed,
                recognition=status,
                added_by=self._writer(),
                added_at=moment + datetime.timedelta(minutes=10 + number),
            )
            for number, (level, subject, country, completed, status) in enumerate(rows)
        ]

    def _skills(self, mapping: Mapping, profile: Profile, on: datetime.date) -> None:
        rng, person = self.rng, self.person
        speaking = profile.speaking
        mapping.norwegian_speaking = speaking.value
        mapping.norwegian_listening = (speaking if rng.random() < 0.5 else step_level(speaking, 1)).value
        if profile.learner:
            reading = max(profile.lowest, step_level(speaking, -rng.choice((0, 1))), key=lambda level: level.rank)
            mapping.norwegian_reading = reading.value
            mapping.norwegian_writing = profile.lowest.value
            if speaking.rank >= Cefr.A1.rank and rng.random() < 0.55:
                mapping.norwegian_test_name = plan_texts.NORWEGIAN_TEST
                mapping.norwegian_test_date = on - datetime.timedelta(days=rng.randint(30, 500))
            elif rng.random() < 0.5:
                mapping.norwegian_test_name = plan_texts.PLACEMENT_TEST
                mapping.norwegian_test_date = on - datetime.timedelta(days=rng.randint(5, 60))
        else:
            mapping.norwegian_listening = mapping.norwegian_reading = mapping.norwegian_writing = Cefr.C1.value
        mapping.digital_skills = profile.digital.value
        mapping.driving_licence = profile.licence
        mapping.accommodations_recorded = True
        if rng.random() < ACCOMMODATION_SHARE:
            options = [text for text in plan_texts.ACCOMMODATIONS if person.needs_interpreter or "Tolk" not in text]
            mapping.accommodations = rng.choice(options)
        difficulty, how = Mapping.LearningDifficulty, Mapping.AssessedHow
        draw = rng.random()
        if draw < SUSPECTED_SHARE:
            mapping.learning_difficulty = difficulty.SUSPECTED
            mapping.learning_assessed_how = how.INTERPRETER if person.needs_interpreter else how.NOT_ASSESSED
        elif draw < SUSPECTED_SHARE + ASSESSED_SHARE:
            mapping.learning_difficulty = rng.choice((difficulty.ASSESSED_NONE, difficulty.ASSESSED_FOUND))
            if person.needs_interpreter:
                mapping.learning_assessed_how = rng.choice((how.INTERPRETER, how.OWN_LANGUAGE))
            else:
                mapping.learning_assessed_how = how.NORWEGIAN_ONLY
        else:
            mapping.learning_difficulty = difficulty.NONE_KNOWN

    def _leave_gaps(self, mapping: Mapping, rows: MappingRows, profile: Profile) -> None:
        """One to three parts not yet recorded."""
        gaps = ["digital", "driving", "accommodations", "learning", "education"]
        if profile.learner:
            gaps.append("norwegian")
        for gap in self.rng.sample(gaps, self.rng.randint(1, 3)):
            if gap == "digital":
                mapping.digital_skills = ""
            elif gap == "driving":
                mapping.driving_licence = ""
            elif gap == "accommodations":
                mapping.accommodations, mapping.accommodations_recorded = "", False
            elif gap == "learning":
                mapping.learning_difficulty = mapping.learning_assessed_how = ""
            elif gap == "education":
                rows.education, mapping.no_education = [], False
            else:
                mapping.norwegian_reading = mapping.norwegian_writing = ""
                mapping.norwegian_test_name, mapping.norwegian_test_date = "", None


def _matters(rng: random.Random) -> tuple[str, ...]:
    values = [value for value, _weight, _text in plan_texts.MATTERS]
    weights = [weight for _value, weight, _text in plan_texts.MATTERS]
    chosen: list[str] = []
    for _ in range(rng.choice((1, 2, 2, 3))):
        value = rng.choices(values, weights=weights)[0]
        if value not in chosen:
            chosen.append(value)
    return tuple(chosen)
