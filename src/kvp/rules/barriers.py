"""Institutional barriers in the catalogue: circular prerequisites (catch-22s), offers a participant cannot
reach, and rules that block many requests (E5, E6).

The model. Each offer requires some prerequisites and gives some when a participant takes it (a Norwegian
course gives "norwegian:b1", and so also A2 and A1; a work practice gives "active_placement"; a driving
course gives "driving_licence"). A participant can reach an offer when what they hold, plus what the offers
they can reach give, meets everything it requires (`unreachable_offers`).

A catch-22 (E5) is a cycle over prerequisites: P needs Q when EVERY offer giving P requires Q or something
that meets Q (B2 meets B1), so P cannot be had without Q. A cycle P1 needs P2 needs … needs P1 locks out
everyone who holds none of them: the placement needs Norwegian B1, and the only course giving B1 needs a
placement. A second course giving B1 without that rule breaks the cycle, and so does removing either rule.
Each catch-22 names, for every step, the rule of each offer giving Pi that asks for Pi+1: all of them block,
so all of them must change (or a new offer must give Pi without the rule) to open that step. A step from a
prerequisite to itself (every offer giving A2 requires A2 or more) is a catch-22 of one step.

A prerequisite that offers require, that no offer gives, and that does not come from outside the catalogue
(prerequisites.EXTERNAL_KINDS: a job guarantee, funding approval, a driving licence, years of experience)
is `unobtainable`: only those who already hold it can take the offers that need it.

Texts are English msgids marked with `N_`; the functions that build them take `translate` (pass gettext)
to translate the phrases they put inside.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from kvp.rules.prerequisites import EXTERNAL_KINDS, Prerequisite, PrerequisiteKind, satisfies
from kvp.rules.skills import Cefr
from kvp.rules.texts import N_

MAX_CATCH22S = 1000  # a catalogue with more cycles than this gets the first ones only
TOP_MISSING = 3  # missing prerequisites listed per offer in a scan
RULES_SHOWN = 6  # rules named in a suggested fix before "and N more"
SHARE_PLACES = Decimal("0.0001")


def _same(text: str) -> str:
    return text


@dataclass(frozen=True)
class OfferNode:
    """An offer as the barrier check sees it: what it requires, and what taking it gives."""

    offer_id: str
    title: str
    requires: frozenset[Prerequisite] = frozenset()
    gives: frozenset[Prerequisite] = frozenset()


@dataclass(frozen=True, order=True)
class Rule:
    """ "Offer X requires Y": the unit a leader can change (E5, E6)."""

    offer_id: str
    offer_title: str
    requires: Prerequisite

    def render(self, translate: Callable[[str], str] = _same) -> str:
        return translate(N_("“%(offer)s” requires %(needs)s")) % {
            "offer": self.offer_title,
            "needs": self.requires.render(translate),
        }


@dataclass(frozen=True)
class Catch22:
    """A cycle of prerequisites (E5). prerequisites[i] cannot be had without prerequisites[i + 1] (the last
    without the first): steps[i] holds the rule of every offer giving prerequisites[i] that asks for
    prerequisites[i + 1] (or more). The cycle starts at its smallest prerequisite."""

    prerequisites: tuple[Prerequisite, ...]
    steps: tuple[tuple[Rule, ...], ...]

    @property
    def rules(self) -> tuple[Rule, ...]:
        """Every rule of the cycle, step by step."""
        return tuple(rule for step in self.steps for rule in step)

    @property
    def code(self) -> str:
        """A stable identifier, e.g. "norwegian:b1>active_placement"."""
        return ">".join(prerequisite.code for prerequisite in self.prerequisites)

    def needs_after(self, step: int) -> Prerequisite:
        """The prerequisite step `step` asks for."""
        return self.prerequisites[(step + 1) % len(self.prerequisites)]


@dataclass(frozen=True)
class Blocked:
    """Why an offer is out of reach for a participant: what it requires that they neither hold nor can get
    through offers they can reach, and the catch-22 that keeps it so, if one does (E5)."""

    offer_id: str
    missing: tuple[Prerequisite, ...]
    catch22: Catch22 | None


@dataclass(frozen=True)
class ParticipantHolds:
    participant_id: str
    holds: frozenset[Prerequisite]


@dataclass(frozen=True)
class BarrierReport:
    """A catch-22 and the participants it blocks: those who hold none of its prerequisites and cannot get
    any of them, so at least the offers in its rules are out of their reach. Sorted ids."""

    catch22: Catch22
    participants: tuple[str, ...]


@dataclass(frozen=True)
class OfferReach:
    """How many participants cannot reach an offer, and the prerequisites they miss most, with counts."""

    offer_id: str
    unreachable: int
    top_missing: tuple[tuple[Prerequisite, int], ...]


@dataclass(frozen=True)
class RuleImpact:
    """A rule and the number of participants it blocks: for them the offer is out of reach and they
    neither hold nor can get what the rule asks for."""

    rule: Rule
    participants: int


@dataclass(frozen=True)
class ScanResult:
    participants: int
    distinct_holds: int  # groups of participants holding the same prerequisites; each group is checked once
    barriers: tuple[BarrierReport, ...]  # every catch-22 of the catalogue, in find_catch22s order
    offers: dict[str, OfferReach]  # every offer, in catalogue order
    rules: tuple[RuleImpact, ...]  # rules blocking at least one participant, most first
    unobtainable: tuple[Prerequisite, ...]


@dataclass(frozen=True)
class _Reach:
    met: frozenset[int]  # node indices met at the fixpoint
    blocked: dict[int, tuple[tuple[int, ...], int | None]]  # class -> (missing nodes, catch-22 index)
    active: tuple[int, ...]  # catch-22s none of whose prerequisites is met


class BarrierIndex:
    """The catalogue prepared once for many checks (E5): the prerequisite graph, its catch-22s, and the
    offers grouped by what they require and give. Checks of many participants reuse it, and participants
    holding the same prerequisites are checked once."""

    def __init__(self, offers: Sequence[OfferNode]) -> None:
        self.offers = tuple(offers)
        seen: set[str] = set()
        for offer in self.offers:
            if offer.offer_id in seen:
                raise ValueError(f"the offer id {offer.offer_id!r} appears more than once")
            seen.add(offer.offer_id)
        # Nodes: the prerequisites some offer requires, smallest first.
        self._nodes: list[Prerequisite] = sorted({need for offer in self.offers for need in offer.requires})
        self._index = {node: i for i, node in enumerate(self._nodes)}
        self._by_kind: dict[PrerequisiteKind, list[int]] = {}
        for i, node in enumerate(self._nodes):
            self._by_kind.setdefault(node.kind, []).append(i)
        self._meets: dict[Prerequisite, frozenset[int]] = {}
        implies = [self._met_by(node) for node in self._nodes]

        # Offers with the same needs and gifts behave alike: check each such class once.
        class_of: dict[tuple[frozenset[int], frozenset[int]], int] = {}
        self._class_requires: list[tuple[int, ...]] = []
        self._class_gives: list[tuple[int, ...]] = []
        self._class_offers: list[list[int]] = []
        self._offer_class: list[int] = []
        for position, offer in enumerate(self.offers):
            requires = frozenset(self._index[need] for need in offer.requires)
            gives = frozenset(i for gift in offer.gives for i in self._met_by(gift))
            key = (requires, gives)
            if key not in class_of:
                class_of[key] = len(self._class_requires)
                self._class_requires.append(tuple(sorted(requires)))
                self._class_gives.append(tuple(sorted(gives)))
                self._class_offers.append([])
            self._offer_class.append(class_of[key])
            self._class_offers[class_of[key]].append(position)
        count = len(self._nodes)
        self._users: list[list[int]] = [[] for _ in range(count)]
        producers: list[list[int]] = [[] for _ in range(count)]
        for c, requires_c in enumerate(self._class_requires):
            for i in requires_c:
                self._users[i].append(c)
            for i in self._class_gives[c]:
                producers[i].append(c)

        # The graph: P -> Q when every offer giving P requires something that meets Q.
        self._adjacent: list[list[int]] = []
        for p in range(count):
            common: set[int] | None = None
            for c in producers[p]:
                implied = {q for r in self._class_requires[c] for q in implies[r]}
                common = implied if common is None else common & implied
            self._adjacent.append(sorted(common or ()))
        self._reverse: list[list[int]] = [[] for _ in range(count)]
        for p, targets in enumerate(self._adjacent):
            for q in targets:
                self._reverse[q].append(p)

        found: dict[frozenset[Rule], tuple[tuple[bool, int, tuple[int, ...]], Catch22]] = {}
        for cycle in _elementary_cycles(self._adjacent, MAX_CATCH22S):
            catch22 = self._catch22(cycle, producers, implies)
            exact = all(
                rule.requires == catch22.needs_after(step) for step, rules in enumerate(catch22.steps) for rule in rules
            )
            rank = (not exact, len(cycle), cycle)
            rules = frozenset(catch22.rules)
            if rules not in found or rank < found[rules][0]:
                found[rules] = (rank, catch22)
        ordered = sorted(found.values(), key=lambda item: (item[0][1], item[0][2]))
        self.catch22s: tuple[Catch22, ...] = tuple(catch22 for _, catch22 in ordered)
        self._catch22_nodes = [tuple(self._index[p] for p in c.prerequisites) for c in self.catch22s]
        self.unobtainable: tuple[Prerequisite, ...] = tuple(
            node for i, node in enumerate(self._nodes) if not producers[i] and node.kind not in EXTERNAL_KINDS
        )
        self._reach_cache: dict[frozenset[int], _Reach] = {}

    def _met_by(self, held: Prerequisite) -> frozenset[int]:
        """The nodes that holding `held` meets."""
        nodes = self._meets.get(held)
        if nodes is None:
            nodes = frozenset(i for i in self._by_kind.get(held.kind, ()) if satisfies(held, self._nodes[i]))
            self._meets[held] = nodes
        return nodes

    def _catch22(self, cycle: tuple[int, ...], producers: list[list[int]], implies: list[frozenset[int]]) -> Catch22:
        steps: list[tuple[Rule, ...]] = []
        for step, p in enumerate(cycle):
            q = cycle[(step + 1) % len(cycle)]
            rules: list[Rule] = []
            for c in producers[p]:
                # the weakest requirement that meets q: q itself when the offer asks for exactly q
                need = self._nodes[min(r for r in self._class_requires[c] if q in implies[r])]
                rules.extend(Rule(self.offers[o].offer_id, self.offers[o].title, need) for o in self._class_offers[c])
            steps.append(tuple(sorted(rules)))
        return Catch22(tuple(self._nodes[p] for p in cycle), tuple(steps))

    def _profile(self, holds: Iterable[Prerequisite]) -> frozenset[int]:
        met: set[int] = set()
        for held in holds:
            met |= self._met_by(held)
        return frozenset(met)

    def _reach(self, profile: frozenset[int]) -> _Reach:
        """The fixpoint for one set of met nodes: take every offer whose needs are met, add what it gives,
        until nothing changes; counting unmet needs per class keeps this linear in the catalogue's size."""
        cached = self._reach_cache.get(profile)
        if cached is not None:
            return cached
        met = set(profile)
        unmet = [0] * len(self._class_requires)
        ready: list[int] = []
        for c, requires in enumerate(self._class_requires):
            unmet[c] = sum(1 for r in requires if r not in met)
            if not unmet[c]:
                ready.append(c)
        while ready:
            for gift in self._class_gives[ready.pop()]:
                if gift not in met:
                    met.add(gift)
                    for user in self._users[gift]:
                        unmet[user] -= 1
                        if not unmet[user]:
                            ready.append(user)
        active = tuple(k for k, nodes in enumerate(self._catch22_nodes) if not met.intersection(nodes))
        # Which catch-22 keeps a node out of reach: the first one reachable from it through unmet nodes.
        blamed: dict[int, int] = {}
        for k in active:
            queue = [node for node in self._catch22_nodes[k] if node not in blamed]
            for node in queue:
                blamed[node] = k
            while queue:
                node = queue.pop()
                for before in self._reverse[node]:
                    if before not in met and before not in blamed:
                        blamed[before] = k
                        queue.append(before)
        blocked: dict[int, tuple[tuple[int, ...], int | None]] = {}
        for c, count in enumerate(unmet):
            if count:
                missing = tuple(r for r in self._class_requires[c] if r not in met)
                culprits = [blamed[r] for r in missing if r in blamed]
                blocked[c] = (missing, min(culprits) if culprits else None)
        reach = _Reach(frozenset(met), blocked, active)
        self._reach_cache[profile] = reach
        return reach

    def unreachable(self, holds: Iterable[Prerequisite]) -> dict[str, Blocked]:
        """The offers out of reach for someone holding `holds`, in catalogue order, and why (E5)."""
        reach = self._reach(self._profile(holds))
        result: dict[str, Blocked] = {}
        for position, offer in enumerate(self.offers):
            blocked = reach.blocked.get(self._offer_class[position])
            if blocked is not None:
                missing, k = blocked
                result[offer.offer_id] = Blocked(
                    offer.offer_id,
                    tuple(self._nodes[r] for r in missing),
                    None if k is None else self.catch22s[k],
                )
        return result

    def scan(self, participants: Iterable[ParticipantHolds]) -> ScanResult:
        """Barriers for a whole office (E5): participants are grouped by what they hold, and each distinct
        set of met prerequisites is checked once against the offer classes."""
        groups: dict[frozenset[Prerequisite], list[str]] = {}
        total = 0
        for participant in participants:
            groups.setdefault(participant.holds, []).append(participant.participant_id)
            total += 1
        profiles: dict[frozenset[int], list[str]] = {}
        for holds, ids in groups.items():
            profiles.setdefault(self._profile(holds), []).extend(ids)
        class_count = len(self._class_requires)
        unreachable = [0] * class_count
        missing_counts: list[Counter[int]] = [Counter() for _ in range(class_count)]
        affected: list[list[str]] = [[] for _ in self.catch22s]
        for profile, ids in profiles.items():
            reach = self._reach(profile)
            size = len(ids)
            for c, (missing, _) in reach.blocked.items():
                unreachable[c] += size
                counter = missing_counts[c]
                for r in missing:
                    counter[r] += size
            for k in reach.active:
                affected[k].extend(ids)
        offers: dict[str, OfferReach] = {}
        impacts: list[RuleImpact] = []
        top_by_class: dict[int, tuple[tuple[Prerequisite, int], ...]] = {}
        for position, offer in enumerate(self.offers):
            c = self._offer_class[position]
            if c not in top_by_class:
                ranked = sorted(missing_counts[c].items(), key=lambda item: (-item[1], item[0]))
                top_by_class[c] = tuple((self._nodes[r], n) for r, n in ranked[:TOP_MISSING])
            offers[offer.offer_id] = OfferReach(offer.offer_id, unreachable[c], top_by_class[c])
            for need in offer.requires:
                blocked = missing_counts[c].get(self._index[need], 0)
                if blocked:
                    impacts.append(RuleImpact(Rule(offer.offer_id, offer.title, need), blocked))
        impacts.sort(key=lambda impact: (-impact.participants, impact.rule))
        return ScanResult(
            participants=total,
            distinct_holds=len(groups),
            barriers=tuple(
                BarrierReport(catch22, tuple(sorted(ids))) for catch22, ids in zip(self.catch22s, affected, strict=True)
            ),
            offers=offers,
            rules=tuple(impacts),
            unobtainable=self.unobtainable,
        )


def _component(start: int, adjacent: Sequence[Sequence[int]], reverse: Sequence[Sequence[int]]) -> set[int]:
    """The nodes >= start on a cycle with start, using only nodes >= start."""

    def spread(links: Sequence[Sequence[int]]) -> set[int]:
        seen = {start}
        queue = [start]
        while queue:
            for nxt in links[queue.pop()]:
                if nxt >= start and nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
        return seen

    return spread(adjacent) & spread(reverse)


def _elementary_cycles(adjacent: Sequence[Sequence[int]], limit: int) -> list[tuple[int, ...]]:
    """Every elementary cycle, each once, starting at its smallest node (Johnson 1975), at most `limit`."""
    reverse: list[list[int]] = [[] for _ in adjacent]
    for p, targets in enumerate(adjacent):
        for q in targets:
            reverse[q].append(p)
    cycles: list[tuple[int, ...]] = []
    for start in range(len(adjacent)):
        if len(cycles) >= limit:
            break
        component = _component(start, adjacent, reverse)
        if len(component) > 1 or start in adjacent[start]:
            _Circuits(adjacent, start, component, cycles, limit).circuit(start)
    return cycles


class _Circuits:
    """Johnson's search for the cycles through `start` within its strongly connected component."""

    def __init__(
        self,
        adjacent: Sequence[Sequence[int]],
        start: int,
        component: set[int],
        cycles: list[tuple[int, ...]],
        limit: int,
    ) -> None:
        self.adjacent = adjacent
        self.start = start
        self.component = component
        self.cycles = cycles
        self.limit = limit
        self.blocked: set[int] = set()
        self.blockers: dict[int, set[int]] = {}
        self.path: list[int] = []

    def unblock(self, node: int) -> None:
        stack = [node]
        while stack:
            current = stack.pop()
            if current in self.blocked:
                self.blocked.discard(current)
                stack.extend(self.blockers.pop(current, ()))

    def circuit(self, node: int) -> bool:
        found = False
        self.path.append(node)
        self.blocked.add(node)
        for nxt in self.adjacent[node]:
            if nxt not in self.component or len(self.cycles) >= self.limit:
                continue
            if nxt == self.start:
                self.cycles.append(tuple(self.path))
                found = True
            elif nxt not in self.blocked and self.circuit(nxt):
                found = True
        if found:
            self.unblock(node)
        else:
            for nxt in self.adjacent[node]:
                if nxt in self.component:
                    self.blockers.setdefault(nxt, set()).add(node)
        self.path.pop()
        return found


def find_catch22s(offers: Sequence[OfferNode]) -> list[Catch22]:
    """Circular prerequisites in the catalogue, each once, shortest first (E5)."""
    return list(BarrierIndex(offers).catch22s)


def unobtainable(offers: Sequence[OfferNode]) -> list[Prerequisite]:
    """Prerequisites offers require that no offer gives, leaving out those from outside the catalogue
    (EXTERNAL_KINDS): only someone who already holds one can take the offers that need it (E5)."""
    return list(BarrierIndex(offers).unobtainable)


def unreachable_offers(holds: Iterable[Prerequisite], offers: Sequence[OfferNode]) -> dict[str, Blocked]:
    """The offers out of reach for someone holding `holds`, and why (E5). For many participants, build a
    BarrierIndex once and call its `unreachable`."""
    return BarrierIndex(offers).unreachable(holds)


def scan(participants: Iterable[ParticipantHolds], offers: Sequence[OfferNode]) -> ScanResult:
    """Catch-22s with the participants they block, offers out of reach and rules that block (E5)."""
    return BarrierIndex(offers).scan(participants)


@dataclass(frozen=True)
class Refusal:
    """A request to join an offer that was refused, with the rule it was refused under, if any (E6)."""

    rule: Rule | None
    reason_code: str


@dataclass(frozen=True)
class BlockingRule:
    rule: Rule
    refusals: int
    share: Decimal  # of all refusals, 0 to 1, to four places


@dataclass(frozen=True)
class BlockingPrerequisite:
    """A prerequisite that refusals cite, counted over every offer that asks for it (E6)."""

    prerequisite: Prerequisite
    refusals: int
    share: Decimal
    offers: tuple[str, ...]  # the offer ids of the rules cited, sorted


def _check_thresholds(min_share: Decimal, min_count: int) -> None:
    if not min_share.is_finite() or not 0 <= min_share <= 1:
        raise ValueError("the smallest share must be from 0 to 1")
    if isinstance(min_count, bool) or min_count < 1:
        raise ValueError("the smallest number of refusals must be at least 1")


def _share(count: int, total: int) -> Decimal:
    return (Decimal(count) / Decimal(total)).quantize(SHARE_PLACES, rounding=ROUND_HALF_UP)


def blocking_rules(
    refusals: Sequence[Refusal], *, min_share: Decimal = Decimal("0.2"), min_count: int = 3
) -> list[BlockingRule]:
    """Rules behind at least `min_count` refusals and `min_share` of all refusals, most first (E6)."""
    _check_thresholds(min_share, min_count)
    total = len(refusals)
    counts = Counter(refusal.rule for refusal in refusals if refusal.rule is not None)
    found = [
        BlockingRule(rule, count, _share(count, total))
        for rule, count in counts.items()
        if count >= min_count and count >= min_share * total
    ]
    return sorted(found, key=lambda blocking: (-blocking.refusals, blocking.rule))


def blocking_prerequisites(
    refusals: Sequence[Refusal], *, min_share: Decimal = Decimal("0.2"), min_count: int = 3
) -> list[BlockingPrerequisite]:
    """Like blocking_rules, but counting a prerequisite over all the offers whose rules ask for it, so a
    job-guarantee demand spread over many courses shows as one barrier (E6)."""
    _check_thresholds(min_share, min_count)
    total = len(refusals)
    counts: Counter[Prerequisite] = Counter()
    offers: dict[Prerequisite, set[str]] = {}
    for refusal in refusals:
        if refusal.rule is not None:
            counts[refusal.rule.requires] += 1
            offers.setdefault(refusal.rule.requires, set()).add(refusal.rule.offer_id)
    found = [
        BlockingPrerequisite(need, count, _share(count, total), tuple(sorted(offers[need])))
        for need, count in counts.items()
        if count >= min_count and count >= min_share * total
    ]
    return sorted(found, key=lambda blocking: (-blocking.refusals, blocking.prerequisite))


def refusals_by_reason(refusals: Iterable[Refusal]) -> list[tuple[str, int]]:
    """Refusals counted by reason code, most first, then by code (E6)."""
    counts = Counter(refusal.reason_code for refusal in refusals)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _rules_list(rules: Sequence[Rule], translate: Callable[[str], str]) -> str:
    shown = "; ".join(rule.render(translate) for rule in rules[:RULES_SHOWN])
    if len(rules) > RULES_SHOWN:
        shown += "; " + translate(N_("and %(count)s more")) % {"count": len(rules) - RULES_SHOWN}
    return shown


def _step_needs(catch22: Catch22, step: int) -> Prerequisite:
    """What a step asks for: the rules' requirement when they agree, otherwise the cycle's prerequisite."""
    asked = {rule.requires for rule in catch22.steps[step]}
    return asked.pop() if len(asked) == 1 else catch22.needs_after(step)


def _subject(catch22: Catch22, step: int, translate: Callable[[str], str]) -> str:
    """Who should change: the one offer of the step, or all the offers giving its prerequisite."""
    rules = catch22.steps[step]
    if len(rules) == 1:
        return translate(N_("“%(offer)s”")) % {"offer": rules[0].offer_title}
    return translate(N_("the %(count)s offers that give %(gives)s")) % {
        "count": len(rules),
        "gives": catch22.prerequisites[step].render(translate),
    }


def _lower_norwegian(need: Prerequisite) -> Cefr | None:
    """One CEFR level below a Norwegian requirement of A2 or more (E9), or None."""
    if need.kind is not PrerequisiteKind.NORWEGIAN or need.rank < Cefr.A2.rank:
        return None
    return list(Cefr)[need.rank - 1]


def suggested_fix(catch22: Catch22, *, translate: Callable[[str], str] = _same) -> tuple[str, dict[str, str]]:
    """A suggestion for the leader (E5): an N_ text and its params, already translated with `translate`
    (pass gettext), so the app shows `gettext(text) % params`. For two steps it names both rules, and when
    one asks for Norwegian it suggests accepting a level lower with vocational Norwegian alongside (E9)."""
    count = len(catch22.steps)
    if count == 1:
        return (
            N_(
                "Every offer that gives %(gives)s already requires %(needs)s, so only someone who has it can "
                "get it: %(rules)s. Add an offer that gives %(gives)s without this requirement, or let these "
                "offers accept participants without %(needs)s."
            ),
            {
                "gives": catch22.prerequisites[0].render(translate),
                "needs": _step_needs(catch22, 0).render(translate),
                "rules": _rules_list(catch22.rules, translate),
            },
        )
    if count == 2:
        lowers = [_lower_norwegian(_step_needs(catch22, i)) for i in (0, 1)]
        if lowers[0] is not None and lowers[1] is None:
            first, second, lower = 1, 0, lowers[0]  # the Norwegian rule goes second in the sentence
        elif lowers[1] is not None and lowers[0] is None:
            first, second, lower = 0, 1, lowers[1]
        else:
            first, second, lower = 0, 1, None
        params = {
            "first": _subject(catch22, first, translate),
            "first_needs": _step_needs(catch22, first).render(translate),
            "second": _subject(catch22, second, translate),
            "second_needs": _step_needs(catch22, second).render(translate),
        }
        if lower is not None:
            return (
                N_(
                    "Let %(first)s accept participants without %(first_needs)s, or let %(second)s accept "
                    "Norwegian at level %(lower)s with vocational Norwegian alongside."
                ),
                params | {"lower": translate(lower.label)},
            )
        return (
            N_(
                "Let %(first)s accept participants without %(first_needs)s, or let %(second)s accept "
                "participants without %(second_needs)s."
            ),
            params,
        )
    step = min(range(count), key=lambda i: (len(catch22.steps[i]), i))
    return (
        N_(
            "These rules block each other: %(rules)s. Someone who meets none of these requirements cannot start "
            "any of these offers. Break the circle at one step: let %(subject)s accept participants without "
            "%(needs)s, or add an offer that gives %(gives)s without this requirement."
        ),
        {
            "rules": _rules_list(catch22.rules, translate),
            "subject": _subject(catch22, step, translate),
            "needs": _step_needs(catch22, step).render(translate),
            "gives": catch22.prerequisites[step].render(translate),
        },
    )
