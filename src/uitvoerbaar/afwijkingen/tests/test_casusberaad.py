"""Recording a case deliberation with a guideline."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from .. import services
from ..models import Casusberaad
from .conftest import PERSPECTIEVEN, Wereld, events

pytestmark = pytest.mark.django_db


def _vastleggen(wereld: Wereld, **kwargs: object) -> Casusberaad:
    velden: dict[str, object] = {
        "door": wereld.medewerker,
        "organisatie": wereld.uitvoerder,
        "regeling": wereld.regeling,
        "artikel": wereld.artikel,
        "datum": timezone.localdate(),
        "vraag": "Mogen we terugvorderen bij iemand met schulden?",
        "conclusie": "Ja, maar in kleine termijnen.",
        "richtlijn": "Bij schulden: terugvorderen in termijnen van ten hoogste 50 euro.",
        "deelnemers": "Twee professionals, een jurist, een teamleider",
        "beginselen": [wereld.gelijkheid],
        "perspectieven": PERSPECTIEVEN,
    }
    velden.update(kwargs)
    return services.record_casusberaad(**velden)  # type: ignore[arg-type]


def test_casusberaad_is_recorded_with_perspectives_and_principles(wereld: Wereld) -> None:
    beraad = _vastleggen(wereld)
    assert beraad.perspectieven is not None and beraad.perspectieven.is_compleet
    assert list(beraad.beginselen.all()) == [wereld.gelijkheid]
    assert "termijnen" in beraad.zoektekst
    assert events(beraad) == ["casusberaad.vastgelegd"]


def test_refusals(wereld: Wereld) -> None:
    with pytest.raises(ValidationError) as err:
        _vastleggen(
            wereld,
            vraag="",
            conclusie="",
            datum=timezone.localdate() + dt.timedelta(days=1),
            deelnemers="Jan, jan@example.org",
            artikel=None,
        )
    assert set(err.value.message_dict) == {"vraag", "conclusie", "datum", "deelnemers"}
    with pytest.raises(PermissionDenied):
        _vastleggen(wereld, door=wereld.medewerker_andere)
    assert not Casusberaad.objects.exists()
