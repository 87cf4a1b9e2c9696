"""The motivation rules: the instrument loader, scoring, scheduling and alerts (kvp.rules.motivation)."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from kvp.rules.motivation import (
    ALERTING_NEEDS,
    UI_TEXTS,
    Due,
    InstrumentError,
    LifeEvent,
    MotivationRules,
    Need,
    Placement,
    Reason,
    ScoredCheckin,
    answer_problems,
    checkins_due,
    load_instrument,
    motivation_alerts,
    score_answers,
)

SHIPPED = Path(__file__).parents[2] / "src" / "kvp" / "motivation" / "instruments" / "kvp-basic-needs.yaml"
DECLARED = ["nb", "nn", "en", "so", "ar", "ti", "uk", "pl", "prs"]
D = datetime.date
TODAY = D(2026, 11, 2)


def shipped_text() -> str:
    return SHIPPED.read_text(encoding="utf-8")


def shipped_raw() -> dict[str, object]:
    raw = yaml.safe_load(shipped_text())
    assert isinstance(raw, dict)
    return raw


def error_for(raw: object) -> str:
    with pytest.raises(InstrumentError) as caught:
        load_instrument(yaml.safe_dump(raw, allow_unicode=True))
    return str(caught.value)


# --- the shipped instrument -------------------------------------------------------------------------------


def test_it_ships_a_complete_instrument_in_every_declared_language() -> None:
    instrument = load_instrument(shipped_text())
    assert list(instrument.languages) == DECLARED
    assert instrument.default_language == "nb"
    for language in DECLARED:
        assert instrument.name[language].strip()
        for key in UI_TEXTS:
            assert instrument.ui[key][language].strip(), (key, language)
        for item in instrument.items:
            assert item.text[language].strip(), (item.key, language)
        for scale in instrument.scales.values():
            for point in scale.points:
                assert point.text[language].strip(), (scale.key, point.value, language)


def test_it_asks_two_items_per_basic_need_the_kind_of_motivation_and_what_would_help() -> None:
    instrument = load_instrument(shipped_text())
    needs = [item.need for item in instrument.scale_items]
    for need in (Need.AUTONOMY, Need.COMPETENCE, Need.RELATEDNESS):
        assert needs.count(need) == 2
    assert Need.AUTONOMOUS_MOTIVATION in needs
    assert Need.CONTROLLED_MOTIVATION in needs
    assert [item.key for item in instrument.open_items] == ["what_would_help"]
    texts = {item.key: item.text["en"] for item in instrument.items}
    assert texts["say_in_plan"] == "I have a say in my plan."
    assert texts["learning_for_job"] == "I am learning what I need for a job."
    assert texts["belong"] == "I feel I belong where I do my activities."
    scale = instrument.scales["agree5"]
    assert [p.value for p in scale.points] == [1, 2, 3, 4, 5]
    assert [p.icon for p in scale.points] == ["face-1", "face-2", "face-3", "face-4", "face-5"]


def test_it_says_honestly_which_translations_still_need_review() -> None:
    instrument = load_instrument(shipped_text())
    assert set(instrument.reviewed_languages) == {"nb", "nn", "en"}
    for language in ("so", "ar", "ti", "uk", "pl", "prs"):
        assert instrument.needs_review(language)
    assert "translator" in instrument.review_note


def test_it_uses_the_participants_language_or_bokmaal() -> None:
    instrument = load_instrument(shipped_text())
    assert instrument.language_for("so") == "so"
    assert instrument.language_for("ta") == "nb"


def test_a_draft_translation_has_a_checked_reference_and_staff_never_read_a_draft() -> None:
    instrument = load_instrument(shipped_text())
    assert instrument.reference_language == "nb"
    assert instrument.reviewed_language_for("so") == "nb"
    assert instrument.reviewed_language_for("en") == "en"
    raw = shipped_raw()
    raw["translation_review"] = {"reviewed": ["en"], "note": "Bokmål awaits review."}
    english_checked = load_instrument(yaml.safe_dump(raw, allow_unicode=True))
    assert english_checked.reference_language == "en"
    assert english_checked.reviewed_language_for("nb") == "en"
    raw["translation_review"] = {"reviewed": [], "note": "Nothing is checked yet."}
    assert load_instrument(yaml.safe_dump(raw, allow_unicode=True)).reference_language is None


# --- loader errors ----------------------------------------------------------------------------------------


def test_it_names_the_line_of_malformed_yaml() -> None:
    with pytest.raises(InstrumentError, match=r"not valid YAML at line 3, column 6: mapping values"):
        load_instrument("key: x\nversion: 1\n  bad: indent\n")


def test_it_refuses_a_document_that_is_not_a_mapping() -> None:
    with pytest.raises(InstrumentError, match="instrument: expected a mapping"):
        load_instrument("- just\n- a list\n")


def test_it_names_the_item_and_language_of_a_missing_translation() -> None:
    raw = shipped_raw()
    items = raw["items"]
    assert isinstance(items, list)
    del items[4]["text"]["ti"]
    assert error_for(raw) == "item 'belong': missing translation for language 'ti'"


def test_it_names_a_missing_translation_of_a_scale_point_and_a_page_text() -> None:
    raw = shipped_raw()
    raw["scales"]["agree5"]["points"][2]["text"]["prs"] = " "  # type: ignore[index]
    assert error_for(raw) == "scale 'agree5' point 3: missing translation for language 'prs'"
    raw = shipped_raw()
    del raw["ui"]["thanks"]["so"]  # type: ignore[attr-defined]
    assert error_for(raw) == "ui 'thanks': missing translation for language 'so'"


def test_it_refuses_a_text_in_an_undeclared_language() -> None:
    raw = shipped_raw()
    raw["items"][0]["text"]["de"] = "Ich habe ein Mitspracherecht."  # type: ignore[index]
    assert "item 'say_in_plan': text in language 'de'" in error_for(raw)


def test_it_refuses_a_text_that_yaml_read_as_something_else() -> None:
    raw = shipped_raw()
    raw["items"][0]["text"]["en"] = False  # `en: No` unquoted
    assert error_for(raw) == "item 'say_in_plan': the text in language 'en' must be text (put it in quotes)"


def test_it_refuses_an_unknown_scale() -> None:
    raw = shipped_raw()
    raw["items"][1]["scale"] = "agree7"  # type: ignore[index]
    assert error_for(raw) == "item 'listened_to': unknown scale 'agree7'"


def test_it_refuses_a_scale_item_without_a_need() -> None:
    raw = shipped_raw()
    del raw["items"][2]["need"]  # type: ignore[attr-defined]
    assert error_for(raw) == "item 'learning_for_job': a scale item must say which need it measures (need: …)"


def test_it_refuses_an_unknown_need() -> None:
    raw = shipped_raw()
    raw["items"][2]["need"] = "happiness"  # type: ignore[index]
    assert "item 'learning_for_job': unknown need 'happiness'" in error_for(raw)


def test_it_refuses_an_unknown_icon_and_uneven_scale_values() -> None:
    raw = shipped_raw()
    raw["scales"]["agree5"]["points"][0]["icon"] = "smiley"  # type: ignore[index]
    assert "scale 'agree5' point 1: unknown icon 'smiley'" in error_for(raw)
    raw = shipped_raw()
    raw["scales"]["agree5"]["points"][4]["value"] = 7  # type: ignore[index]
    assert error_for(raw) == "scale 'agree5': the values must rise by one, lowest first"


def test_it_refuses_duplicate_keys_and_a_default_language_not_declared() -> None:
    raw = shipped_raw()
    raw["items"][1]["key"] = "say_in_plan"  # type: ignore[index]
    assert error_for(raw) == "item 'say_in_plan': two items have this key"
    raw = shipped_raw()
    raw["default_language"] = "de"
    assert error_for(raw) == "instrument: the default language 'de' is not among its languages"


def test_it_requires_rights_a_version_and_a_review_note_for_unreviewed_wording() -> None:
    raw = shipped_raw()
    del raw["rights"]
    assert error_for(raw) == "instrument: 'rights' is missing"
    raw = shipped_raw()
    raw["version"] = 0
    assert "version must be a whole number" in error_for(raw)
    raw = shipped_raw()
    raw["translation_review"] = {"reviewed": ["nb"]}
    assert "translation_review" in error_for(raw)


def test_it_refuses_another_scoring_method() -> None:
    raw = shipped_raw()
    raw["scoring"] = {"method": "sum"}
    assert "scoring" in error_for(raw)


# --- scoring ----------------------------------------------------------------------------------------------


def all_answers(value: int) -> dict[str, int]:
    return {item.key: value for item in load_instrument(shipped_text()).scale_items}


def test_it_scores_each_need_as_the_mean_of_its_items() -> None:
    instrument = load_instrument(shipped_text())
    answers = all_answers(3) | {"say_in_plan": 1, "listened_to": 2, "learning_for_job": 5}
    scores = score_answers(instrument, answers)
    assert scores[Need.AUTONOMY] == Decimal("1.5")
    assert scores[Need.COMPETENCE] == Decimal("4.0")
    assert scores[Need.RELATEDNESS] == Decimal("3.0")
    assert set(scores) == set(Need)


def test_it_turns_reverse_items() -> None:
    raw = shipped_raw()
    raw["items"][7]["reverse"] = True  # type: ignore[index]
    instrument = load_instrument(yaml.safe_dump(raw, allow_unicode=True))
    scores = score_answers(instrument, all_answers(4) | {"have_to": 5})
    assert scores[Need.CONTROLLED_MOTIVATION] == Decimal("1.0")


def test_it_names_missing_and_off_scale_answers() -> None:
    instrument = load_instrument(shipped_text())
    answers: dict[str, object] = dict(all_answers(3))
    del answers["belong"]
    answers["manage_tasks"] = 6
    answers["say_in_plan"] = True
    assert answer_problems(instrument, answers) == ["say_in_plan", "manage_tasks", "belong"]
    assert answer_problems(instrument, all_answers(1)) == []


# --- scheduling -------------------------------------------------------------------------------------------

START = D(2026, 6, 1)


def test_it_schedules_the_first_monthly_check_in_a_month_into_the_programme() -> None:
    before = checkins_due(
        today=START + datetime.timedelta(days=29),
        programme_start=START,
        latest_checkin=None,
        placements=[],
        placements_with_checkin=frozenset(),
    )
    assert before == []
    on = START + datetime.timedelta(days=30)
    assert checkins_due(
        today=on, programme_start=START, latest_checkin=None, placements=[], placements_with_checkin=frozenset()
    ) == [Due(Reason.MONTHLY, on)]


@pytest.mark.parametrize(("days_since", "due"), [(29, False), (30, True), (45, True)])
def test_it_schedules_monthly_from_the_latest_check_in(days_since: int, due: bool) -> None:
    latest = D(2026, 10, 1)
    today = latest + datetime.timedelta(days=days_since)
    found = checkins_due(
        today=today, programme_start=START, latest_checkin=latest, placements=[], placements_with_checkin=frozenset()
    )
    assert found == ([Due(Reason.MONTHLY, today)] if due else [])


@pytest.mark.parametrize(
    ("days_since_start", "expected"),
    [(13, False), (14, True), (14 + 30, True), (14 + 31, False)],
)
def test_it_asks_two_weeks_into_a_new_placement_while_it_is_still_new(days_since_start: int, expected: bool) -> None:
    starts = D(2026, 9, 1)
    today = starts + datetime.timedelta(days=days_since_start)
    found = checkins_due(
        today=today,
        programme_start=START,
        latest_checkin=today,  # no monthly due
        placements=[Placement("p1", starts)],
        placements_with_checkin=frozenset(),
    )
    assert found == ([Due(Reason.PLACEMENT, starts + datetime.timedelta(days=14), "p1")] if expected else [])


def test_it_asks_once_per_placement_and_a_placement_check_in_counts_as_the_months() -> None:
    starts = D(2026, 9, 1)
    today = D(2026, 9, 15)
    placements = [Placement("p1", starts)]
    first = checkins_due(
        today=today,
        programme_start=START,
        latest_checkin=D(2026, 8, 1),  # a monthly would be due too
        placements=placements,
        placements_with_checkin=frozenset(),
    )
    assert first == [Due(Reason.PLACEMENT, today, "p1")]
    again = checkins_due(
        today=today,
        programme_start=START,
        latest_checkin=today,
        placements=placements,
        placements_with_checkin=frozenset({"p1"}),
    )
    assert again == []


def test_its_scheduling_thresholds_come_from_the_rules() -> None:
    rules = MotivationRules(interval_days=14, placement_days=7)
    starts = D(2026, 9, 1)
    found = checkins_due(
        today=D(2026, 9, 8),
        programme_start=START,
        latest_checkin=D(2026, 8, 25),
        placements=[Placement("p1", starts)],
        placements_with_checkin=frozenset(),
        rules=rules,
    )
    assert found == [Due(Reason.PLACEMENT, D(2026, 9, 8), "p1")]


@pytest.mark.parametrize(
    "fields",
    [
        {"interval_days": 0},
        {"low_checkins": 0},
        {"drop_baseline_checkins": True},
        {"drop_points": Decimal(0)},
        {"low_level": Decimal(-1)},
    ],
)
def test_it_refuses_impossible_thresholds(fields: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="must"):
        MotivationRules(**fields)  # type: ignore[arg-type]


# --- alerts -----------------------------------------------------------------------------------------------


def checkin(on: datetime.date, autonomy: str, **others: str) -> ScoredCheckin:
    scores = {"competence": Decimal("4"), "relatedness": Decimal("4"), "autonomous_motivation": Decimal("4")}
    scores |= {name: Decimal(value) for name, value in others.items()}
    return ScoredCheckin(answered_on=on, scores={"autonomy": Decimal(autonomy)} | scores)


def kinds(alerts: list[object]) -> list[tuple[str, str]]:
    return [(a.need, a.kind) for a in alerts]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("before", "now", "drop"),
    [("4.0", "3.0", True), ("4.0", "3.1", False), ("4.5", "2.0", True), ("3.0", "3.5", False)],
)
def test_it_alerts_on_a_drop_of_at_least_the_configured_points(before: str, now: str, drop: bool) -> None:
    history = [checkin(D(2026, 9, 30), before), checkin(D(2026, 10, 30), now)]
    alerts = motivation_alerts(history, today=TODAY)
    assert (("autonomy", "drop") in kinds(alerts)) is drop


def test_a_drop_alert_says_from_what_to_what_and_why() -> None:
    history = [checkin(D(2026, 9, 30), "4.5"), checkin(D(2026, 10, 30), "2.5")]
    (alert,) = motivation_alerts(history, today=TODAY)
    assert alert.kind == "drop"
    assert alert.need == "autonomy"
    assert alert.params == {"before": Decimal("4.5"), "now": Decimal("2.5")}
    assert set(re.findall(r"%\((\w+)\)s", alert.message)) == set(alert.params) | set(alert.labels)
    assert "E7" in alert.evidence
    assert "Helgesen" in alert.evidence
    assert alert.checkin_on == D(2026, 10, 30)


def test_it_measures_a_drop_from_the_mean_of_the_last_n_when_configured() -> None:
    history = [
        checkin(D(2026, 7, 30), "5"),
        checkin(D(2026, 8, 30), "2"),  # the previous alone: 2 → 2 is no drop
        checkin(D(2026, 9, 30), "5"),
        checkin(D(2026, 10, 30), "3"),
    ]
    assert ("autonomy", "drop") not in kinds(motivation_alerts(history[:2] + history[3:], today=TODAY))
    previous_only = motivation_alerts(history, today=TODAY)
    assert previous_only[0].params["before"] == Decimal("5.0")
    rules = MotivationRules(drop_baseline_checkins=3)  # mean of 5, 2, 5 = 4.0 → drop of 1.0
    (alert,) = motivation_alerts(history, today=TODAY, rules=rules)
    assert alert.params == {"before": Decimal("4.0"), "now": Decimal("3")}
    rules = MotivationRules(drop_baseline_checkins=2)  # mean of 2, 5 = 3.5 → 0.5, no drop
    assert motivation_alerts(history, today=TODAY, rules=rules) == []


def test_two_check_ins_on_one_day_count_in_the_order_they_were_answered() -> None:
    morning = ScoredCheckin(answered_on=D(2026, 10, 30), scores={"autonomy": Decimal("3.5")},
                            answered_at=datetime.time(9, 0))  # fmt: skip
    afternoon = ScoredCheckin(answered_on=D(2026, 10, 30), scores={"autonomy": Decimal("1.0")},
                              answered_at=datetime.time(15, 30))  # fmt: skip
    for history in ([morning, afternoon], [afternoon, morning]):  # newest first, as a database reads them
        (alert,) = motivation_alerts(history, today=TODAY)
        assert (alert.kind, alert.params) == ("drop", {"before": Decimal("3.5"), "now": Decimal("1.0")})


def test_it_needs_a_previous_check_in_for_a_drop() -> None:
    assert motivation_alerts([checkin(D(2026, 10, 30), "3")], today=TODAY) == []


@pytest.mark.parametrize(
    ("scores", "low"),
    [
        (["2.0", "2.0"], True),  # at the level counts as low
        (["2.1", "2.0"], False),
        (["1.5", "2.5"], False),
        (["4.0", "1.0", "1.5"], True),  # the last two
        (["1.0"], False),  # one check-in is not "in a row"
    ],
)
def test_it_alerts_on_a_score_at_or_below_the_low_level_k_times_in_a_row(scores: list[str], low: bool) -> None:
    last = D(2026, 10, 1)
    history = [
        checkin(last - datetime.timedelta(days=30 * (len(scores) - 1 - index)), score)
        for index, score in enumerate(scores)
    ]
    assert (("autonomy", "low") in kinds(motivation_alerts(history, today=TODAY))) is low


def test_its_low_thresholds_come_from_the_rules() -> None:
    history = [checkin(D(2026, 8, 1), "3.0"), checkin(D(2026, 9, 1), "3.0"), checkin(D(2026, 10, 1), "3.0")]
    rules = MotivationRules(low_level=Decimal("3.0"), low_checkins=3)
    assert kinds(motivation_alerts(history, today=TODAY, rules=rules)) == [("autonomy", "low")]
    rules = MotivationRules(low_level=Decimal("3.0"), low_checkins=4)
    assert motivation_alerts(history, today=TODAY, rules=rules) == []


def test_it_can_raise_a_drop_and_a_low_alert_for_several_needs() -> None:
    history = [
        checkin(D(2026, 9, 30), "2.0", competence="4.0"),
        checkin(D(2026, 10, 30), "1.0", competence="2.5"),
    ]
    assert kinds(motivation_alerts(history, today=TODAY)) == [
        ("autonomy", "drop"),
        ("autonomy", "low"),
        ("competence", "drop"),
    ]


def test_a_high_because_i_have_to_raises_no_alert() -> None:
    history = [
        checkin(D(2026, 9, 30), "4", controlled_motivation="5"),
        checkin(D(2026, 10, 30), "4", controlled_motivation="1"),
    ]
    assert motivation_alerts(history, today=TODAY) == []
    assert Need.CONTROLLED_MOTIVATION not in ALERTING_NEEDS


@pytest.mark.parametrize(("days_after", "shown"), [(60, True), (61, False)])
def test_an_alert_is_shown_for_the_configured_days_after_its_check_in(days_after: int, shown: bool) -> None:
    history = [checkin(D(2026, 8, 1), "4"), checkin(D(2026, 9, 1), "2")]
    today = D(2026, 9, 1) + datetime.timedelta(days=days_after)
    assert bool(motivation_alerts(history, today=today)) is shown


def test_a_newer_check_in_without_a_drop_ends_the_alert_and_future_ones_are_ignored() -> None:
    history = [checkin(D(2026, 8, 1), "4"), checkin(D(2026, 9, 1), "2"), checkin(D(2026, 10, 1), "2.5")]
    assert motivation_alerts(history, today=TODAY) == []
    assert kinds(motivation_alerts(history, today=D(2026, 9, 20))) == [("autonomy", "drop")]


@pytest.mark.parametrize(("days_before", "included"), [(0, True), (45, True), (46, False), (-1, False)])
def test_a_drop_lists_the_events_in_the_window_before_it(days_before: int, included: bool) -> None:
    on = D(2026, 10, 30)
    event = LifeEvent(on=on - datetime.timedelta(days=days_before), kind="proposal_declined", title="Fagbrev")
    history = [checkin(D(2026, 9, 30), "4"), checkin(on, "2")]
    (alert,) = [a for a in motivation_alerts(history, today=TODAY, events=[event]) if a.kind == "drop"]
    assert (event in alert.events) is included


def test_a_low_alert_looks_back_from_the_first_low_check_in_and_lists_the_latest_first() -> None:
    early = LifeEvent(on=D(2026, 8, 1), kind="placement_ended", title="Lager")
    later = LifeEvent(on=D(2026, 9, 20), kind="counsellor_changed", title="")
    too_early = LifeEvent(on=D(2026, 7, 1), kind="proposal_declined", title="Førerkort")
    history = [checkin(D(2026, 9, 1), "1.5"), checkin(D(2026, 10, 1), "2")]
    (alert,) = motivation_alerts(history, today=TODAY, events=[early, too_early, later])
    assert alert.kind == "low"
    assert alert.events == (later, early)
