import datetime

import factory

from governance.tests.factories import AgencyFactory, PersonFactory
from training.choices import BookingStatus, Priority
from training.models import Booking, Course, CourseLevel, Session, Trainer


class CourseLevelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourseLevel
        django_get_or_create = ["name"]

    name = "Foundation"
    order = 1


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    title = factory.Sequence(lambda n: f"Neglect and the Graded Care Profile 2, part {n}")
    level = factory.SubFactory(CourseLevelFactory)
    audience = "Practitioners in every agency working with children and families"
    learning_outcomes = "Recognise the signs of neglect\nUse the Graded Care Profile 2"
    duration_hours = 3
    priority = Priority.NEGLECT


class TrainerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Trainer
        skip_postgeneration_save = True

    person = factory.SubFactory(PersonFactory)

    @factory.post_generation
    def courses(self, create, extracted, **kwargs):
        if create and extracted:
            self.courses.set(extracted)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    course = factory.SubFactory(CourseFactory)
    date = datetime.date(2026, 6, 10)
    start_time = datetime.time(9, 30)
    end_time = datetime.time(12, 30)
    venue = "Plough Lane, Hereford"
    capacity = 3


class BookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Booking

    session = factory.SubFactory(SessionFactory)
    name = factory.Faker("name", locale="en_GB")
    email = factory.Sequence(lambda n: f"practitioner{n}@example.org")
    agency = factory.SubFactory(AgencyFactory)
    status = BookingStatus.BOOKED
