"""Fairness floors: for each floored group g, at least R_g = ceil(floor_g × size_g) of its participants get
a formally qualifying offer (E3), while the total weight stays as large as possible.

The group is an administrator-chosen, non-protected attribute (such as education level); origin,
nationality, ethnicity and religion are never inputs.

With floors the matching is no longer a flow, so the floors are priced in instead (Lagrangian relaxation).
Each participant p of a floored group g gets a reward b_p ≥ λ_g (λ_g plus a tiny tie-breaker of its own) and
a discount μ_p ≥ 0; each of p's qualifying arcs weighs (b_p − μ_p)⁺ more, and the exact min-cost flow solves
the rewarded matching. For every assignment x meeting the floors,

    Σ w·x ≤ max_x' [Σ w·x' + Σ_p (b_p − μ_p)⁺ · q_p(x')] + Σ_p μ_p − Σ_g λ_g R_g  =  D(b, μ),

where q_p counts p's qualifying offers (each participant needs one; the discount takes back what a second
one would earn). So every D is an upper bound on the best assignment meeting the floors, proven by the flow
alone, and the gap of the best feasible assignment found is certified against the smallest D. The search
raises λ_g until group g's floor is met (by safeguarded interpolation on the count of qualified
participants), and raises μ_p for participants given two qualifying offers at once. Between searches only
the flow's components whose rewards changed are solved again.

With several floors, one price per floor searched on its own swings, as the groups compete for the same
qualifying places. There the bound is the sharper F(r) − Σ_g (the R_g smallest rewards r_p in g), r = (b − μ)⁺
(an assignment meeting the floors earns at least that much reward). Once the search has an assignment
meeting them (repairing flows a little short), all prices move at once, to the minimum of the flows' cuts
within a trust region (`floor_models.next_prices`), which lowers the bound; then the flows near the best
bound are compared: what they agree on is kept, and the participants they disagree on are placed by a MIP
in the time left (`floor_models.place_undecided`).

A floor that cannot be met at all (too few participants who can take a qualifying offer, too few qualifying
places) is a MatchInputError. A floor the search has not met within the time limit is reported in the
result (`unmet`), with the best assignment found: one meeting the floors if there is one, else the one
closest to meeting them.
"""

from __future__ import annotations

import dataclasses
import math
import time
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np

from kvp.matching_engine.floor_models import Cut, next_prices, place_undecided
from kvp.matching_engine.flow import Network, build_network
from kvp.matching_engine.problem import Assignment, Ints, Problem, Shortfall, required_per_group
from kvp.rules.matching import MatchInputError
from kvp.rules.texts import N_

TARGET_GAP = 0.0005  # stop once the best assignment is certified within 0.05 % of the bound
TIME_LIMIT = 60.0  # seconds; the result says whether the floors were met and the gap reached
SCALE = 1 << 10  # flow costs in 1/1024 thousandths, so the rewards can be set finely
STALL = 8  # stop when neither the bound nor the best assignment improved over this many flows
# Several floors: once the search has met them, it ends at SEARCH_SHARE of the time limit; the MIP over the
# undecided participants takes MIP_SHARE of the time left, the flows within NEAR of the bound (at most
# MIP_FLOWS), and stops within MIP_SHARE_OF_GAP of the target gap. The tightening of the bound takes the time
# left, or stops when its cuts promise less than TIGHTEN_SHARE_OF_GAP of the target gap.
SEARCH_SHARE = 0.5
MIP_SHARE = 0.7
TIGHTEN_SHARE_OF_GAP = 0.2
NEAR = 0.0005
MIP_FLOWS = 6
MIP_SHARE_OF_GAP = 0.3
SOLVER = "OR-Tools min-cost flow with priced fairness floors"


@dataclass(frozen=True)
class FairResult:
    assignment: Assignment  # bound: `bound` when the floors are met
    bound: float  # no assignment meeting the floors weighs more (the smallest D found)
    gap: float  # (bound - objective) / bound when the floors are met; 1.0 when they are not
    iterations: int  # flows solved with rewards
    required: dict[str, int]  # participants with a qualifying offer each floored group must get
    achieved: dict[str, int]
    unmet: tuple[Shortfall, ...] = field(default=())  # floors not met within the time limit


class _Priced:
    """The network with rewards on the qualifying arcs of floored participants; remembers each component's
    last rewards and solution, so a new price vector only re-solves what it changes."""

    def __init__(self, problem: Problem, floored: Ints) -> None:
        self.problem = problem
        self.network: Network = build_network(problem)
        net = self.network
        arc_person = problem.arc_participant[net.order]
        rewarded = problem.qualifying[problem.arc_offer[net.order]] & np.isin(
            problem.participant_group[arc_person], floored
        )
        self.rewarded_at = net.arc_at[rewarded]  # network arcs that get a reward
        self.rewarded_person = arc_person[rewarded]
        self.rewarded_kind = problem.arc_kind[net.order[rewarded]]
        comp_of_order = np.repeat(np.arange(net.count), np.diff(net.comp_starts))
        self.rewarded_comp = comp_of_order[rewarded]
        self.costs = net.costs * SCALE
        self.last: list[Ints | None] = [None] * net.count
        self.chosen: list[Ints] = [np.zeros(0, dtype=np.int64)] * net.count
        self.cost = np.zeros(net.count, dtype=np.int64)
        self.deadline = math.inf

    def solve(self, arc_reward: Ints) -> tuple[Ints, int]:
        """The chosen arcs and the rewarded value (scaled) for `arc_reward` on each rewarded arc (scaled)."""
        net = self.network
        costs = self.costs.copy()
        costs[self.rewarded_at] -= arc_reward
        bounds = np.searchsorted(self.rewarded_comp, np.arange(net.count + 1))
        for comp in range(net.count):
            mine = arc_reward[bounds[comp] : bounds[comp + 1]]
            previous = self.last[comp]
            if previous is not None and np.array_equal(previous, mine):
                continue
            segment = costs[net.seg_start[comp] : net.seg_start[comp + 1]]
            self.chosen[comp], self.cost[comp] = net.solve(comp, segment)
            self.last[comp] = mine
        chosen = np.concatenate(self.chosen) if self.chosen else np.zeros(0, dtype=np.int64)
        return chosen, -int(self.cost.sum())


def solve_fair(
    problem: Problem,
    floors: dict[str, Decimal],
    *,
    time_limit: float = TIME_LIMIT,
    target_gap: float = TARGET_GAP,
) -> FairResult:
    """The best assignment meeting the floors (group -> share of its participants, 0..1) that the search
    finds within `time_limit` seconds, certified within `target_gap` of the bound when it stops early.
    MatchInputError for an unknown group, a share outside 0..1, or floors that cannot all be met."""
    started = time.perf_counter()
    required = required_per_group(problem, floors)
    if problem.arc_count == 0:
        raise MatchInputError(
            "empty_match",
            N_("No participant in this match can take any of its offers, so there is nothing to apply the floors to."),
            {},
        )
    _check_reachable(problem, required)
    search = _Search(problem, required, started, time_limit, target_gap)
    return search.run() if len(required) == 1 else search.run_several()


class _Search:
    def __init__(
        self, problem: Problem, required: dict[str, int], started: float, time_limit: float, target_gap: float
    ) -> None:
        self.problem = problem
        self.required = required
        self.started = started
        self.deadline = started + time_limit
        self.target_gap = target_gap
        self.groups = np.array([problem.groups.index(group) for group in required], dtype=np.int64)
        self.need = np.array(list(required.values()), dtype=np.int64)
        self.priced = _Priced(problem, self.groups)
        n = len(problem.participants)
        member = np.full(n, -1, dtype=np.int64)  # each participant's floor (index into groups), -1 for none
        for number, group in enumerate(self.groups.tolist()):
            member[problem.participant_group == group] = number
        self.member = member
        # A tie-breaker below one thousandth, distinct per participant, so that rewards admit them one by one.
        self.tie = np.where(member >= 0, (np.arange(n) * 7919) % (SCALE // 2), 0).astype(np.int64)
        self.discount = np.zeros(n, dtype=np.int64)
        self.iterations = 0
        self.recent: list[Ints] = []
        self.flows: list[tuple[int, Ints]] = []  # several floors: the bound and the chosen arcs of every flow
        self.cuts: list[_Cut] = []  # and its cut
        self.best_price = np.zeros(self.groups.size, dtype=np.int64)  # the prices of the best bound
        # A reward beyond any gain from moving others: keeps or brings a participant into a qualifying offer.
        self.search_deadline = started + (time_limit if len(required) == 1 else SEARCH_SHARE * time_limit)
        self.pinned = (int(problem.arc_weight.max(initial=0)) + 1) * SCALE * 8
        self.ceiling = (int(problem.arc_weight.max(initial=0)) + 1) * SCALE * 4  # no higher price is tried
        self.best_bound = math.inf  # scaled
        self.best: tuple[int, Ints] | None = None  # feasible: objective, chosen arcs
        self.closest: tuple[int, int, Ints] | None = None  # infeasible: -missing, objective, chosen arcs

    def counts(self, chosen: Ints) -> tuple[Ints, Ints]:
        """Qualified participants per floor, and qualifying offers per participant."""
        problem = self.problem
        qualifying = chosen[problem.qualifying[problem.arc_offer[chosen]]]
        per_person = np.bincount(problem.arc_participant[qualifying], minlength=len(problem.participants))
        member = self.member[per_person > 0]
        return np.bincount(member[member >= 0], minlength=self.groups.size), per_person

    def evaluate(self, price: Ints, *, repair: bool = False) -> tuple[Ints, Ints]:
        """Solve with λ = `price` per floor (scaled); update the bound and the best assignments, and `repair` an
        assignment a little short of several floors. The qualified participants per floor and the qualifying
        offers per participant."""
        full = np.where(self.member >= 0, price[self.member] + self.tie, 0)
        discount = np.minimum(self.discount, full)  # a discount beyond the reward takes back nothing more
        chosen, value = self.priced.solve((full - discount)[self.priced.rewarded_person])
        self.iterations += 1
        counts, per_person = self.counts(chosen)
        if self.groups.size > 1:
            bound = value - self.least_rewards(full - discount)
            self.flows.append((bound, chosen))
            self.cuts.append(_Cut(value - int(per_person @ (full - discount)), per_person))
            if bound < self.best_bound:
                self.best_price = price
        else:
            bound = value + int(discount.sum()) - int((price * self.need).sum())
        self.best_bound = min(self.best_bound, bound)
        objective = int(self.problem.arc_weight[chosen].sum())
        self.keep(chosen, objective, counts)
        short = int(np.maximum(self.need - counts, 0).sum())
        if repair and self.recent and 0 < short <= max(int(self.need.sum()) // 20, 1):
            self.repair(chosen, counts, full - discount)
        self.recent = [*self.recent[-3:], chosen]
        return counts, per_person

    def keep(self, chosen: Ints, objective: int, counts: Ints) -> None:
        """Remember the best assignment meeting the floors, and the closest one that does not."""
        missing = int(np.maximum(self.need - counts, 0).sum())
        if missing == 0:
            if self.best is None or objective > self.best[0]:
                self.best = (objective, chosen)
        elif self.closest is None or (-missing, objective) > self.closest[:2]:
            self.closest = (-missing, objective, chosen)

    def repair(self, chosen: Ints, counts: Ints, reward: Ints) -> None:
        """From an assignment short of a floor: keep everyone who has a qualifying offer in that kind of offer,
        and bring in the participants of the short groups who had one in a recent solution at the smallest
        loss to themselves (a few more than missing), by a reward no other gain can outweigh; one more flow."""
        problem, priced = self.problem, self.priced
        short = np.maximum(self.need - counts, 0)
        qualifying = chosen[problem.qualifying[problem.arc_offer[chosen]]]
        held = np.full(len(problem.participants), -1, dtype=np.int64)
        held[problem.arc_participant[qualifying]] = problem.arc_kind[qualifying]
        weight_now = np.zeros(problem.pk_count, dtype=np.int64)
        weight_now[problem.arc_pk[chosen]] = problem.arc_weight[chosen]
        wanted = np.full(len(problem.participants), -1, dtype=np.int64)
        loss = np.full(len(problem.participants), np.iinfo(np.int64).max, dtype=np.int64)
        for earlier in self.recent:
            arcs = earlier[problem.qualifying[problem.arc_offer[earlier]]]
            people = problem.arc_participant[arcs]
            floor = self.member[people]
            fit = (held[people] < 0) & (floor >= 0)
            fit[fit] &= short[floor[fit]] > 0
            arcs, people = arcs[fit], people[fit]
            cost = weight_now[problem.arc_pk[arcs]] - problem.arc_weight[arcs]
            better = cost < loss[people]
            loss[people[better]], wanted[people[better]] = cost[better], problem.arc_kind[arcs[better]]
        chosen_people = []
        for number, missing in enumerate(short.tolist()):
            if missing:
                pool = np.flatnonzero((self.member == number) & (wanted >= 0))
                chosen_people.append(pool[np.argsort(loss[pool], kind="stable")[: missing + missing // 2 + 3]])
        if not chosen_people:
            return
        brought = np.zeros(len(problem.participants), dtype=np.bool_)
        brought[np.concatenate(chosen_people)] = True
        kind = np.where(brought, wanted, held)[priced.rewarded_person]
        arc_reward = np.where(kind >= 0, 0, reward[priced.rewarded_person])
        arc_reward[kind == priced.rewarded_kind] = self.pinned
        repaired, _ = priced.solve(arc_reward)
        self.iterations += 1
        self.keep(repaired, int(problem.arc_weight[repaired].sum()), self.counts(repaired)[0])

    def gap(self) -> float:
        if self.best is None:
            return math.inf
        bound = self.best_bound / SCALE
        return (bound - self.best[0]) / bound if bound > 0 else 0.0

    def run_several(self) -> FairResult:
        """Several floors: the search (until an assignment meets the floors, and on for a while); the MIP over
        the participants its flows disagree on; then the bound lowered by the cutting-plane model in the time
        left (from no discounts: the search's fit its own prices)."""
        self.search()
        if self.best is not None and self.gap() > self.target_gap:
            self.place_undecided(self.flows, self.best[1])
            self.discount[:] = 0
            self.tighten(int(np.median(self.problem.arc_weight)) * SCALE / 4)
        return self.result()

    def run(self) -> FairResult:
        self.search()
        return self.result()

    def search(self) -> None:
        """One price per floor, each searched on its own (`_Bracket`), until the gap is reached, the time is up,
        or the search stalls."""
        problem = self.problem
        typical = int(np.median(problem.arc_weight)) if problem.arc_count else 1
        brackets = [_Bracket(int(need), max(typical * SCALE // 4, SCALE), self.ceiling) for need in self.need.tolist()]
        price = np.zeros(self.groups.size, dtype=np.int64)
        progress: list[tuple[float, int]] = []
        while True:
            counts, per_person = self.evaluate(price, repair=self.groups.size > 1)
            progress.append((self.best_bound, self.best[0] if self.best else -1))
            stalled = len(progress) > STALL and progress[-1] == progress[-1 - STALL]
            # several floors: once an assignment meets them, the search ends at a share of the time limit
            until = self.search_deadline if self.best is not None else self.deadline
            if self.gap() <= self.target_gap or time.perf_counter() >= until or stalled:
                break
            for bracket, at, count in zip(brackets, price.tolist(), counts.tolist(), strict=True):
                bracket.observe(at, count)
            doubles = self.update_discounts(price, per_person)
            new = np.array([bracket.next() for bracket in brackets], dtype=np.int64)
            if np.array_equal(new, price) and not doubles:
                break
            price = new

    def update_discounts(self, price: Ints, per_person: Ints) -> bool:
        """Participants with two qualifying offers earn twice: discount them halfway towards no reward;
        participants with none give back a discount they do not use. Whether any had two."""
        floored = self.member >= 0
        reward = np.where(floored, price[np.maximum(self.member, 0)] + self.tie, 0)
        double = floored & (per_person >= 2)
        self.discount[double] += (reward[double] - self.discount[double] + 1) // 2
        self.discount[floored & (per_person == 0)] //= 2
        return bool(double.any())

    def tighten(self, radius: float) -> None:
        """Several floors: lower the bound by moving all prices at once, each time to the minimum of the flows'
        cuts within `radius` of the best prices (a trust region, widened after a step that gains, narrowed
        after one that does not), until the cuts promise less than a share of the target gap."""
        centre = self.best_price
        while time.perf_counter() < self.deadline and self.gap() > self.target_gap:
            model = [self.model_cut(cut) for cut in self.cuts]
            at_centre = max(cut.value + float(cut.slope @ centre) for cut in model)
            candidate, lowest = next_prices(model, centre.astype(np.float64), radius)
            if at_centre - lowest <= TIGHTEN_SHARE_OF_GAP * self.target_gap * abs(at_centre):
                break
            price = np.minimum(np.rint(candidate).astype(np.int64), self.ceiling)
            if np.array_equal(price, centre):
                break
            before = self.best_bound
            _, per_person = self.evaluate(price)
            if self.best_bound < before:
                if np.abs(price - centre).max(initial=0) >= 0.99 * radius:
                    radius *= 2
                centre = price
            else:
                radius = max(radius / 2, 1.0)
            self.update_discounts(price, per_person)

    def model_cut(self, cut: _Cut) -> Cut:
        """A flow's cut on the bound as a function of the prices alone, at the current discounts: rewards
        r = λ + tie − discount (taken as at least 0), whose R_g smallest sum to λ_g R_g less the R_g largest
        (discount − tie)."""
        excess = self.discount - self.tie
        largest = 0
        for number, need in enumerate(self.need.tolist()):
            if need:
                largest += int(-np.partition(-excess[self.member == number], need - 1)[:need].sum())
        floored = self.member >= 0
        offers = np.bincount(self.member[floored], weights=cut.per_person[floored], minlength=self.groups.size)
        value = cut.constant - float(cut.per_person[floored] @ excess[floored]) + largest
        return Cut(np.zeros(self.groups.size), value, np.asarray(offers - self.need, dtype=np.float64))

    def least_rewards(self, reward: Ints) -> int:
        """Σ_g the R_g smallest rewards in group g: what any assignment meeting the floors earns at least."""
        total = 0
        for number, need in enumerate(self.need.tolist()):
            if need:
                mine = reward[self.member == number]
                total += int(np.partition(mine, need - 1)[:need].sum())
        return total

    def place_undecided(self, flows: list[tuple[int, Ints]], feasible: Ints) -> None:
        """The MIP over the participants the flows near the best bound and `feasible` (an assignment meeting the
        floors, which keeps the MIP feasible) disagree on, in the time left."""
        near = self.best_bound + NEAR * abs(self.best_bound)
        close = [chosen for value, chosen in sorted(flows, key=lambda flow: flow[0]) if value <= near][:MIP_FLOWS]
        close.append(feasible)
        slack = MIP_SHARE_OF_GAP * self.target_gap * self.best_bound / SCALE
        placed = place_undecided(
            self.problem, close, self.member, self.need, MIP_SHARE * (self.deadline - time.perf_counter()), slack
        )
        if placed is not None:
            self.keep(placed, int(self.problem.arc_weight[placed].sum()), self.counts(placed)[0])

    def result(self) -> FairResult:
        problem = self.problem
        seconds = time.perf_counter() - self.started
        bound = self.best_bound / SCALE
        if self.best is not None:
            objective, chosen = self.best
            whole_bound = math.floor(bound + 1e-9)  # the weights are integers
            assignment = problem.assignment(
                np.sort(chosen),
                solver=SOLVER,
                seconds=seconds,
                proven_optimal=objective >= whole_bound,
                bound=whole_bound,
            )
        elif self.closest is not None:  # always: at least one flow was solved
            _, objective, chosen = self.closest
            assignment = problem.assignment(
                np.sort(chosen), solver=SOLVER, seconds=seconds, proven_optimal=False, bound=None
            )
        else:
            raise AssertionError("the search solved no flow")
        counts, _ = self.counts(chosen)
        achieved = {group: int(counts[number]) for number, group in enumerate(self.required)}
        unmet = tuple(
            Shortfall(group, self.required[group], achieved[group])
            for group in self.required
            if achieved[group] < self.required[group]
        )
        assignment = dataclasses.replace(assignment, unmet=unmet)
        gap = (bound - objective) / bound if self.best is not None and bound > 0 else (0.0 if self.best else 1.0)
        return FairResult(
            assignment=assignment,
            bound=bound,
            gap=max(gap, 0.0),
            iterations=self.iterations,
            required=self.required,
            achieved=achieved,
            unmet=unmet,
        )


@dataclass(frozen=True)
class _Cut:
    """A flow solved at rewards r gives, at any rewards r', a flow worth at least constant + per_person · r'."""

    constant: int  # the flow's value less the rewards it earned
    per_person: Ints  # qualifying offers per participant


@dataclass
class _Bracket:
    """The search for one floor's price: the highest price seen not to meet the floor and the lowest seen to
    meet it, with their counts. The counts drift as discounts change, so a bracket that the latest count
    contradicts is widened again."""

    need: int
    step: int  # the first price tried above 0
    ceiling: int  # no higher price is tried
    low: int = 0
    low_count: int | None = None  # None: not measured at `low`
    high: int | None = None  # None: no price has met the floor yet
    high_count: int = 0
    low_fresh: bool = False  # `low` measured after `high`

    def observe(self, price: int, count: int) -> None:
        if count >= self.need:
            self.high, self.high_count, self.low_fresh = price, count, False
            if self.low >= price:
                self.low, self.low_count = price // 2, None
        else:
            self.low, self.low_count, self.low_fresh = price, count, True
            if self.high is not None and self.high <= price:
                self.high = None

    def next(self) -> int:
        if self.high is None:
            return min(max(2 * self.low, self.step), self.ceiling)
        span = self.high - self.low
        if span <= SCALE:  # within a thousandth: measure the low end again, in case the counts have moved
            return self.high if self.low_fresh else self.low
        if self.low_count is None:
            return self.low + span // 2
        fraction = (self.need - self.low_count) / max(self.high_count - self.low_count, 1)
        return self.low + max(1, int(span * min(max(fraction, 0.1), 0.9)))


def _check_reachable(problem: Problem, required: dict[str, int]) -> None:
    """A clear error when a group has too few participants who can take any qualifying offer at all, or when
    the floors together need more qualifying places than there are."""
    qualifying_arc = problem.qualifying[problem.arc_offer] & (problem.capacity[problem.arc_offer] > 0)
    can = np.unique(problem.arc_participant[qualifying_arc])
    reachable = np.bincount(problem.participant_group[can], minlength=len(problem.groups))
    for group, count in required.items():
        possible = int(reachable[problem.groups.index(group)])
        if count > possible:
            raise MatchInputError(
                "infeasible_floor",
                N_(
                    "The floor for the group %(group)s needs %(required)s participants with a qualifying offer, "
                    "but only %(possible)s of them can take any qualifying offer."
                ),
                {"group": group, "required": str(count), "possible": str(possible)},
            )
    places = int(problem.capacity[problem.qualifying].sum())
    if sum(required.values()) > places:
        raise MatchInputError(
            "infeasible_floors",
            N_("The floors need %(required)s qualifying places together, but there are only %(places)s."),
            {"required": str(sum(required.values())), "places": str(places)},
        )
