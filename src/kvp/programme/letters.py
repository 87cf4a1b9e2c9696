"""Decision letters (vedtaksbrev) in bokmål and nynorsk, as HTML-ready sections and as PDF.

The letter is built from the decision's snapshot only, so it reads the same whenever it is produced.
Content per forvaltningsloven §§ 24-27: the decision, the reasons with the rules and facts they rest on,
the right to appeal (3 weeks, to the NAV office, sent on to Statsforvalteren; fvl. § 28-29, sotjl.
kap. 5) and the right to see the case documents (fvl. § 18).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import translation
from django.utils.translation import npgettext, pgettext

from kvp.fonts import LATIN, add_fonts


def _texts() -> dict[str, str]:
    """The letter's wording in the active language (bokmål or nynorsk, from the gettext catalogues). The
    context keeps it apart from the screens' texts, so a letter is translated on its own terms."""
    return {
        "grant_title": pgettext("decision letter", "Decision on the qualification programme"),
        "refusal_title": pgettext("decision letter", "Decision: application for the qualification programme refused"),
        "stop_title": pgettext("decision letter", "Decision to stop the qualification programme"),
        "stop_body": pgettext(
            "decision letter",
            "Your qualification programme stops from %(end)s. The qualification benefit stops then too.",
        ),
        "stop_law": pgettext(
            "decision letter",
            "The decision is made under sosialtjenesteloven chapter 4 on the qualification programme.",
        ),
        "interim_title": pgettext(
            "decision letter",
            "Interim reply to your application for the qualification programme",
        ),
        "interim_body": pgettext(
            "decision letter",
            "We received your application on %(applied)s. We have not been able to process it yet, because "
            "%(reason)s. We expect to give you an answer by %(expected)s.",
        ),
        "interim_law": pgettext(
            "decision letter",
            "You get this reply because the application takes more than a month to process (forvaltningsloven § 11 a).",
        ),
        "deduction_reasons": pgettext(
            "decision letter",
            "You were absent from the programme without a valid reason: %(dates)s.",
        ),
        "deduction_title": pgettext("decision letter", "Decision on a deduction from the qualification benefit"),
        "deduction_body": pgettext(
            "decision letter",
            "Your qualification benefit is reduced by %(withheld)s for %(days)s of absence without a valid reason.",
        ),
        "deduction_law": pgettext(
            "decision letter",
            "The decision is made under sosialtjenesteloven § 35 on the qualification benefit. The decision "
            "on the programme did not reserve deductions, so you get a separate decision. You were told about "
            "the absence and could answer before we decided.",
        ),
        "to": pgettext("decision letter", "To"),
        "national_id": pgettext("decision letter", "National identity number"),
        "date": pgettext("decision letter", "Date"),
        "decision": pgettext("decision letter", "Decision"),
        "grant_body": pgettext(
            "decision letter",
            "You get the qualification programme from %(start)s to %(end)s. You get the qualification benefit "
            "during the programme period.",
        ),
        "refusal_body": pgettext(
            "decision letter",
            "You do not get the qualification programme. We have refused your application, which we received "
            "on %(applied)s.",
        ),
        "reasons": pgettext("decision letter", "Reasons"),
        "legal_basis": pgettext("decision letter", "What the decision is based on"),
        "grant_law": pgettext(
            "decision letter",
            "The decision is made under the Act on social services in NAV (sosialtjenesteloven) § 29 on the "
            "right to the qualification programme, the act's rule on how long the programme lasts, and § 35 on "
            "the qualification benefit.",
        ),
        "refusal_law": pgettext(
            "decision letter",
            "The decision is made under sosialtjenesteloven § 29, which says who has the right to the "
            "qualification programme.",
        ),
        "deduction_reserved": pgettext(
            "decision letter",
            "If you are absent from the programme without a valid reason, the benefit is reduced for those "
            "days. This follows from this decision.",
        ),
        "grant_amount": pgettext(
            "decision letter",
            "At the start of the programme the qualification benefit is %(yearly)s a year before tax, which is "
            "%(daily)s a day for five days a week.",
        ),
        "full_rate_under_25": pgettext(
            "decision letter",
            "You get the full rate of the qualification benefit although you are under 25, because %(reason)s.",
        ),
        "deduction_not_reserved": pgettext(
            "decision letter",
            "If you are absent from the programme without a valid reason, the benefit may be reduced. You "
            "then get a separate decision.",
        ),
        "appeal": pgettext("decision letter", "You can appeal"),
        "appeal_body": pgettext(
            "decision letter",
            "You can appeal the decision within three weeks of receiving it. Send the appeal to %(office)s. "
            "If we do not find in your favour, we send the appeal on to Statsforvalteren, who decides it.",
        ),
        "access": pgettext("decision letter", "You have the right to see the documents in your case"),
        "access_body": pgettext(
            "decision letter",
            "You can ask to see the documents in your case (forvaltningsloven § 18).",
        ),
        "signature": pgettext("decision letter", "Yours sincerely"),
        "approved_by": pgettext("decision letter", "Approved by"),
    }


@dataclass(frozen=True)
class Letter:
    title: str
    header: list[tuple[str, str]]
    sections: list[tuple[str, str]]
    signature: list[str]


def deduction_reasons(language: str, days: list[datetime.date]) -> str:
    """The reasons of a deduction decision, in the letter's language."""
    with translation.override(language):
        return _texts()["deduction_reasons"] % {"dates": ", ".join(f"{day:%d.%m.%Y}" for day in days)}


def _count(days: int) -> str:
    return npgettext("decision letter", "%(count)s day", "%(count)s days", days) % {"count": days}


def build_letter(snapshot: dict[str, Any]) -> Letter:
    """The letter for a decision, from its snapshot (see decisions.decision_snapshot)."""
    with translation.override(snapshot["language"]):
        return _build_letter(snapshot, _texts())


def _build_letter(snapshot: dict[str, Any], text: dict[str, str]) -> Letter:
    kind = snapshot["kind"]
    grant = kind == "grant"
    body = text[f"{kind}_body"] % {
        "start": snapshot.get("starts_on_display", ""),
        "end": snapshot.get("ends_on_display", ""),
        "applied": snapshot["applied_on_display"],
        "withheld": snapshot.get("withheld_display", ""),
        "days": _count(snapshot.get("deduction_days", 0)),
    }
    sections = [
        (text["decision"], body),
        (text["reasons"], snapshot["reasons"]),
        (text["legal_basis"], text[f"{kind}_law"]),
    ]
    if grant and snapshot.get("yearly_amount_display"):
        amount = {"yearly": snapshot["yearly_amount_display"], "daily": snapshot["daily_amount_display"]}
        sections.insert(1, ("", text["grant_amount"] % amount))
    if grant and snapshot.get("full_rate_under_25"):
        sections.append(("", text["full_rate_under_25"] % {"reason": snapshot["full_rate_reason"]}))
    if grant:
        sections.append(("", text["deduction_reserved" if snapshot["reserve_deduction"] else "deduction_not_reserved"]))
    sections += [
        (text["appeal"], text["appeal_body"] % {"office": snapshot["office"]}),
        (text["access"], text["access_body"]),
    ]
    signature = [text["signature"], snapshot["made_by"], snapshot["office"]]
    if snapshot.get("approved_by"):
        signature.append(f"{text['approved_by']}: {snapshot['approved_by']}")
    return Letter(
        title=text[f"{kind}_title"],
        header=[
            (text["to"], snapshot["participant"]),
            (text["national_id"], snapshot["national_id"]),
            (text["date"], snapshot.get("decided_on_display", "")),
        ],
        sections=sections,
        signature=signature,
    )


def interim_letter(
    *,
    language: str,
    participant: str,
    national_id: str,
    office: str,
    applied: str,
    sent: str,
    reason: str,
    expected: str,
    signed_by: str,
) -> Letter:
    """The interim notice: why the decision takes longer and when it can be expected (fvl. § 11 a)."""
    with translation.override(language):
        text = _texts()
    return Letter(
        title=text["interim_title"],
        header=[(text["to"], participant), (text["national_id"], national_id), (text["date"], sent)],
        sections=[
            ("", text["interim_body"] % {"applied": applied, "reason": reason, "expected": expected}),
            ("", text["interim_law"]),
        ],
        signature=[text["signature"], signed_by, office],
    )


def letter_pdf(letter: Letter) -> bytes:
    """The letter as an A4 PDF with embedded Unicode fonts, so names of every origin print correctly."""
    from fpdf import FPDF  # imported when a letter is printed, not with the URL configuration

    pdf = FPDF(format="A4")
    pdf.set_title(letter.title)
    pdf.set_author("NAV")
    add_fonts(pdf)
    pdf.set_margins(22, 20, 22)
    pdf.add_page()
    pdf.set_font(LATIN, "B", 16)
    pdf.multi_cell(0, 8, letter.title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font(LATIN, "", 10)
    for label, value in letter.header:
        pdf.multi_cell(0, 5, f"{label}: {value}", new_x="LMARGIN", new_y="NEXT")
    for heading, body in letter.sections:
        pdf.ln(4)
        if heading:
            pdf.set_font(LATIN, "B", 12)
            pdf.multi_cell(0, 6, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(LATIN, "", 11)
        pdf.multi_cell(0, 5.5, body, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    for line in letter.signature:
        pdf.multi_cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
