"""The list of sources (`docs/sources.md`, in the package through the link `kvp/sources.md`): what each
citation code (E3, S12) stands for.

The file ships inside the package so that a checkout and an installed package read the same text; staff
see it rendered, and `{% cite %}` turns a code into its entry's short title."""

import re
from functools import cache
from importlib.resources import files

from markdown_it import MarkdownIt

# A citation code as the rules write it: E1-E19 evidence, S1-S21 legal and statistical sources. Not part
# of a longer word or identifier (STYRK-08, E12a, node_E3).
CODE = re.compile(r"(?<![\w-])[ES]\d{1,2}(?![\w-])")
# An entry: an explicit anchor, then a level-3 heading "CODE — short title".
_ENTRY = re.compile(r'^<a id="(?P<anchor>[^"]+)"></a>\n### \S+ — (?P<title>.+)$', re.MULTILINE)


@cache
def source_text() -> str:
    return files("kvp").joinpath("sources.md").read_text(encoding="utf-8")


@cache
def short_titles() -> dict[str, str]:
    """Anchor (the code for E- and S-entries) → the entry's short title."""
    return {match["anchor"]: match["title"].strip() for match in _ENTRY.finditer(source_text())}


@cache
def sources_html() -> str:
    """The whole list as HTML. The file is ours, so its anchors (raw HTML) are kept."""
    html: str = MarkdownIt("commonmark", {"html": True}).enable("table").render(source_text())
    return html
