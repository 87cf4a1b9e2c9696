"""Texts for the demo mappings and plans: what participants write about themselves, their goals and
proposals, and the activities, providers and workplaces in Drammen that their plans are made of.

Participants write in the first person and in plain words, strengths first (E2, E18); a few write in
their own language (E1, E15). Goals say what matters to the person, not only income (E15). Counsellors
answer proposals with a reason and a way forward (E1). The workplaces named after the goals in
kvp.demo.texts, Strømsø Renhold AS and Elvebyen Kurssenter are fictional; the chains, public services
and other providers are of the kinds found in Drammen, and no real person or placement is meant.
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

# Phase-one activities that fit most people.
NORWEGIAN_COURSE = Course(
    MeasureType.NORWEGIAN_COURSE,
    "Norskopplæring",
    VOKSENOPPLAERING,
    "Norsk muntlig og skriftlig i liten gruppe, med Norskprøven til slutt.",
    "",  # the level is added per participant: "Norskprøven A2"
)
VOCATIONAL_NORWEGIAN = Course(
    MeasureType.VOCATIONAL_NORWEGIAN,
    "Norsk med yrkesretting",
    VOKSENOPPLAERING,
    "Norsk for arbeidslivet, med ord og situasjoner fra praksisplassen.",
    "",
)
# E5: the municipality's placements in health care need Norwegian B1, so a learner below B1 aiming for health
# care gets vocational Norwegian for health instead of the placement at first (kvp.demo.catalogue).
HEALTH_TRACKS = frozenset({"helsefagarbeider", "sykepleier"})
HEALTH_NORWEGIAN = Course(
    MeasureType.VOCATIONAL_NORWEGIAN,
    "Yrkesnorsk – helse og omsorg",
    VOKSENOPPLAERING,
    "Norsk for arbeid med eldre og syke, mens du venter på praksisplass: kommunen krever B1 for praksis i helse.",
    "",
    "a1",
)
JOB_SEEKING = Placement(
    "Jobbsøking med veiledning",
    AKTIV_BEMANNING,
    "CV, søknader og intervjutrening, og kontakt med arbeidsgivere som ansetter.",
    digital_needed="basic",
)
MASTERY = Course(
    MeasureType.MASTERY_COURSE,
    "Mestringskurs: tilbake til arbeid",
    FRELSESARMEEN,
    "Kurs i gruppe om egne ressurser, mål og hverdagen i jobb.",
    "",
)
DIGITAL = Course(
    MeasureType.DIGITAL_SKILLS,
    "Datakurs: e-post, BankID og nav.no",
    f"{LIBRARY} – digital hjelp",
    "Bruke e-post, BankID, nav.no og finn.no på egen PC og mobil.",
    "",
)
DRIVING = Course(
    MeasureType.DRIVING_LICENCE,
    "Førerkort klasse B: teori og kjøretimer",
    TRAFIKKSKOLE,
    "Teorikurs, trafikalt grunnkurs og kjøretimer.",
    "Førerkort klasse B",
    "a2",
)
HEALTH = Course(
    MeasureType.HEALTH_ACTIVITY,
    "Trening og kosthold med Frisklivssentralen",
    FRISKLIV,
    "Trening i gruppe og kurs i kosthold og søvn.",
    "",
)
WAGE_SUBSIDY_TITLE = "Lønnstilskudd: jobb som {occupation}"
WAGE_SUBSIDY_DESCRIPTION = "Ansatt med lønnstilskudd, med mål om fast stilling etter perioden."
# Low-threshold placements for a practice loop: one placement after the other, no qualification (E4).
LOOP_PLACEMENTS = (
    Placement("Arbeidstrening i butikk", "Kiwi Strømsø", "Varepåfylling og rydding på lageret."),
    Placement("Arbeidstrening på lager", LIER_VEKSTSENTER, "Pakking og sortering."),
    Placement("Arbeidstrening i fargehandel", "Fargerike Drammen", "Varepåfylling og rydding i butikken."),
    Placement("Arbeidstrening i butikk", "Rema 1000 Gulskogen", "Varepåfylling og datokontroll."),
)
# A solitary placement marked as language practice (E14: it should not count as such).
SOLITARY = Placement(
    "Kveldsrenhold av kontorer (språkpraksis)",
    "Strømsø Renhold AS",
    "Renhold av kontorer etter arbeidstid, for å øve norsk i praksis.",
)

# Goals besides the main one, by what they are about.
LANGUAGE_GOALS = (
    "Lære norsk så jeg kan hjelpe barna med lekser.",
    "Snakke norsk på jobben uten tolk.",
    "Bestå Norskprøven på B1-nivå.",
    "Lære norsk så godt at jeg kan ringe legen og skolen selv.",
)
LICENCE_GOAL = "Få førerkort klasse B."
DIGITAL_GOAL = "Bli flinkere på data, så jeg kan søke jobber selv."
GENERAL_GOALS = (
    "Få fast jobb og klare meg selv uten sosialhjelp.",
    "Ha en jobb barna mine kan være stolte av.",
    "Bli kjent med flere folk i Drammen.",
    "Komme i bedre form og få mer energi.",
)
COUNSELLOR_GOALS = (
    "Få vurdert utdanningen fra hjemlandet, så den teller i Norge.",
    "Prøve ut hvilke arbeidsoppgaver som passer, i praksis.",
)
# Goals the participant adds after the plan was agreed (the plan then needs a new agreement).
RECENT_GOALS = ("Få førerkort klasse B.", "Ta Norskprøven skriftlig også.", "Få fast jobb der jeg har praksis nå.")

TRAITS = (
    "Jeg møter alltid opp og er til å stole på.",
    "Jeg lærer fort når jeg får vise det med hendene.",
    "Jeg samarbeider godt og hjelper gjerne nye kolleger.",
    "Jeg gir meg ikke når noe er vanskelig.",
    "Jeg er vant til å ha ansvar for mange oppgaver samtidig.",
)
# The name of a language in bokmål, for "Jeg snakker somali og arabisk."
LANGUAGE_NAMES = {
    "so": "somali", "ar": "arabisk", "ti": "tigrinja", "prs": "dari", "ps": "pashto", "ckb": "sorani",
    "pl": "polsk", "tr": "tyrkisk", "ur": "urdu", "uk": "ukrainsk", "ru": "russisk", "am": "amharisk",
    "th": "thai", "vi": "vietnamesisk", "lt": "litauisk", "fr": "fransk", "sw": "swahili", "fa": "persisk",
    "ta": "tamil", "en": "engelsk",
}  # fmt: skip


@dataclass(frozen=True)
class OwnWords:
    """What some participants write in their own language: a strength, a goal and a proposal."""

    strengths: str
    goal: str
    proposal: str  # to take a driving licence


OWN_WORDS = {
    "ar": OwnWords(
        "أحب العمل مع الناس وأتعلم بسرعة. عندي صبر كبير وأحب أن أساعد الآخرين.",
        "أريد عملاً ثابتاً حتى أعيل عائلتي.",
        "أريد أن أحصل على رخصة القيادة، لأن وظائف كثيرة تحتاج إلى سيارة.",
    ),
    "so": OwnWords(
        "Waxaan jeclahay inaan dadka la shaqeeyo. Waan dadaalaa, waqtigana waan ilaaliyaa.",
        "Waxaan doonayaa shaqo joogto ah si aan qoyskayga u masruufo.",
        "Waxaan rabaa inaan qaato liisanka baabuurka, sababtoo ah shaqooyin badan ayaa u baahan baabuur.",
    ),
    "pl": OwnWords(
        "Lubię pracować z ludźmi, szybko się uczę i pracuję dokładnie.",
        "Chcę mieć stałą pracę, żeby utrzymać rodzinę.",
        "Chcę zrobić prawo jazdy, bo do wielu prac potrzebny jest samochód.",
    ),
    "uk": OwnWords(
        "Я люблю працювати з людьми, швидко вчуся і працюю ретельно.",
        "Я хочу мати постійну роботу, щоб утримувати родину.",
        "Я хочу отримати водійські права, бо для багатьох робіт потрібна машина.",
    ),
    "ru": OwnWords(
        "Я люблю работать с людьми, быстро учусь и работаю аккуратно.",
        "Я хочу постоянную работу, чтобы содержать семью.",
        "Я хочу получить водительские права, потому что для многих работ нужна машина.",
    ),
    "tr": OwnWords(
        "İnsanlarla çalışmayı seviyorum, çabuk öğrenirim ve işimi titizlikle yaparım.",
        "Ailemi geçindirebilmek için sürekli bir iş istiyorum.",
        "Ehliyet almak istiyorum, çünkü birçok iş için araba gerekiyor.",
    ),
    "fa": OwnWords(
        "کار کردن با مردم را دوست دارم، زود یاد می‌گیرم و کارم را با دقت انجام می‌دهم.",
        "می‌خواهم کار ثابتی داشته باشم تا بتوانم خرج خانواده‌ام را بدهم.",
        "می‌خواهم گواهینامه رانندگی بگیرم، چون برای خیلی از کارها ماشین لازم است.",
    ),
    "prs": OwnWords(
        "کار کردن با مردم را دوست دارم، زود یاد می‌گیرم و کارم را با دقت انجام می‌دهم.",
        "می‌خواهم کار ثابتی داشته باشم تا بتوانم خرج فامیلم را بدهم.",
        "می‌خواهم جواز رانندگی بگیرم، چون برای بسیاری از کارها موتر لازم است.",
    ),
    "en": OwnWords(
        "I like working with people, I learn fast and I am careful in my work.",
        "I want a permanent job so I can support my family.",
        "I want to get a driving licence, because many jobs need a car.",
    ),
    "fr": OwnWords(
        "J'aime travailler avec les gens, j'apprends vite et je travaille avec soin.",
        "Je veux un emploi stable pour faire vivre ma famille.",
        "Je voudrais passer le permis de conduire, car beaucoup d'emplois demandent une voiture.",
    ),
    "vi": OwnWords(
        "Tôi thích làm việc với mọi người, học nhanh và làm việc cẩn thận.",
        "Tôi muốn có việc làm ổn định để nuôi gia đình.",
        "Tôi muốn học lấy bằng lái xe, vì nhiều công việc cần có xe hơi.",
    ),
    "lt": OwnWords(
        "Man patinka dirbti su žmonėmis, greitai mokausi ir dirbu kruopščiai.",
        "Noriu turėti nuolatinį darbą, kad galėčiau išlaikyti šeimą.",
        "Noriu gauti vairuotojo pažymėjimą, nes daugeliui darbų reikia automobilio.",
    ),
}

# What matters (Mapping.Matters values), with how often it is chosen and a sentence in the person's words.
MATTERS = (
    ("income", 30, "Å klare meg selv uten sosialhjelp."),
    ("family", 25, "At barna ser at jeg går på jobb hver dag."),
    ("trade", 20, "Å jobbe med det jeg kan, ikke begynne helt på nytt."),
    ("status", 10, "Å ha en jobb som folk respekterer."),
    ("network", 10, "Å ha kolleger og bli kjent med folk her."),
    ("learning", 10, "Å lære noe nytt og få papirer på det jeg kan."),
    ("health", 5, "At jobben ikke er for tung for ryggen."),
)
ACCOMMODATIONS = (
    "Henter barn i barnehagen kl. 15.30.",
    "Ikke aktivitet før kl. 09.00 (følger barna til skolen).",
    "Ikke tunge løft (ryggen).",
    "Fysioterapi tirsdager kl. 14.",
    "Tolk i samtaler og møter.",
    "Alenemor: fri i skolens ferier når barnehagen er stengt.",
)
OTHER_JOBS = (
    "Renholder", "Butikkmedarbeider", "Lagerarbeider", "Sjåfør", "Servitør", "Barnepasser", "Bonde", "Lærer",
    "Selger", "Frisør", "Sveiser", "Kokk", "Bygningsarbeider", "Fabrikkarbeider", "Sydame",
)  # fmt: skip
JOBS_IN_NORWAY = (
    "Renholder", "Avisbud", "Butikkmedarbeider", "Lagerarbeider", "Servitør", "Assistent i barnehage",
    "Telefonselger", "Oppvasker",
)  # fmt: skip
FIELDS = ("Allmennfag", "Matematikk og naturfag", "Elektro", "Handel og kontor", "Tekstil", "Landbruk")
NORWEGIAN_FIELDS = ("Studiespesialisering", "Restaurant- og matfag", "Helse- og oppvekstfag", "Bygg- og anleggsteknikk")
ADULT_SCHOOL = "Grunnskole for voksne: norsk, matematikk og engelsk"
NORWEGIAN_TEST = "Norskprøven"
PLACEMENT_TEST = f"Kartlegging ved {VOKSENOPPLAERING}"


@dataclass(frozen=True)
class ActivityText:
    """The activity an accepted proposal becomes."""

    title: str
    provider: str
    description: str
    hours: str
    weekdays: tuple[int, ...]
    weeks: int
    formal_qualification: str = ""


@dataclass(frozen=True)
class ProposalIdea:
    """Something a participant proposes, with the counsellor's possible answers (§ 42; E1).

    `{month}` in an answer is the month it points to; `{trade}` is the participant's trade."""

    measure_type: MeasureType
    text: str
    becomes: ActivityText | None  # None: a change to an activity in the plan
    declines: tuple[str, ...]
    with_changes: str = ""
    own_language: bool = False  # OWN_WORDS has the text in some languages


PROPOSALS = (
    ProposalIdea(
        MeasureType.DRIVING_LICENCE,
        "Jeg vil ta førerkort. Mange jobber krever bil, og da kan jeg komme meg på jobb tidlig om morgenen.",
        ActivityText(DRIVING.title, TRAFIKKSKOLE, DRIVING.description, "3.0", (3,), 16, "Førerkort klasse B"),
        (
            "Nå er dagene fulle med norskkurs og praksis. Vi tar førerkort inn i planen når praksisen er ferdig i "
            "{month}, og du kan gjerne begynne å lese til teoriprøven allerede nå.",
        ),
        with_changes="Vi starter med teorikurset nå, og kjøretimene kommer inn i planen når teoriprøven er bestått.",
        own_language=True,
    ),
    ProposalIdea(
        MeasureType.OWN_ACTIVITY,
        "Jeg vil gå på språkkafé på biblioteket på torsdager, for å snakke mer norsk.",
        ActivityText(
            "Språkkafé på Drammensbiblioteket",
            LIBRARY,
            "Samtale på norsk med frivillige, torsdag ettermiddag.",
            "2.0",
            (3,),
            20,
        ),
        ("Språkkafeen er på kvelden når du har praksis. Vi har funnet en språkkafé på lørdager i stedet.",),
    ),
    ProposalIdea(
        MeasureType.LABOUR_MARKET_COURSE,
        "Kan jeg ta truckførerkurs? Mange ledige jobber på lager krever truckførerbevis.",
        ActivityText(
            "Truckførerkurs (T1 og T4)",
            AKTIV_BEMANNING,
            "Teori og praktisk kjøring, med prøve til slutt.",
            "4.0",
            (4,),
            6,
            "Truckførerbevis T1 og T4",
        ),
        ("Kurset er fullt til {month}. Vi setter deg på venteliste og ser på yrkesnorsk i mellomtiden.",),
        with_changes="Kurset er fullt nå, så du får plass på neste kurs. Vi har lagt det inn fra første ledige dato.",
    ),
    ProposalIdea(
        MeasureType.HEALTH_ACTIVITY,
        "Jeg vil trene med Frisklivssentralen to ganger i uken. Det hjelper for ryggen og gir meg mer energi.",
        ActivityText("Trening med Frisklivssentralen", FRISKLIV, "Trening i gruppe.", "3.0", (1, 3), 12),
        ("Gruppene på dagtid er fulle. Vi har meldt deg på gruppen som starter i {month}.",),
    ),
    ProposalIdea(
        MeasureType.DIGITAL_SKILLS,
        "Jeg vil lære å bruke PC bedre, så jeg kan søke jobber og lese meldinger fra NAV selv.",
        ActivityText(DIGITAL.title, DIGITAL.provider, DIGITAL.description, "3.0", (2,), 8),
        ("Det er et godt forslag. Kurset starter igjen i {month}, og vi har meldt deg på det.",),
    ),
    ProposalIdea(
        MeasureType.TRADE_CERTIFICATE,
        "Jeg har jobbet mange år i faget. Kan jeg ta fagbrev som praksiskandidat?",
        ActivityText(
            "Vurdering av praksis for fagbrev",
            FAGBREV_PROVIDER,
            "Fylkeskommunen vurderer om erfaringen gir rett til å gå opp til fagprøven.",
            "2.0",
            (4,),
            8,
        ),
        (
            "Du trenger fem års allsidig praksis i faget for å gå opp som praksiskandidat. Vi ber fylkeskommunen "
            "vurdere erfaringen din, og tar fagbrevet inn i planen når vi har svaret.",
        ),
    ),
    ProposalIdea(
        MeasureType.EDUCATION,
        "Jeg vil ta matte og engelsk fra videregående på kveldstid, så jeg kan søke fagskole senere.",
        ActivityText(
            "Matematikk og engelsk, videregående for voksne (kveld)",
            "Buskerud fylkeskommune – voksenopplæring",
            "To kvelder i uken, med eksamen.",
            "4.0",
            (0, 2),
            20,
            "Vitnemål i matematikk og engelsk (Vg1)",
        ),
        (
            "Programmet kan ikke betale for kurset nå, men du har rett til gratis opplæring for voksne. Vi hjelper "
            "deg å søke hos fylkeskommunen før fristen i {month}.",
        ),
    ),
    ProposalIdea(
        MeasureType.WORK_PRACTICE,
        "Kan jeg begynne kl. 09.00 i stedet for kl. 08.00? Jeg følger barna til skolen.",
        None,
        (
            "Praksisstedet trenger deg fra kl. 08.00 fordi varene kommer da. Vi har spurt om du kan begynne "
            "kl. 08.30 to dager i uken, og får svar neste uke.",
        ),
    ),
    ProposalIdea(
        MeasureType.WORK_PRACTICE,
        "Jeg vil ha praksis fire dager i stedet for tre, så jeg lærer mer og får vist hva jeg kan.",
        None,
        (
            "Norskkurset er viktig for målet ditt, så vi beholder to dager norsk nå. Vi ser på fire dager praksis "
            "ved evalueringen i {month}.",
        ),
    ),
)
ACCEPTED_ANSWERS = ("", "", "Godt forslag! Det er lagt inn i planen.", "Fint. Vi følger opp hvordan det går.")
MONTHS = (
    "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
    "desember",
)  # fmt: skip
