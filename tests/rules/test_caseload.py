import datetime
from decimal import Decimal

import pytest

from kvp.rules.caseload import CaseloadRules, intensity, is_over_cap
from kvp.rules.dates import month_of, months_back

d = datetime.date


def test_exactly_at_the_cap_is_allowed_one_more_is_above() -> None:
    rules = CaseloadRules(office_cap=15)
    assert not is_over_cap(15, rules)
    assert is_over_cap(16, rules)
    assert not is_over_cap(0, rules)


def test_intensity_is_contacts_per_participant_with_one_decimal() -> None:
    assert intensity(31, 15) == Decimal("2.1")
    assert intensity(0, 15) == Decimal("0.0")
    assert intensity(5, 0) is None
    assert intensity(1, 8) == Decimal("0.1")  # 0.125 rounds half up to one decimal
    assert intensity(3, 20) == Decimal("0.2")  # 0.15 → 0.2


def test_months_back_spans_year_ends_and_includes_this_month() -> None:
    months = months_back(d(2026, 2, 28), 12)
    assert months[0] == d(2025, 3, 1)
    assert months[-1] == d(2026, 2, 1)
    assert len(months) == 12
    assert months_back(d(2026, 1, 31), 2) == [d(2025, 12, 1), d(2026, 1, 1)]
    assert month_of(d(2026, 12, 31)) == d(2026, 12, 1)
    with pytest.raises(ValueError, match="at least 1"):
        months_back(d(2026, 1, 1), 0)


def test_the_cap_must_be_a_positive_whole_number() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        CaseloadRules(office_cap=0)
    with pytest.raises(ValueError, match="at least 1"):
        CaseloadRules(office_cap=True)
