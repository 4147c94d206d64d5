"""Who may do what with training, as django-rules predicates (read with governance/permissions.py).

- Courses, sessions, the pool, evaluation results and take-up by agency: anyone with a role in
  the partnership (partners read take-up by agency, domain.md "The people who use it").
- Running training (courses, sessions, bookings for others, the register, the waiting list,
  needs, settings): the secretariat and admins (seed 001 s.17.1: the partnership officer).
- Booking oneself: anyone with a role who has an entry in the directory (a Person).
- Who booked: the staff see every booking; a practitioner sees their own.
"""

import rules

from governance.permissions import can_view_partnership, is_staff_of_partnership


@rules.predicate
def has_person(user):
    return user.is_authenticated and getattr(user, "person", None) is not None


@rules.predicate
def is_own_booking(user, booking):
    person = getattr(user, "person", None) if user.is_authenticated else None
    return booking is not None and person is not None and booking.person_id == person.pk


rules.add_perm("training.view_training", can_view_partnership)
rules.add_perm("training.manage_training", is_staff_of_partnership)
rules.add_perm("training.book_self", can_view_partnership & has_person)
rules.add_perm("training.view_booking", is_staff_of_partnership | is_own_booking)
