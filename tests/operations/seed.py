"""Migrates a live test database and gives it an office: counsellors signed in with two sessions each (two
browsers), their participants with a conversation each. Run as `python -m tests.operations.seed` with
DATABASE_URL set; prints what the tests need as JSON."""

from __future__ import annotations

import json
import sys

import django


def main() -> None:
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from kvp.participants.access import check_participant_access
    from tests import factories

    call_command("migrate", verbosity=0, interactive=False)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from kvp.dialog.services import thread_start

    office = factories.office()
    counsellors = []
    for number in range(int(sys.argv[1]) if len(sys.argv) > 1 else 4):
        user = factories.staff(f"veileder_{number}", office, is_counsellor=True)
        people = []
        for person_number in range(2):
            person = factories.participant(office, user, first_name=f"Person{person_number}", last_name=f"Nr{number}")
            thread = thread_start(
                actor=user,
                access=check_participant_access(user, person),
                subject="Oppfølging",
                text="Hei, hvordan går det?",
                language="nb",
            )
            people.append({"id": str(person.pk), "thread": str(thread.pk)})
        sessions = []
        for _browser in range(2):
            client = Client()
            client.force_login(user)
            sessions.append(client.cookies[settings.SESSION_COOKIE_NAME].value)
        counsellors.append({"id": user.pk, "sessions": sessions, "participants": people})
    print(json.dumps({"counsellors": counsellors}))


if __name__ == "__main__":
    main()
