"""The services of beleid: proposals through their steps with the involvement gate (M1),
toetsen with their conditions answered on the engine (U1), promises flagged (P1),
assignments handed back and followed to their outcome (P4). Each refusal changes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from uitvoerbaar.core.constants import Rol
from uitvoerbaar.responsplicht import services as rp
from uitvoerbaar.responsplicht.constants import Status
from uitvoerbaar.responsplicht.models import Reactieverzoek
from uitvoerbaar.responsplicht.sweep import process_deadlines

from .. import selectors, services
from ..constants import (
    STANDAARD_STAPPEN,
    Betrokkenheidstatus,
    Haalbaarheid,
    Opdrachtstatus,
    Stapstatus,
    Teruggavereden,
    Teruggaveuitkomst,
    Toetsoordeel,
    Toetsstatus,
    Voorwaardeantwoord,
)
from ..models import Beleidsvoorstel, Betrokkenheid, Opdracht, Teruggave, Uitvoeringstoets
from .conftest import Wereld, events

# --- proposals and the involvement gate ------------------------------------------------------


def test_a_new_proposal_has_the_default_steps_and_starts_at_the_first(
    wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    voorstel = maak_voorstel()
    stappen = list(voorstel.stappen.order_by("volgorde"))
    assert [(s.naam, s.sleutelstap) for s in stappen] == list(STANDAARD_STAPPEN)
    assert [s.status for s in stappen] == [Stapstatus.ACTIEF] + [Stapstatus.GEPLAND] * 7
    # Verkenning is not a key step: nobody is asked yet.
    assert not Reactieverzoek.objects.exists()
    # Every key step names both organisations concerned.
    sleutel = [s for s in stappen if s.sleutelstap]
    assert all(
        set(s.betrokkenen.values_list("organisatie__slug", flat=True)) == {"tu", "testdorp"}
        for s in sleutel
    )
    assert events("beleidsvoorstel.") == [
        "beleidsvoorstel.aangemaakt",
        "beleidsvoorstel.stap_gestart",
    ]


def test_configurable_steps_with_a_key_step_first_ask_for_input_at_once(
    wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    voorstel = maak_voorstel(stappen=[("Schets", True), ("Besluit", False)])
    verzoeken = Reactieverzoek.objects.filter(soort__code="betrokkenheid-besluitstap")
    assert {(v.ontvanger_organisatie.slug, v.ontvanger_rol) for v in verzoeken} == {
        ("tu", Rol.BEHANDELAAR),
        ("testdorp", Rol.BEHANDELAAR),
    }
    assert all(v.verzoeker_organisatie == wereld.ministerie for v in verzoeken)
    assert voorstel.stappen.get(naam="Schets").status == Stapstatus.ACTIEF


def _naar_probleemanalyse(voorstel: Beleidsvoorstel, wereld: Wereld) -> None:
    services.advance_stap(voorstel=voorstel, door=wereld.beleidsmaker)


def test_a_key_step_does_not_advance_without_input_and_nothing_changes(
    wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    voorstel = maak_voorstel()
    _naar_probleemanalyse(voorstel, wereld)
    assert Reactieverzoek.objects.filter(soort__code="betrokkenheid-besluitstap").count() == 2
    voor = events("beleidsvoorstel.")
    with pytest.raises(ValidationError) as err:
        services.advance_stap(voorstel=voorstel, door=wereld.beleidsmaker)
    assert "Testuitvoering" in str(err.value) and "Gemeente Testdorp" in str(err.value)
    assert services.huidige_stap(voorstel).naam == "Probleemanalyse"  # type: ignore[union-attr]
    assert events("beleidsvoorstel.") == voor


def test_input_on_the_engine_or_a_published_explanation_opens_the_gate(
    wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    voorstel = maak_voorstel()
    _naar_probleemanalyse(voorstel, wereld)
    stap = services.huidige_stap(voorstel)
    assert stap is not None
    van_uitvoerder = stap.betrokkenen.get(organisatie=wereld.uitvoerder)
    assert van_uitvoerder.verzoek is not None
    # The executor answers the request on the engine: that is its input.
    rp.answer_pas_toe(
        verzoek=van_uitvoerder.verzoek,
        door=wereld.behandelaar,
        maatregel="Wij kunnen variant B aan als de gegevens per week komen.",
        eigenaar="Team Kwaliteit",
        datum=rp.vandaag(),
    )
    van_uitvoerder.refresh_from_db()
    assert van_uitvoerder.status == Betrokkenheidstatus.ONTVANGEN
    assert van_uitvoerder.inbreng_op == rp.vandaag()
    # Still one missing: the municipality.
    with pytest.raises(ValidationError):
        services.advance_stap(voorstel=voorstel, door=wereld.beleidsmaker)
    van_gemeente = stap.betrokkenen.get(organisatie=wereld.gemeente)
    services.explain_zonder_inbreng(
        betrokkenheid=van_gemeente,
        door=wereld.beleidsmaker,
        uitleg="De gemeente reageerde niet; hun inbreng telt bij de beleidsopties.",
    )
    volgende = services.advance_stap(voorstel=voorstel, door=wereld.beleidsmaker)
    assert volgende is not None and volgende.naam == "Beleidsopties"
    assert "betrokkenheid.inbreng_ontvangen" in events("betrokkenheid.")
    assert "betrokkenheid.zonder_inbreng" in events("betrokkenheid.")


def test_late_input_after_an_explanation_is_still_recorded(
    wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    voorstel = maak_voorstel()
    _naar_probleemanalyse(voorstel, wereld)
    b = Betrokkenheid.objects.get(
        stap__voorstel=voorstel, stap__status="actief", organisatie=wereld.gemeente
    )
    services.explain_zonder_inbreng(betrokkenheid=b, door=wereld.beleidsmaker, uitleg="Haast.")
    assert b.verzoek is not None
    rp.answer_pas_toe(
        verzoek=b.verzoek,
        door=wereld.behandelaar_gemeente,
        maatregel="Toch nog onze inbreng.",
        eigenaar="Team Werk",
        datum=rp.vandaag(),
    )
    b.refresh_from_db()
    assert b.status == Betrokkenheidstatus.ONTVANGEN
    assert b.uitleg == "Haast."  # the explanation stays published


@pytest.mark.parametrize("wie", ["behandelaar", "beleidsmaker_elders", "top"])
def test_only_the_owning_ministrys_policy_officers_explain_or_advance(
    wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel], wie: str
) -> None:
    voorstel = maak_voorstel()
    _naar_probleemanalyse(voorstel, wereld)
    b = Betrokkenheid.objects.filter(stap__voorstel=voorstel, stap__status="actief").first()
    assert b is not None
    door = getattr(wereld, wie)
    with pytest.raises(PermissionDenied):
        services.explain_zonder_inbreng(betrokkenheid=b, door=door, uitleg="Omdat.")
    with pytest.raises(PermissionDenied):
        services.advance_stap(voorstel=voorstel, door=door)
    b.refresh_from_db()
    assert b.status == Betrokkenheidstatus.GEVRAAGD and b.uitleg == ""


def test_an_explanation_needs_text_and_only_where_input_is_missing(
    wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    voorstel = maak_voorstel()
    _naar_probleemanalyse(voorstel, wereld)
    b = Betrokkenheid.objects.get(
        stap__voorstel=voorstel, stap__status="actief", organisatie=wereld.uitvoerder
    )
    with pytest.raises(ValidationError) as err:
        services.explain_zonder_inbreng(betrokkenheid=b, door=wereld.beleidsmaker, uitleg="  ")
    assert "uitleg" in err.value.message_dict
    services.explain_zonder_inbreng(betrokkenheid=b, door=wereld.beleidsmaker, uitleg="Reden.")
    with pytest.raises(ValidationError):
        services.explain_zonder_inbreng(
            betrokkenheid=b, door=wereld.beleidsmaker, uitleg="Nog eens."
        )
    # A planned step cannot be explained away in advance.
    gepland = Betrokkenheid.objects.filter(stap__voorstel=voorstel, stap__status="gepland").first()
    assert gepland is not None
    with pytest.raises(ValidationError):
        services.explain_zonder_inbreng(betrokkenheid=gepland, door=wereld.beleidsmaker, uitleg="X")


def test_an_expired_request_escalates_to_the_executors_board_and_the_gate_stays_shut(
    wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    voorstel = maak_voorstel()
    _naar_probleemanalyse(voorstel, wereld)
    b = Betrokkenheid.objects.get(
        stap__voorstel=voorstel, stap__status="actief", organisatie=wereld.uitvoerder
    )
    assert b.verzoek is not None
    process_deadlines(vandaag=b.verzoek.uiterste_datum + dt.timedelta(days=1))
    b.verzoek.refresh_from_db()
    assert b.verzoek.status == Status.GEESCALEERD
    assert b.verzoek.verantwoordelijke_rol == Rol.BESTUUR
    with pytest.raises(ValidationError):
        services.advance_stap(voorstel=voorstel, door=wereld.beleidsmaker)


def test_creating_a_proposal_refuses_bad_input_and_other_ministries(wereld: Wereld) -> None:
    basis: dict[str, Any] = {
        "door": wereld.beleidsmaker,
        "ministerie": wereld.ministerie,
        "titel": "Titel",
        "samenvatting": "Samenvatting",
        "betrokken": [wereld.uitvoerder],
    }
    with pytest.raises(PermissionDenied):
        services.create_voorstel(**{**basis, "door": wereld.beleidsmaker_elders})
    with pytest.raises(PermissionDenied):
        services.create_voorstel(**{**basis, "door": wereld.bestuur})
    with pytest.raises(ValidationError) as err:
        services.create_voorstel(**{**basis, "titel": "", "betrokken": [wereld.ander_ministerie]})
    assert set(err.value.message_dict) == {"titel", "betrokken"}
    with pytest.raises(ValidationError) as err:
        services.create_voorstel(**{**basis, "betrokken": []})
    assert "betrokken" in err.value.message_dict
    with pytest.raises(ValidationError) as err:
        services.create_voorstel(**{**basis, "stappen": [("A", True), ("A", False)]})
    assert "stappen" in err.value.message_dict
    assert not Beleidsvoorstel.objects.exists()
    assert events("beleidsvoorstel.") == []


def test_a_planned_step_can_be_configured_but_not_a_started_one(
    wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    voorstel = maak_voorstel()
    consultatie = voorstel.stappen.get(naam="Consultatie")
    services.configure_stap(
        stap=consultatie, door=wereld.beleidsmaker, sleutelstap=True, organisaties=[wereld.gemeente]
    )
    consultatie.refresh_from_db()
    assert consultatie.sleutelstap
    assert list(consultatie.betrokkenen.values_list("organisatie__slug", flat=True)) == ["testdorp"]
    with pytest.raises(ValidationError):
        services.configure_stap(
            stap=consultatie,
            door=wereld.beleidsmaker,
            sleutelstap=True,
            organisaties=[wereld.andere_uitvoerder],
        )
    with pytest.raises(ValidationError):
        services.configure_stap(
            stap=voorstel.stappen.get(naam="Verkenning"),
            door=wereld.beleidsmaker,
            sleutelstap=True,
            organisaties=[wereld.uitvoerder],
        )


def test_a_proposal_walks_all_steps_to_the_end(
    wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    voorstel = maak_voorstel()
    for _i in range(len(STANDAARD_STAPPEN)):
        stap = services.huidige_stap(voorstel)
        assert stap is not None
        for b in services.ontbrekende_inbreng(stap):
            services.explain_zonder_inbreng(
                betrokkenheid=b, door=wereld.beleidsmaker, uitleg="Test."
            )
        services.advance_stap(voorstel=voorstel, door=wereld.beleidsmaker)
    voorstel.refresh_from_db()
    assert voorstel.status == "afgerond"
    with pytest.raises(ValidationError):
        services.advance_stap(voorstel=voorstel, door=wereld.beleidsmaker)


# --- toetsen, conditions and promises ----------------------------------------------------------


def test_a_published_toets_asks_the_ministry_to_answer_each_condition(
    wereld: Wereld,
    maak_voorstel: Callable[..., Beleidsvoorstel],
    maak_toets: Callable[..., Uitvoeringstoets],
) -> None:
    voorstel = maak_voorstel()
    toets = maak_toets(voorstel, voorwaarden=["Invoering op 1 juli 2027.", "Geld voor ICT."])
    assert toets.status == Toetsstatus.GEPUBLICEERD
    voorwaarden = list(toets.voorwaarden.select_related("verzoek"))
    assert [v.verzoek.soort.code for v in voorwaarden] == ["toetsvoorwaarde"] * 2  # type: ignore[union-attr]
    assert all(
        v.verzoek.ontvanger_organisatie == wereld.ministerie  # type: ignore[union-attr]
        and v.verzoek.ontvanger_rol == Rol.BELEIDSMAKER  # type: ignore[union-attr]
        for v in voorwaarden
    )
    eerste, tweede = voorwaarden
    rp.answer_leg_uit(
        verzoek=eerste.verzoek,  # type: ignore[arg-type]
        door=wereld.beleidsmaker,
        redenen="De wet vraagt 1 januari; een half jaar later kost de burger meer.",
        beginselen=[wereld.beginsel],
    )
    rp.answer_pas_toe(
        verzoek=tweede.verzoek,  # type: ignore[arg-type]
        door=wereld.beleidsmaker,
        maatregel="Twee miljoen in de begroting.",
        eigenaar="Directie Testbeleid",
        datum=rp.vandaag(),
    )
    eerste.refresh_from_db()
    tweede.refresh_from_db()
    assert eerste.antwoord == Voorwaardeantwoord.LEG_UIT
    assert tweede.antwoord == Voorwaardeantwoord.PAS_TOE
    # The executor calls the explanation insufficient: open again, at the ambtelijke top.
    assert eerste.verzoek is not None
    rp.contest_answer(
        verzoek=eerste.verzoek, door=wereld.bestuur, reden="Geen antwoord op de kosten."
    )
    eerste.refresh_from_db()
    assert eerste.antwoord == Voorwaardeantwoord.OPEN
    assert eerste.verzoek.verantwoordelijke_rol == Rol.AMBTELIJKE_TOP


def test_publishing_an_incomplete_toets_is_refused_and_nothing_is_asked(
    wereld: Wereld,
    maak_voorstel: Callable[..., Beleidsvoorstel],
    maak_toets: Callable[..., Uitvoeringstoets],
) -> None:
    voorstel = maak_voorstel()
    services.add_belofte(
        voorstel=voorstel, door=wereld.beleidsmaker, soort="wel", tekst="Besluit in 4 weken."
    )
    toets = maak_toets(
        voorstel,
        publiceren=False,
        velden={
            "doenvermogen": "",
            "oordeel": Toetsoordeel.ONDER_VOORWAARDEN,
            "vroegst_haalbare_datum": None,
        },
        voorwaarden=[],
        bevindingen={},
    )
    with pytest.raises(ValidationError) as err:
        services.publish_toets(toets=toets, door=wereld.behandelaar)
    fouten = err.value.message_dict
    belofte = voorstel.beloften.get()
    assert {
        "doenvermogen",
        "voorwaarden",
        "vroegst_haalbare_datum",
        f"bevinding_{belofte.pk}",
    } <= set(fouten)
    toets.refresh_from_db()
    assert toets.status == Toetsstatus.CONCEPT
    assert not Reactieverzoek.objects.filter(soort__code="toetsvoorwaarde").exists()
    assert "uitvoeringstoets.gepubliceerd" not in events("uitvoeringstoets.")


def test_an_earliest_date_before_the_planned_date_is_refused(
    wereld: Wereld,
    maak_voorstel: Callable[..., Beleidsvoorstel],
    maak_toets: Callable[..., Uitvoeringstoets],
) -> None:
    voorstel = maak_voorstel()
    toets = maak_toets(
        voorstel, publiceren=False, velden={"vroegst_haalbare_datum": dt.date(2026, 6, 1)}
    )
    with pytest.raises(ValidationError) as err:
        services.publish_toets(toets=toets, door=wereld.behandelaar)
    assert "vroegst_haalbare_datum" in err.value.message_dict


def test_a_verdict_uitvoerbaar_with_conditions_is_refused(
    wereld: Wereld,
    maak_voorstel: Callable[..., Beleidsvoorstel],
    maak_toets: Callable[..., Uitvoeringstoets],
) -> None:
    voorstel = maak_voorstel()
    toets = maak_toets(voorstel, publiceren=False, velden={"oordeel": Toetsoordeel.UITVOERBAAR})
    with pytest.raises(ValidationError) as err:
        services.publish_toets(toets=toets, door=wereld.behandelaar)
    assert "voorwaarden" in err.value.message_dict


@pytest.mark.parametrize("wie", ["bestuur_andere", "medewerker", "beleidsmaker"])
def test_an_executor_writes_only_its_own_toets(
    wereld: Wereld,
    maak_voorstel: Callable[..., Beleidsvoorstel],
    maak_toets: Callable[..., Uitvoeringstoets],
    wie: str,
) -> None:
    voorstel = maak_voorstel()
    with pytest.raises(PermissionDenied):
        maak_toets(voorstel, door=getattr(wereld, wie), publiceren=False)
    assert not Uitvoeringstoets.objects.exists()
    concept = maak_toets(voorstel, publiceren=False)
    with pytest.raises(PermissionDenied):
        services.publish_toets(toets=concept, door=getattr(wereld, wie))


def test_an_organisation_not_involved_cannot_write_a_toets(
    wereld: Wereld,
    maak_voorstel: Callable[..., Beleidsvoorstel],
    maak_toets: Callable[..., Uitvoeringstoets],
) -> None:
    voorstel = maak_voorstel()
    with pytest.raises(ValidationError):
        maak_toets(voorstel, door=wereld.bestuur_andere, organisatie=wereld.andere_uitvoerder)
    assert not Uitvoeringstoets.objects.exists()


def test_a_published_toets_does_not_change(
    wereld: Wereld,
    maak_voorstel: Callable[..., Beleidsvoorstel],
    maak_toets: Callable[..., Uitvoeringstoets],
) -> None:
    voorstel = maak_voorstel()
    maak_toets(voorstel)
    with pytest.raises(ValidationError):
        maak_toets(voorstel, velden={"oordeel": Toetsoordeel.UITVOERBAAR}, voorwaarden=[])
    with pytest.raises(ValidationError):
        services.publish_toets(toets=Uitvoeringstoets.objects.get(), door=wereld.behandelaar)
    assert Uitvoeringstoets.objects.get().oordeel == Toetsoordeel.ONDER_VOORWAARDEN


def test_a_promise_the_executor_calls_not_feasible_is_flagged_once_published(
    wereld: Wereld,
    maak_voorstel: Callable[..., Beleidsvoorstel],
    maak_toets: Callable[..., Uitvoeringstoets],
) -> None:
    voorstel = maak_voorstel()
    b1 = services.add_belofte(
        voorstel=voorstel, door=wereld.beleidsmaker, soort="wel", tekst="Besluit in 4 weken."
    )
    b2 = services.add_belofte(
        voorstel=voorstel,
        door=wereld.beleidsmaker,
        soort="niet",
        tekst="Geen toeslag boven de grens.",
    )
    toets = maak_toets(
        voorstel,
        publiceren=False,
        bevindingen={
            b1.pk: (
                Haalbaarheid.NIET_HAALBAAR,
                "Wij doen nu gemiddeld tien weken over een besluit.",
            ),
            b2.pk: (Haalbaarheid.HAALBAAR, ""),
        },
    )
    # A draft flags nothing.
    assert [b.vlag for b in selectors.beloften_met_vlag(voorstel=voorstel)] == [False, False]
    services.publish_toets(toets=toets, door=wereld.behandelaar)
    assert [b.vlag for b in selectors.beloften_met_vlag(voorstel=voorstel)] == [True, False]
    assert selectors.voorstellen().get(pk=voorstel.pk).niet_haalbaar == 1  # type: ignore[attr-defined]


def test_a_finding_other_than_feasible_needs_an_explanation(
    wereld: Wereld,
    maak_voorstel: Callable[..., Beleidsvoorstel],
    maak_toets: Callable[..., Uitvoeringstoets],
) -> None:
    voorstel = maak_voorstel()
    b = services.add_belofte(voorstel=voorstel, door=wereld.beleidsmaker, soort="wel", tekst="X.")
    with pytest.raises(ValidationError) as err:
        maak_toets(voorstel, bevindingen={b.pk: (Haalbaarheid.NIET_HAALBAAR, "")})
    assert f"bevinding_{b.pk}_toelichting" in err.value.message_dict


def test_promises_and_documents_only_by_the_owning_ministry(
    wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    voorstel = maak_voorstel()
    with pytest.raises(PermissionDenied):
        services.add_belofte(voorstel=voorstel, door=wereld.bestuur, soort="wel", tekst="X.")
    with pytest.raises(PermissionDenied):
        services.add_bijlage(
            voorstel=voorstel, door=wereld.beleidsmaker_elders, titel="X", url="https://x.nl"
        )
    with pytest.raises(ValidationError) as err:
        services.add_belofte(
            voorstel=voorstel, door=wereld.beleidsmaker, soort="misschien", tekst=""
        )
    assert set(err.value.message_dict) == {"soort", "tekst"}
    with pytest.raises(ValidationError) as err:
        services.add_bijlage(
            voorstel=voorstel, door=wereld.beleidsmaker, titel="Nota", url="javascript:alert(1)"
        )
    assert "url" in err.value.message_dict
    assert not voorstel.beloften.exists() and not voorstel.bijlagen.exists()


# --- assignments and their return --------------------------------------------------------------


def _teruggeven(opdracht: Opdracht, wereld: Wereld, **kw: Any) -> Teruggave:
    velden: dict[str, Any] = {
        "opdracht": opdracht,
        "door": wereld.bestuur,
        "reden": Teruggavereden.STRIJDIG,
        "toelichting": "Burgers met kleine fouten verliezen hun hele uitkering.",
        "beginselen": [wereld.beginsel],
    }
    velden.update(kw)
    return services.return_opdracht(**velden)


def test_handing_back_suspends_the_assignment_and_asks_the_ambtelijke_top(
    wereld: Wereld, maak_opdracht: Callable[..., Opdracht]
) -> None:
    opdracht = maak_opdracht()
    teruggave = _teruggeven(opdracht, wereld)
    opdracht.refresh_from_db()
    assert opdracht.status == Opdrachtstatus.OPGESCHORT
    verzoek = teruggave.verzoek
    assert verzoek.soort.code == "teruggave-opdracht"
    assert (verzoek.ontvanger_organisatie, verzoek.ontvanger_rol) == (
        wereld.ministerie,
        Rol.AMBTELIJKE_TOP,
    )
    assert verzoek.argumenten == ["Burgers met kleine fouten verliezen hun hele uitkering."]
    # Four weeks (Algemene termijnenwet may move the end to a working day).
    assert 28 <= (verzoek.uiterste_datum - verzoek.gestart_op).days <= 31


def test_pas_toe_changes_the_assignment_and_it_runs_again(
    wereld: Wereld, maak_opdracht: Callable[..., Opdracht]
) -> None:
    opdracht = maak_opdracht()
    teruggave = _teruggeven(opdracht, wereld)
    rp.answer_pas_toe(
        verzoek=teruggave.verzoek,
        door=wereld.top,
        maatregel="Een kleine fout leidt niet meer tot verlies van de hele uitkering.",
        eigenaar="Directie Testbeleid",
        datum=rp.vandaag(),
    )
    teruggave.refresh_from_db()
    opdracht.refresh_from_db()
    assert teruggave.uitkomst == Teruggaveuitkomst.GEWIJZIGD
    assert "kleine fout" in teruggave.wijziging
    assert opdracht.status == Opdrachtstatus.ACTIEF


def test_leg_uit_maintains_it_and_called_insufficient_it_is_suspended_again(
    wereld: Wereld, maak_opdracht: Callable[..., Opdracht]
) -> None:
    opdracht = maak_opdracht()
    teruggave = _teruggeven(opdracht, wereld)
    rp.answer_leg_uit(
        verzoek=teruggave.verzoek,
        door=wereld.top,
        redenen="De wet laat geen ruimte; een wetswijziging volgt.",
        beginselen=[wereld.beginsel],
        antwoorden=["Wij zoeken met u naar maatwerk in de tussentijd."],
    )
    teruggave.refresh_from_db()
    opdracht.refresh_from_db()
    assert (teruggave.uitkomst, opdracht.status) == (
        Teruggaveuitkomst.GEHANDHAAFD,
        Opdrachtstatus.ACTIEF,
    )
    rp.contest_answer(
        verzoek=teruggave.verzoek, door=wereld.bestuur, reden="Maatwerk kan niet in ons systeem."
    )
    teruggave.refresh_from_db()
    opdracht.refresh_from_db()
    assert (teruggave.uitkomst, opdracht.status) == (
        Teruggaveuitkomst.LOPEND,
        Opdrachtstatus.OPGESCHORT,
    )
    teruggave.verzoek.refresh_from_db()
    assert teruggave.verzoek.verantwoordelijke_rol == Rol.BEWINDSPERSOON
    assert teruggave.verzoek.status == Status.GEESCALEERD


def test_withdrawing_the_return_lets_the_assignment_run(
    wereld: Wereld, maak_opdracht: Callable[..., Opdracht]
) -> None:
    opdracht = maak_opdracht()
    teruggave = _teruggeven(opdracht, wereld)
    rp.withdraw(verzoek=teruggave.verzoek, door=wereld.bestuur, reden="Opgelost in overleg.")
    teruggave.refresh_from_db()
    opdracht.refresh_from_db()
    assert (teruggave.uitkomst, opdracht.status) == (
        Teruggaveuitkomst.INGETROKKEN,
        Opdrachtstatus.ACTIEF,
    )


@pytest.mark.parametrize("wie", ["beleidsmaker", "behandelaar", "bestuur_andere", "top"])
def test_only_the_executors_board_hands_back(
    wereld: Wereld, maak_opdracht: Callable[..., Opdracht], wie: str
) -> None:
    opdracht = maak_opdracht()
    with pytest.raises(PermissionDenied):
        _teruggeven(opdracht, wereld, door=getattr(wereld, wie))
    opdracht.refresh_from_db()
    assert opdracht.status == Opdrachtstatus.ACTIEF
    assert not Teruggave.objects.exists()


def test_a_return_needs_reason_text_and_principles_and_only_once_at_a_time(
    wereld: Wereld, maak_opdracht: Callable[..., Opdracht]
) -> None:
    opdracht = maak_opdracht()
    with pytest.raises(ValidationError) as err:
        _teruggeven(opdracht, wereld, reden="zomaar", toelichting="", beginselen=[])
    assert {"reden", "toelichting"} <= set(err.value.message_dict)
    with pytest.raises(ValidationError) as err:
        _teruggeven(opdracht, wereld, beginselen=[])
    assert "beginselen" in err.value.message_dict
    assert not Teruggave.objects.exists() and not Reactieverzoek.objects.exists()
    _teruggeven(opdracht, wereld, reden=Teruggavereden.MIDDELEN, beginselen=[])
    with pytest.raises(ValidationError):
        _teruggeven(opdracht, wereld)
    assert Teruggave.objects.count() == 1


def test_assignments_are_made_and_changed_only_by_the_ministry(
    wereld: Wereld, maak_opdracht: Callable[..., Opdracht]
) -> None:
    with pytest.raises(PermissionDenied):
        maak_opdracht(door=wereld.bestuur)
    with pytest.raises(ValidationError) as err:
        maak_opdracht(
            deadline=rp.vandaag() - dt.timedelta(days=1), uitvoerder=wereld.ander_ministerie
        )
    assert {"deadline", "uitvoerder"} <= set(err.value.message_dict)
    opdracht = maak_opdracht()
    with pytest.raises(PermissionDenied):
        services.update_opdracht(opdracht=opdracht, door=wereld.bestuur, budget=2)
    with pytest.raises(PermissionDenied):
        services.update_opdracht(opdracht=opdracht, door=wereld.beleidsmaker_elders, budget=2)
    services.update_opdracht(opdracht=opdracht, door=wereld.beleidsmaker, budget=2_500_000)
    opdracht.refresh_from_db()
    assert opdracht.budget == 2_500_000
    assert events("opdracht.") == ["opdracht.aangemaakt", "opdracht.gewijzigd"]


# --- track record ------------------------------------------------------------------------------


def test_the_track_record_counts_per_policy_team(
    wereld: Wereld,
    maak_voorstel: Callable[..., Beleidsvoorstel],
    maak_toets: Callable[..., Uitvoeringstoets],
    maak_opdracht: Callable[..., Opdracht],
) -> None:
    voorstel = maak_voorstel()
    toets = maak_toets(voorstel, velden={"oordeel": Toetsoordeel.NIET_UITVOERBAAR})
    v = toets.voorwaarden.get()
    assert v.verzoek is not None
    rp.answer_leg_uit(
        verzoek=v.verzoek, door=wereld.beleidsmaker, redenen="Nee.", beginselen=[wereld.beginsel]
    )
    _teruggeven(maak_opdracht(), wereld)
    maak_voorstel(beleidsteam=None)  # without a team: not counted
    [record] = selectors.trackrecord()
    assert record.team == wereld.team
    assert record.voorstellen == 1
    assert record.oordelen[Toetsoordeel.NIET_UITVOERBAAR] == 1 and record.toetsen == 1
    assert record.voorwaarden[Voorwaardeantwoord.LEG_UIT] == 1
    assert record.opdrachten == 1
    assert record.teruggaven[Teruggaveuitkomst.LOPEND] == 1
    # Verkenning asks nobody; the planned key steps have not asked yet either.
    assert record.aantal_inbreng == 0
    services.advance_stap(voorstel=voorstel, door=wereld.beleidsmaker)
    b = services.ontbrekende_inbreng(services.huidige_stap(voorstel))  # type: ignore[arg-type]
    services.explain_zonder_inbreng(betrokkenheid=b[0], door=wereld.beleidsmaker, uitleg="X.")
    [record] = selectors.trackrecord()
    assert record.inbreng == {
        Betrokkenheidstatus.GEVRAAGD: 1,
        Betrokkenheidstatus.ONTVANGEN: 0,
        Betrokkenheidstatus.ZONDER: 1,
    }


def test_an_organisation_involved_later_is_asked_at_once_when_the_step_is_key(
    wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    voorstel = maak_voorstel(betrokken=[wereld.uitvoerder])
    services.advance_stap(voorstel=voorstel, door=wereld.beleidsmaker)  # probleemanalyse
    services.add_betrokkene(
        voorstel=voorstel, door=wereld.beleidsmaker, organisatie=wereld.gemeente
    )
    stap = services.huidige_stap(voorstel)
    assert stap is not None
    nieuw = stap.betrokkenen.get(organisatie=wereld.gemeente)
    assert nieuw.verzoek is not None and nieuw.verzoek.ontvanger_organisatie == wereld.gemeente
    # Named on every key step still to come, not on the closed one.
    assert set(
        Betrokkenheid.objects.filter(organisatie=wereld.gemeente).values_list(
            "stap__naam", flat=True
        )
    ) == {"Probleemanalyse", "Beleidsopties", "Ontwerp regelgeving", "Besluitvorming", "Evaluatie"}
    assert {b.organisatie for b in services.ontbrekende_inbreng(stap)} == {
        wereld.uitvoerder,
        wereld.gemeente,
    }
    with pytest.raises(ValidationError):
        services.add_betrokkene(
            voorstel=voorstel, door=wereld.beleidsmaker, organisatie=wereld.gemeente
        )
    with pytest.raises(ValidationError):
        services.add_betrokkene(
            voorstel=voorstel, door=wereld.beleidsmaker, organisatie=wereld.ander_ministerie
        )
    with pytest.raises(PermissionDenied):
        services.add_betrokkene(
            voorstel=voorstel, door=wereld.bestuur_andere, organisatie=wereld.andere_uitvoerder
        )
    assert not voorstel.betrokken_organisaties.filter(pk=wereld.andere_uitvoerder.pk).exists()


def test_only_a_running_assignment_is_finished_and_then_not_handed_back(
    wereld: Wereld, maak_opdracht: Callable[..., Opdracht]
) -> None:
    opdracht = maak_opdracht()
    teruggave = _teruggeven(opdracht, wereld)
    with pytest.raises(ValidationError):
        services.complete_opdracht(opdracht=opdracht, door=wereld.beleidsmaker)
    rp.withdraw(verzoek=teruggave.verzoek, door=wereld.bestuur, reden="Opgelost.")
    with pytest.raises(PermissionDenied):
        services.complete_opdracht(opdracht=opdracht, door=wereld.bestuur)
    services.complete_opdracht(opdracht=opdracht, door=wereld.beleidsmaker)
    opdracht.refresh_from_db()
    assert opdracht.status == Opdrachtstatus.AFGEROND
    with pytest.raises(ValidationError):
        _teruggeven(opdracht, wereld)
    assert "opdracht.afgerond" in events("opdracht.")


def test_published_texts_never_carry_citizen_data(
    wereld: Wereld,
    maak_voorstel: Callable[..., Beleidsvoorstel],
    maak_toets: Callable[..., Uitvoeringstoets],
) -> None:
    """A toets and a proposal are published: a BSN or an e-mail address in them is refused
    next to the field (core.screening), and nothing is stored."""
    voorstel = maak_voorstel()
    with pytest.raises(ValidationError) as fout:
        maak_toets(voorstel, velden={"gevolgen_burgers": "Zoals bij BSN 111222333."})
    assert "persoonsgegevens" in str(fout.value.message_dict["gevolgen_burgers"])
    with pytest.raises(ValidationError) as fout:
        maak_toets(voorstel, voorwaarden=["Mail eerst naar a.jansen@example.org."])
    assert "persoonsgegevens" in str(fout.value.message_dict["voorwaarden"])
    assert not Uitvoeringstoets.objects.exists()
    with pytest.raises(ValidationError) as fout:
        maak_voorstel(titel="Bel 06-12345678 voor uitleg")
    assert "titel" in fout.value.message_dict


def test_track_record_counts_signals_and_aanvechtingen_on_the_teams_regulations(
    wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    """M3: what professionals signalled and executors contested on the regulations of the
    team's proposals shows beside the toetsen (issue 6 item 6)."""
    from uitvoerbaar.afwijkingen import services as afwijkingen
    from uitvoerbaar.kennisbank.models import Artikel, Regeling
    from uitvoerbaar.signalen import services as signalen

    regeling = Regeling.objects.create(
        code="trackwet", naam="Trackwet", soort="wet", eigenaar=wereld.ministerie
    )
    artikel = Artikel.objects.create(regeling=regeling, nummer="1")
    andere = Regeling.objects.create(
        code="anderewet", naam="Andere wet", soort="wet", eigenaar=wereld.ministerie
    )
    maak_voorstel(regelingen=[regeling])
    for r in (regeling, regeling, andere):
        signalen.submit_signaal(
            door=wereld.medewerker,
            kanaal="benoemd",
            organisatie=wereld.uitvoerder,
            titel="Regel werkt anders dan bedoeld",
            tekst="Mensen raken hun uitkering kwijt.",
            regeling=r,
        )
    afwijkingen.submit_aanvechting(
        door=wereld.medewerker,
        organisatie=wereld.uitvoerder,
        artikel=artikel,
        titel="Artikel 1 werkt niet",
        toelichting="Het artikel laat geen ruimte.",
        argumenten=["Te streng."],
    )
    [record] = selectors.trackrecord()
    assert (record.signalen, record.aanvechtingen) == (2, 1)
