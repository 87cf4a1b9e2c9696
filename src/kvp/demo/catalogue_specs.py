"""The demo catalogue as data: the providers and employers in and around Drammen, and their offers, with the
rules kvp.demo.catalogue explains (the catch-22 and the job guarantee). The organisation numbers are made up,
with a valid MOD11 check digit (`check_digit`); no real register entry is meant.
"""

from __future__ import annotations

from dataclasses import dataclass

from kvp.catalogue.models import Provider
from kvp.demo import plan_texts
from kvp.demo.tracks import (
    AKTIV_BEMANNING,
    FAGBREV_PROVIDER,
    FRELSESARMEEN,
    FRISKLIV,
    KURSSENTER,
    LIBRARY,
    LIER_VEKSTSENTER,
    TRAFIKKSKOLE,
    VOKSENOPPLAERING,
)
from kvp.rules.measures import MeasureType

M = MeasureType
KIND, SECTOR = Provider.Kind, Provider.Sector

BYMISJON = "Kirkens Bymisjon Drammen"
RODE_KORS = "Røde Kors Drammen"
HELSEHUS = "Drammen kommune – Drammen helsehus"
BARNEHAGE = "Drammen kommune – barnehage"
LIER_GARTNERI = "Lier Gartneri AS"
STROMSO_RENHOLD = "Strømsø Renhold AS"
ELVEBYEN_TRANSPORT = "Elvebyen Transport AS"
CHECK_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)
ASCII_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "é": "e", "ö": "o", "ü": "u"})


@dataclass(frozen=True)
class ProviderSpec:
    key: str
    name: str
    kind: str
    sector: str
    organisation_number: str
    is_employer: bool = False
    street: int = 0  # index in places.STREETS
    contact: str = ""  # the person at the provider who writes to the counsellor


@dataclass(frozen=True)
class OfferSpec:
    """An offer as written here; `activities` are the (title, provider) of plan activities that are it."""

    key: str
    provider: str  # a ProviderSpec key
    measure_type: MeasureType
    title: str
    content: str
    hours: str
    weeks: int
    capacity: int
    cost: int = 0
    occupation: str = ""
    qualification: str = ""
    norwegian: str = ""
    digital: str = ""
    prerequisites: tuple[str, ...] = ()
    gives: tuple[str, ...] = ()
    mentor: bool = False
    alone: bool = False
    language: str = "nb"
    # "rolling" (any Monday), "monthly", "term" (August and January), or "weeks:N" (every N weeks from the coming
    # Monday) and "weeks:N+F" (the first group F weeks after it): new groups counted from `today`
    starts: str = "rolling"
    activities: tuple[tuple[str, str], ...] = ()


def check_digit(first_eight: str) -> int | None:
    """The MOD11 check digit of an organisation number (Brønnøysundregistrene), or None if there is none."""
    remainder = sum(weight * int(digit) for weight, digit in zip(CHECK_WEIGHTS, first_eight, strict=True)) % 11
    digit = (11 - remainder) % 11
    return None if digit == 10 else digit


# fmt: off
PROVIDERS = (
    ProviderSpec("vo", VOKSENOPPLAERING, KIND.PUBLIC, SECTOR.TRAINING, "915881394", False, 0, "Randi Aasen"),
    ProviderSpec("bfk_fagbrev", FAGBREV_PROVIDER, KIND.PUBLIC, SECTOR.TRAINING, "998698790", False, 10, "Per Øverby"),
    # The same county, its adult education: one organisation number, two names in the catalogue.
    ProviderSpec(
        "bfk_vo", "Buskerud fylkeskommune – voksenopplæring", KIND.PUBLIC, SECTOR.EDUCATION, "998698790", False, 10,
        "Lene Tveit",
    ),
    ProviderSpec("helsehus", HELSEHUS, KIND.PUBLIC, SECTOR.HEALTH_CARE, "917075360", True, 12, "Berit Holm"),
    ProviderSpec("barnehage", BARNEHAGE, KIND.PUBLIC, SECTOR.EDUCATION, "945568151", True, 14, "Siri Dahl"),
    ProviderSpec(
        "nav", "NAV Drammen – arbeidsrettede tiltak", KIND.PUBLIC, SECTOR.OFFICE, "918844724", False, 4,
        "Jon Are Moen",
    ),
    ProviderSpec("friskliv", FRISKLIV, KIND.PUBLIC, SECTOR.HEALTH_CARE, "994055763", False, 9, "Mette Sand"),
    ProviderSpec("library", LIBRARY, KIND.PUBLIC, SECTOR.OTHER, "916987161", False, 9, "Tor Egil Vik"),
    ProviderSpec("aktiv", AKTIV_BEMANNING, KIND.PRIVATE, SECTOR.TRAINING, "989768468", False, 4, "Camilla Ruud"),
    ProviderSpec("kurssenter", KURSSENTER, KIND.PRIVATE, SECTOR.TRAINING, "997880935", False, 1, "Farid Haddad"),
    ProviderSpec("trafikkskole", TRAFIKKSKOLE, KIND.PRIVATE, SECTOR.TRAINING, "920819672", False, 11, "Geir Lund"),
    ProviderSpec("kiwi", "Kiwi Strømsø", KIND.PRIVATE, SECTOR.RETAIL, "927317788", True, 5, "Tone Myhre"),
    ProviderSpec(
        "renhold", STROMSO_RENHOLD, KIND.PRIVATE, SECTOR.CLEANING, "948648873", True, 3, "Aleksander Nowak"
    ),
    ProviderSpec("asko", "ASKO", KIND.PRIVATE, SECTOR.TRANSPORT, "966344008", True, 16, "Stian Bråten"),
    ProviderSpec(
        "lier", LIER_VEKSTSENTER, KIND.PRIVATE, SECTOR.AGRICULTURE, "929787536", True, 18, "Hilde Kristiansen"
    ),
    ProviderSpec("gartneri", LIER_GARTNERI, KIND.PRIVATE, SECTOR.AGRICULTURE, "947787683", True, 17, "Ola Sørum"),
    ProviderSpec(
        "hotell", "Elvebyen Hotell AS – kjøkkenet", KIND.PRIVATE, SECTOR.HOSPITALITY, "904571784", True, 4,
        "Marco Bianchi",
    ),
    ProviderSpec(
        "buss", ELVEBYEN_TRANSPORT, KIND.PRIVATE, SECTOR.TRANSPORT, "947267140", True, 13, "Kjell Rønning"
    ),
    ProviderSpec(
        "frelsesarmeen", FRELSESARMEEN, KIND.VOLUNTARY, SECTOR.OTHER, "975136272", True, 6, "Ruth Amundsen"
    ),
    ProviderSpec("rodekors", RODE_KORS, KIND.VOLUNTARY, SECTOR.OTHER, "901079811", False, 7, "Ingvild Hauge"),
    ProviderSpec("bymisjon", BYMISJON, KIND.VOLUNTARY, SECTOR.RETAIL, "993319082", True, 8, "Ahmed Yusuf"),
)

_FAGBREV_CONTENT = (
    "For deg med minst fem års allsidig erfaring fra {work}. Teorikurs én dag i uken, hjelp til å dokumentere "
    "praksisen, og fagprøve til slutt. Erfaring fra et annet land kan telle med."
)


def _fagbrev(key: str, trade: str, code: str, work: str, first: int, *, norwegian: str = "a2") -> OfferSpec:
    return OfferSpec(
        key, "bfk_fagbrev", M.TRADE_CERTIFICATE, f"Fagbrev i {trade} – praksiskandidat",
        _FAGBREV_CONTENT.format(work=work), "7.5", 40, 12, cost=4500, occupation=code,
        qualification=f"Fagbrev i {trade}", norwegian=norwegian, prerequisites=("work_experience_years:5",),
        starts=f"weeks:26+{first}", activities=((f"Fagbrev som praksiskandidat: {trade}", FAGBREV_PROVIDER),),
    )


OFFERS = (
    # Drammen voksenopplæring: Norwegian at every level, and school subjects.
    OfferSpec(
        "norsk_a1", "vo", M.NORWEGIAN_COURSE, "Norsk for nybegynnere",
        "Norsk fra første ord: hilse, handle, snakke om deg selv og fylle ut enkle skjema. Liten gruppe, fire "
        "formiddager i uken.",
        "15", 20, 16, gives=("norwegian:a1",), starts="monthly",
    ),
    OfferSpec(
        "norsk_a2", "vo", M.NORWEGIAN_COURSE, "Norskopplæring",
        "Norsk muntlig og skriftlig i liten gruppe, tre dager i uken. Norskprøven på A2-nivå til slutt.",
        "22.5", 26, 18, qualification="Norskprøven A2", gives=("norwegian:a2",), starts="monthly",
        activities=((plan_texts.NORWEGIAN_COURSE.title, VOKSENOPPLAERING),),
    ),
    OfferSpec(
        "yrkesnorsk", "vo", M.VOCATIONAL_NORWEGIAN, "Norsk med yrkesretting",
        "Norsk for arbeidslivet: ord og samtaler fra praksisplassen, vaktlister og HMS. To dager i uken, ved "
        "siden av praksis.",
        "15", 20, 16, norwegian="a1", gives=("norwegian:a2",), starts="monthly",
        activities=((plan_texts.VOCATIONAL_NORWEGIAN.title, VOKSENOPPLAERING),),
    ),
    OfferSpec(
        "yrkesnorsk_helse", "vo", M.VOCATIONAL_NORWEGIAN, "Yrkesnorsk – helse og omsorg",
        "Norsk for arbeid med eldre og syke: stell, måltider, rapport og samtaler med pårørende. To dager i uken.",
        "15", 20, 14, occupation="5321", norwegian="a1", gives=("norwegian:a2",), starts="weeks:20+3",
        activities=((plan_texts.HEALTH_NORWEGIAN.title, VOKSENOPPLAERING),),
    ),
    OfferSpec(
        "yrkesnorsk_gronn", "vo", M.VOCATIONAL_NORWEGIAN, "Yrkesnorsk – grønne fag",
        "Norsk for gartneri og grøntanlegg: planter, verktøy, HMS og praten med kunder og kolleger. Undervisning "
        "to dager i uken, med oppgaver du tar med til praksisplassen.",
        "15", 16, 12, occupation="6113", norwegian="a1", gives=("norwegian:a2",), mentor=True,
        starts="weeks:16+5",
    ),
    # E5: the only course that gives B1 needs an ongoing placement.
    OfferSpec(
        "norsk_b1", "vo", M.NORWEGIAN_COURSE, "Norsk B1 – kveldskurs med praksis",
        "To kvelder i uken. Kurset bygger på arbeidspraksisen din: du tar med ord og oppgaver fra jobben, og "
        "veilederen på praksisplassen er med. Du må være i arbeidspraksis når kurset starter. Norskprøven på "
        "B1-nivå til slutt.",
        "6", 30, 16, qualification="Norskprøven B1", norwegian="a2", prerequisites=("active_placement",),
        gives=("norwegian:b1",), starts="term",
    ),
    OfferSpec(
        "grunnskole", "vo", M.EDUCATION, plan_texts.ADULT_SCHOOL,
        "Fag fra grunnskolen for voksne, tre dager i uken. Vitnemål når du består eksamen.",
        "22.5", 40, 20, qualification="Vitnemål fra grunnskolen", norwegian="a2", starts="term",
    ),
    # Buskerud fylkeskommune: the experience route to a trade certificate (E4), and upper secondary subjects.
    _fagbrev("fagbrev_gartner", "gartnerfaget", "6113", "gartneri eller planteproduksjon", 4),
    _fagbrev("fagbrev_anleggsgartner", "anleggsgartnerfaget", "6113", "anleggsgartnerarbeid eller parkdrift", 7),
    _fagbrev("fagbrev_renhold", "renholdsoperatørfaget", "9112", "renhold", 3),
    _fagbrev("fagbrev_helse", "helsearbeiderfaget", "5321", "pleie og omsorg", 9, norwegian="b1"),
    _fagbrev("fagbrev_barn", "barne- og ungdomsarbeiderfaget", "5311", "arbeid med barn", 6),
    _fagbrev("fagbrev_kokk", "kokkfaget", "5120", "arbeid på kjøkken", 8),
    OfferSpec(
        "vg_matte", "bfk_vo", M.EDUCATION, "Matematikk og engelsk, videregående for voksne (kveld)",
        "To kvelder i uken, med eksamen. Gir fagene du trenger for å søke fagskole senere.",
        "4", 20, 20, qualification="Vitnemål i matematikk og engelsk (Vg1)", norwegian="a2", starts="term",
        activities=(
            ("Matematikk og engelsk, videregående for voksne (kveld)", "Buskerud fylkeskommune – voksenopplæring"),
        ),
    ),
    OfferSpec(
        "vg1_helse", "bfk_vo", M.EDUCATION, "Vg1 helse- og oppvekstfag for voksne",
        "Første år på videregående, komprimert for voksne: helsefag, oppvekst og kommunikasjon, med praksis.",
        "30", 40, 20, occupation="5321", qualification="Kompetansebevis Vg1 helse- og oppvekstfag", norwegian="b1",
        starts="term",
    ),
    # Drammen kommune: E5's placement that needs B1 and is the only one that gives an ongoing placement.
    OfferSpec(
        "helsehus", "helsehus", M.WORK_PRACTICE, "Arbeidspraksis på Drammen helsehus",
        "Praksis på en korttidsavdeling: måltider, turer, aktiviteter og enkel stell, sammen med en fast "
        "veileder. Kommunen krever norsk på B1-nivå, fordi du skal rapportere muntlig og skriftlig.",
        "22.5", 26, 6, occupation="5321", norwegian="b1", prerequisites=("norwegian:b1",),
        gives=("active_placement",), mentor=True,
    ),
    OfferSpec(
        "lonn_helse", "helsehus", M.WAGE_SUBSIDY, "Lønnstilskudd: helsefagarbeider på Drammen helsehus",
        "Ansatt som helsefagarbeider med lønnstilskudd i ett år, med mål om fast stilling. For deg med fagbrev.",
        "30", 52, 2, occupation="5321", norwegian="b1", mentor=True,
    ),
    OfferSpec(
        "barnehage", "barnehage", M.WORK_PRACTICE, "Arbeidstrening i barnehage",
        "Lek, måltider og turer med barna, sammen med de ansatte på en avdeling.",
        "22.5", 16, 8, occupation="5311", norwegian="a2", mentor=True,
        activities=(("Arbeidstrening i barnehage", BARNEHAGE),),
    ),
    # NAV, Frisklivssentralen and the library.
    OfferSpec(
        "jobbspesialist", "nav", M.JOB_COACH, "Jobbspesialist – oppfølging på arbeidsplassen",
        "En jobbspesialist hjelper deg å finne en jobb som passer, og følger deg og arbeidsgiveren opp etter at "
        "du har begynt.",
        "3", 26, 15,
    ),
    OfferSpec(
        "friskliv", "friskliv", M.HEALTH_ACTIVITY, plan_texts.HEALTH.title,
        "Trening i gruppe to ganger i uken, og kurs i kosthold og søvn.",
        "4", 12, 15, starts="monthly",
        activities=((plan_texts.HEALTH.title, FRISKLIV), ("Trening med Frisklivssentralen", FRISKLIV)),
    ),
    OfferSpec(
        "datakurs", "library", M.DIGITAL_SKILLS, plan_texts.DIGITAL.title,
        "Bruke e-post, BankID, nav.no og finn.no på egen PC og mobil. Én formiddag i uken.",
        "3", 8, 10, gives=("digital:independent",), starts="monthly",
        activities=((plan_texts.DIGITAL.title, plan_texts.DIGITAL.provider),),
    ),
    OfferSpec(
        "sprakkafe", "library", M.OWN_ACTIVITY, "Språkkafé på Drammensbiblioteket",
        "Samtale på norsk med frivillige, torsdag ettermiddag. Kom når du vil.",
        "2", 20, 20, activities=(("Språkkafé på Drammensbiblioteket", LIBRARY),),
    ),
    # Private course providers (AMO courses; E6: a job guarantee rules).
    OfferSpec(
        "jobbsoking", "aktiv", M.JOB_SEEKING, plan_texts.JOB_SEEKING.title,
        "CV, søknader og intervjutrening, og kontakt med arbeidsgivere som ansetter.",
        "7.5", 12, 15, cost=12000, digital="basic", starts="monthly",
        activities=((plan_texts.JOB_SEEKING.title, AKTIV_BEMANNING),),
    ),
    OfferSpec(
        "truck", "aktiv", M.LABOUR_MARKET_COURSE, "Truckførerkurs (T1 og T4)",
        "Teori og praktisk kjøring med motvektstruck og skyvemasttruck, med prøve til slutt. NAV betaler "
        "kurset bare når en arbeidsgiver har lovet deg jobb etterpå.",
        "30", 2, 10, cost=9500, occupation="8344", qualification="Truckførerbevis T1 og T4", norwegian="a2",
        prerequisites=("job_guarantee",), starts="weeks:6",
        activities=(("Truckførerkurs (T1 og T4)", AKTIV_BEMANNING),),
    ),
    OfferSpec(
        "lager_amo", "aktiv", M.LABOUR_MARKET_COURSE, "Lager og logistikk – kurs med praksis",
        "Vareflyt, plukk, varemottak og lagersystemer, med fire uker praksis på et lager.",
        "30", 12, 12, cost=32000, occupation="4321", qualification="Kursbevis: lager og logistikk",
        norwegian="a2", prerequisites=("funding_approval",), starts="term",
    ),
    OfferSpec(
        "regnskap", "kurssenter", M.LABOUR_MARKET_COURSE, "Kurs i norsk regnskap og Tripletex",
        "Norske regler for regnskap, lønn og merverdiavgift, med eksamen.",
        "15", 16, 12, cost=24000, occupation="4311", qualification="Kursbevis: norsk regnskap (eksamen)",
        norwegian="b1", digital="independent", starts="term",
        activities=(("Kurs i norsk regnskap og Tripletex", KURSSENTER),),
    ),
    OfferSpec(
        "it", "kurssenter", M.LABOUR_MARKET_COURSE, "IT-kurs med sertifisering (CompTIA A+)",
        "Feilsøking på PC, nettverk og mobil, og brukerstøtte på telefon. Sertifiseringsprøve til slutt.",
        "15", 16, 12, cost=28000, occupation="3512", qualification="CompTIA A+-sertifikat", norwegian="a2",
        digital="independent", starts="term",
        activities=(("IT-kurs med sertifisering (CompTIA A+)", KURSSENTER),),
    ),
    OfferSpec(
        "hygiene", "kurssenter", M.LABOUR_MARKET_COURSE, "Kurs i hygiene og mattrygghet",
        "To dager om hygiene, allergener og temperaturer på kjøkken. Krav for å jobbe med mat.",
        "15", 1, 20, cost=2500, occupation="9412", qualification="Hygienebevis", norwegian="a2",
        starts="monthly",
    ),
    OfferSpec(
        "renholdskurs", "kurssenter", M.LABOUR_MARKET_COURSE, "Grunnkurs i renhold med praksis",
        "Metoder, kjemikalier og HMS i renhold, og fire uker praksis i et renholdsfirma.",
        "22.5", 8, 12, cost=15000, occupation="9112", qualification="Kursbevis: grunnkurs i renhold",
        norwegian="a1", starts="weeks:8",
    ),
    OfferSpec(
        "arbeidsliv", "kurssenter", M.LABOUR_MARKET_COURSE, "Arbeidsforberedende kurs: arbeidsliv i Norge",
        "Arbeidslivets regler, rettigheter og plikter, norsk på jobben og hverdagsøkonomi. Tre dager i uken.",
        "22.5", 36, 20, cost=45000, starts="term",
    ),
    OfferSpec(
        "forerkort_b", "trafikkskole", M.DRIVING_LICENCE, plan_texts.DRIVING.title,
        "Trafikalt grunnkurs, teorikurs og kjøretimer, med teoriprøve og oppkjøring.",
        "3", 16, 8, cost=28000, qualification="Førerkort klasse B", norwegian="a2", gives=("driving_licence",),
        starts="monthly", activities=((plan_texts.DRIVING.title, TRAFIKKSKOLE),),
    ),
    OfferSpec(
        "forerkort_d", "trafikkskole", M.DRIVING_LICENCE, "Førerkort klasse D med yrkessjåførutdanning",
        "Teori, kjøretimer og yrkessjåførkurset. NAV betaler bare når et busselskap har lovet deg jobb etterpå.",
        "30", 14, 6, cost=95000, occupation="8331", qualification="Førerkort klasse D og yrkessjåførbevis",
        norwegian="b1", prerequisites=("driving_licence", "job_guarantee"), starts="term",
        activities=(("Førerkort klasse D med yrkessjåførutdanning", TRAFIKKSKOLE),),
    ),
    # Employers: placements, part-time work and wage subsidies.
    OfferSpec(
        "kiwi", "kiwi", M.WORK_PRACTICE, "Arbeidstrening i butikk",
        "Varepåfylling, datokontroll og etter hvert kasse, med en fast fadder.",
        "22.5", 12, 3, occupation="5223", norwegian="a1", mentor=True,
        activities=(("Arbeidstrening i butikk", "Kiwi Strømsø"),),
    ),
    OfferSpec(
        "kiwi_deltid", "kiwi", M.PAID_WORK, "Ekstrahjelp i butikk (deltid)",
        "Betalt deltidsjobb på kvelder og lørdager: varepåfylling og kasse.",
        "10", 26, 2, occupation="5223", norwegian="a2",
    ),
    OfferSpec(
        "kiwi_lonn", "kiwi", M.WAGE_SUBSIDY, "Lønnstilskudd: butikkmedarbeider",
        "Ansatt i butikken med lønnstilskudd i seks måneder, med mål om fast stilling.",
        "37.5", 26, 2, occupation="5223", norwegian="a2", mentor=True,
    ),
    OfferSpec(
        "kveldsrenhold", "renhold", M.WORK_PRACTICE, "Kveldsrenhold av kontorer",
        "Renhold av kontorer etter arbeidstid. Du jobber for det meste alene, med en kort gjennomgang hver kveld.",
        "15", 12, 4, occupation="9112", alone=True,
        activities=((plan_texts.SOLITARY.title, plan_texts.SOLITARY.provider),),
    ),
    OfferSpec(
        "praksis_renhold", "renhold", M.WORK_PRACTICE, "Praksis i renhold",
        "Renhold på skoler og kontorer på dagtid, i et arbeidslag med fagarbeider.",
        "22.5", 16, 4, occupation="9112", norwegian="a1", mentor=True,
        activities=(("Praksis i renhold", STROMSO_RENHOLD),),
    ),
    OfferSpec(
        "lonn_renhold", "renhold", M.WAGE_SUBSIDY, "Lønnstilskudd: renholder",
        "Ansatt som renholder med lønnstilskudd i seks måneder, med mål om fast stilling.",
        "37.5", 26, 3, occupation="9112", norwegian="a1", mentor=True,
        activities=(("Lønnstilskudd: jobb som renholdsoperatør", STROMSO_RENHOLD),),
    ),
    OfferSpec(
        "asko", "asko", M.WORK_PRACTICE, "Arbeidstrening på lager",
        "Plukk og pakking av varer, og opplæring i varemottak og vareflyt.",
        "22.5", 12, 6, occupation="4321", mentor=True,
        activities=(("Arbeidstrening på lager", "ASKO"), ("Arbeidstrening på lager og varelevering", "ASKO")),
    ),
    OfferSpec(
        "lier_gartneri", "lier", M.WORK_PRACTICE, "Arbeidstrening på Lier vekstsenter",
        "Såing, stell og salg av planter i drivhus og utsalg, i et fast arbeidslag med arbeidsleder.",
        "22.5", 12, 8, occupation="6113", mentor=True,
        activities=(("Arbeidstrening i gartneri", LIER_VEKSTSENTER),),
    ),
    OfferSpec(
        "lier_snekker", "lier", M.WORK_PRACTICE, "Arbeidstrening i snekkerverksted",
        "Snekre benker og plantekasser på bestilling fra kommunen.",
        "22.5", 12, 5, occupation="7115", mentor=True,
        activities=(("Arbeidstrening i snekkerverksted", LIER_VEKSTSENTER),),
    ),
    OfferSpec(
        "lier_renhold", "lier", M.WORK_PRACTICE, "Arbeidstrening i renhold",
        "Renhold av kontorer og fellesarealer i et fast arbeidslag.",
        "22.5", 12, 6, occupation="9112", mentor=True,
        activities=(("Arbeidstrening i renhold", LIER_VEKSTSENTER),),
    ),
    OfferSpec(
        "lier_lager", "lier", M.WORK_PRACTICE, "Arbeidstrening på lager og dekkhotell",
        "Pakking, sortering, dekkskift og vask i sesongen.",
        "22.5", 12, 6, occupation="9333", mentor=True,
        activities=(
            ("Arbeidstrening på lager", LIER_VEKSTSENTER), ("Arbeidstrening på dekkhotell", LIER_VEKSTSENTER),
            ("Arbeidstrening i verksted", LIER_VEKSTSENTER),
        ),
    ),
    OfferSpec(
        "praksis_gartneri", "gartneri", M.WORK_PRACTICE, "Praksis i gartneri og grøntanlegg",
        "Parker, plen, beplantning og salg av planter, med fagarbeider som veileder.",
        "22.5", 16, 3, occupation="6113", norwegian="a1", mentor=True,
        activities=(("Praksis som anleggsgartner", LIER_GARTNERI), ("Praksis i gartneri", LIER_GARTNERI)),
    ),
    OfferSpec(
        "lonn_gartner", "gartneri", M.WAGE_SUBSIDY, "Lønnstilskudd: gartner",
        "Ansatt i gartneriet med lønnstilskudd gjennom sesongen, med mål om fast stilling.",
        "37.5", 26, 2, occupation="6113", norwegian="a2", mentor=True,
        activities=(
            ("Lønnstilskudd: jobb som anleggsgartner", LIER_GARTNERI),
            ("Lønnstilskudd: jobb som gartner", LIER_GARTNERI),
        ),
    ),
    OfferSpec(
        "hotellkjokken", "hotell", M.WORK_PRACTICE, "Arbeidspraksis på hotellkjøkken",
        "Forberede frokost og lunsj, oppvask og varemottak, med kokk som veileder. Kjøkkenet bruker mye engelsk.",
        "22.5", 12, 3, occupation="9412", norwegian="a1", mentor=True, language="en",
    ),
    OfferSpec(
        "lonn_kokk", "hotell", M.WAGE_SUBSIDY, "Lønnstilskudd: kokk",
        "Ansatt som kokk med lønnstilskudd i seks måneder. Hygienebevis trengs.",
        "37.5", 26, 1, occupation="5120", norwegian="a2", mentor=True, language="en",
    ),
    OfferSpec(
        "buss", "buss", M.WORK_PRACTICE, "Praksis i busselskap",
        "Verksted, vask og klargjøring av busser, og med på ruter som observatør.",
        "22.5", 16, 3, occupation="8331", norwegian="a2", mentor=True,
        activities=(("Praksis i busselskap", ELVEBYEN_TRANSPORT),),
    ),
    # Voluntary organisations.
    OfferSpec(
        "mestring", "frelsesarmeen", M.MASTERY_COURSE, plan_texts.MASTERY.title,
        "Kurs i gruppe om egne ressurser, mål og hverdagen i jobb. To formiddager i uken.",
        "6", 8, 12, starts="monthly", activities=((plan_texts.MASTERY.title, FRELSESARMEEN),),
    ),
    OfferSpec(
        "kantine", "frelsesarmeen", M.WORK_PRACTICE, "Arbeidstrening på kjøkken",
        "Forberede lunsj, oppvask og varemottak i kantinen.",
        "22.5", 12, 5, occupation="9412", mentor=True,
        activities=(("Arbeidstrening på kjøkken", f"{FRELSESARMEEN}, kafé og kantine"),),
    ),
    OfferSpec(
        "pc_verksted", "frelsesarmeen", M.WORK_PRACTICE, "Arbeidstrening med PC-utstyr",
        "Klargjøre, reparere og selge brukte PC-er og mobiler.",
        "22.5", 12, 3, occupation="3512", mentor=True,
        activities=(("Arbeidstrening med PC-utstyr", FRELSESARMEEN),),
    ),
    OfferSpec(
        "privatokonomi", "frelsesarmeen", M.OTHER, "Kurs i privatøkonomi",
        "Budsjett, regninger og skatt, én ettermiddag i uken.",
        "2", 12, 12, starts="monthly", activities=(("Kurs i privatøkonomi", FRELSESARMEEN),),
    ),
    OfferSpec(
        "rodekors", "rodekors", M.OWN_ACTIVITY, "Språkkafé med Røde Kors",
        "Samtale på norsk med frivillige over en kopp kaffe, hver tirsdag kveld. Ingen påmelding.",
        "2", 20, 20,
    ),
    OfferSpec(
        "bruktbutikk", "bymisjon", M.WORK_PRACTICE, "Arbeidstrening i bruktbutikken",
        "Sortere og prise klær og ting, og hjelpe kunder i butikken.",
        "22.5", 12, 4, occupation="5223", mentor=True,
    ),
)

# More employers and groups for larger offices, cycled through the neighbourhoods of Drammen.
NEIGHBOURHOODS = (
    "Gulskogen", "Konnerud", "Åssiden", "Fjell", "Bragernes", "Tangen", "Åskollen", "Mjøndalen", "Svelvik",
    "Krokstadelva", "Solbergelva", "Skoger", "Danvik", "Austad", "Marienlyst", "Brakerøya",
)
EXTRA_GROUPS = ("norsk_a2", "yrkesnorsk", "jobbsoking")  # busy offers that get another group
EXTRA_EMPLOYERS: tuple[tuple[str, str, MeasureType, str, str, str, str], ...] = (
    # (provider name, sector, measure, title, content, STYRK, Norwegian needed)
    ("Kiwi {place}", SECTOR.RETAIL, M.WORK_PRACTICE, "Arbeidstrening i butikk",
     "Varepåfylling og datokontroll, med en fast fadder.", "5223", "a1"),
    ("{place} Renhold AS", SECTOR.CLEANING, M.WORK_PRACTICE, "Arbeidstrening i renhold",
     "Renhold av kontorer og butikker på dagtid, i et arbeidslag.", "9112", ""),
    ("Drammen kommune – {place} barnehage", SECTOR.EDUCATION, M.WORK_PRACTICE, "Arbeidstrening i barnehage",
     "Lek, måltider og turer med barna, sammen med de ansatte.", "5311", "a2"),
    ("Rema 1000 {place}", SECTOR.RETAIL, M.WAGE_SUBSIDY, "Lønnstilskudd: butikkmedarbeider",
     "Ansatt i butikken med lønnstilskudd i seks måneder, med mål om fast stilling.", "5223", "a2"),
    ("{place} Kafé og Catering AS", SECTOR.HOSPITALITY, M.WORK_PRACTICE, "Arbeidspraksis på kafékjøkken",
     "Forberede mat, oppvask og varemottak, med kokk som veileder.", "9412", "a1"),
)
# fmt: on
EXTRA_CONTACTS = ("Nina Berg", "Ali Rahimi", "Eva Strand", "Tomasz Zielinski", "Kari Moe", "Yonas Tekle")
