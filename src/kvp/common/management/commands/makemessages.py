"""`kvp makemessages` that also extracts texts the pure rules mark with N_ (see kvp.rules.texts)."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=N_"]
