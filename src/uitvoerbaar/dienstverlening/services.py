"""Every state change of the dienstverlening app (U2, M2, M4). One function per verb, with the
acting person `door`, inside a transaction, checked against the policy and written to the audit
log in the same transaction. Bad input raises a ValidationError with a Dutch message per field
and changes nothing."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from uitvoerbaar.audit import services as audit
from uitvoerbaar.core import policy
from uitvoerbaar.core.constants import OrganisatieSoort
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.kennisbank.models import Beginsel, Regeling
from uitvoerbaar.kennisbank.services import save_perspectieven

from . import csvimport
from .constants import (
    MAX_BUDGET,
    MAX_CSV_BYTES,
    MAX_FTE,
    MAX_OPTIES,
    MAX_TEKST,
    MAX_VOLUME,
    MAX_WAARDE_ARBEIDSVOORWAARDE,
    MIN_OPTIES,
    Eenheid,
    Onderwerp,
    Richting,
)
from .models import (
    Arbeidsvoorwaarde,
    Dienst,
    Indicator,
    Keuzenota,
    Meting,
    Middelen,
    Ondergrens,
    Scenario,
    Waardenafweging,
)

DIENST_SOORTEN = frozenset({OrganisatieSoort.UITVOERINGSORGANISATIE, OrganisatieSoort.MEDEOVERHEID})


def _gegevens_gewijzigd(dienst: Dienst) -> None:
    Dienst.objects.filter(pk=dienst.pk).update(gegevens_gewijzigd_op=timezone.now())


def _tekst(fouten: dict[str, str], veld: str, waarde: str, *, nodig: bool, max_len: int) -> str:
    waarde = (waarde or "").strip()
    if nodig and not waarde:
        fouten[veld] = _("Vul dit veld in.")
    elif len(waarde) > max_len:
        fouten[veld] = _("Maak dit korter: hoogstens %(max)d tekens.") % {"max": max_len}
    return waarde


def _niet_negatief(
    fouten: dict[str, str], veld: str, waarde: Any, label: str, maximum: int
) -> Decimal:
    if waarde is None or str(waarde).strip() == "":
        fouten[veld] = _("%(label)s ontbreekt.") % {"label": label}
        return Decimal(0)
    try:
        getal = Decimal(str(waarde))
    except (ArithmeticError, ValueError, TypeError):
        fouten[veld] = _("%(label)s moet een getal zijn.") % {"label": label}
        return Decimal(0)
    if not getal.is_finite():
        fouten[veld] = _("%(label)s moet een getal zijn.") % {"label": label}
        return Decimal(0)
    if getal < 0:
        fouten[veld] = _("%(label)s mag niet negatief zijn.") % {"label": label}
    elif getal >= maximum:
        fouten[veld] = _("%(label)s is te groot.") % {"label": label}
    if veld in fouten:
        return Decimal(0)
    # Cents and hundredths of an FTE are what is stored; a volume must stay whole, so it is
    # checked as given.
    return getal if veld == "volume" else getal.quantize(Decimal("0.01"))


# --- services and indicators -----------------------------------------------------------------


@transaction.atomic
def create_dienst(
    *,
    door: Gebruiker,
    organisatie: Organisatie,
    naam: str,
    omschrijving: str = "",
    regeling: Regeling | None = None,
) -> Dienst:
    """Add a service of an executive organisation or co-government. Refuses a ministry or
    parliament (they do not deliver services to people here) and a name already in use."""
    policy.require(door, "dienstverlening.beheren", organisatie)
    fouten: dict[str, str] = {}
    naam = _tekst(fouten, "naam", naam, nodig=True, max_len=200)
    omschrijving = _tekst(fouten, "omschrijving", omschrijving, nodig=False, max_len=MAX_TEKST)
    if organisatie.soort not in DIENST_SOORTEN:
        fouten["organisatie"] = _(
            "Alleen uitvoeringsorganisaties en medeoverheden leggen hier diensten vast."
        )
    if naam and Dienst.objects.filter(organisatie=organisatie, naam=naam).exists():
        fouten["naam"] = _("Deze organisatie heeft al een dienst met deze naam.")
    if fouten:
        raise ValidationError(fouten)
    dienst = Dienst.objects.create(
        organisatie=organisatie, naam=naam, omschrijving=omschrijving, regeling=regeling
    )
    audit.record(
        event="dienstverlening.dienst_aangemaakt",
        actor=door,
        obj=dienst,
        data={"organisatie": organisatie.slug, "naam": naam},
    )
    return dienst


@transaction.atomic
def create_indicator(
    *,
    door: Gebruiker,
    dienst: Dienst,
    naam: str,
    eenheid: str,
    richting: str,
    code: str = "",
    omschrijving: str = "",
) -> Indicator:
    """Add a quality indicator to a service. The unit and direction are required: a number
    without them cannot be compared with a lower bound or another period."""
    policy.require(door, "dienstverlening.beheren", dienst)
    fouten: dict[str, str] = {}
    naam = _tekst(fouten, "naam", naam, nodig=True, max_len=200)
    omschrijving = _tekst(fouten, "omschrijving", omschrijving, nodig=False, max_len=MAX_TEKST)
    code = slugify(code or naam)[:60]
    if not eenheid:
        fouten["eenheid"] = _("Kies de eenheid waarin de indicator wordt gemeten.")
    elif eenheid not in Eenheid.values:
        fouten["eenheid"] = _("Kies een van de eenheden: %(keuzes)s.") % {
            "keuzes": ", ".join(Eenheid.values)
        }
    if richting not in Richting.values:
        fouten["richting"] = _("Kies of hoger of lager beter is.")
    if code and Indicator.objects.filter(dienst=dienst, code=code).exists():
        fouten["code"] = _("Deze dienst heeft al een indicator met deze code.")
    if fouten:
        raise ValidationError(fouten)
    indicator = Indicator.objects.create(
        dienst=dienst,
        code=code,
        naam=naam,
        eenheid=eenheid,
        richting=richting,
        omschrijving=omschrijving,
    )
    _gegevens_gewijzigd(dienst)
    audit.record(
        event="dienstverlening.indicator_aangemaakt",
        actor=door,
        obj=indicator,
        data={"dienst": dienst.pk, "code": code, "eenheid": eenheid, "richting": richting},
    )
    return indicator


@dataclass(frozen=True)
class Importresultaat:
    perioden: int
    metingen: int


@transaction.atomic
def import_csv(*, door: Gebruiker, dienst: Dienst, inhoud: bytes | str) -> Importresultaat:
    """Import means and actual values of a service from CSV (see csvimport for the shape).
    Every row is checked first; one bad row refuses the whole file with each bad row named,
    and nothing is written. Periods already present are overwritten with the file's values
    (the audit event says how many)."""
    policy.require(door, "dienstverlening.beheren", dienst)
    if isinstance(inhoud, bytes):
        if len(inhoud) > MAX_CSV_BYTES:
            raise ValidationError({"bestand": _("Het bestand is te groot: hoogstens 1 MB.")})
        try:
            tekst = inhoud.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(
                {"bestand": _("Het bestand is geen tekst in UTF-8. Sla het op als CSV (UTF-8).")}
            ) from None
    else:
        tekst = inhoud
    indicatoren = {i.code: i for i in dienst.indicatoren.all()}
    uitkomst = csvimport.lees(tekst, indicatoren={c: i.eenheid for c, i in indicatoren.items()})
    if uitkomst.fouten:
        raise ValidationError({"bestand": [str(f) for f in uitkomst.fouten]})
    Dienst.objects.select_for_update().get(pk=dienst.pk)
    bestaand = set(
        dienst.middelen.filter(periode__in=[r.periode for r in uitkomst.regels]).values_list(
            "periode", flat=True
        )
    )
    metingen = 0
    for regel in uitkomst.regels:
        Middelen.objects.update_or_create(
            dienst=dienst,
            periode=regel.periode,
            defaults={"budget": regel.budget, "fte": regel.fte, "volume": regel.volume},
        )
        for code, waarde in regel.waarden.items():
            Meting.objects.update_or_create(
                indicator=indicatoren[code], periode=regel.periode, defaults={"waarde": waarde}
            )
            metingen += 1
    _gegevens_gewijzigd(dienst)
    audit.record(
        event="dienstverlening.geimporteerd",
        actor=door,
        obj=dienst,
        data={
            "perioden": len(uitkomst.regels),
            "overschreven": len(bestaand),
            "metingen": metingen,
        },
    )
    return Importresultaat(perioden=len(uitkomst.regels), metingen=metingen)


@transaction.atomic
def set_ondergrens(
    *,
    door: Gebruiker,
    indicator: Indicator,
    grens: float | str,
    waarde: str,
    toelichting: str = "",
    beginsel: Beginsel | None = None,
) -> Ondergrens:
    """Set (or change) the lower bound of an indicator: the value below which the service is
    unacceptable, and the value that is at stake. The board of the organisation sets it; the
    old bound is kept in the audit log."""
    policy.require(door, "dienstverlening.ondergrens", indicator)
    fouten: dict[str, str] = {}
    waarde = _tekst(fouten, "waarde", waarde, nodig=True, max_len=200)
    toelichting = _tekst(fouten, "toelichting", toelichting, nodig=False, max_len=MAX_TEKST)
    getal = math.nan
    try:
        getal = float(grens)
    except (TypeError, ValueError):
        pass
    if not math.isfinite(getal):
        fouten["grens"] = _("De grens moet een getal zijn.")
    elif indicator.eenheid == Eenheid.PROCENT and not 0 <= getal <= 100:
        fouten["grens"] = _("Een percentage ligt tussen 0 en 100.")
    elif indicator.eenheid == Eenheid.SCORE and not 1 <= getal <= 10:
        fouten["grens"] = _("Een rapportcijfer ligt tussen 1 en 10.")
    elif getal < 0:
        fouten["grens"] = _("De grens mag niet negatief zijn.")
    if fouten:
        raise ValidationError(fouten)
    oud = Ondergrens.objects.select_for_update().filter(indicator=indicator).first()
    vorige = oud.grens if oud else None
    ondergrens, _nieuw = Ondergrens.objects.update_or_create(
        indicator=indicator,
        defaults={
            "grens": getal,
            "waarde": waarde,
            "toelichting": toelichting,
            "beginsel": beginsel,
            "vastgesteld_door": door,
            "vastgesteld_op": timezone.now(),
        },
    )
    _gegevens_gewijzigd(indicator.dienst)
    audit.record(
        event="dienstverlening.ondergrens_vastgesteld",
        actor=door,
        obj=ondergrens,
        data={"indicator": indicator.pk, "grens": getal, "vorige": vorige, "waarde": waarde},
    )
    return ondergrens


# --- scenarios, trade-offs, keuzenota --------------------------------------------------------


@transaction.atomic
def create_scenario(
    *,
    door: Gebruiker,
    dienst: Dienst,
    naam: str,
    budget: Any,
    fte: Any,
    volume: Any,
    omschrijving: str = "",
) -> Scenario:
    """Record a scenario: the budget, FTE and expected volume of one period. Negative means
    are refused."""
    policy.require(door, "dienstverlening.scenario", dienst)
    fouten: dict[str, str] = {}
    naam = _tekst(fouten, "naam", naam, nodig=True, max_len=200)
    omschrijving = _tekst(fouten, "omschrijving", omschrijving, nodig=False, max_len=MAX_TEKST)
    budget_d = _niet_negatief(fouten, "budget", budget, _("Het budget"), MAX_BUDGET)
    fte_d = _niet_negatief(fouten, "fte", fte, _("De formatie"), MAX_FTE)
    volume_d = _niet_negatief(fouten, "volume", volume, _("Het volume"), MAX_VOLUME)
    if "volume" not in fouten and volume_d != volume_d.to_integral_value():
        fouten["volume"] = _("Het volume is een heel aantal zaken.")
    if naam and Scenario.objects.filter(dienst=dienst, naam=naam).exists():
        fouten["naam"] = _("Deze dienst heeft al een scenario met deze naam.")
    if fouten:
        raise ValidationError(fouten)
    scenario = Scenario.objects.create(
        dienst=dienst,
        naam=naam,
        omschrijving=omschrijving,
        budget=budget_d,
        fte=fte_d,
        volume=int(volume_d),
        aangemaakt_door=door,
        aangemaakt_op=timezone.now(),
    )
    audit.record(
        event="dienstverlening.scenario_aangemaakt",
        actor=door,
        obj=scenario,
        data={"dienst": dienst.pk, "budget": budget_d, "fte": fte_d, "volume": int(volume_d)},
    )
    return scenario


@transaction.atomic
def add_waardenafweging(
    *,
    door: Gebruiker,
    scenario: Scenario,
    waarde_a: str,
    waarde_b: str,
    afweging: str,
    perspectieven: Mapping[str, Any],
) -> Waardenafweging:
    """Record a trade-off between two values in a scenario (e.g. snelheid tegenover
    zorgvuldigheid), weighed from the juridisch, financieel, professioneel and burger
    perspectives through the kennisbank's assessment (seed action U3)."""
    policy.require(door, "dienstverlening.scenario", scenario)
    fouten: dict[str, str] = {}
    waarde_a = _tekst(fouten, "waarde_a", waarde_a, nodig=True, max_len=100)
    waarde_b = _tekst(fouten, "waarde_b", waarde_b, nodig=True, max_len=100)
    afweging = _tekst(fouten, "afweging", afweging, nodig=True, max_len=MAX_TEKST)
    if waarde_a and waarde_a.lower() == waarde_b.lower():
        fouten["waarde_b"] = _("Een afweging gaat tussen twee verschillende waarden.")
    try:
        with transaction.atomic():
            beoordeling = save_perspectieven(door=door, data=perspectieven)
    except ValidationError as exc:
        fouten.update({k: " ".join(v) for k, v in exc.message_dict.items()})
    if fouten:
        raise ValidationError(fouten)
    afw = Waardenafweging.objects.create(
        scenario=scenario,
        waarde_a=waarde_a,
        waarde_b=waarde_b,
        afweging=afweging,
        perspectieven=beoordeling,
        vastgelegd_door=door,
        vastgelegd_op=timezone.now(),
    )
    audit.record(
        event="dienstverlening.waardenafweging_vastgelegd",
        actor=door,
        obj=afw,
        data={"scenario": scenario.pk, "waarden": [waarde_a, waarde_b]},
    )
    return afw


@transaction.atomic
def create_keuzenota(
    *,
    door: Gebruiker,
    dienst: Dienst,
    titel: str,
    aanleiding: str,
    opties: Sequence[Scenario],
    geadviseerd: Scenario | None,
    advies: str,
) -> Keuzenota:
    """Draw up a keuzenota for politics (M2): two to four scenarios of this service as
    options, the option the executor advises and why. The board of the executor signs it."""
    policy.require(door, "dienstverlening.keuzenota", dienst)
    fouten: dict[str, str] = {}
    titel = _tekst(fouten, "titel", titel, nodig=True, max_len=200)
    aanleiding = _tekst(fouten, "aanleiding", aanleiding, nodig=True, max_len=MAX_TEKST)
    advies = _tekst(fouten, "advies", advies, nodig=True, max_len=MAX_TEKST)
    uniek = list(dict.fromkeys(opties))
    if not MIN_OPTIES <= len(uniek) <= MAX_OPTIES:
        fouten["opties"] = _("Kies twee tot vier opties.")
    elif any(o.dienst_id != dienst.pk for o in uniek):
        fouten["opties"] = _("Alle opties moeten scenario's van deze dienst zijn.")
    if geadviseerd is None:
        fouten["geadviseerd"] = _("Kies de optie die u adviseert.")
    elif geadviseerd not in uniek:
        fouten["geadviseerd"] = _("De geadviseerde optie moet een van de gekozen opties zijn.")
    if fouten:
        raise ValidationError(fouten)
    assert geadviseerd is not None
    from . import momentopname, selectors

    nota = Keuzenota.objects.create(
        dienst=dienst,
        titel=titel,
        aanleiding=aanleiding,
        geadviseerd=geadviseerd,
        advies=advies,
        opgesteld_door=door,
        opgesteld_op=timezone.now(),
    )
    nota.opties.set(uniek)
    nota.momentopname = momentopname.maak(*selectors.opties_nu(dienst, uniek))
    nota.save(update_fields=["momentopname"])
    audit.record(
        event="dienstverlening.keuzenota_opgesteld",
        actor=door,
        obj=nota,
        data={"dienst": dienst.pk, "opties": [o.pk for o in uniek], "advies": geadviseerd.pk},
    )
    return nota


# --- employment conditions (M4) --------------------------------------------------------------


@transaction.atomic
def set_arbeidsvoorwaarde(
    *,
    door: Gebruiker,
    organisatie: Organisatie,
    onderwerp: str,
    waarde: Any,
    toelichting: str = "",
) -> Arbeidsvoorwaarde:
    """Record one employment condition of the person's own organisation, in the unit of its
    topic. A negative value is refused."""
    policy.require(door, "arbeidsvoorwaarden.beheren", organisatie)
    fouten: dict[str, str] = {}
    if onderwerp not in Onderwerp.values:
        fouten["onderwerp"] = _("Kies een onderwerp uit de lijst.")
    getal = _niet_negatief(fouten, "waarde", waarde, _("De waarde"), MAX_WAARDE_ARBEIDSVOORWAARDE)
    toelichting = _tekst(fouten, "toelichting", toelichting, nodig=False, max_len=300)
    if fouten:
        raise ValidationError(fouten)
    vorige = (
        Arbeidsvoorwaarde.objects.select_for_update()
        .filter(organisatie=organisatie, onderwerp=onderwerp)
        .values_list("waarde", flat=True)
        .first()
    )
    try:
        with transaction.atomic():
            av, _nieuw = Arbeidsvoorwaarde.objects.update_or_create(
                organisatie=organisatie,
                onderwerp=onderwerp,
                defaults={
                    "waarde": getal,
                    "toelichting": toelichting,
                    "bijgewerkt_op": timezone.now(),
                },
            )
    except IntegrityError:  # a concurrent first write of the same topic
        raise ValidationError(
            {"onderwerp": _("Dit onderwerp werd net door een ander vastgelegd.")}
        ) from None
    audit.record(
        event="dienstverlening.arbeidsvoorwaarde_vastgelegd",
        actor=door,
        obj=av,
        data={
            "organisatie": organisatie.slug,
            "onderwerp": onderwerp,
            "waarde": getal,
            "vorige": vorige,
        },
    )
    return av
