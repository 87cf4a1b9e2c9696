"""Languages a participant may prefer or need an interpreter in (ISO 639-1/639-3 codes)."""

from django.utils.translation import gettext_lazy as _

LANGUAGE_CHOICES = [
    ("nb", _("Norwegian Bokmål")),
    ("nn", _("Norwegian Nynorsk")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("so", _("Somali")),
    ("ti", _("Tigrinya")),
    ("prs", _("Dari")),
    ("fa", _("Persian")),
    ("ps", _("Pashto")),
    ("ku", _("Kurdish (Kurmanji)")),
    ("ckb", _("Kurdish (Sorani)")),
    ("uk", _("Ukrainian")),
    ("ru", _("Russian")),
    ("pl", _("Polish")),
    ("lt", _("Lithuanian")),
    ("ur", _("Urdu")),
    ("ta", _("Tamil")),
    ("th", _("Thai")),
    ("vi", _("Vietnamese")),
    ("am", _("Amharic")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("tr", _("Turkish")),
    ("sw", _("Swahili")),
    ("se", _("Northern Sami")),
]
