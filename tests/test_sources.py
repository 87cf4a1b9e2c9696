"""Every citation code in the code, templates, messages, tests and docs has an entry in the list of sources
(`src/kvp/sources.md`), and nothing names a file outside this repository."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest

from kvp.common.sources import CODE, short_titles

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
    assert unresolved_codes(scanned_files(), set(short_titles())) == []


def test_nothing_names_a_file_outside_the_repository() -> None:
    assert outside_references(scanned_files()) == []


def test_the_list_has_every_evidence_item_and_source_once() -> None:
    anchors = re.findall(r'^<a id="([^"]+)"></a>$', (ROOT / "src/kvp/sources.md").read_text(), re.MULTILINE)
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
