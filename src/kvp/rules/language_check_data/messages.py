"""What the checker tells the writer: category labels, one explanation per category and a suggested neutral
rewording per rule, as English message ids in the gettext catalogues (context "language check"). They follow the
note's language (nb, nn or en), not the user interface's, so the Django layer shows them with
`kvp.common.i18n.translated(message, note_language, context=CONTEXT)`. Evidence: E12."""

from __future__ import annotations

from kvp.rules.texts import NC_

CONTEXT = "language check"

LABELS: dict[str, str] = {
    "deficit": NC_("language check", "Deficit framing"),
    "othering": NC_("language check", "Cultural othering"),
    "origin": NC_("language check", "Origin as a reason"),
    "religion": NC_("language check", "Religion as the barrier"),
    "assimilation": NC_("language check", "Assimilation demand"),
    "dehumanising": NC_("language check", "Dehumanising metaphor"),
    "generalisation": NC_("language check", "Generalisation about a group"),
    "blame": NC_("language check", "Moralising or blame"),
}

EXPLANATIONS: dict[str, str] = {
    "deficit": NC_("language check", "Describes the person by what they lack. State the level and the plan instead."),
    "othering": NC_(
        "language check",
        "Frames the person as 'them' against 'us' or praises what is 'Western'. Describe concrete behaviour.",
    ),
    "origin": NC_("language check", "Uses ethnicity or origin as a reason. Describe the concrete circumstances."),
    "religion": NC_(
        "language check",
        "Makes religion the barrier. Describe the accommodation need and what has been agreed.",
    ),
    "assimilation": NC_(
        "language check",
        "Demands that the person change clothes, name, language or habits to fit in.",
    ),
    "dehumanising": NC_("language check", "Speaks of people as a natural force, a burden or animals."),
    "generalisation": NC_("language check", "Generalises about a whole group. Write about this person."),
    "blame": NC_("language check", "Doubts the person's account or moralises. Report what was said and what happened."),
}

# Suggested neutral rewordings, by rule; None where no rewording fits every sentence the rule finds.
SUGGESTIONS: dict[str, str] = {
    "deficit.language": NC_("language check", "Norwegian level (e.g. A2 spoken) and the plan for training"),
    "deficit.person": NC_("language check", "what the person can do, and what they need training in"),
    "deficit.integrate": NC_("language check", "what the person says about their own goals"),
    "othering.western": NC_("language check", "the concrete behaviour (e.g. arrives on time, takes initiative)"),
    "othering.culture": NC_("language check", "the concrete situation and what the person says"),
    "origin": NC_("language check", "the concrete requirements of the job and what the person can do"),
    "religion": NC_("language check", "an accommodation need (e.g. prayer break agreed)"),
    "assimilation": NC_(
        "language check",
        "the workplace's concrete requirements (e.g. safety gear), and that the person decides",
    ),
    "dehumanising.flow": NC_("language check", "many new participants"),
    "dehumanising.burden": NC_("language check", "what follow-up is needed"),
    "generalisation": NC_("language check", "what this person says or does"),
    "blame.doubt": NC_("language check", "says"),
    "blame.usual": NC_("language check", "what happened this time (date, agreement)"),
    "blame.excuse": NC_("language check", "explanation"),
    "blame.difficult": NC_("language check", "the concrete situation and what was agreed"),
}
