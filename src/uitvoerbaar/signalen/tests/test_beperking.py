"""Rate limits of the public doors: anonymous intake per address per hour, and the client
address behind a reverse proxy."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory, override_settings

from uitvoerbaar.signalen import beperking
from uitvoerbaar.signalen.models import Signaal

from .conftest import Wereld

pytestmark = pytest.mark.django_db


def _anoniem(client: Client, wereld: Wereld) -> int:
    return client.post(
        "/signalen/anoniem/",
        {
            "organisatie": wereld.uitvoerder.pk,
            "titel": "Brief onbegrijpelijk",
            "tekst": "Niemand snapt de brief.",
            "urgentie": "normaal",
        },
    ).status_code


@override_settings(SIGNALEN_ANONIEM_PER_UUR=2)
def test_anonymous_intake_is_limited_per_address_on_the_web_and_the_api(
    client: Client, wereld: Wereld
) -> None:
    assert [_anoniem(client, wereld), _anoniem(client, wereld)] == [200, 200]
    r = client.post(
        "/signalen/anoniem/",
        {"organisatie": wereld.uitvoerder.pk, "titel": "x", "tekst": "y", "urgentie": "normaal"},
    )
    assert r.status_code == 429
    assert "veel anonieme signalen" in r.content.decode()
    api = client.post(
        "/api/v1/signalen",
        {"kanaal": "anoniem", "organisatie": wereld.uitvoerder.slug, "titel": "x", "tekst": "y"},
        content_type="application/json",
    )
    assert api.status_code == 429
    assert api["Content-Type"].startswith("application/problem+json")
    assert Signaal.objects.count() == 2
    # Another address is not affected.
    anders = Client(REMOTE_ADDR="192.0.2.7")
    assert _anoniem(anders, wereld) == 200


def test_client_address_behind_a_proxy_is_the_last_hop_the_proxy_added() -> None:
    rf = RequestFactory()
    verzoek = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    assert beperking.adres(verzoek) == "10.0.0.1"
    with override_settings(SIGNALEN_ADRES_KOP="HTTP_X_FORWARDED_FOR"):
        assert beperking.adres(verzoek) == "203.0.113.9"
