"""`kvp language-check`: JSON Lines in, JSON Lines out, one output line per input line, errors per line."""

from __future__ import annotations

import io
import json
import sys
from typing import Any

import pytest
from django.core.management import call_command

from kvp.__main__ import main
from kvp.rules.language_check import MAX_CHARS


def run(lines: list[str], **options: Any) -> list[dict[str, Any]]:
    out = io.StringIO()
    call_command("language_check", stdin=io.StringIO("".join(f"{line}\n" for line in lines)), stdout=out, **options)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_checks_each_line_and_keeps_its_fields() -> None:
    rows = run(
        [
            json.dumps({"id": "a1", "text": "Hun påstår at hun var syk.", "lang": "nb"}),
            json.dumps({"id": "a2", "text": "Tolk er bestilt til møtet.", "lang": "nb"}),
            json.dumps({"text": "He is a burden, and as usual he was late.", "lang": "en"}),
        ]
    )
    first, second, third = rows
    assert first["id"] == "a1"
    assert first["flag"] is True
    assert first["categories"] == ["blame"]
    (span,) = first["spans"]
    assert first["text"][span["start"] : span["end"]] == "påstår"
    assert span["evidence"] == "E12"
    assert span["suggestion"] == "oppgir"
    assert span["explanation"]
    assert (second["flag"], second["categories"], second["spans"]) == (False, [], [])
    assert third["categories"] == ["dehumanising", "blame"]


def test_a_bad_line_gets_an_error_and_the_command_carries_on() -> None:
    good = json.dumps({"text": "Hun påstår det.", "lang": "nb"})
    rows = run(
        [
            "not json",
            "",
            "[1, 2]",
            json.dumps({"lang": "nb"}),
            json.dumps({"text": 5, "lang": "nb"}),
            json.dumps({"text": None, "lang": "nb"}),
            json.dumps({"text": "Hei"}),
            json.dumps({"text": "Hei", "lang": "de"}),
            json.dumps({"text": "Hei", "lang": 3}),
            json.dumps({"text": "x" * (MAX_CHARS + 1), "lang": "en"}),
            "[" * 100_000,
            good,
        ]
    )
    assert len(rows) == 12
    errors = [row.get("error", "") for row in rows[:-1]]
    assert all(errors)
    assert "JSON" in errors[0]
    assert "empty" in errors[1]
    assert "object" in errors[2]
    assert "missing field text" in errors[3]
    assert "string" in errors[4]
    assert "string" in errors[5]
    assert "missing field lang" in errors[6]
    assert "nb, nn, en" in errors[7]
    assert "nb, nn, en" in errors[8]
    assert "limit" in errors[9]
    assert [row["line"] for row in rows[:-1]] == list(range(1, 12))
    assert rows[7]["lang"] == "de"  # the object's own fields are kept
    assert rows[-1]["categories"] == ["blame"]


def test_odd_but_valid_texts() -> None:
    texts = ["", "   ", "\u0000\u0007\u001b", "مرحبا 你好 привет 😀", "Hun\u0000 påstår det.", "ord " * 20_000]
    rows = run([json.dumps({"text": text, "lang": "nb"}) for text in texts])
    assert [row["flag"] for row in rows] == [False, False, False, False, True, False]
    span = rows[4]["spans"][0]
    assert texts[4][span["start"] : span["end"]] == "påstår"


def test_thousands_of_lines_in_small_batches_keep_their_order() -> None:
    lines = [
        json.dumps(
            {"n": n, "text": "Hun påstår det." if n % 3 == 0 else "Møtet er avtalt.", "lang": "nn" if n % 2 else "en"}
        )
        for n in range(3_000)
    ]
    rows = run(lines, batch_size=250)
    assert [row["n"] for row in rows] == list(range(3_000))
    assert [row["flag"] for row in rows] == [n % 3 == 0 and n % 2 == 1 for n in range(3_000)]


def test_bytes_that_are_not_utf8_are_an_error_for_their_line() -> None:
    class BinaryStdin(io.StringIO):
        buffer = io.BytesIO(b'\xff\xfe\n{"text": "Hun p\xc3\xa5st\xc3\xa5r det.", "lang": "nb"}\n')

    out = io.StringIO()
    call_command("language_check", stdin=BinaryStdin(), stdout=out)
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert "UTF-8" in first["error"]
    assert second["flag"] is True


def test_the_kvp_entry_point_takes_the_hyphenated_name(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["kvp", "language-check"])
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"text": "She claims she was ill.", "lang": "en"}\nnot json\n'))
    main()  # returns normally: exit status 0
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert first["categories"] == ["blame"]
    assert "error" in second
