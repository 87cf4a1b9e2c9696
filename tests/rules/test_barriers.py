import random
from collections import Counter
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kvp.rules.barriers import (
    BarrierIndex,
    Blocked,
    BlockingPrerequisite,
    BlockingRule,
    Catch22,
    OfferNode,
    ParticipantHolds,
    Refusal,
    Rule,
    blocking_prerequisites,
    blocking_rules,
    find_catch22s,
    refusals_by_reason,
    scan,
    suggested_fix,
    unobtainable,
    unreachable_offers,
)
from kvp.rules.prerequisites import Prerequisite, met

p = Prerequisite.parse
B1 = p("norwegian:b1")
PLACEMENT = p("active_placement")
GUARANTEE = p("job_guarantee")


def offer(offer_id: str, requires: str = "", gives: str = "", title: str = "") -> OfferNode:
    return OfferNode(
        offer_id,
        title or offer_id,
        frozenset(Prerequisite.parse_all(requires)),
        frozenset(Prerequisite.parse_all(gives)),
    )


def holds(codes: str = "") -> frozenset[Prerequisite]:
    return frozenset(Prerequisite.parse_all(codes))


def rule(o: OfferNode, code: str) -> Rule:
    return Rule(o.offer_id, o.title, p(code))


# E5: the placement needs Norwegian B1, and the only course giving B1 needs a placement.
PLACEMENT_OFFER = offer("kiwi", "norwegian:b1", "active_placement, completed:work_practice", "Work practice, Kiwi")
COURSE = offer("norsk", "active_placement", "norwegian:b1, completed:norwegian_course", "Norwegian course B1")
INTRO = offer("intro", "", "norwegian:a2", "Norwegian for beginners")
VOCATIONAL = offer("amo", "norwegian:b1, job_guarantee", "completed:labour_market_course", "Warehouse course")
CLASSIC = [PLACEMENT_OFFER, COURSE, INTRO, VOCATIONAL]


def test_classic_catch22_found_with_exact_rule_pair():
    [catch22] = find_catch22s(CLASSIC)
    assert catch22.prerequisites == (B1, PLACEMENT)  # starts at the smallest prerequisite
    assert catch22.steps == ((rule(COURSE, "active_placement"),), (rule(PLACEMENT_OFFER, "norwegian:b1"),))
    assert set(catch22.rules) == {rule(COURSE, "active_placement"), rule(PLACEMENT_OFFER, "norwegian:b1")}
    assert catch22.code == "norwegian:b1>active_placement"
    assert catch22.needs_after(0) == PLACEMENT
    assert catch22.needs_after(1) == B1


@pytest.mark.parametrize(
    "changed",
    [
        offer("kiwi", "", "active_placement, completed:work_practice", "Work practice, Kiwi"),
        offer("norsk", "", "norwegian:b1, completed:norwegian_course", "Norwegian course B1"),
        offer("kiwi", "norwegian:a2", "active_placement", "Work practice, Kiwi"),  # A2 comes from the intro
    ],
)
def test_removing_either_rule_clears_it(changed):
    offers = [changed if o.offer_id == changed.offer_id else o for o in CLASSIC]
    assert find_catch22s(offers) == []
    assert scan([ParticipantHolds("nobody", holds())], offers).barriers == ()


def test_participant_with_b1_or_b2_or_a_placement_is_not_caught():
    participants = [
        ParticipantHolds("b2", holds("norwegian:b2")),
        ParticipantHolds("none", holds()),
        ParticipantHolds("b1", holds("norwegian:b1")),
        ParticipantHolds("a2", holds("norwegian:a2, digital:basic")),
        ParticipantHolds("placed", holds("active_placement")),
    ]
    result = scan(participants, CLASSIC)
    [barrier] = result.barriers
    assert barrier.catch22 == find_catch22s(CLASSIC)[0]
    assert barrier.participants == ("a2", "none")
    assert unreachable_offers(holds("norwegian:b2"), CLASSIC) == {
        "amo": Blocked("amo", (GUARANTEE,), None)  # the job guarantee, not the catch-22
    }
    assert set(unreachable_offers(holds("active_placement"), CLASSIC)) == {"amo"}  # the course gives B1


def test_a_second_course_without_the_placement_rule_clears_it():
    second = offer("folk", "norwegian:a2", "norwegian:b1", "Norwegian at the folk high school")
    offers = [*CLASSIC, second]
    assert find_catch22s(offers) == []
    assert "kiwi" not in unreachable_offers(holds(), offers)  # intro A2, then B1, then the placement


def test_every_course_giving_b1_is_named_when_all_need_a_placement():
    second = offer("folk", "active_placement, norwegian:a2", "norwegian:b2", "Norwegian B2, folk high school")
    [catch22] = find_catch22s([*CLASSIC, second])
    assert catch22.prerequisites == (B1, PLACEMENT)
    assert catch22.steps[0] == (rule(second, "active_placement"), rule(COURSE, "active_placement"))
    _, params = suggested_fix(catch22)
    assert params["first"] == "the 2 offers that give Norwegian at level B1"
    assert params["second"] == "“Work practice, Kiwi”"
    assert params["lower"] == "A2"


def test_a_higher_level_meets_the_need_in_the_cycle():
    course = offer("norsk", "active_placement", "norwegian:b2")
    placement = offer("kiwi", "norwegian:b1", "active_placement")
    [catch22] = find_catch22s([placement, course])
    assert catch22.prerequisites == (B1, PLACEMENT)
    # a placement asking for more than the cycle needs is named with its own rule
    strict = offer("kiwi", "norwegian:b2", "active_placement")
    needy = offer("rema", "norwegian:b1", "")
    [catch22] = find_catch22s([strict, course, needy])
    assert catch22.prerequisites == (p("norwegian:b2"), PLACEMENT)
    assert catch22.steps[1] == (rule(strict, "norwegian:b2"),)


def test_three_cycle_found_once_whatever_the_order():
    practice = offer("wp", "digital:basic", "active_placement", "Work practice")
    digital = offer("dig", "norwegian:a2", "digital:basic", "Digital skills")
    norwegian = offer("nor", "active_placement", "norwegian:a2", "Norwegian A2")
    expected = Catch22(
        (p("norwegian:a2"), PLACEMENT, p("digital:basic")),
        (
            (rule(norwegian, "active_placement"),),
            (rule(practice, "digital:basic"),),
            (rule(digital, "norwegian:a2"),),
        ),
    )
    for offers in ([practice, digital, norwegian], [norwegian, practice, digital], [digital, norwegian, practice]):
        assert find_catch22s(offers) == [expected]
    text, params = suggested_fix(expected)
    assert text.startswith("These rules block each other: %(rules)s.")
    assert params["rules"] == (
        "“Norwegian A2” requires an ongoing work practice, wage subsidy or paid work; "
        "“Work practice” requires digital skills at the level “basic: phone, messages and video”; "
        "“Digital skills” requires Norwegian at level A2"
    )
    assert params["subject"] == "“Norwegian A2”"
    assert text % params


def test_two_cycles_sharing_a_prerequisite_are_both_found():
    placement = offer("kiwi", "norwegian:b1", "active_placement")
    course = offer("norsk", "active_placement", "norwegian:b1")
    wage = offer("wage", "funding_approval", "funding_approval")  # a rule no one can meet first
    licence = offer("drive", "completed:work_practice", "completed:driving_licence")
    practice = offer("prac", "completed:driving_licence", "completed:work_practice")
    found = find_catch22s([placement, course, wage, licence, practice])
    assert [c.code for c in found] == [
        "funding_approval",
        "norwegian:b1>active_placement",
        "completed:work_practice>completed:driving_licence",
    ]


def test_a_prerequisite_only_its_holders_can_get_is_a_one_step_catch22():
    course = offer("b1", "norwegian:a2", "norwegian:b1", "Norwegian B1")
    a2_course = offer("a2", "norwegian:a2", "norwegian:a2", "Norwegian A2 repetition")
    [catch22] = find_catch22s([course, a2_course])
    assert catch22.prerequisites == (p("norwegian:a2"),)
    assert set(catch22.rules) == {rule(course, "norwegian:a2"), rule(a2_course, "norwegian:a2")}
    text, params = suggested_fix(catch22)
    assert text.startswith("Every offer that gives %(gives)s already requires %(needs)s")
    assert params["gives"] == params["needs"] == "Norwegian at level A2"
    assert find_catch22s([course, a2_course, INTRO]) == []  # a beginners' course opens it


def test_unreachable_offers_name_what_is_missing():
    blocked = unreachable_offers(holds("norwegian:a2"), CLASSIC)
    catch22 = find_catch22s(CLASSIC)[0]
    assert blocked == {
        "kiwi": Blocked("kiwi", (B1,), catch22),
        "norsk": Blocked("norsk", (PLACEMENT,), catch22),
        "amo": Blocked("amo", (B1, GUARANTEE), catch22),
    }
    assert unreachable_offers(holds("norwegian:c1, job_guarantee"), CLASSIC) == {}


def test_what_reachable_offers_give_counts():
    steps = [
        offer("a", "", "digital:basic"),
        offer("b", "digital:basic", "norwegian:a2"),
        offer("c", "norwegian:a2", "norwegian:b1"),
        offer("d", "norwegian:b1, driving_licence", ""),
    ]
    assert unreachable_offers(holds(), steps) == {"d": Blocked("d", (p("driving_licence"),), None)}
    assert unreachable_offers(holds("driving_licence"), steps) == {}


def test_unobtainable_leaves_out_what_comes_from_outside_the_catalogue():
    offers = [
        offer("tc", "work_experience_years:5, completed:education", "completed:trade_certificate"),
        offer("amo", "job_guarantee, funding_approval, driving_licence", ""),
        offer("bus", "completed:trade_certificate, digital:independent", ""),
        offer("dig", "", "digital:advanced"),
    ]
    assert unobtainable(offers) == [p("completed:education")]
    assert scan([], offers).unobtainable == (p("completed:education"),)


def test_offer_ids_must_be_unique():
    with pytest.raises(ValueError, match="'kiwi' appears more than once"):
        find_catch22s([PLACEMENT_OFFER, PLACEMENT_OFFER])


def test_scan_counts_offers_and_rules():
    participants = [
        ParticipantHolds("1", holds()),
        ParticipantHolds("2", holds("norwegian:a2")),
        ParticipantHolds("3", holds("norwegian:b1")),
        ParticipantHolds("4", holds("norwegian:b1, job_guarantee")),
        ParticipantHolds("5", holds("norwegian:a2")),
    ]
    result = scan(participants, CLASSIC)
    assert result.participants == 5
    assert result.distinct_holds == 4
    assert {offer_id: reach.unreachable for offer_id, reach in result.offers.items()} == {
        "kiwi": 3,
        "norsk": 3,
        "intro": 0,
        "amo": 4,
    }
    assert result.offers["amo"].top_missing == ((GUARANTEE, 4), (B1, 3))
    assert result.offers["intro"].top_missing == ()
    assert [(impact.rule, impact.participants) for impact in result.rules] == [
        (rule(VOCATIONAL, "job_guarantee"), 4),
        (rule(VOCATIONAL, "norwegian:b1"), 3),
        (rule(PLACEMENT_OFFER, "norwegian:b1"), 3),
        (rule(COURSE, "active_placement"), 3),
    ]
    assert result.barriers[0].participants == ("1", "2", "5")


def held_at_fixpoint(have: frozenset[Prerequisite], offers: list[OfferNode]) -> set[Prerequisite]:
    """The plain definition: take every offer whose needs are met until nothing new comes."""
    current = set(have)
    waiting = list(offers)
    while True:
        ready = [all(met(current, need) for need in o.requires) for o in waiting]
        new = {gift for o, taken in zip(waiting, ready, strict=True) if taken for gift in o.gives} - current
        if not new:
            return current
        current |= new
        waiting = [o for o, taken in zip(waiting, ready, strict=True) if not taken]


def reference_unreachable(
    have: frozenset[Prerequisite], offers: list[OfferNode], fixpoint: set[Prerequisite] | None = None
) -> dict[str, tuple[Prerequisite, ...]]:
    current = held_at_fixpoint(have, offers) if fixpoint is None else fixpoint
    result = {}
    for o in offers:
        missing = tuple(sorted(need for need in o.requires if not met(current, need)))
        if missing:
            result[o.offer_id] = missing
    return result


def generated_catalogue(rng: random.Random, count: int) -> list[OfferNode]:
    levels = ["a1", "a2", "b1", "b2"]
    offers = []
    for i in range(count):
        kind = rng.choice(["placement", "course", "course", "vocational", "digital", "trade", "driving"])
        if kind == "placement":
            o = offer(f"o{i}", f"norwegian:{rng.choice(['b1', 'b2'])}", "active_placement, completed:work_practice")
        elif kind == "course":
            level = rng.randrange(1, 4)
            needs = [f"norwegian:{levels[level - 1]}"] if rng.random() < 0.6 else []
            if level >= 2:
                needs.append("active_placement")  # the catch-22: every course giving B1 or more needs a placement
            o = offer(f"o{i}", ", ".join(needs), f"norwegian:{levels[level]}")
        elif kind == "vocational":
            o = offer(f"o{i}", "job_guarantee, norwegian:a2", "completed:labour_market_course")
        elif kind == "digital":
            o = offer(f"o{i}", "", f"digital:{rng.choice(['basic', 'independent'])}")
        elif kind == "trade":
            o = offer(f"o{i}", f"work_experience_years:{rng.randrange(1, 6)}, digital:basic", "")
        else:
            o = offer(f"o{i}", "funding_approval", "driving_licence")
        offers.append(OfferNode(o.offer_id, f"{kind} {i}", o.requires, o.gives))
    return offers


def test_scan_groups_participants_by_what_they_hold():
    rng = random.Random(5)  # noqa: S311 - a fixed, reproducible test instance
    offers = generated_catalogue(rng, 1_000)
    pool = [
        holds(
            ", ".join(
                code
                for code, share in [
                    (f"norwegian:{rng.choice(['pre_a1', 'a1', 'a2', 'b1', 'b2'])}", 0.9),
                    ("active_placement", 0.2),
                    ("job_guarantee", 0.2),
                    ("funding_approval", 0.3),
                    (f"digital:{rng.choice(['none', 'basic', 'advanced'])}", 0.7),
                    (f"work_experience_years:{rng.randrange(1, 9)}", 0.5),
                ]
                if rng.random() < share
            )
        )
        for _ in range(30)
    ]
    participants = [ParticipantHolds(f"p{i:05}", rng.choice(pool)) for i in range(5_000)]
    index = BarrierIndex(offers)
    result = index.scan(participants)

    assert result.participants == 5_000
    assert result.distinct_holds == len({participant.holds for participant in participants})
    [catch22] = result.barriers  # B1 needs a placement, the placements need A2 or B1
    assert catch22.catch22.prerequisites == (B1, PLACEMENT)

    distinct = {participant.holds for participant in participants}
    fixpoints = {h: held_at_fixpoint(h, offers) for h in distinct}
    by_holds = {h: reference_unreachable(h, offers, fixpoints[h]) for h in distinct}
    for h in distinct:
        assert {k: v.missing for k, v in index.unreachable(h).items()} == by_holds[h]
    expected_offers = dict.fromkeys((o.offer_id for o in offers), 0)
    expected_rules: Counter[Rule] = Counter()
    for h, size in Counter(participant.holds for participant in participants).items():
        for offer_id, missing in by_holds[h].items():
            expected_offers[offer_id] += size
            title = offers[int(offer_id[1:])].title
            for need in missing:
                expected_rules[Rule(offer_id, title, need)] += size
    caught = [
        participant.participant_id
        for participant in participants
        if not any(met(fixpoints[participant.holds], need) for need in catch22.catch22.prerequisites)
    ]
    assert {offer_id: reach.unreachable for offer_id, reach in result.offers.items()} == expected_offers
    assert {impact.rule: impact.participants for impact in result.rules} == expected_rules
    assert catch22.participants == tuple(sorted(caught))
    assert 0 < len(caught) < 5_000


def test_results_do_not_depend_on_the_order_of_offers_or_participants():
    rng = random.Random(8)  # noqa: S311 - a fixed, reproducible test instance
    offers = generated_catalogue(rng, 200)
    participants = [
        ParticipantHolds(
            f"p{i}", holds(rng.choice(["", "norwegian:a2", "norwegian:b1, job_guarantee", "digital:basic"]))
        )
        for i in range(300)
    ]
    first = scan(participants, offers)
    shuffled_offers = offers[:]
    rng.shuffle(shuffled_offers)
    shuffled_participants = participants[:]
    rng.shuffle(shuffled_participants)
    second = scan(shuffled_participants, shuffled_offers)
    assert first.barriers == second.barriers
    assert first.rules == second.rules
    assert first.offers == second.offers  # the same items; the dict keeps catalogue order
    assert list(second.offers) == [o.offer_id for o in shuffled_offers]
    assert find_catch22s(offers) == find_catch22s(shuffled_offers)


def refusal(o: OfferNode | None, code: str = "", reason: str = "prerequisite") -> Refusal:
    return Refusal(None if o is None else rule(o, code), reason)


def test_blocking_rules_ranks_the_job_guarantee_first():
    refusals = (
        [refusal(VOCATIONAL, "job_guarantee")] * 6
        + [refusal(PLACEMENT_OFFER, "norwegian:b1")] * 3
        + [refusal(COURSE, "active_placement")] * 2
        + [refusal(None, reason="no_capacity")] * 4
    )
    assert blocking_rules(refusals) == [
        BlockingRule(rule(VOCATIONAL, "job_guarantee"), 6, Decimal("0.4000")),
        BlockingRule(rule(PLACEMENT_OFFER, "norwegian:b1"), 3, Decimal("0.2000")),
    ]
    assert blocking_rules(refusals, min_share=Decimal("0.3")) == [
        BlockingRule(rule(VOCATIONAL, "job_guarantee"), 6, Decimal("0.4000"))
    ]
    assert [b.refusals for b in blocking_rules(refusals, min_share=Decimal(0), min_count=1)] == [6, 3, 2]
    assert blocking_rules([]) == []
    assert refusals_by_reason(refusals) == [("prerequisite", 11), ("no_capacity", 4)]


def test_blocking_prerequisites_add_up_over_offers():
    other = offer("amo2", "job_guarantee", "", "Cleaning course")
    refusals = [refusal(VOCATIONAL, "job_guarantee")] * 2 + [refusal(other, "job_guarantee")] * 2
    refusals += [refusal(PLACEMENT_OFFER, "norwegian:b1")] * 3 + [refusal(None, reason="ill")] * 3
    assert blocking_rules(refusals, min_share=Decimal("0.25")) == [
        BlockingRule(rule(PLACEMENT_OFFER, "norwegian:b1"), 3, Decimal("0.3000"))
    ]
    assert blocking_prerequisites(refusals, min_share=Decimal("0.25")) == [
        BlockingPrerequisite(GUARANTEE, 4, Decimal("0.4000"), ("amo", "amo2")),
        BlockingPrerequisite(B1, 3, Decimal("0.3000"), ("kiwi",)),
    ]


@pytest.mark.parametrize(
    ("share", "count"), [(Decimal("-0.1"), 3), (Decimal("1.5"), 3), (Decimal("NaN"), 3), (Decimal("0.2"), 0)]
)
def test_blocking_thresholds_are_checked(share, count):
    with pytest.raises(ValueError, match="smallest"):
        blocking_rules([], min_share=share, min_count=count)


def test_suggested_fix_for_the_classic_names_both_rules():
    [catch22] = find_catch22s(CLASSIC)
    text, params = suggested_fix(catch22)
    assert text == (
        "Let %(first)s accept participants without %(first_needs)s, or let %(second)s accept Norwegian at level "
        "%(lower)s with vocational Norwegian alongside."
    )
    assert text % params == (
        "Let “Norwegian course B1” accept participants without an ongoing work practice, wage subsidy or paid work, "
        "or let “Work practice, Kiwi” accept Norwegian at level A2 with vocational Norwegian alongside."
    )


def test_suggested_fix_translates_what_it_puts_inside():
    [catch22] = find_catch22s(CLASSIC)
    catalogue = {"“%(offer)s”": "«%(offer)s»", "Norwegian at level %(level)s": "norsk på nivå %(level)s"}
    _, params = suggested_fix(catch22, translate=lambda message: catalogue.get(message, message))
    assert params["second"] == "«Work practice, Kiwi»"
    assert params["second_needs"] == "norsk på nivå B1"


def test_suggested_fix_without_norwegian_names_both_rules_plainly():
    funding = offer("fund", "completed:work_practice", "funding_approval", "Funding for a course")
    practice = offer("prac", "funding_approval", "completed:work_practice", "Paid practice")
    [catch22] = find_catch22s([funding, practice])
    text, params = suggested_fix(catch22)
    assert text % params == (
        "Let “Funding for a course” accept participants without a completed “Work practice”, or let “Paid practice” "
        "accept participants without approved funding."
    )


# Property tests over small random catalogues.

POOL = [p(code) for code in ("norwegian:a2", "norwegian:b1", "norwegian:b2", "active_placement", "job_guarantee")]
POOL += [p("digital:basic"), p("completed:work_practice")]
small_sets = st.frozensets(st.sampled_from(POOL), max_size=2)
catalogues = st.lists(st.tuples(small_sets, small_sets), max_size=8).map(
    lambda pairs: [OfferNode(f"o{i}", f"Offer {i}", needs, gifts) for i, (needs, gifts) in enumerate(pairs)]
)


@given(catalogues, st.lists(st.frozensets(st.sampled_from(POOL), max_size=3), min_size=1, max_size=6))
def test_scan_agrees_with_the_plain_definition(offers, sets):
    participants = [ParticipantHolds(f"p{i}", h) for i, h in enumerate(sets)]
    index = BarrierIndex(offers)
    result = index.scan(participants)
    for participant in participants:
        blocked = index.unreachable(participant.holds)
        assert {k: v.missing for k, v in blocked.items()} == reference_unreachable(participant.holds, offers)
    for o in offers:
        assert result.offers[o.offer_id].unreachable == sum(
            o.offer_id in reference_unreachable(participant.holds, offers) for participant in participants
        )


@given(catalogues, st.frozensets(st.sampled_from(POOL), max_size=3), st.frozensets(st.sampled_from(POOL), max_size=3))
def test_holding_more_never_blocks_more(offers, some, more):
    assert set(unreachable_offers(some | more, offers)) <= set(unreachable_offers(some, offers))


@given(catalogues)
def test_every_catch22_is_a_real_cycle_and_locks_out_those_holding_none(offers):
    for catch22 in find_catch22s(offers):
        count = len(catch22.prerequisites)
        assert catch22.prerequisites[0] == min(catch22.prerequisites)
        assert len(set(catch22.prerequisites)) == count
        for step, rules in enumerate(catch22.steps):
            gives = catch22.prerequisites[step]
            producers = [o for o in offers if met(o.gives, gives)]
            assert producers
            assert {r.offer_id for r in rules} == {o.offer_id for o in producers}
            for r in rules:
                o = next(o for o in offers if o.offer_id == r.offer_id)
                assert r.requires in o.requires
                assert met([r.requires], catch22.needs_after(step))
        blocked = unreachable_offers(frozenset(), offers)
        for r in catch22.rules:
            assert r.offer_id in blocked
        assert suggested_fix(catch22)[0] % suggested_fix(catch22)[1]


@given(catalogues, st.data())
def test_changing_the_rules_of_one_step_clears_that_cycle(offers, data):
    found = find_catch22s(offers)
    if not found:
        return
    catch22 = data.draw(st.sampled_from(found))
    step = data.draw(st.integers(0, len(catch22.steps) - 1))
    target = catch22.needs_after(step)
    changed = {r.offer_id for r in catch22.steps[step]}
    relaxed = [
        OfferNode(o.offer_id, o.title, frozenset(n for n in o.requires if not met([n], target)), o.gives)
        if o.offer_id in changed
        else o
        for o in offers
    ]
    assert catch22.prerequisites not in {c.prerequisites for c in find_catch22s(relaxed)}


@given(catalogues, st.randoms())
def test_catch22s_do_not_depend_on_offer_order(offers, rng):
    shuffled = offers[:]
    rng.shuffle(shuffled)
    assert find_catch22s(shuffled) == find_catch22s(offers)
