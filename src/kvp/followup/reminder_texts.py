"""The meeting reminder's wording, per language, as data (E16: reminders in the participant's language).

A reminder holds no personal data: only that there is a meeting with NAV, its date and time, and a link to log
in and see more. `{date}` is written as 03.12.2026 and `{time}` as 10:00 in every language.

Only bokmål, nynorsk and English were written by the team. The other wordings are our own drafts and are marked
`reviewed=False`: they must be checked by a qualified translator (statsautorisert translatør or a translator
NAV uses) before the reminders are switched on for these languages. A language without wording gets bokmål.
"""

from __future__ import annotations

from dataclasses import dataclass

FALLBACK = "nb"


@dataclass(frozen=True)
class ReminderText:
    subject: str
    body: str  # with {date}, {time} and {link}
    reviewed: bool  # False: needs review by a qualified translator


REMINDER_TEXTS: dict[str, ReminderText] = {
    "nb": ReminderText(
        subject="Påminnelse: du har et møte med NAV",
        body="Du har et møte med NAV {date} klokka {time}.\nLogg inn for å se mer om møtet:\n{link}",
        reviewed=True,
    ),
    "nn": ReminderText(
        subject="Påminning: du har eit møte med NAV",
        body="Du har eit møte med NAV {date} klokka {time}.\nLogg inn for å sjå meir om møtet:\n{link}",
        reviewed=True,
    ),
    "en": ReminderText(
        subject="Reminder: you have a meeting with NAV",
        body="You have a meeting with NAV on {date} at {time}.\nLog in to see more about the meeting:\n{link}",
        reviewed=True,
    ),
    # NEEDS REVIEW by a qualified translator: Somali.
    "so": ReminderText(
        subject="Xusuusin: waxaad ballan la leedahay NAV",
        body="Waxaad ballan la leedahay NAV {date} saacadda {time}.\nGal si aad wax badan uga ogaato ballanta:\n{link}",
        reviewed=False,
    ),
    # NEEDS REVIEW by a qualified translator: Arabic (right to left; the e-mail is plain text).
    "ar": ReminderText(
        subject="تذكير: لديك موعد مع NAV",
        body="لديك موعد مع NAV بتاريخ {date} الساعة {time}.\nسجّل الدخول لمعرفة المزيد عن الموعد:\n{link}",
        reviewed=False,
    ),
    # NEEDS REVIEW by a qualified translator: Tigrinya.
    "ti": ReminderText(
        subject="መዘኻኸሪ፡ ምስ NAV ቆጸራ ኣለኩም",
        body="ብ{date} ሰዓት {time} ምስ NAV ቆጸራ ኣለኩም።\nብዛዕባ እቲ ቆጸራ ዝያዳ ንምፍላጥ እተዉ፡\n{link}",
        reviewed=False,
    ),
    # NEEDS REVIEW by a qualified translator: Ukrainian.
    "uk": ReminderText(
        subject="Нагадування: у вас зустріч з NAV",
        body="У вас зустріч з NAV {date} о {time}.\nУвійдіть, щоб дізнатися більше про зустріч:\n{link}",
        reviewed=False,
    ),
    # NEEDS REVIEW by a qualified translator: Polish.
    "pl": ReminderText(
        subject="Przypomnienie: masz spotkanie z NAV",
        body="Masz spotkanie z NAV {date} o godzinie {time}.\nZaloguj się, aby zobaczyć więcej o spotkaniu:\n{link}",
        reviewed=False,
    ),
    # NEEDS REVIEW by a qualified translator: Dari (right to left; the e-mail is plain text).
    "prs": ReminderText(
        subject="یادآوری: شما با NAV ملاقات دارید",
        body=(
            "شما به تاریخ {date} ساعت {time} با NAV ملاقات دارید.\n"
            "برای دیدن معلومات بیشتر در مورد ملاقات وارد شوید:\n{link}"
        ),
        reviewed=False,
    ),
}


def reminder_text(language: str) -> tuple[str, ReminderText]:
    """The language used and its wording: the participant's language if we have it, else bokmål."""
    if language in REMINDER_TEXTS:
        return language, REMINDER_TEXTS[language]
    return FALLBACK, REMINDER_TEXTS[FALLBACK]
