import pytest
from django.urls import reverse

from tests import factories
from tests.access import Endpoint
from tests.accounts.admin_access_rows import admin_endpoints
from tests.conftest import World, client_for


def test_it_does_not_offer_participant_data_to_administrators(world: World) -> None:
    content = client_for(world.administrator).get(reverse("admin:index")).content.decode()
    assert "accounts/user" in content
    assert "participant" not in content.lower().replace("participant__isnull", "")


@pytest.mark.parametrize("endpoint", admin_endpoints(), ids=lambda e: f"{e.method}-{e.name}")
def test_an_administrator_given_the_role_on_the_staff_pages_works_as_the_first_one(
    world: World, endpoint: Endpoint
) -> None:
    """The role given by two people is what lets an administrator in, not Django's superuser flag or per-model
    permissions, which nobody here grants."""
    granted = factories.staff("bo_admin", None, is_administrator=True, is_staff=True)
    case = endpoint.setup(world) if endpoint.setup else None
    client = client_for(granted)
    url, data = endpoint.url(world, case), endpoint.data(world, case)
    response = client.get(url) if endpoint.method == "get" else client.post(url, data)
    assert response.status_code == endpoint.expected["administrator"]
