"""Every citation code in the code, templates, messages, tests and docs has an entry in the list of sources
(`docs/sources.md`, shipped in the package as `kvp/sources.md`), and nothing names a file outside this repository."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils.html import escape

from kvp.common.sources import CODE, short_titles
from tests.conftest import World, client_for

ROOT = Path(__file__).resolve().parents[1]
SCANNED = ("src", "tests", "docs", "bench", "README.md")
SUFFIXES = {".py", ".html", ".md", ".yaml", ".yml", ".po", ".txt", ".css", ".jsonl", ".toml"}
# Word lists, not prose: their tokens are lemmas, never citations.
NOT_PROSE = {Path("src/kvp/rules/language_check_data/nb_lemmas.py")}
UNKNOWN = "E" + "99"  # a code with no entry, built so that this file does not cite it
OUTSIDE_NAME = "KVP-RULE" + "S"  # likewise a background file's name

# Names of the background files the rules were first written from, of the folder beside the repository,
# and of the tracker's numbers: none of them means anything to a reader of this repository. (Spelled with
# character classes so that this file does not name them itself.)
OUTSIDE = re.compile(
    r"KVP-RULE[S]|EVIDENC[E](?:\.md| E\d)|DESIG[N]\.md|DEVELOPER[S]\.md|STYL[E]\.md|\.\./share[d]\b"
    r"|/wor[k]/|\b[Ii]ssu[e] \d+"
)


def scanned_files(root: Path = ROOT) -> Iterable[Path]:
    for name in SCANNED:
        top = root / name
        candidates = [top] if top.is_file() else sorted(top.rglob("*"))
        for path in candidates:
            if path.is_file() and path.suffix in SUFFIXES and path.relative_to(root) not in NOT_PROSE:
                yield path


def unresolved_codes(paths: Iterable[Path], known: set[str], root: Path = ROOT) -> list[str]:
    """'file:line: code' for each citation code that has no entry."""
    found = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for code in CODE.findall(line):
                if code not in known:
                    found.append(f"{path.relative_to(root)}:{number}: {code}")
    return found


def outside_references(paths: Iterable[Path], root: Path = ROOT) -> list[str]:
    found = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if match := OUTSIDE.search(line):
                found.append(f"{path.relative_to(root)}:{number}: {match.group(0)}")
    return found


def test_every_cited_code_has_an_entry() -> None:
    unresolved = unresolved_codes(scanned_files(), set(short_titles()))
    assert not unresolved, "codes with no entry in docs/sources.md:\n" + "\n".join(unresolved)


def test_nothing_names_a_file_outside_the_repository() -> None:
    outside = outside_references(scanned_files())
    assert not outside, "references outside the repository:\n" + "\n".join(outside)


def test_the_list_has_every_evidence_item_and_source_once() -> None:
    anchors = re.findall(r'^<a id="([^"]+)"></a>$', (ROOT / "docs/sources.md").read_text(), re.MULTILINE)
    assert len(anchors) == len(set(anchors))
    expected = {f"E{n}" for n in range(1, 20)} | {f"S{n}" for n in range(1, 22)}
    assert expected <= set(short_titles())


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("flag it (E3)", ["E3"]),
        ("sotjl. § 29; S2, S17", ["S2", "S17"]),
        ("E4, E6 and " + UNKNOWN, ["E4", "E6", UNKNOWN]),
        ("STYRK-08, node_E3, E12a, ES3, S1-2, 3E5", []),
    ],
)
def test_the_code_pattern_finds_citations_and_nothing_else(line: str, expected: list[str]) -> None:
    assert CODE.findall(line) == expected


def test_an_unknown_code_and_an_outside_file_are_reported_with_file_and_line(tmp_path: Path) -> None:
    cited = tmp_path / "rule.py"
    cited.write_text(f'"""Flag it (E3).\n\nSee {UNKNOWN} and {OUTSIDE_NAME}.md."""\n', encoding="utf-8")
    assert unresolved_codes([cited], set(short_titles()), root=tmp_path) == [f"rule.py:3: {UNKNOWN}"]
    assert outside_references([cited], root=tmp_path) == [f"rule.py:3: {OUTSIDE_NAME}"]


def _cite(user: object, value: str) -> str:
    return Template("{% load sources %}{% cite value %}").render(Context({"user": user, "value": value}))


def test_staff_see_the_short_title_with_the_code_as_a_link(world: World) -> None:
    title = short_titles()["E3"]
    assert _cite(world.counsellor, "E3") == f'{title} (<a class="aksel-link" href="/kilder/#E3">E3</a>)'
    assert _cite(world.leader, "sotjl. § 42; E1").startswith("sotjl. § 42; ")


def test_participants_see_the_short_title_and_never_the_code(world: World) -> None:
    shown = _cite(world.participant_user, "sotjl. § 42; E1, E14")
    assert shown == escape(f"sotjl. § 42; {short_titles()['E1']}, {short_titles()['E14']}")
    assert not CODE.search(shown)


def test_the_sources_page_has_an_anchor_per_code_for_staff_only(world: World) -> None:
    page = client_for(world.counsellor).get(reverse("sources")).content.decode()
    for code in ("E1", "E19", "S1", "S21", "sotjl", "forskrift", "R35", "open-assumptions"):
        assert f'<a id="{code}"></a>' in page
    assert client_for(world.participant_user).get(reverse("sources")).status_code == 403
