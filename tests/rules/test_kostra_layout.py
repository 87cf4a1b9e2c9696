import pytest

from kvp.rules.kostra_layout import EMPTY_RETURN, UnknownLayout, layout_for, render_file, render_record

# Every field's place in the record, from Statistics Norway's file description of form 11CF (S18).
POSITIONS = {
    "KOMMUNE_NR": (1, 4), "VERSION": (5, 6), "BYDELSNR": (7, 8), "FODSELSDATO": (9, 16),
    "PERSON_JOURNALNR": (17, 24), "PERSON_FODSELSNR": (25, 35), "KJONN": (36, 36), "EKTSTAT": (37, 37),
    "BU18": (38, 38), "ANTBU18": (39, 40), "REG_DATO": (41, 48), "VEDTAK_DATO": (49, 56), "BEGYNT_DATO": (57, 64),
    "KVP_KOMM": (65, 65), "KOMMNR_KVP_KOMM": (66, 69), "YTELSE_SOSHJELP": (70, 70), "YTELSE_TYPE_SOSHJ": (71, 71),
    "YTELSE_INTRO": (72, 72), "YTELSE_TILTAKSPENGER": (73, 73), "YTELSE_FOLKETRYGDL": (74, 74),
    "KVP_MED_ASTONAD": (75, 75), "KVP_MED_KOMMBOS": (76, 76), "KVP_MED_HUSBANKBOS": (77, 77),
    "KVP_MED_SOSHJ_ENGANG": (78, 78), "KVP_MED_SOSHJ_PGM": (79, 79), "KVP_MED_SOSHJ_SUP": (80, 80),
    **{f"STMND_{month}": (79 + 2 * month, 80 + 2 * month) for month in range(1, 13)},
    "KVP_STONAD": (105, 111), "STATUS": (112, 112), "AVSL_DATO": (113, 120), "AVSL_ORDINAERTARB": (121, 122),
    "AVSL_ARBLONNSTILS": (123, 124), "AVSL_ARBMARK": (125, 126), "AVSL_SKOLE": (127, 128), "AVSL_UFORE": (129, 130),
    "AVSL_AAP": (131, 132), "AVSL_OK_AVKLAR": (133, 134), "AVSL_UTEN_OK_AVKLAR": (135, 136), "AVSL_ANNET": (137, 138),
    "AVSL_UKJENT": (139, 140), "AVSL_VIKTIGSTE_INNTEKT": (141, 142), "SAKSBEHANDLER": (143, 152),
}  # fmt: skip


@pytest.mark.parametrize("year", [2025, 2026])
def test_each_field_has_its_published_position(year: int) -> None:
    layout = layout_for(year)
    assert {field.name: (field.start, field.end) for field in layout.fields} == POSITIONS
    assert layout.length == 152


@pytest.mark.parametrize(("name", "start", "end"), [(name, *span) for name, span in POSITIONS.items()])
def test_a_value_lands_in_its_positions(name: str, start: int, end: int) -> None:
    layout = layout_for(2026)
    value = "9" * (end - start + 1)
    line = render_record(layout, {name: value})
    assert len(line) == 152
    assert line[start - 1 : end] == value
    assert line.replace(value, "", 1).strip() == ""


def test_numbers_stand_right_and_texts_left() -> None:
    line = render_record(layout_for(2026), {"KVP_STONAD": "12345", "SAKSBEHANDLER": "Z990101", "ANTBU18": "2"})
    assert line[104:111] == "  12345"
    assert line[142:152] == "Z990101   "
    assert line[38:40] == " 2"


def test_the_file_is_latin_1_with_one_line_per_record() -> None:
    layout = layout_for(2026)
    content = render_file(layout, [{"KOMMUNE_NR": "3301"}, {"KOMMUNE_NR": "3301", "SAKSBEHANDLER": "Ø1"}])
    lines = content.split(b"\r\n")
    assert lines[-1] == b""  # every record ends with a line break
    assert [len(line) for line in lines[:-1]] == [152, 152]
    assert lines[1][142:144] == "Ø1".encode("iso-8859-1")


def test_a_municipality_without_participants_sends_a_single_space() -> None:
    assert render_file(layout_for(2026), []) == EMPTY_RETURN.encode() == b" "


def test_a_value_too_long_is_refused() -> None:
    with pytest.raises(ValueError, match="KJONN"):
        render_record(layout_for(2026), {"KJONN": "12"})


def test_there_is_no_layout_for_a_year_without_a_description() -> None:
    with pytest.raises(UnknownLayout):
        layout_for(2019)
