import pytest

from kvp.rules.occupations import (
    MAJOR_GROUPS,
    MINOR_GROUPS,
    OCCUPATIONS,
    SUB_MAJOR_GROUPS,
    is_valid_code,
    same_field,
    title,
)


def test_the_curated_list_is_large_enough_and_every_code_sits_in_the_hierarchy() -> None:
    assert len(OCCUPATIONS) >= 120
    for code, name in OCCUPATIONS.items():
        assert is_valid_code(code), code
        assert code[:3] in MINOR_GROUPS, code
        assert name
        assert name == name.strip()
    for code in MINOR_GROUPS:
        assert code[:2] in SUB_MAJOR_GROUPS, code
    for code in SUB_MAJOR_GROUPS:
        assert code[0] in MAJOR_GROUPS, code
    assert sorted(MAJOR_GROUPS) == [str(digit) for digit in range(10)]


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("6113", "Gartnere"),
        ("9214", "Hjelpearbeidere i gartneri mv."),
        ("9112", "Renholdere i virksomheter"),
        ("5120", "Kokker"),
        ("9412", "Kjøkkenassistenter"),
        ("5223", "Butikkmedarbeidere"),
        ("8322", "Bil-, drosje- og varebilførere"),
        ("8332", "Lastebil- og trailersjåfører"),
        ("5321", "Helsefagarbeidere"),
        ("5311", "Barnehage- og skolefritidsassistenter mv."),
        ("7212", "Sveisere"),
        ("7411", "Elektrikere"),
        ("7115", "Tømrere og snekkere"),
        ("9329", "Andre hjelpearbeidere i industri"),
        ("4321", "Lagermedarbeidere og materialforvaltere"),
        ("9333", "Laste- og lossearbeidere"),
        ("2223", "Sykepleiere"),
    ],
)
def test_known_unit_groups_have_ssbs_titles(code: str, name: str) -> None:
    assert OCCUPATIONS[code] == name
    assert title(code) == name


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("6113", True),
        ("6199", True),  # not in the curated list, but sub-major group 61 exists
        ("0110", True),
        ("0000", False),  # "not stated" is not an occupation
        ("6310", False),  # STYRK-08 has no sub-major group 63
        ("611", False),
        ("61130", False),
        (" 6113", False),
        ("611a", False),
        ("٦١١٣", False),  # Arabic-Indic digits are digits, but not ASCII
        ("", False),
    ],
)
def test_a_valid_code_is_four_ascii_digits_of_an_existing_sub_major_group(code: str, valid: bool) -> None:
    assert is_valid_code(code) is valid


def test_a_code_outside_the_list_is_named_by_its_minor_or_sub_major_group() -> None:
    assert "6119" not in OCCUPATIONS
    assert title("6119") == "Korn-, grønnsaks-, frukt- og bærprodusenter, gartnere"
    assert "619" not in MINOR_GROUPS
    assert title("6190") == "Jordbrukere"


@pytest.mark.parametrize("code", ["6310", "abcd", ""])
def test_title_refuses_an_invalid_code(code: str) -> None:
    with pytest.raises(ValueError, match="STYRK-08"):
        title(code)


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        ("6113", "6113", 4),
        ("6113", "6111", 3),
        ("6113", "6121", 2),
        ("6113", "6210", 0),  # same major group 6, another sub-major group
        ("6113", "9214", 0),
        ("7115", "7212", 0),
    ],
)
def test_same_field_is_symmetric_and_counts_shared_levels(a: str, b: str, level: int) -> None:
    assert same_field(a, b) == level
    assert same_field(b, a) == level


def test_same_field_refuses_invalid_codes() -> None:
    with pytest.raises(ValueError, match="STYRK-08"):
        same_field("6113", "")
    with pytest.raises(ValueError, match="STYRK-08"):
        same_field("0000", "0000")
