from django.utils import translation


def nb(message: str) -> str:
    """The bokmål text users see for an English message id; fails if it is not translated."""
    with translation.override("nb"):
        text = translation.gettext(message)
    assert text != message, f"not translated to bokmål: {message!r}"
    return text


CONFLICT = "This was changed by someone else since you opened it. Here is what changed: %(changes)s"
