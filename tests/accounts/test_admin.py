from django.urls import reverse

from kvp.accounts.models import User
from tests.conftest import World, client_for
from tests.i18n import nb


def test_it_explains_that_a_counsellor_needs_an_office(world: World) -> None:
    client = client_for(world.administrator)
    url = reverse("admin:accounts_user_change", args=[world.colleague.pk])
    data = {
        "username": world.colleague.username,
        "first_name": "Ola",
        "last_name": "Hansen",
        "office": "",
        "is_counsellor": "on",
        "is_active": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "08:00:00",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert nb("Counsellors and office leaders must belong to an office.") in response.content.decode()
    assert User.objects.get(pk=world.colleague.pk).office == world.office


def test_it_does_not_offer_participant_data_to_administrators(world: World) -> None:
    content = client_for(world.administrator).get(reverse("admin:index")).content.decode()
    assert "accounts/user" in content
    assert "participant" not in content.lower().replace("participant__isnull", "")
