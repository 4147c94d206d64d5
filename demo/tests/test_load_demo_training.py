import pytest

from demo.scenarios import Scene
from demo.scenarios import training as scenario
from governance.models import Sector
from governance.tests.factories import AgencyFactory, PersonFactory
from training.choices import BookingStatus, SessionStatus
from training.models import Booking, Course, Session

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene():
    agencies = {
        short: AgencyFactory(name=f"{short} (demo)", short_name=short, sector=Sector.HEALTH)
        for short in ("Herefordshire Council", "Wye Valley", "West Mercia Police", "Schools", "HVOSS")
    }
    people = {
        name: PersonFactory(name=name, agency=agencies["Herefordshire Council"])
        for name in ("Aisha Rahman", "Zara Ahmed", "Grace Oduya", "Jamal Idris", "Megan Howells")
    }
    return Scene(people=people, groups={}, agencies=agencies)


def test_the_demo_has_past_and_future_sessions_a_waiting_list_and_an_offer_once(scene):
    created = scenario.load(scene)
    assert created["training courses"] == 5
    assert Session.objects.filter(status=SessionStatus.DELIVERED).count() == 10
    assert Session.objects.filter(status=SessionStatus.FULL).exists()
    assert Booking.objects.filter(status=BookingStatus.WAITING).exists()
    assert Booking.objects.filter(status=BookingStatus.OFFERED).exists()
    assert created["training evaluations"] > 0 and created["training impact responses"] > 0
    assert scenario.load(scene) == {}
    assert Course.objects.count() == 5
