"""The answers every operation can give besides its own, documented once for the whole API."""

from __future__ import annotations

from typing import Any

PROBLEM = {
    "type": "object",
    "description": "What went wrong, in the user's language, and a code for programs.",
    "properties": {"detail": {"type": "string"}, "code": {"type": "string"}},
    "required": ["detail", "code"],
}
INVALID = {
    "type": "object",
    "description": "The request could not be read (`detail` and `code`), or these fields were refused: each "
    "field's name (or `non_field_errors`) with the messages saying why.",
    "properties": {"detail": {"type": "string"}, "code": {"type": "string"}},
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}


def _answer(description: str, component: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{component}"}}},
    }


def add_problem_responses(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """A drf-spectacular postprocessing hook: 403 (not signed in, or not allowed) and 429 (too many requests) on
    every operation, 404 where the path names an object, 400 and 409 where there is a body; an operation's own
    description of a status wins."""
    result.setdefault("components", {}).setdefault("schemas", {}).update(Problem=PROBLEM, Invalid=INVALID)
    for path, operations in result["paths"].items():
        for operation in operations.values():
            answers = {
                "403": _answer("Not signed in, or not allowed to do this.", "Problem"),
                "429": _answer("Too many requests: wait and try again.", "Problem"),
            }
            if "{" in path:
                answers["404"] = _answer("No such object, or none the caller may see.", "Problem")
            if "requestBody" in operation:
                answers["400"] = _answer("The request was refused; nothing was changed.", "Invalid")
                answers["409"] = _answer("What is stored refuses the request; nothing was changed.", "Problem")
            for status, answer in answers.items():
                operation["responses"].setdefault(status, answer)
    return result
