"""The mapping (kartlegging): the participant's own parts, the counsellor's parts, versions (E2, E13, E18)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from kvp.audit.models import AuditEvent
from kvp.plans.audit_types import MAPPING
from kvp.plans.mapping import (
    education_add,
    mapping_answers,
    mapping_of,
    mapping_row_remove,
    mapping_update,
    work_experience_add,
)
from kvp.plans.models import Mapping
from kvp.rules.plan_checks import MappingGap, mapping_gaps
from tests.conftest import World
from tests.plans.builders import access_for


def _as_participant(world: World) -> dict[str, object]:
    return {"actor": world.participant_user, "access": access_for(world.participant_user, world.participant)}


def _as_counsellor(world: World) -> dict[str, object]:
    return {"actor": world.counsellor, "access": access_for(world.counsellor, world.participant)}


def test_the_participant_writes_their_strengths_in_their_own_language(world: World) -> None:
    mapping_update(
        **_as_participant(world),
        section="about",
        seen_version=0,
        values={"strengths": "Waxaan ahay beerey khibrad leh.", "strengths_language": "so", "what_matters": ["family"]},
    )
    mapping = Mapping.objects.get(participant=world.participant)
    assert (mapping.strengths, mapping.strengths_language, mapping.what_matters) == (
        "Waxaan ahay beerey khibrad leh.",
        "so",
        ["family"],
    )
    assert mapping.updated_by == world.participant_user
    assert AuditEvent.objects.filter(
        participant=world.participant, object_type=MAPPING, action=AuditEvent.Action.UPDATE
    ).exists()


def test_the_participant_cannot_set_their_own_norwegian_test_levels(world: World) -> None:
    with pytest.raises(ValidationError) as error:
        mapping_update(
            **_as_participant(world), section="norwegian", seen_version=0, values={"norwegian_reading": "c1"}
        )
    assert error.value.code == "read_only"
    assert not Mapping.objects.filter(participant=world.participant).exists()


def test_a_colleague_without_the_case_cannot_write(world: World) -> None:
    import datetime

    from django.utils import timezone

    from kvp.participants.models import AccessReason

    AccessReason.objects.create(
        user=world.colleague,
        participant=world.participant,
        reason="Vikar i dag",
        expires_at=timezone.now() + datetime.timedelta(hours=1),
    )
    mapping_update(
        actor=world.colleague,
        access=access_for(world.colleague, world.participant),
        section="norwegian",
        seen_version=0,
        values={"norwegian_reading": "a2"},
    )
    assert mapping_of(world.participant).norwegian_reading == "a2"  # a recorded reason gives write access


def test_a_stale_version_is_refused_and_changes_nothing(world: World) -> None:
    mapping_update(**_as_counsellor(world), section="skills", seen_version=0, values={"digital_skills": "basic"})
    mapping_update(**_as_participant(world), section="skills", seen_version=1, values={"digital_skills": "independent"})
    with pytest.raises(ValidationError) as error:
        mapping_update(**_as_counsellor(world), section="skills", seen_version=1, values={"digital_skills": "none"})
    assert error.value.code == "stale"
    assert mapping_of(world.participant).digital_skills == "independent"


def test_a_suspected_learning_difficulty_needs_to_say_how_it_was_assessed(world: World) -> None:
    with pytest.raises(ValidationError) as error:
        mapping_update(
            **_as_counsellor(world), section="learning", seen_version=0, values={"learning_difficulty": "suspected"}
        )
    assert "learning_assessed_how" in error.value.message_dict
    assert not Mapping.objects.filter(participant=world.participant, learning_difficulty="suspected").exists()


def test_fifteen_years_as_a_gardener_is_recorded_and_can_be_removed(world: World) -> None:
    row = work_experience_add(
        **_as_participant(world), occupation="Gartner", years=Decimal("15"), country="SO", language="nb"
    )
    assert mapping_of(world.participant).work_experience.get().years == Decimal("15")
    with pytest.raises(ValidationError) as error:
        work_experience_add(**_as_participant(world), occupation="Kokk", years=Decimal("0"))
    assert "years" in error.value.message_dict
    mapping_row_remove(**_as_participant(world), kind="work", row_id=str(row.pk))
    assert not mapping_of(world.participant).work_experience.exists()
    with pytest.raises(ValidationError):
        mapping_row_remove(**_as_participant(world), kind="work", row_id=str(row.pk))


def test_a_complete_mapping_has_no_gaps(world: World) -> None:
    counsellor, participant = _as_counsellor(world), _as_participant(world)
    assert mapping_gaps(mapping_answers(mapping_of(world.participant)))[0] is MappingGap.STRENGTHS
    mapping_update(
        **participant,
        section="about",
        seen_version=0,
        values={"strengths": "Planter og mennesker", "what_matters": ["trade"]},
    )
    work_experience_add(**participant, occupation="Gartner", years=Decimal("15"))
    education_add(**participant, level="lower_secondary", recognition="not_applied", country="SO")
    mapping_update(
        **participant, section="skills", seen_version=3, values={"digital_skills": "basic", "driving_licence": "none"}
    )
    mapping_update(**participant, section="accommodations", seen_version=4, values={"accommodations": ""})
    mapping_update(
        **counsellor,
        section="norwegian",
        seen_version=5,
        values={
            "norwegian_listening": "a2",
            "norwegian_reading": "a2",
            "norwegian_speaking": "a2",
            "norwegian_writing": "a1",
        },
    )
    mapping_update(
        **counsellor,
        section="learning",
        seen_version=6,
        values={"learning_difficulty": "suspected", "learning_assessed_how": "interpreter"},
    )
    assert mapping_gaps(mapping_answers(mapping_of(world.participant))) == []
