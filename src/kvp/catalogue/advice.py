"""Recommendations and flags for one participant, in the reader's language (E3, E4, E9, E11)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kvp.catalogue.facts import episodes_by_participant, holds_of, offer_facts, profile_of
from kvp.catalogue.models import Offer
from kvp.catalogue.selectors import providers_with_unresolved_incidents
from kvp.parameters.selectors import OfficeRef, read_once, rules_for
from kvp.participants.models import Participant
from kvp.plans.selectors import shown_value
from kvp.rules.fit import Reason
from kvp.rules.practice_flags import Flag, FlagRules, practice_flags
from kvp.rules.recommendations import recommend


@dataclass(frozen=True)
class Shown:
    text: str
    evidence: str
    weight: Any = None
    items: tuple[str, ...] = ()


def _text(message: str, params: dict[str, Any], labels: dict[str, str]) -> str:
    values = {name: shown_value(value) for name, value in params.items()}
    return _(message) % (values | {name: _(label) for name, label in labels.items()})


# The reasons as said to the participant, by their staff wording in kvp.rules.recommendations: "you", not
# "the participant". A reason that names nobody reads the same to both.
TO_PARTICIPANT = {
    "Not available yet: this offer requires “%(requirement)s”, which is not met.": gettext_noop(
        "Not yet for you: this offer requires “%(requirement)s”, and you do not have that yet."
    ),
    "Not available yet: a requirement for this offer is not met.": gettext_noop(
        "Not yet for you: you do not meet one of the requirements of this offer yet."
    ),
    "Vocational Norwegian combines language practice at a workplace with tuition, which works well for a "
    "participant at Norwegian level %(level)s.": gettext_noop(
        "Here you learn Norwegian at a workplace and in class. That works well when your Norwegian is at level "
        "%(level)s."
    ),
    "A long course (%(weeks)s weeks) without a formal qualification keeps the participant away from work for a "
    "long time.": gettext_noop(
        "The course is long (%(weeks)s weeks) and gives no formal qualification. It keeps you away from work for "
        "a long time."
    ),
    "Training first: people with little formal education benefit especially from training.": gettext_noop(
        "Training first: if you have little schooling, training helps you the most."
    ),
    "Work practice without training alongside it: for people with little formal education, training first "
    "gives better results.": gettext_noop(
        "This is work practice without any training. If you have little schooling, training first works better."
    ),
    "Combines with the Norwegian training the participant already has: practice together with training works "
    "best.": gettext_noop(
        "This goes well with the Norwegian course you take now. Practice and a course together work best."
    ),
    "The work is done mostly alone, which gives little chance to practise Norwegian at level %(level)s.": (
        gettext_noop("Here you mostly work alone. Then you get little chance to practise your Norwegian.")
    ),
    "A mentor follows the participant up at the workplace.": gettext_noop("A mentor helps you at the workplace."),
    "The participant said they are interested in this offer.": gettext_noop(
        "You said that you are interested in this offer."
    ),
    "The participant's wish number %(rank)s among the offers the match could give them.": gettext_noop(
        "This was your wish number %(rank)s."
    ),
    "%(years)s years of work experience as %(occupation)s can count towards a trade certificate as a "
    "praksiskandidat (the experience route).": gettext_noop(
        "Your %(years)s years of work as %(occupation)s can count towards a trade certificate."
    ),
    "Fits the participant's goal of working as %(goal)s.": gettext_noop("This fits your goal: to work as %(goal)s."),
    "Builds on the participant's work experience as %(occupation)s.": gettext_noop(
        "This builds on your work as %(occupation)s."
    ),
    "Needs Norwegian at level %(needed)s; the participant's level is %(level)s so far.": gettext_noop(
        "You need Norwegian at level %(needed)s. Your level is %(level)s now."
    ),
    "Needs digital skills at the level “%(needed)s”; the participant's level is “%(level)s”.": gettext_noop(
        "You need to use a PC or phone at the level “%(needed)s”. Your level is “%(level)s”."
    ),
    "The participant already has %(years)s years of work experience as %(occupation)s. More practice in work "
    "already mastered rarely leads to a job without a qualification.": gettext_noop(
        "You have worked %(years)s years as %(occupation)s. More practice in work you know well seldom gives "
        "a job without a qualification."
    ),
}


def _reason(reason: Reason, *, to_participant: bool = False) -> Shown:
    text = TO_PARTICIPANT.get(reason.text, reason.text) if to_participant else reason.text
    return Shown(_text(text, reason.params, reason.labels), reason.evidence, reason.weight)


@dataclass(frozen=True)
class ShownRecommendation:
    offer: Offer
    score: Any
    available: bool
    reasons: list[Shown]


def recommendations_for(
    participant: Participant, offers: list[Offer], *, to_participant: bool = False
) -> list[ShownRecommendation]:
    """The office's current offers ranked for the participant, each with its reasons and their evidence; the
    reasons speak to the participant when they read their own."""
    holds = holds_of(participant)
    incidents = providers_with_unresolved_incidents()
    by_id = {str(offer.pk): offer for offer in offers}
    ranked = recommend(profile_of(participant), [offer_facts(offer, holds, incidents) for offer in offers])
    return [
        ShownRecommendation(
            by_id[item.offer_id],
            item.score,
            item.available,
            [_reason(r, to_participant=to_participant) for r in item.reasons],
        )
        for item in ranked
    ]


def flag_rules(office: OfficeRef, *, on: datetime.date) -> FlagRules:
    return rules_for(office, on=on).flags


def _flag(flag: Flag) -> Shown:
    return Shown(_text(flag.message, flag.params, flag.labels), flag.evidence, items=flag.episodes)


@read_once()
def flags_for(participants: list[Participant], today: datetime.date | None = None) -> dict[str, list[Shown]]:
    """Practice-loop, lock-in and no-work-contact flags per participant (E4, E9), in two queries."""
    today = today or timezone.localdate()
    offices = {str(participant.pk): participant.office_id for participant in participants}
    episodes = episodes_by_participant([participant.pk for participant in participants])
    return {
        key: [_flag(flag) for flag in practice_flags(found, today=today, rules=flag_rules(offices[key], on=today))]
        for key, found in episodes.items()
    }
