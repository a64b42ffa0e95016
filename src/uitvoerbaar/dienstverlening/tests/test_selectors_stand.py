"""The lower-bound aggregates for the Stand van de uitvoering (seed action P3): breaches per
indicator and per organisation within a period, each in one grouped query."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from uitvoerbaar.dienstverlening import selectors, services
from uitvoerbaar.dienstverlening.models import Meting

from .conftest import Wereld

pytestmark = pytest.mark.django_db


def test_breaches_per_indicator_and_per_organisation(
    wereld: Wereld, django_assert_num_queries: Any
) -> None:
    w = wereld
    services.set_ondergrens(door=w.bestuur, indicator=w.doorlooptijd, grens=25.0, waarde="Tijd")
    services.set_ondergrens(door=w.bestuur, indicator=w.bereikbaarheid, grens=70.0, waarde="Bereik")
    for periode, dagen, procent in (
        (dt.date(2026, 9, 1), 40.0, 50.0),  # before the period
        (dt.date(2026, 10, 1), 30.0, 80.0),  # doorlooptijd too long (lower is better)
        (dt.date(2026, 11, 1), 20.0, 60.0),  # bereikbaarheid too low (higher is better)
        (dt.date(2026, 12, 1), 26.0, 65.0),  # both
    ):
        Meting.objects.create(indicator=w.doorlooptijd, periode=periode, waarde=dagen)
        Meting.objects.create(indicator=w.bereikbaarheid, periode=periode, waarde=procent)
    van, tot = dt.date(2026, 10, 1), dt.date(2026, 12, 31)
    with django_assert_num_queries(1):
        rijen = selectors.onderschrijdingen_per_indicator(
            organisatie_id=w.uitvoerder.pk, van=van, tot=tot
        )
    assert [(r["indicator__naam"], r["onder"], r["metingen"]) for r in rijen] == [
        ("Bereikbaarheid", 2, 3),
        ("Doorlooptijd", 2, 3),
    ]
    with django_assert_num_queries(1):
        per_org = selectors.onderschrijdingtellingen(organisatie_ids=None, van=van, tot=tot)
    assert per_org == {w.uitvoerder.pk: 4}
    assert selectors.onderschrijdingtellingen(organisatie_ids=[w.andere.pk], van=van, tot=tot) == {}
