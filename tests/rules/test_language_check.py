"""The respectful-language checker (E12): each category with positives and hard negatives in Norwegian (bokmål,
nynorsk) and English, offsets, odd input, and precision/recall on the labelled sentences."""

from __future__ import annotations

import pytest

from bench.language_check_eval import evaluate, load
from kvp.rules.language_check import (
    MAX_CHARS,
    SUPPORTED_LANGUAGES,
    Category,
    Finding,
    LanguageCheckError,
    category_label,
    check_many,
    check_text,
)
from kvp.rules.language_check_data.messages import EXPLANATIONS

C = Category

POSITIVES = [
    # (lang, text, category, the words the finding must cover)
    ("nb", "Hun snakker dårlig norsk.", C.DEFICIT, "dårlig norsk"),
    ("nb", "Han mangler grunnleggende forståelse for arbeidslivet.", C.DEFICIT, "mangler grunnleggende forståelse"),
    ("nn", "Ho snakkar dårleg norsk.", C.DEFICIT, "dårleg norsk"),
    ("en", "She speaks poor Norwegian.", C.DEFICIT, "poor Norwegian"),
    ("en", "He refuses to integrate.", C.DEFICIT, "refuses to integrate"),
    ("nb", "Hun har en veldig vestlig væremåte.", C.OTHERING, "vestlig"),
    ("nb", "I deres kultur er det ikke vanlig at kvinner jobber.", C.OTHERING, "deres kultur"),
    ("nn", "I kulturen deira er det ikkje vanleg.", C.OTHERING, "kulturen deira"),
    ("en", "There is a divide between us and them.", C.OTHERING, "us and them"),
    ("nb", "Han får nok ikke jobb på grunn av bakgrunnen sin.", C.ORIGIN, "grunn av bakgrunnen"),
    ("nb", "Han har feil etnisitet for stillingen.", C.ORIGIN, "feil etnisitet"),
    ("en", "She was not chosen because she is Somali.", C.ORIGIN, "because she is Somali"),
    ("nb", "Religionen hennes er et hinder for å få jobb.", C.RELIGION, "Religionen hennes er et hinder"),
    ("nn", "Religionen hennar er eit hinder.", C.RELIGION, "Religionen hennar er eit hinder"),
    ("en", "The hijab makes it hard to find an employer.", C.RELIGION, "hijab makes it hard"),
    ("nb", "Hun må ta av seg hijaben for å få jobb.", C.ASSIMILATION, "må ta av seg hijaben"),
    ("nb", "Han bør bytte navn til noe som høres norsk ut.", C.ASSIMILATION, "bør bytte navn"),
    ("en", "We advised her to wear Norwegian clothes.", C.ASSIMILATION, "advised her to wear Norwegian clothes"),
    ("nb", "Flyktningstrømmen gjør at vi ikke rekker alt.", C.DEHUMANISING, "Flyktningstrømmen"),
    ("nn", "Flyktningstraumen gjer at vi ikkje rekk alt.", C.DEHUMANISING, "Flyktningstraumen"),
    ("en", "A new wave of immigrants is coming.", C.DEHUMANISING, "wave of immigrants"),
    ("en", "He is a burden on the employer.", C.DEHUMANISING, "burden"),
    ("nb", "Somaliere er vanskelige å få ut i jobb.", C.GENERALISATION, "Somaliere"),
    ("nb", "De fleste innvandrere vil bare ha penger.", C.GENERALISATION, "fleste innvandrere"),
    ("en", "These people don't understand how Norway works.", C.GENERALISATION, "These people"),
    ("nb", "Hun hevder at hun ikke fikk innkallingen.", C.BLAME, "hevder"),
    ("nn", "Ho hevdar at ho ikkje fekk innkallinga.", C.BLAME, "hevdar"),
    ("nb", "Deltakeren kom som vanlig for sent.", C.BLAME, "som vanlig"),
    ("en", "She claims she did not receive the letter.", C.BLAME, "claims"),
    ("en", "As usual, the participant was late.", C.BLAME, "As usual"),
]

HARD_NEGATIVES = [
    ("nb", "Norsknivået er A2 muntlig; hun starter på norskkurs to dager i uka."),
    ("nb", "Hun mangler førerkort, og vi har søkt om kjøreopplæring."),
    ("nb", "Dårlig vær gjorde at møtet ble flyttet."),
    ("en", "Her Norwegian is at A2 for speaking; a course starts in March."),
    ("en", "She has weak hearing in her left ear."),
    ("nb", "Arbeidsplassen ligger i den vestlige delen av Drammen."),
    ("en", "The workplace is in the western part of Drammen."),
    ("nb", "Han er interessert i norsk kultur."),
    ("nb", "Han har bakgrunn som sveiser og ønsker jobb i industrien."),
    ("nb", "Fordi vitnemålet er fra Eritrea, må det godkjennes."),
    ("en", "Because of her background in healthcare, we look for a nursing home placement."),
    ("en", "She has a bachelor's degree from Syria, and we applied for recognition."),
    ("nb", "Arbeidsgiver sa at de ikke ville ansette ham fordi han er fra Somalia; hendelse registrert."),
    ("nb", "Det er avtalt bønnepause kl. 13 i et stille rom."),
    ("nn", "Det er avtalt bønepause klokka 13 i eit stille rom."),
    ("en", "A prayer break at 1 pm has been arranged at the workplace."),
    ("nb", "Av sikkerhetshensyn må alt hodeplagg være tettsittende; arbeidsgiver tilbyr godkjent hijab."),
    ("en", "For safety reasons, all headwear must be close-fitting; the employer provides an approved hijab."),
    ("nb", "Arbeidsgiver krever ikke at hun tar av hijaben."),
    ("nb", "Hun må bytte buss på Bragernes."),
    ("en", "She wants to change her name herself after the wedding."),
    ("en", "All employees must wear safety shoes and a helmet."),
    ("nb", "Møtet ble flyttet fordi det var flom i Mjøndalen."),
    ("en", "The warehouse job puts a heavy load on his back."),
    ("en", "The employer is swamped with orders before Christmas."),
    ("nb", "Alle deltakerne på kurset får tolk ved behov."),
    ("nb", "SSB-tall viser at 58 prosent av innvandrerne er sysselsatt."),
    ("en", "The course is for immigrant women who want jobs in healthcare."),
    ("nb", "Hun oppgir at hun ikke fikk innkallingen."),
    ("nb", "Hun hevder seg godt i norsktimene."),
    ("nn", "Ho hevdar seg godt i norsktimane."),
    ("nb", "Arbeidsgiver hevder at stillingen er besatt."),
    ("nb", "Møtet holdes som vanlig på mandager."),
    ("en", "The employer claims the position is filled."),
    ("en", "He submitted a claim for travel expenses."),
    ("en", "It is difficult to find a placement in January."),
]


# Paraphrases the first rules missed on a blind set (other verbs, demonstratives, frequency adverbs, water
# metaphors as verbs, "typisk <group>"), each with a neutral sentence that shares its words.
GENERALISED = [
    # (lang, text, category, the words the finding must cover)
    ("nb", "Han mangler det meste av det som trengs.", C.DEFICIT, "mangler det meste"),
    ("nn", "Ho kan ingenting som arbeidsgivarar treng.", C.DEFICIT, "kan ingenting"),
    ("en", "The participant knows nothing useful.", C.DEFICIT, "knows nothing"),
    ("nb", "Det er et kulturelt problem at hun ikke tar i hånden.", C.OTHERING, "kulturelt problem"),
    ("nn", "Den kulturen har ikkje respekt for kvinner.", C.OTHERING, "Den kulturen"),
    ("en", "They don't understand how we work here.", C.OTHERING, "They don't understand how we work here"),
    ("nb", "Han bør skifte navn til noe mer norsk.", C.ASSIMILATION, "bør skifte navn"),
    ("nb", "Flyktningene strømmer på.", C.DEHUMANISING, "Flyktningene strømmer"),
    ("nn", "Kontoret druknar i flyktningar.", C.DEHUMANISING, "druknar i flyktningar"),
    ("en", "Refugees keep pouring in.", C.DEHUMANISING, "Refugees keep pouring"),
    ("nb", "Innvandrere fra det området er ofte lite motiverte.", C.GENERALISATION, "Innvandrere"),
    ("nb", "Disse deltakerne møter aldri presis.", C.GENERALISATION, "Disse deltakerne"),
    ("en", "People like that never take advice.", C.GENERALISATION, "People like that"),
    ("nb", "En typisk somalier som ikke holder avtaler.", C.ORIGIN, "typisk somalier"),
    ("en", "She is too foreign for the front desk.", C.ORIGIN, "too foreign"),
    ("nb", "Bønnetidene hans skaper problemer for teamet.", C.RELIGION, "Bønnetidene hans skaper problemer"),
    ("en", "Fasting makes him useless at the warehouse.", C.RELIGION, "Fasting makes him useless"),
    ("nb", "Han skylder som vanlig på barna.", C.BLAME, "skylder som vanlig på"),
    ("en", "He is impossible to work with.", C.BLAME, "He is impossible to work with"),
]

GENERALISED_NEGATIVES = [
    ("nb", "Hun mangler det meste av dokumentasjonen, og vi har bedt om kopier."),
    ("nn", "Vi kan ingenting gjere med ventetida før i mars."),
    ("en", "He knows nothing about the application yet, so we are sending it again."),
    ("nb", "Hun vil gjerne jobbe med kulturelle aktiviteter for barn."),
    ("nn", "Ho er interessert i den kulturen ho voks opp i."),
    ("en", "She wants to learn how we work here at the warehouse."),
    ("nb", "Han skiftet navn i 2019 og har fått nytt pass."),
    ("nb", "Strømmen gikk under møtet."),
    ("nb", "Han drukner ikke i arbeid, men har nok å gjøre."),
    ("en", "Refugees get electricity included in the rent."),
    ("nb", "Innvandrere som har bodd kort tid i Norge, har rett til introduksjonsprogram."),
    ("nb", "Deltakerne på kurset får lunsj hver dag."),
    ("nb", "Disse deltakerne møter alltid forberedt."),
    ("en", "People like that course because it is practical."),
    ("nb", "Dette er en typisk somalisk rett som hun lager på kurset."),
    ("nb", "Tolk for arabisk er bestilt."),
    ("en", "She wears a headscarf, which the employer has no problem with."),
    ("nb", "Ramadan er grunnen til at møtet er flyttet til formiddagen."),
    ("nb", "Han skylder penger til Lånekassen og har en betalingsavtale."),
    ("en", "She is difficult to reach by phone, so we send texts."),
    ("en", "The office is conveniently located near the station."),
]


def categories(text: str, lang: str) -> set[Category]:
    return {finding.category for finding in check_text(text, lang)}


@pytest.mark.parametrize(("lang", "text", "category", "words"), POSITIVES)
def test_finds_the_category_at_the_right_words(lang: str, text: str, category: Category, words: str) -> None:
    findings = [finding for finding in check_text(text, lang) if finding.category is category]
    assert len(findings) == 1, check_text(text, lang)
    finding = findings[0]
    assert text[finding.start : finding.end] == words
    assert finding.evidence == "E12"
    assert finding.explanation


@pytest.mark.parametrize(("lang", "text"), HARD_NEGATIVES)
def test_leaves_neutral_notes_on_the_same_topics_alone(lang: str, text: str) -> None:
    assert check_text(text, lang) == ()


@pytest.mark.parametrize(("lang", "text", "category", "words"), GENERALISED)
def test_finds_paraphrases_beyond_the_first_wordings(lang: str, text: str, category: Category, words: str) -> None:
    findings = [finding for finding in check_text(text, lang) if finding.category is category]
    assert len(findings) == 1, check_text(text, lang)
    assert text[findings[0].start : findings[0].end] == words


@pytest.mark.parametrize(("lang", "text"), GENERALISED_NEGATIVES)
def test_leaves_neutral_sentences_with_the_same_words_alone(lang: str, text: str) -> None:
    assert check_text(text, lang) == ()


def test_every_category_has_positives_and_negatives_in_norwegian_and_english() -> None:
    covered = {(category, lang in ("nb", "nn")) for lang, _text, category, _words in POSITIVES}
    assert covered == {(category, norwegian) for category in Category for norwegian in (True, False)}


def test_explanation_and_suggestion_are_message_ids_for_the_writers_language() -> None:
    (nb,) = check_text("Hun påstår at hun var syk.", "nb")
    (nn,) = check_text("Ho påstår at ho var sjuk.", "nn")
    (en,) = check_text("She claims she was ill.", "en")
    assert nb.suggestion == nn.suggestion == en.suggestion == "says"
    assert nb.explanation == nn.explanation == en.explanation == EXPLANATIONS["blame"]


def test_findings_are_in_text_order_with_offsets_in_a_longer_note() -> None:
    text = "Møte 3. mars.\nHun hevder at hun var syk. Tolk bestilt.\n\nFlyktningstrømmen er stor."
    findings = check_text(text, "nb")
    assert [text[f.start : f.end] for f in findings] == ["hevder", "Flyktningstrømmen"]
    assert [f.category for f in findings] == [C.BLAME, C.DEHUMANISING]


def test_two_categories_in_one_sentence() -> None:
    found = categories("Hun snakker dårlig norsk, og som vanlig kom hun ikke.", "nb")
    assert found == {C.DEFICIT, C.BLAME}


@pytest.mark.parametrize("text", ["", " ", "\n\t\n", "...", "12345"])
def test_empty_or_contentless_text_gives_nothing(text: str) -> None:
    assert check_text(text, "nb") == ()


def test_control_characters_do_not_shift_offsets() -> None:
    text = "\x00\x07Hun\x1b hevder\x0b at hun var syk."
    (finding,) = check_text(text, "nb")
    assert text[finding.start : finding.end] == "hevder"


def test_mixed_scripts() -> None:
    text = "Hun sier «مرحبا» og 你好. Han påstår at ключ er borte."
    (finding,) = check_text(text, "nb")
    assert text[finding.start : finding.end] == "påstår"
    assert check_text("مرحبا بكم في نافда 😀", "en") == ()


def test_very_long_text_is_checked_up_to_the_limit_and_refused_beyond() -> None:
    sentence = "Tolk er bestilt til møtet. "
    text = sentence * (MAX_CHARS // len(sentence)) + "Hun påstår det."
    text = text[-MAX_CHARS:]
    (finding,) = check_text(text, "nb")
    assert text[finding.start : finding.end] == "påstår"
    assert len(check_text("x" * 5000, "nb")) == 0  # one very long word
    with pytest.raises(LanguageCheckError, match="limit"):
        check_text("a" * (MAX_CHARS + 1), "nb")


@pytest.mark.parametrize("lang", ["de", "", "no", "nb-NO"])
def test_unsupported_language_says_what_is_supported(lang: str) -> None:
    with pytest.raises(LanguageCheckError, match="nb, nn, en"):
        check_text("Hei", lang)


def test_language_code_case_and_spaces_are_forgiven() -> None:
    assert categories("Hun påstår det.", " NB ") == {C.BLAME}


def test_text_must_be_a_string() -> None:
    with pytest.raises(LanguageCheckError, match="string"):
        check_text(None, "nb")  # type: ignore[arg-type]


def test_check_many_gives_what_check_text_gives() -> None:
    texts = [lang_text[1] for lang_text in HARD_NEGATIVES if lang_text[0] == "nb"] + ["Hun påstår det.", ""]
    assert list(check_many(texts, "nb", batch_size=3)) == [check_text(text, "nb") for text in texts]


def test_category_labels() -> None:
    assert SUPPORTED_LANGUAGES == ("nb", "nn", "en")
    assert category_label(C.ORIGIN) == "Origin as a reason"
    assert all(category_label(category) for category in Category)
    assert set(EXPLANATIONS) == {category.value for category in Category}


def test_finding_is_frozen() -> None:
    finding = Finding(0, 1, C.BLAME, "x", None, "E12")
    with pytest.raises(AttributeError):
        finding.start = 2  # type: ignore[misc]


def test_labelled_set_is_large_mixed_and_split() -> None:
    examples = load()
    assert len(examples) >= 300
    assert {e.lang for e in examples} == {"nb", "nn", "en"}
    assert {e.split for e in examples} == {"dev", "test", "fresh", "fresh2", "blind"}
    neutral = [e for e in examples if not e.categories]
    assert len(neutral) >= 150
    assert len({e.id for e in examples}) == len(examples)


def test_precision_and_recall_on_the_labelled_set() -> None:
    """The targets: precision ≥ 0.85 and recall ≥ 0.75 on the development set (all splits together here)."""
    result = evaluate(load())
    assert result.overall.precision >= 0.85
    assert result.overall.recall >= 0.75
    for category, counts in result.by_category.items():
        assert counts.tp > 0, category


def test_the_generated_lemma_table_is_current() -> None:
    """nb_lemmas.tsv.gz is what build.py makes from spacy-lookups-data and the current word lists, and the
    checker reads all of it."""
    import gzip

    from kvp.rules.language_check import bokmal_lemmas
    from kvp.rules.language_check_data.build import TARGET, render, wanted_forms

    forms = wanted_forms()
    assert gzip.decompress(TARGET.read_bytes()).decode("utf-8") == render(forms)
    assert bokmal_lemmas() == forms


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_random_word_salad_never_fails_and_offsets_stay_in_the_text(lang: str) -> None:
    """Every rule's word classes in random order, with punctuation, control characters and other scripts."""
    import random

    from kvp.rules.language_check_data import EN, NO

    words = sorted({w for ws in (EN if lang == "en" else NO).values() for w in ws})
    words += [",", ".", ";", "-", "«", "»", "\n", "\x00", "😀", "مرحبا", "1.", "(", ")", "IKKE", "Hun"]
    generator = random.Random(lang)  # noqa: S311 - a fixed sample, not security
    for _ in range(1_500):
        text = " ".join(generator.choice(words) for _ in range(generator.randint(0, 30)))
        for finding in check_text(text, lang):
            assert 0 <= finding.start < finding.end <= len(text)
