"""The deviation API: registering, moves, the precedent lookup, aanvechtingen and
casusberaden, with problem+json refusals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from uitvoerbaar.conftest import ingelogd

from .. import services
from ..models import Afwijking
from .conftest import CASUS, PERSPECTIEVEN, Wereld

pytestmark = pytest.mark.django_db
API = "/api/v1"
PROBLEM = "application/problem+json"


def _post(client: Client, pad: str, data: Any) -> Any:
    return client.post(f"{API}{pad}", data, content_type="application/json")


def _invoer(**kwargs: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "organisatie": "tu",
        "regeling": "testwet",
        "artikel": "4",
        "grond": "hardheidsclausule",
        "bedoeling": "Eerlijk terugvorderen.",
        "casus": CASUS,
        "alternatief": "Termijnen.",
        "motivering": "Onevenredig.",
        "huishouden": "alleenstaande_ouder",
        "inkomensband": "onder_bijstand",
        "knelpunt": "terugvordering",
        "bedrag": "1200.00",
        "beginselen": ["abbb-gelijkheid"],
        "perspectieven": PERSPECTIEVEN,
    }
    data.update(kwargs)
    return data


def test_register_submit_approve_through_the_api(client: Client, wereld: Wereld) -> None:
    ingelogd(client, wereld.medewerker)
    response = _post(client, "/afwijkingen", _invoer())
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "concept"
    assert body["grond_soort"] == "hardheidsclausule"
    assert body["perspectieven"]["ontbrekend"] == []
    pk = body["id"]
    assert _post(client, f"/afwijkingen/{pk}/indienen", {}).json()["status"] == "ter_beoordeling"
    # Four eyes: the registrant may not approve.
    response = _post(client, f"/afwijkingen/{pk}/goedkeuren", {})
    assert response.status_code == 403
    assert response["Content-Type"] == PROBLEM
    ingelogd(client, wereld.behandelaar)
    response = _post(client, f"/afwijkingen/{pk}/goedkeuren", {"toelichting": "Akkoord."})
    assert response.status_code == 200
    assert response.json()["beslissing"] == "afwijken"
    assert _post(client, f"/afwijkingen/{pk}/goedkeuren", {}).status_code == 409
    lijst = client.get(f"{API}/afwijkingen?status=goedgekeurd").json()
    assert [a["id"] for a in lijst["results"]] == [pk]


def test_refusals_are_problem_json_per_field(client: Client, wereld: Wereld) -> None:
    ingelogd(client, wereld.medewerker)
    response = _post(
        client,
        "/afwijkingen",
        _invoer(grond="", motivering="", casus="Mail: a@b.nl", knelpunt="zomaar", extra=1),
    )
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    velden = {e["field"] for e in response.json()["errors"]}
    assert {"knelpunt", "extra"} <= velden
    response = _post(client, "/afwijkingen", _invoer(grond="", motivering="", casus="Mail: a@b.nl"))
    velden = {e["field"] for e in response.json()["errors"]}
    assert velden == {"grond", "motivering", "casus"}
    assert not Afwijking.objects.exists()
    response = _post(client, "/afwijkingen", _invoer(artikel="99"))
    assert [e["field"] for e in response.json()["errors"]] == ["artikel"]


def test_other_organisation_gets_404_and_cannot_register_for_us(
    client: Client, wereld: Wereld, registreer: Callable[..., Afwijking]
) -> None:
    afwijking = registreer()
    ingelogd(client, wereld.behandelaar_andere)
    assert client.get(f"{API}/afwijkingen/{afwijking.pk}").status_code == 404
    assert _post(client, f"/afwijkingen/{afwijking.pk}/goedkeuren", {}).status_code == 404
    assert client.get(f"{API}/afwijkingen").json()["results"] == []
    ingelogd(client, wereld.medewerker_andere)
    assert _post(client, "/afwijkingen", _invoer()).status_code == 403


def test_anonymous_and_policy_maker_are_refused(client: Client, wereld: Wereld) -> None:
    assert client.get(f"{API}/afwijkingen").status_code in (401, 403)
    ingelogd(client, wereld.beleidsmaker)
    assert client.get(f"{API}/afwijkingen").status_code == 403
    assert client.get(f"{API}/precedenten?regeling=testwet&artikel=4").status_code == 403


def test_precedent_lookup_finds_the_similar_case_first(
    client: Client, wereld: Wereld, beslist: Callable[..., Afwijking]
) -> None:
    ander = beslist(
        huishouden="paar_zonder_kinderen",
        inkomensband="boven_200",
        knelpunt="termijn",
        casus="Aanvraag te laat door een ziekenhuisopname.",
        bedrag=None,
    )
    gelijk = beslist(goedkeuren=False)
    ingelogd(client, wereld.medewerker)
    response = client.get(
        f"{API}/precedenten",
        {
            "regeling": "testwet",
            "artikel": "4",
            "huishouden": "alleenstaande_ouder",
            "inkomensband": "onder_bijstand",
            "knelpunt": "terugvordering",
            "bedrag": "1100",
            "tekst": "Moeder met schulden, terugvordering brengt haar onder het minimum.",
        },
    )
    assert response.status_code == 200
    resultaat = response.json()
    assert [r["kenmerk"] for r in resultaat] == [gelijk.kenmerk, ander.kenmerk]
    assert resultaat[0]["beslissing"] == "niet_afwijken"
    assert resultaat[0]["vergelijkbaar"] is True
    assert resultaat[1]["vergelijkbaar"] is False
    response = client.get(
        f"{API}/precedenten", {"regeling": "testwet", "artikel": "4", "knelpunt": "x"}
    )
    assert response.status_code == 400


def test_shared_precedents_of_another_organisation_are_anonymised(
    client: Client, wereld: Wereld, beslist: Callable[..., Afwijking]
) -> None:
    beslist(door=wereld.medewerker_andere, organisatie=wereld.andere)
    ingelogd(client, wereld.medewerker)
    params = {"regeling": "testwet", "artikel": "4", "knelpunt": "terugvordering"}
    assert client.get(f"{API}/precedenten", params).json() == []
    services.save_instelling(
        door=persoon_bestuur_andere(wereld),
        organisatie=wereld.andere,
        bestuur_drempel="2500",
        structureel_drempel=3,
        precedenten_delen=True,
    )
    [gedeeld] = client.get(f"{API}/precedenten", params).json()
    assert gedeeld["anoniem"] is True
    assert gedeeld["kenmerk"] is None
    assert "casus" not in gedeeld and "motivering" not in gedeeld


def persoon_bestuur_andere(wereld: Wereld) -> Any:
    from uitvoerbaar.core.constants import Rol
    from uitvoerbaar.core.tests.factories import persoon_met_rol

    return persoon_met_rol(Rol.BESTUUR, wereld.andere, username="bestuur_andere")


def test_aanvechting_and_casusberaad_through_the_api(
    client: Client, wereld: Wereld, beslist: Callable[..., Afwijking]
) -> None:
    eigen = beslist()
    ingelogd(client, wereld.medewerker)
    response = _post(
        client,
        "/aanvechtingen",
        {
            "organisatie": "tu",
            "regeling": "testwet",
            "artikel": "4",
            "titel": "Pas artikel 4 aan",
            "toelichting": "Terugvordering zonder betalingsregeling werkt niet.",
            "afwijkingen": [eigen.pk],
            "structureel": True,
        },
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["bron"] == "structureel"
    assert body["afwijkingen"] == [eigen.kenmerk]
    assert body["eigenaar"]["slug"] == "mvt"
    assert body["reactieverzoek"]
    ingelogd(client, wereld.beleidsmaker)
    assert client.get(f"{API}/aanvechtingen/{body['id']}").status_code == 200
    assert client.get(f"{API}/reactieverzoeken/{body['reactieverzoek']}").status_code == 200
    ingelogd(client, wereld.medewerker_andere)
    assert client.get(f"{API}/aanvechtingen/{body['id']}").status_code == 404
    response = _post(
        client,
        "/casusberaden",
        {
            "organisatie": "au",
            "regeling": "testwet",
            "artikel": "4",
            "datum": "2024-05-01",
            "vraag": "Wat is de bedoeling?",
            "conclusie": "Helpen.",
            "richtlijn": "Altijd eerst bellen.",
        },
    )
    assert response.status_code == 201, response.json()
    assert client.get(f"{API}/casusberaden?zoek=bellen&richtlijnen=1").json()["count"] == 1
    ingelogd(client, wereld.medewerker)
    assert client.get(f"{API}/casusberaden").json()["count"] == 0
    assert _post(client, "/casusberaden", {"organisatie": "tu"}).status_code == 400


def test_status_filter_refuses_unknown(client: Client, wereld: Wereld) -> None:
    ingelogd(client, wereld.medewerker)
    response = client.get(f"{API}/afwijkingen?status=zomaar")
    assert response.status_code == 400
    assert response.json()["errors"] == [{"field": "status", "message": "Onbekende status."}]


def test_perspectives_completed_through_the_api_before_submitting(
    client: Client, wereld: Wereld
) -> None:
    ingelogd(client, wereld.medewerker)
    invoer = _invoer()
    del invoer["perspectieven"]
    pk = _post(client, "/afwijkingen", invoer).json()["id"]
    response = _post(client, f"/afwijkingen/{pk}/indienen", {})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "perspectieven"
    response = _post(client, f"/afwijkingen/{pk}/perspectieven", {"burger_oordeel": "zorgen"})
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["burger_toelichting"]
    response = _post(client, f"/afwijkingen/{pk}/perspectieven", {"zomaar": "x"})
    assert [e["field"] for e in response.json()["errors"]] == ["zomaar"]
    response = _post(client, f"/afwijkingen/{pk}/perspectieven", PERSPECTIEVEN)
    assert response.status_code == 200
    assert response.json()["perspectieven"]["ontbrekend"] == []
    assert _post(client, f"/afwijkingen/{pk}/indienen", {}).status_code == 200
    assert _post(client, f"/afwijkingen/{pk}/perspectieven", PERSPECTIEVEN).status_code == 409


def test_change_a_concept_through_the_api(client: Client, wereld: Wereld) -> None:
    ingelogd(client, wereld.medewerker)
    pk = _post(client, "/afwijkingen", _invoer()).json()["id"]
    wijziging = {
        k: v
        for k, v in _invoer(grond="awb-3:4-lid-2", alternatief="Kwijtschelding.").items()
        if k not in {"organisatie", "regeling", "artikel", "perspectieven"}
    }
    response = _post(client, f"/afwijkingen/{pk}/wijzigen", wijziging)
    assert response.status_code == 200, response.json()
    assert (response.json()["grond"], response.json()["alternatief"]) == (
        "awb-3:4-lid-2",
        "Kwijtschelding.",
    )
    response = _post(client, f"/afwijkingen/{pk}/wijzigen", {**wijziging, "grond": "nee"})
    assert [e["field"] for e in response.json()["errors"]] == ["grond"]
    ingelogd(client, wereld.medewerker_andere)
    assert _post(client, f"/afwijkingen/{pk}/wijzigen", wijziging).status_code == 404
    ingelogd(client, wereld.medewerker)
    _post(client, f"/afwijkingen/{pk}/indienen", {})
    assert _post(client, f"/afwijkingen/{pk}/wijzigen", wijziging).status_code == 409
