"""The threat model names, for each threat, the test that shows its control holds: every test it names exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# `tests/x.py::test_name`, and `::test_other` after it for another test in the same file.
NAMED = re.compile(r"`(tests/[\w/]+\.py)(?:::(\w+))?`|`::(\w+)`")


def test_every_test_the_threat_model_names_exists() -> None:
    named: list[tuple[str, str]] = []
    current = ""
    for path, name, same_file in NAMED.findall((ROOT / "docs" / "security.md").read_text(encoding="utf-8")):
        current = path or current
        if name or same_file:
            named.append((current, name or same_file))
        assert (ROOT / current).is_file(), current
    assert named
    missing = []
    for path, name in named:
        tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
        if name not in {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}:
            missing.append(f"{path}::{name}")
    assert missing == []
