"""Training's part of the permission matrix: a course, a future session with a place booked (for
the booking pages), a delivered session's attended booking (for the signed links), a trainer
and a training need."""

import datetime

from django.utils import timezone

from training.choices import Attendance, SessionStatus
from training.links import booking_token
from training.models import TrainingNeed
from training.tests.factories import BookingFactory, CourseFactory, SessionFactory, TrainerFactory

SEGMENT_OBJECTS = {
    "courses": "training_course",
    "sessions": "training_session",
    "bookings": "training_booking",
    "trainers": "training_trainer",
    "needs": "training_need",
}
KWARG_OBJECTS = {"signed": "training_link"}


def world_objects(*, users, groups, objects) -> dict:
    course = CourseFactory(title="Matrix course")
    today = timezone.localdate()
    session = SessionFactory(course=course, date=today + datetime.timedelta(days=30), capacity=5)
    past = SessionFactory(
        course=course, date=today - datetime.timedelta(days=2), status=SessionStatus.DELIVERED
    )
    attended = BookingFactory(session=past, attendance=Attendance.PRESENT)
    return {
        "training_course": course,
        "training_session": session,
        "training_booking": BookingFactory(session=session),
        "training_trainer": TrainerFactory(courses=[course]),
        "training_need": TrainingNeed.objects.create(title="Neglect", source="audit", identified_on=today),
        "training_link": booking_token(attended.pk),
    }
