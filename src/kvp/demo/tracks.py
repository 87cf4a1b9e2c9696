"""The tracks the demo participants follow towards an occupation, and the providers and workplaces in Drammen
their plans use: courses and placements per track, with the STYRK-08 codes of the occupations and past jobs.

The workplaces named after the goals in kvp.demo.texts, Strømsø Renhold AS and Elvebyen Kurssenter are
fictional; the chains, public services and other providers are of the kinds found in Drammen, and no real
person or placement is meant.
"""

from __future__ import annotations

from dataclasses import dataclass

from kvp.rules.measures import MeasureType

VOKSENOPPLAERING = "Drammen voksenopplæring"
FAGBREV_PROVIDER = "Buskerud fylkeskommune – fagbrev for praksiskandidater"
TRAFIKKSKOLE = "Drammen Trafikkskole"
FRELSESARMEEN = "Frelsesarmeen jobbsenter Drammen"
AKTIV_BEMANNING = "Aktiv Bemanning"
LIER_VEKSTSENTER = "Lier vekstsenter"
FRISKLIV = "Frisklivssentralen i Drammen"
LIBRARY = "Drammensbiblioteket"
KURSSENTER = "Elvebyen Kurssenter"


@dataclass(frozen=True)
class Placement:
    """A workplace for work practice: what the participant does there, and the Norwegian it needs."""

    title: str
    provider: str
    description: str
    norwegian_needed: str = ""  # a CEFR level, when the workplace asks for one
    digital_needed: str = ""


@dataclass(frozen=True)
class Course:
    """The step that gives a formal qualification towards the goal (E3, E4)."""

    measure_type: MeasureType
    title: str
    provider: str
    description: str
    formal_qualification: str
    norwegian_needed: str = ""


@dataclass(frozen=True)
class Track:
    """What a plan towards one occupation (kvp.demo.texts.GOALS) is made of."""

    occupation: str
    goal_again: str  # the goal of someone who has worked in the trade before
    goal_new: str
    strength: str  # a first-person strength that goes with the trade
    past_jobs: tuple[str, ...]  # the trade itself first, then related work
    experience_note: str  # what someone did in the trade before, in their words
    entry: Placement  # a first placement, often in a chain or a public service
    trade_title: str  # practice in the trade at the goal's workplace (kvp.demo.texts.Goal.workplace)
    trade_description: str
    trade_norwegian: str
    course: Course
    education_field: str  # the field of a matching education


def _fagbrev(trade: str, field: str) -> Course:
    return Course(
        MeasureType.TRADE_CERTIFICATE,
        f"Fagbrev som praksiskandidat: {trade}",
        FAGBREV_PROVIDER,
        "Teorikurs to dager i uken og dokumentert praksis. Erfaringen fra før teller med.",
        f"Fagbrev i {field}",
        "a2",
    )


SYKEHJEM = Placement(
    "Arbeidstrening på sykehjem",
    "Drammen kommune – sykehjem",
    "Hjelpe til med måltider, turer og aktiviteter for beboerne, sammen med en fast veileder.",
    norwegian_needed="a2",
)

TRACKS = (
    Track(
        "helsefagarbeider",
        "Jeg vil jobbe i eldreomsorgen igjen, og nå vil jeg ha fagbrev.",
        "Jeg vil bli helsefagarbeider og jobbe med eldre.",
        "Jeg er tålmodig og flink til å ta vare på andre.",
        ("Pleieassistent", "Hjemmehjelp"),
        "Stelte eldre i hjemmet og på et lite sykehus.",
        SYKEHJEM,
        "Praksis som helsefagarbeider",
        "Stell, måltider og dokumentasjon på en avdeling, med fagarbeider som veileder.",
        "a2",
        _fagbrev("helsearbeiderfaget", "helsearbeiderfaget"),
        "Helsefag",
    ),
    Track(
        "barne- og ungdomsarbeider",
        "Jeg vil jobbe med barn igjen, slik jeg gjorde før.",
        "Jeg vil jobbe i barnehage.",
        "Jeg er glad i barn, og barna blir trygge hos meg.",
        ("Barnepasser", "Lærer"),
        "Passet barn og hadde ansvar for leker og måltider.",
        Placement(
            "Arbeidstrening i barnehage",
            "Drammen kommune – barnehage",
            "Lek, måltider og turer med barna, sammen med de ansatte på avdelingen.",
            norwegian_needed="a2",
        ),
        "Praksis i barnehage",
        "Fast på en avdeling, med pedagogisk leder som veileder.",
        "a2",
        _fagbrev("barne- og ungdomsarbeiderfaget", "barne- og ungdomsarbeiderfaget"),
        "Pedagogikk",
    ),
    Track(
        "kokk",
        "Jeg vil jobbe som kokk igjen.",
        "Jeg vil bli kokk.",
        "Jeg lager god mat til mange på kort tid, og jeg holder orden på kjøkkenet.",
        ("Kokk", "Kjøkkenassistent"),
        "Drev kjøkkenet i en restaurant med åtte ansatte.",
        Placement(
            "Arbeidstrening på kjøkken",
            f"{FRELSESARMEEN}, kafé og kantine",
            "Forberede lunsj, oppvask og varemottak i kantinen.",
        ),
        "Praksis som kokk",
        "Lunsj og catering på et storkjøkken, med kjøkkensjefen som veileder.",
        "a2",
        _fagbrev("kokkfaget", "kokkfaget"),
        "Kokk og servering",
    ),
    Track(
        "bussjåfør",
        "Jeg vil kjøre buss, slik jeg kjørte før.",
        "Få førerkort og jobb som sjåfør.",
        "Jeg kjører trygt og er rolig, også i mye trafikk.",
        ("Sjåfør", "Budbilsjåfør"),
        "Kjørte buss og lastebil mellom byene.",
        Placement(
            "Arbeidstrening på lager og varelevering",
            "ASKO",
            "Plukke varer og være med sjåføren på leveranser til butikker.",
        ),
        "Praksis i busselskap",
        "Verksted, vask og klargjøring av busser, og med på ruter som observatør.",
        "a2",
        Course(
            MeasureType.DRIVING_LICENCE,
            "Førerkort klasse D med yrkessjåførutdanning",
            TRAFIKKSKOLE,
            "Teori, kjøretimer og yrkessjåførkurset.",
            "Førerkort klasse D og yrkessjåførbevis",
            "b1",
        ),
        "Transport",
    ),
    Track(
        "lagermedarbeider",
        "Jeg vil ha fast jobb på lager igjen.",
        "Jeg vil ha fast jobb på lager.",
        "Jeg er sterk og rask, og jeg holder orden.",
        ("Lagerarbeider", "Sjåfør"),
        "Hadde ansvar for varemottak og plukk på et stort lager.",
        Placement(
            "Arbeidstrening på lager", "ASKO", "Plukk og pakking av varer, og opplæring i varemottak og vareflyt."
        ),
        "Praksis på lager",
        "Varemottak, plukk og truckkjøring med fadder.",
        "a1",
        Course(
            MeasureType.LABOUR_MARKET_COURSE,
            "Truckførerkurs (T1 og T4)",
            AKTIV_BEMANNING,
            "Teori og praktisk kjøring, med prøve til slutt.",
            "Truckførerbevis T1 og T4",
        ),
        "Logistikk",
    ),
    Track(
        "renholdsoperatør",
        "Jeg vil ha fagbrev i renhold og fast jobb.",
        "Jeg vil ha fast jobb i renhold.",
        "Jeg jobber grundig og ser selv hva som må gjøres.",
        ("Renholder", "Hotellrenholder"),
        "Vasket rom og fellesarealer på et stort hotell.",
        Placement(
            "Arbeidstrening i renhold", LIER_VEKSTSENTER, "Renhold av kontorer og fellesarealer i et fast arbeidslag."
        ),
        "Praksis i renhold",
        "Renhold på skoler og kontorer på dagtid, i et arbeidslag med fagarbeider.",
        "a1",
        _fagbrev("renholdsoperatørfaget", "renholdsoperatørfaget"),
        "Service",
    ),
    Track(
        "butikkmedarbeider",
        "Jeg vil jobbe i butikk igjen, nå på norsk.",
        "Jeg vil jobbe i butikk og snakke med kunder på norsk.",
        "Jeg er god med kunder og regner raskt i hodet.",
        ("Butikkmedarbeider", "Selger"),
        "Drev egen klesbutikk i seks år.",
        Placement(
            "Arbeidstrening i butikk",
            "Kiwi Strømsø",
            "Varepåfylling, datokontroll og etter hvert kasse, med en fast fadder.",
            norwegian_needed="a1",
        ),
        "Praksis i butikk",
        "Kundeservice, bestilling og kasse.",
        "a2",
        _fagbrev("salgsfaget", "salgsfaget"),
        "Handel",
    ),
    Track(
        "tømrer",
        "Jeg vil jobbe som tømrer igjen.",
        "Jeg vil bli tømrer.",
        "Jeg er flink med hendene og kan bygge det meste.",
        ("Tømrer", "Bygningsarbeider"),
        "Bygde hus og tak, og ledet et lite arbeidslag.",
        Placement(
            "Arbeidstrening i snekkerverksted",
            LIER_VEKSTSENTER,
            "Snekre benker og plantekasser på bestilling fra kommunen.",
        ),
        "Praksis som tømrer",
        "Oppussing og tilbygg, med svenn som veileder.",
        "a2",
        _fagbrev("tømrerfaget", "tømrerfaget"),
        "Bygg og anlegg",
    ),
    Track(
        "regnskapsmedarbeider",
        "Jeg vil jobbe med regnskap igjen.",
        "Jeg vil jobbe på kontor med regnskap.",
        "Jeg er nøyaktig og god med tall.",
        ("Regnskapsfører", "Kontormedarbeider"),
        "Førte regnskap for små bedrifter.",
        Placement(
            "Arbeidstrening på kontor",
            "Drammen kommune – servicetorget",
            "Skanning, arkiv og enkle oppgaver i fagsystemene.",
            norwegian_needed="a2",
            digital_needed="independent",
        ),
        "Praksis i regnskapsbyrå",
        "Bilagsføring og avstemming i Tripletex, med autorisert regnskapsfører som veileder.",
        "b1",
        Course(
            MeasureType.LABOUR_MARKET_COURSE,
            "Kurs i norsk regnskap og Tripletex",
            KURSSENTER,
            "Norske regler for regnskap, lønn og merverdiavgift, med eksamen.",
            "Kursbevis: norsk regnskap (eksamen)",
            "b1",
        ),
        "Økonomi og regnskap",
    ),
    Track(
        "sykepleier",
        "Jeg vil jobbe som sykepleier i Norge.",
        "Jeg vil jobbe som sykepleier i Norge.",
        "Jeg har lang erfaring med pasienter og holder hodet kaldt når det haster.",
        ("Sykepleier", "Pleieassistent"),
        "Jobbet på akuttmottak og barneavdeling.",
        SYKEHJEM,
        "Praksis som helsefagarbeider",
        "Stell og observasjon av pasienter, med sykepleier som veileder.",
        "b1",
        Course(
            MeasureType.NORWEGIAN_COURSE,
            "Norsk for helsepersonell (B2)",
            VOKSENOPPLAERING,
            "Fagnorsk for helse, med Norskprøven på B2-nivå til slutt. Trengs for autorisasjon.",
            "Norskprøven B2",
            "b1",
        ),
        "Sykepleie",
    ),
    Track(
        "bilmekaniker",
        "Jeg vil jobbe som bilmekaniker igjen.",
        "Jeg vil bli bilmekaniker.",
        "Jeg finner raskt ut hva som er galt med en bil.",
        ("Bilmekaniker", "Dekkmontør"),
        "Hadde eget bilverksted med to ansatte.",
        Placement("Arbeidstrening på dekkhotell", LIER_VEKSTSENTER, "Dekkskift, vask og lager i sesongen."),
        "Praksis som bilmekaniker",
        "Service og reparasjoner, med mester som veileder.",
        "a2",
        _fagbrev("bilfaget", "bilfaget, lette kjøretøy"),
        "Bilfag",
    ),
    Track(
        "frisør",
        "Jeg vil jobbe som frisør igjen.",
        "Jeg vil bli frisør.",
        "Jeg er kreativ, og kundene føler seg velkomne hos meg.",
        ("Frisør", "Selger"),
        "Hadde egen salong hjemme.",
        Placement("Arbeidstrening i butikk", "Rema 1000 Gulskogen", "Varepåfylling og kundeservice."),
        "Praksis i frisørsalong",
        "Vask, klipp og kundebehandling, med frisørmester som veileder.",
        "a2",
        _fagbrev("frisørfaget", "frisørfaget"),
        "Frisør",
    ),
    Track(
        "anleggsgartner",
        "Jeg vil jobbe som gartner igjen og få fagbrev.",
        "Jeg vil jobbe ute med planter og parker.",
        "Jeg kan mye om planter og jobber godt ute i all slags vær.",
        ("Gartner", "Bonde"),
        "Dyrket grønnsaker og frukt, og stelte parken i byen.",
        Placement(
            "Arbeidstrening i gartneri", LIER_VEKSTSENTER, "Såing, stell og salg av planter i drivhus og utsalg."
        ),
        "Praksis som anleggsgartner",
        "Parker, plen og beplantning, med fagarbeider som veileder.",
        "a1",
        _fagbrev("anleggsgartnerfaget", "anleggsgartnerfaget"),
        "Landbruk",
    ),
    Track(
        "IT-supportmedarbeider",
        "Jeg vil jobbe med IT igjen.",
        "Jeg vil jobbe med IT-støtte.",
        "Jeg liker å finne ut av tekniske problemer og å hjelpe folk med data.",
        ("IT-tekniker", "Mobilreparatør"),
        "Reparerte PC-er og mobiler og satte opp nettverk.",
        Placement(
            "Arbeidstrening med PC-utstyr",
            FRELSESARMEEN,
            "Klargjøre brukte PC-er for salg, og hjelpe besøkende med data.",
            digital_needed="independent",
        ),
        "Praksis i IT-støtte",
        "Brukerstøtte på telefon og oppsett av utstyr.",
        "b1",
        Course(
            MeasureType.LABOUR_MARKET_COURSE,
            "IT-kurs med sertifisering (CompTIA A+)",
            KURSSENTER,
            "Maskinvare, nettverk og brukerstøtte, med sertifiseringsprøve.",
            "CompTIA A+-sertifikat",
            "a2",
        ),
        "Informatikk",
    ),
    Track(
        "sveiser",
        "Jeg vil jobbe som sveiser igjen.",
        "Jeg vil bli sveiser.",
        "Jeg sveiser nøyaktig og leser tegninger godt.",
        ("Sveiser", "Platearbeider"),
        "Sveiste stål i en fabrikk for landbruksmaskiner.",
        Placement("Arbeidstrening i verksted", LIER_VEKSTSENTER, "Enkle sveise- og monteringsoppdrag for kommunen."),
        "Praksis som sveiser",
        "Sveising og montering i produksjonen, med fagarbeider som veileder.",
        "a1",
        Course(
            MeasureType.TRADE_CERTIFICATE,
            "Sveisesertifikat og fagbrev som praksiskandidat",
            FAGBREV_PROVIDER,
            "Sveisekurs med sertifikatprøve, og teori til fagprøven.",
            "Sveisesertifikat (NS-EN ISO 9606-1)",
            "a2",
        ),
        "Mekaniske fag",
    ),
)
TRACK_BY_OCCUPATION = {track.occupation: track for track in TRACKS}
# STYRK-08 codes (kvp.rules.occupations) of the occupations the tracks aim for, and of the jobs participants
# have had, so that goals and experience can be compared with the catalogue's offers (E4, E8).
TRACK_CODES = {
    "helsefagarbeider": "5321", "barne- og ungdomsarbeider": "5311", "kokk": "5120", "bussjåfør": "8331",
    "lagermedarbeider": "4321", "renholdsoperatør": "9112", "butikkmedarbeider": "5223", "tømrer": "7115",
    "regnskapsmedarbeider": "4311", "sykepleier": "2223", "bilmekaniker": "7231", "frisør": "5141",
    "anleggsgartner": "6113", "gartner": "6113", "IT-supportmedarbeider": "3512", "sveiser": "7212",
}  # fmt: skip
JOB_CODES = {
    "Pleieassistent": "5329", "Hjemmehjelp": "5322", "Barnepasser": "5311", "Lærer": "2341", "Kokk": "5120",
    "Kjøkkenassistent": "9412", "Sjåfør": "8322", "Budbilsjåfør": "8322", "Lagerarbeider": "4321",
    "Renholder": "9112", "Hotellrenholder": "9112", "Butikkmedarbeider": "5223", "Selger": "5223",
    "Tømrer": "7115", "Bygningsarbeider": "7119", "Regnskapsfører": "3313", "Kontormedarbeider": "4110",
    "Sykepleier": "2223", "Bilmekaniker": "7231", "Dekkmontør": "7231", "Frisør": "5141", "Gartner": "6113",
    "Bonde": "6130", "IT-tekniker": "3512", "Mobilreparatør": "7421", "Sveiser": "7212", "Platearbeider": "7214",
    "Servitør": "5131", "Fabrikkarbeider": "9329", "Sydame": "7531", "Avisbud": "9621",
    "Assistent i barnehage": "5311", "Telefonselger": "5244", "Oppvasker": "9412",
}  # fmt: skip
