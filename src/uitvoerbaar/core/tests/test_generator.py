"""The data generator at small scale (issue 9): shape, reproducibility by seed, a valid audit
chain, and the deadlines the sweep benchmark relies on. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from uitvoerbaar.afwijkingen.models import Afwijking
from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.audit.verification import verify_chain
from uitvoerbaar.beleid.models import Beleidsvoorstel
from uitvoerbaar.core.generator.bouw import STANDAARD_PEILDATUM, genereer
from uitvoerbaar.core.generator.schalen import SCHALEN
from uitvoerbaar.core.models import Gebruiker, Lidmaatschap, Organisatie
from uitvoerbaar.dienstverlening.models import Dienst
from uitvoerbaar.responsplicht.constants import Status
from uitvoerbaar.responsplicht.models import Reactieverzoek
from uitvoerbaar.signalen.models import Signaal

pytestmark = pytest.mark.django_db

KLEIN = SCHALEN["small"]
P = STANDAARD_PEILDATUM


class _Terugdraaien(Exception):
    pass


def _sleutelrijen() -> dict[str, list[Any]]:
    """The rows that must be equal for equal seeds (audit: everything the generator chose;
    the first events, of loading the kinds of request, carry the wall-clock time)."""
    return {
        "organisaties": list(
            Organisatie.objects.order_by("pk").values_list(
                "pk", "naam", "slug", "soort", "eigenaar_ministerie_id"
            )
        ),
        "personen": list(Gebruiker.objects.order_by("pk").values_list("pk", "username", "email")),
        "lidmaatschappen": list(
            Lidmaatschap.objects.order_by("pk").values_list("gebruiker_id", "organisatie_id", "rol")
        ),
        "signalen": list(
            Signaal.objects.order_by("pk").values_list(
                "pk", "organisatie_id", "titel", "tekst", "ontvangen_op", "status", "melder_id"
            )
        ),
        "verzoeken": list(
            Reactieverzoek.objects.order_by("pk").values_list(
                "pk", "soort__code", "onderwerp_id", "ontvanger_organisatie_id", "uiterste_datum"
            )
        ),
        "afwijkingen": list(Afwijking.objects.order_by("pk").values_list("pk", "casus", "status")),
        "audit": list(
            AuditEvent.objects.filter(object_type__in=["signalen.signaal", "afwijkingen.afwijking"])
            .order_by("volgnummer")
            .values_list("volgnummer", "tijdstip", "event", "actor_id", "object_id", "data")
        ),
    }


def _genereer_en_lees(seed: int) -> dict[str, list[Any]]:
    """Generate in a savepoint, read the key rows, and roll it all back."""
    rijen: dict[str, list[Any]] = {}
    with pytest.raises(_Terugdraaien), transaction.atomic():
        genereer(KLEIN, seed=seed)
        rijen = _sleutelrijen()
        raise _Terugdraaien
    assert not Organisatie.objects.exists()
    return rijen


def test_zelfde_seed_zelfde_gegevens_andere_seed_andere() -> None:
    eerste = _genereer_en_lees(7)
    tweede = _genereer_en_lees(7)
    anders = _genereer_en_lees(8)
    assert all(len(eerste[k]) > 0 for k in eerste), {k: len(v) for k, v in eerste.items()}
    for tabel in eerste:
        assert eerste[tabel] == tweede[tabel], tabel
    assert eerste["signalen"] != anders["signalen"]
    assert eerste["personen"] != anders["personen"]


def test_vorm_van_de_kleine_schaal() -> None:
    tellingen = genereer(KLEIN, seed=1)

    assert Organisatie.objects.count() == KLEIN.organisaties == tellingen["organisaties"]
    soorten = Counter(Organisatie.objects.values_list("soort", flat=True))
    assert soorten == {
        "ministerie": KLEIN.ministeries,
        "parlement": KLEIN.parlementen,
        "uitvoeringsorganisatie": KLEIN.uitvoeringsorganisaties,
        "medeoverheid": KLEIN.medeoverheden,
    }
    # Every executive organisation is owned by a ministry (escalation to its top).
    assert not Organisatie.objects.filter(
        soort="uitvoeringsorganisatie", eigenaar_ministerie__isnull=True
    ).exists()
    assert Gebruiker.objects.count() == KLEIN.personen == Lidmaatschap.objects.count()
    assert Signaal.objects.count() == KLEIN.signalen
    assert Afwijking.objects.count() == KLEIN.afwijkingen
    assert Beleidsvoorstel.objects.count() == KLEIN.voorstellen
    assert Dienst.objects.count() == KLEIN.diensten

    # Skewed: the busiest organisation gets several times the signals of the median one.
    per_org = sorted(Counter(Signaal.objects.values_list("organisatie_id", flat=True)).values())
    assert per_org[-1] >= 4 * per_org[len(per_org) // 2]
    # Dutch text.
    assert all(" de " in t or " het " in t for t in Signaal.objects.values_list("tekst", flat=True))

    # Open requests, and the deadlines the sweep benchmark relies on.
    lopend = Reactieverzoek.objects.lopend()
    assert lopend.count() == KLEIN.open_verzoeken
    assert lopend.filter(uiterste_datum__lt=P).count() == KLEIN.te_laat
    assert lopend.filter(uiterste_datum=P - dt.timedelta(days=1)).count() == KLEIN.te_laat
    assert not lopend.filter(uiterste_datum__lte=P - dt.timedelta(days=2)).exists()
    assert not lopend.filter(volgende_herinnering__lte=P).exists()
    assert lopend.filter(status=Status.GEESCALEERD, niveau=1).exists()
    assert {c for c in lopend.values_list("soort__code", flat=True)} == {
        "wbk-ontvangstbevestiging",
        "wbk-terugkoppeling",
        "kamervraag",
    }
    # The signal and its acknowledgement request point at each other.
    signaal = Signaal.objects.filter(ontvangstbevestiging__isnull=False).first()
    assert signaal is not None and signaal.ontvangstbevestiging is not None
    assert signaal.ontvangstbevestiging.onderwerp_id == str(signaal.pk)

    # The audit chain: the generated events plus those of loading the kinds, and it holds.
    resultaat = verify_chain()
    assert resultaat.ok, resultaat.melding
    assert resultaat.aantal >= KLEIN.auditgebeurtenissen
    # New rows get fresh ids after the generated ones (sequences moved on).
    assert Organisatie.objects.create(naam="Nieuw", slug="nieuw", soort="ministerie").pk == (
        KLEIN.organisaties + 1
    )


def test_de_veegronde_vindt_precies_de_te_late_verzoeken() -> None:
    from uitvoerbaar.responsplicht.sweep import process_deadlines

    genereer(KLEIN, seed=3)
    rustig = process_deadlines(vandaag=P - dt.timedelta(days=2))
    assert rustig.totaal == 0 and rustig.mislukt == 0
    vol = process_deadlines(vandaag=P)
    assert vol.mislukt == 0, vol.mislukte_verzoeken
    assert vol.geescaleerd == KLEIN.te_laat
    assert verify_chain().ok


def test_commando_weigert_een_gevulde_database(organisatie: Organisatie) -> None:
    with pytest.raises(CommandError, match="al organisaties"):
        call_command("generate_data", "--scale", "small", "--seed", "1")
    assert not Signaal.objects.exists()
