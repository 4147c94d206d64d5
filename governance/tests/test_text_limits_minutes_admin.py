"""Issue 9 point 8 in the minutes forms, the attendance lines and the admin: free text stops at
FREE_TEXT_MAX_LENGTH characters and a single line refuses control characters, with a message and
the input kept."""

import pytest
from django.urls import reverse

from core.forms import FREE_TEXT_MAX_LENGTH
from governance.forms.meetings import AttendanceLineForm
from governance.forms.minutes import (
    AmendmentForm,
    AttendanceAmendmentForm,
    FurtherAmendmentForm,
    MinutesEditorForm,
)
from governance.models import Agency, AgendaItem, Decision, Person
from governance.tests.factories import PersonFactory
from governance.tests.factories_minutes import DecisionFactory, at, board_meeting

pytestmark = pytest.mark.django_db

TOO_LONG = "x" * (FREE_TEXT_MAX_LENGTH + 1)
TOO_LONG_MESSAGE = (
    f"Ensure this value has at most {FREE_TEXT_MAX_LENGTH} characters (it has {FREE_TEXT_MAX_LENGTH + 1})."
)
ONE_LINE_MESSAGE = "This must be one line of text: remove line breaks, tabs and other control characters."


@pytest.fixture
def december(group):
    return board_meeting(group, at(2019, 12, 18))


def test_minutes_of_10001_characters_at_an_item_are_refused_in_the_editor_and_kept(
    client, secretariat, december
):
    meeting, items = december
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:minutes_edit", args=[meeting.pk]), {f"item_{items[1].pk}": TOO_LONG}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert TOO_LONG_MESSAGE in html
    assert f"{TOO_LONG}</textarea>" in html
    assert f'maxlength="{FREE_TEXT_MAX_LENGTH}"' in html
    assert AgendaItem.objects.get(pk=items[1].pk).discussion != TOO_LONG


def test_the_minutes_editor_takes_exactly_10000_characters(december):
    _meeting, items = december
    form = MinutesEditorForm({f"item_{items[1].pk}": TOO_LONG[:-1]}, items=items)
    assert form.is_valid(), form.errors


@pytest.mark.parametrize("form_class", [AmendmentForm, FurtherAmendmentForm])
def test_new_wording_of_an_amendment_over_10000_characters_is_refused_and_kept(december, form_class):
    meeting, items = december
    person = PersonFactory()
    form = form_class(
        {"agenda_item": items[1].pk, "new_text": TOO_LONG, "requested_by": person.pk, "reason": TOO_LONG},
        items=AgendaItem.objects.filter(meeting=meeting),
        people=Person.objects.all(),
    )
    assert not form.is_valid()
    assert TOO_LONG_MESSAGE in form.errors["new_text"]
    assert form["new_text"].value() == TOO_LONG
    if form_class is FurtherAmendmentForm:
        assert TOO_LONG_MESSAGE in form.errors["reason"]


def test_a_control_character_in_a_corrected_reason_for_apologies_is_refused_and_kept(december):
    person = PersonFactory()
    form = AttendanceAmendmentForm(
        {"person": person.pk, "requested_by": person.pk, "reason": "Typo", "apology_reason": "Court\x07"},
        people=Person.objects.all(),
    )
    assert not form.is_valid()
    assert form.errors["apology_reason"] == [ONE_LINE_MESSAGE]
    assert form["apology_reason"].value() == "Court\x07"


def test_a_line_break_in_an_attendance_lines_reason_for_apologies_is_refused_and_kept():
    form = AttendanceLineForm({"person": 1, "status": "apologies", "apology_reason": "Court\nhearing"})
    assert not form.is_valid()
    assert form.errors["apology_reason"] == [ONE_LINE_MESSAGE]
    assert form["apology_reason"].value() == "Court\nhearing"


def test_the_admin_refuses_a_control_character_in_an_agencys_name_and_keeps_it(client, admin_user):
    agency = Agency.objects.create(name="Shire Council", sector="local_authority")
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:governance_agency_change", args=[agency.pk]),
        {"name": "Shire\tCouncil", "short_name": "SC", "sector": "local_authority", "statutory_role": ""},
    )
    assert response.status_code == 200, "the form was accepted"
    form = response.context["adminform"].form
    assert form.errors["name"] == [ONE_LINE_MESSAGE]
    assert 'value="Shire\tCouncil"' in response.content.decode()
    assert Agency.objects.get(pk=agency.pk).name == "Shire Council"


def test_the_admin_refuses_a_decision_of_10001_characters_and_keeps_it(client, admin_user, december):
    _meeting, items = december
    decision = DecisionFactory(agenda_item=items[1])
    client.force_login(admin_user)
    url = reverse("admin:governance_decision_change", args=[decision.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {name: ("" if value is None else value) for name, value in data.items()}
    data["text"] = TOO_LONG
    response = client.post(url, data)
    assert response.status_code == 200, "the form was accepted"
    assert TOO_LONG_MESSAGE in response.context["adminform"].form.errors["text"]
    assert f"{TOO_LONG}</textarea>" in response.content.decode()
    assert Decision.objects.get(pk=decision.pk).text != TOO_LONG
