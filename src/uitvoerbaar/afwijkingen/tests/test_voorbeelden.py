"""Principle pages show anonymised examples from deviations, casusberaden and explanations
(seed action F4), only from organisations that share them, without names or case text."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from uitvoerbaar.responsplicht import services as engine

from .. import services
from ..models import Afwijking
from .conftest import CASUS, Wereld

pytestmark = pytest.mark.django_db
PAGINA = "/kennisbank/beginselen/abbb-gelijkheid/"


def _delen(wereld: Wereld) -> None:
    services.save_instelling(
        door=wereld.bestuur,
        organisatie=wereld.uitvoerder,
        bestuur_drempel="2500",
        structureel_drempel=3,
        precedenten_delen=True,
    )


def test_examples_appear_only_when_the_organisation_shares_them(
    client: Client, wereld: Wereld, beslist: Callable[..., Afwijking]
) -> None:
    beslist(beginselen=[wereld.gelijkheid], alternatief="Terugbetalen in kleine termijnen.")
    services.record_casusberaad(
        door=wereld.medewerker,
        organisatie=wereld.uitvoerder,
        regeling=wereld.regeling,
        artikel=wereld.artikel,
        datum=timezone.localdate(),
        vraag="Gelijke gevallen bij terugvordering?",
        conclusie="Ja.",
        richtlijn="Altijd dezelfde termijnen aanbieden.",
        beginselen=[wereld.gelijkheid],
    )
    assert "Terugbetalen in kleine termijnen." not in client.get(PAGINA).content.decode()
    _delen(wereld)
    html = client.get(PAGINA).content.decode()
    assert 'id="voorbeelden"' in html
    assert "Terugbetalen in kleine termijnen." in html
    assert "Altijd dezelfde termijnen aanbieden." in html
    for verborgen in (wereld.uitvoerder.naam, CASUS[:40], wereld.medewerker.last_name):
        assert verborgen not in html


def test_a_public_explanation_on_an_aanvechting_is_an_example(
    client: Client, wereld: Wereld
) -> None:
    aanvechting = services.submit_aanvechting(
        door=wereld.medewerker,
        organisatie=wereld.uitvoerder,
        artikel=wereld.artikel,
        titel="Artikel 4 aanpassen",
        toelichting="Terugvordering zonder regeling werkt niet.",
        argumenten=["Het raakt ouders."],
    )
    assert aanvechting.verzoek is not None
    engine.answer_leg_uit(
        verzoek=aanvechting.verzoek,
        door=wereld.beleidsmaker,
        redenen="Gelijke behandeling vraagt één landelijke regel; de hardheidsclausule volstaat.",
        beginselen=[wereld.gelijkheid],
        antwoorden=["Dat zien we, maar de clausule helpt hen."],
    )
    html = client.get(PAGINA).content.decode()
    assert "de hardheidsclausule volstaat" in html
    assert wereld.uitvoerder.naam not in html
