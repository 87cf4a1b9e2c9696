"""Which language a text goes out in: a translation counts only once a qualified translator has reviewed it.

Every user-facing text is an English message id with its translations in the gettext catalogues
(`kvp/locale/<language>/LC_MESSAGES/django.po`). A translation nobody has reviewed yet is marked `#, fuzzy`,
gettext's own "needs review" flag; `compilemessages` leaves fuzzy entries out of the compiled catalogue, so a
draft is never in the `.mo` file, and `reviewed_language` chooses the site's language (bokmål) instead.
English, the language of the message ids, is reviewed by definition.
"""

from __future__ import annotations

import functools
import gettext
from collections.abc import Iterable

from django.conf import settings
from django.utils import translation
from django.utils.translation import pgettext, to_locale

SOURCE_LANGUAGE = "en"


@functools.cache
def _compiled_catalogue(language: str) -> dict[str, str]:
    """The messages the language's own compiled catalogue translates (without Django's fallback to bokmål)."""
    catalogue: dict[str, str] = {}
    for directory in reversed(settings.LOCALE_PATHS):  # the first path wins, as in Django
        found = gettext.translation("django", localedir=str(directory), languages=[to_locale(language)], fallback=True)
        # GNUTranslations keeps its messages in `_catalog`, as Django's own translation classes rely on.
        catalogue.update(getattr(found, "_catalog", {}))
    return catalogue


def is_reviewed(language: str, message: str) -> bool:
    """Whether `message` has a reviewed translation in `language`."""
    return language == SOURCE_LANGUAGE or message in _compiled_catalogue(language)


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
