"""The interface language: Django knows all nine codes, the browser's language before login, the menu's choice
remembered on the participant's profile, staff kept to the staff languages, right to left for Arabic and Dari, the
language of parts, and styled, translated error pages."""

from __future__ import annotations

import datetime

import pytest
from django.template import Context, Template
from django.template.loader import get_template
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import get_language_info

from kvp.accounts.models import User
from kvp.followup.forms import MeetingForm
from kvp.participants.access import get_participant_for_user
from kvp.participants.models import Participant
from kvp.plans.services import goal_add
from tests import factories
from tests.conftest import World, client_for

# As if Arabic and nynorsk had complete catalogues and were offered: the machinery is tested apart from the texts.
WITH_ARABIC = override_settings(
    KVP_PARTICIPANT_LANGUAGES=["nb", "nn", "en", "ar"],
    KVP_STAFF_LANGUAGES=["nb", "nn", "en"],
    LANGUAGES=[("nb", "nb"), ("nn", "nn"), ("en", "en"), ("ar", "ar")],
)


def test_django_knows_every_interface_language_with_its_own_name_and_direction() -> None:
    names = {code: get_language_info(code)["name_local"] for code in ["so", "ti", "prs", "nn", "uk", "pl"]}
    assert names == {
        "so": "Soomaali",
        "ti": "ትግርኛ",
        "prs": "دری",
        "nn": "norsk (nynorsk)",
        "uk": "Українська",
        "pl": "polski",
    }
    with translation.override("prs"):
        assert translation.get_language_bidi()
    with translation.override("so"):
        assert not translation.get_language_bidi()


@pytest.mark.parametrize(("language", "expected"), [("so", "07/12/2026"), ("ti", "07/12/2026"), ("prs", "2026/12/7")])
def test_the_added_languages_have_date_formats(language: str, expected: str) -> None:
    with translation.override(language):
        assert formats.date_format(datetime.date(2026, 12, 7), "SHORT_DATE_FORMAT") == expected


@pytest.mark.django_db
def test_before_login_the_browsers_language_is_used() -> None:
    page = Client(headers={"accept-language": "en-GB,en;q=0.9"}).get(reverse("login")).content.decode()
    assert '<html lang="en" dir="ltr">' in page
    # A language not offered yet falls back to bokmål, not half a translation.
    page = Client(headers={"accept-language": "ti"}).get(reverse("login")).content.decode()
    assert '<html lang="nb" dir="ltr">' in page


@WITH_ARABIC
@pytest.mark.django_db
def test_an_arabic_browser_gets_a_right_to_left_page_with_the_menu_named_in_each_language() -> None:
    page = Client(headers={"accept-language": "ar"}).get(reverse("login")).content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    for code, name in [("nb", "Norsk (bokmål)"), ("nn", "Norsk (nynorsk)"), ("en", "English"), ("ar", "العربيّة")]:
        assert f'value="{code}" lang="{code}" dir="auto"' in page
        assert name in page


@WITH_ARABIC
def test_the_participants_choice_is_remembered_on_the_profile_and_used_at_the_next_login(world: World) -> None:
    client = client_for(world.participant_user)
    response = client.post(reverse("set_language"), {"language": "ar", "next": reverse("my_page")})
    assert response.status_code == 302
    assert Participant.objects.get(pk=world.participant.pk).preferred_language == "ar"
    again = Client()
    again.force_login(User.objects.get(pk=world.participant_user.pk))  # as loaded at a new login
    assert '<html lang="ar" dir="rtl">' in again.get(reverse("my_page")).content.decode()


@WITH_ARABIC
def test_staff_are_kept_to_the_staff_languages(world: World) -> None:
    client = client_for(world.counsellor)
    client.post(reverse("set_language"), {"language": "ar"})
    page = client.get(reverse("overview"), headers={"accept-language": "ar"}).content.decode()
    assert '<html lang="nb" dir="ltr">' in page
    assert 'name="language" value="ar"' not in page
    client.post(reverse("set_language"), {"language": "nn"})
    assert '<html lang="nn" dir="ltr">' in client.get(reverse("overview")).content.decode()


def test_text_people_wrote_carries_its_language() -> None:
    rendered = Template(
        "{% load languages %}<p{% written_in language 'nb' %}>x</p><p{% written_in '' 'so' %}>y</p>"
    ).render(Context({"language": "ar"}))
    assert '<p lang="ar" dir="auto">x</p>' in rendered
    assert '<p lang="so" dir="auto">y</p>' in rendered


@pytest.mark.django_db
def test_a_missing_page_is_styled_translated_and_leads_back() -> None:
    response = Client().get("/finnes-ikke/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "Vi fant ikke denne siden" in page
    assert "kvp.css" in page
    assert f'href="{reverse("home")}"' in page


def test_a_forbidden_page_is_translated_for_the_person(world: World) -> None:
    client = client_for(world.participant_user)
    client.post(reverse("set_language"), {"language": "en"})
    response = client.get(reverse("overview"))
    assert response.status_code == 403
    assert "You do not have access to this page" in response.content.decode()


@pytest.mark.django_db
def test_an_expired_form_gets_a_styled_page() -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "x", "password": "y"})
    page = response.content.decode()
    assert response.status_code == 403
    assert "Skjemaet var utløpt" in page
    assert '<html lang="nb" dir="ltr">' in page


def test_the_server_error_page_needs_no_request_and_is_translated() -> None:
    with translation.override("en"):
        page = get_template("500.html").render({})
    assert "Something went wrong on our side" in page
    assert '<html lang="en" dir="ltr">' in page


def test_a_goal_on_the_plan_page_carries_the_language_it_was_written_in(world: World) -> None:
    case = factories.case(world.participant, world.counsellor)
    access = get_participant_for_user(world.counsellor, world.participant.pk, for_write=True)
    goal_add(actor=world.counsellor, access=access, case=case, seen_version=0, text="أريد أن أعمل", language="ar")
    page = client_for(world.participant_user).get(reverse("plan", args=[world.participant.pk])).content.decode()
    assert '<li lang="ar" dir="auto"><span class="kvp-note">أريد أن أعمل</span>' in page


def test_text_fields_take_the_direction_of_what_is_written_in_them() -> None:
    form = MeetingForm()
    assert form.fields["topic"].widget.attrs["dir"] == "auto"
    assert "dir" not in form.fields["starts_at"].widget.attrs
