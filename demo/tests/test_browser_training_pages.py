"""Every training page the journey does not walk, opened as the secretariat in a real browser:
each is checked with axe-core (WCAG 2.2 AA) as it loads, and must show its heading."""

import pytest
from django.contrib.auth.models import Group as AuthGroup
from selenium.webdriver.common.by import By

from core.tests.browser import browser, log_in, screenshot  # noqa: F401  (browser is a fixture)
from demo.scenarios import Scene
from demo.scenarios import training as scenario
from governance.models import Sector
from governance.permissions import SECRETARIAT_GROUP
from governance.tests.factories import AgencyFactory, PersonFactory, UserFactory
from training.models import Course, Session, Trainer, TrainingNeed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"


def test_every_training_page_passes_the_accessibility_checks(browser, live_server):  # noqa: F811
    agencies = {
        short: AgencyFactory(name=f"{short} (demo)", short_name=short, sector=Sector.HEALTH)
        for short in ("Herefordshire Council", "Wye Valley", "Schools")
    }
    people = {
        name: PersonFactory(name=name, agency=agencies["Wye Valley"])
        for name in ("Aisha Rahman", "Zara Ahmed")
    }
    scenario.load(Scene(people=people, groups={}, agencies=agencies))
    team = UserFactory(username="secretariat", password=PASSWORD)
    team.groups.add(AuthGroup.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
    PersonFactory(name="Joanna Kowalski", user=team)
    log_in(browser, live_server, "secretariat", PASSWORD)

    delivered = Session.objects.filter(status="delivered").first()
    full = Session.objects.filter(status="full").first()
    course, trainer, need = Course.objects.first(), Trainer.objects.first(), TrainingNeed.objects.first()
    pages = {
        "sessions": "/training/",
        "past-sessions": "/training/?when=past",
        "session-full": f"/training/sessions/{full.pk}/",
        "session-delivered": f"/training/sessions/{delivered.pk}/",
        "session-edit": f"/training/sessions/{full.pk}/edit/",
        "session-cancel": f"/training/sessions/{full.pk}/cancel/",
        "session-history": f"/training/sessions/{full.pk}/history/",
        "evaluations": f"/training/sessions/{delivered.pk}/evaluations/",
        "register": f"/training/sessions/{delivered.pk}/register/",
        "courses": "/training/courses/",
        "course": f"/training/courses/{course.pk}/",
        "course-new": "/training/courses/new/",
        "pool": "/training/pool/",
        "trainer-edit": f"/training/trainers/{trainer.pk}/edit/",
        "take-up": "/training/take-up/",
        "needs": "/training/needs/",
        "need-new": "/training/needs/new/",
        "need-history": f"/training/needs/{need.pk}/history/",
        "settings": "/training/settings/",
    }
    for name, path in pages.items():
        browser.get(f"{live_server.url}{path}")
        assert browser.find_element(By.TAG_NAME, "h1").text, name
        if name in ("session-delivered", "take-up", "pool"):
            screenshot(browser, f"training-page-{name}")
    browser.get(f"{live_server.url}/training/")  # the last page is checked on leaving it
