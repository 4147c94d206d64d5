import datetime
from decimal import Decimal

import factory

from audits.choices import AssessmentKind, AuditReason, Polarity
from audits.models import (
    AgencyReturn,
    AssessmentCycle,
    AuditGrade,
    AuditProgramme,
    CaseAudit,
    Indicator,
    IndicatorValue,
    SingleAgencyAudit,
    Standard,
)
from governance.tests.factories import AgencyFactory, GroupFactory

STANDARD_TITLES = [
    "Senior leadership and accountability",
    "A board-level lead",
    "Listening to children",
    "Whistleblowing and escalation",
    "Information sharing",
    "A designated practitioner",
    "Safe recruitment and safer working",
    "Training",
    "Supervision",
]


def default_standards(kind: str = AssessmentKind.SECTION_11, count: int = 9) -> list[Standard]:
    """The issue's default standards (the tests run without migrations)."""
    return [
        Standard.objects.get_or_create(kind=kind, number=number, defaults={"title": title})[0]
        for number, title in enumerate(STANDARD_TITLES[:count], start=1)
    ]


def grades() -> list[AuditGrade]:
    return [
        AuditGrade.objects.get_or_create(name=name, defaults={"rank": rank})[0]
        for rank, name in enumerate(["Outstanding", "Good", "Requires improvement", "Inadequate"], start=1)
    ]


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuditProgramme

    group = factory.SubFactory(GroupFactory, name=factory.Sequence(lambda n: f"Quality & Effectiveness {n}"))
    year = 2025


class CaseAuditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseAudit

    programme = factory.SubFactory(ProgrammeFactory)
    theme = factory.Sequence(lambda n: f"Neglect audit {n}")
    reason = AuditReason.PERFORMANCE_DATA
    target_month = datetime.date(2025, 6, 1)


class ReturnFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgencyReturn

    audit = factory.SubFactory(CaseAuditFactory)
    agency = factory.SubFactory(AgencyFactory)
    requested_on = datetime.date(2025, 5, 1)
    due_on = datetime.date(2025, 5, 20)


class CycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssessmentCycle

    name = factory.Sequence(lambda n: f"Section 11 cycle {n}")
    group = factory.SubFactory(GroupFactory)
    opens_on = datetime.date(2025, 4, 1)
    due_on = datetime.date(2025, 6, 30)


class SingleAuditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SingleAgencyAudit

    agency = factory.SubFactory(AgencyFactory)
    group = factory.SubFactory(GroupFactory)
    topic = "Health visiting: neglect referrals"
    audit_date = datetime.date(2025, 5, 1)
    findings = "Referrals were timely in 18 of 20 cases."


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    code = factory.Sequence(lambda n: f"IND{n}")
    name = factory.Sequence(lambda n: f"Indicator {n}")
    unit = "%"
    polarity = Polarity.HIGHER_IS_BETTER
    green_threshold = Decimal("30")
    red_threshold = Decimal("20")


class ValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    quarter_start = datetime.date(2019, 7, 1)
    value = Decimal("24")
