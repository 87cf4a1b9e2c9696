"""The rules' configurable parameters: which field of which rule dataclass each one sets, and whose choice it is.

Each parameter names a field of a rule's parameter dataclass; the dataclass holds the documented default. A
parameter is national when it follows the law or national guidance (the same value for every office), local when
it is the office's own choice ([U] practice choices, office caps). See docs/decisions/0012-dated-rule-parameters.md.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, get_type_hints

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kvp.rules.absence import AbsenceParameters
from kvp.rules.aftercare import AftercareRules
from kvp.rules.benefit import BenefitParameters
from kvp.rules.caseload import CaseloadRules
from kvp.rules.duration import DurationRules
from kvp.rules.eligibility import EligibilityRules
from kvp.rules.followup_alerts import AlertRules
from kvp.rules.meetings import MeetingRules
from kvp.rules.motivation import MotivationRules
from kvp.rules.payments import PaymentParameters
from kvp.rules.plan_checks import PlanRules
from kvp.rules.practice_flags import FlagRules


@dataclass(frozen=True)
class Rules:
    """Every rule's parameters in force on one day for one office; a field per parameter name's prefix."""

    benefit: BenefitParameters
    absence: AbsenceParameters
    duration: DurationRules
    eligibility: EligibilityRules
    payments: PaymentParameters
    plan: PlanRules
    flags: FlagRules
    aftercare: AftercareRules
    caseload: CaseloadRules
    meetings: MeetingRules
    alerts: AlertRules
    motivation: MotivationRules


RuleSet = (
    BenefitParameters
    | AbsenceParameters
    | DurationRules
    | EligibilityRules
    | PaymentParameters
    | PlanRules
    | FlagRules
    | AftercareRules
    | CaseloadRules
    | MeetingRules
    | AlertRules
    | MotivationRules
)
GROUPS: dict[str, type[RuleSet]] = get_type_hints(Rules)


class Scope(StrEnum):
    NATIONAL = "national"  # the law or national guidance: one value for every office
    LOCAL = "local"  # the office's own choice: an office's value wins over the national one


NATIONAL, LOCAL = Scope.NATIONAL, Scope.LOCAL


@dataclass(frozen=True)
class Parameter:
    name: str
    scope: Scope
    rules: type[RuleSet]
    field: str
    description: Promise
    source: str

    @property
    def group(self) -> str:
        return self.name.split(".", 1)[0]

    @property
    def default(self) -> Any:
        field = next(item for item in dataclasses.fields(self.rules) if item.name == self.field)
        return field.default

    @property
    def is_open(self) -> bool:
        """An open assumption: the sources leave the value open ([U] in docs/sources.md)."""
        return "[U]" in self.source

    @property
    def default_text(self) -> str:
        if isinstance(self.default, bool):
            return _("yes") if self.default else _("no")
        return str(self.default)

    def parse(self, text: str) -> Any:
        """The typed value, or a ValidationError saying what a valid value looks like."""
        kind = type(self.default)
        text = text.strip()
        try:
            if kind is bool:
                if text.lower() not in {"true", "false", "ja", "nei", "yes", "no"}:
                    raise ValueError(text)
                return text.lower() in {"true", "ja", "yes"}
            if kind is int:
                return int(text)
            if kind is datetime.date:
                return datetime.date.fromisoformat(text)
            if kind is Decimal:
                return Decimal(text.replace(",", "."))
            if issubclass(kind, StrEnum):
                return kind(text)
        except (ValueError, InvalidOperation) as exc:
            examples = {bool: "ja / nei", int: "12", datetime.date: "2024-01-01", Decimal: "0,5"}
            example = " / ".join(kind) if issubclass(kind, StrEnum) else examples[kind]
            raise ValidationError(
                _("Not a valid value. Write it like this: %(example)s") % {"example": example}, code="format"
            ) from exc
        raise TypeError(f"unsupported parameter type {kind}")


PARAMETERS = [
    Parameter("benefit.days_per_year", NATIONAL, BenefitParameters, "days_per_year",
              gettext_lazy("Weekdays per year the yearly rate is divided by to give the daily rate"), "S2 [U]"),
    Parameter("benefit.full_rate_age", NATIONAL, BenefitParameters, "full_rate_age",
              gettext_lazy("Age from which the full rate applies"), "S2, S7 [U]"),
    Parameter("benefit.child_age_limit", NATIONAL, BenefitParameters, "child_age_limit",
              gettext_lazy("Age until which a child gives a child supplement"), "S4, S8 [U]"),
    Parameter("benefit.child_income_test_until", NATIONAL, BenefitParameters, "child_income_test_until",
              gettext_lazy("Until this date, no child supplement for a child with income above 1 G"),
              "S8 [U]"),
    Parameter("benefit.deduction_includes_child_supplement", NATIONAL, BenefitParameters,
              "deduction_includes_child_supplement",
              gettext_lazy("A day of unexcused absence also withholds the child supplement"), "S3, S4 [U]"),
    Parameter("benefit.age_limit", NATIONAL, BenefitParameters, "age_limit",
              gettext_lazy("Age from which no benefit is paid (the end of working age)"), "sotjl. § 29; S1, S2 [U]"),
    Parameter("benefit.work_income_method", NATIONAL, BenefitParameters, "work_income_method",
              gettext_lazy("How work income and apprentice pay reduce the benefit: krone_for_krone, or "
                           "hours_worked (in proportion to the hours worked against a full-time week)"),
              "S3, S4 [U]"),
    Parameter("benefit.work_income_reduces_child_supplement", NATIONAL, BenefitParameters,
              "work_income_reduces_child_supplement",
              gettext_lazy("The reduction for work income may also take the child supplement"), "S4 [U]"),
    Parameter("benefit.work_limit_share", NATIONAL, BenefitParameters, "work_limit_share",
              gettext_lazy("Largest share of a full-time week of paid work that can be combined with the programme "
                           "(0 to 1)"), "S4 [U]"),
    Parameter("absence.self_declaration_days", NATIONAL, AbsenceParameters, "self_declaration_days",
              gettext_lazy("Weekdays one self-declaration covers (own illness)"), "forskrift § 6; S15 [U]"),
    Parameter("absence.child_self_declaration_days", NATIONAL, AbsenceParameters, "child_self_declaration_days",
              gettext_lazy("Weekdays one self-declaration covers (a child's illness)"), "forskrift § 10; S15 [U]"),
    Parameter("absence.response_days", NATIONAL, AbsenceParameters, "response_days",
              gettext_lazy("Days the participant has to answer an absence registration before a deduction is decided"),
              "forvaltningsloven § 16; S4 [U]"),
    Parameter("duration.start_deadline_months", NATIONAL, DurationRules, "start_deadline_months",
              gettext_lazy("Months after the application by which the programme should start"), "S13 [U]"),
    Parameter("duration.interruptions_extend_programme", NATIONAL, DurationRules, "interruptions_extend_programme",
              gettext_lazy("Days of interruption do not count towards the programme's maximum length"),
              "S15 [U]"),
    Parameter("payments.max_offset_share", LOCAL, PaymentParameters, "max_offset_share",
              gettext_lazy("Largest share of a payment an earlier overpayment may take (0 to 1)"),
              "S3 [U]"),
    Parameter("eligibility.max_age_exclusive", NATIONAL, EligibilityRules, "max_age_exclusive",
              gettext_lazy("Age from which a person can no longer apply"), "sotjl. § 29; S2 [U]"),
    Parameter("plan.full_time_hours", NATIONAL, PlanRules, "full_time_hours",
              gettext_lazy("Hours a week a full-time plan holds"), "forskrift § 1 tredje ledd; S5"),
    Parameter("plan.months_without_qualification", LOCAL, PlanRules, "months_without_qualification",
              gettext_lazy("Months into the programme after which a plan without a formal qualification is flagged"),
              "E3"),
    Parameter("plan.proposal_answer_days", LOCAL, PlanRules, "proposal_answer_days",
              gettext_lazy("Days the counsellor has to answer a participant's proposal"), "sotjl. § 42; E1"),
    Parameter("flags.loop_practices", LOCAL, FlagRules, "loop_practices",
              gettext_lazy("Work practices in a row without a job or qualification that make a practice loop"),
              "E4"),
    Parameter("flags.course_months_without_qualification", LOCAL, FlagRules, "course_months_without_qualification",
              gettext_lazy("Months in courses without a formal qualification before a lock-in flag"), "E9"),
    Parameter("flags.long_course_weeks", LOCAL, FlagRules, "long_course_weeks",
              gettext_lazy("Weeks a course may last without contact with working life before it is flagged"),
              "E9, E11"),
    Parameter("meetings.reminder_hours_before", LOCAL, MeetingRules, "reminder_hours_before",
              gettext_lazy("Hours before a meeting the participant is reminded of it"), "E16"),
    Parameter("aftercare.first_months", LOCAL, AftercareRules, "first_months",
              gettext_lazy("Months after the programme ends for the first follow-up"), "E16"),
    Parameter("aftercare.second_months", LOCAL, AftercareRules, "second_months",
              gettext_lazy("Months after the programme ends for the second follow-up"), "E16"),
    Parameter("aftercare.third_months", LOCAL, AftercareRules, "third_months",
              gettext_lazy("Months after the programme ends for the last follow-up"), "E16"),
    Parameter("aftercare.shown_days_before", LOCAL, AftercareRules, "shown_days_before",
              gettext_lazy("Days before a follow-up is due that it appears in the counsellor's tasks"),
              "E16"),
    Parameter("aftercare.retry_after_days", LOCAL, AftercareRules, "retry_after_days",
              gettext_lazy("Days after not reaching the person that the follow-up is tried again"), "E16"),
    Parameter("aftercare.max_attempts", LOCAL, AftercareRules, "max_attempts",
              gettext_lazy("Tries without reaching the person after which a follow-up is closed as not reached"),
              "E16"),
    Parameter("aftercare.smallest_count_shown", NATIONAL, AftercareRules, "smallest_count_shown",
              gettext_lazy("Smallest number shown in outcome reports; fewer are hidden"), "E17"),
    Parameter("caseload.office_cap", LOCAL, CaseloadRules, "office_cap",
              gettext_lazy("Active participants a counsellor may follow before the leader is warned"),
              "E7"),
    Parameter("caseload.months_shown", LOCAL, CaseloadRules, "months_shown",
              gettext_lazy("Months of history on the caseload page"), "E7"),
    Parameter("alerts.no_contact_days", LOCAL, AlertRules, "no_contact_days",
              gettext_lazy("Days without a meeting held or a message before a no-contact alert"), "E7"),
    Parameter("alerts.end_warning_days", LOCAL, AlertRules, "end_warning_days",
              gettext_lazy("Days before the programme ends from which a missing transition plan is an alert"),
              "E16"),
    Parameter("alerts.start_phase_weeks", LOCAL, AlertRules, "start_phase_weeks",
              gettext_lazy("Weeks from the start that count as the programme's start phase in the overview"),
              "E2"),
    Parameter("motivation.interval_days", LOCAL, MotivationRules, "interval_days",
              gettext_lazy("Days between scheduled motivation check-ins"), "E16"),
    Parameter("motivation.placement_days", LOCAL, MotivationRules, "placement_days",
              gettext_lazy("Days into a new placement that a check-in is scheduled"), "E8"),
    Parameter("motivation.drop_points", LOCAL, MotivationRules, "drop_points",
              gettext_lazy("Fall in a need's check-in score (1-5) that raises a drop alert"), "E7; SDT"),
    Parameter("motivation.drop_baseline_checkins", LOCAL, MotivationRules, "drop_baseline_checkins",
              gettext_lazy("Earlier check-ins whose mean a drop is measured from (1: the previous one)"),
              "E7; SDT"),
    Parameter("motivation.low_level", LOCAL, MotivationRules, "low_level",
              gettext_lazy("Check-in score (1-5) at or below which a need counts as low"), "E7; SDT"),
    Parameter("motivation.low_checkins", LOCAL, MotivationRules, "low_checkins",
              gettext_lazy("Check-ins in a row with a low score that raise a low-score alert"), "E7; SDT"),
    Parameter("motivation.explain_days", LOCAL, MotivationRules, "explain_days",
              gettext_lazy("Days before a check-in in which events are shown as possible reasons for an alert"),
              "E7"),
    Parameter("motivation.alert_days", LOCAL, MotivationRules, "alert_days",
              gettext_lazy("Days a motivation alert is shown after the check-in that raised it"), "E7"),
]  # fmt: skip
BY_NAME = {parameter.name: parameter for parameter in PARAMETERS}


@dataclass(frozen=True)
class Assumption:
    """An open assumption the rules make that is not a parameter: shown to leaders with the parameters."""

    text: Promise
    source: str


OPEN_ASSUMPTIONS = [
    Assumption(gettext_lazy("Someone born on 29 February turns a year older on 1 March in a common year: for the "
                            "full rate at 25, the age limit and the eligibility age, and a child's 18th birthday."),
               "S2 [U]"),
    Assumption(gettext_lazy("A case with no recorded grant has no reserved deductions: each deduction for unexcused "
                            "absence is a decision of its own, after advance notice."), "S4; fvl. § 16 [U]"),
    Assumption(gettext_lazy("The full rate before age 25 is given only by a grant that says why (one municipality's "
                            "practice; no legal basis found)."), "S14 [U]"),
    Assumption(gettext_lazy("Which section of the Social Services Act holds the duration rule is not confirmed: "
                            "letters and messages cite the rule without a section number."), "S1, S14 [U]"),
    Assumption(gettext_lazy("No section of the act or the regulation was found for reducing the benefit by work "
                            "income or apprentice pay: it follows NAV's guidance."), "S3, S4 [U]"),
    Assumption(gettext_lazy("A self-declaration's limit counts weekdays in one absence; how many self-declarations "
                            "are allowed in a year was not found, so there is no yearly limit."),
               "forskrift §§ 6, 10; S15 [U]"),
]  # fmt: skip


def rules_from(values: dict[str, str]) -> Rules:
    """The rules with these parameters' stored values (by name) applied over the documented defaults; a
    ValueError when a rule refuses the combination."""
    fields: dict[str, dict[str, Any]] = {group: {} for group in GROUPS}
    for name, text in values.items():
        parameter = BY_NAME.get(name)
        if parameter is not None and text:
            fields[parameter.group][parameter.field] = parameter.parse(text)
    built: dict[str, Any] = {group: rules(**fields[group]) for group, rules in GROUPS.items()}
    return Rules(**built)
