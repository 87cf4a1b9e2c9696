import pytest
from hypothesis import given
from hypothesis import strategies as st

from kvp.rules.measures import MEASURE_LABELS, MeasureType
from kvp.rules.prerequisites import (
    EXTERNAL_KINDS,
    INSTITUTIONAL_KINDS,
    MAX_WORK_EXPERIENCE_YEARS,
    PREREQUISITE_SOURCES,
    Prerequisite,
    PrerequisiteError,
    PrerequisiteKind,
    PrerequisiteSource,
    met,
    satisfies,
)
from kvp.rules.skills import DIGITAL_LABELS, Cefr, DigitalLevel

K = PrerequisiteKind
p = Prerequisite.parse


def levels_of(kind: PrerequisiteKind) -> st.SearchStrategy[str]:
    if kind is K.NORWEGIAN:
        return st.sampled_from([level.value for level in Cefr])
    if kind is K.DIGITAL:
        return st.sampled_from([level.value for level in DigitalLevel])
    if kind is K.WORK_EXPERIENCE_YEARS:
        return st.integers(1, MAX_WORK_EXPERIENCE_YEARS).map(str)
    if kind is K.COMPLETED:
        return st.sampled_from([measure.value for measure in MeasureType])
    return st.just("")


prerequisites = st.sampled_from(list(PrerequisiteKind)).flatmap(
    lambda kind: levels_of(kind).map(lambda level: Prerequisite(kind, level))
)


def test_codes():
    assert Prerequisite(K.NORWEGIAN, "b1").code == "norwegian:b1"
    assert Prerequisite(K.JOB_GUARANTEE).code == "job_guarantee"
    assert Prerequisite(K.WORK_EXPERIENCE_YEARS, "5").code == "work_experience_years:5"
    assert Prerequisite(K.COMPLETED, MeasureType.NORWEGIAN_COURSE).code == "completed:norwegian_course"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("norwegian:b1", Prerequisite(K.NORWEGIAN, "b1")),
        (" Norwegian : B1 ", Prerequisite(K.NORWEGIAN, "b1")),
        ("JOB_GUARANTEE", Prerequisite(K.JOB_GUARANTEE)),
        ("digital:independent", Prerequisite(K.DIGITAL, "independent")),
        ("work_experience_years:05", Prerequisite(K.WORK_EXPERIENCE_YEARS, "5")),
        ("completed:work_practice", Prerequisite(K.COMPLETED, "work_practice")),
        ("active_placement", Prerequisite(K.ACTIVE_PLACEMENT)),
    ],
)
def test_parse(code, expected):
    assert p(code) == expected
    assert p(code).code == expected.code


@pytest.mark.parametrize(
    ("code", "error", "start"),
    [
        ("", "empty", "A prerequisite is empty"),
        ("   ", "empty", "A prerequisite is empty"),
        ("norsk:b1", "unknown_kind", "Unknown prerequisite “norsk:b1”. Known prerequisites: norwegian, digital"),
        ("job guarantee", "unknown_kind", "Unknown prerequisite “job guarantee”"),
        ("norwegian", "level_missing", "The prerequisite “norwegian” needs a level, for example “norwegian:b1”"),
        ("norwegian:", "level_missing", "The prerequisite “norwegian” needs a level"),
        (
            "norwegian:b3",
            "unknown_level",
            "Unknown level “b3” for the prerequisite “norwegian”. Use one of: pre_a1, a1",
        ),
        ("digital:expert", "unknown_level", "Unknown level “expert” for the prerequisite “digital”"),
        ("completed:juggling", "unknown_level", "Unknown level “juggling” for the prerequisite “completed”"),
        ("work_experience_years:0", "unknown_level", "The prerequisite “work_experience_years” needs a whole"),
        ("work_experience_years:61", "unknown_level", "The prerequisite “work_experience_years” needs a whole"),
        ("work_experience_years:-3", "unknown_level", "The prerequisite “work_experience_years” needs a whole"),
        ("work_experience_years:2.5", "unknown_level", "The prerequisite “work_experience_years” needs a whole"),
        ("work_experience_years:five", "unknown_level", "The prerequisite “work_experience_years” needs a whole"),
        ("job_guarantee:yes", "level_not_allowed", "The prerequisite “job_guarantee” has no level"),
    ],
)
def test_parse_refuses_with_a_clear_message(code, error, start):
    with pytest.raises(PrerequisiteError) as raised:
        p(code)
    assert raised.value.code == error
    assert str(raised.value).startswith(start)
    assert str(raised.value) == raised.value.message % raised.value.params
    assert isinstance(raised.value, ValueError)  # forms can catch ValueError


def test_constructor_validates_too():
    with pytest.raises(PrerequisiteError, match="has no level"):
        Prerequisite(K.JOB_GUARANTEE, "b1")
    with pytest.raises(PrerequisiteError, match="Unknown prerequisite “driving”"):
        Prerequisite("driving")  # type: ignore[arg-type]
    assert Prerequisite("norwegian", Cefr.B2) == p("norwegian:b2")  # type: ignore[arg-type]
    assert type(Prerequisite(K.NORWEGIAN, Cefr.B2).level) is str


def test_parse_all():
    assert Prerequisite.parse_all("") == ()
    assert Prerequisite.parse_all("job_guarantee, norwegian:B1;\nnorwegian:b1\n") == (
        p("norwegian:b1"),
        p("job_guarantee"),
    )
    with pytest.raises(PrerequisiteError, match="Unknown prerequisite “fagbrev”"):
        Prerequisite.parse_all("norwegian:b1, fagbrev")


def test_satisfies_by_level():
    assert satisfies(p("norwegian:b2"), p("norwegian:b1"))
    assert satisfies(p("norwegian:b1"), p("norwegian:b1"))
    assert not satisfies(p("norwegian:a2"), p("norwegian:b1"))
    assert satisfies(p("digital:advanced"), p("digital:independent"))
    assert not satisfies(p("digital:basic"), p("digital:independent"))
    assert satisfies(p("work_experience_years:12"), p("work_experience_years:5"))
    assert not satisfies(p("work_experience_years:4"), p("work_experience_years:5"))
    assert satisfies(p("completed:norwegian_course"), p("completed:norwegian_course"))
    assert not satisfies(p("completed:education"), p("completed:norwegian_course"))
    assert satisfies(p("job_guarantee"), p("job_guarantee"))
    assert not satisfies(p("job_guarantee"), p("funding_approval"))
    assert not satisfies(p("digital:advanced"), p("norwegian:a1"))


def test_met():
    holds = [p("norwegian:b2"), p("active_placement")]
    assert met(holds, p("norwegian:b1"))
    assert met(holds, p("active_placement"))
    assert not met(holds, p("job_guarantee"))
    assert not met([], p("norwegian:pre_a1"))


def test_order_follows_kind_then_level():
    values = [p(code) for code in ("job_guarantee", "work_experience_years:10", "norwegian:b1", "digital:basic")]
    values += [p("work_experience_years:5"), p("norwegian:a2"), p("norwegian:c1")]
    assert [value.code for value in sorted(values)] == [
        "norwegian:a2",
        "norwegian:b1",
        "norwegian:c1",
        "digital:basic",
        "job_guarantee",
        "work_experience_years:5",
        "work_experience_years:10",
    ]


def test_describe():
    assert p("norwegian:b1").describe() == ("Norwegian at level %(level)s", {"level": "B1"})
    assert p("norwegian:pre_a1").describe() == ("some Norwegian, below level A1", {})
    assert p("job_guarantee").describe() == ("a job guarantee from an employer", {})
    assert p("digital:basic").describe() == (
        "digital skills at the level “%(level)s”",
        {"level": DIGITAL_LABELS[DigitalLevel.BASIC]},
    )
    assert p("work_experience_years:1").describe() == ("at least one year of work experience in the trade", {})
    assert p("work_experience_years:5").describe() == (
        "at least %(years)s years of work experience in the trade",
        {"years": "5"},
    )
    assert p("completed:work_practice").describe() == (
        "a completed “%(measure)s”",
        {"measure": MEASURE_LABELS[MeasureType.WORK_PRACTICE]},
    )


def test_render_translates_text_and_params():
    assert p("norwegian:b1").render() == "Norwegian at level B1"
    assert p("completed:work_practice").render() == "a completed “Work practice”"
    catalogue = {"a completed “%(measure)s”": "et fullført «%(measure)s»", "Work practice": "Arbeidstrening"}
    assert p("completed:work_practice").render(lambda text: catalogue.get(text, text)) == "et fullført «Arbeidstrening»"


def test_sources():
    assert set(PREREQUISITE_SOURCES) == set(PrerequisiteKind)
    assert {K.JOB_GUARANTEE, K.FUNDING_APPROVAL, K.ACTIVE_PLACEMENT} == INSTITUTIONAL_KINDS
    assert p("job_guarantee").source is PrerequisiteSource.INSTITUTIONAL
    assert p("norwegian:b1").source is PrerequisiteSource.SKILL
    assert K.ACTIVE_PLACEMENT not in EXTERNAL_KINDS  # placements come from the catalogue
    assert {K.JOB_GUARANTEE, K.FUNDING_APPROVAL, K.WORK_EXPERIENCE_YEARS} <= EXTERNAL_KINDS


@given(prerequisites)
def test_code_round_trips(value):
    assert p(value.code) == value
    assert p(value.code.upper()) == value
    assert hash(p(value.code)) == hash(value)
    text, params = value.describe()
    assert text % params  # every placeholder has a value
    assert eval(repr(value), {"Prerequisite": Prerequisite}) == value  # noqa: S307 - our own repr


@given(prerequisites, prerequisites, prerequisites)
def test_satisfies_is_a_partial_order_by_level(a, b, c):
    assert satisfies(a, a)
    if satisfies(a, b) and satisfies(b, c):
        assert satisfies(a, c)
    if satisfies(a, b) and satisfies(b, a):
        assert a == b
    if a.kind == b.kind and a.kind is not K.COMPLETED:
        assert satisfies(a, b) == (a >= b)  # within a kind the order is the level order


@given(st.lists(prerequisites, max_size=5), st.lists(prerequisites, max_size=3), prerequisites)
def test_met_is_monotone(holds, more, needed):
    if met(holds, needed):
        assert met(holds + more, needed)
