import pytest

from kvp.rules.occupation_search import MatchKind, fold, search_occupations
from kvp.rules.occupation_words import OCCUPATION_WORDS
from kvp.rules.occupations import OCCUPATIONS


def codes(text: str) -> list[str]:
    return [match.code for match in search_occupations(text)]


def test_every_everyday_word_points_to_an_occupation_in_the_list() -> None:
    assert set(OCCUPATION_WORDS) <= set(OCCUPATIONS)


def test_every_occupation_has_everyday_words_and_none_twice() -> None:
    assert set(OCCUPATIONS) == set(OCCUPATION_WORDS)
    for code, words in OCCUPATION_WORDS.items():
        folded = [fold(word) for word in words]
        assert all(word.strip() for word in folded), code
        assert len(folded) == len(set(folded)), code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("vaskehjelp", "9111"),
        ("renhold", "9112"),
        ("sjåfør", "8322"),
        ("yrkessjåfør", "8332"),
        ("kokk", "5120"),
        ("kjøkken", "9412"),
        ("snekker", "7115"),
        ("tømrer", "7115"),
        ("barnehage", "5311"),
        ("butikk", "5223"),
        ("hjelpepleier", "5321"),
    ],
)
def test_everyday_bokmål_words_find_the_occupation(text: str, code: str) -> None:
    assert code in codes(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [("reinhald", "9112"), ("kjøken", "9412"), ("snikkar", "7115"), ("sjukepleiar", "2223"), ("heimehjelp", "5322")],
)
def test_nynorsk_words_find_the_occupation(text: str, code: str) -> None:
    assert code in codes(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [("cleaner", "9112"), ("truck driver", "8332"), ("cook", "5120"), ("carpenter", "7115"), ("nurse", "2223")],
)
def test_english_words_find_the_occupation(text: str, code: str) -> None:
    assert code in codes(text)


@pytest.mark.parametrize("text", ["SJÅFØR", "sjafor", "Sjåfør", "  sjåfør  "])
def test_case_accents_and_spaces_do_not_matter(text: str) -> None:
    assert codes(text) == codes("sjåfør")
    assert "8322" in codes(text)


@pytest.mark.parametrize("text", ["", "   ", "-.,"])
def test_an_empty_search_finds_nothing(text: str) -> None:
    assert search_occupations(text) == []


def test_the_exact_title_comes_first_and_a_title_containing_it_later() -> None:
    matches = search_occupations("kokker")
    assert (matches[0].code, matches[0].kind) == ("5120", MatchKind.EXACT_TITLE)
    assert [m.kind for m in matches if m.code == "3434"] == [MatchKind.WORD_INSIDE]


def test_a_title_starting_with_the_text_comes_before_an_everyday_word() -> None:
    matches = search_occupations("kjøkken")
    assert (matches[0].code, matches[0].kind) == ("9412", MatchKind.TITLE_PREFIX)
    kinds = [match.kind for match in matches]
    assert kinds == sorted(kinds)
    assert {"5120": MatchKind.SYNONYM}.items() <= {m.code: m.kind for m in matches}.items()


def test_an_everyday_word_comes_before_a_word_inside_a_title() -> None:
    matches = search_occupations("snekker")
    assert [(m.code, m.kind) for m in matches] == [("7115", MatchKind.SYNONYM), ("7522", MatchKind.WORD_INSIDE)]


def test_the_start_of_a_word_matches_while_typing() -> None:
    assert "5311" in codes("barneh")
    assert "9111" in codes("vaskeh")
    assert "5120" in codes("ko")


def test_a_word_inside_a_compound_matches_from_three_letters() -> None:
    assert "2223" in codes("pleier")  # sykepleier
    assert "2223" not in codes("le")


def test_every_word_of_a_longer_search_must_match() -> None:
    assert codes("lastebil sjåfør") == ["8332"]
    assert codes("sjåfør gartner") == []


def test_the_number_of_matches_is_limited() -> None:
    assert len(search_occupations("a", limit=5)) == 5
