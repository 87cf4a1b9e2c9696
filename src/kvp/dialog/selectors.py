"""Reading the dialog: threads with what each reader has not seen yet, and the counsellor's worklist."""

from __future__ import annotations

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery

from kvp.accounts.models import User
from kvp.dialog.models import Message, Thread, ThreadRead
from kvp.participants.access import participants_visible_in_lists
from kvp.participants.models import Participant


def _with_unread(threads: QuerySet[Thread], viewer: User) -> QuerySet[Thread]:
    """Annotate `unread`: messages by others sent after `viewer` last opened the thread."""
    last_read = ThreadRead.objects.filter(thread=OuterRef("pk"), user=viewer).values("read_at")[:1]
    return threads.annotate(
        last_read_at=Subquery(last_read),
        unread=Count(
            "messages",
            filter=~Q(messages__author=viewer)
            & (Q(last_read_at__isnull=True) | Q(messages__sent_at__gt=F("last_read_at"))),
        ),
    )


def threads_for_participant(participant: Participant, viewer: User) -> QuerySet[Thread]:
    """The participant's threads, newest activity first, each with `unread` for `viewer` (the caller
    has checked that `viewer` may read the participant)."""
    threads = Thread.objects.filter(participant=participant).select_related("activity")
    return _with_unread(threads, viewer).order_by("-last_message_at")


def thread_messages(thread: Thread) -> QuerySet[Message]:
    return thread.messages.select_related("author").order_by("sent_at")


def threads_waiting_for_counsellor(counsellor: User) -> QuerySet[Thread]:
    """Threads of the counsellor's own participants that wait for the counsellor, oldest first.
    Shielded participants appear only with the grant to see them, as in the participant list."""
    participants = participants_visible_in_lists(counsellor).filter(counsellor=counsellor)
    threads = Thread.objects.filter(participant__in=participants, waiting_for=Thread.Waiting.COUNSELLOR)
    return _with_unread(threads.select_related("participant", "activity"), counsellor).order_by("last_message_at")


def unread_count_for_viewer(participant: Participant, viewer: User) -> int:
    """Messages by others in the participant's threads that `viewer` has not read yet."""
    reads = ThreadRead.objects.filter(thread=OuterRef("thread"), user=viewer).values("read_at")[:1]
    return (
        Message.objects.filter(thread__participant=participant)
        .exclude(author=viewer)
        .annotate(last_read_at=Subquery(reads))
        .filter(Q(last_read_at__isnull=True) | Q(sent_at__gt=F("last_read_at")))
        .count()
    )


def unread_count_for_participant_user(user: User) -> int:
    """How many messages the logged-in participant has not read yet (0 for staff)."""
    if not user.is_authenticated or user.participant_id is None:
        return 0
    return unread_count_for_viewer(user.participant, user)
