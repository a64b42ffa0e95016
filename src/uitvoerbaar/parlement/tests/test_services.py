"""Services of kamervragen and contactmomenten: the question is a request on the response duty
engine and follows its outcome; contact moments move planned -> held / cancelled, with a
report that may be published. Every refusal changes nothing and writes no audit event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from uitvoerbaar.core.constants import Rol
from uitvoerbaar.responsplicht import services as rp
from uitvoerbaar.responsplicht.constants import Status
from uitvoerbaar.responsplicht.models import Melding, Reactieverzoek

from .. import services
from ..constants import Contactstatus, Kamervraagstatus
from ..models import Contactmoment, Kamervraag
from .conftest import Wereld, events, tijdstip

pytestmark = pytest.mark.django_db

BSN = "111222333"  # passes the elfproef


# --- kamervragen -------------------------------------------------------------------------------


@time_machine.travel(dt.datetime(2026, 11, 2, 10, 0, tzinfo=dt.UTC), tick=False)
def test_a_question_becomes_a_kamervraag_request_to_the_executors_handlers(
    wereld: Wereld, maak_vraag: Callable[..., Kamervraag]
) -> None:
    vraag = maak_vraag()
    verzoek = vraag.verzoek
    assert verzoek is not None
    assert verzoek.soort.code == "kamervraag"
    assert (verzoek.ontvanger_organisatie, verzoek.ontvanger_rol) == (
        wereld.uitvoerder,
        Rol.BEHANDELAAR,
    )
    assert (verzoek.verzoeker_organisatie, verzoek.verzoeker_rol) == (wereld.kamer, Rol.GRIFFIE)
    assert verzoek.verzoeker == wereld.kamerlid
    # Three weeks under the Algemene termijnenwet.
    assert verzoek.uiterste_datum == dt.date(2026, 11, 23)
    assert vraag.status == Kamervraagstatus.GESTELD
    assert vraag.gesteld_op == dt.date(2026, 11, 2)
    assert verzoek.onderwerp_type == services.KAMERVRAAG and verzoek.onderwerp_id == str(vraag.pk)
    assert events("kamervraag.") == ["kamervraag.gesteld"]
    # The engine notifies the handlers: no mail infrastructure of our own.
    assert Melding.objects.filter(verzoek=verzoek, ontvanger=wereld.behandelaar).exists()


def test_a_clerk_may_ask_too(wereld: Wereld, maak_vraag: Callable[..., Kamervraag]) -> None:
    assert maak_vraag(door=wereld.griffie).gesteld_door == wereld.griffie


@pytest.mark.parametrize("wie", ["behandelaar", "bestuur", "beleidsmaker", "medewerker"])
def test_only_members_and_clerks_ask(
    wereld: Wereld, maak_vraag: Callable[..., Kamervraag], wie: str
) -> None:
    with pytest.raises(PermissionDenied):
        maak_vraag(door=getattr(wereld, wie))
    assert not Kamervraag.objects.exists() and not Reactieverzoek.objects.exists()


def test_a_member_of_another_parliament_cannot_ask_for_this_one(
    wereld: Wereld, maak_vraag: Callable[..., Kamervraag]
) -> None:
    with pytest.raises(PermissionDenied):
        maak_vraag(door=wereld.kamerlid_elders)
    assert not Kamervraag.objects.exists()
    assert events("kamervraag.") == []


@pytest.mark.parametrize(
    ("velden", "veld", "melding"),
    [
        ({"titel": " "}, "titel", "onderwerp"),
        ({"vraag": ""}, "vraag", "Schrijf uw vraag op"),
        ({"vraag": "x" * 20_001}, "vraag", "te lang"),
        ({"uitvoerder": None}, "uitvoerder", "Kies de uitvoeringsorganisatie"),
        ({"vraag": f"Mevrouw met BSN {BSN} wacht al maanden."}, "vraag", "persoonsgegevens"),
        ({"vraag": "Mail jan@example.org voor de details."}, "vraag", "persoonsgegevens"),
        ({"titel": f"Dossier {BSN}"}, "titel", "persoonsgegevens"),
    ],
)
def test_bad_input_is_refused_next_to_the_field_and_changes_nothing(
    wereld: Wereld,
    maak_vraag: Callable[..., Kamervraag],
    velden: dict[str, object],
    veld: str,
    melding: str,
) -> None:
    with pytest.raises(ValidationError) as err:
        maak_vraag(**velden)
    assert melding in " ".join(err.value.message_dict[veld])
    assert not Kamervraag.objects.exists() and not Reactieverzoek.objects.exists()
    assert events("kamervraag.") == [] and events("reactieverzoek.") == []


def test_a_ministry_is_not_an_executor_and_a_committee_must_be_the_parliaments(
    wereld: Wereld, maak_vraag: Callable[..., Kamervraag]
) -> None:
    from uitvoerbaar.core.tests.factories import EenheidFactory

    with pytest.raises(ValidationError) as err:
        maak_vraag(
            uitvoerder=wereld.ministerie,
            commissie=EenheidFactory.create(organisatie=wereld.andere_kamer),
        )
    assert "geen uitvoeringsorganisatie" in err.value.message_dict["uitvoerder"][0]
    assert "hoort niet bij" in err.value.message_dict["commissie"][0]
    assert not Kamervraag.objects.exists()


def test_the_question_follows_an_explanation_and_its_acceptance(
    wereld: Wereld, maak_vraag: Callable[..., Kamervraag]
) -> None:
    vraag = maak_vraag()
    assert vraag.verzoek is not None
    rp.answer_leg_uit(
        verzoek=vraag.verzoek,
        door=wereld.behandelaar,
        redenen="Aan de balie zien wij drie peildata.",
        beginselen=[wereld.beginsel],
    )
    vraag.refresh_from_db()
    assert vraag.status == Kamervraagstatus.BEANTWOORD
    assert vraag.beantwoord_op == rp.vandaag()
    rp.accept_answer(verzoek=vraag.verzoek, door=wereld.griffie)
    vraag.refresh_from_db()
    assert vraag.status == Kamervraagstatus.AANVAARD
    assert events("kamervraag.") == [
        "kamervraag.gesteld",
        "kamervraag.gevolgd",
        "kamervraag.gevolgd",
    ]


def test_the_executor_of_another_organisation_cannot_answer(
    wereld: Wereld, maak_vraag: Callable[..., Kamervraag]
) -> None:
    vraag = maak_vraag()
    assert vraag.verzoek is not None
    with pytest.raises(PermissionDenied):
        rp.answer_leg_uit(
            verzoek=vraag.verzoek,
            door=wereld.behandelaar_andere,
            redenen="Niet van ons.",
            beginselen=[wereld.beginsel],
        )
    vraag.refresh_from_db()
    assert vraag.status == Kamervraagstatus.GESTELD


def test_called_insufficient_once_the_board_must_answer(
    wereld: Wereld, maak_vraag: Callable[..., Kamervraag]
) -> None:
    vraag = maak_vraag()
    assert vraag.verzoek is not None
    rp.answer_leg_uit(
        verzoek=vraag.verzoek,
        door=wereld.behandelaar,
        redenen="Dat weten wij niet.",
        beginselen=[wereld.beginsel],
    )
    rp.contest_answer(verzoek=vraag.verzoek, door=wereld.kamerlid, reden="Geen cijfers.")
    vraag.refresh_from_db()
    assert vraag.verzoek_id is not None
    verzoek = Reactieverzoek.objects.get(pk=vraag.verzoek_id)
    # Called insufficient, then escalated to the board: the question waits again.
    assert vraag.status == Kamervraagstatus.GESTELD
    assert (verzoek.status, verzoek.verantwoordelijke_rol) == (Status.GEESCALEERD, Rol.BESTUUR)
    # Once only.
    rp.answer_leg_uit(
        verzoek=verzoek,
        door=wereld.bestuur,
        redenen="Cijfers volgen.",
        beginselen=[wereld.beginsel],
    )
    with pytest.raises(ValidationError, match="één keer"):
        rp.contest_answer(verzoek=verzoek, door=wereld.kamerlid, reden="Nog steeds niet.")
    vraag.refresh_from_db()
    assert vraag.status == Kamervraagstatus.BEANTWOORD


def test_silence_escalates_to_the_board_and_then_is_published(
    wereld: Wereld, maak_vraag: Callable[..., Kamervraag]
) -> None:
    vraag = maak_vraag()
    verzoek = vraag.verzoek
    assert verzoek is not None
    eerste = verzoek.uiterste_datum + dt.timedelta(days=1)
    assert rp.process_due_request(verzoek_id=verzoek.pk, vandaag_=eerste) == "geescaleerd"
    vraag.refresh_from_db()
    assert vraag.status == Kamervraagstatus.GESTELD
    verzoek.refresh_from_db()
    tweede = verzoek.uiterste_datum + dt.timedelta(days=1)
    assert rp.process_due_request(verzoek_id=verzoek.pk, vandaag_=tweede) == "verlopen"
    vraag.refresh_from_db()
    assert vraag.status == Kamervraagstatus.ONBEANTWOORD
    # The public register shows the silence (kind kamervraag: stilte_openbaar).
    from uitvoerbaar.responsplicht import selectors_openbaar

    assert selectors_openbaar.openbare_verzoeken().filter(pk=verzoek.pk).exists()
    # A late answer is still an answer.
    rp.answer_leg_uit(
        verzoek=verzoek, door=wereld.bestuur, redenen="Alsnog: ...", beginselen=[wereld.beginsel]
    )
    vraag.refresh_from_db()
    assert vraag.status == Kamervraagstatus.BEANTWOORD
    assert vraag.verzoek is not None and vraag.verzoek.reacties.get().te_laat


def test_the_asker_may_withdraw_an_unanswered_question(
    wereld: Wereld, maak_vraag: Callable[..., Kamervraag]
) -> None:
    vraag = maak_vraag()
    assert vraag.verzoek is not None
    rp.withdraw(verzoek=vraag.verzoek, door=wereld.kamerlid, reden="Al beantwoord in een brief.")
    vraag.refresh_from_db()
    assert vraag.status == Kamervraagstatus.INGETROKKEN


# --- contactmomenten ---------------------------------------------------------------------------


def test_the_clerk_plans_a_round_table(
    wereld: Wereld, maak_moment: Callable[..., Contactmoment]
) -> None:
    moment = maak_moment(deelnemers=[wereld.kamerlid], gasten="Mevrouw de Vries")
    assert moment.status == Contactstatus.GEPLAND
    assert list(moment.uitvoerders.all()) == [wereld.uitvoerder]
    assert list(moment.deelnemers.all()) == [wereld.kamerlid]
    assert events("contactmoment.") == ["contactmoment.gepland"]


@pytest.mark.parametrize("wie", ["bestuur", "beheerder"])
def test_the_executors_board_or_administrator_plans_too(
    wereld: Wereld, maak_moment: Callable[..., Contactmoment], wie: str
) -> None:
    assert maak_moment(door=getattr(wereld, wie)).aangemaakt_door == getattr(wereld, wie)


@pytest.mark.parametrize(
    "wie", ["kamerlid", "behandelaar", "medewerker", "griffie_elders", "bestuur_andere"]
)
def test_others_cannot_plan(
    wereld: Wereld, maak_moment: Callable[..., Contactmoment], wie: str
) -> None:
    with pytest.raises(PermissionDenied):
        maak_moment(door=getattr(wereld, wie))
    assert not Contactmoment.objects.exists() and events("contactmoment.") == []


@pytest.mark.parametrize(
    ("velden", "veld"),
    [
        ({"soort": "borrel"}, "soort"),
        ({"titel": ""}, "titel"),
        ({"onderwerpen": f"Het dossier van BSN {BSN}"}, "onderwerpen"),
        ({"begint_op": None}, "begint_op"),
        ({"eindigt_op": tijdstip(10, 9)}, "eindigt_op"),
        ({"locatie": "", "online": False}, "locatie"),
        ({"parlement": None}, "parlement"),
    ],
)
def test_bad_planning_is_refused_next_to_the_field(
    wereld: Wereld,
    maak_moment: Callable[..., Contactmoment],
    velden: dict[str, object],
    veld: str,
) -> None:
    door = wereld.bestuur  # may plan whatever the parliament field says
    with pytest.raises(ValidationError) as err:
        maak_moment(door=door, **velden)
    assert veld in err.value.message_dict
    assert not Contactmoment.objects.exists()


def test_an_executor_that_is_not_an_executor_is_refused(
    wereld: Wereld, maak_moment: Callable[..., Contactmoment]
) -> None:
    with pytest.raises(ValidationError) as err:
        maak_moment(uitvoerders=[wereld.ministerie])
    assert "geen uitvoeringsorganisatie" in err.value.message_dict["uitvoerders"][0]


def test_a_moment_cannot_be_held_before_it_starts(
    wereld: Wereld, maak_moment: Callable[..., Contactmoment]
) -> None:
    moment = maak_moment(begint_op=tijdstip(1))
    with pytest.raises(ValidationError, match="nog niet begonnen"):
        services.hold_contactmoment(contactmoment=moment, door=wereld.griffie)
    moment.refresh_from_db()
    assert moment.status == Contactstatus.GEPLAND


def test_held_report_written_and_published_then_frozen(
    wereld: Wereld, maak_moment: Callable[..., Contactmoment]
) -> None:
    moment = maak_moment(begint_op=tijdstip(-2))
    with pytest.raises(ValidationError, match="nadat"):
        services.save_verslag(contactmoment=moment, door=wereld.griffie, verslag="Te vroeg.")
    services.hold_contactmoment(contactmoment=moment, door=wereld.bestuur)
    with pytest.raises(ValidationError, match="Schrijf eerst"):
        services.publish_verslag(contactmoment=moment, door=wereld.griffie)
    with pytest.raises(ValidationError) as err:
        services.save_verslag(
            contactmoment=moment, door=wereld.griffie, verslag=f"Gesproken over BSN {BSN}."
        )
    assert "persoonsgegevens" in err.value.message_dict["verslag"][0]
    services.save_verslag(contactmoment=moment, door=wereld.griffie, verslag="Goed gesprek.")
    services.publish_verslag(contactmoment=moment, door=wereld.beheerder)
    moment.refresh_from_db()
    assert moment.verslag_openbaar and moment.status == Contactstatus.GEHOUDEN
    with pytest.raises(ValidationError, match="al openbaar"):
        services.save_verslag(contactmoment=moment, door=wereld.griffie, verslag="Anders.")
    with pytest.raises(ValidationError, match="al openbaar"):
        services.publish_verslag(contactmoment=moment, door=wereld.griffie)
    with pytest.raises(ValidationError):
        services.cancel_contactmoment(contactmoment=moment, door=wereld.griffie, reden="Toch niet")
    assert events("contactmoment.") == [
        "contactmoment.gepland",
        "contactmoment.gehouden",
        "contactmoment.verslag_opgeslagen",
        "contactmoment.verslag_gepubliceerd",
    ]


def test_cancel_needs_a_reason_and_ends_the_moment(
    wereld: Wereld, maak_moment: Callable[..., Contactmoment]
) -> None:
    moment = maak_moment()
    with pytest.raises(ValidationError) as err:
        services.cancel_contactmoment(contactmoment=moment, door=wereld.griffie, reden=" ")
    assert "reden" in err.value.message_dict
    services.cancel_contactmoment(contactmoment=moment, door=wereld.griffie, reden="Plenair.")
    moment.refresh_from_db()
    assert moment.status == Contactstatus.GEANNULEERD
    with pytest.raises(ValidationError, match="geannuleerd"):
        services.hold_contactmoment(contactmoment=moment, door=wereld.griffie)


@pytest.mark.parametrize("wie", ["kamerlid", "griffie_elders", "bestuur_andere", "behandelaar"])
def test_only_those_who_plan_may_change_it(
    wereld: Wereld, maak_moment: Callable[..., Contactmoment], wie: str
) -> None:
    moment = maak_moment(deelnemers=[wereld.kamerlid, wereld.behandelaar])
    for actie in (
        lambda: services.hold_contactmoment(contactmoment=moment, door=getattr(wereld, wie)),
        lambda: services.cancel_contactmoment(
            contactmoment=moment, door=getattr(wereld, wie), reden="x"
        ),
    ):
        with pytest.raises(PermissionDenied):
            actie()
    moment.refresh_from_db()
    assert moment.status == Contactstatus.GEPLAND


def test_update_keeps_the_editor_in_and_is_only_for_planned_moments(
    wereld: Wereld, maak_moment: Callable[..., Contactmoment]
) -> None:
    moment = maak_moment(door=wereld.bestuur)
    velden: dict[str, Any] = {
        "soort": moment.soort,
        "titel": "Nieuwe titel",
        "begint_op": moment.begint_op,
        "onderwerpen": "Iets anders.",
        "online": True,
    }
    with pytest.raises(ValidationError) as err:
        services.update_contactmoment(
            contactmoment=moment,
            door=wereld.bestuur,
            uitvoerders=[wereld.andere_uitvoerder],
            **velden,
        )
    assert "eigen organisatie" in err.value.message_dict["uitvoerders"][0]
    services.update_contactmoment(
        contactmoment=moment,
        door=wereld.bestuur,
        uitvoerders=[wereld.uitvoerder, wereld.andere_uitvoerder],
        **velden,
    )
    moment.refresh_from_db()
    assert moment.titel == "Nieuwe titel" and moment.uitvoerders.count() == 2
    services.cancel_contactmoment(contactmoment=moment, door=wereld.griffie, reden="Weg.")
    with pytest.raises(ValidationError, match="gepland"):
        services.update_contactmoment(
            contactmoment=moment, door=wereld.griffie, uitvoerders=[wereld.uitvoerder], **velden
        )
    assert events("contactmoment.") == [
        "contactmoment.gepland",
        "contactmoment.gewijzigd",
        "contactmoment.geannuleerd",
    ]
