"""The `kvp` command: Django's manage.py for this project (`kvp migrate`, `kvp demo`, ...)."""

import os
import sys

COMMAND_ALIASES = {"language-check": "language_check"}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kvp.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    if len(argv) > 1 and argv[1] in COMMAND_ALIASES:  # Django names commands after modules, which cannot have "-"
        argv[1] = COMMAND_ALIASES[argv[1]]
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
