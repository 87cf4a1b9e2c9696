"""Precision and recall of the respectful-language checker on its labelled sentences
(tests/data/language_check_sentences.jsonl: text, lang, categories ([] = neutral), topic, split
dev/test/fresh/fresh2/blind).

What is counted (sentence level, per category): each labelled sentence has a set of gold categories and the
checker gives a set of found categories (the categories of its findings, wherever they are in the sentence). A
(sentence, category) pair found and labelled is a true positive, found but not labelled a false positive,
labelled but not found a false negative. Precision = TP / (TP + FP), recall = TP / (TP + FN), micro-averaged
over all categories ("overall") or for one category. "flag" counts whole sentences instead: flagged at all vs
labelled with any category. Neutral sentences (hard negatives on the same topics) contribute only false positives.
Offsets are tested separately (tests/rules/test_language_check.py).

The rules were tuned on `dev`. `test` and then `fresh` (written after the rules were frozen) were each measured
blind first — test: recall 0.95; fresh: precision 1.00, recall 0.89 — and then used to fix the general gaps they
showed. A blind set written by someone else (not kept here) then found no false positives but a recall of only
about 0.64 per category: other verbs for a lack, demonstratives, frequency adverbs, water metaphors as verbs,
"typisk <group>". `fresh2` (117 sentences: 62 with a category, 55 hard negatives; nb, nn, en) was written after
that, aimed at those kinds of miss, by the same developer who then changed the rules — so it was blind to the
changes but not to the rules or to the kinds of miss. Against the unchanged rules it scored precision 0.95 (one
false positive: a negated "no problem" next to a headscarf) and recall 0.31 (whole set then: precision 0.996,
recall 0.85); the rules were then generalised on it. All four splits therefore now overstate how the rules do on
new text; a set written by practitioners is still the honest next test. `blind` is that earlier blind set (40
sentences by another writer; the rules' author saw only a paraphrase of its kinds of miss, never the sentences): recall
0.64 before the fresh2 changes and 0.86 after, precision 1.00 both times. It is kept for the record and must not
be tuned on.

    .venv/bin/python -m bench.language_check_eval [--split dev|test|fresh|fresh2|blind|all] [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kvp.rules.language_check import Category, check_many

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "language_check_sentences.jsonl"
SPLITS = ("dev", "test", "fresh", "fresh2", "blind")


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    lang: str
    categories: frozenset[Category]
    topic: str
    split: str


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Evaluation:
    sentences: int = 0
    overall: Counts = field(default_factory=Counts)
    flag: Counts = field(default_factory=Counts)
    by_category: dict[Category, Counts] = field(default_factory=lambda: {c: Counts() for c in Category})
    errors: list[tuple[Example, frozenset[Category]]] = field(default_factory=list)


def load(path: Path = DATA) -> list[Example]:
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            examples.append(
                Example(
                    id=row["id"],
                    text=row["text"],
                    lang=row["lang"],
                    categories=frozenset(Category(c) for c in row["categories"]),
                    topic=row["topic"],
                    split=row["split"],
                )
            )
    return examples


def evaluate(examples: Iterable[Example]) -> Evaluation:
    result = Evaluation()
    by_lang: dict[str, list[Example]] = {}
    for example in examples:
        by_lang.setdefault(example.lang, []).append(example)
    for lang, group in by_lang.items():
        for example, findings in zip(group, check_many((e.text for e in group), lang), strict=True):
            found = frozenset(finding.category for finding in findings)
            result.sentences += 1
            for category in Category:
                counts = result.by_category[category]
                gold, got = category in example.categories, category in found
                for tally in (counts, result.overall):
                    tally.tp += gold and got
                    tally.fp += got and not gold
                    tally.fn += gold and not got
            gold_flag, got_flag = bool(example.categories), bool(found)
            result.flag.tp += gold_flag and got_flag
            result.flag.fp += got_flag and not gold_flag
            result.flag.fn += gold_flag and not got_flag
            if found != example.categories:
                result.errors.append((example, found))
    return result


def table(result: Evaluation, title: str) -> list[str]:
    lines = [
        f"{title}: {result.sentences} sentences",
        f"  {'':16} {'precision':>9} {'recall':>7} {'TP':>4} {'FP':>4} {'FN':>4}",
    ]
    rows = [("overall", result.overall), ("flag (any)", result.flag)]
    rows += [(category.value, result.by_category[category]) for category in Category]
    for name, counts in rows:
        lines.append(
            f"  {name:16} {counts.precision:9.3f} {counts.recall:7.3f} {counts.tp:4} {counts.fp:4} {counts.fn:4}"
        )
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.language_check_eval", description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=(*SPLITS, "all"), default=None, help="one split (default: each, and all)")
    parser.add_argument("--errors", action="store_true", help="list the sentences where the checker disagrees")
    args = parser.parse_args(argv)
    examples = load()
    splits = [args.split] if args.split else [*SPLITS, "all"]
    for split in splits:
        chosen = [e for e in examples if split in ("all", e.split)]
        result = evaluate(chosen)
        print("\n".join(table(result, split)))
        if args.errors:
            for example, found in result.errors:
                gold = ",".join(sorted(example.categories)) or "-"
                got = ",".join(sorted(found)) or "-"
                print(f"    {example.id} [{example.split}] gold={gold} found={got}: {example.text}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
