"""A marker for user-facing texts in the pure rules: `N_("…")` returns the text unchanged, and
`kvp makemessages` extracts it (xgettext --keyword=N_) so the app can show it translated."""


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    return message


def NC_(context: str, message: str) -> str:  # noqa: N802 - named like N_
    """`N_` with a gettext context (xgettext --keyword=NC_:1c,2), for texts translated on their own terms."""
    return message
