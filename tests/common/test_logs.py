"""The logs as production writes them: JSON lines with a fixed set of fields, one per request, and no personal data
in them, however much of it the requests carried."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest
from django.urls import reverse

from kvp.common.logs import PrivateJsonFormatter, RedactAddresses, RequestContext, user_pseudonym
from tests.conftest import World, client_for


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    """What the configured console handler would write, from the root logger and at the configured levels."""
    configured = next(handler for handler in logging.getLogger().handlers if handler.name == "console")
    assert isinstance(configured.formatter, PrivateJsonFormatter)  # the production default
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(configured.formatter)
    for log_filter in configured.filters:
        handler.addFilter(log_filter)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield stream
    finally:
        root.removeHandler(handler)


def parsed(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_requests_touching_personal_data_leave_none_in_the_log(world: World, log_lines: io.StringIO) -> None:
    participant = world.participant
    client = client_for(world.counsellor)
    client.get(reverse("participant_detail", args=[participant.pk]), REMOTE_ADDR="10.20.30.40")
    client.post(reverse("participant_search"), {"national_id": participant.national_id})
    client.get(f"/deltakere/{participant.national_id}/?navn={participant.last_name}")  # no such route: a 404
    client.post(
        reverse("note_create", args=[participant.pk]),
        {"title": f"Samtale med {participant.first_name}", "text": f"{participant.first_name} {participant.last_name}"},
    )
    client_for(world.participant_user).get(reverse("my_page"))
    logging.getLogger("kvp.test").error("failed for %s (%s)", participant.national_id, "kari@nav.example")

    text = log_lines.getvalue()
    for personal in (
        participant.national_id,
        participant.first_name,
        participant.last_name,
        "kari@nav.example",
        world.counsellor.username,
        world.counsellor.last_name,
        "10.20.30.40",
        str(participant.pk),  # the route's pattern is logged, not the path
    ):
        assert personal not in text
    lines = parsed(log_lines)
    requests = [line for line in lines if line["logger"] == "kvp.requests"]
    assert [(line["method"], line["route"], line["status"]) for line in requests] == [
        ("GET", "/deltakere/<uuid:participant_id>/", 200),
        ("POST", "/deltakere/sok/", 200),
        ("GET", "(no route)", 404),
        ("POST", "/deltakere/<uuid:participant_id>/notater/ny/", 302),
        ("GET", "/meg/", 200),
    ]
    # the styled 404 page loads the session for its language menu, so it names the pseudonym too
    assert {requests[i]["user"] for i in (0, 1, 2, 3)} == {user_pseudonym(world.counsellor.pk)}
    assert requests[4]["user"] == user_pseudonym(world.participant_user.pk) != requests[0]["user"]
    assert all(isinstance(line["ms"], float) and len(str(line["request_id"])) == 32 for line in requests)
    assert lines[-1]["message"] == "failed for [id] ([address])"


def test_a_request_id_from_the_proxy_is_kept_and_echoed(world: World, log_lines: io.StringIO) -> None:
    response = client_for(world.counsellor).get(reverse("overview"), HTTP_X_REQUEST_ID="edge-1234abcd")
    assert response["X-Request-ID"] == "edge-1234abcd"
    assert parsed(log_lines)[-1]["request_id"] == "edge-1234abcd"
    odd = client_for(None).get(reverse("login"), HTTP_X_REQUEST_ID="<script>12345678901</script>")
    assert len(odd["X-Request-ID"]) == 32  # not well formed: a new id instead
    assert parsed(log_lines)[-1]["user"] == "anonymous"


def test_a_probe_that_never_loads_the_user_is_logged_without_one(db: None, log_lines: io.StringIO) -> None:
    client_for(None).get("/healthz")
    line = parsed(log_lines)[-1]
    assert line["route"] == "/healthz"
    assert "user" not in line


def test_fields_a_library_adds_to_a_record_are_left_out() -> None:
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Not Found: %s", ("/x",), None)
    record.request = "<WSGIRequest: GET '/deltakere/?fnr=12345678901'>"
    record.status_code = 404
    RequestContext().filter(record)
    RedactAddresses().filter(record)
    line = json.loads(PrivateJsonFormatter().format(record))
    assert set(line) == {"time", "level", "logger", "message"}
    assert line["level"] == "WARNING"
