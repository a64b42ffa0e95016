"""Intake, channels, the Wbk timelines, the dialogue and closing (seed actions F1, U4)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.responsplicht.constants import Status as VerzoekStatus
from uitvoerbaar.responsplicht.models import Reactieverzoek
from uitvoerbaar.signalen import kluis, selectors, services
from uitvoerbaar.signalen.constants import Status, Uitkomst
from uitvoerbaar.signalen.models import Bericht, Routeringsregel, Signaal
from uitvoerbaar.signalen.transitions import OngeldigeOvergang

from .conftest import GEHEIME_NAAM, Wereld

pytestmark = pytest.mark.django_db
Meld = Callable[..., services.Melding]


def test_named_signal_is_routed_and_starts_the_acknowledgement_term(
    wereld: Wereld, meld: Meld
) -> None:
    with time_machine.travel(dt.datetime(2026, 11, 30, 10, tzinfo=dt.UTC)):
        uit = meld(beginselen=[wereld.beginsel])
    s = uit.signaal
    assert uit.ontvangstcode is None
    assert s.status == Status.ONTVANGEN and s.melder == wereld.medewerker
    assert s.behandelrol == "behandelaar"
    verzoek = s.ontvangstbevestiging
    assert verzoek is not None and verzoek.soort.code == "wbk-ontvangstbevestiging"
    assert verzoek.uiterste_datum == dt.date(2026, 12, 7)  # 7 days
    assert verzoek.ontvanger_rol == "behandelaar" and verzoek.verzoeker == wereld.medewerker
    assert AuditEvent.objects.filter(event="signaal.gemeld", object_id=str(s.pk)).exists()


def test_routing_rule_sends_urgent_signals_on_a_regulation_to_the_board(
    wereld: Wereld, meld: Meld
) -> None:
    Routeringsregel.objects.create(organisatie=wereld.uitvoerder, behandelrol="behandelaar")
    Routeringsregel.objects.create(
        organisatie=wereld.uitvoerder, urgentie="spoed", behandelrol="bestuur"
    )
    assert meld(urgentie="spoed").signaal.behandelrol == "bestuur"
    assert meld(urgentie="normaal").signaal.behandelrol == "behandelaar"


def test_confidential_identity_is_encrypted_and_hidden_from_everything_but_the_custodian(
    wereld: Wereld, vertrouwelijk: Signaal
) -> None:
    s = Signaal.objects.get(pk=vertrouwelijk.pk)
    assert s.melder is None
    assert "Zwaluwstaart" not in s.identiteit_versleuteld
    assert s.melder_kenmerk == kluis.melder_kenmerk(wereld.klokkenluider.pk)
    # No audit event and no request names the reporter.
    for e in AuditEvent.objects.all():
        assert e.actor_id != wereld.klokkenluider.pk
        assert "Zwaluwstaart" not in str(e.data)
    assert not Reactieverzoek.objects.filter(verzoeker=wereld.klokkenluider).exists()
    # The handler cannot read the identity; the custodian can, and that reading is logged.
    with pytest.raises(PermissionDenied):
        services.identiteit(signaal=s, door=wereld.behandelaar)
    wie = services.identiteit(signaal=s, door=wereld.vertrouwenspersoon)
    assert wie is not None and wie.naam == GEHEIME_NAAM
    # The reporter finds their own signal through the pseudonym.
    assert list(selectors.mijn_signalen(user=wereld.klokkenluider)) == [s]


def test_disclosure_needs_the_custodians_approval_and_tells_the_reporter(
    wereld: Wereld, vertrouwelijk: Signaal
) -> None:
    from uitvoerbaar.responsplicht.models import Melding

    onthulling = services.request_onthulling(
        signaal=vertrouwelijk, door=wereld.behandelaar, reden="Nodig voor het onderzoek."
    )
    with pytest.raises(PermissionDenied):
        services.decide_onthulling(
            onthulling=onthulling, door=wereld.behandelaar, toestaan=True, toelichting="zelf"
        )
    services.decide_onthulling(
        onthulling=onthulling, door=wereld.vertrouwenspersoon, toestaan=True, toelichting="Akkoord."
    )
    s = Signaal.objects.get(pk=vertrouwelijk.pk)
    assert s.identiteit_onthuld
    wie = services.identiteit(signaal=s, door=wereld.behandelaar)
    assert wie is not None and wie.naam == GEHEIME_NAAM
    assert Melding.objects.filter(ontvanger=wereld.klokkenluider, tekst__contains="bekendgemaakt")


def test_anonymous_signal_gets_a_receipt_code_stored_only_as_a_hash(
    wereld: Wereld, meld: Meld
) -> None:
    uit = meld(door=None, kanaal="anoniem")
    code = uit.ontvangstcode
    assert code is not None and len(code) == 16 and code.isdigit()
    s = Signaal.objects.get(pk=uit.signaal.pk)
    assert s.melder is None and code not in str(s.__dict__)
    assert s.bon_hash == kluis.bon_hash(code)
    assert selectors.signaal_met_code(code) == s
    assert selectors.signaal_met_code(f"{code[:4]} {code[4:8]}-{code[8:]}") == s
    assert selectors.signaal_met_code("1" * 16) is None
    assert selectors.signaal_met_code("12") is None


def test_citizen_data_must_be_removed_or_confirmed_and_never_in_the_title(
    wereld: Wereld, meld: Meld
) -> None:
    with pytest.raises(ValidationError) as fout:
        meld(tekst="Mevrouw met BSN 111222333 kreeg een boete.")
    assert "burgerservicenummer" in str(fout.value.message_dict["tekst"])
    assert not Signaal.objects.exists()
    s = meld(tekst="Mevrouw met BSN 111222333 kreeg een boete.", persoonsgegevens_bevestigd=True)
    assert s.signaal.persoonsgegevens == ["bsn"]
    with pytest.raises(ValidationError) as fout:
        meld(titel="Bel 06-12345678", persoonsgegevens_bevestigd=True)
    assert "titel" in fout.value.message_dict


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("script.exe", b"MZ\x90\x00", "dit soort bestand"),
        ("nep.pdf", b"not a pdf", "geen echt pdf"),
        ("groot.txt", b"a" * (10 * 1024 * 1024 + 1), "te groot"),
    ],
)
def test_forbidden_or_oversized_attachments_are_refused(
    wereld: Wereld, meld: Meld, naam: str, inhoud: bytes, melding: str
) -> None:
    with pytest.raises(ValidationError) as fout:
        meld(bijlagen=[SimpleUploadedFile(naam, inhoud)])
    assert melding in str(fout.value.message_dict["bijlagen"])
    assert not Signaal.objects.exists()


def test_other_organisation_and_oversized_text_are_refused(wereld: Wereld, meld: Meld) -> None:
    with pytest.raises(ValidationError) as fout:
        meld(organisatie=wereld.andere)
    assert "organisatie" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:
        meld(tekst="x" * 10_001)
    assert "korter" in str(fout.value.message_dict["tekst"])
    assert not Signaal.objects.exists()


def test_whole_wbk_life_acknowledge_question_answer_feedback_close(
    wereld: Wereld, meld: Meld
) -> None:
    with time_machine.travel(dt.datetime(2026, 11, 30, 10, tzinfo=dt.UTC)):
        s = meld(door=None, kanaal="anoniem").signaal
        services.take_in_behandeling(signaal=s, door=wereld.behandelaar)
    s.refresh_from_db()
    assert s.status == Status.IN_BEHANDELING
    assert s.ontvangstbevestiging is not None and s.terugkoppeling is not None
    ontvangst = Reactieverzoek.objects.get(pk=s.ontvangstbevestiging.pk)
    assert ontvangst.status == VerzoekStatus.BEANTWOORD
    assert s.terugkoppeling is not None
    assert s.terugkoppeling.uiterste_datum == dt.date(2027, 3, 1)  # 3 months, not a Sunday
    services.send_bericht(signaal=s, door=wereld.behandelaar, tekst="Welke regeling?", vraag=True)
    s.refresh_from_db()
    assert s.status == Status.VRAAG_AAN_MELDER
    services.add_informatie(signaal=s, door=None, tekst="De Wet kinderopvang.")
    s.refresh_from_db()
    assert s.status == Status.IN_BEHANDELING
    assert Bericht.objects.filter(signaal=s, afzender="melder", auteur=None).count() == 1
    with pytest.raises(ValidationError):
        services.close_signaal(signaal=s, door=wereld.behandelaar, uitkomst="", toelichting="")
    services.close_signaal(
        signaal=s, door=wereld.behandelaar, uitkomst=Uitkomst.MAATREGEL, toelichting="Opgelost."
    )
    s.refresh_from_db()
    assert s.status == Status.AFGESLOTEN
    assert s.terugkoppeling is not None
    assert Reactieverzoek.objects.get(pk=s.terugkoppeling.pk).status == VerzoekStatus.BEANTWOORD
    termijnen = selectors.wbk_termijnen(s)
    assert [t.te_laat for t in termijnen] == [False, False]
    with pytest.raises(OngeldigeOvergang):
        services.add_informatie(signaal=s, door=None, tekst="Nog iets.")


def test_other_organisations_handler_cannot_handle_or_see(wereld: Wereld, meld: Meld) -> None:
    s = meld().signaal
    with pytest.raises(PermissionDenied):
        services.take_in_behandeling(signaal=s, door=wereld.behandelaar_andere)
    assert not selectors.signalen(user=wereld.behandelaar_andere).exists()
    assert list(selectors.signalen(user=wereld.behandelaar)) == [s]
    s.refresh_from_db()
    assert s.status == Status.ONTVANGEN


def test_retaliation_goes_only_to_the_custodian(wereld: Wereld, meld: Meld) -> None:
    eerder = meld().signaal
    with pytest.raises(ValidationError):
        meld(soort="benadeling", over_signaal=eerder)  # named: refused
    b = meld(soort="benadeling", kanaal="vertrouwelijk", over_signaal=eerder).signaal
    assert b.behandelrol == "vertrouwenspersoon"
    assert b not in selectors.signalen(user=wereld.behandelaar)
    assert b not in selectors.signalen(user=wereld.bestuur)
    assert b in selectors.signalen(user=wereld.vertrouwenspersoon)


def test_similar_signals_are_found_within_the_organisation(wereld: Wereld, meld: Meld) -> None:
    a = meld(titel="Terugvordering toeslag bij kleine fouten").signaal
    meld(titel="Parkeervergunning te laat verleend", tekst="De vergunning kwam na een jaar.")
    gelijk = selectors.gelijkende_signalen(
        user=wereld.behandelaar,
        organisatie_id=wereld.uitvoerder.pk,
        titel="Kleine fout leidt tot terugvordering van toeslagen",
    )
    assert gelijk and gelijk[0] == a
    assert not selectors.gelijkende_signalen(
        user=wereld.behandelaar_andere, organisatie_id=wereld.andere.pk, titel="terugvordering"
    )


def test_knelpunt_passed_on_to_the_owner_is_seen_by_its_policy_team(
    wereld: Wereld, meld: Meld
) -> None:
    from uitvoerbaar.core.constants import Rol
    from uitvoerbaar.core.tests.factories import persoon_met_rol
    from uitvoerbaar.kennisbank.models import Regeling

    regeling = Regeling.objects.create(
        code="testwet", naam="Testwet", soort="wet", eigenaar=wereld.ministerie
    )
    a = meld(regeling=regeling).signaal
    b = meld(regeling=regeling, titel="Nog een terugvordering").signaal
    knelpunt = services.create_knelpunt(
        door=wereld.behandelaar,
        organisatie=wereld.uitvoerder,
        regeling=regeling,
        artikel=None,
        naam="Terugvordering bij kleine fouten",
        omschrijving="",
        signalen=[a, b],
    )
    beleid = persoon_met_rol(Rol.BELEIDSMAKER, wereld.ministerie)
    assert not selectors.knelpunten(user=beleid).exists()
    with pytest.raises(PermissionDenied):
        services.pass_on_knelpunt(
            knelpunt=knelpunt, door=wereld.behandelaar_andere, naar="eigenaar"
        )
    services.pass_on_knelpunt(knelpunt=knelpunt, door=wereld.behandelaar, naar="eigenaar")
    assert list(selectors.knelpunten(user=beleid)) == [knelpunt]
    assert selectors.knelpunt_detail(user=beleid, pk=knelpunt.pk) == knelpunt
    with pytest.raises(ValidationError):
        services.pass_on_knelpunt(knelpunt=knelpunt, door=wereld.behandelaar, naar="eigenaar")
    assert not selectors.knelpunten(user=wereld.behandelaar_andere).exists()


def test_named_reporter_is_told_once_per_step(wereld: Wereld, meld: Meld) -> None:
    """Answering a Wbk request notifies the reporter through the engine; a plain message
    through signalen; never both for the same step."""
    from uitvoerbaar.responsplicht.models import Melding

    s = meld().signaal
    services.take_in_behandeling(signaal=s, door=wereld.behandelaar)
    assert Melding.objects.filter(ontvanger=wereld.medewerker).count() == 1
    services.send_bericht(signaal=s, door=wereld.behandelaar, tekst="Welk dossier?", vraag=True)
    assert Melding.objects.filter(ontvanger=wereld.medewerker).count() == 2
    services.close_signaal(
        signaal=s, door=wereld.behandelaar, uitkomst=Uitkomst.UITLEG, toelichting="Zo bedoeld."
    )
    assert Melding.objects.filter(ontvanger=wereld.medewerker).count() == 3


def test_answering_the_wbk_requests_on_the_request_page_moves_the_signal(
    wereld: Wereld, meld: Meld
) -> None:
    """The acknowledgement and feedback requests can be answered on /verzoeken/<id>/ too; the
    signal follows (responsplicht.onderwerpen)."""
    import datetime as dt

    from uitvoerbaar.responsplicht import services as responsplicht

    s = meld().signaal
    assert s.ontvangstbevestiging is not None
    responsplicht.answer_pas_toe(
        verzoek=s.ontvangstbevestiging,
        door=wereld.behandelaar,
        maatregel="Ontvangen, we kijken ernaar.",
        eigenaar="Team signalen",
        datum=dt.date.today(),
    )
    s.refresh_from_db()
    assert s.status == Status.IN_BEHANDELING and s.terugkoppeling is not None
    assert s.berichten.get().tekst == "Ontvangen, we kijken ernaar."
    responsplicht.answer_pas_toe(
        verzoek=s.terugkoppeling,
        door=wereld.behandelaar,
        maatregel="De regel wordt aangepast.",
        eigenaar="Team signalen",
        datum=dt.date.today(),
    )
    terug = s.berichten.filter(is_terugkoppeling=True).get()
    assert terug.tekst == "De regel wordt aangepast."
    # Through signalen itself nothing is doubled.
    t = meld(titel="Tweede signaal").signaal
    services.take_in_behandeling(signaal=t, door=wereld.behandelaar)
    assert t.berichten.count() == 1


def test_no_log_line_names_a_confidential_reporter(
    wereld: Wereld, meld: Meld, caplog: pytest.LogCaptureFixture
) -> None:
    """The whole handling of a confidential signal, with every logger at DEBUG (SQL included):
    the reporter's name and e-mail appear in no log record."""
    import logging

    from django.db import connection

    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="django")
    connection.force_debug_cursor = True  # log every SQL statement with its parameters
    try:
        _vertrouwelijk_afhandelen(wereld, meld)
    finally:
        connection.force_debug_cursor = False
    tekst = "\n".join(r.getMessage() for r in caplog.records)
    assert "INSERT INTO" in tekst  # the SQL was logged
    for deel in ("Zwaluwstaart", "Vertrouwelijk-Geheim", "zwaluwstaart@example.org"):
        assert deel not in tekst


def _vertrouwelijk_afhandelen(wereld: Wereld, meld: Meld) -> None:
    s = meld(
        door=wereld.klokkenluider,
        kanaal="vertrouwelijk",
        titel="Druk om bezwaren af te wijzen",
        tekst="Leidinggevenden vragen ons bezwaren af te wijzen.",
    ).signaal
    services.take_in_behandeling(signaal=s, door=wereld.behandelaar)
    services.send_bericht(signaal=s, door=wereld.behandelaar, tekst="Sinds wanneer?", vraag=True)
    services.add_informatie(signaal=s, door=wereld.klokkenluider, tekst="Sinds maart.")
    services.close_signaal(
        signaal=s, door=wereld.behandelaar, uitkomst=Uitkomst.MAATREGEL, toelichting="Gestopt."
    )
