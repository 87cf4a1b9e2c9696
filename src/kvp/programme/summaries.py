"""What a decision and a benefit statement mean for the participant, in plain sentences addressed to them.

The participant's pages start with these; the letter's legal text and the full calculation follow below.
Each sentence is whole, with named values, so it translates as a whole (kvp.common.formatting formats the
dates and amounts in the reader's language).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kvp.common.formatting import day, kroner, masked_national_id
from kvp.programme.appeals import earliest_appeal_deadline
from kvp.programme.benefits import benefit_for_period, payment_periods
from kvp.programme.letters import Letter
from kvp.programme.models import Decision
from kvp.rules.benefit import DayKind, Statement, UnknownRateDateError


@dataclass(frozen=True)
class DecisionSummary:
    """The decision in a few sentences to the participant: what it means, the money, and how to complain."""

    meaning: str
    money: str
    complain: str
    complain_by: str


def decision_summary(*, decision: Decision) -> DecisionSummary:
    case = decision.case
    if decision.kind == Decision.Kind.GRANT:
        meaning = _("You get the qualification programme from %(start)s to %(end)s.") % {
            "start": day(decision.starts_on),
            "end": day(decision.ends_on),
        }
    elif decision.kind == Decision.Kind.STOP:
        meaning = _("Your qualification programme stops on %(end)s. The benefit stops then too.") % {
            "end": day(decision.ends_on)
        }
    else:
        meaning = _("You do not get the qualification programme. The reasons are in the decision below.")
    deadline = earliest_appeal_deadline(decision)
    return DecisionSummary(
        meaning=meaning,
        money=_first_month(decision) if decision.kind == Decision.Kind.GRANT else "",
        complain=_("If you disagree, you can complain. Send your complaint to %(office)s.")
        % {"office": case.participant.office.name},
        complain_by=_(
            "Your complaint must reach us within three weeks after you got the decision. Send it by %(day)s to be safe."
        )
        % {"day": day(deadline)}
        if deadline
        else "",
    )


def masked_letter(letter: Letter) -> Letter:
    """The letter as the participant's page shows it: the national identity number masked (the letter they
    get, the PDF, keeps the whole number, which identifies them in law). The number is the header's second
    line (kvp.programme.letters)."""
    header = [
        (label, masked_national_id(value) if index == 1 else value)
        for index, (label, value) in enumerate(letter.header)
    ]
    return replace(letter, header=header)


def _first_month(decision: Decision) -> str:
    """What the first payment period brings, once the case has its programme dates and a rate is known."""
    periods = payment_periods(decision.case)
    if not periods:
        return _("You get the qualification benefit every month while you are in the programme.")
    try:
        statement = benefit_for_period(decision.case, periods[0])
    except UnknownRateDateError:
        return _("You get the qualification benefit every month while you are in the programme.")
    return _(
        "You get the qualification benefit every month. From %(start)s to %(end)s you get %(amount)s before tax."
    ) % {
        "start": day(statement.start),
        "end": day(statement.end),
        "amount": kroner(statement.total_ore),
    }


@dataclass(frozen=True)
class BenefitSummary:
    """The period's amount in one sentence, and why, in sentences to the participant."""

    amount: str
    reasons: list[str]


def benefit_summary(*, statement: Statement) -> BenefitSummary:
    lines = statement.lines
    paid = [line for line in lines if line.rates.kind is DayKind.PAID]
    reasons = []
    rates = sorted({line.rates.daily_rate_ore for line in paid})
    paid_days = sum(line.weekdays for line in paid)
    if len(rates) == 1:
        reasons.append(
            ngettext(
                "You get %(rate)s for each weekday in the programme. This period has %(days)s such day.",
                "You get %(rate)s for each weekday in the programme. This period has %(days)s such days.",
                paid_days,
            )
            % {"rate": kroner(rates[0]), "days": paid_days}
        )
    elif rates:
        reasons.append(
            _("The rate for each weekday changed during this period: %(rates)s.")
            % {"rates": ", ".join(kroner(rate) for rate in rates)}
        )
    if any(not line.rates.full_rate for line in paid):
        reasons.append(_("You are under 25. Then you get two thirds of the full rate."))
    children = max((line.rates.children for line in paid), default=0)
    if children:
        reasons.append(
            ngettext(
                "You get %(amount)s extra each day for your child.",
                "You get %(amount)s extra each day for each of your %(count)s children.",
                children,
            )
            % {"amount": kroner(paid[0].rates.child_supplement_ore), "count": children}
        )
    reduced = sum(line.reduction_ore for line in lines)
    if reduced:
        reasons.append(_("Other money you get is taken off: %(amount)s.") % {"amount": kroner(reduced)})
    paused = _days_of(statement, DayKind.INTERRUPTION)
    if paused:
        reasons.append(
            ngettext(
                "You get no benefit for %(days)s day when the programme was paused.",
                "You get no benefit for %(days)s days when the programme was paused.",
                paused,
            )
            % {"days": paused}
        )
    away = _days_of(statement, DayKind.DEDUCTION)
    if away:
        reasons.append(
            ngettext(
                "You get no benefit for %(days)s day you were away without a valid reason.",
                "You get no benefit for %(days)s days you were away without a valid reason.",
                away,
            )
            % {"days": away}
        )
    amount = _("From %(start)s to %(end)s you get %(amount)s before tax.") % {
        "start": day(statement.start),
        "end": day(statement.end),
        "amount": kroner(statement.total_ore),
    }
    return BenefitSummary(amount=amount, reasons=reasons)


def _days_of(statement: Statement, kind: DayKind) -> int:
    return sum(line.weekdays for line in statement.lines if line.rates.kind is kind)
