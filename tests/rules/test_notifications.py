import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kvp.rules.notifications import MAX_ATTACHMENT_BYTES, attachment_problem, may_notify

T0 = datetime.datetime(2026, 11, 27, 9, 0, tzinfo=datetime.UTC)
MINUTE = datetime.timedelta(minutes=1)


@pytest.mark.parametrize(
    ("last_sent_at", "now", "expected"),
    [
        (None, T0, True),
        (T0, T0, False),
        (T0, T0 + 29 * MINUTE, False),
        (T0, T0 + 30 * MINUTE, True),
        (T0, T0 + 31 * MINUTE, True),
    ],
)
def test_it_notifies_at_most_once_per_half_hour(
    last_sent_at: datetime.datetime | None, now: datetime.datetime, expected: bool
) -> None:
    assert may_notify(last_sent_at, now) is expected


def test_it_takes_another_window() -> None:
    assert may_notify(T0, T0 + 5 * MINUTE, window=5 * MINUTE)
    assert not may_notify(T0, T0 + 4 * MINUTE, window=5 * MINUTE)


@given(st.integers(min_value=0, max_value=10_000))
def test_it_never_notifies_twice_within_the_window(minutes: int) -> None:
    assert may_notify(T0, T0 + minutes * MINUTE) is (minutes >= 30)


@pytest.mark.parametrize(
    ("name", "size", "detected", "refused"),
    [
        ("attest.pdf", 1000, "application/pdf", False),
        ("ATTEST.PDF", 1000, "application/pdf", False),
        ("bilde.png", 1000, "image/png", False),
        ("bilde.jpg", 1000, "image/jpeg", False),
        ("bilde.JPEG", 1000, "image/jpeg", False),
        ("C:\\Users\\amina\\attest.pdf", 1000, "application/pdf", False),
        ("attest.pdf", MAX_ATTACHMENT_BYTES, "application/pdf", False),
        # too big, or empty
        ("attest.pdf", MAX_ATTACHMENT_BYTES + 1, "application/pdf", True),
        ("attest.pdf", 0, "application/pdf", True),
        # not a type we accept (what the content is, whatever the name says)
        ("attest.pdf", 1000, None, True),
        ("program.exe", 1000, None, True),
        ("side.html", 1000, "text/html", True),
        # the name does not match the content
        ("bilde.png", 1000, "image/jpeg", True),
        ("attest.pdf", 1000, "image/png", True),
        ("bilde.jpg.exe", 1000, "image/jpeg", True),
        ("uten-endelse", 1000, "application/pdf", True),
    ],
)
def test_it_accepts_only_safe_files(name: str, size: int, detected: str | None, refused: bool) -> None:
    problem = attachment_problem(name, size, detected, MAX_ATTACHMENT_BYTES)
    assert (problem is not None) is refused


def test_it_says_why_a_file_is_refused() -> None:
    assert attachment_problem("a.pdf", 10, "application/pdf", 5) == "The file is too big. Choose a smaller file."
    assert attachment_problem("a.png", 10, "image/jpeg", 100) == (
        "The file's name does not match what is in it. Send a PDF or a picture (PNG or JPEG)."
    )
