"""The load test's people, in the seeded demo: `python -m bench.load_users COUNSELLORS PARTICIPANTS` with
DATABASE_URL set. Takes the counsellors with the most participants in the programme and participants in the
programme who are not shielded, gives those without a login one (no password: they are signed in directly), and
prints their session cookies and the ids their requests need, as JSON."""

from __future__ import annotations

import json
import sys

import django


def main(counsellors: int, participants: int) -> None:
    django.setup()
    from django.conf import settings
    from django.db.models import Count, Q
    from django.test import Client

    from kvp.accounts.models import User
    from kvp.participants.models import Participant

    in_programme = Q(cases__status__in=["granted", "active", "extended"])
    staff = (
        User.objects.filter(is_counsellor=True, may_view_shielded=False)
        .annotate(
            caseload=Count(
                "assigned_participants", filter=Q(assigned_participants__in=Participant.objects.filter(in_programme))
            )
        )
        .order_by("-caseload", "username")[:counsellors]
    )
    people = list(
        Participant.objects.filter(in_programme, shielded=False, counsellor__isnull=False)
        .distinct()
        .order_by("national_id")[:participants]
    )
    if len(people) < participants or len(staff) < counsellors:
        raise SystemExit("the seeded office is too small for that many people")

    def session(user: User) -> str:
        client = Client()
        client.force_login(user)
        return client.cookies[settings.SESSION_COOKIE_NAME].value

    for number, person in enumerate(people):
        if person.user is None:
            person.user = User.objects.create(username=f"lasttest{number:04d}", first_name=person.first_name)
            person.user.set_unusable_password()
            person.user.save(update_fields=["password"])
            person.save(update_fields=["user"])
    out = {
        "counsellors": [
            {
                "session": session(user),
                "participants": [
                    str(pk)
                    for pk in Participant.objects.filter(in_programme, counsellor=user)
                    .distinct()
                    .values_list("pk", flat=True)[:20]
                ],
            }
            for user in staff
        ],
        "participants": [{"session": session(person.user), "id": str(person.pk)} for person in people if person.user],
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
