"""Logging without personal data: e-mail addresses in a record's message are blanked before it is written."""

from __future__ import annotations

import logging
import re

ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


class RedactAddresses(logging.Filter):
    """Replaces anything shaped like an e-mail address in the formatted message (arguments included)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if ADDRESS.search(message):
            record.msg = ADDRESS.sub("[address]", message)
            record.args = None
        if record.exc_info and not record.exc_text:  # an SMTP error's text may hold the address
            record.exc_text = ADDRESS.sub("[address]", logging.Formatter().formatException(record.exc_info))
        return True
