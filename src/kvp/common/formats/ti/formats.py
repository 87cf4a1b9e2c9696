"""Tigrinya date and number formats (Unicode CLDR, locale ti): as Somali's, day month year, full stop for decimals."""

from kvp.common.formats.so.formats import *  # noqa: F403
