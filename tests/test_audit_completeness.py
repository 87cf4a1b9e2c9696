"""Every response that shows a participant's personal data leaves an audit record of that request.

Runs over the access matrix (every URL × method × role), and once more with an empty, invalid form for
every POST, since an invalid form re-renders a page full of the participant's data. A response shows the
data when it carries the participant's national identity number or full name; a PDF about the
participant always does.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.http import HttpResponse

from kvp.audit.models import AuditEvent
from tests.access import Endpoint
from tests.conftest import ROLES, World, client_for
from tests.test_access_matrix import ENDPOINTS, _case_for

VARIANTS = [(endpoint, "valid") for endpoint in ENDPOINTS]
VARIANTS += [(endpoint, "invalid") for endpoint in ENDPOINTS if endpoint.method == "post"]


def shows_participant_data(response: HttpResponse, world: World, sent: dict[str, Any]) -> bool:
    """Whether the page's content (not the header, which shows a signed-in participant their own name)
    carries the participant's data. A number the user typed and sees echoed back is not a disclosure."""
    if 300 <= response.status_code < 400 or getattr(response, "streaming", False):
        return False
    if response.get("Content-Type", "").startswith("application/pdf"):
        return True
    content = response.content.decode(errors="replace").split("<main", 1)[-1]
    person = world.participant
    typed_number = person.national_id in sent.values()
    return (person.national_id in content and not typed_number) or f"{person.first_name} {person.last_name}" in content


def request(world: World, endpoint: Endpoint, case: Any, data: dict[str, Any], role: str) -> HttpResponse:
    client = client_for(world.user(role))
    url = endpoint.url(world, case)
    if endpoint.method == "get":
        return client.get(url)
    if endpoint.api:
        return client.post(url, data, content_type="application/json")
    return client.post(url, data)


@pytest.mark.parametrize("role", [role for role in ROLES if role != "anonymous"])
@pytest.mark.parametrize(
    ("endpoint", "variant"), VARIANTS, ids=lambda v: v if isinstance(v, str) else f"{v.method}-{v.name}"
)
def test_every_response_showing_a_participants_data_is_audited(
    world: World, endpoint: Endpoint, variant: str, role: str
) -> None:
    case = endpoint.setup(world) if endpoint.setup else _case_for(endpoint, world)
    # Records written while the test data was built do not count: only this request's.
    setup_done = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    data: dict[str, Any] = endpoint.data(world, case) if variant == "valid" else {}
    response = request(world, endpoint, case, data, role)
    if not shows_participant_data(response, world, data):
        return
    assert written_count(setup_done, world, role), (
        f"{endpoint.method.upper()} {endpoint.name} ({variant}) showed the data unaudited"
    )


def written_count(after: int, world: World, role: str) -> int:
    return AuditEvent.objects.about(world.participant.pk).filter(pk__gt=after, actor=world.user(role)).count()
