"""The planning forms' fields over people are type-ahead fields (issue 16): an action's owners from
the plan or a scrutiny report, a risk's owner, the scrutineer. The page renders only who is chosen,
the field refuses anyone inactive, and the options come from governance's active-person lookup."""

import pytest
from django.urls import reverse

from governance.tests.factories import PersonFactory
from planning.forms import RiskForm, ScrutinyPlanForm, SourceActionForm

pytestmark = pytest.mark.django_db

REFUSED = "cannot be chosen here"

FIELDS = {
    "action's owners": (SourceActionForm, "owners"),
    "risk's owner": (RiskForm, "owner"),
    "scrutineer": (ScrutinyPlanForm, "scrutineer"),
}


@pytest.mark.parametrize("which", list(FIELDS))
def test_each_people_field_refuses_an_inactive_person_and_renders_no_one_else(which):
    form_class, field = FIELDS[which]
    gone = PersonFactory(name="Frances Gone", active=False)
    here = PersonFactory(name="Frances Here")

    refused = form_class({field: str(gone.pk)})
    taken = form_class({field: str(here.pk)})
    refused.is_valid(), taken.is_valid()
    blank = str(form_class()[field])

    assert REFUSED in refused.errors[field][0]
    assert field not in taken.errors
    assert "Frances Here" not in blank
    assert reverse("governance:active_person_lookup") in blank


def test_a_risk_being_changed_shows_its_owner_in_the_box():
    owner = PersonFactory(name="Frances Delahaye")

    box = str(RiskForm(initial={"owner": owner.pk})["owner"])

    assert "Frances Delahaye" in box
