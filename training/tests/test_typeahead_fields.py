"""A trainer joining the pool is chosen by typing (issue 16): the page renders no one else, and
someone inactive is refused."""

import pytest
from django.urls import reverse

from governance.tests.factories import PersonFactory
from training.forms import TrainerForm

pytestmark = pytest.mark.django_db


def test_a_trainer_is_an_active_person_chosen_by_typing():
    gone = PersonFactory(name="Aisha Gone", active=False)
    here = PersonFactory(name="Aisha Here")

    refused = TrainerForm({"person": gone.pk, "active": True})
    taken = TrainerForm({"person": here.pk, "active": True})
    refused.is_valid(), taken.is_valid()
    blank = str(TrainerForm()["person"])

    assert "cannot be chosen here" in refused.errors["person"][0]
    assert "person" not in taken.errors
    assert "Aisha Here" not in blank
    assert reverse("governance:active_person_lookup") in blank


def test_the_pool_page_lists_no_person(client, secretariat):
    PersonFactory(name="Aisha Rahman")
    client.force_login(secretariat)

    page = client.get(reverse("training:trainer_create")).content.decode()

    assert "Aisha Rahman" not in page
    assert 'data-typeahead="/people/lookup/active/"' in page
