import datetime
from decimal import Decimal

import pytest

from kvp.rules.aftercare import (
    AftercareRules,
    Benefit,
    FollowUpFact,
    RecordProblem,
    Situation,
    due_dates,
    is_settled,
    needs_aftercare,
    outcome_rows,
    percent,
    record_problems,
    retry_on,
    shown_count,
    shows_on,
    still_scheduled,
)
from kvp.rules.case_status import EndReason

d = datetime.date
RULES = AftercareRules()


def test_it_follows_up_at_3_6_and_12_months_and_keeps_month_ends() -> None:
    assert due_dates(d(2026, 11, 30), RULES) == [(3, d(2027, 2, 28)), (6, d(2027, 5, 30)), (12, d(2027, 11, 30))]
    assert due_dates(d(2027, 8, 31), RULES)[1] == (6, d(2028, 2, 29))  # leap year


def test_it_follows_up_everyone_who_took_part_except_those_who_moved_died_or_withdrew() -> None:
    assert needs_aftercare(EndReason.COMPLETED_WORK, started=True)
    assert needs_aftercare(EndReason.NON_ATTENDANCE, started=True)
    assert not needs_aftercare(EndReason.MOVED, started=True)
    assert not needs_aftercare(EndReason.DIED, started=True)
    assert not needs_aftercare(EndReason.WITHDRAWN, started=True)
    assert not needs_aftercare(EndReason.COMPLETED_WORK, started=False)


def test_the_daily_job_schedules_until_the_last_follow_up_day_and_not_after() -> None:
    ended = d(2025, 11, 27)
    assert still_scheduled(ended, d(2026, 11, 27), RULES)  # the 12-month follow-up is due today
    assert not still_scheduled(ended, d(2026, 11, 28), RULES)


def test_a_follow_up_shows_two_weeks_before_it_is_due_or_on_the_retry_day() -> None:
    assert shows_on(d(2027, 2, 28), None, RULES) == d(2027, 2, 14)
    assert shows_on(d(2027, 2, 28), d(2027, 3, 8), RULES) == d(2027, 3, 8)
    assert retry_on(d(2027, 3, 1), RULES) == d(2027, 3, 8)


def test_a_follow_up_is_settled_when_reached_or_after_the_last_try() -> None:
    assert is_settled(Situation.WORK_FULL_TIME, 1, RULES)
    assert is_settled(Situation.EDUCATION, 1, RULES)
    assert not is_settled(Situation.NOT_REACHED, RULES.max_attempts - 1, RULES)
    assert is_settled(Situation.NOT_REACHED, RULES.max_attempts, RULES)
    with pytest.raises(ValueError, match="max_attempts"):
        AftercareRules(max_attempts=0)


def test_the_months_must_come_in_order_and_be_whole_numbers() -> None:
    with pytest.raises(ValueError, match="in order"):
        AftercareRules(first_months=6, second_months=6)
    with pytest.raises(ValueError, match="at least 1"):
        AftercareRules(first_months=0)
    with pytest.raises(ValueError, match="whole number"):
        AftercareRules(smallest_count_shown=True)
    assert AftercareRules(first_months=1, second_months=2, third_months=24).months == (1, 2, 24)


def test_a_record_is_checked_for_dates_and_the_benefit() -> None:
    def problems(**kwargs: object) -> list[RecordProblem]:
        values: dict[str, object] = {
            "contacted_on": d(2027, 3, 1),
            "today": d(2027, 3, 1),
            "ended_on": d(2026, 11, 30),
            "situation": Situation.EDUCATION,
            "benefit": None,
            "done": False,
        }
        return record_problems(**(values | kwargs))  # type: ignore[arg-type]

    assert problems() == []
    assert problems(contacted_on=d(2027, 3, 2)) == [RecordProblem.FUTURE]
    assert problems(contacted_on=d(2026, 11, 30)) == []  # the end day itself is allowed
    assert problems(contacted_on=d(2026, 11, 29)) == [RecordProblem.BEFORE_END]
    assert problems(situation=Situation.OTHER_BENEFIT) == [RecordProblem.BENEFIT_MISSING]
    assert problems(situation=Situation.OTHER_BENEFIT, benefit=Benefit.AAP) == []
    assert problems(benefit=Benefit.AAP) == [RecordProblem.BENEFIT_UNEXPECTED]
    assert problems(done=True) == [RecordProblem.ALREADY_DONE]


def test_counts_below_five_are_suppressed_and_so_are_shares_built_on_them() -> None:
    assert shown_count(4, RULES) is None
    assert shown_count(5, RULES) == 5
    assert shown_count(0, RULES) is None
    assert percent(5, 8, RULES) == Decimal("62.5")
    assert percent(4, 8, RULES) is None
    assert percent(4, 4, RULES) is None


def test_outcomes_count_due_follow_ups_and_shares_of_those_reached() -> None:
    today = d(2027, 6, 1)
    facts = [FollowUpFact(3, d(2027, 3, 1), Situation.WORK_FULL_TIME) for _ in range(3)]
    facts += [FollowUpFact(3, d(2027, 3, 1), Situation.WORK_PART_TIME) for _ in range(2)]
    facts += [FollowUpFact(3, d(2027, 3, 1), Situation.EDUCATION) for _ in range(5)]
    facts += [FollowUpFact(3, d(2027, 3, 1), Situation.OTHER_BENEFIT) for _ in range(10)]
    facts += [FollowUpFact(3, d(2027, 3, 1), Situation.NOT_REACHED) for _ in range(2)]
    facts += [FollowUpFact(3, d(2027, 3, 1), None) for _ in range(3)]
    facts += [FollowUpFact(6, d(2027, 6, 1), None) for _ in range(6)]  # due today
    facts += [FollowUpFact(12, d(2027, 12, 1), None) for _ in range(6)]  # not yet due
    three, six, twelve = outcome_rows(facts, today, RULES)
    assert (three.due, three.reached, three.in_work, three.in_education) == (25, 20, 5, 5)
    assert (three.work_percent, three.work_or_education_percent) == (Decimal("25.0"), Decimal("50.0"))
    assert (six.months, six.due, six.reached, six.work_percent) == (6, 6, None, None)
    assert (twelve.months, twelve.due) == (12, None)
