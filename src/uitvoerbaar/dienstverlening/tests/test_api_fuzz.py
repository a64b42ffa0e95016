"""Whatever a client sends to the write endpoints, the answer is never a server error: either
the change is made, or a problem+json in Dutch and nothing changes."""

from __future__ import annotations

from typing import Any

from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.dienstverlening.models import Middelen

from .conftest import Wereld

waarde = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.lists(st.integers(), max_size=2),
)
scenario = st.fixed_dictionaries(
    {},
    optional={k: waarde for k in ("naam", "omschrijving", "budget", "fte", "volume")},
)
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(data=scenario)
def test_scenario_endpoint_never_fails(
    client: Client, wereld: Wereld, data: dict[str, Any]
) -> None:
    c = ingelogd(client, wereld.behandelaar)
    r = c.post(
        f"/api/v1/diensten/{wereld.dienst.pk}/scenarios", data, content_type="application/json"
    )
    assert r.status_code in (201, 400), r.content
    if r.status_code == 400:
        assert r["Content-Type"] == "application/problem+json"


@FUZZ
@given(
    inhoud=st.one_of(
        waarde, st.text(alphabet="0123456789-,;.() \n\rabcdefghijklmnopqrstuvwxyzKQ", max_size=200)
    )
)
def test_import_endpoint_never_fails(client: Client, wereld: Wereld, inhoud: Any) -> None:
    c = ingelogd(client, wereld.beheerder)
    voor = Middelen.objects.count()
    r = c.post(
        f"/api/v1/diensten/{wereld.dienst.pk}/import",
        {"inhoud": inhoud},
        content_type="application/json",
    )
    assert r.status_code in (200, 400), r.content
    if r.status_code == 400:
        assert r["Content-Type"] == "application/problem+json"
        assert Middelen.objects.count() == voor
