import pytest
from django.test import Client

from uitvoerbaar.conftest import ingelogd


@pytest.mark.django_db
def test_home_needs_login_and_shows_role_section(client: Client, medewerker) -> None:
    # anonymous: sent to the login page
    response = client.get("/start/")
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")
    # logged in: the professional's section is shown
    response = ingelogd(client, medewerker).get("/start/")
    assert response.status_code == 200
    assert 'data-rol="medewerker"' in response.content.decode()
