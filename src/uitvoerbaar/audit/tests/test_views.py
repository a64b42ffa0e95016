"""HTTP: the public chain head (page and API), the access log page and the beheer screen."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from uitvoerbaar.audit import services
from uitvoerbaar.audit.models import GENESIS_HASH, AuditEvent, Inzage, KetenKop
from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.core.tests.factories import LidmaatschapFactory, persoon_met_rol

# --- Public chain head ---------------------------------------------------------------------------


def test_public_page_shows_count_and_hash_without_login(
    client: Client, maak_events: Callable[..., list[AuditEvent]]
) -> None:
    events = maak_events(4)
    response = client.get("/audit/keten/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<dd class="utrecht-data-list__item-value" data-testid="aantal">4</dd>' in html
    assert events[-1].hash in html


def test_public_page_on_an_empty_log_shows_the_genesis(client: Client, db: None) -> None:
    html = client.get("/audit/keten/").content.decode()
    assert 'data-testid="aantal">0<' in html
    assert GENESIS_HASH in html


def test_api_ketenkop_is_public(
    client: Client, maak_events: Callable[..., list[AuditEvent]]
) -> None:
    events = maak_events(2)
    response = client.get("/api/v1/audit/ketenkop")
    assert response.status_code == 200
    assert response.json() == {"aantal": 2, "hash": events[-1].hash}
    assert KetenKop.objects.get().hash == events[-1].hash


def test_api_ketenkop_on_an_empty_log(client: Client, db: None) -> None:
    assert client.get("/api/v1/audit/ketenkop").json() == {"aantal": 0, "hash": GENESIS_HASH}


def test_api_ketenkop_is_read_only(client: Client, db: None) -> None:
    response = client.post("/api/v1/audit/ketenkop", {"aantal": 0})
    assert response.status_code in {403, 405}
    assert response["Content-Type"] == "application/problem+json"
    assert not KetenKop.objects.exists()


# --- The access log page -----------------------------------------------------------------------


@pytest.fixture
def inzages(
    organisatie: Organisatie, andere_organisatie: Organisatie, medewerker: Gebruiker
) -> tuple[Inzage, Inzage]:
    hier = services.record_inzage(
        gebruiker=medewerker,
        organisatie_id=organisatie.pk,
        obj=organisatie,
        reden="melding eigen dienst",
    )
    elders = services.record_inzage(
        gebruiker=medewerker,
        organisatie_id=andere_organisatie.pk,
        obj=andere_organisatie,
        reden="melding andere dienst",
    )
    return hier, elders


def test_access_log_needs_login(client: Client, inzages: tuple[Inzage, Inzage]) -> None:
    response = client.get("/audit/inzage/")
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")


def test_access_log_is_refused_to_a_professional(
    client: Client, medewerker: Gebruiker, inzages: tuple[Inzage, Inzage]
) -> None:
    response = ingelogd(client, medewerker).get("/audit/inzage/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Geen toegang" in html
    assert "melding eigen dienst" not in html


def test_beheerder_sees_only_own_organisation(
    client: Client, beheerder: Gebruiker, inzages: tuple[Inzage, Inzage]
) -> None:
    response = ingelogd(client, beheerder).get("/audit/inzage/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('data-testid="inzage"') == 1
    assert "melding eigen dienst" in html
    assert "melding andere dienst" not in html


def test_beheerder_of_the_other_organisation_sees_only_theirs(
    client: Client, beheerder_andere_organisatie: Gebruiker, inzages: tuple[Inzage, Inzage]
) -> None:
    html = ingelogd(client, beheerder_andere_organisatie).get("/audit/inzage/").content.decode()
    assert "melding andere dienst" in html
    assert "melding eigen dienst" not in html


def test_vertrouwenspersoon_sees_own_organisation(
    client: Client, organisatie: Organisatie, inzages: tuple[Inzage, Inzage]
) -> None:
    vp = persoon_met_rol(Rol.VERTROUWENSPERSOON, organisatie, username="vp")
    html = ingelogd(client, vp).get("/audit/inzage/").content.decode()
    assert "melding eigen dienst" in html
    assert "melding andere dienst" not in html


def test_a_lesser_role_elsewhere_does_not_widen_the_view(
    client: Client,
    organisatie: Organisatie,
    andere_organisatie: Organisatie,
    inzages: tuple[Inzage, Inzage],
) -> None:
    # Beheerder here, only professional there: the other organisation's log stays closed.
    persoon = persoon_met_rol(Rol.BEHEERDER, organisatie, username="dubbel")
    LidmaatschapFactory(gebruiker=persoon, organisatie=andere_organisatie, rol=Rol.MEDEWERKER)
    html = ingelogd(client, persoon).get("/audit/inzage/").content.decode()
    assert "melding eigen dienst" in html
    assert "melding andere dienst" not in html


def test_access_log_without_entries_says_so(client: Client, beheerder: Gebruiker) -> None:
    html = ingelogd(client, beheerder).get("/audit/inzage/").content.decode()
    assert 'data-testid="geen-inzages"' in html


def test_access_log_query_count_does_not_grow(
    client: Client, beheerder: Gebruiker, organisatie: Organisatie, medewerker: Gebruiker
) -> None:
    ingelogd(client, beheerder)

    def queries_bij(aantal: int) -> int:
        while Inzage.objects.count() < aantal:
            services.record_inzage(
                gebruiker=medewerker, organisatie_id=organisatie.pk, obj=organisatie
            )
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/audit/inzage/").status_code == 200
        return len(ctx.captured_queries)

    assert queries_bij(2) == queries_bij(30)


def test_access_log_is_paginated(
    client: Client, beheerder: Gebruiker, organisatie: Organisatie, medewerker: Gebruiker
) -> None:
    for _ in range(51):
        services.record_inzage(gebruiker=medewerker, organisatie_id=organisatie.pk, obj=organisatie)
    ingelogd(client, beheerder)
    eerste = client.get("/audit/inzage/").content.decode()
    tweede = client.get("/audit/inzage/?pagina=2").content.decode()
    assert eerste.count('data-testid="inzage"') == 50
    assert tweede.count('data-testid="inzage"') == 1


# --- Beheer screen: read-only --------------------------------------------------------------------


def test_admin_lists_audit_events_read_only(
    client: Client, beheerder: Gebruiker, maak_events: Callable[..., list[AuditEvent]]
) -> None:
    events = maak_events(2)
    ingelogd(client, beheerder)
    lijst = client.get("/beheer/audit/auditevent/")
    assert lijst.status_code == 200
    assert "test.gebeurtenis" in lijst.content.decode()
    assert client.get("/beheer/audit/auditevent/add/").status_code == 403
    detail = client.get(f"/beheer/audit/auditevent/{events[0].pk}/change/")
    assert detail.status_code == 200
    assert 'name="_save"' not in detail.content.decode()
    response = client.post(
        f"/beheer/audit/auditevent/{events[0].pk}/change/", {"event": "vervalst"}
    )
    assert response.status_code == 403
    assert client.post(f"/beheer/audit/auditevent/{events[0].pk}/delete/").status_code == 403
    assert AuditEvent.objects.get(pk=events[0].pk).event == "test.gebeurtenis"
    assert AuditEvent.objects.count() == 2


def test_admin_access_log_shows_own_organisation_only(
    client: Client, beheerder: Gebruiker, inzages: tuple[Inzage, Inzage]
) -> None:
    hier, elders = inzages
    ingelogd(client, beheerder)
    html = client.get("/beheer/audit/inzage/").content.decode()
    assert "Landelijke Testdienst" in html
    assert "Andere Dienst" not in html
    assert client.get(f"/beheer/audit/inzage/{hier.pk}/change/").status_code == 200
    assert client.get(f"/beheer/audit/inzage/{elders.pk}/change/").status_code in {302, 404}
    assert client.post(f"/beheer/audit/inzage/{hier.pk}/change/", {"reden": "x"}).status_code == 403
    hier.refresh_from_db()
    assert hier.reden == "melding eigen dienst"


def test_admin_is_closed_to_a_professional(
    client: Client, medewerker: Gebruiker, maak_events: Callable[..., list[AuditEvent]]
) -> None:
    maak_events(1)
    response = ingelogd(client, medewerker).get("/beheer/audit/auditevent/")
    assert response.status_code in {302, 403}
    assert "test.gebeurtenis" not in response.content.decode()
