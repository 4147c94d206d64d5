import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db

REGISTERED_MODELS = sorted(admin.site._registry, key=lambda m: m._meta.label)


@pytest.mark.parametrize("model", REGISTERED_MODELS, ids=str)
def test_every_admin_list_opens_for_an_admin(client, admin_user, model):
    client.force_login(admin_user)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    assert client.get(url).status_code == 200


def test_the_admin_is_closed_to_the_secretariat(client, secretariat):
    client.force_login(secretariat)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
