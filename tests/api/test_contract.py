"""The API keeps its contract: Schemathesis, every check and every phase (stateful included), in-process against
the published schema, as a counsellor and as a participant. A fixed seed and a bounded number of examples per
operation make the run the same on every machine."""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connections
from django.middleware.csrf import _get_new_csrf_string
from hypothesis import strategies as st
from schemathesis.engine import events, from_schema
from schemathesis.transport.wsgi import WSGITransport

from kvp.rules.identity import make_synthetic
from tests.conftest import World, client_for

EXAMPLES_PER_OPERATION = 20
STATEFUL_STEPS = 6
SEED = 2026

CONFIG = f"""
seed = {SEED}
workers = 1

[generation]
max-examples = {EXAMPLES_PER_OPERATION}
deterministic = true
database = "none"
# Like every DRF text field, ours refuse the NUL character.
allow-x00 = false

[checks]
enabled = true

[phases.stateful]
max-steps = {STATEFUL_STEPS}

# A participant's plan comes with the programme (a granted case), not with the registration that a link from
# POST /participants/ to the plan suggests: there, 404 is the answer.
[[operations]]
include-path-regex = "/plan/$"
checks.ensure_resource_availability.enabled = false
"""


def national_ids() -> st.SearchStrategy[str]:
    """Numbers that pass the check digits: the `national-id` format says more than its pattern can."""
    born = st.dates(min_value=datetime.date(1930, 1, 1), max_value=datetime.date(2005, 12, 31))
    numbers = st.builds(make_synthetic, birth_date=born, individual=st.integers(min_value=0, max_value=499))
    return numbers.filter(bool)  # type: ignore[arg-type]


SOCKET_SETTINGS = ("max_redirects", "verify", "cert", "proxies")


@pytest.fixture
def app(db: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[WSGIHandler]:
    """The WSGI application inside the test's transaction. Schemathesis calls it from its worker thread, one request
    at a time, so that thread borrows this one's connection (as Django's live server does), which stays open between
    requests (as with Django's test client). Every request carries the CSRF token, as a browser sends it."""
    connection = connections["default"]
    token = _get_new_csrf_string()
    send = WSGITransport.send

    def send_in_test_transaction(self: WSGITransport, case: schemathesis.Case, **kwargs: Any) -> Any:
        connections["default"] = connection
        for name in SOCKET_SETTINGS:  # some of Schemathesis' own probes pass them; a WSGI call has no socket
            kwargs.pop(name, None)
        case.headers = {**(case.headers or {}), "X-CSRFToken": token}
        case.cookies = {**(case.cookies or {}), "csrftoken": token}
        return send(self, case, **kwargs)

    monkeypatch.setattr(WSGITransport, "send", send_in_test_transaction)
    connection.inc_thread_sharing()
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    schemathesis.openapi.format("national-id", national_ids())
    try:
        yield WSGIHandler()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
        connection.dec_thread_sharing()


def no_application_from_the_future(context: schemathesis.HookContext, body: Any) -> Any:
    """An application cannot be dated after today, which no JSON Schema keyword can say of a date."""
    if context.operation is not None and context.operation.path.endswith("/cases/") and isinstance(body, dict):
        with contextlib.suppress(KeyError, TypeError, ValueError):
            if datetime.date.fromisoformat(body["applied_on"]) > datetime.date.today():
                return body | {"applied_on": datetime.date.today().isoformat()}
    return body


def failures(app: WSGIHandler, session: str) -> list[str]:
    config = schemathesis.Config.from_str(CONFIG + f'\n[auth.openapi.cookieAuth]\napi_key = "{session}"\n')
    schema = schemathesis.openapi.from_wsgi("/api/schema/", app, config=config)
    schema.hook("map_body")(no_application_from_the_future)
    found: set[str] = set()
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            for case_id, checks in event.recorder.checks.items():
                for check in checks:
                    if check.failure_info is not None:
                        failure = check.failure_info.failure
                        response = event.recorder.find_response(case_id=case_id)
                        answer = f"{response.status_code} {response.text[:300]}" if response else ""
                        found.add(f"{event.recorder.label}: {failure.title}\n{failure.message}\n{answer}")
        elif isinstance(event, events.NonFatalError | events.FatalError):
            found.add(f"error: {event}")
    return sorted(found)


@pytest.mark.parametrize("role", ["counsellor", "participant"])
def test_the_api_answers_as_its_schema_says(app: WSGIHandler, world: World, role: str) -> None:
    user = world.user(role)
    assert user is not None
    # A counsellor without the grant may register a shielded person and then no longer see them: the registration
    # answers 201 and the same person is 404 a moment later. Here the counsellor holds the grant.
    user.may_view_shielded = role == "counsellor"
    user.save(update_fields=["may_view_shielded"])
    session = client_for(user).cookies["sessionid"].value
    found = failures(app, session)
    assert not found, "\n\n".join(found)
