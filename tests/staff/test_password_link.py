"""Nobody sets another person's password: a reset sends a one-time link to the staff member's own address."""

from __future__ import annotations

import re

from django.core import mail
from django.test import Client
from django.urls import reverse

from kvp.accounts.models import User
from kvp.staff.models import StaffEvent
from tests.conftest import World, client_for
from tests.factories import PASSWORD

NEW_PASSWORD = "Eget-valgt-passord-2026"


def link_sent_to(world: World, sender: User) -> str:
    User.objects.filter(pk=world.counsellor.pk).update(email="kari@example.org")
    response = client_for(sender).post(reverse("staff_reset_link", args=[world.counsellor.pk]))
    assert response.status_code == 302
    (sent,) = mail.outbox
    assert sent.to == ["kari@example.org"]
    match = re.search(r"https?://[^/\s]+(/konto/nytt-passord/\S+/)", sent.body)
    assert match is not None
    return match.group(1)


def test_the_staff_member_chooses_their_password_from_a_link_that_works_once(world: World) -> None:
    path = link_sent_to(world, world.administrator)
    client = Client()
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    form_url = form_page.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert User.objects.get(pk=world.counsellor.pk).check_password(NEW_PASSWORD)
    actions = list(StaffEvent.objects.order_by("pk").values_list("action", "actor"))
    assert actions == [("reset_link_sent", world.administrator.pk), ("password_chosen", world.counsellor.pk)]

    replay = Client().get(path, follow=True)
    assert 'name="new_password1"' not in replay.content.decode()


def test_the_sender_never_learns_or_sets_the_password(world: World) -> None:
    link_sent_to(world, world.leader)
    assert User.objects.get(pk=world.counsellor.pk).check_password(PASSWORD)
    assert "new_password" not in client_for(world.leader).get(reverse("staff_list")).content.decode()


def test_a_counsellor_cannot_send_a_link_and_a_leader_only_for_their_office(world: World) -> None:
    assert client_for(world.colleague).post(reverse("staff_reset_link", args=[world.counsellor.pk])).status_code == 403
    other = client_for(world.leader).post(reverse("staff_reset_link", args=[world.outsider.pk]))
    assert other.status_code == 404
    assert not mail.outbox
