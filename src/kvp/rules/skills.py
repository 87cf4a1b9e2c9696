"""Skill levels the mapping records and activities require (E13, E14).

Norwegian per skill on the Common European Framework (CEFR, as the Norwegian tests report it);
digital skills on a short scale a counsellor and participant can agree on in a conversation.
"""

from __future__ import annotations

from enum import StrEnum

from kvp.rules.texts import N_


class Cefr(StrEnum):
    """A CEFR level; PRE_A1 is "not yet A1"."""

    PRE_A1 = "pre_a1"
    A1 = "a1"
    A2 = "a2"
    B1 = "b1"
    B2 = "b2"
    C1 = "c1"

    @property
    def rank(self) -> int:
        return _CEFR_RANK[self]

    @property
    def label(self) -> str:
        return N_("below A1") if self is Cefr.PRE_A1 else self.value.upper()


class NorwegianSkill(StrEnum):
    LISTENING = "listening"
    READING = "reading"
    SPEAKING = "speaking"
    WRITING = "writing"


SKILL_LABELS = {
    NorwegianSkill.LISTENING: N_("listening"),
    NorwegianSkill.READING: N_("reading"),
    NorwegianSkill.SPEAKING: N_("speaking"),
    NorwegianSkill.WRITING: N_("writing"),
}


class DigitalLevel(StrEnum):
    NONE = "none"  # has not used a computer or smartphone apps for forms
    BASIC = "basic"  # uses a phone for messages and video; needs help with forms and job sites
    INDEPENDENT = "independent"  # fills in forms, uses e-mail and job sites alone
    ADVANCED = "advanced"  # office software, learns new systems alone

    @property
    def rank(self) -> int:
        return _DIGITAL_RANK[self]


_CEFR_RANK = {level: index for index, level in enumerate(Cefr)}  # the order the levels are declared in
_DIGITAL_RANK = {level: index for index, level in enumerate(DigitalLevel)}


DIGITAL_LABELS = {
    DigitalLevel.NONE: N_("no digital experience yet"),
    DigitalLevel.BASIC: N_("basic: phone, messages and video"),
    DigitalLevel.INDEPENDENT: N_("independent: forms, e-mail and job sites"),
    DigitalLevel.ADVANCED: N_("advanced: office software and new systems"),
}
