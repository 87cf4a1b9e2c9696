import pytest

from kvp.rules.access import Basis, Refusal, Subject, Viewer, may_write, read_access

SUBJECT = Subject(participant_id="p1", office_id=1, counsellor_id=10, shielded=False)


def staff(user_id: int = 10, office_id: int = 1, **roles: bool) -> Viewer:
    flags = {"is_counsellor": False, "is_leader": False, "is_administrator": False, "may_view_shielded": False}
    return Viewer(user_id=user_id, office_id=office_id, **(flags | roles))


@pytest.mark.parametrize(
    ("viewer", "reason", "expected"),
    [
        (staff(is_counsellor=True), False, Basis.ASSIGNED),
        (staff(user_id=11, is_counsellor=True), False, Refusal.NEEDS_REASON),
        (staff(user_id=11, is_counsellor=True), True, Basis.REASON),
        (staff(user_id=12, office_id=2, is_counsellor=True), True, Refusal.HIDDEN),
        (staff(user_id=13, is_leader=True), False, Basis.LEADER),
        (staff(user_id=14, office_id=None, is_administrator=True), False, Refusal.FORBIDDEN),
        (staff(user_id=15), False, Refusal.HIDDEN),
        (Viewer(20, None, False, False, False, False, participant_id="p1"), False, Basis.SELF),
        (Viewer(21, None, False, False, False, False, participant_id="p2"), False, Refusal.HIDDEN),
    ],
)
def test_it_decides_read_access(viewer: Viewer, reason: bool, expected: Basis | Refusal) -> None:
    assert read_access(viewer=viewer, subject=SUBJECT, has_recorded_reason=reason) == expected


def test_it_hides_shielded_persons_without_a_grant() -> None:
    shielded = Subject(participant_id="p1", office_id=1, counsellor_id=10, shielded=True)
    assert read_access(viewer=staff(user_id=13, is_leader=True), subject=shielded, has_recorded_reason=False) is (
        Refusal.HIDDEN
    )
    granted = staff(user_id=13, is_leader=True, may_view_shielded=True)
    assert read_access(viewer=granted, subject=shielded, has_recorded_reason=False) is Basis.LEADER


def test_it_lets_an_administrator_who_is_also_a_counsellor_read_their_cases() -> None:
    both = staff(is_counsellor=True, is_administrator=True)
    assert read_access(viewer=both, subject=SUBJECT, has_recorded_reason=False) is Basis.ASSIGNED


def test_it_lets_only_counsellors_write() -> None:
    assert [b for b in Basis if may_write(b)] == [Basis.ASSIGNED, Basis.REASON]
