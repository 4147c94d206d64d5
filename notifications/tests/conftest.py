import pytest

from notifications import registry
from notifications.tests.testapp import notifications as testapp_notifications


@pytest.fixture
def testapp(settings):
    """Install the test app for one test, as a new app would be installed; the registry is put
    back as it was afterwards."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(registry, "_kinds", dict(registry._kinds))
        patch.setattr(registry, "_scans", dict(registry._scans))
        settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "notifications.tests.testapp"]
        testapp_notifications.PARCELS.clear()
        yield testapp_notifications
        testapp_notifications.PARCELS.clear()
