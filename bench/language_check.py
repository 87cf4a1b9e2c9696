"""Benchmark: the respectful-language checker (kvp.rules.language_check). Pure computation, no database.

- **Throughput** on one core (one Python thread): the labelled sentences of tests/data (nb, nn, en) repeated to
  20,000 sentences (`--quick`: 5,000), checked per language in batches with `check_many` (spaCy's
  `tokenizer.pipe`); sentences per second over the whole run, best of three runs. Target ≥ 5,000/s.
- **Latency**: 300 notes of 2,000 characters (`--quick`: 100), each made of labelled sentences of one language,
  each checked alone with `check_text` as the app does; the 95th percentile. Target ≤ 20 ms.
- **Baseline** in the same run, since machines are noisy: spaCy's tokenizer alone on the same sentences and
  notes (what tokenising costs before any lemma or rule); the ratios show what lemmas and rules add.
- Precision and recall on the labelled sentences (bench/language_check_eval.py), per split.

Both measurements come after a warm-up run, so they do not include loading spaCy and the lemma tables once per
process (shown separately) but do include the checker's per-form cache as a long-running process has it.

    .venv/bin/python -m bench.language_check [--quick]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from dataclasses import dataclass

from bench.language_check_eval import SPLITS, Example, evaluate, load
from bench.matching import AtLeast, AtMost, Info
from bench.report import Outcome, Row, print_outcome
from bench.terminal import status
from kvp.rules.language_check import _engine, check_many, check_text

TARGET_THROUGHPUT = 5_000.0  # sentences per second
TARGET_P95_MS = 20.0  # milliseconds for a 2,000-character note
NOTE_CHARS = 2_000
LANGUAGES = ("nb", "nn", "en")


@dataclass(frozen=True)
class Size:
    sentences: int
    notes: int
    runs: int


FULL = Size(sentences=20_000, notes=300, runs=3)
QUICK = Size(sentences=5_000, notes=100, runs=3)


def _corpus(examples: list[Example], count: int) -> dict[str, list[str]]:
    """`count` sentences in all, in the data set's proportions of languages, repeated as needed."""
    texts = list(examples)
    chosen = [texts[index % len(texts)] for index in range(count)]
    corpus: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    for example in chosen:
        corpus[example.lang].append(example.text)
    return corpus


def _notes(examples: list[Example], count: int) -> list[tuple[str, str]]:
    """`count` notes of exactly NOTE_CHARS characters, each of sentences of one language, from a fixed seed."""
    generator = random.Random(8)  # noqa: S311 - a fixed sample of notes, not security
    by_lang = {lang: [e.text for e in examples if e.lang == lang] for lang in LANGUAGES}
    notes = []
    for index in range(count):
        lang = LANGUAGES[index % len(LANGUAGES)]
        parts: list[str] = []
        length = 0
        while length < NOTE_CHARS:
            sentence = generator.choice(by_lang[lang])
            parts.append(sentence)
            length += len(sentence) + 1
        notes.append((" ".join(parts)[:NOTE_CHARS], lang))
    return notes


def _throughput(corpus: dict[str, list[str]], runs: int) -> tuple[float, float]:
    """Best seconds of `runs` for the whole corpus: (checker, tokenizer alone)."""
    checker, tokenizer = [], []
    for _ in range(runs):
        start = time.perf_counter()
        for lang, texts in corpus.items():
            for _findings in check_many(texts, lang):
                pass
        checker.append(time.perf_counter() - start)
        start = time.perf_counter()
        for lang, texts in corpus.items():
            for _doc in _engine(lang).tokenizer.pipe(texts, batch_size=256):
                pass
        tokenizer.append(time.perf_counter() - start)
    return min(checker), min(tokenizer)


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def _latency(notes: list[tuple[str, str]]) -> tuple[float, float, float, float]:
    """p95 and median wall seconds of check_text per note, p95 of the tokenizer alone, and p95 of the CPU time
    check_text used (the wall time's tail includes waiting for a core on a busy machine; the CPU time does not)."""
    checker, tokenizer, cpu = [], [], []
    for text, lang in notes:
        start, start_cpu = time.perf_counter(), time.thread_time()
        check_text(text, lang)
        checker.append(time.perf_counter() - start)
        cpu.append(time.thread_time() - start_cpu)
        tokenize = _engine(lang).tokenizer
        start = time.perf_counter()
        tokenize(text)
        tokenizer.append(time.perf_counter() - start)
    return _p95(checker), statistics.median(checker), _p95(tokenizer), _p95(cpu)


def language_check_benchmark(*, quick: bool = False) -> Outcome:
    size = QUICK if quick else FULL
    examples = load()
    started = time.perf_counter()
    for lang in LANGUAGES:
        check_text("Oppstart.", lang)  # loads spaCy and the tables once
    load_seconds = time.perf_counter() - started
    corpus = _corpus(examples, size.sentences)
    notes = _notes(examples, size.notes)
    status(f"Language check: warm-up, then {size.sentences:,} sentences × {size.runs} runs and {size.notes} notes")
    _throughput(corpus, 1)
    _latency(notes[:10])
    checker_seconds, tokenizer_seconds = _throughput(corpus, size.runs)
    p95, median, tokenizer_p95, cpu_p95 = _latency(notes)
    rate = size.sentences / checker_seconds
    tokenizer_rate = size.sentences / tokenizer_seconds
    rows: list[Row] = [
        AtLeast("throughput ÷ 5,000/s", "sentences/s", TARGET_THROUGHPUT, rate, target=1.0),
        AtMost("p95 of a 2,000-char note ÷ 20 ms", "ms", TARGET_P95_MS, p95 * 1000, target=1.0),
        Info("checker ÷ tokenizer alone, time", "s", tokenizer_seconds, checker_seconds),
        Info("checker ÷ tokenizer alone, p95 note", "ms", tokenizer_p95 * 1000, p95 * 1000),
    ]
    notes_text = [
        f"throughput: {rate:,.0f} sentences/s (tokenizer alone {tokenizer_rate:,.0f}/s), best of {size.runs} runs "
        f"of {size.sentences:,} sentences (nb {len(corpus['nb']):,}, nn {len(corpus['nn']):,}, "
        f"en {len(corpus['en']):,}), mean {sum(len(t) for ts in corpus.values() for t in ts) / size.sentences:.0f} "
        "characters",
        f"2,000-character notes: p95 {p95 * 1000:.2f} ms, median {median * 1000:.2f} ms, tokenizer alone p95 "
        f"{tokenizer_p95 * 1000:.2f} ms, CPU time p95 {cpu_p95 * 1000:.2f} ms ({size.notes} notes; the wall "
        "time's tail includes waiting for a core when the machine is busy)",
        f"loading spaCy and the lemma tables for nb, nn and en once per process: {load_seconds:.2f} s",
    ]
    for split in (*SPLITS, "all"):
        result = evaluate([e for e in examples if split in ("all", e.split)])
        weakest = min(result.by_category.items(), key=lambda item: item[1].recall)
        notes_text.append(
            f"{split}: precision {result.overall.precision:.3f}, recall {result.overall.recall:.3f} over "
            f"{result.sentences} sentences (lowest recall: {weakest[0].value} {weakest[1].recall:.3f})"
        )
    return Outcome(
        name="language_check",
        title="the respectful-language checker: throughput and the p95 of a 2,000-character note",
        baseline="the targets (5,000 sentences/s; 20 ms); spaCy's tokenizer alone on the same texts",
        large="check_many on labelled sentences in batches; check_text per note",
        rows=rows,
        notes=tuple(notes_text),
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.language_check", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer sentences and notes")
    outcome = language_check_benchmark(quick=parser.parse_args(argv).quick)
    print_outcome(outcome, print)
    return 0 if outcome.passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
