"""Texts for the demo mappings and plans: what participants write about themselves, their goals and
proposals, and the activities their plans are made of (the tracks and providers are in kvp.demo.tracks).

Participants write in the first person and in plain words, strengths first (E2, E18); a few write in
their own language (E1, E15). Goals say what matters to the person, not only income (E15). Counsellors
answer proposals with a reason and a way forward (E1).
"""

from __future__ import annotations

from dataclasses import dataclass

from kvp.demo.tracks import (
    AKTIV_BEMANNING,
    FAGBREV_PROVIDER,
    FRELSESARMEEN,
    FRISKLIV,
    LIBRARY,
    LIER_VEKSTSENTER,
    TRAFIKKSKOLE,
    VOKSENOPPLAERING,
    Course,
    Placement,
)
from kvp.rules.measures import MeasureType

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
