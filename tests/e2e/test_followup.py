"""Close follow-up in the browser: the counsellor finds a participant without contact for 14 days,
books a meeting with a Somali phone interpreter and publishes the notes; the participant answers a check-in in
Somali with a low say in their plan; the counsellor's overview shows the alert with the declined proposal
beside it."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from kvp.followup.models import Meeting, MeetingNoteVersion
from kvp.motivation.models import CheckIn
from kvp.rules.measures import MEASURE_LABELS, MeasureType
from tests.conftest import World
from tests.e2e.test_counsellor_and_participant import log_in
from tests.i18n import nb
from tests.motivation.builders import answered
from tests.motivation.test_alerts import declined_proposal

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SAY_IN_PLAN = "Waxaan cod ku leeyahay qorshahayga."  # "I have a say in my plan" in the shipped instrument
LISTENED_TO = "La-taliyahaygu wuu dhegaystaa waxa aan rabo."


def test_follow_up_from_no_contact_to_a_motivation_alert(browser: Browser, live_server: object, world: World) -> None:
    base_url = str(live_server)
    today = timezone.localdate()
    proposal = declined_proposal(world, today - datetime.timedelta(days=10))  # opens the case, too
    answered(world.participant, today - datetime.timedelta(days=30), value=4)
    name = f"{world.participant.last_name}, {world.participant.first_name}"

    desk = browser.new_page(locale="nb-NO")
    log_in(desk, base_url, world.counsellor.username)
    desk.get_by_role("link", name=nb("My participants")).click()
    desk.get_by_label(nb("No contact in %(days)s days") % {"days": 14}).check()
    desk.get_by_role("button", name=nb("Filter")).click()
    desk.get_by_role("link", name=name).click()

    desk.get_by_text(nb("Register meeting")).click()
    started = timezone.localtime() - datetime.timedelta(hours=1)
    desk.get_by_label(nb("Time")).fill(started.strftime("%Y-%m-%dT%H:%M"))
    desk.get_by_label(nb("Topic")).fill("Oppfølging av planen")
    desk.get_by_label(re.compile(rf"^{nb('Interpreter')} \(")).select_option("so")  # "(optional)" follows
    desk.get_by_label(nb("The interpreter takes part")).select_option(Meeting.InterpreterForm.PHONE)
    desk.get_by_label(nb("Interpreter booked")).check()
    desk.get_by_role("button", name=nb("Save meeting")).click()
    meeting = Meeting.objects.get(participant=world.participant)
    assert (meeting.interpreter_language, meeting.interpreter_form, meeting.interpreter_booked) == ("so", "phone", True)

    desk.goto(f"{base_url}/moter/{meeting.pk}/")
    desk.get_by_label(nb("Held"), exact=True).check()
    desk.get_by_label(nb("Was the interpreter used?")).select_option("yes")
    desk.get_by_role("button", name=nb("Record outcome")).click()
    desk.get_by_role("link", name=nb("Write notes")).click()
    desk.get_by_label(nb("Notes from the meeting")).fill("Vi gikk gjennom planen. Neste møte om to uker.")
    desk.get_by_role("button", name=nb("Publish to the participant")).click()
    assert MeetingNoteVersion.objects.get().text == "Vi gikk gjennom planen. Neste møte om to uker."

    phone = browser.new_page(locale="nb-NO", viewport={"width": 390, "height": 844}, is_mobile=True)
    log_in(phone, base_url, world.participant_user.username)
    phone.goto(f"{base_url}/meg/moter/{meeting.pk}/")
    expect(phone.get_by_text("Vi gikk gjennom planen.", exact=False)).to_be_visible()
    phone.goto(f"{base_url}/meg/")
    phone.get_by_role("button", name=nb("Answer a few questions")).click()
    expect(phone.get_by_role("heading", name="Sidee wax u socdaan?")).to_be_visible()  # Somali, their language
    for fieldset in phone.locator("fieldset").all():
        legend = fieldset.locator("legend").inner_text()
        fieldset.get_by_text("Maya" if legend in (SAY_IN_PLAN, LISTENED_TO) else "Haa", exact=True).click()
    phone.get_by_role("button", name="Dir jawaabaha").click()
    expect(phone.get_by_text("Waad ku mahadsan tahay jawaabahaaga!", exact=False)).to_be_visible()
    answer = CheckIn.objects.filter(answered_at__isnull=False).latest("answered_at")
    assert answer.language == "so"

    desk.get_by_role("link", name=nb("My participants")).click()
    row = desk.locator("tr", has=desk.get_by_role("link", name=name))
    row.get_by_text(nb("Motivation dropped")).click()
    declined = nb("%(date)s: proposal declined – %(title)s") % {
        "date": (today - datetime.timedelta(days=10)).strftime("%d.%m.%Y"),
        "title": nb(MEASURE_LABELS[MeasureType(proposal.measure_type)]),
    }
    expect(row.get_by_text(declined)).to_be_visible()
