"""The demo office's mappings and plans: realistic, consistent with the cases, the same for the same seed."""

from __future__ import annotations

import datetime
from collections import Counter
from io import StringIO
from itertools import pairwise

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from kvp.accounts.models import User
from kvp.demo.generator import Sizes, build_office, build_staff, participant_rows, seeded
from kvp.participants.models import Participant
from kvp.plans.mapping import mapping_answers
from kvp.plans.models import Activity, Goal, Mapping, Origin, Plan, PlanVersion, Proposal
from kvp.plans.snapshot import plan_snapshot
from kvp.programme.models import Case, Decision
from kvp.rules.case_status import CaseStatus
from kvp.rules.measures import MeasureType
from kvp.rules.plan_checks import ActivityFacts, ActivityStatus, CheckCode, check_plan, mapping_gaps
from kvp.rules.skills import Cefr, DigitalLevel

TODAY = datetime.date(2026, 3, 2)
RUNNING = (CaseStatus.ACTIVE, CaseStatus.EXTENDED)
CHANGES = {"goal_added", "activity_added", "activity_changed", "activity_status"}


@pytest.fixture
def office(db: None) -> None:
    call_command("demo", today=TODAY, stdout=StringIO(), stderr=StringIO())


def running_plans() -> list[Plan]:
    return list(
        Plan.objects.filter(case__status__in=RUNNING).select_related(
            "case", "participant__office", "participant__mapping"
        )
    )


def warnings(plan: Plan) -> set[CheckCode]:
    case = plan.case
    assert case.starts_on is not None
    assert case.ends_on is not None
    facts = [
        ActivityFacts(
            title=activity.title,
            measure_type=MeasureType(activity.measure_type),
            status=ActivityStatus(activity.status),
            hours_per_week=activity.hours_per_week,
            starts_on=activity.starts_on,
            ends_on=activity.ends_on,
            formal_qualification=bool(activity.formal_qualification),
            norwegian_needed=Cefr(activity.norwegian_needed) if activity.norwegian_needed else None,
            digital_needed=DigitalLevel(activity.digital_needed) if activity.digital_needed else None,
            works_alone=activity.works_alone,
            language_practice=activity.language_practice,
        )
        for activity in plan.activities.all()
    ]
    found = check_plan(
        activities=facts,
        mapping=mapping_answers(plan.participant.mapping),
        period_start=case.starts_on,
        period_end=case.ends_on,
        today=TODAY,
        agreed=plan.is_agreed,
    )
    return {warning.code for warning in found}


@pytest.mark.django_db
def test_every_granted_case_has_a_plan_and_every_mapped_participant_a_mapping(office: None) -> None:
    granted = set(Decision.objects.filter(kind=Decision.Kind.GRANT).values_list("case_id", flat=True))
    assert set(Plan.objects.values_list("case_id", flat=True)) == granted
    for status in (CaseStatus.GRANTED, CaseStatus.ACTIVE, CaseStatus.EXTENDED):
        assert not Case.objects.filter(status=status, plan__isnull=True).exists()
    assessed = Participant.objects.filter(cases__eligibility_reviews__isnull=False, counsellor__isnull=False).distinct()
    assert assessed.exists()
    assert not assessed.filter(mapping__isnull=True).exists()
    assert not Participant.objects.filter(counsellor__isnull=True, mapping__isnull=False).exists()
    incomplete = [mapping for mapping in Mapping.objects.all() if mapping_gaps(mapping_answers(mapping))]
    assert 0.08 <= len(incomplete) / Participant.objects.count() <= 0.25
    new_applications = {
        mapping.participant.cases.get().status for mapping in incomplete if mapping.participant.cases.count() == 1
    }
    assert CaseStatus.APPLIED in new_applications


@pytest.mark.django_db
def test_mappings_put_strengths_first_in_the_participants_words(office: None) -> None:
    mappings = list(Mapping.objects.select_related("participant"))
    assert all(mapping.strengths.strip() and mapping.what_matters for mapping in mappings)
    own_language = [mapping for mapping in mappings if mapping.strengths_language not in {"nb", ""}]
    assert 2 <= len(own_language) <= len(mappings) // 4
    recorded = [mapping for mapping in mappings if mapping.norwegian_speaking]
    learners = [mapping for mapping in recorded if mapping.norwegian_speaking != Cefr.C1]
    assert len(learners) >= len(recorded) // 2
    assert all(Cefr(mapping.norwegian_speaking).rank <= Cefr.B2.rank for mapping in learners)
    for mapping in learners:
        if mapping.norwegian_writing:
            assert Cefr(mapping.norwegian_writing).rank <= Cefr(mapping.norwegian_speaking).rank
    assert sum(mapping.norwegian_writing != mapping.norwegian_speaking for mapping in learners) >= len(learners) // 3
    natives = [mapping for mapping in recorded if mapping.norwegian_speaking == Cefr.C1]
    assert natives
    assert all(
        mapping.participant.preferred_language == "nb" and not mapping.norwegian_test_name for mapping in natives
    )
    assert sum(bool(mapping.accommodations) for mapping in mappings) <= len(mappings) // 3
    difficulties = Counter(mapping.learning_difficulty for mapping in mappings if mapping.learning_difficulty)
    assert difficulties.most_common(1)[0][0] == Mapping.LearningDifficulty.NONE_KNOWN
    for mapping in mappings:
        if mapping.learning_difficulty == Mapping.LearningDifficulty.SUSPECTED:
            assert mapping.learning_assessed_how
    experience = [row for mapping in mappings for row in mapping.work_experience.all()]
    assert experience
    assert all(0 < row.years <= 60 and row.occupation for row in experience)
    assert max(mapping.work_experience.count() for mapping in mappings) <= 3


@pytest.mark.django_db
def test_the_latest_version_holds_the_plan_as_seeded(office: None) -> None:
    plans = Plan.objects.select_related("case", "participant__office", "participant__counsellor")
    for plan in plans:
        versions = list(plan.versions.order_by("number"))
        assert [version.number for version in versions] == list(range(1, plan.version + 1))
        assert 1 <= plan.version <= 4
        assert versions[-1].snapshot == plan_snapshot(plan)
        for version in versions:
            assert version.snapshot["version"] == version.number
            assert version.changes
            assert {change["what"] for change in version.changes} <= CHANGES
            assert version.changed_at <= datetime.datetime.combine(TODAY, datetime.time(23, 59), tzinfo=datetime.UTC)
        for earlier, later in pairwise(versions):
            assert earlier.changed_at < later.changed_at
        assert all(change["what"] in {"goal_added", "activity_added"} for change in versions[0].changes)


@pytest.mark.django_db
def test_most_running_plans_are_agreed_by_both(office: None) -> None:
    plans = running_plans()
    states = Counter("agreed" if plan.is_agreed else "changed" if plan.agreed_version else "draft" for plan in plans)
    assert states["agreed"] >= 0.6 * len(plans)
    assert states["changed"] >= 2
    assert states["draft"] >= 2
    for plan in Plan.objects.filter(agreed_version__isnull=False):
        agreed = plan.versions.get(number=plan.agreed_version)
        assert agreed.participant_confirmed_at is not None
        assert agreed.counsellor_confirmed_at is not None
        assert agreed.counsellor_confirmed_by_id == plan.participant.counsellor_id
    for plan in Plan.objects.filter(agreed_version__isnull=True):
        assert not plan.versions.filter(participant_confirmed_at__isnull=False, counsellor_confirmed_at__isnull=False)


@pytest.mark.django_db
def test_goals_are_the_participants_and_activities_fill_the_programme(office: None) -> None:
    goals = Goal.objects.all()
    assert goals.filter(origin=Origin.PARTICIPANT).count() >= 0.8 * goals.count()
    assert goals.exclude(language="nb").exists()
    for plan in Plan.objects.select_related("case"):
        assert 1 <= plan.goals.count() <= 4
        case = plan.case
        for activity in plan.activities.all():
            assert activity.starts_on <= activity.ends_on
            assert case.ends_on is not None
            assert activity.ends_on <= case.ends_on
            if case.status in RUNNING or case.status == CaseStatus.GRANTED:
                assert activity.status != Activity.Status.DONE or activity.ends_on < TODAY
                assert activity.status != Activity.Status.IN_PROGRESS or activity.starts_on <= TODAY <= activity.ends_on
                assert activity.status != Activity.Status.PLANNED or activity.starts_on > TODAY
            if case.status == CaseStatus.ENDED:
                assert activity.status in Activity.FROZEN
    qualifying = Activity.objects.exclude(formal_qualification="")
    assert {"Norskprøven A2", "Førerkort klasse B"} <= set(qualifying.values_list("formal_qualification", flat=True))
    assert Activity.objects.exclude(norwegian_needed="").exists()
    assert Activity.objects.exclude(digital_needed="").exists()


@pytest.mark.django_db
def test_most_running_plans_are_sound_and_a_few_show_what_the_checks_find(office: None) -> None:
    plans = running_plans()
    found = {plan.pk: warnings(plan) for plan in plans}
    sound = [plan for plan in plans if not found[plan.pk]]
    assert len(sound) >= 0.75 * len(plans)
    codes = set().union(*found.values())
    assert {
        CheckCode.FULL_TIME,
        CheckCode.ALONE_AS_LANGUAGE_PRACTICE,
        CheckCode.NORWEGIAN_NEEDED,
        CheckCode.NO_FORMAL_QUALIFICATION,
    } <= codes
    for plan in sound:
        hours = sum(
            activity.hours_per_week
            for activity in plan.activities.all()
            if activity.status == Activity.Status.IN_PROGRESS and activity.starts_on <= TODAY
        )
        assert hours >= 37.5 or plan.case.starts_on == TODAY
    loops = [
        plan
        for plan in plans
        if len(set(plan.activities.filter(measure_type=MeasureType.WORK_PRACTICE).values_list("provider", flat=True)))
        >= 3
        and not plan.activities.exclude(formal_qualification="").exists()
    ]
    assert loops  # one work practice after the other, without hire or qualification (E4)


@pytest.mark.django_db
def test_proposals_are_answered_with_reasons_and_some_wait_past_their_deadline(office: None) -> None:
    proposals = Proposal.objects.select_related("plan__case", "resulting_activity")
    statuses = Counter(proposal.status for proposal in proposals)
    assert min(statuses[Proposal.Status.ACCEPTED], statuses[Proposal.Status.DECLINED], statuses[Proposal.Status.OPEN])
    assert proposals.filter(status=Proposal.Status.OPEN, answer_due__lt=TODAY).count() == 2
    assert proposals.filter(status=Proposal.Status.OPEN, answer_due__gte=TODAY).exists()
    for proposal in proposals:
        assert proposal.answer_due == proposal.submitted_at.date() + datetime.timedelta(days=14)
        assert proposal.plan.case.status in {*RUNNING, CaseStatus.GRANTED}
        if proposal.status == Proposal.Status.OPEN:
            assert proposal.answered_at is None
            assert proposal.version == 1
            continue
        assert proposal.answered_at is not None
        assert proposal.submitted_at <= proposal.answered_at
        if proposal.status == Proposal.Status.DECLINED:
            assert proposal.answer.strip()
            assert proposal.resulting_activity is None
        else:
            activity = proposal.resulting_activity
            assert activity is not None
            assert activity.plan_id == proposal.plan_id
            assert activity.origin == Origin.PARTICIPANT
            assert activity.created_at.date() == proposal.answered_at.date()
    running = running_plans()
    with_proposals = [plan for plan in running if plan.proposals.exists()]
    assert 0.2 <= len(with_proposals) / len(running) <= 0.55


@pytest.mark.django_db
def test_the_demo_logins_have_plans_with_answered_proposals(office: None) -> None:
    for number in range(1, 11):
        participant = Participant.objects.get(user__username=f"deltaker{number:02d}")
        plan = Plan.objects.get(case=participant.cases.get(status__in=[CaseStatus.GRANTED, *RUNNING]))
        assert plan.goals.exists()
        assert plan.activities.exists()
        assert plan.proposals.exclude(status=Proposal.Status.OPEN).exists()
    first = Plan.objects.get(participant__user__username="deltaker01", case__status__in=[CaseStatus.GRANTED, *RUNNING])
    assert first.proposals.filter(status=Proposal.Status.OPEN, answer_due__gte=TODAY).count() == 1


@pytest.mark.django_db
def test_the_counsellors_worklist_has_proposals_to_answer(office: None) -> None:
    overdue = Proposal.objects.filter(status=Proposal.Status.OPEN, answer_due__lt=TODAY).select_related(
        "plan__participant__counsellor"
    )
    proposal = overdue.first()
    assert proposal is not None
    counsellor = proposal.plan.participant.counsellor
    assert isinstance(counsellor, User)
    client = Client()
    client.force_login(counsellor)

    page = client.get(reverse("worklist"))

    assert page.status_code == 200
    assert proposal.plan.participant.last_name in page.content.decode()


@pytest.mark.django_db
def test_the_versions_record_an_extension_and_accepted_proposals(office: None) -> None:
    changes = [change for version in PlanVersion.objects.all() for change in version.changes]
    moved = [change for change in changes if change["what"] == "activity_changed"]
    assert moved
    assert all(change["fields"] == ["ends_on"] for change in moved)
    assert any(change["what"] == "activity_status" and change["status"] == Activity.Status.DONE for change in changes)
    for proposal in Proposal.objects.exclude(resulting_activity=None).select_related("resulting_activity"):
        activity = proposal.resulting_activity
        assert activity is not None
        added = {"what": "activity_added", "title": activity.title}
        assert any(added in version.changes for version in PlanVersion.objects.filter(plan=proposal.plan))


def plans_generated(seed_value: int) -> list[object]:
    sizes = Sizes(60)
    office = build_office()
    staff = build_staff(seeded(seed_value, "staff"), office, sizes, "hash")
    rows = participant_rows(
        seeded(seed_value, "participants"), office=office, staff=staff, sizes=sizes, today=TODAY, password_hash="hash"
    )
    return [
        (
            [(mapping.pk, mapping.strengths, mapping.norwegian_speaking) for mapping in item.plans.mappings],
            [(version.pk, version.snapshot, version.changes) for version in item.plans.versions],
            [(proposal.pk, proposal.text, proposal.status, proposal.answer_due) for proposal in item.plans.proposals],
        )
        for item in rows
    ]


def test_the_same_seed_and_day_give_the_same_plans() -> None:
    first = plans_generated(2026)

    assert plans_generated(2026) == first
    assert plans_generated(7) != first
