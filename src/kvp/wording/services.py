"""Recording what the language check found in a saved text: office, kind of text, categories, whether the
writer kept the wording, and the month — no text, no participant, no writer (E12)."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kvp.accounts.models import Office
from kvp.wording.checking import categories, categories_of, parse_categories
from kvp.wording.models import WordingOutcome

logger = logging.getLogger(__name__)

FIELD = "wording_field"  # the name of the checked textarea
LANGUAGE = "wording_lang"
SEEN = "wording_seen"  # categories the check flagged while the text was written
CHOICE = "wording_choice"  # "kept": the writer chose to keep the text as written
KEPT = "kept"


@transaction.atomic
def record_wording_outcome(
    office: Office | None,
    source: str,
    findings_categories: Iterable[str],
    kept_as_written: bool,
    *,
    today: datetime.date | None = None,
) -> WordingOutcome:
    """Record one saved text that had findings. Refuses (and stores nothing) without an office, with an
    unknown kind of text, or without a known category."""
    if office is None:
        raise ValidationError(_("The text must belong to an office."), code="office")
    if source not in WordingOutcome.Source.values:
        raise ValidationError(_("Unknown kind of text: %(source)s") % {"source": source}, code="source")
    found = sorted(set(findings_categories))
    if not found:
        raise ValidationError(_("Only texts with remarks are recorded."), code="no_categories")
    known = {category.value for category in categories()}
    unknown = [category for category in found if category not in known]
    if unknown:
        raise ValidationError(_("Unknown category: %(category)s") % {"category": ", ".join(unknown)}, code="category")
    day = today or timezone.localdate()
    outcome = WordingOutcome(
        office=office,
        source=source,
        categories=found,
        kept_as_written=bool(kept_as_written),
        month=day.replace(day=1),
    )
    outcome.full_clean()
    outcome.save()
    return outcome


def record_from_post(
    *, office: Office | None, source: str, text: str, data: Mapping[str, str]
) -> WordingOutcome | None:
    """What a form calls after it saved `text`: checks the saved text again (the hidden fields are only
    hints) and records an outcome if the text has remarks, or had some while it was written.

    The text is kept as written if the saved text still has remarks; if every remark was rewritten
    away, the categories seen while writing are recorded as rewritten. Never raises for bad hints:
    saving must not be blocked by the check."""
    if office is None or source not in WordingOutcome.Source.values:
        return None
    try:
        found = categories_of(text, data.get(LANGUAGE) or "nb")
        seen = parse_categories(data.get(SEEN) or "")
        if not found and not seen:
            return None
        return record_wording_outcome(office, source, found or seen, kept_as_written=bool(found))
    except Exception as error:  # the text is saved already; a failing check must not turn that into an error page
        # Only the kind of error: its message or traceback could quote the text.
        logger.error("The wording outcome could not be recorded (%s, %s)", source, type(error).__name__)
        return None
