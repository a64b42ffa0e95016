"""API fuzzing (issue 9 part 6): Schemathesis generates requests from `openapi.yaml` for every
operation and sends them to the WSGI application on the test database, filled with the demo
world, as a person holding many roles. Every answer must be no server error, have a status code
and a body the schema declares, and every error must be problem+json (RFC 9457).

Bounded for CI: a few examples per operation (FUZZ_VOORBEELDEN, more with the environment
variable UITVOERBAAR_FUZZ_VOORBEELDEN), one test that loads the demo once. Besides the random
path parameters (mostly 404), every GET with a path parameter is also called with the ids of
real demo objects, so the detail answers are checked against the schema too."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
import yaml
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core import services as core_services
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.core.tests.factories import GebruikerFactory

REPO = Path(__file__).resolve().parent.parent
FUZZ_VOORBEELDEN = int(os.environ.get("UITVOERBAAR_FUZZ_VOORBEELDEN", "3"))
CSRF = "f" * 32
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

# Roles in the demo world: everything a person can hold at once (by organisation slug).
ROLLEN = {
    "lud": [Rol.MEDEWERKER, Rol.BEHANDELAAR, Rol.BESTUUR, Rol.BEHEERDER, Rol.VERTROUWENSPERSOON],
    "mwb": [Rol.BELEIDSMAKER, Rol.AMBTELIJKE_TOP, Rol.BEWINDSPERSOON, Rol.BEHEERDER],
    "kamer": [Rol.KAMERLID, Rol.GRIFFIE],
}


# Schema mismatches found by this test and not fixed yet, each as (operation, failure title);
# anything else fails. None are left: the 400 and 404 every operation can answer are declared by
# `uitvoerbaar.api.schema.standaard_problemen`, nullable and blank fields are marked, and
# decimals are rendered as the strings the schema declares. A server error or an error that is
# not problem+json is never excused.
BEKEND: set[tuple[str, str]] = set()
NOOIT_BEKEND = {"Server error"}


def _breed(door: Gebruiker) -> Gebruiker:
    gebruiker = GebruikerFactory.create(username="fuzzer")
    for slug, rollen in ROLLEN.items():
        organisatie = Organisatie.objects.get(slug=slug)
        for rol in rollen:
            core_services.add_lidmaatschap(
                door=None, gebruiker=gebruiker, organisatie=organisatie, rol=rol
            )
    return Gebruiker.objects.get(pk=gebruiker.pk)


def _koppen(client: Client) -> dict[str, str]:
    return {"sessionid": client.cookies["sessionid"].value, "csrftoken": CSRF}


def _problem_json(case: Any, response: Any) -> str | None:
    if response.status_code < 400:
        return None
    soort = response.headers.get("Content-Type", response.headers.get("content-type", ""))
    soort = soort[0] if isinstance(soort, list) else soort
    if not str(soort).startswith("application/problem+json"):
        return f"{case.method} {case.formatted_path}: {response.status_code} as {soort}"
    data = response.json()
    if not {"title", "status"} <= set(data) or data["status"] != response.status_code:
        return f"{case.method} {case.formatted_path}: problem without title/status: {data}"
    return None


def _echte_parameters() -> dict[str, list[dict[str, Any]]]:
    """Path parameters of real demo objects, per path template."""
    from uitvoerbaar.afwijkingen.models import Aanvechting, Afwijking, Casusberaad
    from uitvoerbaar.beleid.models import Beleidsvoorstel, Opdracht, Uitvoeringstoets
    from uitvoerbaar.dienstverlening.models import Dienst
    from uitvoerbaar.kennisbank.models import Beginsel, Regeling
    from uitvoerbaar.responsplicht.models import Reactieverzoek
    from uitvoerbaar.signalen.models import Noodrem, Signaal

    def ids(model: Any) -> list[dict[str, Any]]:
        return [{"id": str(pk)} for pk in model.objects.values_list("pk", flat=True)[:3]]

    return {
        "/api/v1/afwijkingen/{id}": ids(Afwijking),
        "/api/v1/afwijkingen/{id}/precedenten": ids(Afwijking),
        "/api/v1/aanvechtingen/{id}": ids(Aanvechting),
        "/api/v1/casusberaden/{id}": ids(Casusberaad),
        "/api/v1/beleidsvoorstellen/{id}": ids(Beleidsvoorstel),
        "/api/v1/opdrachten/{id}": ids(Opdracht),
        "/api/v1/uitvoeringstoetsen/{id}": ids(Uitvoeringstoets),
        "/api/v1/diensten/{id}": ids(Dienst),
        "/api/v1/diensten/{id}/ondergrenzen": ids(Dienst),
        "/api/v1/diensten/{id}/scenarios": ids(Dienst),
        "/api/v1/diensten/{id}/keuzenotas": ids(Dienst),
        "/api/v1/reactieverzoeken/{id}": ids(Reactieverzoek),
        "/api/v1/signalen/{id}": ids(Signaal),
        "/api/v1/signalen/{id}/gelijkend": ids(Signaal),
        "/api/v1/signalen/{id}/identiteit": ids(Signaal),
        "/api/v1/signalen/mijn/{id}": ids(Signaal),
        "/api/v1/noodremmen/{id}": ids(Noodrem),
        "/api/v1/beginselen/{code}": [
            {"code": c} for c in Beginsel.objects.values_list("code", flat=True)[:3]
        ],
        "/api/v1/regelingen/{code}": [
            {"code": c} for c in Regeling.objects.values_list("code", flat=True)[:3]
        ],
        "/api/v1/organisaties/{slug}": [{"slug": "lud"}, {"slug": "mwb"}],
        "/api/v1/organisaties/{slug}/lidmaatschappen": [{"slug": "lud"}],
    }


@pytest.fixture
def _verbinding_blijft() -> Iterator[None]:
    """Requests go straight to the WSGI handler, whose request signals close the database
    connection when Django thinks it is old or broken; in a test that connection holds the
    test's transaction. Django's own test client disconnects the same handler."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("_verbinding_blijft")
def test_the_api_answers_every_generated_request_within_its_schema() -> None:
    from uitvoerbaar.core import demo

    demo.load_demo()
    client = Client()
    ingelogd(client, _breed(Gebruiker.objects.get(username="beheer.lud")))
    koppen = _koppen(client)

    schema = schemathesis.openapi.from_dict(
        yaml.safe_load((REPO / "openapi.yaml").read_text(encoding="utf-8"))
    )
    schema.app = WSGIHandler()
    fouten: list[str] = []
    operaties = [r.ok() for r in schema.get_all_operations()]
    assert len(operaties) > 50, "the schema has too few operations"
    getest = 0

    for operatie in operaties:
        voorbeelden = FUZZ_VOORBEELDEN if operatie.method.upper() == "GET" else 3
        _fuzzer(operatie, voorbeelden, koppen, fouten)()
        getest += 1

    # The detail endpoints with real objects.
    echt = _echte_parameters()
    for operatie in operaties:
        if operatie.method.upper() != "GET" or operatie.path not in echt:
            continue
        for parameters in echt[operatie.path]:
            case = operatie.Case(path_parameters=parameters)
            _stuur(case, koppen, fouten, ok=True)
    assert getest == len(operaties)
    for regel in sorted(set(fouten)):
        print(regel)
    assert fouten == [], "\n".join(sorted(set(fouten))[:40])


def _fuzzer(operatie: Any, voorbeelden: int, koppen: dict[str, str], fouten: list[str]) -> Any:
    @settings(
        max_examples=voorbeelden,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def fuzz(data: st.DataObject) -> None:
        _stuur(data.draw(operatie.as_strategy()), koppen, fouten)

    return fuzz


def _stuur(case: Any, koppen: dict[str, str], fouten: list[str], *, ok: bool = False) -> None:
    case.headers = {**(case.headers or {}), "X-CSRFToken": CSRF}
    case.cookies = {**(case.cookies or {}), **koppen}
    response = case.call()
    waar = f"{case.method} {case.operation.path}"
    try:
        case.validate_response(response, checks=CHECKS)
    except (Exception, BaseExceptionGroup) as exc:  # reported with the others
        for failure in getattr(exc, "exceptions", [exc]):
            titel = str(getattr(failure, "title", type(failure).__name__))
            if (waar, titel) in BEKEND and titel not in NOOIT_BEKEND:
                continue
            bericht = str(getattr(failure, "message", failure)).strip().replace("\n", " ")
            fouten.append(f"{waar} -> {response.status_code}: {titel}: {bericht[:160]}")
    fout = _problem_json(case, response)
    if fout:
        fouten.append(fout)
    if ok and response.status_code >= 500:
        fouten.append(f"{waar}: {response.status_code}")
