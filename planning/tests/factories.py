"""Factories for the planning app: a seed 004 plan, escalations, risks, scrutiny and the budget."""

import datetime
from decimal import Decimal

import factory

from governance.models import GroupKind
from governance.tests.factories import AgencyFactory, GroupFactory, PersonFactory
from planning.models import BudgetLine, Contribution, Escalation, Risk, ScrutinyPlan, ScrutinyReport
from planning.seed_plan import SEED_PRIORITIES, SEED_WORKSTREAMS
from planning.services.plan import plan_create


def seed_plan(
    *, title="Business plan 2025-27", starts_on=datetime.date(2025, 4, 1), ends_on=datetime.date(2027, 3, 31)
):
    return plan_create(
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        priorities=SEED_PRIORITIES,
        workstreams=SEED_WORKSTREAMS,
    )


def board_factory(**kwargs):
    kwargs.setdefault("name", "Safeguarding Partners Board")
    kwargs.setdefault("short_name", "SPB")
    return GroupFactory(kind=GroupKind.BOARD, **kwargs)


class EscalationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Escalation

    from_group = factory.SubFactory(GroupFactory)
    to_group = factory.SubFactory(GroupFactory, kind=GroupKind.BOARD)
    title = factory.Sequence(lambda n: f"Health staffing at the MASH {n}")
    why = "Operational cover is not in place at all times."
    risk = "Referrals wait for a health check."
    tried = "Raised at the MASH Group twice."
    raised_on = datetime.date(2025, 9, 1)


class RiskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Risk

    title = factory.Sequence(lambda n: f"Risk {n}")
    description = "The quality of scrutiny could be compromised if arrangements are changed."
    owner = factory.SubFactory(PersonFactory)
    likelihood = 3
    impact = 4
    residual_likelihood = 2
    residual_impact = 3
    review_date = datetime.date(2025, 12, 1)


class ScrutinyPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScrutinyPlan

    year = factory.Sequence(lambda n: 2025 + n)
    scrutineer = factory.SubFactory(PersonFactory)
    scope = "Rapid review decisions; the voice of the child in audits."


class ScrutinyReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScrutinyReport

    plan = factory.SubFactory(ScrutinyPlanFactory)
    title = factory.Sequence(lambda n: f"Scrutiny report {n}")
    presented_on = datetime.date(2025, 10, 1)


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution

    year = 2025
    agency = factory.SubFactory(AgencyFactory)
    amount = Decimal("50000.00")


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    year = 2025
    title = factory.Sequence(lambda n: f"Budget line {n}")
    budget = Decimal("10000.00")
