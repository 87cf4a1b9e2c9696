"""The participant answers on their phone in their language; staff see scores, answers and alerts."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kvp.audit.models import AuditEvent
from kvp.motivation.models import CheckIn
from tests.conftest import World, client_for
from tests.i18n import nb
from tests.motivation.builders import answered, answers, waiting


def form_data(value: int = 4, **extra: str) -> dict[str, str]:
    return {key: str(number) for key, number in answers(value).items()} | extra


def test_it_asks_in_the_participants_preferred_language(world: World) -> None:
    checkin = waiting(world.participant, timezone.localdate())  # Amina prefers Somali
    response = client_for(world.participant_user).get(reverse("my_checkin_answer", args=[checkin.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'lang="so" dir="ltr"' in page
    assert "Waxaan cod ku leeyahay qorshahayga." in page
    assert page.count('type="radio"') == 8 * 5
    assert 'class="kvp-checkin__icon"' in page
    assert AuditEvent.objects.filter(action="view", object_type="checkin").exists()


def test_the_participant_may_switch_language_and_arabic_reads_right_to_left(world: World) -> None:
    checkin = waiting(world.participant, timezone.localdate())
    page = (
        client_for(world.participant_user)
        .get(reverse("my_checkin_answer", args=[checkin.pk]), {"sprak": "ar"})
        .content.decode()
    )
    assert 'lang="ar" dir="rtl"' in page
    assert "لي رأي في خطتي." in page


def test_a_language_the_instrument_lacks_falls_back_to_bokmaal(world: World) -> None:
    world.participant.preferred_language = "ta"
    world.participant.save(update_fields=["preferred_language"])
    checkin = waiting(world.participant, timezone.localdate())
    page = client_for(world.participant_user).get(reverse("my_checkin_answer", args=[checkin.pk])).content.decode()
    assert 'lang="nb"' in page
    assert "Jeg får være med og bestemme over planen min." in page


DRAFT_NOTICE = "This translation is a draft: a qualified translator has not checked it yet."


def test_a_draft_translation_is_marked_and_the_checked_bokmal_wording_is_shown_beside_it(world: World) -> None:
    checkin = waiting(world.participant, timezone.localdate())  # Amina prefers Somali, a draft translation
    page = client_for(world.participant_user).get(reverse("my_checkin_answer", args=[checkin.pk])).content.decode()
    assert nb(DRAFT_NOTICE) in page
    assert (
        'lang="nb" dir="ltr"><div class="aksel-alert__wrapper aksel-body-long"><p class="kvp-checkin__draft">' in page
    )
    assert "Waxaan cod ku leeyahay qorshahayga." in page
    assert 'lang="nb" dir="ltr">Jeg får være med og bestemme over planen min.</p>' in page
    assert page.count('class="aksel-detail kvp-checkin__reference" lang="nb"') == 8 * 5


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_a_checked_translation_is_shown_without_a_draft_notice(world: World, language: str) -> None:
    checkin = waiting(world.participant, timezone.localdate())
    client = client_for(world.participant_user)
    page = client.get(reverse("my_checkin_answer", args=[checkin.pk]), {"sprak": language}).content.decode()
    assert "kvp-checkin__draft" not in page
    assert "kvp-checkin__reference" not in page


def test_it_stores_the_answers_and_says_thank_you_in_the_same_language(world: World) -> None:
    checkin = waiting(world.participant, timezone.localdate())
    client = client_for(world.participant_user)
    response = client.post(
        reverse("my_checkin_answer", args=[checkin.pk]), form_data(2, sprak="so", what_would_help="Shaqo dhab ah")
    )
    assert response.status_code == 302
    checkin.refresh_from_db()
    assert checkin.language == "so"
    assert checkin.scores["autonomy"] == "2.0"
    assert checkin.open_answers == {"what_would_help": "Shaqo dhab ah"}
    thanks = client.get(response["Location"]).content.decode()
    assert "Waad ku mahadsan tahay jawaabahaaga!" in thanks
    assert nb(DRAFT_NOTICE) in thanks
    assert "Takk for svarene dine!" in thanks
    again = client.get(reverse("my_checkin_answer", args=[checkin.pk]))
    assert again.status_code == 302  # answered once


def test_a_missing_answer_is_named_in_the_participants_language_and_nothing_is_saved(world: World) -> None:
    checkin = waiting(world.participant, timezone.localdate())
    data = form_data(3, sprak="so")
    del data["belong"]
    response = client_for(world.participant_user).post(reverse("my_checkin_answer", args=[checkin.pk]), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_belong-error">Fadlan ka jawaab su&#x27;aashan.' in page
    assert 'value="3" checked' in page or "checked" in page  # the other answers are kept
    checkin.refresh_from_db()
    assert not checkin.is_answered


def test_the_participant_starts_an_optional_check_in_from_my_page(world: World) -> None:
    client = client_for(world.participant_user)
    page = client.get(reverse("my_page")).content.decode()
    assert reverse("my_checkin_start") in page
    response = client.post(reverse("my_checkin_start"))
    checkin = CheckIn.objects.get()
    assert checkin.reason == "optional"
    assert response["Location"] == reverse("my_checkin_answer", args=[checkin.pk])
    assert reverse("my_checkin_answer", args=[checkin.pk]) in client.get(reverse("my_page")).content.decode()


def test_another_participants_check_in_is_not_found(world: World) -> None:
    from tests import factories

    other = factories.participant(world.office, world.counsellor, with_login=True, first_name="Yonas")
    checkin = waiting(other, timezone.localdate())
    response = client_for(world.participant_user).get(reverse("my_checkin_answer", args=[checkin.pk]))
    assert response.status_code == 404


def test_the_counsellor_sees_scores_help_and_alerts_on_the_participant_page(world: World) -> None:
    today = timezone.localdate()
    answered(world.participant, today - datetime.timedelta(days=30), value=4)
    answered(world.participant, today, value=4, say_in_plan=1, listened_to=1, help_text="Et kurs jeg velger selv")
    page = client_for(world.counsellor).get(reverse("participant_detail", args=[world.participant.pk])).content
    text = page.decode()
    assert "data:image/svg+xml;base64," in text
    assert "<script" not in text.split('id="motivation-heading"')[1]
    assert "<table" in text
    assert "Et kurs jeg velger selv" in text
    assert text.count('data-color="warning"') >= 1
    assert reverse("motivation_history", args=[world.participant.pk]) in text
    assert AuditEvent.objects.filter(actor=world.counsellor, action="view", object_type="checkin").exists()


def test_the_history_page_shows_every_answer(world: World) -> None:
    answered(world.participant, timezone.localdate(), value=5, language="so", help_text="Shaqo")
    response = client_for(world.leader).get(reverse("motivation_history", args=[world.participant.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "kvp-basic-needs v1" in text
    assert "Shaqo" in text
    assert f"({nb('a draft translation, not checked by a translator')})" in text
    assert AuditEvent.objects.filter(actor=world.leader, object_type="checkin").exists()


def test_the_history_page_does_not_call_a_checked_translation_a_draft(world: World) -> None:
    answered(world.participant, timezone.localdate(), value=5, language="nn", help_text="Jobb")
    text = client_for(world.leader).get(reverse("motivation_history", args=[world.participant.pk])).content.decode()
    assert nb("a draft translation, not checked by a translator") not in text
