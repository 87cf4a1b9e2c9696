"""A marker for user-facing texts in the pure rules: `N_("…")` returns the text unchanged, and
`kvp makemessages` extracts it (xgettext --keyword=N_) so the app can show it translated."""


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    return message
