"""`kvp language-check`: the respectful-language check (kvp.rules.language_check, E12) for many texts at once.

Reads JSON Lines from standard input, one object per line with `text` (a string) and `lang` ("nb", "nn" or
"en"), and writes one JSON line per input line, in the same order: the input object's fields plus `flag` (true
when anything was found), `categories` (the categories found, in order of first appearance) and `spans` (start
and end character offsets into `text`, category, explanation and suggestion in the text's language, evidence).
A line that cannot be checked (not JSON, not an object, `text` missing or not a string, an unsupported `lang`, a
text over the length limit, bytes that are not UTF-8, an empty line) gets a line with `line` (its number) and
`error` (what is wrong), plus the object's fields when it was one, and the command carries on. The exit status
is 0 unless standard input itself cannot be read. Texts are checked in batches per language (spaCy's
`tokenizer.pipe`), so thousands of lines take seconds.

    kvp language-check < notes.jsonl > checked.jsonl

(Django names commands after their module, so the module is `language_check`; `kvp language-check` is mapped
to it in kvp/__main__.py, and `kvp language_check` works too.)
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kvp.common.i18n import translated
from kvp.rules.language_check import (
    MAX_CHARS,
    SUPPORTED_LANGUAGES,
    Finding,
    LanguageCheckError,
    check_many,
    check_text,
)
from kvp.rules.language_check_data.messages import CONTEXT

CHUNK = 1_000  # lines read before a batch is checked and written


@dataclass
class _Line:
    number: int
    data: dict[str, Any] | None = None  # the parsed object
    error: str | None = None
    text: str = ""
    lang: str = ""


class Command(BaseCommand):
    help = (
        "Check texts for stigmatising or othering wording: JSON Lines ({text, lang}) on stdin → JSON Lines on stdout."
    )
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=CHUNK, help=f"lines per batch (default {CHUNK})")

    def handle(self, *args: object, **options: Any) -> None:
        stream = options.get("stdin") or sys.stdin
        size = max(1, int(options["batch_size"]))
        chunk: list[_Line] = []
        try:
            for number, raw in enumerate(_lines(stream), start=1):
                chunk.append(_parse(number, raw))
                if len(chunk) >= size:
                    self._write(chunk)
                    chunk = []
        except OSError as error:
            raise CommandError(f"cannot read standard input: {error}") from error
        self._write(chunk)

    def _write(self, chunk: list[_Line]) -> None:
        if not chunk:
            return
        results = _check(chunk)
        out = []
        for line in chunk:
            out.append(json.dumps(_output(line, results.get(line.number)), ensure_ascii=False))
        self.stdout.write("\n".join(out))
        self.stdout.flush()


def _lines(stream: IO[Any]) -> Iterator[bytes | str]:
    """Lines without their line ends: bytes from a binary stream (sys.stdin's buffer), else text."""
    source: IO[Any] = getattr(stream, "buffer", stream)
    for raw in source:
        yield raw.rstrip(b"\r\n") if isinstance(raw, bytes) else raw.rstrip("\r\n")


def _parse(number: int, raw: bytes | str) -> _Line:
    line = _Line(number)
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line.error = f"the line is not valid UTF-8 (byte {error.start + 1})"
            return line
    if not raw.strip():
        line.error = "empty line: expected a JSON object with text and lang"
        return line
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as error:
        line.error = f"not valid JSON: {error}"
        return line
    if not isinstance(data, dict):
        line.error = f"expected a JSON object with text and lang, got {_json_type(data)}"
        return line
    line.data = data
    text, lang = data.get("text"), data.get("lang")
    if "text" not in data:
        line.error = "missing field text"
    elif not isinstance(text, str):
        line.error = f"text must be a string, not {_json_type(text)}"
    elif "lang" not in data:
        line.error = f"missing field lang (one of {', '.join(SUPPORTED_LANGUAGES)})"
    elif not isinstance(lang, str) or lang.strip().lower() not in SUPPORTED_LANGUAGES:
        line.error = f"unsupported lang {lang!r}: use one of {', '.join(SUPPORTED_LANGUAGES)}"
    elif len(text) > MAX_CHARS:
        line.error = f"text is {len(text):,} characters long; the limit is {MAX_CHARS:,}"
    else:
        line.text, line.lang = text, lang.strip().lower()
    return line


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", int: "a number"}
    if value is None:
        return "null"
    return names.get(type(value), "a number" if isinstance(value, float) else type(value).__name__)


def _check(chunk: list[_Line]) -> dict[int, tuple[Finding, ...] | str]:
    """Findings per line number, checked in one batch per language; an error message if a text fails."""
    results: dict[int, tuple[Finding, ...] | str] = {}
    by_lang: dict[str, list[_Line]] = {}
    for line in chunk:
        if line.error is None:
            by_lang.setdefault(line.lang, []).append(line)
    for lang, lines in by_lang.items():
        try:
            for line, findings in zip(lines, check_many((line.text for line in lines), lang), strict=True):
                results[line.number] = findings
        except Exception:
            for line in lines:
                results[line.number] = _check_one(line)
    return results


def _check_one(line: _Line) -> tuple[Finding, ...] | str:
    try:
        return check_text(line.text, line.lang)
    except LanguageCheckError as error:
        return str(error)
    except Exception as error:
        return f"the text could not be checked ({type(error).__name__})"


def _output(line: _Line, result: tuple[Finding, ...] | str | None) -> dict[str, Any]:
    if isinstance(result, str) or result is None or line.error is not None:
        error = result if isinstance(result, str) else line.error or "the text could not be checked"
        return {**(line.data or {}), "line": line.number, "error": error}
    categories: list[str] = []
    for finding in result:
        if finding.category.value not in categories:
            categories.append(finding.category.value)
    return {
        **(line.data or {}),
        "flag": bool(result),
        "categories": categories,
        "spans": [_span(finding, line.lang) for finding in result],
    }


def _span(finding: Finding, lang: str) -> dict[str, object]:
    return {
        "start": finding.start,
        "end": finding.end,
        "category": finding.category.value,
        "explanation": translated(finding.explanation, lang, context=CONTEXT),
        "suggestion": translated(finding.suggestion, lang, context=CONTEXT) if finding.suggestion else None,
        "evidence": finding.evidence,
    }
