"""List pages and list endpoints send a number of queries that does not grow with the rows."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from uitvoerbaar.conftest import ingelogd

from ..models import Afwijking
from .conftest import Wereld

pytestmark = pytest.mark.django_db


def _tel(client: Client, pad: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(pad).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "pad",
    ["/afwijkingen/", "/api/v1/afwijkingen", "/afwijkingen/consistentie/testwet/"],
)
def test_query_count_does_not_grow_with_the_register(
    client: Client,
    wereld: Wereld,
    registreer: Callable[..., Afwijking],
    beslist: Callable[..., Afwijking],
    pad: str,
) -> None:
    ingelogd(client, wereld.behandelaar)
    for _ in range(3):
        registreer()
        beslist()
    weinig = _tel(client, pad)
    for _ in range(6):
        registreer()
        beslist()
    assert _tel(client, pad) == weinig
