"""Respectful language in case notes: finds stigmatising or othering wording in Norwegian (bokmål, nynorsk) or
English text and says why, with a neutral rewording where one exists (E12; FO's ethics 2019, p. 11).

How it works, in three steps, none of them substring matching:

1. **Tokens and lemmas.** spaCy's rule-based tokenizer (`spacy.blank("nb")` for both Norwegian written standards,
   `spacy.blank("en")`) splits the text; each token is lemmatised with spaCy's lookup tables (spacy-lookups-data:
   the Norwegian bokmål full-form tables from Norsk ordbank, reduced to the forms the rules need by
   `language_check_data.build`; the English lookup table as it is) and a small nynorsk table of our own.
   Norwegian compounds are split at the longest known head ("flyktningstrømmen" → "flyktning" + "strøm"), so the
   head's word classes apply and the modifier's are known too; a religious modifier on an unknown head
   ("bønnetidene") is kept as such.
2. **Word classes.** Each lemma belongs to classes (negator, person, demand, identity marker, religious term,
   barrier, accommodation, …; `language_check_data.NO` / `.EN`).
3. **Rules per category** over the classes in one sentence or clause: who is the subject (the participant or an
   employer), negation, whether the sentence is about an arrangement or a safety rule, whether someone else's
   words are being reported, word order (attributive or predicative), plural group nouns, statistics. So
   "Hun hevder at …" is flagged and "Arbeidsgiver hevder at …" or "Hun hevder seg godt" is not; "Religionen er et
   hinder" is flagged and "Det er avtalt bønnepause" is not.

`check_text` returns findings with character offsets into the original text; `check_many` checks many texts of
one language in batches (spaCy's `tokenizer.pipe`), for the batch command. The spaCy objects and tables are
loaded once per process, on first use. Texts longer than `MAX_CHARS` are refused with `LanguageCheckError`.
"""

from __future__ import annotations

import functools
import gzip
import json
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from typing import TYPE_CHECKING, Any, Protocol

from kvp.rules import language_check_data
from kvp.rules.language_check_data import EN, NB_LEMMAS, NN_FORMS, NO
from kvp.rules.language_check_data.messages import EXPLANATIONS, LABELS, SUGGESTIONS

if TYPE_CHECKING:
    from spacy.tokens import Doc


class _Tokenizer(Protocol):
    """spaCy's Tokenizer (compiled, without type stubs): what the checker uses of it."""

    def __call__(self, text: str) -> Doc: ...

    def pipe(self, texts: Iterable[str], batch_size: int = ...) -> Iterator[Doc]: ...


SUPPORTED_LANGUAGES: tuple[str, ...] = ("nb", "nn", "en")
MAX_CHARS = 100_000  # a case note is a few thousand characters; longer input is refused, not cut
EVIDENCE = "E12"
BATCH_SIZE = 256
_MIN_HEAD = 3  # shortest compound head and modifier, in characters
# Control characters (other than tab and newline) are replaced by spaces before tokenising, one for one, so that
# offsets still point into the original text.
_CONTROL = dict.fromkeys((*range(0, 9), 11, 12, *range(14, 32), 127), " ")
_SENTENCE_END = frozenset({".", "!", "?", ";", "…"})
_CLAUSE_END = frozenset({",", ":", "–", "—", "(", ")", "men", "but"})


class Category(StrEnum):
    DEFICIT = "deficit"
    OTHERING = "othering"
    ORIGIN = "origin"
    RELIGION = "religion"
    ASSIMILATION = "assimilation"
    DEHUMANISING = "dehumanising"
    GENERALISATION = "generalisation"
    BLAME = "blame"


@dataclass(frozen=True)
class Finding:
    start: int  # character offsets into the original text
    end: int
    category: Category
    explanation: str  # short; an English message id, shown in the writer's language (messages.CONTEXT)
    suggestion: str | None  # a neutral rewording where one exists; a message id, like the explanation
    evidence: str  # e.g. "E12"


class LanguageCheckError(ValueError):
    """The text cannot be checked: an unsupported language, or a text that is not a string or is too long."""


def category_label(category: Category) -> str:
    """The category's short name: an English message id, shown in the writer's language (messages.CONTEXT). E12."""
    return LABELS[Category(category).value]


def check_text(text: str, lang: str) -> tuple[Finding, ...]:
    """Stigmatising or othering wording in `text`, written in `lang` (nb, nn or en), in text order. E12."""
    language = _language(lang)
    _check_input(text)
    if not text.strip():
        return ()
    engine = _engine(language)
    return engine.findings(text, engine.tokenizer(text.translate(_CONTROL)))


def check_many(texts: Iterable[str], lang: str, batch_size: int = BATCH_SIZE) -> Iterator[tuple[Finding, ...]]:
    """`check_text` for many texts of one language, tokenised in batches; yields one result per text. E12."""
    language = _language(lang)
    engine = _engine(language)
    pending: list[str] = []
    for text in texts:
        _check_input(text)
        pending.append(text)
        if len(pending) >= batch_size:
            yield from engine.batch(pending)
            pending = []
    if pending:
        yield from engine.batch(pending)


def _language(lang: str) -> str:
    code = lang.strip().lower() if isinstance(lang, str) else ""
    if code not in SUPPORTED_LANGUAGES:
        raise LanguageCheckError(f"unsupported language {lang!r}: use one of {', '.join(SUPPORTED_LANGUAGES)}")
    return code


def _check_input(text: object) -> None:
    if not isinstance(text, str):
        raise LanguageCheckError(f"text must be a string, not {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise LanguageCheckError(f"text is {len(text):,} characters long; the limit is {MAX_CHARS:,}")


# --- Tokens, lemmas and word classes -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Word:
    """What the checker knows about one lower-case word form."""

    lemma: str
    tags: frozenset[str]  # word classes of the lemma (or of a compound's head), and "mod:X" for its modifier's
    plural: bool


class _Tok:
    __slots__ = ("end", "i", "lemma", "lower", "plural", "start", "tags")

    def __init__(self, word: _Word, lower: str, start: int, end: int, i: int) -> None:
        self.lemma = word.lemma
        self.tags = word.tags
        self.plural = word.plural
        self.lower = lower
        self.start = start
        self.end = end
        self.i = i


# Forms whose class depends on the form, not the lemma: "troen" is faith, "tror" is believing; "for sent" is late.
_FORM_TAGS_NO: dict[str, frozenset[str]] = {
    **dict.fromkeys(("troen", "trua", "troa", "troens"), frozenset({"RELIGION"})),
    **dict.fromkeys(("sent", "seint"), frozenset({"LATE"})),
    **dict.fromkeys(("siden", "sidan"), frozenset({"CAUSE"})),
    **dict.fromkeys(("bønnen", "bønnene", "bønene"), frozenset({"RELIGION"})),
    "veien": frozenset({"BARRIER"}),
    "vegen": frozenset({"BARRIER"}),
    "mye": frozenset({"MUCH"}),
    "nordmenn": frozenset({"NORWEGIANS"}),
    "produktiv": frozenset({"PRODUCTIVE"}),
    "stor": frozenset({"BIG"}),
    "store": frozenset({"BIG"}),
    "noe": frozenset({"ANYTHING"}),
    "noko": frozenset({"ANYTHING"}),
    "nok": frozenset({"NOK"}),
    "høres": frozenset({"SOUND"}),
    "høyrest": frozenset({"SOUND"}),
}
_FORM_TAGS_EN: dict[str, frozenset[str]] = {
    "skin": frozenset({"ORIGIN_NOUN"}),
    "much": frozenset({"MUCH"}),
    "too": frozenset({"TOO"}),
    "norwegians": frozenset({"NORWEGIANS"}),
    "great": frozenset({"BIG"}),
    "big": frozenset({"BIG"}),
    "anything": frozenset({"ANYTHING"}),
    "once": frozenset({"NOK"}),
    "yet": frozenset({"NOK"}),
    "sounds": frozenset({"SOUND"}),
    "sound": frozenset({"SOUND"}),
    "like": frozenset({"LIKE"}),
}
# Suffix rules for forms the lookup tables lack (after spaCy's nb/en lemma_rules), most specific first.
_SUFFIX_RULES_EN = (
    ("ies", "y"),
    ("ves", "f"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("ses", "s"),
    ("men", "man"),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
)
_SUFFIX_RULES_NO = (
    ("ene", ""),
    ("ene", "e"),
    ("ane", ""),
    ("arane", "er"),
    ("arar", "er"),
    ("er", ""),
    ("er", "e"),
    ("ar", ""),
    ("en", ""),
    ("et", ""),
    ("a", ""),
    ("e", ""),
    ("te", "e"),
    ("de", "e"),
)
# "det meste", "alt", "everything": the whole of what a person should have.
_TOTAL = frozenset({"meste", "mesteparten", "alt", "most", "everything"})
_NOTHING = frozenset({"ingenting", "inkje", "noenting", "nothing"})
# after "kan ingenting" / "know nothing": a verb or a topic, so not a statement about the person's abilities
_NOTHING_NOT_ABILITY = frozenset({"gjøre", "gjere", "få", "å", "om", "med", "do", "to", "about", "with", "of"})
_PLURAL_DEMONSTRATIVES = frozenset({"disse", "desse", "slike", "sånne", "these", "those", "such"})
_AUX_MOTION = frozenset({"keep", "keeps", "kept", "continue", "continues", "are", "were", "er", "var", "fortsetter"})
_RELATIVE = frozenset({"som", "that", "which", "who", "whom", "ho", "han", "hun", "she", "he", "de", "dei", "they"})
_EN_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their", "this", "that", "my", "your", "our"})
_NO_PLURAL_ENDINGS = ("er", "e", "ene", "ar", "ane", "a")


def _invert(classes: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    tags: dict[str, set[str]] = {}
    for tag, lemmas in classes.items():
        for lemma in lemmas:
            tags.setdefault(lemma, set()).add(tag)
    return {lemma: frozenset(found) for lemma, found in tags.items()}


class _Engine:
    """One language's tokenizer, lemma table, word classes and a cache of analysed forms."""

    def __init__(self, language: str) -> None:
        import spacy  # the import takes a second: only when the checker is first used

        self.language = language
        self.norwegian = language != "en"
        tokenizer: Any = spacy.blank("en" if language == "en" else "nb").tokenizer  # typed by spaCy as a Callable
        self.tokenizer: _Tokenizer = tokenizer
        self.forms: dict[str, str] = _lemma_table(language)
        self.classes = _invert(NO if self.norwegian else EN)
        self.form_tags = _FORM_TAGS_NO if self.norwegian else _FORM_TAGS_EN
        self.cache: dict[str, _Word] = {}

    # Analysis of one form (cached: a note's words repeat, and so do a batch's).
    def word(self, lower: str) -> _Word:
        found = self.cache.get(lower)
        if found is None:
            found = self.cache[lower] = self._analyse(lower)
        return found

    def _analyse(self, lower: str) -> _Word:
        key = lower.rstrip(".") if len(lower) > 1 else lower  # "pga." and "kl." as the table has them
        lemma = self.forms.get(key, key)
        tags = self.classes.get(key) or self.classes.get(lemma) or frozenset()
        if not tags and lemma == key:  # not in the table: spaCy-style suffix rules, kept if they find a known lemma
            for ending, replacement in _SUFFIX_RULES_NO if self.norwegian else _SUFFIX_RULES_EN:
                if key.endswith(ending) and len(key) > len(ending) + 2:
                    candidate = key[: -len(ending)] + replacement
                    if candidate in self.classes:
                        lemma, tags = candidate, self.classes[candidate]
                        break
        if not tags and self.norwegian:
            tags = self._compound(lemma)
        extra = self.form_tags.get(key)
        if extra:
            tags = tags | extra
        plural = key != lemma and (
            key.endswith(_NO_PLURAL_ENDINGS) if self.norwegian else key.endswith("s") or key.endswith("men")
        )
        return _Word(lemma, tags, plural)

    def _compound(self, lemma: str) -> frozenset[str]:
        """Norwegian compounds: the tags of the longest known head, and the modifier's tags as "mod:X"."""
        if len(lemma) < 2 * _MIN_HEAD or not lemma.isalpha():
            return frozenset()
        for cut in range(_MIN_HEAD, len(lemma) - _MIN_HEAD + 1):
            tail = lemma[cut:]
            head = self.classes.get(self.forms.get(tail, tail))
            if head is None:
                continue
            modifier = lemma[:cut]
            mod = self.classes.get(modifier)
            if mod is None and modifier[-1] in "se":  # a linking -s- or -e- ("flyktningstrøm", "bønnepause")
                mod = self.classes.get(modifier[:-1])
            return head | frozenset(f"mod:{tag}" for tag in mod or ())
        for cut in range(_MIN_HEAD, len(lemma) - _MIN_HEAD + 1):  # no known head: only a religious modifier counts
            modifier = lemma[:cut]
            mod = self.classes.get(modifier)
            if mod is None and modifier[-1] in "se":
                mod = self.classes.get(modifier[:-1])
            if mod is not None and "RELIGION" in mod:
                return frozenset({"mod:RELIGION"})
        return frozenset()

    # Checking.
    def batch(self, texts: list[str]) -> Iterator[tuple[Finding, ...]]:
        cleaned = [text.translate(_CONTROL) for text in texts]
        for text, doc in zip(texts, self.tokenizer.pipe(cleaned, batch_size=BATCH_SIZE), strict=True):
            yield self.findings(text, doc) if text.strip() else ()

    def findings(self, text: str, doc: Doc) -> tuple[Finding, ...]:
        hits: list[tuple[int, int, Category, str]] = []
        for sentence in self._sentences(doc):
            present = sentence.present
            for anchors, rule in _RULES:
                if not present.isdisjoint(anchors):
                    for first, last, category, key in rule(sentence):
                        hits.append((sentence.toks[first].start, sentence.toks[last].end, category, key))
        return self._merge(hits) if hits else ()

    def _sentences(self, doc: Doc) -> Iterator[_Sentence]:
        toks: list[_Tok] = []
        word = self.word
        for token in doc:
            text = token.text
            if token.is_space:
                if "\n" in text and toks:
                    yield _Sentence(toks, self.language)
                    toks = []
                continue
            lower = token.lower_
            start = token.idx
            toks.append(_Tok(word(lower), lower, start, start + len(text), len(toks)))
            if lower in _SENTENCE_END:
                yield _Sentence(toks, self.language)
                toks = []
        if toks:
            yield _Sentence(toks, self.language)

    def _merge(self, hits: list[tuple[int, int, Category, str]]) -> tuple[Finding, ...]:
        """One finding per category and overlapping stretch of text, in text order."""
        hits.sort(key=lambda hit: (hit[0], hit[1]))
        merged: list[list[int]] = []  # [start, end, index into hits]
        open_by_category: dict[Category, list[int]] = {}
        for index, (start, end, category, _key) in enumerate(hits):
            current = open_by_category.get(category)
            if current is not None and start <= current[1]:
                current[1] = max(current[1], end)
                continue
            current = open_by_category[category] = [start, end, index]
            merged.append(current)
        findings = []
        for start, end, index in merged:
            category, key = hits[index][2], hits[index][3]
            findings.append(
                Finding(
                    start=start,
                    end=end,
                    category=category,
                    explanation=EXPLANATIONS[category.value],
                    suggestion=SUGGESTIONS.get(key),
                    evidence=EVIDENCE,
                )
            )
        findings.sort(key=lambda finding: (finding.start, finding.end, finding.category.value))
        return tuple(findings)


def _lemma_table(language: str) -> dict[str, str]:
    """Form → lemma: spaCy's English lookup table, or the Norwegian forms drawn from spaCy's bokmål tables (plus
    the nynorsk forms of our own for nn)."""
    if language == "en":
        source = resources.files("spacy_lookups_data") / "data" / "en_lemma_lookup.json.gz"
        with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
            data: dict[str, str] = json.load(text)
        forms: dict[str, str] = {}
        for form, lemma in data.items():
            forms.setdefault(form.lower(), lemma.lower())
        return forms
    forms = dict(bokmal_lemmas())
    if language == "nn":
        forms.update(NN_FORMS)
    return forms


@functools.cache
def bokmal_lemmas() -> dict[str, str]:
    """Form → lemma for bokmål, read once from the package's table (`language_check_data.build` makes it).
    Callers copy it before they change it."""
    source = resources.files(language_check_data) / NB_LEMMAS
    with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        return dict(line.rstrip("\n").split("\t", 1) for line in text)


_ENGINES: dict[str, _Engine] = {}
_LOCK = threading.Lock()


def _engine(language: str) -> _Engine:
    engine = _ENGINES.get(language)
    if engine is None:
        with _LOCK:
            engine = _ENGINES.get(language)
            if engine is None:
                engine = _ENGINES[language] = _Engine(language)
    return engine


# --- Sentences -----------------------------------------------------------------------------------------------------


class _Sentence:
    """Tokens of one sentence, their clause numbers, and which word classes occur in it."""

    __slots__ = ("clause", "english", "n", "present", "toks")

    def __init__(self, toks: list[_Tok], language: str) -> None:
        self.toks = toks
        self.n = len(toks)
        self.english = language == "en"
        clause = 0
        clauses = []
        present: set[str] = set()
        for tok in toks:
            if tok.lower in _CLAUSE_END:
                clause += 1
            clauses.append(clause)
            present.update(tok.tags)
        self.clause = clauses
        self.present = frozenset(present)

    def where(self, tag: str) -> list[int]:
        return [tok.i for tok in self.toks if tag in tok.tags]

    def has(self, i: int, *tags: str) -> bool:
        if 0 <= i < self.n:
            found = self.toks[i].tags
            return any(tag in found for tag in tags)
        return False

    def lower(self, i: int) -> str:
        return self.toks[i].lower if 0 <= i < self.n else ""

    def ahead(self, i: int, width: int) -> range:
        """Token positions after i in the same clause, at most `width` of them."""
        clause = self.clause[i]
        last = i
        while last + 1 < self.n and last + 1 <= i + width and self.clause[last + 1] == clause:
            last += 1
        return range(i + 1, last + 1)

    def behind(self, i: int, width: int) -> range:
        """Token positions before i in the same clause, nearest first, at most `width` of them."""
        clause = self.clause[i]
        first = i
        while first - 1 >= 0 and first - 1 >= i - width and self.clause[first - 1] == clause:
            first -= 1
        return range(i - 1, first - 1, -1)

    def find_ahead(self, i: int, width: int, *tags: str) -> int | None:
        return next((j for j in self.ahead(i, width) if self.has(j, *tags)), None)

    def find_behind(self, i: int, width: int, *tags: str) -> int | None:
        return next((j for j in self.behind(i, width) if self.has(j, *tags)), None)

    def negated(self, i: int, width: int = 6) -> bool:
        return self.find_behind(i, width, "NEG") is not None

    def any(self, *tags: str) -> bool:
        return any(tag in self.present for tag in tags)

    def person_subject(self, i: int, width: int = 4) -> bool | None:
        """Whether the nearest person or institution before i in its clause is a person (None: neither)."""
        for j in self.behind(i, width):
            if self.has(j, "INSTITUTION"):
                return False
            if self.has(j, "PERSON", "PLURAL_PRON"):
                return True
        return None

    def reported(self, i: int) -> bool:
        """Someone else's words, reported: an employer or other institution and a verb of saying before i."""
        before = self.toks[:i]
        return any("INSTITUTION" in tok.tags for tok in before) and any("REPORT" in tok.tags for tok in before)

    def ends_phrase(self, i: int) -> bool:
        """Whether token i is the last of its clause (the next token ends it, or there is none)."""
        nxt = self.lower(i + 1)
        return nxt == "" or nxt in _SENTENCE_END or nxt in _CLAUSE_END or nxt in {"»", '"', "…"}

    def predicate_of_person(self, i: int, width: int = 4) -> int | None:
        """The person whose predicate token i is ("Hun er (lite) X", "She is (too) X"): that person's position."""
        for j in self.behind(i, width):
            if self.has(j, "BE"):
                return j - 1 if self.has(j - 1, "PERSON", "PLURAL_PRON") else None
        return None


Hit = tuple[int, int, Category, str]  # first and last token, category, rule key (for the suggestion)
Rule = Callable[[_Sentence], Iterator[Hit]]
_RULES: list[tuple[frozenset[str], Rule]] = []


def _rule(*anchors: str) -> Callable[[Rule], Rule]:
    """Registers a rule; it runs only on sentences where one of its anchor classes occurs."""

    def register(rule: Rule) -> Rule:
        _RULES.append((frozenset(anchors), rule))
        return rule

    return register


# --- Deficit framing: the person described by what they lack (E12; Ohls 2019) ------------------------------------


@_rule("DEF_ADJ")
def _deficit_judgement(s: _Sentence) -> Iterator[Hit]:
    """E12: "dårlig norsk", "svake norskkunnskaper", "a weak candidate", "her Norwegian is terrible"."""
    for i in s.where("DEF_ADJ"):
        j = s.find_ahead(i, 2, "LANG_NOUN", "SKILL", "ABSTRACT", "mod:LANG_NOUN")
        if j is not None:
            yield i, j, Category.DEFICIT, "deficit.language"
            continue
        if s.has(i + 1, "PERSON"):
            yield i, i + 1, Category.DEFICIT, "deficit.person"
            continue
        be = s.find_behind(i, 3, "BE")  # "Norsken hans er (svært) dårlig", "Her Norwegian is terrible"
        subject = None if be is None else s.find_behind(be, 2, "LANG_NOUN")
        if subject is not None:
            yield subject, i, Category.DEFICIT, "deficit.language"
            continue
        person = s.predicate_of_person(i)
        if person is not None:
            yield person, i, Category.DEFICIT, "deficit.person"


@_rule("CAN", "SKILL", "OFFER", "ABLE", "BRING")
def _deficit_cannot(s: _Sentence) -> Iterator[Hit]:
    """E12: "kan ikke norsk", "kan ingenting", "knows nothing", "ingen ferdigheter", "lite å komme med"."""
    for i in s.where("CAN"):
        if s.has(i + 1, "NEG"):
            j = s.find_ahead(i + 1, 2, "LANG_NOUN", "ANYTHING")
            if j is not None:
                yield i, j, Category.DEFICIT, "deficit.person"
                continue
        j = i + 2 if s.english and s.lower(i + 1) == "do" else i + 1  # "can do nothing"
        if s.lower(j) in _NOTHING and s.lower(j + 1) not in _NOTHING_NOT_ABILITY and s.person_subject(i):
            yield i, j, Category.DEFICIT, "deficit.person"
    for i in s.where("ABLE"):  # "klarer ingenting alene", "knows nothing useful"; not "kan ingenting gjøre med"
        if s.has(i, "CAN"):
            continue
        if s.lower(i + 1) in _NOTHING and s.lower(i + 2) not in _NOTHING_NOT_ABILITY and s.person_subject(i, 6):
            yield i, i + 1, Category.DEFICIT, "deficit.person"
    for i in s.where("BRING"):  # "lite/ingenting å komme med", "brings nothing (to the table)"
        if s.english:
            if s.has(i + 1, "LITTLE") and s.person_subject(i):
                yield i, i + 1, Category.DEFICIT, "deficit.person"
        elif s.lower(i + 1) == "med" and s.has(i - 1, "TO") and s.has(i - 2, "LITTLE"):
            yield i - 2, i + 1, Category.DEFICIT, "deficit.person"
    for i in s.where("SKILL"):
        if s.has(i - 1, "NEG") and s.lower(i - 1) not in {"not", "ikke", "ikkje"}:  # "ingen/no skills"
            yield i - 1, i, Category.DEFICIT, "deficit.person"
    for i in s.where("OFFER"):
        j = s.find_behind(i, 3, "LITTLE")
        if j is not None:
            yield j, i, Category.DEFICIT, "deficit.person"


@_rule("DEF_WORD")
def _deficit_word(s: _Sentence) -> Iterator[Hit]:
    """E12: words that reduce the person to a lack ("umotivert", "ressurssvak", "unemployable")."""
    for i in s.where("DEF_WORD"):
        if not s.negated(i, 2):
            yield i, i, Category.DEFICIT, "deficit.person"


@_rule("LACK")
def _deficit_lack(s: _Sentence) -> Iterator[Hit]:
    """E12: "mangler forståelse/ferdigheter", "lacks understanding" (not a concrete item such as a licence)."""
    if s.any("SELF"):
        return
    for i in s.where("LACK"):
        j = s.find_ahead(i, 4, "ABSTRACT", "mod:LANG_NOUN")
        if j is not None:
            yield i, j, Category.DEFICIT, "deficit.person"
            continue
        # "mangler det meste (av det som trengs)", "lacks everything", "lacks most of what is needed"; not "mangler
        # alt av papirer" (concrete items)
        j = i + 2 if s.lower(i + 1) == "det" else i + 1
        if s.lower(j) in _TOTAL and (
            s.ends_phrase(j) or (s.lower(j + 1) in {"av", "of"} and s.lower(j + 2) in {"det", "what", "dei", "de"})
        ):
            yield i, j, Category.DEFICIT, "deficit.person"


@_rule("INTEGRATE")
def _deficit_integrate(s: _Sentence) -> Iterator[Hit]:
    """E12: "vil ikke integrere seg", "won't integrate", "refuses to integrate", "ikke integreringsvillig"."""
    for i in s.where("INTEGRATE"):
        j = s.find_behind(i, 4, "NEG", "REFUSE")
        if j is not None:
            yield j, i, Category.DEFICIT, "deficit.integrate"


# --- Cultural othering: "Western" praised, "foreign culture", "us and them" (E12; FO 2019, p. 11) ---------------


@_rule("WESTERN")
def _othering_western(s: _Sentence) -> Iterator[Hit]:
    """E12: counsellors praising "Western" manners; not geography ("den vestlige delen av byen")."""
    for i in s.where("WESTERN"):
        if s.find_ahead(i, 3, "GEO") is None:
            first = i - 1 if s.has(i - 1, "MORE") else i
            yield first, i, Category.OTHERING, "othering.western"


@_rule("CULTURE", "mod:FOREIGN")
def _othering_culture(s: _Sentence) -> Iterator[Hit]:
    """E12: "fremmed kultur", "i deres kultur", "kulturen deira", "their culture"."""
    for i in s.where("CULTURE"):
        j = s.find_behind(i, 2, "FOREIGN", "POSSESSIVE")
        if j is not None:
            yield j, i, Category.OTHERING, "othering.culture"
        elif s.has(i + 1, "POSSESSIVE") and s.toks[i].lower.endswith("en"):
            yield i, i + 1, Category.OTHERING, "othering.culture"
        elif s.has(i, "mod:FOREIGN"):
            yield i, i, Category.OTHERING, "othering.culture"
        elif s.lower(i - 1) in {"slike", "sånne", "such"}:  # "slike kulturer"
            yield i - 1, i, Category.OTHERING, "othering.culture"
        elif (
            s.lower(i - 1) in {"den", "that"}
            and (i == 1 or (i == 2 and s.lower(0) in {"i", "in"}))
            and s.lower(i + 1) not in _RELATIVE
        ):  # "Den kulturen har …", "In that culture …"; not "den kulturen ho voks opp i"
            yield i - 1, i, Category.OTHERING, "othering.culture"


@_rule("CULTURAL", "mod:CULTURE")
def _othering_cultural_problem(s: _Sentence) -> Iterator[Hit]:
    """E12: a conflict or a person's conduct put down to culture ("et kulturelt problem", "kulturproblem")."""
    for i in s.where("CULTURAL"):
        if s.has(i + 1, "BARRIER") and not s.negated(i, 3):
            yield i, i + 1, Category.OTHERING, "othering.culture"
    for i in s.where("mod:CULTURE"):
        if s.has(i, "BARRIER") and not s.negated(i, 3):
            yield i, i, Category.OTHERING, "othering.culture"


_NATION = frozenset({"landet", "norge", "noreg", "norway"})


def _here(s: _Sentence, k: int) -> tuple[int, int]:
    """(2, last token) if token k starts "i Norge", "her i landet", "in this country"; (1, k) for a bare "her" or
    "here" (not "her på lageret": a place); (0, k) otherwise."""
    word, after, then = s.lower(k), s.lower(k + 1), s.lower(k + 2)
    if word in {"her", "here"}:
        if after in {"i", "in"} and then in _NATION:
            return 2, k + 2
        return (1, k) if after not in {"i", "in", "på", "at", "on"} else (0, k)
    if word in {"i", "in"}:
        if after in _NATION:
            return 2, k + 1
        if after == "this" and then == "country":
            return 2, k + 2
    return 0, k


def _them_subject(s: _Sentence, before: int) -> int | None:
    """A "them" before token `before`: "de/dei/they" opening a clause, or "disse/these" + a plural person or group."""
    for k in range(before):
        if s.has(k, "PLURAL_PRON") and (k == 0 or s.clause[k - 1] != s.clause[k]):
            return k
        if s.lower(k) in _PLURAL_DEMONSTRATIVES and s.has(k + 1, "PERSON", "GROUP", "PEOPLE") and s.toks[k + 1].plural:
            return k
    return None


@_rule("WE")
def _othering_we_here(s: _Sentence) -> Iterator[Hit]:
    """E12, FO 2019 p. 11: "de forstår ikke hvordan vi jobber her", "sånn gjør vi det ikke her i landet"."""
    for i in s.where("WE"):
        level, last = next((found for k in range(i + 1, min(s.n, i + 7)) if (found := _here(s, k))[0]), (0, i))
        if not level:
            continue
        them = _them_subject(s, i)
        understand = s.find_behind(i, 5, "UNDERSTAND")
        not_understood = understand is not None and (s.negated(understand, 3) or s.has(understand + 1, "NEG"))
        nation = level == 2 and (them is not None or s.any("MODAL") or not_understood)
        if nation or (them is not None and not_understood):
            yield (i if them is None else them), last, Category.OTHERING, "othering.culture"


@_rule("OTHER_WORD")
def _othering_word(s: _Sentence) -> Iterator[Hit]:
    """E12: "fremmedkulturell", "eksotisk", "primitive"."""
    for i in s.where("OTHER_WORD"):
        yield i, i, Category.OTHERING, "othering.culture"


@_rule("DIFFERENCE")
def _othering_difference(s: _Sentence) -> Iterator[Hit]:
    """E12: cultural differences made the barrier ("kulturforskjellene er for store")."""
    big = any(s.has(j, "BIG") and s.has(j - 1, "FOR", "TOO") for j in range(1, s.n))
    if not (big or s.any("BARRIER")):
        return
    for i in s.where("DIFFERENCE"):
        if s.has(i, "mod:CULTURE") or s.has(i - 1, "CULTURAL"):
            yield (i - 1 if s.has(i - 1, "CULTURAL") else i), i, Category.OTHERING, "othering.culture"


@_rule("US")
def _othering_us_them(s: _Sentence) -> Iterator[Hit]:
    """E12, FO 2019 p. 11: "oss og dem", "us and them", "annerledes enn oss", "us Norwegians"."""
    for i in s.where("US"):
        if s.has(i + 1, "AND") and s.has(i + 2, "THEM"):
            yield i, i + 2, Category.OTHERING, "othering.culture"
        elif s.has(i - 1, "AND") and s.has(i - 2, "THEM"):
            yield i - 2, i, Category.OTHERING, "othering.culture"
        elif s.has(i + 1, "NORWEGIANS"):
            j = s.find_behind(i, 3, "FOREIGN")
            yield (i if j is None else j), i + 1, Category.OTHERING, "othering.culture"
        else:
            j = s.find_behind(i, 3, "FOREIGN")
            if j is not None:
                yield j, i, Category.OTHERING, "othering.culture"


# --- Ethnicity or origin as a reason: "wrong ethnicity" (E12) -----------------------------------------------------


def _origin_term(s: _Sentence, j: int) -> bool:
    """Whether token j names the person's ethnicity or origin (not an occupational "background", not a document)."""
    if s.has(j, "ORIGIN_NOUN"):
        return True
    if s.has(j, "BACKGROUND"):
        if s.has(j - 1, "ORIGIN_ADJ") or s.has(j, "mod:ORIGIN_ADJ", "mod:GROUP"):
            return True
        after = j + 1
        if s.has(after, "POSSESSIVE"):
            after += 1
        elif not s.has(j - 1, "POSSESSIVE"):
            return False
        if s.has(after, "FROM"):
            return s.has(after + 1, "COUNTRY")
        return not s.has(after, "BG_FOLLOW")
    if s.has(j, "DEMONYM") and s.has(j - 1, "BE"):
        return s.has(j - 2, "PERSON")
    if s.has(j, "COUNTRY") and s.has(j - 1, "FROM") and s.has(j - 2, "BE"):
        return s.has(j - 3, "PERSON")
    return False


@_rule("CAUSE", "ORIGIN_NOUN", "BACKGROUND", "SOM", "DEMONYM")
def _origin(s: _Sentence) -> Iterator[Hit]:
    """E12: employers rejecting for "wrong ethnicity"; origin given as the reason for an outcome or a trait."""
    for c in s.where("CAUSE"):
        for j in range(c + 1, min(s.n, c + 8)):
            if _origin_term(s, j) and not s.reported(c):
                yield c, j, Category.ORIGIN, "origin"
                break
    strong = [j for j in range(s.n) if s.has(j, "ORIGIN_NOUN") or (s.has(j, "BACKGROUND") and _origin_term(s, j))]
    for j in strong:
        if s.reported(j):
            continue
        if s.has(j - 1, "WRONG"):
            yield j - 1, j, Category.ORIGIN, "origin"
        elif s.any("BARRIER") or s.find_behind(j, 4, "WITH") is not None:
            first = s.find_behind(j, 4, "WITH")
            yield (j if first is None else first), j, Category.ORIGIN, "origin"
    for i in s.where("SOM"):
        if i == 0 or s.clause[i - 1] != s.clause[i]:
            j = i + 2 if s.has(i + 1, "A") else i + 1
            if s.has(j, "DEMONYM") and not s.has(j + 1, "BE"):
                yield i, j, Category.ORIGIN, "origin"
    for j in s.where("DEMONYM"):
        if _origin_term(s, j) and (s.has(j + 1, "SO") or (s.lower(j + 1) == "," and s.has(j + 2, "SO"))):
            yield j - 2, j, Category.ORIGIN, "origin"


@_rule("TYPICAL", "FOR", "TOO")
def _origin_typical(s: _Sentence) -> Iterator[Hit]:
    """E12: a person's conduct put down to their origin ("en typisk somalier som …", "for afrikansk", "too foreign")."""
    for i in s.where("TYPICAL"):  # one person as a typical member of a group; not "en typisk somalisk rett"
        j = i + 1
        if s.has(j, "GROUP") and not s.toks[j].plural and (s.ends_phrase(j) or s.lower(j + 1) in _RELATIVE):
            yield i, j, Category.ORIGIN, "origin"
    for i in s.where("FOR") + s.where("TOO"):  # "for afrikansk (for …)"; not "kurset er for somaliske kvinner"
        j = i + 1
        adjective = s.english or s.lower(j).endswith("sk") or s.has(j, "FOREIGN")
        language = s.has(i, "FOR") and s.has(j, "FOREIGN_LANG")  # "tolk for arabisk": a language
        if (
            adjective
            and not language
            and s.has(j, "DEMONYM", "ORIGIN_ADJ", "FOREIGN")
            and not s.toks[j].plural
            and (s.ends_phrase(j) or s.has(j + 1, "FOR", "TO") or s.lower(j + 1) in {"til", "to"})
        ):
            yield i, j, Category.ORIGIN, "origin"


# --- Religion framed as the barrier rather than an accommodation need (E12) ---------------------------------------


@_rule("RELIGION", "mod:RELIGION")
def _religion(s: _Sentence) -> Iterator[Hit]:
    """E12: religion, dress or fasting made the problem; not a prayer break arranged or a safety rule."""
    if s.any("ACCOMMODATION", "SAFETY"):
        return
    barriers = [
        j
        for j in range(s.n)
        if (s.has(j, "BARRIER", "RELIGION_HARM") and not s.negated(j, 3))  # not "ingen problemer", "no problem"
        or (s.has(j, "MUCH") and s.has(j - 1, "FOR", "TOO"))
        or (s.has(j, "PRODUCTIVE") and s.has(j - 1, "LITTLE"))
    ]
    for i in s.where("RELIGION"):
        if s.reported(i):
            continue
        if barriers:
            j = min(barriers, key=lambda b: abs(b - i))
            yield min(i, j), max(i, j), Category.RELIGION, "religion"
            continue
        cause = s.find_behind(i, 4, "CAUSE")  # "på grunn av religionen"
        if cause is not None:
            yield cause, i, Category.RELIGION, "religion"
            continue
        # "Islam er grunnen til at han sliter", "Fastinga gjer at ho ikkje passar"; not "Ramadan er grunnen til at
        # møtet er flyttet" (no harm named)
        reason = s.find_ahead(i, 4, "REASON", "MAKE")
        if reason is not None and s.has(reason, "MAKE") and s.lower(reason + 1) not in {"at", "it", "that"}:
            reason = None
        if reason is not None and any(s.has(k, "NEG", "STRUGGLE") for k in range(reason + 1, min(s.n, reason + 8))):
            yield i, reason, Category.RELIGION, "religion"
    for i in s.where("mod:RELIGION"):  # "Bønnetidene hans skaper problemer"
        near = next((b for b in barriers if i < b <= i + 3), None)
        if near is not None and not s.reported(i):
            yield i, near, Category.RELIGION, "religion"


# --- Assimilation demands: change clothes, name, language or habits to fit in (E12: "Norwegian clothes") ----------


def _identity_target(s: _Sentence, k: int) -> bool:
    if s.has(k, "IDENTITY", "FOREIGN_LANG"):
        return True
    if s.has(k, "NORWEGIAN"):  # "norske klær", "mer norsk", "høres norsk ut"; not "lære norsk"
        return s.has(k + 1, "IDENTITY") or s.has(k - 1, "MORE", "SOUND")
    return False


@_rule("MODAL", "ADVISE")
def _assimilation(s: _Sentence) -> Iterator[Hit]:
    """E12: demands for "Norwegian clothes", another name, dropping one's language or habits."""
    if s.any("SAFETY"):
        return
    for i in s.where("MODAL") + s.where("ADVISE"):
        lemma = s.toks[i].lemma
        if s.english and lemma in {"have", "need"} and s.lower(i + 1) != "to":
            continue
        if s.negated(i) or s.has(i + 1, "NEG") or s.reported(i):
            continue
        change = s.find_ahead(i, 6, "CHANGE")
        if change is None:
            continue
        target = next((k for k in s.ahead(change, 6) if _identity_target(s, k)), None)
        if target is not None:
            if s.has(target, "NORWEGIAN") and s.has(target + 1, "IDENTITY"):
                target += 1  # "norske klær": the whole phrase
            yield i, target, Category.ASSIMILATION, "assimilation"


# --- Dehumanising metaphors: floods, waves, burdens, herds, parasites (E12; FO 2019, p. 11) ------------------------


@_rule("FLOW", "SWAMP", "BURDEN", "ANIMAL", "PARASITE")
def _dehumanising(s: _Sentence) -> Iterator[Hit]:
    """E12: people as a natural force ("flyktningstrøm", "wave of immigrants"), a burden, animals or parasites."""
    for i in s.where("FLOW") + s.where("SWAMP"):
        if s.has(i, "mod:GROUP"):
            yield i, i, Category.DEHUMANISING, "dehumanising.flow"
            continue
        j = s.find_ahead(i, 3, "GROUP")
        if j is not None:
            yield i, j, Category.DEHUMANISING, "dehumanising.flow"
            continue
        # the group as the subject of the flow: "flyktningene strømmer på", "refugees keep pouring in"; not
        # "flyktninger får strøm" (a verb between)
        k = i - 2 if s.lower(i - 1) in _AUX_MOTION else i - 1
        if s.has(k, "GROUP") and s.toks[k].plural and not s.toks[i].lower.endswith(("en", "et")):
            yield k, i, Category.DEHUMANISING, "dehumanising.flow"
    for i in s.where("BURDEN"):
        if s.find_behind(i, 3, "BE") is not None and s.person_subject(i, 5):
            yield i, i, Category.DEHUMANISING, "dehumanising.burden"
    if s.any("PERSON", "PLURAL_PRON", "GROUP"):
        for i in s.where("ANIMAL"):
            yield i, i, Category.DEHUMANISING, "dehumanising.burden"
    for i in s.where("PARASITE"):
        yield i, i, Category.DEHUMANISING, "dehumanising.burden"


# --- Generalisations about a group (E12; Park et al. 2021: stereotyping) ------------------------------------------


def _group_plural(s: _Sentence, k: int) -> bool:
    """A plural noun for a whole group: "somaliere", "innvandrere", "Muslim women", "immigrant women"."""
    if not (0 <= k < s.n):
        return False
    tok = s.toks[k]
    if "GROUP" in tok.tags and tok.plural:
        return True
    return (
        tok.plural and tok.lemma in {"kvinne", "mann", "woman", "man"} and s.has(k - 1, "GROUP", "DEMONYM", "RELIGION")
    )


_GROUP_VERBS = frozenset({"ha", "have", "vil", "ville", "will", "kan", "kunne", "can", "do", "tend"})
_NEGATIVE_FREQ = frozenset({"aldri", "sjelden", "never", "rarely", "seldom"})
_NEGATIVE_TRAIT = ("NEG", "LITTLE", "LATE", "DEF_WORD", "DIFFICULT", "LAZY", "UNCOOP")


def _predicate_follows(s: _Sentence, k: int) -> bool:
    """Whether token k begins a predicate ("never take", "are", "won't"), not a noun ("People like that course")."""
    return s.has(k, "NEG", "FREQ", "BE", "WANT", "CAN") or _group_verb(s, k) or s.ends_phrase(k - 1)


def _group_verb(s: _Sentence, k: int) -> bool:
    """Whether token k is the finite verb of a generalising statement ("er", "har", "vil", "are", "tend")."""
    if not 0 <= k < s.n:
        return False
    verb = s.toks[k]
    return "BE" in verb.tags or verb.lemma in _GROUP_VERBS


@_rule("QUANT", "MOST", "GROUP", "DEMONSTRATIVE", "PEOPLE", "DEMONYM", "RELIGION")
def _generalisation(s: _Sentence) -> Iterator[Hit]:
    """E12, Park et al. 2021: "somaliere er …", "de fleste innvandrere", "typical of Eritreans", "these people"."""
    if s.any("STATS"):
        return
    for q in s.where("QUANT") + s.where("MOST"):
        j = next((k for k in s.ahead(q, 4) if _group_plural(s, k)), None)
        if j is None:
            j = next((k for k in s.behind(q, 3) if _group_plural(s, k)), None)
        if j is not None:
            yield min(q, j), max(q, j), Category.GENERALISATION, "generalisation"
    if _group_plural(s, 0) and s.n > 1 and _group_verb(s, 1):
        yield 0, 0, Category.GENERALISATION, "generalisation"
    else:  # "Innvandrere fra det området er ofte …", "Somaliske kvinner er sjelden …": with a generalising word
        subject = 0 if _group_plural(s, 0) else 1 if _group_plural(s, 1) else None
        if subject is not None:
            k = subject + 1
            if s.has(k, "FROM"):  # a short place phrase: "fra det området", "from that region"
                k = next((j for j in range(k + 1, min(s.n, k + 5)) if _group_verb(s, j) or s.has(j, "FREQ")), s.n)
            if s.has(k, "FREQ") or (
                _group_verb(s, k) and s.find_ahead(k, 3, "FREQ", "LITTLE", "NEG", "DEF_WORD") is not None
            ):
                yield 0, subject, Category.GENERALISATION, "generalisation"
    for i in s.where("PEOPLE"):
        if s.has(i - 1, "DEMONSTRATIVE"):
            yield i - 1, i, Category.GENERALISATION, "generalisation"
        elif s.has(i + 1, "SOM", "LIKE") and s.has(i + 2, "ME_OBJ"):
            yield i, i + 2, Category.GENERALISATION, "generalisation"
        elif i == 0 and s.has(1, "LIKE") and s.lower(2) in {"that", "those", "them"} and _predicate_follows(s, 3):
            yield 0, 2, Category.GENERALISATION, "generalisation"
    # "Disse deltakerne møter aldri …", "These participants don't understand …": a demonstrative group with a
    # generalising predicate; not "Disse deltakerne har fått tilbud"
    for i in s.where("DEMONSTRATIVE"):
        j = i + 1
        if s.lower(i) in _PLURAL_DEMONSTRATIVES and s.has(j, "PERSON", "GROUP") and s.toks[j].plural:
            # "møter aldri presis", "kommer alltid for sent"; not "møter alltid forberedt"
            freq = s.find_ahead(j, 4, "FREQ")
            negative = freq is not None and (
                s.lower(freq) in _NEGATIVE_FREQ or s.find_ahead(freq, 4, *_NEGATIVE_TRAIT) is not None
            )
            will = s.find_ahead(j, 3, "UNDERSTAND", "WANT")
            if negative or (will is not None and (s.negated(will, 3) or s.has(will + 1, "NEG"))):
                yield i, j, Category.GENERALISATION, "generalisation"


# --- Moralising and blame: doubting the person's account, "as usual", "difficult" (Goddu et al. 2018; Park et al.
# 2021; E12) ---------------------------------------------------------------------------------------------------------


@_rule("DOUBT_VERB", "DOUBT_ADV")
def _blame_doubt(s: _Sentence) -> Iterator[Hit]:
    """Goddu 2018, Park 2021: "hevder", "påstår", "claims", "allegedly" cast doubt on the person's account."""
    for i in s.where("DOUBT_VERB"):
        if s.toks[i].lemma == "påberope":  # "påberoper seg sykdom"; not "påberoper seg retten til …" (a right)
            if s.lower(i + 2).startswith("rett"):
                continue
        elif s.has(i + 1, "REFLEXIVE"):  # "hevder seg godt": does well
            continue
        if s.english and s.lower(i - 1) in _EN_DETERMINERS:  # "a claim": a noun
            continue
        if s.person_subject(i) is False:  # "Arbeidsgiver hevder …": not the participant's account
            continue
        yield i, i, Category.BLAME, "blame.doubt"
    for i in s.where("DOUBT_ADV"):
        # "conveniently forgot", "hadde beleilig nok glemt"; not "conveniently located", "et beleilig tidspunkt"
        if s.toks[i].lemma in {"conveniently", "beleilig", "beleiligvis"} and not s.any("LATE", "EXCUSE"):
            continue
        yield i, i, Category.BLAME, "blame.doubt"


@_rule("USUAL", "AGAIN")
def _blame_usual(s: _Sentence) -> Iterator[Hit]:
    """Park 2021: "som vanlig", "as usual", "nok en gang", "once again" about a lapse (late, absent, forgot)."""
    lapse = s.any("LATE", "NEG", "EXCUSE")
    if not lapse:
        return
    for i in s.where("USUAL"):
        if s.has(i - 1, "SOM"):
            yield i - 1, i, Category.BLAME, "blame.usual"
    for i in s.where("AGAIN"):
        if s.has(i - 1, "NOK"):
            yield i - 1, i, Category.BLAME, "blame.usual"
        elif s.has(i - 2, "NOK") and s.has(i - 1, "A"):
            yield i - 2, i, Category.BLAME, "blame.usual"


@_rule("EXCUSE")
def _blame_excuse(s: _Sentence) -> Iterator[Hit]:
    """Park 2021: the person's reasons called "unnskyldninger", "excuses" (not "ba om unnskyldning")."""
    for i in s.where("EXCUSE"):
        if s.find_behind(i, 2, "APOLOGY") is None:
            yield i, i, Category.BLAME, "blame.excuse"


@_rule("BLAME_SHIFT")
def _blame_shift(s: _Sentence) -> Iterator[Hit]:
    """Park 2021: the person said to shift blame ("skylder på barna"); not "skylder penger" (owes)."""
    for i in s.where("BLAME_SHIFT"):
        if s.lower(i).startswith("skylden"):
            continue
        j = s.find_ahead(i, 3, "ON")
        if j is not None and s.person_subject(i):
            yield i, j, Category.BLAME, "blame.shift"


@_rule("DIFFICULT", "UNCOOP", "COOP", "LAZY", "PRETEND")
def _blame_difficult(s: _Sentence) -> Iterator[Hit]:
    """Park 2021: the person portrayed as difficult, uncooperative, lazy or pretending."""
    for i in s.where("DIFFICULT"):
        if s.has(i + 1, "PERSON"):
            yield i, i + 1, Category.BLAME, "blame.difficult"
        elif s.has(i + 1, "TO"):  # "Hun er vanskelig å samarbeide med"; not "vanskelig å nå på telefon"
            if s.has(i + 2, "COLLAB") and s.lower(i + 3) in {"med", "with"}:
                person = s.predicate_of_person(i)
                if person is not None:
                    yield person, i + 3, Category.BLAME, "blame.difficult"
        else:
            person = s.predicate_of_person(i)
            if person is not None:
                yield person, i, Category.BLAME, "blame.difficult"
    for i in s.where("UNCOOP"):
        if not s.negated(i, 2):
            yield i, i, Category.BLAME, "blame.difficult"
    for i in s.where("COOP"):
        if s.has(i - 1, "LITTLE", "NEG"):
            yield i - 1, i, Category.BLAME, "blame.difficult"
    for i in s.where("LAZY"):
        if s.person_subject(i):
            yield i, i, Category.BLAME, "blame.difficult"
    for i in s.where("PRETEND"):
        if s.english or s.has(i + 1, "SOM"):
            yield i, i + 1 if not s.english else i, Category.BLAME, "blame.difficult"
