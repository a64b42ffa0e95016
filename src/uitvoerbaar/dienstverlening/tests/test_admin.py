"""The beheer screen shows services and means read only, and only of the own organisation."""

from __future__ import annotations

from django.test import Client

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.tests.factories import persoon_met_rol
from uitvoerbaar.dienstverlening import services

from .conftest import Wereld


def test_beheerder_reads_own_services_only_and_cannot_add(
    client: Client, met_gegevens: Wereld
) -> None:
    w = met_gegevens
    elders = persoon_met_rol("beheerder", w.andere)
    services.create_dienst(door=elders, organisatie=w.andere, naam="Dienst elders")
    c = ingelogd(client, w.beheerder)
    lijst = c.get("/beheer/dienstverlening/dienst/")
    assert lijst.status_code == 200
    html = lijst.content.decode()
    assert "Uitkering" in html and "Dienst elders" not in html
    assert c.get(f"/beheer/dienstverlening/dienst/{w.dienst.pk}/change/").status_code == 200
    assert c.get("/beheer/dienstverlening/dienst/add/").status_code == 403
    grenzen = c.get("/beheer/dienstverlening/ondergrens/").content.decode()
    assert "Bestaanszekerheid" in grenzen


def test_staff_cannot_open_the_beheer_screen(client: Client, wereld: Wereld) -> None:
    r = ingelogd(client, wereld.medewerker).get("/beheer/dienstverlening/dienst/")
    assert r.status_code in (302, 403)
