"""The governance forms' fields over people are type-ahead fields (issue 16): the page renders only
the people chosen, a small JSON endpoint offers those the field accepts, the server refuses an id
outside them, a failed form shows back who was chosen, and without JavaScript the box takes names."""

import json
import re

import pytest
from django.urls import reverse

from governance.forms.meetings import AgendaItemForm, AttendanceAddForm, MeetingForm
from governance.forms.papers import PaperForm
from governance.forms.structure import MembershipForm, PersonForm
from governance.models import Action
from governance.tests.factories import AgencyFactory, MembershipFactory, PersonFactory, UserFactory
from governance.tests.factories_meetings import MeetingFactory
from governance.tests.test_queries_actions import count_queries

pytestmark = pytest.mark.django_db

REFUSED = "cannot be chosen here"


def lookup(client, name, query, args=()):
    response = client.get(reverse(name, args=args), {"q": query})
    assert response.status_code == 200
    return [row["text"] for row in response.json()["results"]]


def chosen_options(page: str, name: str) -> list[dict]:
    match = re.search(rf'name="{name}"[^>]*data-typeahead-options="([^"]*)"', page) or re.search(
        rf'data-typeahead-options="([^"]*)"[^>]*name="{name}"', page
    )
    assert match, f"no type-ahead box named {name}"
    return json.loads(match.group(1).replace("&quot;", '"'))


# The endpoint ---------------------------------------------------------------------------


def test_the_active_person_lookup_finds_people_by_part_of_the_name_and_omits_those_inactive(
    client, secretariat
):
    PersonFactory(name="Lindsay MacHardy", agency=AgencyFactory(name="Police", short_name="WMP"))
    PersonFactory(name="Lindsay Gone", active=False)
    client.force_login(secretariat)

    assert lookup(client, "governance:active_person_lookup", "lind") == ["Lindsay MacHardy (WMP)"]
    assert lookup(client, "governance:active_person_lookup", "gone") == []


def test_the_active_person_lookup_answers_twenty_people_at_most_in_one_query(
    client, secretariat, django_assert_max_num_queries
):
    for n in range(30):
        PersonFactory(name=f"Alex Number {n}")
    client.force_login(secretariat)
    client.get(reverse("governance:active_person_lookup"))  # the session and the user, read once

    with django_assert_max_num_queries(6):
        found = lookup(client, "governance:active_person_lookup", "alex " + "x" * 500)
    assert found == []
    assert len(lookup(client, "governance:active_person_lookup", "alex number")) == 20


def test_someone_without_a_role_gets_no_people_from_the_lookups(client, outsider):
    client.force_login(outsider)

    assert client.get(reverse("governance:active_person_lookup"), {"q": "a"}).status_code == 403
    assert client.get(reverse("governance:paper_author_lookup"), {"q": "a"}).status_code == 403


# Recording an action --------------------------------------------------------------------


def record_url(group):
    return reverse("governance:action_create", args=[group.pk])


@pytest.mark.parametrize("people", [5, 60])
def test_the_record_form_renders_no_person_as_an_option_whatever_the_directory_size(
    client, secretariat, group, people
):
    agency = AgencyFactory()  # one agency: the agencies are a list to choose from
    for n in range(people):
        PersonFactory(name=f"Directory Person {n}", agency=agency)
    client.force_login(secretariat)
    client.get(record_url(group))

    queries = count_queries(lambda: client.get(record_url(group)))
    page = client.get(record_url(group)).content.decode()

    assert "Directory Person" not in page
    assert f'data-typeahead="{reverse("governance:active_person_lookup")}"' in page
    assert page.count("<option") < 20  # the groups and agencies only
    assert queries <= 14


def test_the_record_form_page_is_the_same_size_with_five_or_sixty_people(client, secretariat, group):
    client.force_login(secretariat)
    agency = AgencyFactory()
    for n in range(5):
        PersonFactory(name=f"Directory Person {n}", agency=agency)
    small = (count_queries(lambda: client.get(record_url(group))), len(client.get(record_url(group)).content))
    for n in range(5, 60):
        PersonFactory(name=f"Directory Person {n}", agency=agency)
    large = (count_queries(lambda: client.get(record_url(group))), len(client.get(record_url(group)).content))

    assert large == small


def test_recording_an_action_for_an_inactive_owner_is_refused(client, secretariat, group):
    gone = PersonFactory(name="Lindsay Gone", active=False)
    client.force_login(secretariat)

    response = client.post(record_url(group), {"description": "Audit the plan", "owners": [gone.pk]})

    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert not Action.objects.filter(description="Audit the plan").exists()


def test_a_failed_record_form_shows_back_the_owners_chosen(client, secretariat, group):
    lindsay, karen = PersonFactory(name="Lindsay MacHardy"), PersonFactory(name="Karen Wright")
    client.force_login(secretariat)

    response = client.post(record_url(group), {"description": "", "owners": f"{lindsay.pk},{karen.pk}"})

    assert response.status_code == 200
    options = chosen_options(response.content.decode(), "owners")
    assert [option["value"] for option in options] == [str(lindsay.pk), str(karen.pk)]
    assert options[0]["text"].startswith("Lindsay MacHardy (")


def test_without_javascript_owners_are_taken_by_name_and_an_ambiguous_name_is_refused(
    client, secretariat, group
):
    lindsay, karen = PersonFactory(name="Lindsay MacHardy"), PersonFactory(name="Karen Wright")
    PersonFactory(name="Karen Other")
    client.force_login(secretariat)

    response = client.post(record_url(group), {"description": "Typed owners", "owners": "machardy; karen"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "matches several people" in page and "Karen Other" in page

    response = client.post(
        record_url(group), {"description": "Typed owners", "owners": "machardy; karen wright"}
    )
    assert response.status_code == 302
    action = Action.objects.get(description="Typed owners")
    assert set(action.owners.all()) == {lindsay, karen}


# The other governance forms -------------------------------------------------------------


def _forms(group):
    meeting = MeetingFactory(group=group)
    staff = UserFactory(is_superuser=True)
    return {
        "line manager": lambda data: PersonForm(data),
        "membership's person": lambda data: MembershipForm(data, group=group),
        "membership's deputy for": lambda data: MembershipForm(
            data and {**data, "role": "deputy"}, group=group
        ),
        "minute-taker": lambda data: MeetingForm(data, group=group),
        "presenter": lambda data: AgendaItemForm(data, meeting=meeting),
        "attendance's person": lambda data: AttendanceAddForm(data, meeting=meeting),
        "paper's author": lambda data: PaperForm(data, user=staff),
    }


FIELDS = {
    "line manager": "line_manager",
    "membership's person": "person",
    "membership's deputy for": "deputy_for",
    "minute-taker": "minute_taker",
    "presenter": "presenter",
    "attendance's person": "person",
    "paper's author": "author",
}


@pytest.mark.parametrize("which", list(FIELDS))
def test_each_people_field_refuses_an_inactive_person_and_takes_an_active_one(group, which):
    form_for = _forms(group)[which]
    field = FIELDS[which]
    gone = PersonFactory(name="Lindsay Gone", active=False)
    here = PersonFactory(name="Karen Here")

    refused = form_for({field: str(gone.pk)})
    refused.is_valid()
    taken = form_for({field: str(here.pk)})
    taken.is_valid()

    assert REFUSED in " ".join(refused.errors.get(field, []))
    assert field not in taken.errors
    assert taken.cleaned_data[field] == here
    assert "Karen Here" not in str(form_for(None)[field])  # not an option on a blank form


def test_someone_already_on_the_attendance_is_neither_offered_nor_accepted(client, chair, group):
    meeting = MeetingFactory(group=group)
    member = MembershipFactory(group=group, person=PersonFactory(name="Morgan Listed")).person
    PersonFactory(name="Morgan Visitor")
    client.force_login(chair)

    offered = lookup(client, "governance:attendance_person_lookup", "morgan", args=[meeting.pk])
    form = AttendanceAddForm(
        {"person": member.pk, "status": "in_attendance"}, meeting=meeting, listed_person_ids=[member.pk]
    )

    assert [text.split(" (")[0] for text in offered] == ["Morgan Visitor"]
    assert not form.is_valid() and REFUSED in form.errors["person"][0]


def test_the_attendance_lookup_is_for_those_running_the_meeting(client, member, group):
    meeting = MeetingFactory(group=group)
    client.force_login(member)

    response = client.get(reverse("governance:attendance_person_lookup", args=[meeting.pk]), {"q": "a"})

    assert response.status_code == 403


def test_a_partner_uploading_a_paper_is_offered_and_may_name_only_their_own_agency(client, group):
    police, council = AgencyFactory(name="Police"), AgencyFactory(name="Council")
    user = UserFactory()
    PersonFactory(user=user, name="Pat Police", agency=police)
    MembershipFactory(group=group, person=user.person)
    colleague = PersonFactory(name="Pat Colleague", agency=police)
    stranger = PersonFactory(name="Pat Stranger", agency=council)
    client.force_login(user)

    offered = lookup(client, "governance:paper_author_lookup", "pat")
    refused = PaperForm({"title": "A paper", "author": stranger.pk}, user=user)
    taken = PaperForm({"title": "A paper", "author": colleague.pk}, user=user)
    refused.is_valid(), taken.is_valid()

    assert {text.split(" (")[0] for text in offered} == {"Pat Police", "Pat Colleague"}
    assert REFUSED in refused.errors["author"][0]
    assert "author" not in taken.errors


def test_an_edit_form_shows_the_person_already_chosen(group):
    manager = PersonFactory(name="Morgan Manager")
    person = PersonFactory(name="Alex Report", line_manager=manager)

    box = str(PersonForm(instance=person)["line_manager"])

    assert "Morgan Manager" in box
    assert f"&quot;value&quot;: &quot;{manager.pk}&quot;" in box
