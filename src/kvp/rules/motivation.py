"""Motivation check-ins: the instrument as data, scoring, when check-ins are due, and alerts on the scores.

Self-determination theory (Deci & Ryan, as presented by Helgesen 2017, pp. 79-97; SDT) says
motivation varies in kind, and that autonomous motivation, which gives the best results, rests on three basic
needs: autonomy, competence and relatedness. A check-in asks the participant, in their own language, how
these needs are met, and about the kind of motivation (because it matters to me / because I have to). A drop
or a lasting low score is a reason for the counsellor to talk with the participant (E7: time for relational
work with unmotivated participants; E16: close follow-up over time), shown with what happened just before.

An instrument is a YAML document (see src/kvp/motivation/instruments/kvp-basic-needs.yaml). `load_instrument`
validates it and names what is wrong: the item and the language, the unknown scale, the line of bad YAML.
Messages for users are English msgids marked with `N_`; the app translates them.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

import yaml

from kvp.rules.texts import N_

Param = str | int | Decimal  # a value shown in a message

EVIDENCE = "SDT (Helgesen 2017, pp. 79-97); E7, E16"


class Need(StrEnum):
    """What a scale item measures: the three basic needs and the two kinds of motivation (SDT)."""

    AUTONOMY = "autonomy"
    COMPETENCE = "competence"
    RELATEDNESS = "relatedness"
    AUTONOMOUS_MOTIVATION = "autonomous_motivation"  # doing it because it matters to me
    CONTROLLED_MOTIVATION = "controlled_motivation"  # doing it because I have to


NEED_LABELS: dict[Need, str] = {
    Need.AUTONOMY: N_("Autonomy (a say in own plan)"),
    Need.COMPETENCE: N_("Competence (learning what is needed)"),
    Need.RELATEDNESS: N_("Relatedness (belonging)"),
    Need.AUTONOMOUS_MOTIVATION: N_("Taking part because it matters to them"),
    Need.CONTROLLED_MOTIVATION: N_("Taking part because they have to"),
}
# Higher is better for these; a high "because I have to" is not a good sign, so it raises no drop or low alert.
ALERTING_NEEDS = (Need.AUTONOMY, Need.COMPETENCE, Need.RELATEDNESS, Need.AUTONOMOUS_MOTIVATION)

# Icons the check-in page can draw (src/kvp/templates/motivation/_icon.html): five faces, sad to happy.
ICONS = frozenset({"face-1", "face-2", "face-3", "face-4", "face-5"})
# Languages written right to left: the page sets dir="rtl" for them.
RTL_LANGUAGES = frozenset({"ar", "prs", "fa", "ps", "ur", "ckb", "he"})
# The texts of the check-in page itself, so that all of it is in the participant's language.
UI_TEXTS = ("title", "intro", "language", "submit", "thanks", "back", "optional", "missing")
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
KEY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


class InstrumentError(ValueError):
    """An instrument definition that cannot be used; the message says where and what."""


@dataclass(frozen=True)
class ScalePoint:
    value: int
    icon: str
    text: Mapping[str, str]  # language code → short label


@dataclass(frozen=True)
class Scale:
    key: str
    points: tuple[ScalePoint, ...]  # lowest value first

    @property
    def low(self) -> int:
        return self.points[0].value

    @property
    def high(self) -> int:
        return self.points[-1].value


@dataclass(frozen=True)
class Item:
    key: str
    text: Mapping[str, str]  # language code → the question
    need: Need | None  # None for an open question
    scale: str | None  # None for an open question
    reverse: bool = False  # scored high-low (a high answer means the need is less met)

    @property
    def is_open(self) -> bool:
        return self.scale is None


@dataclass(frozen=True)
class Instrument:
    key: str
    version: int
    rights: str  # who owns the wording and on what terms the office uses it
    languages: Mapping[str, str]  # code → the language's name in itself, in the order to offer them
    default_language: str
    reviewed_languages: tuple[str, ...]  # languages whose wording a qualified translator has checked
    review_note: str
    name: Mapping[str, str]
    ui: Mapping[str, Mapping[str, str]]  # UI_TEXTS key → language → text
    scales: Mapping[str, Scale]
    items: tuple[Item, ...]

    @property
    def scale_items(self) -> tuple[Item, ...]:
        return tuple(item for item in self.items if not item.is_open)

    @property
    def open_items(self) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.is_open)

    @property
    def needs(self) -> tuple[Need, ...]:
        """The needs the instrument scores, in Need order."""
        present = {item.need for item in self.scale_items}
        return tuple(need for need in Need if need in present)

    def language_for(self, wanted: str) -> str:
        """`wanted` if the instrument has it, else its default language (bokmål for ours)."""
        return wanted if wanted in self.languages else self.default_language

    def needs_review(self, language: str) -> bool:
        return language not in self.reviewed_languages

    @property
    def reference_language(self) -> str | None:
        """The reviewed wording shown beside a draft translation: the default language if a translator has
        checked it, else the first checked one; None if no wording is checked yet."""
        if not self.needs_review(self.default_language):
            return self.default_language
        return next(iter(self.reviewed_languages), None)

    def reviewed_language_for(self, wanted: str) -> str:
        """Like `language_for`, but never a draft translation when a checked wording exists."""
        language = self.language_for(wanted)
        return (self.reference_language or language) if self.needs_review(language) else language


def _require(mapping: Mapping[str, Any], name: str, where: str) -> Any:
    if name not in mapping or mapping[name] in (None, ""):
        raise InstrumentError(f"{where}: '{name}' is missing")
    return mapping[name]


def _texts(value: Any, where: str, languages: Sequence[str]) -> dict[str, str]:
    """A text in every declared language; names the place and the first language missing."""
    if not isinstance(value, dict):
        raise InstrumentError(f"{where}: expected a text for each language (language: text)")
    for language in languages:
        text = value.get(language)
        if text is not None and not isinstance(text, str):
            raise InstrumentError(f"{where}: the text in language '{language}' must be text (put it in quotes)")
        if text is None or not text.strip():
            raise InstrumentError(f"{where}: missing translation for language '{language}'")
    unknown = sorted(set(value) - set(languages))
    if unknown:
        raise InstrumentError(f"{where}: text in language '{unknown[0]}', which the instrument does not declare")
    return {language: value[language].strip() for language in languages}


def _mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InstrumentError(f"{where}: expected a mapping of names to values")
    return value


def load_instrument(text: str) -> Instrument:
    """SDT (the basic needs): parse and validate an instrument definition (YAML). Raises
    InstrumentError with a clear message.
    Instruments are data so an office can use one it has the rights to."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise InstrumentError(f"The file is not valid YAML{where}: {problem}") from exc
    root = _mapping(raw, "instrument")
    key = str(_require(root, "key", "instrument"))
    if not KEY.match(key):
        raise InstrumentError(f"instrument: key '{key}' must be lower-case letters, digits, - or _")
    version = _require(root, "version", "instrument")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise InstrumentError("instrument: version must be a whole number of at least 1")
    rights = str(_require(root, "rights", "instrument")).strip()
    languages = _mapping(_require(root, "languages", "instrument"), "languages")
    for code, own_name in languages.items():
        if not isinstance(code, str) or not LANGUAGE_CODE.match(code):
            raise InstrumentError(f"languages: '{code}' is not a language code (two or three lower-case letters)")
        if not isinstance(own_name, str) or not own_name.strip():
            raise InstrumentError(f"languages: give the name of '{code}' in that language")
    codes = list(languages)
    default = str(_require(root, "default_language", "instrument"))
    if default not in languages:
        raise InstrumentError(f"instrument: the default language '{default}' is not among its languages")
    review = _mapping(root.get("translation_review") or {}, "translation_review")
    reviewed = review.get("reviewed") or []
    if not isinstance(reviewed, list) or any(code not in languages for code in reviewed):
        raise InstrumentError("translation_review: 'reviewed' must list languages the instrument declares")
    review_note = str(review.get("note") or "").strip()
    if set(reviewed) != set(codes) and not review_note:
        raise InstrumentError("translation_review: say in a note which wording still needs a translator's review")
    name = _texts(_require(root, "name", "instrument"), "name", codes)
    ui_raw = _mapping(_require(root, "ui", "instrument"), "ui")
    ui = {text_key: _texts(_require(ui_raw, text_key, "ui"), f"ui '{text_key}'", codes) for text_key in UI_TEXTS}
    scales = {
        scale_key: _scale(str(scale_key), value, codes)
        for scale_key, value in _mapping(_require(root, "scales", "instrument"), "scales").items()
    }
    items_raw = _require(root, "items", "instrument")
    if not isinstance(items_raw, list):
        raise InstrumentError("items: expected a list of items")
    items: list[Item] = []
    for index, raw_item in enumerate(items_raw, start=1):
        items.append(_item(raw_item, index, codes, scales))
    keys = [item.key for item in items]
    duplicate = next((k for k in keys if keys.count(k) > 1), None)
    if duplicate is not None:
        raise InstrumentError(f"item '{duplicate}': two items have this key")
    if not any(not item.is_open for item in items):
        raise InstrumentError("items: the instrument has no scale item to score")
    _check_scoring(root.get("scoring"))
    return Instrument(
        key=key,
        version=version,
        rights=rights,
        languages={code: languages[code].strip() for code in codes},
        default_language=default,
        reviewed_languages=tuple(reviewed),
        review_note=review_note,
        name=name,
        ui=ui,
        scales=scales,
        items=tuple(items),
    )


def _scale(key: str, value: Any, codes: Sequence[str]) -> Scale:
    where = f"scale '{key}'"
    points_raw = _require(_mapping(value, where), "points", where)
    if not isinstance(points_raw, list) or len(points_raw) < 2:
        raise InstrumentError(f"{where}: give at least two points")
    points: list[ScalePoint] = []
    for raw in points_raw:
        point = _mapping(raw, where)
        number = _require(point, "value", where)
        if isinstance(number, bool) or not isinstance(number, int):
            raise InstrumentError(f"{where}: each point's value must be a whole number")
        icon = str(_require(point, "icon", f"{where} point {number}"))
        if icon not in ICONS:
            raise InstrumentError(f"{where} point {number}: unknown icon '{icon}' (known: {', '.join(sorted(ICONS))})")
        text = _texts(_require(point, "text", f"{where} point {number}"), f"{where} point {number}", codes)
        points.append(ScalePoint(value=number, icon=icon, text=text))
    values = [point.value for point in points]
    if values != list(range(values[0], values[0] + len(values))):
        raise InstrumentError(f"{where}: the values must rise by one, lowest first")
    return Scale(key=key, points=tuple(points))


def _item(raw: Any, index: int, codes: Sequence[str], scales: Mapping[str, Scale]) -> Item:
    item = _mapping(raw, f"item {index}")
    key = str(_require(item, "key", f"item {index}"))
    if not KEY.match(key):
        raise InstrumentError(f"item {index}: key '{key}' must be lower-case letters, digits, - or _")
    where = f"item '{key}'"
    text = _texts(_require(item, "text", where), where, codes)
    kind = item.get("type", "scale")
    if kind == "open":
        if item.get("need") or item.get("scale"):
            raise InstrumentError(f"{where}: an open question has no need and no scale")
        return Item(key=key, text=text, need=None, scale=None)
    if kind != "scale":
        raise InstrumentError(f"{where}: type must be 'scale' or 'open', not '{kind}'")
    need_name = item.get("need")
    if not need_name:
        raise InstrumentError(f"{where}: a scale item must say which need it measures (need: …)")
    try:
        need = Need(need_name)
    except ValueError as exc:
        known = ", ".join(need.value for need in Need)
        raise InstrumentError(f"{where}: unknown need '{need_name}' (known: {known})") from exc
    scale = item.get("scale")
    if not scale:
        raise InstrumentError(f"{where}: a scale item must name its scale (scale: …)")
    if scale not in scales:
        raise InstrumentError(f"{where}: unknown scale '{scale}'")
    reverse = item.get("reverse", False)
    if not isinstance(reverse, bool):
        raise InstrumentError(f"{where}: reverse must be true or false")
    return Item(key=key, text=text, need=need, scale=str(scale), reverse=reverse)


def _check_scoring(raw: Any) -> None:
    scoring = _mapping(raw, "scoring") if raw is not None else {"method": "mean"}
    if scoring.get("method", "mean") != "mean":
        raise InstrumentError("scoring: the only method is 'mean' (the mean of a need's items)")


def score_answers(instrument: Instrument, answers: Mapping[str, int]) -> dict[Need, Decimal]:
    """SDT: each need's score: the mean of its items' answers (reverse items turned), to one decimal. Every scale
    item must be answered with a value on its scale; the caller checks that first with `answer_problems`."""
    totals: dict[Need, list[int]] = {}
    for item in instrument.scale_items:
        if item.need is None or item.scale is None:
            continue
        scale = instrument.scales[item.scale]
        value = answers[item.key]
        if not scale.low <= value <= scale.high:
            raise ValueError(f"{item.key}: {value} is not on the scale")
        totals.setdefault(item.need, []).append(scale.low + scale.high - value if item.reverse else value)
    return {
        need: (Decimal(sum(values)) / len(values)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        for need, values in totals.items()
    }


def answer_problems(instrument: Instrument, answers: Mapping[str, object]) -> list[str]:
    """SDT: the keys of scale items without a valid answer (none: the answers can be scored)."""
    problems = []
    for item in instrument.scale_items:
        if item.scale is None:
            continue
        scale = instrument.scales[item.scale]
        value = answers.get(item.key)
        if isinstance(value, bool) or not isinstance(value, int) or not scale.low <= value <= scale.high:
            problems.append(item.key)
    return problems


# ---------------------------------------------------------------------------------------------------------
# Thresholds


@dataclass(frozen=True)
class MotivationRules:
    """Thresholds an administrator may change. The defaults are [U] our own."""

    interval_days: int = 30  # a check-in about monthly (E16: close follow-up over time)
    placement_days: int = 14  # two weeks into each new placement (E8: belonging and learning in a placement)
    drop_points: Decimal = Decimal("1.0")  # a fall this large from the baseline is a drop
    drop_baseline_checkins: int = 1  # the baseline: the previous check-in (1) or the mean of the last N
    low_level: Decimal = Decimal("2.0")  # a score at or below this is low
    low_checkins: int = 2  # low this many check-ins in a row
    explain_days: int = 45  # look this far back for events that may explain an alert
    alert_days: int = 60  # an alert is shown this long after the check-in that raised it

    def __post_init__(self) -> None:
        for name in (
            "interval_days",
            "placement_days",
            "drop_baseline_checkins",
            "low_checkins",
            "explain_days",
            "alert_days",
        ):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a whole number of at least 1")
        if not isinstance(self.drop_points, Decimal) or self.drop_points <= 0:
            raise ValueError("drop_points must be more than 0")
        if not isinstance(self.low_level, Decimal) or self.low_level < 0:
            raise ValueError("low_level must not be negative")


DEFAULT_MOTIVATION_RULES = MotivationRules()


# ---------------------------------------------------------------------------------------------------------
# Scheduling


class Reason(StrEnum):
    MONTHLY = "monthly"
    PLACEMENT = "placement"  # two weeks into a new placement
    OPTIONAL = "optional"  # the participant started it themselves


@dataclass(frozen=True)
class Placement:
    id: str
    starts_on: datetime.date


@dataclass(frozen=True)
class Due:
    reason: Reason
    due_on: datetime.date
    placement_id: str | None = None


def checkins_due(
    *,
    today: datetime.date,
    programme_start: datetime.date,
    latest_checkin: datetime.date | None,
    placements: Sequence[Placement],
    placements_with_checkin: frozenset[str],
    rules: MotivationRules = DEFAULT_MOTIVATION_RULES,
) -> list[Due]:
    """Check-ins to schedule today for a participant in a running programme (E16, E8). `latest_checkin` is the
    date of their latest check-in of any kind (answered, or due if not answered).

    - Two weeks into a placement: once per placement, due `placement_days` after its start, and only while
      that is at most `interval_days` ago (a late question about a new place is no longer about a new place).
    - Monthly: when no check-in is `interval_days` old or newer, counting the placement check-ins made now;
      the first comes `interval_days` into the programme.
    """
    due: list[Due] = []
    for placement in sorted(placements, key=lambda p: (p.starts_on, p.id)):
        on = placement.starts_on + datetime.timedelta(days=rules.placement_days)
        if placement.id in placements_with_checkin or on > today:
            continue
        if (today - on).days <= rules.interval_days:
            due.append(Due(Reason.PLACEMENT, on, placement.id))
    dates = [d.due_on for d in due] + ([latest_checkin] if latest_checkin is not None else [])
    latest = max(dates) if dates else programme_start
    if (today - latest).days >= rules.interval_days:
        due.append(Due(Reason.MONTHLY, today))
    return due


# ---------------------------------------------------------------------------------------------------------
# Alerts


class AlertKind(StrEnum):
    DROP = "drop"
    LOW = "low"


@dataclass(frozen=True)
class ScoredCheckin:
    answered_on: datetime.date
    scores: Mapping[str, Decimal]  # need → score; a need the instrument did not ask is absent
    answered_at: datetime.time = datetime.time.min  # the local time of day: orders two check-ins on one day


@dataclass(frozen=True)
class LifeEvent:
    """Something that happened to the participant which may explain a change in motivation."""

    on: datetime.date
    kind: str  # proposal_declined, placement_ended, counsellor_changed (set by the app)
    title: str


@dataclass(frozen=True)
class MotivationAlert:
    """To show it: translate `message` and each value of `labels`, then `message % (params | labels)`, and
    list `events` (the latest first) as what may explain it."""

    need: str
    kind: str  # "drop" or "low"
    message: str  # an N_ text with %(name)s placeholders
    params: dict[str, Param]
    labels: dict[str, str]  # N_ texts the app translates before formatting
    evidence: str
    checkin_on: datetime.date
    events: tuple[LifeEvent, ...] = field(default=())


def motivation_alerts(
    history: Sequence[ScoredCheckin],
    *,
    today: datetime.date,
    events: Sequence[LifeEvent] = (),
    rules: MotivationRules = DEFAULT_MOTIVATION_RULES,
) -> list[MotivationAlert]:
    """Alerts on a participant's answered check-ins as of `today` (SDT via Helgesen 2017; E7, E16): per need
    (ALERTING_NEEDS), a drop of at least `drop_points` in the latest score from the baseline (the previous
    score, or the mean of up to `drop_baseline_checkins` previous ones), and a score at or below `low_level`
    in each of the latest `low_checkins` check-ins. Only the latest check-in raises alerts, and only for
    `alert_days` after it. Each alert lists the events in the `explain_days` before the check-in it is about
    (for a low score, before the first low check-in of the run) up to that check-in."""
    answered = sorted((c for c in history if c.answered_on <= today), key=lambda c: (c.answered_on, c.answered_at))
    alerts: list[MotivationAlert] = []
    for need in ALERTING_NEEDS:
        series = [(c.answered_on, c.scores[need]) for c in answered if need in c.scores]
        if not series:
            continue
        latest_on, latest = series[-1]
        if (today - latest_on).days > rules.alert_days:
            continue
        label = NEED_LABELS[need]
        earlier = [score for _, score in series[:-1]][-rules.drop_baseline_checkins :]
        if earlier:
            baseline = (sum(earlier, Decimal(0)) / len(earlier)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            if baseline - latest >= rules.drop_points:
                alerts.append(
                    MotivationAlert(
                        need=need.value,
                        kind=AlertKind.DROP.value,
                        message=N_(
                            "%(need)s fell from %(before)s to %(now)s in the latest check-in. Talk with the "
                            "participant about what has changed."
                        ),
                        params={"before": baseline, "now": latest},
                        labels={"need": label},
                        evidence=EVIDENCE,
                        checkin_on=latest_on,
                        events=_explaining(events, latest_on, latest_on, rules),
                    )
                )
        run = series[-rules.low_checkins :]
        if len(run) == rules.low_checkins and all(score <= rules.low_level for _, score in run):
            alerts.append(
                MotivationAlert(
                    need=need.value,
                    kind=AlertKind.LOW.value,
                    message=N_(
                        "%(need)s has been %(level)s or lower in the last %(count)s check-ins (now %(now)s). "
                        "Talk with the participant about what would help."
                    ),
                    params={"level": rules.low_level, "count": rules.low_checkins, "now": latest},
                    labels={"need": label},
                    evidence=EVIDENCE,
                    checkin_on=latest_on,
                    events=_explaining(events, run[0][0], latest_on, rules),
                )
            )
    return alerts


def _explaining(
    events: Sequence[LifeEvent], start: datetime.date, end: datetime.date, rules: MotivationRules
) -> tuple[LifeEvent, ...]:
    """Events from `explain_days` before `start` up to and including `end`, the latest first."""
    first = start - datetime.timedelta(days=rules.explain_days)
    found = [event for event in events if first <= event.on <= end]
    return tuple(sorted(found, key=lambda e: (e.on, e.kind, e.title), reverse=True))
