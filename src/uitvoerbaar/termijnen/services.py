"""State changes of the termijnen app: adding and removing the days that count as vrije dagen
next to those the Algemene termijnenwet names itself. Every change is checked against the
permission policy, validated (Dutch messages per field, nothing changed on refusal) and audited
in the same transaction.

Days in the past are neither added nor removed: deadlines already computed counted with the
calendar as it was, and the calendar must keep explaining them."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from uitvoerbaar.audit import services as audit
from uitvoerbaar.core import policy
from uitvoerbaar.core.models import Gebruiker, Organisatie

from .models import GelijkgesteldeDag, Sluitingsdag
from .rekenen import is_vrije_dag


def vandaag() -> dt.date:
    return timezone.localdate()


def _controleer_datum(datum: dt.date | None, fouten: dict[str, str]) -> None:
    if datum is None:
        fouten["datum"] = _("Vul een datum in.")
    elif datum < vandaag():
        fouten["datum"] = _(
            "Kies vandaag of een latere datum. Een dag in het verleden verandert de "
            "berekening van termijnen die al gelopen hebben."
        )
    elif is_vrije_dag(datum):
        fouten["datum"] = _(
            "Deze datum is al een zaterdag, zondag of algemeen erkende feestdag "
            "(art. 3 Algemene termijnenwet)."
        )


def _controleer_tekst(veld: str, waarde: str, melding: str, fouten: dict[str, str]) -> str:
    waarde = (waarde or "").strip()
    if not waarde:
        fouten[veld] = melding
    return waarde


def validate_gelijkgestelde_dag(*, datum: dt.date | None, omschrijving: str, besluit: str) -> None:
    """Raise a ValidationError per field for a missing, past, already free or duplicate date,
    or an empty description or decree."""
    fouten: dict[str, str] = {}
    _controleer_datum(datum, fouten)
    if (
        datum is not None
        and "datum" not in fouten
        and GelijkgesteldeDag.objects.filter(datum=datum).exists()
    ):
        fouten["datum"] = _("Deze datum is al een gelijkgestelde dag.")
    _controleer_tekst("omschrijving", omschrijving, _("Vul een omschrijving in."), fouten)
    _controleer_tekst(
        "besluit",
        besluit,
        _("Noem het besluit dat de dag gelijkstelt, met de vindplaats in de Staatscourant."),
        fouten,
    )
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def add_gelijkgestelde_dag(
    *, door: Gebruiker, datum: dt.date, omschrijving: str, besluit: str
) -> GelijkgesteldeDag:
    """Record a day made equal to the algemeen erkende feestdagen by decree (art. 3 lid 3
    Algemene termijnenwet). Only a beheerder (`termijnen.beheren`)."""
    policy.require(door, "termijnen.beheren")
    validate_gelijkgestelde_dag(datum=datum, omschrijving=omschrijving, besluit=besluit)
    try:
        with transaction.atomic():
            dag = GelijkgesteldeDag.objects.create(
                datum=datum, omschrijving=omschrijving.strip(), besluit=besluit.strip()
            )
    except IntegrityError as exc:  # a concurrent save of the same date
        raise ValidationError({"datum": _("Deze datum is al een gelijkgestelde dag.")}) from exc
    audit.record(
        event="termijnen.gelijkgestelde_dag.toegevoegd",
        actor=door,
        obj=dag,
        data={"datum": dag.datum, "omschrijving": dag.omschrijving, "besluit": dag.besluit},
    )
    return dag


@transaction.atomic
def remove_gelijkgestelde_dag(*, door: Gebruiker, dag: GelijkgesteldeDag) -> None:
    """Remove a gelijkgestelde dag that has not yet passed (for example a date entered by
    mistake). Only a beheerder."""
    policy.require(door, "termijnen.beheren")
    dag = GelijkgesteldeDag.objects.select_for_update().get(pk=dag.pk)
    if dag.datum < vandaag():
        raise ValidationError({"datum": _("Een gelijkgestelde dag in het verleden blijft staan.")})
    audit.record(
        event="termijnen.gelijkgestelde_dag.verwijderd",
        actor=door,
        obj=dag,
        data={"datum": dag.datum, "omschrijving": dag.omschrijving, "besluit": dag.besluit},
    )
    dag.delete()


def validate_sluitingsdag(
    *, organisatie: Organisatie | None, datum: dt.date | None, omschrijving: str
) -> None:
    """Raise a ValidationError per field for a missing organisation, a missing, past, already
    free or duplicate date, or an empty description."""
    fouten: dict[str, str] = {}
    if organisatie is None:
        fouten["organisatie"] = _("Kies de organisatie.")
    _controleer_datum(datum, fouten)
    if (
        organisatie is not None
        and datum is not None
        and "datum" not in fouten
        and Sluitingsdag.objects.filter(organisatie=organisatie, datum=datum).exists()
    ):
        fouten["datum"] = _("Deze organisatie heeft al een sluitingsdag op deze datum.")
    _controleer_tekst("omschrijving", omschrijving, _("Vul een omschrijving in."), fouten)
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def add_sluitingsdag(
    *, door: Gebruiker, organisatie: Organisatie, datum: dt.date, omschrijving: str
) -> Sluitingsdag:
    """Record a day on which `organisatie` is closed; it then counts as a vrije dag for terms
    that organisation is responsible for. Only a beheerder of that organisation
    (`termijnen.sluitingsdagen.beheren`)."""
    policy.require(door, "termijnen.sluitingsdagen.beheren", organisatie)
    validate_sluitingsdag(organisatie=organisatie, datum=datum, omschrijving=omschrijving)
    try:
        with transaction.atomic():
            dag = Sluitingsdag.objects.create(
                organisatie=organisatie, datum=datum, omschrijving=omschrijving.strip()
            )
    except IntegrityError as exc:  # a concurrent save of the same date
        raise ValidationError(
            {"datum": _("Deze organisatie heeft al een sluitingsdag op deze datum.")}
        ) from exc
    audit.record(
        event="termijnen.sluitingsdag.toegevoegd",
        actor=door,
        obj=dag,
        data={
            "organisatie": organisatie.slug,
            "datum": dag.datum,
            "omschrijving": dag.omschrijving,
        },
    )
    return dag


@transaction.atomic
def remove_sluitingsdag(*, door: Gebruiker, sluitingsdag: Sluitingsdag) -> None:
    """Remove a closing day that has not yet passed. Only a beheerder of its organisation."""
    dag = (
        Sluitingsdag.objects.select_for_update(of=("self",))
        .select_related("organisatie")
        .get(pk=sluitingsdag.pk)
    )
    policy.require(door, "termijnen.sluitingsdagen.beheren", dag.organisatie)
    if dag.datum < vandaag():
        raise ValidationError({"datum": _("Een sluitingsdag in het verleden blijft staan.")})
    audit.record(
        event="termijnen.sluitingsdag.verwijderd",
        actor=door,
        obj=dag,
        data={
            "organisatie": dag.organisatie.slug,
            "datum": dag.datum,
            "omschrijving": dag.omschrijving,
        },
    )
    dag.delete()
