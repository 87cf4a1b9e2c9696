"""A match run on a real server: the web process runs it on a thread of its own (no other server), and the page
follows its progress across reloads to the results."""

from __future__ import annotations

from django.urls import reverse

from tests.operations.live import Browser, Databases

FORM = {"mode": "optimal", "period_start": "2026-12-01", "period_end": "2027-01-31", "wish_weight": "1"}


def test_a_match_runs_in_the_web_process_and_its_page_leads_to_the_results(live_databases: Databases) -> None:
    site = live_databases.copy("match_job")
    session = live_databases.seeded["counsellors"][0]["sessions"][0]
    with site.server() as server:
        browser = Browser(server, session)
        started = browser.post(reverse("match_runs"), FORM)
        assert started.status == 302
        assert "/fordeling/jobb/" in started.location
        page = browser.get(started.location)  # a reload while it runs, or after: never an error
        assert page.status in {200, 302}
        done = browser.job_outcome(started.location)
        assert done.status == 302, done.body[-2000:]
        results = browser.get(done.location)
        assert results.status == 200
        errors = server.server_errors()
    assert "Traceback" not in errors
    assert site.rows("SELECT status FROM common_job") == [("done",)]
    assert site.rows("SELECT count(*) FROM matching_matchrun") == [(1,)]
