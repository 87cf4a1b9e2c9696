"""The participant reads the reasons for their recommendations addressed to them, without evidence codes."""

from __future__ import annotations

import ast
import inspect
import re

from kvp.catalogue.advice import TO_PARTICIPANT
from kvp.rules import fit, recommendations

PLACEHOLDER = re.compile(r"%\((\w+)\)s")
ABOUT_SOMEONE = re.compile(r"\b(participant|participant's|people)\b")


def reason_texts() -> set[str]:
    """Every N_ text in the fit model and the recommendation rules, where the reasons come from."""
    trees = [ast.parse(inspect.getsource(module)) for module in (fit, recommendations)]
    return {
        node.args[0].value
        for tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "N_"
        and isinstance(node.args[0], ast.Constant)
    }


def test_every_reason_about_the_participant_has_a_wording_to_them() -> None:
    about_them = {text for text in reason_texts() if ABOUT_SOMEONE.search(text)}
    assert about_them - TO_PARTICIPANT.keys() == set()


def test_the_wordings_follow_the_rules_current_texts_and_values() -> None:
    assert TO_PARTICIPANT.keys() - reason_texts() == set()
    for staff_text, their_text in TO_PARTICIPANT.items():
        assert not ABOUT_SOMEONE.search(their_text), their_text
        assert set(PLACEHOLDER.findall(their_text)) <= set(PLACEHOLDER.findall(staff_text)), their_text
