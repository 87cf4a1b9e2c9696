"""Choosing occupations on "About me" by searching in your own words, with and without JavaScript."""

from __future__ import annotations

import re

from django.urls import reverse

from kvp.audit.models import AuditEvent
from kvp.plans.models import Mapping, WorkExperience
from tests.conftest import World, client_for
from tests.i18n import nb

WANTED = "about-wanted_occupations"
WORK_CODE = "work-occupation_code"


def _mapping_url(world: World) -> str:
    return reverse("mapping", args=[world.participant.pk])


def _ticked(page: str, name: str) -> list[str]:
    """The codes of the ticked boxes (or radio buttons) named `name`."""
    inputs = re.findall(rf'<input[^>]*name="{name}"[^>]*>', page)
    return [re.search(r'value="(\d*)"', tag)[1] for tag in inputs if " checked" in tag]  # type: ignore[index]


def _offered(page: str, name: str) -> list[str]:
    return re.findall(rf'name="{name}" value="(\d+)"', page)


def test_the_page_asks_for_words_and_shows_no_occupation_codes(world: World) -> None:
    page = client_for(world.participant_user).get(_mapping_url(world)).content.decode()
    assert f'<label class="aksel-form-field__label aksel-label" for="id_{WANTED}">' in page
    assert f'type="search" name="q" form="id_{WANTED}-search"' in page
    assert f'<form id="id_{WANTED}-search" method="get" action="#about"' in page
    assert f'<select name="{WANTED}"' not in page
    assert f'<select name="{WORK_CODE}"' not in page


def test_a_search_without_javascript_shows_the_matches_by_title_only(world: World) -> None:
    client = client_for(world.participant_user)
    page = client.get(_mapping_url(world), {"field": WANTED, "q": "vaskehjelp"}).content.decode()
    assert _offered(page, WANTED) == ["9111", "9112"]
    assert "Renholdere i private hjem</span>" in page
    assert "9111 Renholdere" not in page
    assert _offered(page, WORK_CODE) == []  # the search was made in the other picker


def test_a_search_in_the_work_experience_form_opens_it(world: World) -> None:
    page = client_for(world.participant_user).get(_mapping_url(world), {"field": WORK_CODE, "q": "sjåfør"})
    content = page.content.decode()
    assert "<details open>" in content.replace("<details >", "<details>").replace("<details open >", "<details open>")
    assert "8332" in _offered(content, WORK_CODE)
    assert 'type="radio" name="work-occupation_code" value="8332"' in content


def test_the_chosen_occupations_are_saved_as_codes_and_shown_ticked(world: World) -> None:
    client = client_for(world.participant_user)
    response = client.post(
        reverse("mapping_section", args=[world.participant.pk, "about"]),
        {
            "about-version": 0,
            WANTED: ["9111", "5120", "9111"],
            "about-strengths_language": "nb",
            "about-what_matters_language": "nb",
        },
    )
    assert response.status_code == 302
    assert Mapping.objects.get(participant=world.participant).wanted_occupations == ["9111", "5120"]
    page = client.get(_mapping_url(world)).content.decode()
    assert _ticked(page, WANTED) == ["9111", "5120"]
    assert "Kokker</span>" in page
    # A search shows the matches not yet chosen; the chosen stay ticked above.
    page = client.get(_mapping_url(world), {"field": WANTED, "q": "renhold"}).content.decode()
    assert _ticked(page, WANTED) == ["9111", "5120"]
    assert "9111" not in _offered(page, WANTED)[2:]


def test_unticking_every_occupation_removes_them(world: World) -> None:
    mapping = Mapping.objects.create(participant=world.participant, wanted_occupations=["9111"])
    response = client_for(world.participant_user).post(
        reverse("mapping_section", args=[world.participant.pk, "about"]),
        {"about-version": mapping.version, "about-strengths_language": "nb", "about-what_matters_language": "nb"},
    )
    assert response.status_code == 302
    assert Mapping.objects.get(participant=world.participant).wanted_occupations == []


def test_an_occupation_outside_the_list_is_refused(world: World) -> None:
    response = client_for(world.participant_user).post(
        reverse("mapping_section", args=[world.participant.pk, "about"]),
        {"about-version": 0, WANTED: ["0000"], "about-strengths_language": "nb", "about-what_matters_language": "nb"},
    )
    assert response.status_code == 400
    assert not Mapping.objects.filter(participant=world.participant).exists()


def test_work_experience_stores_the_chosen_occupation_code(world: World) -> None:
    response = client_for(world.participant_user).post(
        reverse("mapping_row_add", args=[world.participant.pk, "arbeid"]),
        {"work-occupation": "Sjåfør for et flyttebyrå", WORK_CODE: "8332", "work-years": "3", "work-language": "nb"},
    )
    assert response.status_code == 302
    row = WorkExperience.objects.get(mapping__participant=world.participant)
    assert (row.occupation, row.occupation_code) == ("Sjåfør for et flyttebyrå", "8332")


def test_work_experience_may_leave_the_occupation_unchosen(world: World) -> None:
    response = client_for(world.participant_user).post(
        reverse("mapping_row_add", args=[world.participant.pk, "arbeid"]),
        {"work-occupation": "Litt av hvert", WORK_CODE: "", "work-years": "1", "work-language": "nb"},
    )
    assert response.status_code == 302
    assert WorkExperience.objects.get(mapping__participant=world.participant).occupation_code == ""


def _search(world: World, user: object, **params: object) -> str:
    response = client_for(user).get(reverse("occupation_search"), params)  # type: ignore[arg-type]
    assert response.status_code == 200
    return response.content.decode()


def test_the_endpoint_gives_the_matches_as_check_boxes_best_first(world: World) -> None:
    page = _search(world, world.participant_user, field=WANTED, q="kokk", multiple="1")
    assert _offered(page, WANTED) == ["5120", "3434"]
    assert 'type="checkbox"' in page
    assert "<legend" in page


def test_the_endpoint_gives_radio_buttons_for_one_occupation(world: World) -> None:
    page = _search(world, world.counsellor, field=WORK_CODE, q="truck driver")
    assert _offered(page, WORK_CODE)[0] == "8332"
    assert 'type="radio"' in page


def test_the_endpoint_keeps_the_boxes_ticked_before_the_search(world: World) -> None:
    page = _search(world, world.participant_user, field=WANTED, q="kokk", multiple="1", **{WANTED: "9111"})
    assert _ticked(page, WANTED) == ["9111"]
    assert _offered(page, WANTED) == ["9111", "5120", "3434"]


def test_the_endpoint_says_when_nothing_matches_and_nothing_for_no_words(world: World) -> None:
    nothing = nb("No occupation matches “%(text)s”. Try another word for the work.") % {"text": "xyzzy"}
    assert nothing in _search(world, world.participant_user, field=WANTED, q="xyzzy")
    assert _search(world, world.participant_user, field=WANTED, q=" ").strip() == ""


def test_the_endpoint_refuses_a_malformed_field_name_and_writes_no_audit_record(world: World) -> None:
    client = client_for(world.participant_user)
    assert client.get(reverse("occupation_search"), {"field": '"><script>', "q": "kokk"}).status_code == 400
    before = AuditEvent.objects.count()
    _search(world, world.participant_user, field=WANTED, q="kokk")
    assert AuditEvent.objects.count() == before
