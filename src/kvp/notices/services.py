"""Sending notices: throttled per subject and recipient, and folded into one message per recipient.

`notice_claim` records a notice about to be sent unless the recipient was told about the same thing within
the throttling window (at most one per thread per half hour). `notices_send` folds the notices for one
recipient into a digest and sends each message through the channel; a failed message is logged by its
opaque references and the kind of error only (an SMTP error's text may hold the address) and not retried.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Sequence

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kvp.accounts.models import User
from kvp.common.i18n import reviewed_language
from kvp.notices.channels import Channel, Notice, get_channel
from kvp.notices.models import NoticeSent
from kvp.rules.notifications import may_notify

logger = logging.getLogger(__name__)
DIGEST_SUBJECT = gettext_noop("You have %(count)s new notices from KVP")
DIGEST_DIVIDER = "\n\n----------\n\n"


def notice_claim(*, about: str, recipient: User, now: datetime.datetime) -> bool:
    """Record a notice to `recipient` about `about`, unless one was recorded within the window; False then."""
    last = (
        NoticeSent.objects.filter(about=about, recipient=recipient)
        .order_by("-sent_at")
        .values_list("sent_at", flat=True)
        .first()
    )
    if not may_notify(last, now):
        return False
    NoticeSent.objects.create(about=about, recipient=recipient, sent_at=now)
    return True


def digest(notices: Sequence[Notice]) -> list[tuple[Notice, int]]:
    """One message per recipient, address and language, in the order first seen, with how many notices it
    holds: a single notice goes as it is; several go as one message listing each notice's subject and text."""
    groups: dict[tuple[str, str, str], list[Notice]] = {}
    for notice in notices:
        groups.setdefault((notice.recipient, notice.address, notice.language), []).append(notice)
    messages = []
    for (recipient, address, language), group in groups.items():
        if len(group) == 1:
            messages.append((group[0], 1))
            continue
        with translation.override(reviewed_language(language, [DIGEST_SUBJECT])):
            subject = _(DIGEST_SUBJECT) % {"count": len(group)}
        body = DIGEST_DIVIDER.join(f"{notice.subject}\n\n{notice.body}" for notice in group)
        about = ",".join(notice.about for notice in group)
        folded = Notice(
            recipient=recipient, about=about, address=address, language=language, subject=subject, body=body
        )
        messages.append((folded, len(group)))
    return messages


def notices_send(notices: Sequence[Notice], *, channel: Channel | None = None) -> int:
    """Send the notices, one message per recipient; returns how many notices went out."""
    chosen = channel if channel is not None else get_channel()
    sent = 0
    for message, count in digest(notices):
        try:
            chosen.send(message)
        except Exception as error:
            logger.error("Notice about %s to %s failed: %s", message.about, message.recipient, type(error).__name__)
            continue
        sent += count
    return sent
