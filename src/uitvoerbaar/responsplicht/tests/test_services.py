"""The services of the engine: each move with its audit event, and each refusal changing nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.tests.factories import persoon_met_rol
from uitvoerbaar.kennisbank.models import Beginsel
from uitvoerbaar.responsplicht import onderwerpen, services
from uitvoerbaar.responsplicht.constants import (
    Antwoordsoort,
    Controlestatus,
    Handeling,
    OrganisatieBron,
    Status,
)
from uitvoerbaar.responsplicht.models import Melding, Reactie, Reactieverzoek, Verantwoordelijke
from uitvoerbaar.responsplicht.transitions import OngeldigeOvergang

from .conftest import Ongewijzigd, Wereld, events_van
from .factories import SoortFactory

pytestmark = pytest.mark.django_db

MAANDAG = dt.date(2027, 3, 1)
Maak = Callable[..., Reactieverzoek]


@pytest.fixture(autouse=True)
def _maandag() -> Iterator[None]:
    with time_machine.travel(dt.datetime(2027, 3, 1, 10, 0, tzinfo=dt.UTC), tick=False):
        yield


def _leg_uit(verzoek: Reactieverzoek, door: Any, beginsel: Beginsel) -> Reactie:
    return services.answer_leg_uit(
        verzoek=verzoek,
        door=door,
        redenen="De wet laat geen ruimte voor een andere aanpak.",
        beginselen=[beginsel],
        antwoorden=["Wij zien dat en zoeken een regeling.", "Die ruimte is er niet."],
    )


# --- creating ---


def test_create_sets_the_atw_deadline_level_0_audit_and_notifies_the_board(
    wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek()
    # 5 days after Monday 1 March ends on Saturday 6 March: art. 1 Atw moves it to Monday.
    assert verzoek.uiterste_datum == dt.date(2027, 3, 8)
    assert verzoek.status == Status.OPEN and verzoek.niveau == 0
    assert verzoek.volgende_herinnering == dt.date(2027, 3, 6)
    rij = Verantwoordelijke.objects.get(verzoek=verzoek)
    assert (rij.niveau, rij.organisatie, rij.rol) == (0, wereld.uitvoerder, Rol.BESTUUR)
    assert events_van(verzoek) == ["reactieverzoek.aangemaakt"]
    assert set(Melding.objects.values_list("ontvanger__username", flat=True)) == {"bestuur"}
    assert verzoek.kenmerk == f"RV-{verzoek.pk:06d}"


def test_create_may_shorten_the_term_but_never_lengthen_it(maak_verzoek: Maak) -> None:
    assert maak_verzoek(termijn_dagen=2).uiterste_datum == dt.date(2027, 3, 3)
    with pytest.raises(ValidationError) as exc:
        maak_verzoek(termijn_dagen=30)
    assert "alleen korter" in exc.value.message_dict["termijn_dagen"][0]
    assert Reactieverzoek.objects.count() == 1


@pytest.mark.parametrize(
    ("kwargs", "veld", "tekst"),
    [
        ({"vraag": "   "}, "vraag", "Schrijf de vraag op."),
        ({"soort": "bestaat-niet"}, "soort", "Deze soort verzoek bestaat niet."),
        ({"ontvanger_rol": Rol.KAMERLID}, "ontvanger_rol", "bestaat niet in een organisatie"),
        (
            {"onderwerp": services.Onderwerp(type="t", id="1", titel=" ")},
            "onderwerp",
            "over een onderwerp",
        ),
        ({"verzoeker_rol": Rol.GRIFFIE}, "verzoeker_rol", "bestaat niet in een organisatie"),
    ],
)
def test_create_refuses_bad_input_in_dutch_and_creates_nothing(
    maak_verzoek: Maak, kwargs: dict[str, Any], veld: str, tekst: str
) -> None:
    with pytest.raises(ValidationError) as exc:
        maak_verzoek(**kwargs)
    assert tekst in exc.value.message_dict[veld][0]
    assert not Reactieverzoek.objects.exists()
    assert not AuditEvent.objects.filter(event="reactieverzoek.aangemaakt").exists()


def test_create_refuses_a_ladder_that_could_not_escalate(
    wereld: Wereld, maak_verzoek: Maak
) -> None:
    wereld.uitvoerder.eigenaar_ministerie = None
    wereld.uitvoerder.save()
    with pytest.raises(ValidationError) as exc:
        maak_verzoek()
    assert "geen eigenaar-ministerie" in str(exc.value)
    assert not Reactieverzoek.objects.exists()


# --- answering ---


def test_leg_uit_records_reasons_principles_and_replies(
    wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    reactie = _leg_uit(verzoek, wereld.bestuur, beginsel)
    verzoek.refresh_from_db()
    assert verzoek.status == Status.BEANTWOORD
    assert verzoek.volgende_herinnering is None
    assert reactie.soort == Antwoordsoort.LEG_UIT and not reactie.te_laat
    assert list(reactie.beginselen.all()) == [beginsel]
    assert reactie.namens_organisatie == wereld.uitvoerder
    assert events_van(verzoek)[-1] == "reactieverzoek.beantwoorden"
    # The requester hears of it.
    assert Melding.objects.filter(
        ontvanger=wereld.medewerker, tekst__contains="geantwoord"
    ).exists()


def test_leg_uit_without_principle_is_refused_and_changes_nothing(
    wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek()
    voor = Ongewijzigd(verzoek)
    with pytest.raises(ValidationError) as exc:
        services.answer_leg_uit(
            verzoek=verzoek,
            door=wereld.bestuur,
            redenen="Nee.",
            beginselen=[],
            antwoorden=["a", "b"],
        )
    assert "beginsel" in exc.value.message_dict["beginselen"][0]
    voor.check()
    assert not Reactie.objects.exists()


def test_leg_uit_must_reply_to_every_argument(
    wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    voor = Ongewijzigd(verzoek)
    with pytest.raises(ValidationError) as exc:
        services.answer_leg_uit(
            verzoek=verzoek,
            door=wereld.bestuur,
            redenen="Nee.",
            beginselen=[beginsel],
            antwoorden=["Alleen het eerste."],
        )
    assert "nog open: 2" in exc.value.message_dict["antwoorden"][0]
    voor.check()


@pytest.mark.parametrize("wie", ["bestuur_andere", "medewerker", "behandelaar", "top"])
def test_only_the_responsible_may_answer(
    wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel, wie: str
) -> None:
    verzoek = maak_verzoek()
    voor = Ongewijzigd(verzoek)
    with pytest.raises(PermissionDenied):
        _leg_uit(verzoek, getattr(wereld, wie), beginsel)
    voor.check()


def test_pas_toe_plans_a_follow_up_check_at_its_date(wereld: Wereld, maak_verzoek: Maak) -> None:
    verzoek = maak_verzoek()
    reactie = services.answer_pas_toe(
        verzoek=verzoek,
        door=wereld.bestuur,
        maatregel="Wij stoppen de terugvordering onder 50 euro.",
        eigenaar="Directeur Uitvoering",
        datum=dt.date(2027, 4, 1),
    )
    assert reactie.controle.datum == dt.date(2027, 4, 1)
    assert reactie.controle.status == Controlestatus.GEPLAND


@pytest.mark.parametrize(
    ("maatregel", "eigenaar", "datum", "veld"),
    [
        ("", "Directeur", dt.date(2027, 4, 1), "maatregel"),
        ("Stoppen", " ", dt.date(2027, 4, 1), "eigenaar"),
        ("Stoppen", "Directeur", dt.date(2027, 2, 1), "datum"),
    ],
)
def test_pas_toe_refuses_bad_input(
    wereld: Wereld, maak_verzoek: Maak, maatregel: str, eigenaar: str, datum: dt.date, veld: str
) -> None:
    verzoek = maak_verzoek()
    voor = Ongewijzigd(verzoek)
    with pytest.raises(ValidationError) as exc:
        services.answer_pas_toe(
            verzoek=verzoek,
            door=wereld.bestuur,
            maatregel=maatregel,
            eigenaar=eigenaar,
            datum=datum,
        )
    assert veld in exc.value.message_dict
    voor.check()
    assert not Reactie.objects.exists()


def test_a_closed_request_cannot_be_answered(
    wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    _leg_uit(verzoek, wereld.bestuur, beginsel)
    services.accept_answer(verzoek=verzoek, door=wereld.medewerker)
    voor = Ongewijzigd(verzoek)
    with pytest.raises(OngeldigeOvergang) as exc:
        _leg_uit(verzoek, wereld.bestuur, beginsel)
    assert "antwoord aanvaard" in str(exc.value)
    voor.check()


# --- the requester's judgement ---


def test_only_the_requester_judges(wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel) -> None:
    verzoek = maak_verzoek()
    _leg_uit(verzoek, wereld.bestuur, beginsel)
    voor = Ongewijzigd(verzoek)
    for wie in (wereld.bestuur, wereld.bestuur_andere, wereld.behandelaar):
        with pytest.raises(PermissionDenied):
            services.accept_answer(verzoek=verzoek, door=wie)
        with pytest.raises(PermissionDenied):
            services.contest_answer(verzoek=verzoek, door=wie, reden="Te mager.")
    voor.check()


def test_insufficient_escalates_one_level_and_only_once(
    wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    _leg_uit(verzoek, wereld.bestuur, beginsel)
    services.contest_answer(
        verzoek=verzoek, door=wereld.medewerker, reden="U gaat niet in op de schulden."
    )
    verzoek.refresh_from_db()
    assert verzoek.status == Status.GEESCALEERD and verzoek.niveau == 1
    assert verzoek.verantwoordelijke_organisatie == wereld.ministerie
    assert verzoek.verantwoordelijke_rol == Rol.AMBTELIJKE_TOP
    # The level's own term (10 days) from today: Thursday 11 March.
    assert verzoek.uiterste_datum == dt.date(2027, 3, 11)
    assert events_van(verzoek)[-2:] == ["reactieverzoek.betwisten", "reactieverzoek.escaleren"]
    assert Melding.objects.filter(ontvanger=wereld.top).exists()

    # The top answers; a second "insufficient" is refused.
    _leg_uit(verzoek, wereld.top, beginsel)
    voor = Ongewijzigd(verzoek)
    with pytest.raises(ValidationError) as exc:
        services.contest_answer(verzoek=verzoek, door=wereld.medewerker, reden="Nog steeds niet.")
    assert "één keer" in str(exc.value)
    voor.check()
    services.accept_answer(verzoek=verzoek, door=wereld.medewerker)
    verzoek.refresh_from_db()
    assert verzoek.status == Status.GEACCEPTEERD


def test_a_promise_is_not_called_insufficient_but_checked(
    wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek()
    services.answer_pas_toe(
        verzoek=verzoek,
        door=wereld.bestuur,
        maatregel="Stoppen",
        eigenaar="Directeur",
        datum=dt.date(2027, 4, 1),
    )
    with pytest.raises(ValidationError):
        services.contest_answer(verzoek=verzoek, door=wereld.medewerker, reden="Niet genoeg.")


def test_insufficient_needs_a_reason(
    wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    _leg_uit(verzoek, wereld.bestuur, beginsel)
    voor = Ongewijzigd(verzoek)
    with pytest.raises(ValidationError) as exc:
        services.contest_answer(verzoek=verzoek, door=wereld.medewerker, reden=" ")
    assert "reden" in exc.value.message_dict
    voor.check()


def test_earlier_levels_can_still_answer_after_escalation(
    wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    verzoek = maak_verzoek()
    _leg_uit(verzoek, wereld.bestuur, beginsel)
    services.contest_answer(verzoek=verzoek, door=wereld.medewerker, reden="Te mager.")
    reactie = _leg_uit(verzoek, wereld.bestuur, beginsel)
    assert reactie.niveau == 1 and reactie.namens_organisatie == wereld.uitvoerder


# --- the clock ---


def test_suspension_stops_the_clock_and_resumes_with_the_remaining_term(
    wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek()  # deadline Monday 8 March
    services.suspend(verzoek=verzoek, door=wereld.bestuur, reden="Wij wachten op gegevens.")
    verzoek.refresh_from_db()
    assert verzoek.status == Status.OPGESCHORT and verzoek.resterende_dagen == 7
    with time_machine.travel(dt.datetime(2027, 3, 15, 9, 0, tzinfo=dt.UTC), tick=False):
        services.resume(verzoek=verzoek, door=wereld.bestuur)
    verzoek.refresh_from_db()
    # 7 days after Monday 15 March is Monday 22 March.
    assert verzoek.status == Status.OPEN and verzoek.uiterste_datum == dt.date(2027, 3, 22)
    assert events_van(verzoek)[-2:] == ["reactieverzoek.opschorten", "reactieverzoek.hervatten"]


def test_suspension_needs_a_reason_and_the_responsible(wereld: Wereld, maak_verzoek: Maak) -> None:
    verzoek = maak_verzoek()
    voor = Ongewijzigd(verzoek)
    with pytest.raises(ValidationError):
        services.suspend(verzoek=verzoek, door=wereld.bestuur, reden="")
    with pytest.raises(PermissionDenied):
        services.suspend(verzoek=verzoek, door=wereld.medewerker, reden="Ik wil dat.")
    voor.check()


def test_extension_once_within_the_maximum(wereld: Wereld, maak_verzoek: Maak) -> None:
    verzoek = maak_verzoek()
    voor = Ongewijzigd(verzoek)
    with pytest.raises(ValidationError) as exc:
        services.extend(verzoek=verzoek, door=wereld.bestuur, dagen=6, reden="Drukte.")
    assert "1 tot en met 5 dagen" in exc.value.message_dict["dagen"][0]
    voor.check()

    services.extend(verzoek=verzoek, door=wereld.bestuur, dagen=3, reden="Advies van juristen.")
    verzoek.refresh_from_db()
    assert verzoek.uiterste_datum == dt.date(2027, 3, 11) and verzoek.verlengd
    assert verzoek.status == Status.OPEN

    voor = Ongewijzigd(verzoek)
    with pytest.raises(ValidationError) as exc:
        services.extend(verzoek=verzoek, door=wereld.bestuur, dagen=1, reden="Nog even.")
    assert "één keer" in str(exc.value)
    voor.check()


def test_a_kind_without_extension_refuses_it(wereld: Wereld, maak_verzoek: Maak) -> None:
    soort = SoortFactory.create(code="vast", max_verlenging_dagen=0)
    verzoek = maak_verzoek(soort=soort)
    with pytest.raises(ValidationError) as exc:
        services.extend(verzoek=verzoek, door=wereld.bestuur, dagen=1, reden="Drukte.")
    assert "niet worden verlengd" in str(exc.value)


def test_withdraw_by_the_requester_only(wereld: Wereld, maak_verzoek: Maak) -> None:
    verzoek = maak_verzoek()
    with pytest.raises(PermissionDenied):
        services.withdraw(verzoek=verzoek, door=wereld.bestuur, reden="Niet nodig.")
    services.withdraw(verzoek=verzoek, door=wereld.medewerker, reden="Al opgelost.")
    verzoek.refresh_from_db()
    assert verzoek.status == Status.INGETROKKEN


# --- publication and follow-up ---


def test_withholding_needs_a_woo_ground_a_reason_and_the_recipients_board(
    wereld: Wereld, maak_verzoek: Maak
) -> None:
    verzoek = maak_verzoek()
    with pytest.raises(PermissionDenied):
        services.withhold_publication(
            verzoek=verzoek, door=wereld.medewerker, grond="5.1.2.e", toelichting="Privacy."
        )
    with pytest.raises(ValidationError) as exc:
        services.withhold_publication(
            verzoek=verzoek, door=wereld.bestuur, grond="5.9", toelichting="Privacy."
        )
    assert "Wet open overheid" in exc.value.message_dict["grond"][0]
    with pytest.raises(ValidationError):
        services.withhold_publication(
            verzoek=verzoek, door=wereld.bestuur, grond="5.1.2.e", toelichting=""
        )
    verzoek.refresh_from_db()
    assert verzoek.openbaar
    services.withhold_publication(
        verzoek=verzoek, door=wereld.bestuur, grond="5.1.2.e", toelichting="De casus is herkenbaar."
    )
    verzoek.refresh_from_db()
    assert not verzoek.openbaar and verzoek.woo_grond == "5.1.2.e"
    assert events_van(verzoek)[-1] == "reactieverzoek.openbaarmaking_geweigerd"


def test_follow_up_check_only_from_its_date(wereld: Wereld, maak_verzoek: Maak) -> None:
    verzoek = maak_verzoek()
    reactie = services.answer_pas_toe(
        verzoek=verzoek,
        door=wereld.bestuur,
        maatregel="Stoppen",
        eigenaar="Directeur",
        datum=dt.date(2027, 4, 1),
    )
    with pytest.raises(ValidationError) as exc:
        services.record_controle(controle=reactie.controle, door=wereld.medewerker, uitgevoerd=True)
    assert "vanaf die datum" in str(exc.value)
    with time_machine.travel(dt.datetime(2027, 4, 2, 9, 0, tzinfo=dt.UTC), tick=False):
        with pytest.raises(ValidationError):
            services.record_controle(
                controle=reactie.controle, door=wereld.medewerker, uitgevoerd=False
            )
        with pytest.raises(PermissionDenied):
            services.record_controle(
                controle=reactie.controle, door=wereld.bestuur_andere, uitgevoerd=True
            )
        controle = services.record_controle(
            controle=reactie.controle, door=wereld.medewerker, uitgevoerd=True
        )
    assert controle.status == Controlestatus.UITGEVOERD
    assert events_van(verzoek)[-1] == "reactieverzoek.controle_vastgesteld"


# --- who may see it, and subjects ---


def test_who_may_see_follows_the_levels_reached(
    wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    from uitvoerbaar.core import policy

    verzoek = maak_verzoek()
    zien = {
        naam: policy.allows(getattr(wereld, naam), "reactieverzoek.bekijken", verzoek)
        for naam in ("medewerker", "bestuur", "top", "bestuur_andere", "behandelaar")
    }
    assert zien == {
        "medewerker": True,
        "bestuur": True,
        "top": False,
        "bestuur_andere": False,
        "behandelaar": False,
    }
    _leg_uit(verzoek, wereld.bestuur, beginsel)
    services.contest_answer(verzoek=verzoek, door=wereld.medewerker, reden="Te mager.")
    verzoek = Reactieverzoek.objects.get(pk=verzoek.pk)
    assert policy.allows(wereld.top, "reactieverzoek.bekijken", verzoek)
    assert policy.allows(wereld.top, "reactieverzoek.beantwoorden", verzoek)
    assert not policy.allows(wereld.bestuur_andere, "reactieverzoek.bekijken", verzoek)


def test_a_committee_asks_as_a_role(wereld: Wereld, maak_verzoek: Maak) -> None:
    from uitvoerbaar.core import policy
    from uitvoerbaar.core.constants import OrganisatieSoort
    from uitvoerbaar.core.tests.factories import OrganisatieFactory

    kamer = OrganisatieFactory.create(slug="kamer", soort=OrganisatieSoort.PARLEMENT)
    griffier = persoon_met_rol(Rol.GRIFFIE, kamer, username="griffier")
    collega = persoon_met_rol(Rol.GRIFFIE, kamer, username="collega")
    verzoek = maak_verzoek(door=griffier, verzoeker_organisatie=kamer, verzoeker_rol=Rol.GRIFFIE)
    assert policy.allows(collega, "reactieverzoek.beoordelen", verzoek)
    assert not policy.allows(wereld.medewerker, "reactieverzoek.beoordelen", verzoek)


def test_the_subject_follows_each_move_inside_the_transaction(
    wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    gezien: list[tuple[int, str, str]] = []

    def volger(verzoek: Reactieverzoek, handeling: Handeling) -> None:
        gezien.append((verzoek.pk, handeling.value, verzoek.status))

    onderwerpen.registreer("test.casus", volger)
    try:
        verzoek = maak_verzoek()
        _leg_uit(verzoek, wereld.bestuur, beginsel)
        services.accept_answer(verzoek=verzoek, door=wereld.medewerker)
    finally:
        onderwerpen.afmelden("test.casus")
    assert gezien == [
        (verzoek.pk, "beantwoorden", "beantwoord"),
        (verzoek.pk, "accepteren", "geaccepteerd"),
    ]


def test_a_failing_subject_undoes_the_move(
    wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel
) -> None:
    def weigert(verzoek: Reactieverzoek, handeling: Handeling) -> None:
        raise ValidationError("Het onderwerp kan dit niet volgen.")

    verzoek = maak_verzoek()
    voor = Ongewijzigd(verzoek)
    onderwerpen.registreer("test.casus", weigert)
    try:
        with pytest.raises(ValidationError):
            _leg_uit(verzoek, wereld.bestuur, beginsel)
    finally:
        onderwerpen.afmelden("test.casus")
    voor.check()
    assert not Reactie.objects.exists()


def test_fixed_organisation_level(wereld: Wereld, maak_verzoek: Maak, beginsel: Beginsel) -> None:
    from uitvoerbaar.core.constants import OrganisatieSoort
    from uitvoerbaar.core.tests.factories import OrganisatieFactory
    from uitvoerbaar.responsplicht.models import Escalatieniveau

    kamer = OrganisatieFactory.create(slug="kamer", soort=OrganisatieSoort.PARLEMENT)
    soort = SoortFactory.create(code="met-kamer", niveaus=[])
    Escalatieniveau.objects.create(
        soort=soort,
        volgorde=1,
        naam="Kamercommissie",
        organisatie_bron=OrganisatieBron.VASTE_ORGANISATIE,
        vaste_organisatie=kamer,
        rol=Rol.GRIFFIE,
        termijn_aantal=7,
        termijn_eenheid="dagen",
    )
    verzoek = maak_verzoek(soort=soort)
    _leg_uit(verzoek, wereld.bestuur, beginsel)
    services.contest_answer(verzoek=verzoek, door=wereld.medewerker, reden="Te mager.")
    verzoek.refresh_from_db()
    assert verzoek.verantwoordelijke_organisatie == kamer
