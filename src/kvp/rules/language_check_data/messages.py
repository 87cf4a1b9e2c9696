"""What the checker tells the writer, in the writer's language (nb, nn, en): category labels, one explanation per
category and a suggested neutral rewording per rule. These texts follow the note's language, not the user
interface's, so they are kept here in all three languages rather than as gettext msgids. Evidence: E12."""

from __future__ import annotations

Texts = dict[str, str]  # language → text

LABELS: dict[str, Texts] = {
    "deficit": {"nb": "Mangelfokus", "nn": "Manglefokus", "en": "Deficit framing"},
    "othering": {"nb": "Annengjøring", "nn": "Andregjering", "en": "Cultural othering"},
    "origin": {"nb": "Opprinnelse som forklaring", "nn": "Opphav som forklaring", "en": "Origin as a reason"},
    "religion": {"nb": "Religion som hinder", "nn": "Religion som hinder", "en": "Religion as the barrier"},
    "assimilation": {"nb": "Krav om tilpasning", "nn": "Krav om tilpassing", "en": "Assimilation demand"},
    "dehumanising": {
        "nb": "Avmenneskeliggjørende bilde",
        "nn": "Avmenneskeleggjerande bilete",
        "en": "Dehumanising metaphor",
    },
    "generalisation": {
        "nb": "Generalisering om en gruppe",
        "nn": "Generalisering om ei gruppe",
        "en": "Generalisation about a group",
    },
    "blame": {"nb": "Moralisering eller tvil", "nn": "Moralisering eller tvil", "en": "Moralising or blame"},
}

EXPLANATIONS: dict[str, Texts] = {
    "deficit": {
        "nb": "Beskriver personen ut fra hva hun eller han mangler. Beskriv nivå og plan i stedet.",
        "nn": "Skildrar personen ut frå kva ho eller han manglar. Skildra nivå og plan i staden.",
        "en": "Describes the person by what they lack. State the level and the plan instead.",
    },
    "othering": {
        "nb": "Setter personen i en «oss og dem»-ramme eller roser det «vestlige». Beskriv konkret atferd.",
        "nn": "Set personen i ei «oss og dei»-ramme eller rosar det «vestlege». Skildra konkret åtferd.",
        "en": "Frames the person as 'them' against 'us' or praises what is 'Western'. Describe concrete behaviour.",
    },
    "origin": {
        "nb": "Bruker etnisitet eller opprinnelse som forklaring. Beskriv de konkrete forholdene.",
        "nn": "Brukar etnisitet eller opphav som forklaring. Skildra dei konkrete forholda.",
        "en": "Uses ethnicity or origin as a reason. Describe the concrete circumstances.",
    },
    "religion": {
        "nb": "Gjør religionen til hinderet. Beskriv behovet for tilrettelegging og hva som er avtalt.",
        "nn": "Gjer religionen til hinderet. Skildra behovet for tilrettelegging og kva som er avtalt.",
        "en": "Makes religion the barrier. Describe the accommodation need and what has been agreed.",
    },
    "assimilation": {
        "nb": "Krever at personen endrer klær, navn, språk eller vaner for å passe inn.",
        "nn": "Krev at personen endrar klede, namn, språk eller vanar for å passe inn.",
        "en": "Demands that the person change clothes, name, language or habits to fit in.",
    },
    "dehumanising": {
        "nb": "Omtaler mennesker som en naturkraft, en byrde eller dyr.",
        "nn": "Omtalar menneske som ei naturkraft, ei bør eller dyr.",
        "en": "Speaks of people as a natural force, a burden or animals.",
    },
    "generalisation": {
        "nb": "Generaliserer om en hel gruppe. Skriv om denne personen.",
        "nn": "Generaliserer om ei heil gruppe. Skriv om denne personen.",
        "en": "Generalises about a whole group. Write about this person.",
    },
    "blame": {
        "nb": "Tviler på personens forklaring eller moraliserer. Gjengi det som ble sagt og hva som skjedde.",
        "nn": "Tvilar på forklaringa til personen eller moraliserer. Gjeng att det som vart sagt og kva som skjedde.",
        "en": "Doubts the person's account or moralises. Report what was said and what happened.",
    },
}

# Suggested neutral rewordings, by rule; None where no rewording fits every sentence the rule finds.
SUGGESTIONS: dict[str, Texts] = {
    "deficit.language": {
        "nb": "norsknivå (f.eks. A2 muntlig) og plan for opplæring",
        "nn": "norsknivå (t.d. A2 munnleg) og plan for opplæring",
        "en": "Norwegian level (e.g. A2 spoken) and the plan for training",
    },
    "deficit.person": {
        "nb": "hva personen kan, og hva hun eller han trenger opplæring i",
        "nn": "kva personen kan, og kva ho eller han treng opplæring i",
        "en": "what the person can do, and what they need training in",
    },
    "deficit.integrate": {
        "nb": "hva personen selv sier om målene sine",
        "nn": "kva personen sjølv seier om måla sine",
        "en": "what the person says about their own goals",
    },
    "othering.western": {
        "nb": "den konkrete atferden (f.eks. møter presist, tar initiativ)",
        "nn": "den konkrete åtferda (t.d. møter presist, tek initiativ)",
        "en": "the concrete behaviour (e.g. arrives on time, takes initiative)",
    },
    "othering.culture": {
        "nb": "den konkrete situasjonen og hva personen selv sier",
        "nn": "den konkrete situasjonen og kva personen sjølv seier",
        "en": "the concrete situation and what the person says",
    },
    "origin": {
        "nb": "de konkrete kravene i stillingen og hva personen kan",
        "nn": "dei konkrete krava i stillinga og kva personen kan",
        "en": "the concrete requirements of the job and what the person can do",
    },
    "religion": {
        "nb": "behov for tilrettelegging (f.eks. bønnepause avtalt)",
        "nn": "behov for tilrettelegging (t.d. bønepause avtalt)",
        "en": "an accommodation need (e.g. prayer break agreed)",
    },
    "assimilation": {
        "nb": "arbeidsplassens konkrete krav (f.eks. verneutstyr), og at personen velger selv",
        "nn": "dei konkrete krava på arbeidsplassen (t.d. verneutstyr), og at personen vel sjølv",
        "en": "the workplace's concrete requirements (e.g. safety gear), and that the person decides",
    },
    "dehumanising.flow": {
        "nb": "mange nye deltakere",
        "nn": "mange nye deltakarar",
        "en": "many new participants",
    },
    "dehumanising.burden": {
        "nb": "hva som trengs av oppfølging",
        "nn": "kva som trengst av oppfølging",
        "en": "what follow-up is needed",
    },
    "generalisation": {
        "nb": "det denne personen sier eller gjør",
        "nn": "det denne personen seier eller gjer",
        "en": "what this person says or does",
    },
    "blame.doubt": {"nb": "oppgir", "nn": "opplyser", "en": "says"},
    "blame.usual": {
        "nb": "hva som skjedde denne gangen (dato, avtale)",
        "nn": "kva som skjedde denne gongen (dato, avtale)",
        "en": "what happened this time (date, agreement)",
    },
    "blame.excuse": {"nb": "forklaring", "nn": "forklaring", "en": "explanation"},
    "blame.difficult": {
        "nb": "den konkrete situasjonen og hva som ble avtalt",
        "nn": "den konkrete situasjonen og kva som vart avtalt",
        "en": "the concrete situation and what was agreed",
    },
}
