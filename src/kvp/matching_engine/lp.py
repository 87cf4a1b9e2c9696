"""The same matching as a linear programme, solved by HiGHS: the reference optimum.

    maximise Σ weight_a · x_a   subject to   Σ_{a of (participant, kind)} x_a ≤ 1,   Σ_{a into offer} x_a ≤ capacity,
    0 ≤ x_a ≤ 1.

The constraint matrix is the incidence matrix of a bipartite graph ((participant, kind) nodes against
offers), which is totally unimodular, so the LP has an integral optimum and HiGHS's simplex returns a vertex:
the LP optimum is the matching optimum. `lp_model` is shared with the fairness-floor MIP.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass

import highspy
import numpy as np
import numpy.typing as npt

from kvp.matching_engine.problem import Assignment, Ints, Problem

Floats = npt.NDArray[np.float64]
INTEGRALITY_TOLERANCE = 1e-6
_banner_shown = False


class LpError(RuntimeError):
    """HiGHS did not reach an optimum."""


@contextlib.contextmanager
def _quiet_stdout() -> Iterator[None]:
    """HiGHS prints a banner to the C stdout the first time a solver is made; keep it off our tables."""
    global _banner_shown  # once per process
    if _banner_shown:
        yield
        return
    _banner_shown = True
    try:
        sys.stdout.flush()
        saved = os.dup(1)
    except (OSError, ValueError):  # no real stdout (e.g. a captured one): nothing to protect
        yield
        return
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def new_highs() -> highspy.Highs:
    """A silent HiGHS solver."""
    with _quiet_stdout():
        highs = highspy.Highs()  # type: ignore[no-untyped-call]
    highs.setOptionValue("output_flag", False)
    return highs


@dataclass
class Columns:
    """A sparse matrix as (row, column, value) triplets, added in blocks of increasing rows."""

    rows: list[Ints]
    columns: list[Ints]
    values: list[Floats]

    @classmethod
    def empty(cls) -> Columns:
        return cls([], [], [])

    def add(self, rows: Ints, columns: Ints, values: Floats) -> None:
        self.rows.append(rows)
        self.columns.append(columns)
        self.values.append(values)

    def csc(self, column_count: int) -> tuple[Ints, Ints, Floats]:
        """start, index, value of the column-wise matrix."""
        rows = np.concatenate(self.rows) if self.rows else np.zeros(0, dtype=np.int64)
        columns = np.concatenate(self.columns) if self.columns else np.zeros(0, dtype=np.int64)
        values = np.concatenate(self.values) if self.values else np.zeros(0, dtype=np.float64)
        order = np.argsort(columns, kind="stable")  # blocks are added by row, so rows stay ascending
        counts = np.bincount(columns, minlength=column_count)
        start = np.concatenate((np.zeros(1, dtype=np.int64), np.cumsum(counts)))
        return start, rows[order], values[order]


@dataclass
class Model:
    """An LP under construction: columns (the first `arc_count` are the arcs' x), rows, and the matrix."""

    cost: Floats
    lower: Floats
    upper: Floats
    integer: npt.NDArray[np.bool_]
    row_lower: Floats
    row_upper: Floats
    matrix: Columns
    arc_count: int

    def add_columns(self, cost: Floats, lower: Floats, upper: Floats) -> Ints:
        first = self.cost.size
        self.cost = np.concatenate((self.cost, cost))
        self.lower = np.concatenate((self.lower, lower))
        self.upper = np.concatenate((self.upper, upper))
        self.integer = np.concatenate((self.integer, np.zeros(cost.size, dtype=np.bool_)))
        return np.arange(first, first + cost.size, dtype=np.int64)

    def add_rows(self, lower: Floats, upper: Floats) -> Ints:
        first = self.row_lower.size
        self.row_lower = np.concatenate((self.row_lower, lower))
        self.row_upper = np.concatenate((self.row_upper, upper))
        return np.arange(first, first + lower.size, dtype=np.int64)

    def highs(self, *, integer: bool) -> highspy.Highs:
        lp = highspy.HighsLp()
        columns = int(self.cost.size)
        lp.num_col_ = columns
        lp.num_row_ = int(self.row_lower.size)
        lp.sense_ = highspy.ObjSense.kMaximize
        lp.col_cost_ = self.cost
        lp.col_lower_ = self.lower
        lp.col_upper_ = self.upper
        lp.row_lower_ = self.row_lower
        lp.row_upper_ = self.row_upper
        start, index, value = self.matrix.csc(columns)
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.num_col_ = columns
        lp.a_matrix_.num_row_ = int(self.row_lower.size)
        lp.a_matrix_.start_ = start.astype(np.int32)
        lp.a_matrix_.index_ = index.astype(np.int32)
        lp.a_matrix_.value_ = value
        if integer and bool(self.integer.any()):
            lp.integrality_ = [
                highspy.HighsVarType.kInteger if flag else highspy.HighsVarType.kContinuous
                for flag in self.integer.tolist()
            ]
        highs = new_highs()
        highs.passModel(lp)
        return highs


def lp_model(problem: Problem) -> Model:
    """The matching LP: one column per arc, a row per (participant, kind) and a row per offer."""
    pk_count = problem.pk_count
    n = problem.arc_count
    infinity = highspy.kHighsInf
    model = Model(
        cost=problem.arc_weight.astype(np.float64),
        lower=np.zeros(n),
        upper=np.ones(n),
        integer=np.ones(n, dtype=np.bool_),
        row_lower=np.full(pk_count + len(problem.offers), -infinity),
        row_upper=np.concatenate((np.ones(pk_count), problem.capacity.astype(np.float64))),
        matrix=Columns.empty(),
        arc_count=n,
    )
    arcs = np.arange(n, dtype=np.int64)
    model.matrix.add(problem.arc_pk, arcs, np.ones(n))
    model.matrix.add(pk_count + problem.arc_offer, arcs, np.ones(n))
    return model


@dataclass(frozen=True)
class LpResult:
    objective: float  # HiGHS's optimal objective value
    seconds: float  # building the model and solving it
    solve_seconds: float  # HiGHS's run alone
    integral: bool  # every x within INTEGRALITY_TOLERANCE of 0 or 1
    assignment: Assignment  # the x that are 1


def solve_lp(problem: Problem, *, solver: str = "choose", presolve: bool = True) -> LpResult:
    """The LP optimum by HiGHS with its default options, or another `solver` (HiGHS's "choose", "simplex",
    "ipm" or "pdlp") and without presolve."""
    started = time.perf_counter()
    highs = lp_model(problem).highs(integer=False)
    highs.setOptionValue("solver", solver)
    if not presolve:
        highs.setOptionValue("presolve", "off")
    solving = time.perf_counter()
    highs.run()
    solve_seconds = time.perf_counter() - solving
    status = highs.getModelStatus()
    if status == highspy.HighsModelStatus.kModelEmpty:
        x, objective = np.zeros(0), 0.0
    elif status == highspy.HighsModelStatus.kOptimal:
        x = np.asarray(highs.getSolution().col_value, dtype=np.float64)[: problem.arc_count]
        objective = float(highs.getInfo().objective_function_value)
    else:
        raise LpError(f"HiGHS stopped with {highs.modelStatusToString(status)}")
    integral = bool(np.all(np.minimum(np.abs(x), np.abs(1 - x)) <= INTEGRALITY_TOLERANCE)) if x.size else True
    chosen = np.nonzero(x > 0.5)[0]
    seconds = time.perf_counter() - started
    assignment = problem.assignment(
        chosen,
        solver=f"HiGHS LP ({solver}{'' if presolve else ', no presolve'})",
        seconds=seconds,
        proven_optimal=integral,
        bound=round(objective),  # integral weights and a totally unimodular matrix: the optimum is an integer
    )
    return LpResult(objective, seconds, solve_seconds, integral, assignment)
