from django.urls import reverse

from tests.conftest import World, client_for


def test_it_does_not_offer_participant_data_to_administrators(world: World) -> None:
    content = client_for(world.administrator).get(reverse("admin:index")).content.decode()
    assert "accounts/user" in content
    assert "participant" not in content.lower().replace("participant__isnull", "")
