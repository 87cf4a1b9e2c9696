"""Which language a text goes out in: a translation counts only once a qualified translator has reviewed it.

Every user-facing text is an English message id with its translations in the gettext catalogues
(`kvp/locale/<language>/LC_MESSAGES/django.po`). A translator's review of a translation is recorded beside the
catalogue (`kvp.common.catalogues`, `reviews.tsv`); `reviewed_language` sends a text in the participant's language
only when each of its messages is reviewed there, and in the site's language (bokmål) otherwise. English, the
language of the message ids, and bokmål, the team's own, are reviewed by definition.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from django.conf import settings
from django.utils import translation
from django.utils.translation import pgettext

from kvp.common import catalogues


@functools.cache
def _reviewed_messages(language: str) -> frozenset[str]:
    """The message ids (without context) whose current translation in `language` is usable and reviewed."""
    reviewed = catalogues.reviewed_fingerprints(language)
    return frozenset(
        entry.msgid
        for entry in catalogues.language_entries(language).values()
        if not entry.msgctxt and catalogues.entry_problem(entry) == "" and catalogues.fingerprint(entry) in reviewed
    )


def is_reviewed(language: str, message: str) -> bool:
    """Whether `message` has a reviewed translation in `language`."""
    return language in catalogues.SOURCE_LANGUAGES or message in _reviewed_messages(language)


def reviewed_language(preferred: str, messages: Iterable[str]) -> str:
    """`preferred` when every one of `messages` has a reviewed translation in it, else the site's language."""
    wanted = list(messages)
    if preferred and all(is_reviewed(preferred, message) for message in wanted):
        return preferred
    return str(settings.LANGUAGE_CODE)


def translated(message: str, language: str, *, context: str) -> str:
    """`message` (with its gettext context) in `language`, whatever the active language: for texts that follow a
    document's language rather than the reader's."""
    with translation.override(language):
        return pgettext(context, message)
