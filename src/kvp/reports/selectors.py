"""Reads for report panels shown on other pages."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from kvp.accounts.decorators import is_leader
from kvp.accounts.models import User
from kvp.reports.caseloads import caseload_rules, counsellors_over_cap


@dataclass(frozen=True)
class CapBanner:
    """How many of the office's counsellors are over the caseload cap (E7); 0 hides the banner."""

    count: int
    cap: int | None


def caseload_cap_banner(*, user: User) -> CapBanner:
    """The banner on a leader's pages; nobody else sees it, and for them it costs no query."""
    office_id = user.office_id
    if not is_leader(user) or office_id is None:
        return CapBanner(count=0, cap=None)
    return CapBanner(
        count=counsellors_over_cap(office_id), cap=caseload_rules(office_id, on=timezone.localdate()).office_cap
    )
