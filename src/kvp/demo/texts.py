"""Texts for demo case notes, meetings and case events, in Norwegian bokmål.

The notes show how notes should be written (E12): strengths first, factual, in the participant's
own goals, never describing a person by deficits, origin, culture or religion. Placeholders in
braces are filled per participant; employers are fictional.
"""

from __future__ import annotations

from dataclasses import dataclass

from kvp.rules.case_status import CaseStatus, EndReason


@dataclass(frozen=True)
class Goal:
    occupation: str  # "Amina ønsker å bli {occupation}"
    experience: str  # "erfaring fra {experience}"
    route: str  # the qualifying step towards the goal (E3, E4)
    workplace: str  # a fictional employer for work practice


GOALS = (
    Goal("helsefagarbeider", "eldreomsorg", "praksiskandidatordningen i helsearbeiderfaget", "Elvebyen omsorgssenter"),
    Goal(
        "barne- og ungdomsarbeider",
        "barnehage og barnepass",
        "praksiskandidatordningen i barne- og ungdomsarbeiderfaget",
        "Solsiden barnehage",
    ),
    Goal("kokk", "restaurantkjøkken", "fagbrev som kokk via praksiskandidatordningen", "Bragernes Kafé og Kantine AS"),
    Goal(
        "bussjåfør", "transport og varelevering", "førerkort klasse D med yrkessjåførutdanning", "Elvebyen Transport AS"
    ),
    Goal("lagermedarbeider", "lager og vareflyt", "truckførerkurs og fagbrev i logistikkfaget", "Lierstranda Lager AS"),
    Goal("renholdsoperatør", "renhold på hotell", "fagbrev i renholdsoperatørfaget", "Strømsø Renhold AS"),
    Goal(
        "butikkmedarbeider", "salg og drift av egen butikk", "salgsfaglig kurs med praksis", "Gulskogen Dagligvare AS"
    ),
    Goal("tømrer", "bygg og oppussing", "praksiskandidatordningen i tømrerfaget", "Konnerud Bygg AS"),
    Goal(
        "regnskapsmedarbeider", "regnskap og kontorarbeid", "godkjenning av utdanningen hos HK-dir", "Fjell Regnskap AS"
    ),
    Goal(
        "sykepleier", "sykepleie på sykehus", "autorisasjon som sykepleier fra Helsedirektoratet", "Elvebyen sykehjem"
    ),
    Goal("bilmekaniker", "bilverksted", "praksiskandidatordningen i bilfaget", "Mjøndalen Bilverksted AS"),
    Goal("frisør", "frisørsalong", "fagbrev i frisørfaget", "Salong Elvebyen"),
    Goal(
        "anleggsgartner", "gartneri og parkdrift", "praksiskandidatordningen i anleggsgartnerfaget", "Lier Gartneri AS"
    ),
    Goal(
        "IT-supportmedarbeider", "IT-støtte og datareparasjon", "IT-kurs med sertifisering", "Papirbyen IT-service AS"
    ),
    Goal(
        "sveiser", "sveising og mekanisk industri", "sveisesertifikat og fagbrev i sveisefaget", "Elvebyen Mekaniske AS"
    ),
)

# Completes "{first} har {years} års erfaring fra {experience} og {strength}."
STRENGTHS = (
    "er vant til å jobbe i team",
    "har god erfaring med kundekontakt",
    "planlegger arbeidet godt",
    "snakker flere språk",
    "har lært opp nye kolleger",
    "er nøyaktig og opptatt av kvalitet",
    "er frivillig i et nabolagstiltak",
    "tar gjerne initiativ",
)
MILESTONES = (
    "et førstehjelpskurs",
    "et HMS-kurs",
    "teoriprøven for førerkort klasse B",
    "et kurs i digitale tjenester",
)
PROPOSALS = (
    "å hospitere én dag i uken i en annen avdeling",
    "å ta et kveldskurs i fagterminologi",
    "å bli med i språkkafé på biblioteket",
    "å søke sommerjobb hos {workplace}",
)
JOBS = (
    "fast stilling i 80 prosent",
    "fast stilling i full stilling",
    "et ettårig vikariat i full stilling",
    "fast stilling i 60 prosent med mulighet for mer",
)
EDUCATIONS = (
    "videregående opplæring for voksne",
    "en fagskoleutdanning",
    "et årsstudium ved Universitetet i Sørøst-Norge",
)
REFUSALS = (
    "arbeidsevnevurderingen viser at målet kan nås med ordinær arbeidsrettet oppfølging, uten et fulltidsprogram",
    "{first} mottar arbeidsavklaringspenger i perioden, og det kan ikke kombineres med kvalifiseringsprogram",
    "{first} er i et annet fulltidsprogram i kommunen som går foran",
)
CONDITIONS = ("har fått inntekt fra arbeid over stønadsnivået", "har startet på et fulltidsstudium med studielån")
WITHDRAWALS = (
    "har fått tilbud om arbeid som {occupation}",
    "starter heller på et kurs hos voksenopplæringen",
    "ønsker å prøve jobbsøking med oppfølging fra NAV først",
)
# A weekly plan at the start: learners of Norwegian get vocational Norwegian with practice (E9, E11).
PLAN_WITH_NORWEGIAN = "yrkesrettet norskopplæring to dager i uken og arbeidspraksis hos {workplace} tre dager i uken"
PLAN_WITHOUT_NORWEGIAN = "arbeidspraksis hos {workplace} tre dager i uken og et kvalifiserende kurs to dager i uken"
CEFR_LEVELS = ("A1", "A2", "B1", "B2", "C1")


@dataclass(frozen=True)
class NoteText:
    title: str
    text: str


STEP_NOTES: dict[CaseStatus, tuple[NoteText, ...]] = {
    CaseStatus.APPLIED: (
        NoteText(
            "Søknad mottatt",
            "Søknad om kvalifiseringsprogram mottatt {applied}. {first} ønsker å komme i arbeid som {occupation}. "
            "Avtalt kartleggingssamtale{with_interpreter}.",
        ),
        NoteText(
            "Første samtale",
            "Første samtale om kvalifiseringsprogrammet{with_interpreter}. {first} har {years} års erfaring fra "
            "{experience} og har som mål å jobbe som {occupation}. Informert om programmet og om "
            "arbeidsevnevurderingen.",
        ),
    ),
    CaseStatus.ASSESSED: (
        NoteText(
            "Kartlegging",
            "Kartlegging gjennomført{with_interpreter}. {first} har {years} års erfaring fra {experience} og "
            "{strength}. Arbeidsevnevurderingen er ferdig, og neste steg er vedtak.",
        ),
        NoteText(
            "Samtale om mål",
            "Samtale om mål: {first} ønsker å bli {occupation}. Har {years} års erfaring fra {experience}. "
            "Avtalt å undersøke {route}.",
        ),
    ),
    CaseStatus.GRANTED: (
        NoteText(
            "Vedtak: innvilget",
            "Kvalifiseringsprogram innvilget fra {start} til {granted_until}. Vedtaket og klageadgangen er gjennomgått "
            "med {first}{with_interpreter}. Den individuelle planen lages sammen i oppstartsmøtet.",
        ),
    ),
    CaseStatus.REFUSED: (
        NoteText(
            "Vedtak: avslag",
            "Søknaden er avslått fordi {refusal}. Begrunnelsen og retten til å klage er gjennomgått med "
            "{first}{with_interpreter}. Avtalt videre arbeidsrettet oppfølging etter NAV-loven § 14 a.",
        ),
    ),
    CaseStatus.ACTIVE: (
        NoteText(
            "Oppstart og plan",
            "Programmet startet {start}. Planen er laget sammen med {first}: {plan}. {first} har selv valgt "
            "praksisstedet. Planen evalueres om tre måneder.",
        ),
        NoteText(
            "Individuell plan",
            "Individuell plan er avtalt{with_interpreter}. Målet er arbeid som {occupation}, og første del av planen "
            "er {plan}. Avtalt å undersøke {route} underveis.",
        ),
    ),
    CaseStatus.EXTENDED: (
        NoteText(
            "Forlengelse",
            "Programmet er forlenget til {ends} fordi særlige grunner tilsier det. {first} er i gang med "
            "{route}, og forlengelsen gir tid til å fullføre.",
        ),
    ),
}

FOLLOW_UP_NOTES = (
    NoteText(
        "Oppfølging av arbeidspraksis",
        "Trepartssamtale hos {workplace}. Kontaktpersonen forteller at {first} er punktlig, tar ansvar og samarbeider "
        "godt med kollegene. {first} trives og ønsker flere oppgaver. Avtalt å undersøke {route}.",
    ),
    NoteText(
        "Samtale om framdrift",
        "{first} har fullført {milestone}. Neste steg i planen er {route}. {first} har selv foreslått {proposal}, "
        "og det er tatt inn i planen.",
    ),
    NoteText(
        "Evaluering av plan",
        "Planen er evaluert sammen med {first}. Aktivitetene fungerer godt, og {first} ønsker å øke praksisen fra tre "
        "til fire dager i uken. Planen er oppdatert.",
    ),
    NoteText(
        "Tilpasset timeplan",
        "Avtalt at aktivitetene starter kl. 09.00 slik at {first} kan kombinere programmet med omsorgsoppgaver i "
        "familien. {workplace} er orientert og har godtatt endringen.",
    ),
    NoteText(
        "Jobbsøking",
        "{first} har søkt tre stillinger som {occupation} denne måneden og er innkalt til intervju. Vi har forberedt "
        "intervjuet sammen, med vekt på erfaringen fra {experience}.",
    ),
)
LANGUAGE_NOTE = NoteText(
    "Norskopplæring",
    "{first} har bestått muntlig norskprøve på nivå {next_level} og bruker norsk mer i praksisen. Avtalt å fortsette "
    "med yrkesrettet norskopplæring.",
)

END_NOTES: dict[EndReason, NoteText] = {
    EndReason.COMPLETED_WORK: NoteText(
        "Avslutning: arbeid",
        "{first} har fått {job} som {occupation} hos {workplace} og avslutter programmet {ended}. Avtalt oppfølging "
        "etter 3, 6 og 12 måneder.",
    ),
    EndReason.COMPLETED_EDUCATION: NoteText(
        "Avslutning: utdanning",
        "{first} er tatt opp på {education} og avslutter programmet {ended}. Avtalt oppfølging etter 3, 6 og "
        "12 måneder.",
    ),
    EndReason.COMPLETED_OTHER: NoteText(
        "Avslutning: programmet gjennomført",
        "Programmet er gjennomført {ended}. {first} har fullført {milestone} og er registrert som arbeidssøker med "
        "oppfølging fra NAV. Avtalt oppfølging etter 3, 6 og 12 måneder.",
    ),
    EndReason.OTHER_BENEFIT: NoteText(
        "Avslutning: annen ytelse",
        "Programmet avsluttes {ended} fordi {first} går over til arbeidsavklaringspenger. Oppfølgingen fortsetter hos "
        "{office}, og erfaringene fra programmet tas med i den nye planen.",
    ),
    EndReason.NON_ATTENDANCE: NoteText(
        "Avslutning: fravær uten avtale",
        "Programmet avsluttes {ended} etter fravær uten avtale over flere uker. Vi har forsøkt å nå {first} på "
        "telefon, SMS og brev. {first} er informert om klageadgangen og om at det er mulig å søke på nytt.",
    ),
    EndReason.MOVED: NoteText(
        "Avslutning: flytting",
        "{first} flytter til {municipality}, og saken avsluttes {ended}. Med samtykke fra {first} er NAV "
        "{municipality} orientert, slik at oppfølgingen kan fortsette der.",
    ),
    EndReason.CONDITIONS_NO_LONGER_MET: NoteText(
        "Avslutning: vilkårene er ikke lenger oppfylt",
        "Vilkårene for programmet er ikke lenger oppfylt fordi {first} {condition}. Saken avsluttes {ended}. "
        "Begrunnelse og klagerett er gjennomgått.",
    ),
    EndReason.WITHDRAWN: NoteText(
        "Søknaden er trukket",
        "{first} har trukket søknaden {ended} og {withdrawal}. Informert om at det er mulig å søke på nytt senere.",
    ),
}

EVENT_COMMENTS: dict[CaseStatus, str] = {
    CaseStatus.APPLIED: "",
    CaseStatus.ASSESSED: "Arbeidsevnevurdering gjennomført.",
    CaseStatus.GRANTED: "Vilkårene i sosialtjenesteloven § 29 er oppfylt.",
    CaseStatus.REFUSED: "Vilkårene i sosialtjenesteloven § 29 er ikke oppfylt nå.",
    CaseStatus.ACTIVE: "Programmet har startet.",
    CaseStatus.EXTENDED: "Forlenget fordi særlige grunner tilsier det.",
}
END_COMMENTS: dict[EndReason, str] = {
    EndReason.COMPLETED_WORK: "Over i arbeid.",
    EndReason.COMPLETED_EDUCATION: "Over i utdanning.",
    EndReason.COMPLETED_OTHER: "Programmet er gjennomført.",
    EndReason.OTHER_BENEFIT: "Over på arbeidsavklaringspenger.",
    EndReason.NON_ATTENDANCE: "Avsluttet etter fravær uten avtale.",
    EndReason.MOVED: "Flyttet til en annen kommune.",
    EndReason.CONDITIONS_NO_LONGER_MET: "Vilkårene er ikke lenger oppfylt.",
    EndReason.WITHDRAWN: "Søknaden er trukket.",
}

# Meeting topics, by what the meeting is for.
TOPIC_MAPPING = "Kartleggingssamtale"
TOPIC_DECISION = "Samtale om vedtak"
TOPIC_START = "Oppstartsmøte og individuell plan"
TOPIC_FOLLOW_UPS = ("Oppfølgingssamtale", "Evaluering av plan", "Samtale om jobbsøking")
TOPIC_WORKPLACE = "Trepartsmøte på praksisplassen"
TOPIC_END = "Avslutningssamtale"
TOPIC_AFTER_CARE = "Oppfølging etter avslutning"
