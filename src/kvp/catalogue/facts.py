"""What the pure rules need to know, read from the database: a participant's prerequisites held, profile
and measure history, and offers as nodes and facts. Origin, nationality and religion are never read."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from django.db.models import Max, QuerySet
from django.utils.translation import gettext

from kvp.catalogue.models import Offer, Participation
from kvp.participants.models import Participant
from kvp.plans.models import Activity, Education, Mapping, Proposal, WorkExperience
from kvp.rules import occupations
from kvp.rules.barriers import OfferNode
from kvp.rules.fit import EducationLevel, Experience, OfferFacts, Profile
from kvp.rules.measures import PLACEMENTS, MeasureType
from kvp.rules.practice_flags import Episode, Outcome
from kvp.rules.prerequisites import Prerequisite, PrerequisiteKind, met
from kvp.rules.skills import Cefr, DigitalLevel, NorwegianSkill

EDUCATION_ORDER = list(EducationLevel)
DRIVING = {Mapping.DrivingLicence.CAR, Mapping.DrivingLicence.HEAVY}
Kind = PrerequisiteKind
PLACEMENT_TYPES = [kind.value for kind in PLACEMENTS]


CEFR_RANK = {level.value: level.rank for level in Cefr}
CEFR_BY_RANK = {level.rank: level.value for level in Cefr}


def lowest_norwegian(mapping: Mapping) -> Cefr | None:
    levels = [Cefr(value) for skill in NorwegianSkill if (value := getattr(mapping, f"norwegian_{skill.value}"))]
    return min(levels, key=lambda level: level.rank) if levels else None


def holds_by_participant(participants: QuerySet[Participant]) -> dict[str, frozenset[Prerequisite]]:
    """What each participant holds today (E5): the lowest Norwegian level of the four skills, digital skills, a
    driving licence, years of work experience, completed measures and an ongoing placement. Read as plain
    values in five queries that select by subquery, so 100,000 participants cost no model objects."""
    ids = participants.values("pk")
    holds: dict[str, set[Prerequisite]] = {str(pk): set() for pk in participants.values_list("pk", flat=True)}
    made: dict[tuple[Kind, str], Prerequisite] = {}  # each distinct prerequisite built once

    def held(kind: Kind, level: str = "") -> Prerequisite:
        found = made.get((kind, level))
        if found is None:
            found = made[(kind, level)] = Prerequisite(kind, level)
        return found

    skills = [f"norwegian_{skill.value}" for skill in NorwegianSkill]
    for participant_id, *values in Mapping.objects.filter(participant_id__in=ids).values_list(
        "participant_id", *skills, "digital_skills", "driving_licence"
    ):
        found = holds[str(participant_id)]
        levels = [CEFR_RANK[level] for level in values[: len(skills)] if level]
        digital, licence = values[len(skills) :]
        if levels:
            found.add(held(Kind.NORWEGIAN, CEFR_BY_RANK[min(levels)]))
        if digital:
            found.add(held(Kind.DIGITAL, digital))
        if licence in DRIVING:
            found.add(held(Kind.DRIVING_LICENCE))
    most = (
        WorkExperience.objects.filter(mapping__participant_id__in=ids)
        .values("mapping__participant_id")
        .annotate(most=Max("years"))
        .values_list("mapping__participant_id", "most")
    )
    for participant_id, years in most:
        if years is not None and years >= 1:
            holds[str(participant_id)].add(held(Kind.WORK_EXPERIENCE_YEARS, str(min(int(years), 60))))
    rows = Participation.objects.filter(
        participant_id__in=ids,
        status__in=[Participation.Status.PARTICIPATING, Participation.Status.COMPLETED],
    ).values_list("participant_id", "status", "offer__measure_type")
    for participant_id, status, measure_type in rows:
        if status == Participation.Status.COMPLETED:
            holds[str(participant_id)].add(held(Kind.COMPLETED, measure_type))
        elif measure_type in PLACEMENT_TYPES:
            holds[str(participant_id)].add(held(Kind.ACTIVE_PLACEMENT))
    placed = Activity.objects.filter(
        plan__participant_id__in=ids, measure_type__in=PLACEMENT_TYPES, status=Activity.Status.IN_PROGRESS
    ).values_list("plan__participant_id", flat=True)
    for participant_id in placed:
        holds[str(participant_id)].add(held(Kind.ACTIVE_PLACEMENT))
    return {key: frozenset(value) for key, value in holds.items()}


def holds_of(participant: Participant) -> frozenset[Prerequisite]:
    """What one participant holds (see holds_by_participant)."""
    return holds_by_participant(Participant.objects.filter(pk=participant.pk))[str(participant.pk)]


def requirements_of(offer: Offer) -> frozenset[Prerequisite]:
    """Everything the offer needs: its Norwegian and digital levels and its other prerequisites."""
    needed = {Prerequisite.parse(code) for code in offer.prerequisites}
    if offer.norwegian_needed:
        needed.add(Prerequisite(Kind.NORWEGIAN, offer.norwegian_needed))
    if offer.digital_needed:
        needed.add(Prerequisite(Kind.DIGITAL, offer.digital_needed))
    return frozenset(needed)


def offer_node(offer: Offer) -> OfferNode:
    return OfferNode(
        offer_id=str(offer.pk),
        title=offer.title,
        requires=requirements_of(offer),
        gives=frozenset(Prerequisite.parse(code) for code in offer.gives),
    )


def offer_facts(offer: Offer, holds: frozenset[Prerequisite], incidents: Collection[object] = ()) -> OfferFacts:
    """The offer as the fit sees it for a participant who holds `holds`; `incidents` are the providers with
    an unresolved discrimination incident (E12)."""
    # The Norwegian and digital levels are weighed as gaps by the recommendation itself (E14).
    hard = [need for need in requirements_of(offer) if need.kind not in {Kind.NORWEGIAN, Kind.DIGITAL}]
    missing = tuple(sorted(need.render(gettext) for need in hard if not met(holds, need)))
    return OfferFacts(
        offer_id=str(offer.pk),
        title=offer.title,
        measure_type=MeasureType(offer.measure_type),
        occupation_code=offer.occupation_code if occupations.is_valid_code(offer.occupation_code) else "",
        formal_qualification=offer.formal_qualification,
        norwegian_needed=Cefr(offer.norwegian_needed) if offer.norwegian_needed else None,
        digital_needed=DigitalLevel(offer.digital_needed) if offer.digital_needed else None,
        mentor=offer.mentor_available,
        works_alone=offer.works_alone,
        hours_per_week=offer.hours_per_week,
        weeks=offer.length_weeks,
        prerequisites_met=not missing,
        missing=missing,
        unresolved_incident=offer.provider_id in incidents,
    )


def profiles_by_participant(participants: QuerySet[Participant]) -> dict[str, Profile]:
    """Each participant as the fit may see them (E11: never origin or religion), in five queries that select
    by subquery: goals and levels from the mapping, work experience, completed education, the plan's running
    measures and the offers they said they are interested in."""
    ids = participants.values("pk")
    keys = [str(pk) for pk in participants.values_list("pk", flat=True)]
    skills = [f"norwegian_{skill.value}" for skill in NorwegianSkill]
    mapped = {
        str(row[0]): row[1:]
        for row in Mapping.objects.filter(participant_id__in=ids).values_list(
            "participant_id", "wanted_occupations", "no_education", "digital_skills", *skills
        )
    }
    experience: dict[str, list[Experience]] = {key: [] for key in keys}
    for owner, code, years in WorkExperience.objects.filter(mapping__participant_id__in=ids).values_list(
        "mapping__participant_id", "occupation_code", "years"
    ):
        if occupations.is_valid_code(code):
            experience[str(owner)].append(Experience(code, years))
    education: dict[str, EducationLevel] = {}
    for owner, level in Education.objects.filter(mapping__participant_id__in=ids, completed=True).values_list(
        "mapping__participant_id", "level"
    ):
        found = education.get(str(owner))
        if found is None or EDUCATION_ORDER.index(EducationLevel(level)) > EDUCATION_ORDER.index(found):
            education[str(owner)] = EducationLevel(level)
    running: dict[str, list[MeasureType]] = {key: [] for key in keys}
    for owner, kind in Activity.objects.filter(
        plan__participant_id__in=ids, status__in=[Activity.Status.PLANNED, Activity.Status.IN_PROGRESS]
    ).values_list("plan__participant_id", "measure_type"):
        running[str(owner)].append(MeasureType(kind))
    interested: dict[str, set[str]] = {key: set() for key in keys}
    for owner, offer_id in Proposal.objects.filter(plan__participant_id__in=ids, offer__isnull=False).values_list(
        "plan__participant_id", "offer_id"
    ):
        interested[str(owner)].add(str(offer_id))
    profiles = {}
    for key in keys:
        wanted, no_education, digital, *levels = mapped.get(key, ([], False, "", *([""] * len(skills))))
        highest = education.get(key, EducationLevel.NONE if no_education else None)
        norwegian = [Cefr(value) for value in levels if value]
        profiles[key] = Profile(
            wanted_occupations=tuple(code for code in wanted if occupations.is_valid_code(code)),
            experience=tuple(experience[key]),
            education=highest,
            norwegian=min(norwegian, key=lambda found: found.rank) if norwegian else None,
            digital=DigitalLevel(digital) if digital else None,
            interested_in=frozenset(interested[key]),
            current_measures=tuple(running[key]),
        )
    return profiles


def profile_of(participant: Participant) -> Profile:
    """One participant as the fit may see them (see profiles_by_participant)."""
    return profiles_by_participant(Participant.objects.filter(pk=participant.pk))[str(participant.pk)]


OUTCOMES = {
    Participation.Status.PARTICIPATING: Outcome.ONGOING,
    Participation.Status.ENDED: Outcome.ENDED_WITHOUT_HIRE,
    Participation.Status.COMPLETED: Outcome.ENDED_WITHOUT_HIRE,
    Participation.Status.CANCELLED: Outcome.CANCELLED,
}


def _participation_episode(row: Participation) -> Episode | None:
    outcome = OUTCOMES.get(Participation.Status(row.status))
    if outcome is None or row.starts_on is None:
        return None
    if row.hired:
        outcome = Outcome.HIRED
    elif row.qualification_gained:
        outcome = Outcome.QUALIFIED
    return Episode(
        MeasureType(row.offer.measure_type),
        row.offer.title,
        row.starts_on,
        row.ends_on,
        outcome,
        row.qualification_gained,
        row.work_contact,
    )


ACTIVITY_OUTCOMES = {
    Activity.Status.IN_PROGRESS: Outcome.ONGOING,
    Activity.Status.DONE: Outcome.ENDED_WITHOUT_HIRE,
    Activity.Status.CANCELLED: Outcome.CANCELLED,
}


def episodes_by_participant(participant_ids: Iterable[object]) -> dict[str, list[Episode]]:
    """Each participant's measures for the practice-loop and lock-in flags, in two queries: participations
    in offers, and the plan's activities not tied to one. A placement counts as contact with working life."""
    ids = list(participant_ids)
    found: dict[str, list[Episode]] = {str(pk): [] for pk in ids}
    linked: set[str] = set()
    for row in Participation.objects.filter(participant_id__in=ids).select_related("offer"):
        if row.activity_id:
            linked.add(str(row.activity_id))
        if episode := _participation_episode(row):
            found[str(row.participant_id)].append(episode)
    for activity in Activity.objects.filter(plan__participant_id__in=ids).select_related("plan"):
        outcome = ACTIVITY_OUTCOMES.get(Activity.Status(activity.status))
        if outcome is None or str(activity.pk) in linked:
            continue
        kind = MeasureType(activity.measure_type)
        episode = Episode(
            kind, activity.title, activity.starts_on, activity.ends_on, outcome, False, kind in PLACEMENTS
        )
        found[str(activity.plan.participant_id)].append(episode)
    return found
