from django.utils import translation


def nb(message: str) -> str:
    """The bokmål text users see for an English message id; fails if it is not translated."""
    with translation.override("nb"):
        text = translation.gettext(message)
    assert text != message, f"not translated to bokmål: {message!r}"
    return text
