"""The vertrouwenspersoon over the API: the name of a confidential reporter (logged in the access
log) and the decision on disclosure. Everyone else is refused and learns nothing."""

from __future__ import annotations

import pytest
from django.test import Client

from uitvoerbaar.audit.models import Inzage
from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.signalen import services
from uitvoerbaar.signalen.models import Onthulling, Signaal

from .conftest import GEHEIME_NAAM, Wereld

pytestmark = pytest.mark.django_db


def _client(user: Gebruiker) -> Client:
    c = Client()
    ingelogd(c, user)
    return c


def test_the_custodian_reads_the_name_and_it_is_logged(
    wereld: Wereld, vertrouwelijk: Signaal
) -> None:
    r = _client(wereld.vertrouwenspersoon).get(f"/api/v1/signalen/{vertrouwelijk.pk}/identiteit")
    assert r.status_code == 200
    assert r.json() == {"naam": GEHEIME_NAAM, "email": "zwaluwstaart@example.org"}
    assert r["Cache-Control"] == "no-store"
    assert Inzage.objects.filter(
        gebruiker=wereld.vertrouwenspersoon, object_id=str(vertrouwelijk.pk)
    ).exists()


@pytest.mark.parametrize("wie", ["behandelaar", "bestuur", "behandelaar_andere", "medewerker"])
def test_anyone_else_gets_no_name(wereld: Wereld, vertrouwelijk: Signaal, wie: str) -> None:
    r = _client(getattr(wereld, wie)).get(f"/api/v1/signalen/{vertrouwelijk.pk}/identiteit")
    assert r.status_code in (403, 404)
    assert r["Content-Type"].startswith("application/problem+json")
    assert "Zwaluwstaart" not in r.content.decode()
    assert not Inzage.objects.exists()


def test_a_named_signal_has_no_identity_to_read(wereld: Wereld, meld: object) -> None:
    s = meld().signaal  # type: ignore[operator]
    r = _client(wereld.bestuur).get(f"/api/v1/signalen/{s.pk}/identiteit")
    assert r.status_code == 404


def test_disclosure_is_decided_by_the_custodian_only_and_then_handlers_read_the_name(
    wereld: Wereld, vertrouwelijk: Signaal
) -> None:
    onthulling = services.request_onthulling(
        signaal=vertrouwelijk, door=wereld.behandelaar, reden="Nodig voor hoor en wederhoor."
    )
    pad = f"/api/v1/onthullingen/{onthulling.pk}/besluit"
    besluit = {"toestaan": True, "toelichting": "Akkoord, met instemming van de melder."}
    # The handler cannot decide (no custodian role); another organisation's custodian does not
    # see it at all.
    assert _client(wereld.behandelaar).post(pad, besluit, "application/json").status_code == 403
    from uitvoerbaar.core.constants import Rol
    from uitvoerbaar.core.tests.factories import persoon_met_rol

    elders = persoon_met_rol(Rol.VERTROUWENSPERSOON, wereld.andere)
    assert _client(elders).post(pad, besluit, "application/json").status_code == 404
    # Bad input: a Dutch message per field, nothing decided.
    r = _client(wereld.vertrouwenspersoon).post(pad, {"toestaan": True}, "application/json")
    assert r.status_code == 400 and "toelichting" in r.content.decode()
    assert Onthulling.objects.get().status == "gevraagd"
    r = _client(wereld.vertrouwenspersoon).post(pad, besluit, "application/json")
    assert r.status_code == 200 and r.json()["status"] == "toegestaan"
    assert "Zwaluwstaart" not in r.content.decode()
    # Decided once.
    r = _client(wereld.vertrouwenspersoon).post(pad, besluit, "application/json")
    assert r.status_code == 400
    r = _client(wereld.behandelaar).get(f"/api/v1/signalen/{vertrouwelijk.pk}/identiteit")
    assert r.status_code == 200 and r.json()["naam"] == GEHEIME_NAAM
