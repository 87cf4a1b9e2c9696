"""Regenerates `nb_lemmas.tsv.gz` from spaCy's Norwegian bokmål lemma tables (spacy-lookups-data, `nb_lemma_exc`,
drawn from Norsk ordbank): the inflected forms of the lemmas in the checker's word lists and of the compounds that
end in one of them (e.g. "flyktningstrømmen" → "flyktningstrøm"), a form, a tab and its lemma on each line. The
full tables hold 600,000 forms and take a quarter of a gigabyte to load; the checker needs only these.

    .venv/bin/python -m kvp.rules.language_check_data.build
"""

from __future__ import annotations

import gzip
import json
from importlib import resources
from pathlib import Path

from kvp.rules.language_check_data import NB_LEMMAS, NN_FORMS, NO

MIN_HEAD = 4  # a compound's head must be at least this long ("strøm", "kultur"), so that "del" makes no compounds
POS_ORDER = ("noun", "verb", "adj", "adv")  # which lemma wins when a form has several (e.g. "mangler")
TARGET = Path(__file__).with_name(NB_LEMMAS)


def lexicon_lemmas() -> frozenset[str]:
    words = {word for words in NO.values() for word in words}
    return frozenset(words | set(NN_FORMS.values()))


def wanted_forms() -> dict[str, str]:
    """Form → lemma for every form whose lemma is in the word lists or is a compound ending in one of them."""
    source = resources.files("spacy_lookups_data") / "data" / "nb_lemma_exc.json.gz"
    with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        tables: dict[str, dict[str, list[str]]] = json.load(text)
    lemmas = lexicon_lemmas()
    heads = {lemma for lemma in lemmas if len(lemma) >= MIN_HEAD}
    lengths = sorted({len(head) for head in heads})
    forms: dict[str, str] = {}
    for pos in POS_ORDER:
        for form, candidates in tables.get(pos, {}).items():
            lemma = candidates[0]
            if form in forms or " " in form:
                continue
            low = lemma.lower()
            if low in lemmas or any(len(low) > n and low[-n:] in heads for n in lengths):
                forms[form.lower()] = low
    return forms


def render(forms: dict[str, str]) -> str:
    """The table's text, sorted by form."""
    return "".join(f"{form}\t{lemma}\n" for form, lemma in sorted(forms.items()))


def main() -> None:
    forms = wanted_forms()
    # mtime=0: the same forms make the same bytes, so the file changes in git only when the forms do
    TARGET.write_bytes(gzip.compress(render(forms).encode("utf-8"), compresslevel=9, mtime=0))
    print(f"wrote {len(forms):,} forms to {TARGET}")


if __name__ == "__main__":
    main()
