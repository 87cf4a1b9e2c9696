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

from kvp.fonts import LATIN, add_fonts

TEXTS: dict[str, dict[str, str]] = {
    "nb": {
        "grant_title": "Vedtak om kvalifiseringsprogram",
        "refusal_title": "Vedtak: avslag på søknad om kvalifiseringsprogram",
        "stop_title": "Vedtak om stans av kvalifiseringsprogram",
        "stop_body": "Kvalifiseringsprogrammet ditt stanses fra {end}. Da stanser også kvalifiseringsstønaden.",
        "stop_law": "Vedtaket er gjort etter sosialtjenesteloven kapittel 4 om kvalifiseringsprogram.",
        "interim_title": "Foreløpig svar på søknaden din om kvalifiseringsprogram",
        "interim_body": (
            "Vi fikk søknaden din {applied}. Vi har ikke klart å behandle den ennå, fordi {reason}. "
            "Vi regner med å gi deg svar innen {expected}."
        ),
        "interim_law": "Du får dette svaret fordi søknaden tar mer enn en måned å behandle (forvaltningsloven § 11 a).",
        "day": "dag",
        "days": "dager",
        "deduction_reasons": "Du var borte fra programmet uten gyldig grunn: {dates}.",
        "deduction_title": "Vedtak om trekk i kvalifiseringsstønaden",
        "deduction_body": (
            "Kvalifiseringsstønaden din blir redusert med {withheld} for {days} med fravær uten gyldig grunn."
        ),
        "deduction_law": (
            "Vedtaket er gjort etter sosialtjenesteloven § 35 om kvalifiseringsstønad. Vedtaket om programmet "
            "tok ikke forbehold om trekk, derfor får du et eget vedtak. Du fikk vite om fraværet og kunne svare før "
            "vi bestemte oss."
        ),
        "to": "Til",
        "national_id": "Fødselsnummer",
        "date": "Dato",
        "decision": "Vedtak",
        "grant_body": (
            "Du får kvalifiseringsprogram fra {start} til {end}. Du får kvalifiseringsstønad i programperioden."
        ),
        "refusal_body": "Du får ikke kvalifiseringsprogram. Vi har avslått søknaden din som vi fikk {applied}.",
        "reasons": "Begrunnelse",
        "legal_basis": "Hva vedtaket bygger på",
        "grant_law": (
            "Vedtaket er gjort etter lov om sosiale tjenester i NAV (sosialtjenesteloven) § 29 om rett til "
            "kvalifiseringsprogram, § 33 om varighet og § 35 om kvalifiseringsstønad."
        ),
        "refusal_law": (
            "Vedtaket er gjort etter sosialtjenesteloven § 29, som sier hvem som har rett til kvalifiseringsprogram."
        ),
        "deduction_reserved": (
            "Hvis du er borte fra programmet uten gyldig grunn, blir stønaden redusert for de dagene. "
            "Dette følger av dette vedtaket."
        ),
        "deduction_not_reserved": (
            "Hvis du er borte fra programmet uten gyldig grunn, kan stønaden bli redusert. Da får du et eget vedtak."
        ),
        "appeal": "Du kan klage",
        "appeal_body": (
            "Du kan klage på vedtaket innen tre uker fra du fikk det. Send klagen til {office}. Hvis vi ikke "
            "gir deg medhold, sender vi klagen videre til Statsforvalteren, som avgjør den."
        ),
        "access": "Du har rett til å se dokumentene i saken din",
        "access_body": "Du kan be om å se dokumentene i saken din (forvaltningsloven § 18).",
        "signature": "Med vennlig hilsen",
        "approved_by": "Godkjent av",
    },
    "nn": {
        "grant_title": "Vedtak om kvalifiseringsprogram",
        "refusal_title": "Vedtak: avslag på søknad om kvalifiseringsprogram",
        "stop_title": "Vedtak om stans av kvalifiseringsprogram",
        "stop_body": "Kvalifiseringsprogrammet ditt blir stansa frå {end}. Då stansar òg kvalifiseringsstønaden.",
        "stop_law": "Vedtaket er gjort etter sosialtenestelova kapittel 4 om kvalifiseringsprogram.",
        "interim_title": "Førebels svar på søknaden din om kvalifiseringsprogram",
        "interim_body": (
            "Vi fekk søknaden din {applied}. Vi har ikkje klart å behandle han enno, fordi {reason}. "
            "Vi reknar med å gi deg svar innan {expected}."
        ),
        "interim_law": (
            "Du får dette svaret fordi søknaden tek meir enn ein månad å behandle (forvaltningslova § 11 a)."
        ),
        "day": "dag",
        "days": "dagar",
        "deduction_reasons": "Du var borte frå programmet utan gyldig grunn: {dates}.",
        "deduction_title": "Vedtak om trekk i kvalifiseringsstønaden",
        "deduction_body": (
            "Kvalifiseringsstønaden din blir redusert med {withheld} for {days} med fråvær utan gyldig grunn."
        ),
        "deduction_law": (
            "Vedtaket er gjort etter sosialtenestelova § 35 om kvalifiseringsstønad. Vedtaket om programmet "
            "tok ikkje atterhald om trekk, difor får du eit eige vedtak. Du fekk vite om fråværet og kunne svare før "
            "vi bestemte oss."
        ),
        "to": "Til",
        "national_id": "Fødselsnummer",
        "date": "Dato",
        "decision": "Vedtak",
        "grant_body": (
            "Du får kvalifiseringsprogram frå {start} til {end}. Du får kvalifiseringsstønad i programperioden."
        ),
        "refusal_body": "Du får ikkje kvalifiseringsprogram. Vi har avslått søknaden din som vi fekk {applied}.",
        "reasons": "Grunngiving",
        "legal_basis": "Kva vedtaket byggjer på",
        "grant_law": (
            "Vedtaket er gjort etter lov om sosiale tenester i NAV (sosialtenestelova) § 29 om rett til "
            "kvalifiseringsprogram, § 33 om varigheit og § 35 om kvalifiseringsstønad."
        ),
        "refusal_law": (
            "Vedtaket er gjort etter sosialtenestelova § 29, som seier kven som har rett til kvalifiseringsprogram."
        ),
        "deduction_reserved": (
            "Dersom du er borte frå programmet utan gyldig grunn, blir stønaden redusert for dei dagane. "
            "Dette følgjer av dette vedtaket."
        ),
        "deduction_not_reserved": (
            "Dersom du er borte frå programmet utan gyldig grunn, kan stønaden bli redusert. Då får du eit eige vedtak."
        ),
        "appeal": "Du kan klage",
        "appeal_body": (
            "Du kan klage på vedtaket innan tre veker frå du fekk det. Send klaga til {office}. Dersom vi ikkje "
            "gir deg medhald, sender vi klaga vidare til Statsforvaltaren, som avgjer ho."
        ),
        "access": "Du har rett til å sjå dokumenta i saka di",
        "access_body": "Du kan be om å sjå dokumenta i saka di (forvaltningslova § 18).",
        "signature": "Med venleg helsing",
        "approved_by": "Godkjent av",
    },
}


@dataclass(frozen=True)
class Letter:
    title: str
    header: list[tuple[str, str]]
    sections: list[tuple[str, str]]
    signature: list[str]


def deduction_reasons(language: str, days: list[datetime.date]) -> str:
    """The reasons of a deduction decision, in the letter's language."""
    return TEXTS[language]["deduction_reasons"].format(dates=", ".join(f"{day:%d.%m.%Y}" for day in days))


def _count(days: int, text: dict[str, str]) -> str:
    return f"{days} {text['day'] if days == 1 else text['days']}"


def build_letter(snapshot: dict[str, Any]) -> Letter:
    """The letter for a decision, from its snapshot (see decisions.decision_snapshot)."""
    text = TEXTS[snapshot["language"]]
    kind = snapshot["kind"]
    grant = kind == "grant"
    body = text[f"{kind}_body"].format(
        start=snapshot.get("starts_on_display", ""),
        end=snapshot.get("ends_on_display", ""),
        applied=snapshot["applied_on_display"],
        withheld=snapshot.get("withheld_display", ""),
        days=_count(snapshot.get("deduction_days", 0), text),
    )
    sections = [
        (text["decision"], body),
        (text["reasons"], snapshot["reasons"]),
        (text["legal_basis"], text[f"{kind}_law"]),
    ]
    if grant:
        sections.append(("", text["deduction_reserved" if snapshot["reserve_deduction"] else "deduction_not_reserved"]))
    sections += [
        (text["appeal"], text["appeal_body"].format(office=snapshot["office"])),
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
    text = TEXTS[language]
    return Letter(
        title=text["interim_title"],
        header=[(text["to"], participant), (text["national_id"], national_id), (text["date"], sent)],
        sections=[
            ("", text["interim_body"].format(applied=applied, reason=reason, expected=expected)),
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
