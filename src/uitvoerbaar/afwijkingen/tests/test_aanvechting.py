"""Contesting an article (aanvechting): a request on the response duty engine to the owner's
policy team, which the aanvechting follows to its outcome."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from uitvoerbaar.core.constants import Rol
from uitvoerbaar.responsplicht import services as engine
from uitvoerbaar.responsplicht.constants import Status as VerzoekStatus

from .. import services
from ..constants import AanvechtingStatus
from ..models import Aanvechting, Afwijking
from .conftest import Wereld, events

pytestmark = pytest.mark.django_db


def _indienen(wereld: Wereld, **kwargs: object) -> Aanvechting:
    velden: dict[str, object] = {
        "door": wereld.medewerker,
        "organisatie": wereld.uitvoerder,
        "artikel": wereld.artikel,
        "titel": "Terugvordering duwt mensen met schulden in armoede",
        "toelichting": "Het artikel laat geen ruimte voor een betalingsregeling.",
        "argumenten": ["Vijf keer afgeweken in een half jaar.", "Het raakt alleenstaande ouders."],
        "beginselen": [wereld.gelijkheid],
    }
    velden.update(kwargs)
    return services.submit_aanvechting(**velden)  # type: ignore[arg-type]


def test_aanvechting_opens_a_request_to_the_owners_policy_team(wereld: Wereld) -> None:
    aanvechting = _indienen(wereld)
    verzoek = aanvechting.verzoek
    assert verzoek is not None
    assert verzoek.soort.code == "aanvechting"
    assert verzoek.ontvanger_organisatie == wereld.ministerie
    assert verzoek.ontvanger_rol == Rol.BELEIDSMAKER
    assert verzoek.verzoeker == wereld.medewerker
    # Six weeks (Algemene termijnenwet), from today.
    assert verzoek.uiterste_datum >= verzoek.gestart_op + dt.timedelta(weeks=6)
    assert verzoek.argumenten == [
        "Vijf keer afgeweken in een half jaar.",
        "Het raakt alleenstaande ouders.",
    ]
    assert aanvechting.status == AanvechtingStatus.INGEDIEND
    assert events(aanvechting) == ["aanvechting.ingediend"]


def test_pas_toe_answer_is_followed(wereld: Wereld) -> None:
    aanvechting = _indienen(wereld)
    assert aanvechting.verzoek is not None
    engine.answer_pas_toe(
        verzoek=aanvechting.verzoek,
        door=wereld.beleidsmaker,
        maatregel="Artikel 4 krijgt een lid over betalingsregelingen.",
        eigenaar="Directie Test",
        datum=engine.vandaag() + dt.timedelta(days=90),
    )
    aanvechting.refresh_from_db()
    assert aanvechting.status == AanvechtingStatus.PAS_TOE
    assert events(aanvechting)[-1] == "aanvechting.volgt_verzoek"


def test_leg_uit_then_accepted_closes_it(wereld: Wereld) -> None:
    aanvechting = _indienen(wereld, argumenten=["Eén argument."])
    verzoek = aanvechting.verzoek
    assert verzoek is not None
    engine.answer_leg_uit(
        verzoek=verzoek,
        door=wereld.beleidsmaker,
        redenen="De wet biedt al de hardheidsclausule.",
        beginselen=[wereld.gelijkheid],
        antwoorden=["Dat kan met artikel 9."],
    )
    aanvechting.refresh_from_db()
    assert aanvechting.status == AanvechtingStatus.LEG_UIT
    engine.accept_answer(verzoek=verzoek, door=wereld.medewerker)
    aanvechting.refresh_from_db()
    assert aanvechting.status == AanvechtingStatus.AFGESLOTEN


def test_silence_escalates_to_the_ambtelijke_top(wereld: Wereld) -> None:
    aanvechting = _indienen(wereld)
    verzoek = aanvechting.verzoek
    assert verzoek is not None
    engine.process_due_request(
        verzoek_id=verzoek.pk, vandaag_=verzoek.uiterste_datum + dt.timedelta(days=1)
    )
    verzoek.refresh_from_db()
    aanvechting.refresh_from_db()
    assert verzoek.status == VerzoekStatus.GEESCALEERD
    assert verzoek.verantwoordelijke_rol == Rol.AMBTELIJKE_TOP
    assert aanvechting.status == AanvechtingStatus.GEESCALEERD


def test_without_explanation_or_support_is_refused(wereld: Wereld) -> None:
    with pytest.raises(ValidationError) as err:
        _indienen(wereld, toelichting="", argumenten=[])
    assert set(err.value.message_dict) == {"toelichting", "argumenten"}
    assert not Aanvechting.objects.exists()


def test_citing_another_organisations_deviation_is_refused(
    wereld: Wereld, beslist: Callable[..., Afwijking]
) -> None:
    elders = beslist(door=wereld.medewerker_andere, organisatie=wereld.andere)
    with pytest.raises(ValidationError) as err:
        _indienen(wereld, afwijkingen=[elders])
    assert "afwijkingen" in err.value.message_dict


def test_citing_own_deviations_is_enough_support(
    wereld: Wereld, beslist: Callable[..., Afwijking]
) -> None:
    eigen = beslist()
    aanvechting = _indienen(wereld, argumenten=[], afwijkingen=[eigen])
    assert list(aanvechting.afwijkingen.all()) == [eigen]
    assert aanvechting.verzoek is not None
    assert eigen.kenmerk in aanvechting.verzoek.vraag


def test_other_organisation_may_not_contest_on_our_behalf(wereld: Wereld) -> None:
    with pytest.raises(PermissionDenied):
        _indienen(wereld, door=wereld.medewerker_andere)
    assert not Aanvechting.objects.exists()


def test_aanvechting_cites_signals_of_its_own_organisation_on_the_article(
    wereld: Wereld,
) -> None:
    """Issue 5 item 4: an aanvechting cites signals (number and title in the question to the
    ministry), only the organisation's own on this article; the knelpunt page prefills them."""
    from typing import Any

    from django.test import Client

    from uitvoerbaar.conftest import ingelogd
    from uitvoerbaar.signalen import services as signalen
    from uitvoerbaar.signalen.models import Signaal

    def meld(artikel: Any, organisatie: Any, door: Any) -> Signaal:
        return signalen.submit_signaal(
            door=door,
            kanaal="benoemd",
            organisatie=organisatie,
            titel="Terugvordering bij kleine fout",
            tekst="Alles terugbetalen door een fout van twee euro.",
            regeling=wereld.regeling,
            artikel=artikel,
        ).signaal

    eigen = meld(wereld.artikel, wereld.uitvoerder, wereld.medewerker)
    ander_artikel = meld(wereld.ander_artikel, wereld.uitvoerder, wereld.medewerker)
    elders = meld(wereld.artikel, wereld.andere, wereld.medewerker_andere)
    for fout in (ander_artikel, elders):
        with pytest.raises(ValidationError) as exc:
            _indienen(wereld, argumenten=[], signalen=[fout])
        assert "signalen" in exc.value.message_dict
    assert not Aanvechting.objects.exists()

    aanvechting = _indienen(wereld, argumenten=[], signalen=[eigen])
    assert list(aanvechting.signalen.all()) == [eigen]
    assert aanvechting.verzoek is not None
    assert f"{eigen.kenmerk} Terugvordering bij kleine fout" in aanvechting.verzoek.vraag

    # From a knelpunt: the link opens the form with its signals chosen.
    knelpunt = signalen.create_knelpunt(
        door=wereld.behandelaar,
        organisatie=wereld.uitvoerder,
        regeling=wereld.regeling,
        artikel=wereld.artikel,
        naam="Terugvordering bij kleine fouten",
        omschrijving="",
        signalen=[eigen],
    )
    c = Client()
    ingelogd(c, wereld.behandelaar)
    pagina = c.get(f"/signalen/knelpunten/{knelpunt.pk}/").content.decode()
    assert f"signaal={eigen.pk}" in pagina
    formulier = c.get(
        f"/afwijkingen/aanvechtingen/nieuw/?regeling=testwet&artikel=4&signaal={eigen.pk}"
    ).content.decode()
    assert f'value="{eigen.pk}"' in formulier and "checked" in formulier
