"""`kvp makemessages` that also extracts texts the pure rules mark with N_ or NC_ (see kvp.rules.texts)."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=N_", "--keyword=NC_:1c,2"]
