"""Caseloads and follow-up intensity per counsellor (E7).

E7: results are better when counsellors follow fewer participants and have time for relational work.
The product counts the active participants each counsellor follows, warns the office leader when one
is above the office's cap, and counts contacts (meetings held, messages sent) per participant per month.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from kvp.rules.case_status import CaseStatus

# E7: participants in the programme (started, not ended) are the caseload a counsellor follows closely.
ACTIVE_STATUSES = frozenset({CaseStatus.ACTIVE, CaseStatus.EXTENDED})


@dataclass(frozen=True)
class CaseloadRules:
    """The office cap and how far back the history goes."""

    # E7 shows that fewer participants per counsellor work better but gives no number: 15 is [U] our own
    # starting point for close follow-up, which each office should set.
    office_cap: int = 15
    months_shown: int = 12  # [U] a year of history on the caseload page

    def __post_init__(self) -> None:
        for name in ("office_cap", "months_shown"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a whole number of at least 1")


def is_over_cap(active: int, rules: CaseloadRules) -> bool:
    """E7: a counsellor is above the cap when they follow more than it; exactly at the cap is allowed."""
    return active > rules.office_cap


def intensity(contacts: int, participants: int) -> Decimal | None:
    """E7: contacts per participant in a month, one decimal; None when the counsellor followed nobody."""
    if participants <= 0:
        return None
    return (Decimal(contacts) / participants).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
