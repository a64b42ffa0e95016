"""The register of deviations: registration, submission with precedents and the
equal-treatment alert, four-eyes approval with the board threshold, and the refusals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from uitvoerbaar.audit.models import AuditEvent

from .. import services
from ..constants import AfwijkingStatus
from ..models import Afwijking
from ..transitions import OngeldigeOvergang
from .conftest import PERSPECTIEVEN, Wereld, events

pytestmark = pytest.mark.django_db


def test_register_submit_and_approve_by_a_colleague(
    wereld: Wereld, registreer: Callable[..., Afwijking]
) -> None:
    afwijking = registreer()
    assert afwijking.status == AfwijkingStatus.CONCEPT
    services.submit_afwijking(afwijking=afwijking, door=wereld.medewerker)
    services.approve_afwijking(afwijking=afwijking, door=wereld.behandelaar, toelichting="Akkoord.")
    afwijking.refresh_from_db()
    assert afwijking.status == AfwijkingStatus.GOEDGEKEURD
    assert afwijking.beoordeeld_door == wereld.behandelaar
    assert events(afwijking) == [
        "afwijking.geregistreerd",
        "afwijking.indienen",
        "afwijking.goedkeuren",
    ]


@pytest.mark.parametrize("veld", ["motivering", "bedoeling", "casus", "alternatief"])
def test_without_motivation_or_purpose_is_refused(
    wereld: Wereld, registreer: Callable[..., Afwijking], veld: str
) -> None:
    voor = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as err:
        registreer(**{veld: "  "})
    assert veld in err.value.message_dict
    assert not Afwijking.objects.exists()
    assert AuditEvent.objects.count() == voor


def test_without_legal_basis_is_refused(
    wereld: Wereld, registreer: Callable[..., Afwijking]
) -> None:
    with pytest.raises(ValidationError) as err:
        registreer(grond=None)
    assert "grondslag" in err.value.message_dict["grond"][0]
    assert not Afwijking.objects.exists()


def test_legal_basis_of_another_article_is_refused(
    wereld: Wereld, registreer: Callable[..., Afwijking]
) -> None:
    from uitvoerbaar.kennisbank.tests.factories import AfwijkingsgrondFactory

    elders = AfwijkingsgrondFactory.create(regeling=wereld.regeling, artikel=wereld.ander_artikel)
    with pytest.raises(ValidationError) as err:
        registreer(grond=elders)
    assert "grond" in err.value.message_dict


@pytest.mark.parametrize(
    ("tekst", "soort"),
    [
        ("Burger met BSN 111222333 kreeg een brief.", "burgerservicenummer"),
        ("Rekening NL91 ABNA 0417 1643 00 werd geblokkeerd.", "IBAN"),
        ("Mail naar jan.jansen@example.org gestuurd.", "e-mailadres"),
        ("Gebeld op 06-12345678 zonder gehoor.", "telefoonnummer"),
        ("Woont op 1234 AB 12 sinds een jaar.", "postcode"),
    ],
)
def test_personal_identifiers_are_refused(
    wereld: Wereld, registreer: Callable[..., Afwijking], tekst: str, soort: str
) -> None:
    with pytest.raises(ValidationError) as err:
        registreer(casus=tekst)
    melding = err.value.message_dict["casus"][0]
    assert soort in melding
    # The identifier itself is never echoed back.
    assert "111222333" not in melding and "example.org" not in melding
    assert not Afwijking.objects.exists()


def test_facets_outside_the_lists_are_refused(
    wereld: Wereld, registreer: Callable[..., Afwijking]
) -> None:
    with pytest.raises(ValidationError) as err:
        registreer(huishouden="familie Jansen", knelpunt="x", bedrag="-5")
    assert set(err.value.message_dict) >= {"huishouden", "knelpunt", "bedrag"}


def test_organisation_that_does_not_carry_out_the_regulation_is_refused(
    wereld: Wereld, registreer: Callable[..., Afwijking]
) -> None:
    wereld.regeling.uitvoerders.remove(wereld.andere)
    with pytest.raises(ValidationError):
        registreer(door=wereld.medewerker_andere, organisatie=wereld.andere)


def test_registering_for_another_organisation_is_refused(
    wereld: Wereld, registreer: Callable[..., Afwijking]
) -> None:
    with pytest.raises(PermissionDenied):
        registreer(door=wereld.medewerker_andere)
    assert not Afwijking.objects.exists()


def test_approval_by_the_registrant_is_refused(
    wereld: Wereld, registreer: Callable[..., Afwijking]
) -> None:
    afwijking = registreer(door=wereld.behandelaar)
    services.submit_afwijking(afwijking=afwijking, door=wereld.behandelaar)
    with pytest.raises(PermissionDenied) as err:
        services.approve_afwijking(afwijking=afwijking, door=wereld.behandelaar)
    assert "vier ogen" in str(err.value)
    afwijking.refresh_from_db()
    assert afwijking.status == AfwijkingStatus.TER_BEOORDELING


def test_approval_by_a_professional_without_the_approving_role_is_refused(
    wereld: Wereld, registreer: Callable[..., Afwijking]
) -> None:
    afwijking = registreer()
    services.submit_afwijking(afwijking=afwijking, door=wereld.medewerker)
    with pytest.raises(PermissionDenied):
        services.approve_afwijking(afwijking=afwijking, door=wereld.collega)
    with pytest.raises(PermissionDenied):
        services.approve_afwijking(afwijking=afwijking, door=wereld.behandelaar_andere)
    afwijking.refresh_from_db()
    assert afwijking.status == AfwijkingStatus.TER_BEOORDELING


def test_above_the_threshold_only_the_board_approves(
    wereld: Wereld, registreer: Callable[..., Afwijking]
) -> None:
    services.save_instelling(
        door=wereld.bestuur,
        organisatie=wereld.uitvoerder,
        bestuur_drempel="1000",
        structureel_drempel=3,
        precedenten_delen=False,
    )
    afwijking = registreer(bedrag="1000.01")
    afwijking = services.submit_afwijking(afwijking=afwijking, door=wereld.medewerker)
    assert afwijking.bestuur_vereist
    with pytest.raises(PermissionDenied) as err:
        services.approve_afwijking(afwijking=afwijking, door=wereld.behandelaar)
    assert "bestuur" in str(err.value)
    services.approve_afwijking(afwijking=afwijking, door=wereld.bestuur)
    afwijking.refresh_from_db()
    assert afwijking.status == AfwijkingStatus.GOEDGEKEURD


def test_at_the_threshold_a_handler_approves(
    wereld: Wereld, registreer: Callable[..., Afwijking]
) -> None:
    afwijking = registreer(bedrag="2500")
    afwijking = services.submit_afwijking(afwijking=afwijking, door=wereld.medewerker)
    assert not afwijking.bestuur_vereist
    services.approve_afwijking(afwijking=afwijking, door=wereld.behandelaar)


def test_submission_needs_all_four_perspectives(
    wereld: Wereld, registreer: Callable[..., Afwijking]
) -> None:
    afwijking = registreer(perspectieven={"juridisch_oordeel": "geen_zorgen"})
    with pytest.raises(ValidationError) as err:
        services.submit_afwijking(afwijking=afwijking, door=wereld.medewerker)
    assert "vier perspectieven" in err.value.message_dict["perspectieven"][0]
    services.save_afwijking_perspectieven(
        afwijking=afwijking, door=wereld.medewerker, data=PERSPECTIEVEN
    )
    services.submit_afwijking(afwijking=afwijking, door=wereld.medewerker)
    afwijking.refresh_from_db()
    assert afwijking.status == AfwijkingStatus.TER_BEOORDELING


def test_rejecting_needs_reasons(wereld: Wereld, registreer: Callable[..., Afwijking]) -> None:
    afwijking = registreer()
    services.submit_afwijking(afwijking=afwijking, door=wereld.medewerker)
    with pytest.raises(ValidationError) as err:
        services.reject_afwijking(afwijking=afwijking, door=wereld.behandelaar, toelichting="")
    assert "toelichting" in err.value.message_dict
    services.reject_afwijking(afwijking=afwijking, door=wereld.behandelaar, toelichting="Nee.")
    afwijking.refresh_from_db()
    assert afwijking.status == AfwijkingStatus.AFGEWEZEN


def test_moves_outside_the_table_are_refused(
    wereld: Wereld, registreer: Callable[..., Afwijking]
) -> None:
    afwijking = registreer()
    with pytest.raises(OngeldigeOvergang):
        services.approve_afwijking(afwijking=afwijking, door=wereld.behandelaar)
    with pytest.raises(OngeldigeOvergang):
        services.close_afwijking(afwijking=afwijking, door=wereld.medewerker, uitkomst="Klaar.")


def test_outcome_and_follow_up_after_approval(
    wereld: Wereld, beslist: Callable[..., Afwijking]
) -> None:
    afwijking = beslist()
    services.close_afwijking(
        afwijking=afwijking,
        door=wereld.medewerker,
        uitkomst="De schuld is in 24 maanden afgelost.",
        vervolg="Geen.",
    )
    afwijking.refresh_from_db()
    assert afwijking.status == AfwijkingStatus.AFGEROND
    assert events(afwijking)[-1] == "afwijking.afronden"


# --- precedents and equal treatment --------------------------------------------------------------


def test_similar_refused_case_requires_a_motivation_of_the_difference(
    wereld: Wereld, registreer: Callable[..., Afwijking], beslist: Callable[..., Afwijking]
) -> None:
    eerder = beslist(goedkeuren=False)
    afwijking = registreer()
    with pytest.raises(ValidationError) as err:
        services.submit_afwijking(afwijking=afwijking, door=wereld.medewerker)
    melding = err.value.message_dict["verschil_motivering"][0]
    assert eerder.kenmerk in melding
    afwijking.refresh_from_db()
    assert afwijking.status == AfwijkingStatus.CONCEPT
    services.submit_afwijking(
        afwijking=afwijking,
        door=wereld.medewerker,
        verschil_motivering="Hier dreigt huisuitzetting; in het eerdere geval niet.",
    )
    afwijking.refresh_from_db()
    assert afwijking.status == AfwijkingStatus.TER_BEOORDELING
    assert afwijking.precedenten_bij_indienen[0]["id"] == eerder.pk
    assert afwijking.precedenten_bij_indienen[0]["beslissing"] == "niet_afwijken"


def test_a_dissimilar_refused_case_raises_no_alert(
    wereld: Wereld, registreer: Callable[..., Afwijking], beslist: Callable[..., Afwijking]
) -> None:
    beslist(
        goedkeuren=False,
        huishouden="paar_zonder_kinderen",
        inkomensband="boven_200",
        knelpunt="termijn",
        bedrag=None,
        casus="Formulier te laat ingeleverd door een verhuizing naar het buitenland.",
        bedoeling="Snelle afhandeling.",
        alternatief="Alsnog in behandeling genomen.",
        grond=wereld.evenredigheid,
    )
    afwijking = registreer()
    services.submit_afwijking(afwijking=afwijking, door=wereld.medewerker)


def test_an_approved_similar_case_raises_no_alert_when_approving_again(
    wereld: Wereld, registreer: Callable[..., Afwijking], beslist: Callable[..., Afwijking]
) -> None:
    beslist()
    afwijking = registreer()
    services.submit_afwijking(afwijking=afwijking, door=wereld.medewerker)
    services.approve_afwijking(afwijking=afwijking, door=wereld.behandelaar)


def test_rejecting_against_an_approved_similar_case_requires_the_approvers_motivation(
    wereld: Wereld, registreer: Callable[..., Afwijking], beslist: Callable[..., Afwijking]
) -> None:
    eerder = beslist()
    afwijking = registreer()
    services.submit_afwijking(afwijking=afwijking, door=wereld.medewerker)
    with pytest.raises(ValidationError) as err:
        services.reject_afwijking(afwijking=afwijking, door=wereld.behandelaar, toelichting="Nee.")
    assert eerder.kenmerk in err.value.message_dict["verschil_motivering"][0]


def test_other_organisations_cases_do_not_raise_the_alert(
    wereld: Wereld, registreer: Callable[..., Afwijking], beslist: Callable[..., Afwijking]
) -> None:
    services.save_instelling(
        door=wereld.bestuur,
        organisatie=wereld.uitvoerder,
        bestuur_drempel="2500",
        structureel_drempel=3,
        precedenten_delen=True,
    )
    beslist(goedkeuren=False, door=wereld.medewerker_andere, organisatie=wereld.andere)
    afwijking = registreer()
    services.submit_afwijking(afwijking=afwijking, door=wereld.medewerker)


def test_a_hardheidsclausule_in_its_own_article_covers_every_article(
    wereld: Wereld, registreer: Callable[..., Afwijking]
) -> None:
    from uitvoerbaar.kennisbank.constants import AfwijkingsgrondSoort
    from uitvoerbaar.kennisbank.tests.factories import AfwijkingsgrondFactory

    clausule = AfwijkingsgrondFactory.create(
        regeling=wereld.regeling,
        artikel=wereld.ander_artikel,
        sleutel="hardheidsclausule-elders",
        soort=AfwijkingsgrondSoort.HARDHEIDSCLAUSULE,
    )
    assert registreer(grond=clausule).grond == clausule
    assert clausule in services.gronden_voor(wereld.artikel)


def test_a_concept_can_be_changed_and_a_submitted_one_cannot(
    wereld: Wereld, registreer: Callable[..., Afwijking]
) -> None:
    afwijking = registreer()
    velden: dict[str, Any] = {
        "grond": wereld.evenredigheid,
        "bedoeling": afwijking.bedoeling,
        "casus": "Vader met huurachterstand; ontruiming dreigt.",
        "alternatief": afwijking.alternatief,
        "motivering": afwijking.motivering,
        "huishouden": "paar_met_kinderen",
        "inkomensband": afwijking.inkomensband,
        "knelpunt": "schulden",
        "bedrag": "800",
    }
    with pytest.raises(ValidationError) as err:
        services.update_afwijking(
            afwijking=afwijking, door=wereld.medewerker, **{**velden, "motivering": ""}
        )
    assert "motivering" in err.value.message_dict
    with pytest.raises(PermissionDenied):
        services.update_afwijking(afwijking=afwijking, door=wereld.medewerker_andere, **velden)
    services.update_afwijking(afwijking=afwijking, door=wereld.collega, **velden)
    afwijking.refresh_from_db()
    assert (afwijking.grond, afwijking.knelpunt) == (wereld.evenredigheid, "schulden")
    assert "huurachterstand" in afwijking.zoektokens
    assert events(afwijking)[-1] == "afwijking.wijzigen"
    services.submit_afwijking(afwijking=afwijking, door=wereld.medewerker)
    with pytest.raises(OngeldigeOvergang):
        services.update_afwijking(afwijking=afwijking, door=wereld.medewerker, **velden)
