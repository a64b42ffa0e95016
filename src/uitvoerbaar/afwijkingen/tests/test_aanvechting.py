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
