import pytest

from governance.quoracy import Presence, judge_quoracy

RULE = "all_statutory_partners"
COUNCIL, ICB, POLICE = "local_authority", "icb", "police"
MEMBERS_AND_DEPUTIES, ANYONE = "members_and_deputies", "anyone_from_partner"


def P(status, role, **kwargs):
    """A line of a current member (or, for a deputy, one registered for such a member)."""
    return Presence(status, role, **{"member": True, "registered_deputy": True, **kwargs})


def everyone_present():
    return [P("present", COUNCIL), P("present", ICB), P("present", POLICE)]


def test_meeting_with_all_three_partners_present_is_quorate():
    result = judge_quoracy(rule=RULE, presences=everyone_present())
    assert result.quorate
    assert str(result) == "Quorate"


def test_meeting_without_police_is_not_quorate():
    result = judge_quoracy(rule=RULE, presences=everyone_present()[:2])
    assert not result.quorate
    assert str(result) == "Not quorate — police not represented"


def test_missing_two_partners_names_both():
    result = judge_quoracy(rule=RULE, presences=[P("present", ICB)])
    assert str(result) == "Not quorate — local authority and police not represented"


def test_deputy_counts_for_their_agency():
    presences = [*everyone_present()[:2], P("deputy", POLICE)]
    assert judge_quoracy(rule=RULE, presences=presences).quorate


def test_two_people_from_the_police_count_once():
    presences = [P("present", COUNCIL), P("present", POLICE), P("present", POLICE)]
    result = judge_quoracy(rule=RULE, presences=presences)
    assert result.missing == (ICB,)


def test_apology_with_a_deputy_is_still_quorate():
    presences = [*everyone_present()[:2], P("apologies", POLICE), P("deputy", POLICE)]
    assert judge_quoracy(rule=RULE, presences=presences).quorate


@pytest.mark.parametrize("status", ["apologies", "absent", "in_attendance"])
def test_partner_who_is_not_present_as_a_member_or_deputy_does_not_count(status):
    presences = [*everyone_present()[:2], P(status, POLICE)]
    assert not judge_quoracy(rule=RULE, presences=presences).quorate


def test_agency_that_is_not_a_statutory_partner_never_satisfies_the_rule():
    presences = [*everyone_present()[:2], P("present", None), P("present", None)]
    assert str(judge_quoracy(rule=RULE, presences=presences)) == "Not quorate — police not represented"


def test_group_with_no_quorum_rule_is_never_blocked():
    result = judge_quoracy(rule="none", presences=[])
    assert result.quorate
    assert not result.applies
    assert str(result) == "No quorum rule"


def test_partner_who_left_before_an_item_makes_that_item_inquorate():
    presences = [*everyone_present()[:2], P("present", POLICE, left_before=4)]
    assert judge_quoracy(rule=RULE, presences=presences, at_position=3).quorate
    assert not judge_quoracy(rule=RULE, presences=presences, at_position=4).quorate
    assert not judge_quoracy(rule=RULE, presences=presences, at_position=7).quorate


def test_partner_who_arrived_late_counts_from_the_item_they_arrived_for():
    presences = [*everyone_present()[:2], P("present", POLICE, arrived_for=2)]
    assert not judge_quoracy(rule=RULE, presences=presences, at_position=1).quorate
    assert judge_quoracy(rule=RULE, presences=presences, at_position=2).quorate


def test_the_meeting_as_a_whole_counts_a_partner_who_attended_part_of_it():
    presences = [*everyone_present()[:2], P("present", POLICE, left_before=4)]
    assert judge_quoracy(rule=RULE, presences=presences).quorate


# Who counts (issue 10 point 5): members of the partner, or deputies registered for them.


def test_a_present_person_from_the_police_who_is_not_a_member_does_not_make_the_meeting_quorate():
    presences = [*everyone_present()[:2], Presence("present", POLICE, member=False)]
    result = judge_quoracy(rule=RULE, presences=presences, counting=MEMBERS_AND_DEPUTIES)
    assert str(result) == "Not quorate — police not represented"


def test_an_unregistered_deputy_for_the_police_does_not_make_the_meeting_quorate():
    presences = [*everyone_present()[:2], Presence("deputy", POLICE, registered_deputy=False)]
    assert not judge_quoracy(rule=RULE, presences=presences, counting=MEMBERS_AND_DEPUTIES).quorate


def test_a_registered_deputy_for_a_police_member_makes_the_meeting_quorate():
    presences = [*everyone_present()[:2], Presence("deputy", POLICE, registered_deputy=True)]
    assert judge_quoracy(rule=RULE, presences=presences, counting=MEMBERS_AND_DEPUTIES).quorate


def test_a_group_counting_anyone_from_the_partner_counts_a_non_member_and_an_unregistered_deputy():
    presences = [
        Presence("present", COUNCIL),
        Presence("deputy", ICB),
        Presence("present", POLICE),
    ]
    assert judge_quoracy(rule=RULE, presences=presences, counting=ANYONE).quorate
    assert not judge_quoracy(rule=RULE, presences=presences, counting=MEMBERS_AND_DEPUTIES).quorate


def test_attendance_not_yet_recorded_never_counts_towards_quoracy():
    presences = [*everyone_present()[:2], P("not_recorded", POLICE)]
    assert not judge_quoracy(rule=RULE, presences=presences, counting=ANYONE).quorate
