"""The messages a participant reads, as the gettext catalogue holds them.

"Participant-facing" is, for now, every message in the templates of the participant's pages and in the
modules that word those pages for them (below). Templates both the participant and staff use count whole, so
the staff's wording in them counts too; the page frame (base.html) does not, as its menu is mostly the staff's
(the participant's pages, measured as shown, include it). Messages are found the way makemessages finds
them: Django turns a template into gettext calls (templatize) and xgettext reads those and the modules.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.utils.translation.template import templatize

PACKAGE = Path(settings.PACKAGE_DIR)
TEMPLATES = [
    "participants/my_page.html",
    "programme/payments.html",
    "programme/decision.html",
    "plans/plan.html",
    "plans/versions.html",
    "plans/mapping.html",
    "plans/proposal_form.html",
    "dialog/my_list.html",
    "dialog/my_thread.html",
    "dialog/_my_page_panel.html",
    "dialog/_waiting_tag.html",
    "followup/my_meeting.html",
    "followup/_my_meetings_panel.html",
    "motivation/answer.html",
    "motivation/thanks.html",
    "motivation/_my_page_panel.html",
    "audit/my_access_log.html",
    "catalogue/list.html",
    "catalogue/detail.html",
    "catalogue/recommendations.html",
    "matching/wishes.html",
]
MODULES = ["casefile/selectors.py", "programme/summaries.py", "catalogue/advice.py", "common/formatting.py"]
KEYWORDS = [
    "gettext_noop", "gettext_lazy", "ngettext_lazy:1,2", "pgettext:1c,2", "npgettext:1c,2,3",
    "pgettext_lazy:1c,2", "npgettext_lazy:1c,2,3", "ngettext:1,2", "N_",
]  # fmt: skip

Key = tuple[str | None, str]


def _messages_in(path: Path, *, template: bool) -> list[Key]:
    source = path.read_text(encoding="utf-8")
    with tempfile.NamedTemporaryFile("w", suffix=".py", encoding="utf-8") as python:
        python.write(templatize(source, origin=str(path)) if template else source)
        python.flush()
        found = subprocess.run(  # noqa: S603 - gettext's xgettext on a file written here
            ["xgettext", "--language=Python", "--from-code=UTF-8", "--output=-", python.name]
            + [f"--keyword={keyword}" for keyword in KEYWORDS],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    return [(entry.msgctxt, entry.msgid) for entry in polib.pofile(found)] if found else []


def participant_messages() -> dict[str, list[Key]]:
    """The messages of each participant template and module, by its path under kvp."""
    found = {f"templates/{name}": _messages_in(PACKAGE / "templates" / name, template=True) for name in TEMPLATES}
    return found | {name: _messages_in(PACKAGE / name, template=False) for name in MODULES}


def bokmal(keys: list[Key]) -> list[str]:
    """The bokmål translations of the messages (each plural form counts)."""
    catalogue = polib.pofile(str(PACKAGE / "locale" / "nb" / "LC_MESSAGES" / "django.po"))
    entries = {(entry.msgctxt, entry.msgid): entry for entry in catalogue}
    texts = []
    for key in keys:
        entry = entries[key]
        texts += list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
    return texts
