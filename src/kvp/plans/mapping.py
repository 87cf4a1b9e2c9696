"""Filling in the mapping (kartlegging): the participant writes their own parts, the counsellor the
rest (E2, E13, E18). Every change is logged and version-checked."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.common.versioning import lock_version
from kvp.participants.access import ParticipantAccess, audit_access
from kvp.participants.models import Participant
from kvp.plans.audit_types import MAPPING
from kvp.plans.models import Education, Mapping, WorkExperience
from kvp.rules import occupations
from kvp.rules.plan_checks import MappingAnswers
from kvp.rules.skills import Cefr, DigitalLevel, NorwegianSkill

# Which fields each part of the mapping holds, and which parts the participant fills in themself.
SECTIONS: dict[str, tuple[str, ...]] = {
    "about": (
        "strengths",
        "strengths_language",
        "wanted_occupations",
        "what_matters",
        "what_matters_text",
        "what_matters_language",
    ),
    "skills": ("digital_skills", "driving_licence"),
    "accommodations": ("accommodations",),
    "experience": ("no_work_experience", "no_education"),
    "norwegian": (
        "norwegian_listening",
        "norwegian_reading",
        "norwegian_speaking",
        "norwegian_writing",
        "norwegian_test_date",
        "norwegian_test_name",
    ),
    "learning": ("learning_difficulty", "learning_assessed_how"),
}
PARTICIPANT_SECTIONS = frozenset({"about", "skills", "accommodations", "experience"})
ASSESSED = {
    Mapping.LearningDifficulty.SUSPECTED,
    Mapping.LearningDifficulty.ASSESSED_FOUND,
    Mapping.LearningDifficulty.ASSESSED_NONE,
}
MAX_YEARS = Decimal("60")


def mapping_of(participant: Participant) -> Mapping:
    """The participant's mapping, or an empty unsaved one before anyone has written in it."""
    return Mapping.objects.filter(participant=participant).first() or Mapping(participant=participant)


def may_edit_section(access: ParticipantAccess, section: str) -> bool:
    return access.can_write or (access.is_self and section in PARTICIPANT_SECTIONS)


def _require(access: ParticipantAccess, section: str) -> None:
    if not may_edit_section(access, section):
        raise ValidationError(_("Only the participant's counsellor can change this part."), code="read_only")


def _locked_mapping(
    participant: Participant, seen_version: int | None, values: dict[str, Any] | None = None
) -> Mapping:
    """The participant's mapping, locked, its version checked (unless None) and raised."""
    Mapping.objects.get_or_create(participant=participant)
    return lock_version(Mapping.objects, seen_version=seen_version, submitted=values, participant=participant)


def _touch(mapping: Mapping, actor: User, access: ParticipantAccess) -> None:
    mapping.updated_at = timezone.now()
    mapping.updated_by = actor
    mapping.full_clean()
    mapping.save()
    audit_access(actor, access, action=AuditEvent.Action.UPDATE, what=MAPPING, object_id=str(mapping.pk))


@transaction.atomic
def mapping_update(
    *, actor: User, access: ParticipantAccess, section: str, seen_version: int, values: dict[str, Any]
) -> Mapping:
    """Save one part of the mapping. Refused if someone saved the mapping after the writer opened it."""
    _require(access, section)
    mapping = _locked_mapping(access.participant, seen_version, values)
    for name in SECTIONS[section]:
        if name in values:
            setattr(mapping, name, values[name])
    if section == "accommodations":
        mapping.accommodations_recorded = True
    if section == "learning" and mapping.learning_difficulty in ASSESSED and not mapping.learning_assessed_how:
        raise ValidationError({"learning_assessed_how": _("Say how the assessment was made, or that it was not.")})
    _touch(mapping, actor, access)
    return mapping


@transaction.atomic
def work_experience_add(
    *,
    actor: User,
    access: ParticipantAccess,
    occupation: str,
    years: Decimal,
    occupation_code: str = "",
    country: str = "",
    description: str = "",
    language: str = "",
) -> WorkExperience:
    _require(access, "experience")
    if not occupation.strip():
        raise ValidationError({"occupation": _("Write the occupation or kind of work.")})
    if not Decimal("0") < years <= MAX_YEARS:
        raise ValidationError({"years": _("Years must be more than 0 and at most 60.")})
    mapping = _locked_mapping(access.participant, None)
    if occupation_code and not occupations.is_valid_code(occupation_code):
        raise ValidationError({"occupation_code": _("Choose an occupation code from STYRK-08 (four digits).")})
    row = WorkExperience(
        mapping=mapping,
        occupation=occupation.strip(),
        occupation_code=occupation_code,
        years=years,
        country=country,
        description=description.strip(),
        language=language,
        added_by=actor,
    )
    row.full_clean()
    row.save()
    mapping.no_work_experience = False
    _touch(mapping, actor, access)
    return row


@transaction.atomic
def education_add(
    *,
    actor: User,
    access: ParticipantAccess,
    level: str,
    recognition: str,
    field: str = "",
    country: str = "",
    completed: bool = True,
) -> Education:
    _require(access, "experience")
    mapping = _locked_mapping(access.participant, None)
    row = Education(
        mapping=mapping,
        level=level,
        recognition=recognition,
        field=field.strip(),
        country=country,
        completed=completed,
        added_by=actor,
    )
    row.full_clean()
    row.save()
    mapping.no_education = False
    _touch(mapping, actor, access)
    return row


@transaction.atomic
def mapping_row_remove(*, actor: User, access: ParticipantAccess, kind: str, row_id: str) -> None:
    """Remove a line of work experience or education written by mistake."""
    _require(access, "experience")
    mapping = _locked_mapping(access.participant, None)
    rows = mapping.work_experience if kind == "work" else mapping.education
    deleted, _count = rows.filter(pk=row_id).delete()
    if not deleted:
        raise ValidationError(_("That line is no longer in the mapping."), code="gone")
    _touch(mapping, actor, access)


def mapping_answers(mapping: Mapping) -> MappingAnswers:
    """What the plan checks need to know about the mapping."""
    saved = not mapping._state.adding
    levels = {skill: Cefr(value) for skill in NorwegianSkill if (value := getattr(mapping, f"norwegian_{skill.value}"))}
    return MappingAnswers(
        has_strengths=bool(mapping.strengths.strip()),
        has_what_matters=bool(mapping.what_matters or mapping.what_matters_text.strip()),
        work_experience_count=mapping.work_experience.count() if saved else 0,
        no_work_experience=mapping.no_work_experience,
        education_count=mapping.education.count() if saved else 0,
        no_education=mapping.no_education,
        norwegian=levels,
        digital=DigitalLevel(mapping.digital_skills) if mapping.digital_skills else None,
        driving_licence_recorded=bool(mapping.driving_licence),
        accommodations_recorded=mapping.accommodations_recorded,
        learning_difficulty_recorded=bool(mapping.learning_difficulty),
        learning_assessed_how_recorded=bool(mapping.learning_assessed_how),
        learning_assessment_needed=mapping.learning_difficulty in ASSESSED,
    )
