"""The plan's PDF: the participant's language and bokmål side by side where they differ (kvp.plans.pdf).

The PDF is read back with a small text extractor (below): fpdf2 writes each line of text as one text object
(BT … ET) in the page's content stream, glyph by glyph in the order drawn (left to right), in the embedded
fonts' glyph codes, switching fonts where a fallback font takes over, with a ToUnicode map to the characters.
Static texts are compared with what gettext gives for them, so the tests hold before and after the bokmål
catalogue has the new messages.
"""

from __future__ import annotations

import datetime
import logging
import re
import zlib
from typing import Any

import pytest
from django.utils import translation
from django.utils.translation import gettext

from kvp.plans import pdf as plan
from kvp.plans.pdf import AgreementInfo, Columns, columns_for, plan_pdf, plan_rows

PRINTED = datetime.date(2025, 2, 10)
AGREED = AgreementInfo(
    version=3,
    participant_confirmed_on=datetime.date(2025, 2, 3),
    counsellor_confirmed_on=datetime.date(2025, 2, 4),
    counsellor="Kari Nordmann",
)
SOMALI_GOAL = "Waxaan rabaa inaan noqdo kuuk oo ka shaqeeyo makhaayad."
UKRAINIAN_GOAL = "Я хочу працювати кухарем у Бергені."
ARABIC_GOAL = "أريد أن أعمل طباخا في مطعم"
TIGRINYA_GOAL = "ሰላም ጤና ይስጥልኝ ስራ እፈልጋለሁ"
DARI_GOAL = "من می\u200cخواهم آشپز شوم"  # with a zero-width non-joiner, as Dari and Persian are written
TAMIL_GOAL = "நான் சமையல்காரர் ஆக விரும்புகிறேன்"  # a script none of the fonts has


# --- Reading the PDF back ------------------------------------------------------------------------------

_HEADER = re.compile(rb"(\d+) 0 obj")


def _objects(pdf: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    """Object number → (dictionary, decompressed stream), read in order so stream bytes are never parsed."""
    objects: dict[int, tuple[bytes, bytes | None]] = {}
    position = 0
    while match := _HEADER.search(pdf, position):
        start = match.end()
        stream, end = pdf.find(b"stream", start), pdf.find(b"endobj", start)
        if stream != -1 and stream < end:
            body = pdf[start:stream]
            length = re.search(rb"/Length (\d+)", body)
            assert length
            data_start = stream + len(b"stream") + (2 if pdf[stream + 6 : stream + 8] == b"\r\n" else 1)
            data = pdf[data_start : data_start + int(length.group(1))]
            objects[int(match.group(1))] = (body, zlib.decompress(data) if b"/FlateDecode" in body else data)
            position = pdf.find(b"endobj", data_start + int(length.group(1))) + len(b"endobj")
        else:
            objects[int(match.group(1))] = (pdf[start:end], None)
            position = end + len(b"endobj")
    return objects


def _to_unicode(cmap: bytes) -> dict[int, str]:
    table: dict[int, str] = {}
    text = cmap.decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for code, chars in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            table[int(code, 16)] = bytes.fromhex(chars).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for first, last, chars in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            base = ord(bytes.fromhex(chars).decode("utf-16-be"))
            for offset, code in enumerate(range(int(first, 16), int(last, 16) + 1)):
                table[code] = chr(base + offset)
    return table


def _literal(raw: bytes) -> bytes:
    escapes = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}
    out, index = bytearray(), 0
    while index < len(raw):
        char = raw[index]
        if char == 0x5C:  # backslash
            index += 1
            char = raw[index]
            if 0x30 <= char <= 0x37:
                end = index
                while end < len(raw) and end < index + 3 and 0x30 <= raw[end] <= 0x37:
                    end += 1
                out.append(int(raw[index:end], 8) & 0xFF)
                index = end
                continue
            out.append(escapes.get(char, char))
        else:
            out.append(char)
        index += 1
    return bytes(out)


def _fonts(objects: dict[int, tuple[bytes, bytes | None]]) -> dict[int, tuple[str, dict[int, str]]]:
    """Object number → the embedded font's name (without its subset prefix) and its glyph codes' characters."""
    fonts = {}
    for number, (body, _data) in objects.items():
        to_unicode = re.search(rb"/ToUnicode (\d+) 0 R", body)
        name = re.search(rb"/BaseFont /(?:[A-Z]{6}\+)?(\S+)", body)
        if to_unicode and name and b"/Type0" in body:
            fonts[number] = (name.group(1).decode(), _to_unicode(objects[int(to_unicode.group(1))][1] or b""))
    return fonts


def glyphs(pdf: bytes, font: str) -> list[str]:
    """What each glyph of the named embedded font draws: one character, or more for a ligature."""
    return [chars for name, table in _fonts(_objects(pdf)).values() if name == font for chars in table.values()]


def read_pages(pdf: bytes) -> list[list[str]]:
    """Each page's strings of text, in the order they are drawn (one per line of a cell)."""
    objects = _objects(pdf)
    fonts = {number: table for number, (_name, table) in _fonts(objects).items()}
    pages = []
    for _number, (body, _data) in sorted(objects.items()):
        if not re.search(rb"/Type /Page\b", body):
            continue
        resources_ref = re.search(rb"/Resources (\d+) 0 R", body)
        contents_ref = re.search(rb"/Contents (\d+) 0 R", body)
        assert resources_ref
        assert contents_ref
        resources = objects[int(resources_ref.group(1))][0]
        by_name = {name.decode(): fonts.get(int(ref), {}) for name, ref in re.findall(rb"/(F\d+) (\d+) 0 R", resources)}
        content = objects[int(contents_ref.group(1))][1] or b""
        font: dict[int, str] = {}
        lines = []
        for block in re.findall(rb"BT(.*?)ET", content, re.S):
            line = []
            for selected, string in re.findall(rb"/(F\d+) [\d.]+ Tf|\(((?:\\.|[^\\)])*)\) Tj", block, re.S):
                if selected:
                    font = by_name[selected.decode()]
                    continue
                raw = _literal(string)
                line += [font.get(int.from_bytes(raw[i : i + 2], "big"), "\ufffd") for i in range(0, len(raw), 2)]
            if line:
                lines.append("".join(line))
        pages.append(lines)
    return pages


def read_lines(pdf: bytes) -> list[str]:
    return [line for page in read_pages(pdf) for line in page]


def read_text(pdf: bytes) -> str:
    """All text, lines joined with spaces: a sentence wrapped over lines reads as one again."""
    return " ".join(read_lines(pdf))


def in_language(code: str, message: str, **values: Any) -> str:
    with translation.override(code):
        text = gettext(message)
    return text % values if values else text


# --- A plan, by hand -----------------------------------------------------------------------------------


def activity(number: int = 1, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": f"activity-{number}",
        "measure_type": "work_practice",
        "title": f"Kitchen assistant {number}",
        "description": "Preparing food and cleaning in the kitchen.",
        "provider": "Rema 1000 Grünerløkka",
        "hours_per_week": "37.5",
        "weekdays": [0, 2, 4],
        "starts_on": "2025-03-01",
        "ends_on": "2025-05-31",
        "goal": 1,
        "formal_qualification": "",
        "norwegian_needed": "b1",
        "digital_needed": "basic",
        "works_alone": False,
        "language_practice": True,
        "status": "planned",
        "origin": "participant",
    }
    return data | changes


def snapshot(
    *, language: str = "en", goals: list[tuple[str, str]] | None = None, activities: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    goals = [(SOMALI_GOAL, "so")] if goals is None else goals
    return {
        "version": 3,
        "participant": "Amina Hassan Warsame",
        "preferred_language": language,
        "office": "NAV Grünerløkka",
        "counsellor": "Kari Nordmann",
        "period": {"starts_on": "2025-02-01", "ends_on": "2026-01-31"},
        "goals": [
            {"number": number, "text": text, "language": code, "origin": "participant"}
            for number, (text, code) in enumerate(goals, start=1)
        ],
        "activities": [activity()] if activities is None else activities,
    }


def render(language: str, agreed: AgreementInfo | None = None, **kwargs: Any) -> bytes:
    return plan_pdf(snapshot(language=language, **kwargs), language=language, agreed=agreed, printed_on=PRINTED)


# --- Tests ---------------------------------------------------------------------------------------------


def test_the_plan_is_a_pdf() -> None:
    pdf = render("nb")
    assert pdf.startswith(b"%PDF")
    assert len(read_pages(pdf)) >= 1


@pytest.mark.parametrize(
    ("language", "columns"),
    [
        ("nb", Columns(left="nb", requested="nb")),
        ("nn", Columns(left="nb", requested="nb")),
        ("", Columns(left="nb", requested="nb")),
        ("en", Columns(left="en", requested="en")),
        ("so", Columns(left="en", requested="so")),
        ("ar", Columns(left="en", requested="ar")),
    ],
)
def test_columns_are_bokmal_alone_or_the_participants_language_and_bokmal(language: str, columns: Columns) -> None:
    assert columns_for(language) == columns


def test_a_bokmal_reader_gets_one_column_in_bokmal() -> None:
    lines = read_lines(render("nb"))
    text = " ".join(lines)
    participant, counsellor = in_language("nb", "Participant"), in_language("nb", "Counsellor")
    assert participant == "Deltaker"  # already in the catalogue: the check below means something
    assert len([line for line in lines if re.match(rf"{participant}\b", line)]) == 1
    assert len([line for line in lines if re.match(rf"{counsellor}\b", line)]) == 1
    assert "Participant" not in text
    assert "English" not in lines  # no column names: there is one column
    assert in_language("nb", "Planned") in text
    assert "Planned" not in text
    assert text.count("Amina Hassan Warsame") == 1
    rows = plan_rows(snapshot(language="nb"), language="nb", agreed=None, printed_on=PRINTED)
    assert all(row.spans for row in rows)


def test_an_english_reader_gets_english_and_bokmal_side_by_side() -> None:
    pdf = render("en", goals=[(SOMALI_GOAL, "so"), (UKRAINIAN_GOAL, "uk")])
    lines = read_lines(pdf)
    text = " ".join(lines)
    assert lines.count("Participant") == 1
    assert lines.count(in_language("nb", "Participant")) == 1
    assert "Goals" in lines
    assert in_language("nb", "Goals") in lines
    assert {"English", in_language("nb", "Norwegian Bokmål")} <= set(lines)  # the columns' languages
    for once in ["Amina Hassan Warsame", "Kari Nordmann", "Rema 1000 Grünerløkka", "01.02.2025 – 31.01.2026"]:
        assert text.count(once) == 1, once
    assert text.count(SOMALI_GOAL) == 1
    assert text.count(UKRAINIAN_GOAL) == 1
    assert "Written in Somali" in text
    assert in_language("nb", "Planned") in text
    assert "Planned" in text
    hours = [line for line in lines if line.endswith(("37.5", "37,5"))]
    assert hours == [f"{in_language('en', 'Hours per week')}: 37.5", f"{in_language('nb', 'Hours per week')}: 37,5"]


def test_rows_span_both_columns_where_the_languages_read_the_same() -> None:
    rows = plan_rows(snapshot(language="en"), language="en", agreed=None, printed_on=PRINTED)
    by_text = {row.left[0].text: row for row in rows}
    assert by_text[f"1. {SOMALI_GOAL}"].spans
    assert by_text["Amina Hassan Warsame"].spans
    assert not by_text["Participant"].spans
    assert by_text["Participant"].right[0].text == in_language("nb", "Participant")
    status = next(row for row in rows if row.left[0].text.endswith(": Planned"))
    assert not status.spans


def test_a_language_without_a_catalogue_gets_an_english_column_and_the_plan_says_so() -> None:
    text = read_text(render("so"))
    assert "Your language (Somali) is not available in KVP yet; this column is in English." in text
    with translation.override("nb"):
        somali = plan.language_name("so", in_sentence=True)
    assert in_language("nb", plan.NOT_AVAILABLE, language=somali) in text
    assert "Participant" in text
    assert in_language("nb", "Participant") in text
    assert text.count(SOMALI_GOAL) == 1
    assert "Written in Somali" in text


def test_an_available_language_gets_no_note_about_english() -> None:
    assert "not available in KVP yet" not in read_text(render("en"))
    assert in_language("nb", plan.NOT_AVAILABLE, language="x").split("x")[0] not in read_text(render("nb"))


def test_cyrillic_free_text_is_printed_as_written() -> None:
    lines = read_lines(render("uk", goals=[(UKRAINIAN_GOAL, "uk")]))
    assert lines.count(f"1. {UKRAINIAN_GOAL}") == 1


def test_arabic_free_text_is_shaped_and_right_to_left() -> None:
    pdf = render("ar", goals=[(ARABIC_GOAL, "ar")])
    lines = read_lines(pdf)
    arabic = [line for line in lines if any("\u0600" <= char <= "\u06ff" for char in line)]
    assert arabic == [f"1. {ARABIC_GOAL}"[::-1]]  # once, drawn right to left
    drawn = glyphs(pdf, "NotoSansArabic")
    # Shaped: a letter has a glyph for each joining form it takes. Meem starts and ends "مطعم", yeh ends
    # "في" and is inside "أريد", ain is inside "أعمل" and "مطعم" (medial), and none is the isolated letter alone.
    assert drawn.count("م") >= 2
    assert drawn.count("ي") == 2
    assert "Written in Arabic" in lines


def test_lam_alef_is_one_ligature() -> None:
    drawn = glyphs(render("ar", goals=[("سلام", "ar")]), "NotoSansArabic")
    assert "لا" in drawn  # one glyph draws both letters
    assert "ل" not in drawn


def test_arabic_dari_and_tigrinya_print_in_their_fonts_without_question_marks(
    caplog: pytest.LogCaptureFixture,
) -> None:
    goals = [(ARABIC_GOAL, "ar"), (DARI_GOAL, "prs"), (TIGRINYA_GOAL, "ti")]
    with caplog.at_level(logging.WARNING, logger="fpdf"):
        pdf = render("ti", goals=goals)
    assert not caplog.records  # fpdf2 was given no character its fonts lack
    lines = read_lines(pdf)
    assert lines.count(f"3. {TIGRINYA_GOAL}") == 1
    assert not [line for line in lines if "?" in line]
    assert set(TIGRINYA_GOAL) - {" "} <= set(glyphs(pdf, "NotoSansEthiopic"))
    assert set(DARI_GOAL) - {" ", "\u200c"} <= set(glyphs(pdf, "NotoSansArabic"))


def test_letters_no_font_here_has_become_question_marks_and_the_whole_text_is_kept_in_a_comment(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="fpdf"):
        pdf = render("ta", goals=[(TAMIL_GOAL, "ta")])
    assert not caplog.records  # fpdf2 was given no character its fonts lack
    lines = read_lines(pdf)
    assert "1. " + re.sub(r"\S", "?", TAMIL_GOAL) in lines
    assert "<feff" + f"1. {TAMIL_GOAL}".encode("utf-16-be").hex() + ">" in pdf.decode("latin-1")
    text = " ".join(lines)
    assert in_language("en", plan.CANNOT_SHOW) in text
    assert in_language("nb", plan.CANNOT_SHOW) in text
    assert "Written in Tamil" in text


def test_thirty_activities_run_over_several_numbered_pages() -> None:
    activities = [activity(number) for number in range(1, 31)]
    pages = read_pages(render("nb", activities=activities))
    assert len(pages) > 2
    lines = [line for page in pages for line in page]
    for number in range(1, 31):
        assert lines.count(f"Kitchen assistant {number}") == 1
    for page in pages[2:]:  # an activity that fits on a page starts on one: its type comes first
        assert page[0] == in_language("nb", "Work practice")
    for number, page in enumerate(pages, start=1):
        assert in_language("nb", plan.PAGE, page=number, pages=len(pages)) in page


def test_a_text_longer_than_a_page_continues_on_the_next() -> None:
    description = "\n".join(f"Line {number} of a long description." for number in range(1, 121))
    pages = read_pages(render("en", activities=[activity(description=description)]))
    assert len(pages) >= 2
    lines = [line for page in pages for line in page]
    assert [line for line in lines if line.startswith("Line ")] == description.split("\n")


def test_a_draft_says_it_is_not_agreed() -> None:
    text = read_text(render("nb"))
    assert in_language("nb", plan.DRAFT) in text
    assert "03.02.2025" not in text


def test_an_agreed_plan_shows_who_agreed_when() -> None:
    text = read_text(render("nb", agreed=AGREED))
    assert in_language("nb", plan.DRAFT) not in text
    agreed = in_language(
        "nb",
        plan.AGREED,
        version=3,
        participant_date="03.02.2025",
        counsellor_date="04.02.2025",
        counsellor="Kari Nordmann",
    )
    assert agreed in text


def test_a_plan_changed_since_it_was_agreed_is_a_draft_that_names_the_agreed_version() -> None:
    earlier = AgreementInfo(2, datetime.date(2025, 1, 6), datetime.date(2025, 1, 7), "Kari Nordmann")
    text = read_text(render("nb", agreed=earlier))
    assert in_language("nb", plan.DRAFT) in text
    assert "06.01.2025" in text
    assert "07.01.2025" in text


def test_hours_have_a_decimal_comma_in_bokmal() -> None:
    lines = read_lines(render("nb", activities=[activity(1), activity(2, hours_per_week="20.0")]))
    hours = in_language("nb", "Hours per week")
    assert f"{hours}: 37,5" in lines
    assert f"{hours}: 20" in lines


def test_the_law_line_is_on_every_page() -> None:
    pages = read_pages(render("nb", activities=[activity(number) for number in range(1, 8)]))
    law = in_language("nb", plan.LAW)
    assert len(pages) > 1
    assert all(law in " ".join(page) for page in pages)


def test_an_old_or_empty_snapshot_still_prints() -> None:
    pdf = plan_pdf({}, language="en", agreed=None, printed_on=PRINTED)
    text = read_text(pdf)
    assert in_language("nb", plan.NO_GOALS) in text
    assert in_language("nb", plan.NO_ACTIVITIES) in text
