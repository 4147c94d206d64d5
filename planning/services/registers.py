"""The risk register, independent scrutiny and the budget: records the staff keep (arrangements
s.3.3, s.20, s.25; seed 003 item 7)."""

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from governance.models import Action, ActionSource, Group, Person, SafeguardingPartnerRole
from governance.services.actions import action_record_for_source
from governance.services.common import save_validated
from planning.models import BudgetLine, Contribution, Risk, ScrutinyPlan, ScrutinyReport, Spend


@transaction.atomic
def risk_save(*, risk: Risk, by=None) -> Risk:
    """Add or change a risk (its history kept)."""
    if risk.escalation is not None and not risk.escalated_from_id:
        risk.escalated_from = risk.escalation.from_group
    risk._history_user = by
    return save_validated(risk)


@transaction.atomic
def scrutiny_plan_save(*, plan: ScrutinyPlan, by=None) -> ScrutinyPlan:
    plan._history_user = by
    return save_validated(plan)


@transaction.atomic
def scrutiny_plan_agree(
    *, plan: ScrutinyPlan, agreed_by: Iterable[Person], agreed_on: datetime.date, by=None
) -> ScrutinyPlan:
    """Record that the Lead Safeguarding Partners agreed the plan (s.3.3: 'agreed each year by the
    Lead Safeguarding Partners'): who and when; only lead safeguarding partners may be named."""
    agreed_by = list(agreed_by)
    if not agreed_by:
        raise ValidationError({"agreed_by": "Name the Lead Safeguarding Partners who agreed the plan."})
    not_leads = [
        person.name
        for person in agreed_by
        if person.safeguarding_partner_role != SafeguardingPartnerRole.LEAD
    ]
    if not_leads:
        raise ValidationError(
            {"agreed_by": f"Only Lead Safeguarding Partners agree the plan: not {', '.join(not_leads)}."}
        )
    plan.agreed_on = agreed_on
    plan._history_user = by
    save_validated(plan)
    plan.agreed_by.set(agreed_by)
    return plan


@transaction.atomic
def scrutiny_report_add(*, report: ScrutinyReport, by=None) -> ScrutinyReport:
    report._history_user = by
    return save_validated(report)


@transaction.atomic
def scrutiny_response_record(
    *, report: ScrutinyReport, response: str, responded_on: datetime.date, by=None
) -> ScrutinyReport:
    """The partners' response to a report (s.3.3: 'committed to considering and acting upon')."""
    report.partners_response = (response or "").strip()
    if not report.partners_response:
        raise ValidationError({"response": "Record the partners' response."})
    if responded_on < report.presented_on:
        raise ValidationError({"responded_on": "The response cannot come before the report."})
    report.responded_on = responded_on
    report._history_user = by
    return save_validated(report)


@transaction.atomic
def scrutiny_action_record(
    *,
    report: ScrutinyReport,
    group: Group,
    description: str,
    owners: Iterable[Person],
    recorded_by,
    due_date: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> Action:
    """An action resulting from a scrutiny report, in the one action log (the board's, usually)."""
    return action_record_for_source(
        source_object=report,
        source_kind=ActionSource.OTHER,
        label=f"Independent scrutiny: {report.title}",
        group=group,
        description=description,
        owners=owners,
        recorded_by=recorded_by,
        due_date=due_date,
        now=now,
    )


@transaction.atomic
def contribution_save(*, contribution: Contribution, by=None) -> Contribution:
    if contribution.kind == "in_kind" and not contribution.description.strip():
        raise ValidationError({"description": "Say what is given in kind (for example trainers' time)."})
    contribution._history_user = by
    return save_validated(contribution)


@transaction.atomic
def budget_line_save(*, line: BudgetLine, by=None) -> BudgetLine:
    line._history_user = by
    return save_validated(line)


@transaction.atomic
def spend_record(*, line: BudgetLine, quarter: int, amount: Decimal, by=None) -> Spend:
    """The spend on a budget line in a quarter (set, not added: a correction replaces the figure)."""
    spend = Spend.objects.select_for_update().filter(line=line, quarter=quarter).first() or Spend(
        line=line, quarter=quarter
    )
    spend.amount = amount
    spend._history_user = by
    return save_validated(spend)
