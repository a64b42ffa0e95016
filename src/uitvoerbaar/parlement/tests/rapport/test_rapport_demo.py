"""The demo world has a finished, published Stand van de uitvoering of the Landelijke
Uitkeringsdienst with its PDF; a second load makes nothing new."""

from __future__ import annotations

import io

import pypdf
import pytest

from uitvoerbaar.core import demo
from uitvoerbaar.parlement.models import Rapport, Rapportstatus

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_ready_published_report() -> None:
    eerste = demo.load_demo()
    assert eerste.rapporten == 1
    rapport = Rapport.objects.get()
    assert rapport.organisatie is not None and rapport.organisatie.slug == "lud"
    assert rapport.status == Rapportstatus.KLAAR and rapport.gepubliceerd_op is not None
    assert rapport.pdf is not None
    tekst = " ".join(
        p.extract_text() for p in pypdf.PdfReader(io.BytesIO(bytes(rapport.pdf))).pages
    )
    assert "Landelijke Uitkeringsdienst" in tekst
    assert demo.load_demo().rapporten == 0
    assert Rapport.objects.count() == 1
