"""State changes of the kennisbank: loading principles and regulations from the agreed data
files (/work/kennisbank-data-format.md), saves from the beheer screen, and the reusable
four-perspective assessment. Every change is atomic and writes its audit event."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models, transaction
from django.db.models.deletion import ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _

from uitvoerbaar.audit import services as audit
from uitvoerbaar.core import policy
from uitvoerbaar.core.constants import OrganisatieSoort
from uitvoerbaar.core.models import Gebruiker, Organisatie

from .constants import (
    BWB_ID_PATROON,
    OORDELEN_MET_TOELICHTING,
    AfwijkingsgrondSoort,
    Oordeel,
    Perspectief,
    RechtSoort,
    RegelingSoort,
)
from .models import (
    PERSPECTIEF_VELDEN,
    Afwijkingsgrond,
    Artikel,
    Beginsel,
    Kader,
    Levensgebeurtenis,
    Perspectiefbeoordeling,
    Rechtuitspraak,
    Regeling,
    oordeel_veld,
    toelichting_veld,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
BEGINSELEN_BESTAND = DATA_DIR / "beginselen.json"
LEVENSGEBEURTENISSEN_BESTAND = DATA_DIR / "levensgebeurtenissen.json"

SLUG_PATROON = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_TOELICHTING = 5000

M = TypeVar("M", bound=models.Model)


# --------------------------------------------------------------------------------------------
# Small helpers for validating loaded data. Every problem is collected, so one run of the
# loader names all mistakes in a file at once; nothing is written while any remain.


class _Fouten(list[str]):
    def tekst(
        self,
        bron: Mapping[str, Any],
        veld: str,
        plek: str,
        *,
        verplicht: bool = False,
        max_length: int | None = None,
    ) -> str:
        waarde = bron.get(veld, "")
        if waarde is None:
            waarde = ""
        if isinstance(waarde, int) and not isinstance(waarde, bool):
            waarde = str(waarde)  # an article number written as 18 instead of "18"
        if not isinstance(waarde, str):
            self.append(
                _("%(plek)s: '%(veld)s' moet een tekst zijn.") % {"plek": plek, "veld": veld}
            )
            return ""
        waarde = waarde.strip()
        if verplicht and not waarde:
            self.append(
                _("%(plek)s: '%(veld)s' is leeg. Vul dit in.") % {"plek": plek, "veld": veld}
            )
        if max_length is not None and len(waarde) > max_length:
            self.append(
                _("%(plek)s: '%(veld)s' is te lang. Gebruik hoogstens %(max)d tekens.")
                % {"plek": plek, "veld": veld, "max": max_length}
            )
        return waarde

    def code(self, bron: Mapping[str, Any], veld: str, plek: str) -> str:
        waarde = self.tekst(bron, veld, plek, verplicht=True, max_length=100)
        if waarde and not SLUG_PATROON.match(waarde):
            self.append(
                _(
                    "%(plek)s: de code '%(code)s' mag alleen kleine letters, cijfers en "
                    "streepjes bevatten."
                )
                % {"plek": plek, "code": waarde}
            )
        return waarde

    def url(self, bron: Mapping[str, Any], veld: str, plek: str) -> str:
        waarde = self.tekst(bron, veld, plek, max_length=500)
        if waarde:
            try:
                URLValidator(schemes=["http", "https"])(waarde)
            except ValidationError:
                self.append(
                    _("%(plek)s: '%(url)s' is geen geldige link. Een link begint met https://.")
                    % {"plek": plek, "url": waarde}
                )
        return waarde

    def lijst(self, bron: Mapping[str, Any], veld: str, plek: str) -> list[Any]:
        waarde = bron.get(veld, [])
        if waarde is None:
            return []
        if not isinstance(waarde, list):
            self.append(
                _("%(plek)s: '%(veld)s' moet een lijst zijn.") % {"plek": plek, "veld": veld}
            )
            return []
        return waarde

    def geheel_getal(self, bron: Mapping[str, Any], veld: str, plek: str, standaard: int) -> int:
        waarde = bron.get(veld, standaard)
        if isinstance(waarde, bool) or not isinstance(waarde, int) or waarde < 0:
            self.append(
                _("%(plek)s: '%(veld)s' moet een heel getal van 0 of meer zijn.")
                % {"plek": plek, "veld": veld}
            )
            return standaard
        return waarde

    def controleer(self) -> None:
        if self:
            raise ValidationError(list(self))


def _object(fouten: _Fouten, waarde: Any, plek: str) -> dict[str, Any]:
    if not isinstance(waarde, dict):
        fouten.append(_("%(plek)s: dit moet een object met velden zijn.") % {"plek": plek})
        return {}
    return waarde


def _bijwerken(obj: models.Model, waarden: Mapping[str, Any]) -> list[str]:
    """Set `waarden` on `obj`; the names of the fields whose value changed."""
    gewijzigd = [veld for veld, waarde in waarden.items() if getattr(obj, veld) != waarde]
    for veld in gewijzigd:
        setattr(obj, veld, waarden[veld])
    return gewijzigd


def _vereis_beheer(door: Gebruiker | None) -> None:
    # `door` None is system set-up (make demo, deployment), audited as having no actor.
    if door is not None:
        policy.require(door, "kennisbank.beheren")


def _verwijder(qs: models.QuerySet[Any], wat: str) -> int:
    """Delete records that left the data file; refused in Dutch when other records (a signal,
    a deviation) still point at them, so history is never cut loose."""
    try:
        aantal, _per_model = qs.delete()
    except (ProtectedError, RestrictedError) as exc:
        raise ValidationError(
            _(
                "%(wat)s staat niet meer in het bestand, maar er zijn nog gegevens aan gekoppeld. "
                "Het kan daarom niet weg. Laat het in het bestand staan."
            )
            % {"wat": wat}
        ) from exc
    return aantal


# --------------------------------------------------------------------------------------------
# Principles


def _lees_json(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError as exc:
        raise ValidationError(_("Het bestand %(pad)s bestaat niet.") % {"pad": str(path)}) from exc
    except json.JSONDecodeError as exc:
        raise ValidationError(
            _("Het bestand %(pad)s is geen geldige JSON (regel %(regel)d): %(fout)s")
            % {"pad": str(path), "regel": exc.lineno, "fout": exc.msg}
        ) from exc


def _valideer_beginselen(data: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    fouten = _Fouten()
    if not isinstance(data, dict):
        raise ValidationError(_("Het bestand moet een object met 'kaders' en 'beginselen' zijn."))
    kaders: list[dict[str, Any]] = []
    for i, ruw in enumerate(fouten.lijst(data, "kaders", _("Bestand")), start=1):
        plek = _("Kader %(nr)d") % {"nr": i}
        bron = _object(fouten, ruw, plek)
        code = fouten.code(bron, "code", plek)
        if code:
            plek = _("Kader '%(code)s'") % {"code": code}
        kaders.append(
            {
                "code": code,
                "naam": fouten.tekst(bron, "naam", plek, verplicht=True, max_length=200),
                "bron": fouten.tekst(bron, "bron", plek, max_length=300),
                "toelichting": fouten.tekst(bron, "toelichting", plek),
                "volgorde": fouten.geheel_getal(bron, "volgorde", plek, i),
            }
        )
    kadercodes = [k["code"] for k in kaders]
    for code in {c for c in kadercodes if kadercodes.count(c) > 1}:
        fouten.append(
            _("Kader '%(code)s' staat meer dan één keer in het bestand.") % {"code": code}
        )
    bekende_kaders = set(kadercodes) | set(Kader.objects.values_list("code", flat=True))

    beginselen: list[dict[str, Any]] = []
    for i, ruw in enumerate(fouten.lijst(data, "beginselen", _("Bestand")), start=1):
        plek = _("Beginsel %(nr)d") % {"nr": i}
        bron = _object(fouten, ruw, plek)
        code = fouten.code(bron, "code", plek)
        if code:
            plek = _("Beginsel '%(code)s'") % {"code": code}
        kader = fouten.tekst(bron, "kader", plek, verplicht=True)
        if kader and kader not in bekende_kaders:
            fouten.append(
                _("%(plek)s: het kader '%(kader)s' bestaat niet.") % {"plek": plek, "kader": kader}
            )
        geschreven = bron.get("geschreven", False)
        if not isinstance(geschreven, bool):
            fouten.append(_("%(plek)s: 'geschreven' moet true of false zijn.") % {"plek": plek})
            geschreven = False
        vragen: list[str] = []
        for vraag in fouten.lijst(bron, "vragen", plek):
            if not isinstance(vraag, str) or not vraag.strip():
                fouten.append(_("%(plek)s: elke vraag moet een tekst zijn.") % {"plek": plek})
            else:
                vragen.append(vraag.strip())
        if not vragen:
            fouten.append(_("%(plek)s: geef ten minste één vraag.") % {"plek": plek})
        beginselen.append(
            {
                "code": code,
                "kader": kader,
                "groep": fouten.tekst(bron, "groep", plek, max_length=100),
                "naam": fouten.tekst(bron, "naam", plek, verplicht=True, max_length=200),
                "geschreven": geschreven,
                "wettelijke_grondslag": fouten.tekst(
                    bron, "wettelijke_grondslag", plek, max_length=200
                ),
                "toelichting": fouten.tekst(bron, "toelichting", plek, verplicht=True),
                "vragen": vragen,
                "volgorde": fouten.geheel_getal(bron, "volgorde", plek, i),
            }
        )
    codes = [b["code"] for b in beginselen]
    for code in sorted({c for c in codes if codes.count(c) > 1}):
        fouten.append(
            _("Beginsel '%(code)s' staat meer dan één keer in het bestand.") % {"code": code}
        )
    fouten.controleer()
    return kaders, beginselen


@transaction.atomic
def load_beginselen(*, door: Gebruiker | None = None, path: str | Path | None = None) -> int:
    """Load the frameworks and principles from `path` (default: data/beginselen.json).

    Idempotent by `code`: new records are created, changed ones updated in place, each with
    an audit event; records not in the file stay (answers may refer to them). Returns the
    number of records created or changed, 0 on a second run. Bad data raises a ValidationError
    that names every problem in Dutch, and nothing is stored."""
    _vereis_beheer(door)
    bestand = Path(path) if path is not None else BEGINSELEN_BESTAND
    kaders, beginselen = _valideer_beginselen(_lees_json(bestand))
    aantal = 0
    per_code = {k.code: k for k in Kader.objects.filter(code__in=[k["code"] for k in kaders])}
    for waarden in kaders:
        kader = per_code.get(waarden["code"]) or Kader(code=waarden["code"])
        nieuw = kader.pk is None
        velden = _bijwerken(kader, waarden)
        if nieuw or velden:
            kader.save()
            audit.record(
                event="kennisbank.kader." + ("aangemaakt" if nieuw else "gewijzigd"),
                actor=door,
                obj=kader,
                data={"code": kader.code, "velden": velden, "bron": bestand.name},
            )
            aantal += 1
        per_code[kader.code] = kader
    ontbrekend = {b["kader"] for b in beginselen} - set(per_code)
    per_code.update({k.code: k for k in Kader.objects.filter(code__in=ontbrekend)})

    bestaand = {
        b.code: b for b in Beginsel.objects.filter(code__in=[b["code"] for b in beginselen])
    }
    for ruw in beginselen:
        waarden = {**ruw, "kader_id": per_code[ruw["kader"]].pk}
        del waarden["kader"]
        beginsel = bestaand.get(waarden["code"]) or Beginsel(code=waarden["code"])
        nieuw = beginsel.pk is None
        velden = _bijwerken(beginsel, waarden)
        # The search text follows the fields; it is not reported as a change of its own.
        zoektekst = _bijwerken(beginsel, {"zoektekst": beginsel.bereken_zoektekst()})
        if nieuw or velden or zoektekst:
            beginsel.save()
            audit.record(
                event="kennisbank.beginsel." + ("aangemaakt" if nieuw else "gewijzigd"),
                actor=door,
                obj=beginsel,
                data={"code": beginsel.code, "velden": velden, "bron": bestand.name},
            )
            aantal += 1
    return aantal


# --------------------------------------------------------------------------------------------
# Regulations and their derived deviation grounds


@dataclass(frozen=True)
class Grond:
    """A deviation ground derived from a regulation's data (see `afgeleide_gronden`)."""

    sleutel: str
    soort: AfwijkingsgrondSoort
    artikel: str  # article number, "" when the ground belongs to the whole regulation
    omschrijving: str
    vereisten: str
    volgorde: int


# The texts of derived grounds are stored data in Dutch, like the content of the data files.
HARDHEID_OMSCHRIJVING = (
    "Artikel {nummer} van de regeling '{naam}' is een hardheidsclausule. Daarmee mag de "
    "uitvoering een regel anders toepassen of niet toepassen als die in een geval onbillijk "
    "uitpakt, op een manier die de wetgever niet heeft bedoeld."
)
HARDHEID_VEREISTEN = (
    "De regel pakt in dit geval uit op een manier die onbillijk is, en die onbillijkheid weegt "
    "zwaar. De wetgever heeft dit niet zo bedoeld. Schrijf op wat er bijzonder is aan het "
    "geval, en waarom afwijken past bij de bedoeling van de regeling."
)
BELEIDSRUIMTE_VEREISTEN = (
    "Gebruik de ruimte zo dat het past bij de bedoeling van het artikel. Behandel gelijke "
    "gevallen gelijk. Schrijf op welke afweging u maakte en waarom."
)
BELEIDSREGEL_OMSCHRIJVING = (
    "Volgens art. 4:84 Awb handelt de overheid volgens haar beleidsregel. Maar zij moet ervan "
    "afwijken als de gevolgen voor iemand door bijzondere omstandigheden onevenredig zijn in "
    "verhouding tot de doelen van de beleidsregel."
)
BELEIDSREGEL_VEREISTEN = (
    "Er zijn bijzondere omstandigheden waar de beleidsregel geen rekening mee houdt. Het volgen "
    "van de beleidsregel heeft gevolgen die niet in verhouding staan tot de doelen ervan. Leg "
    "de afwijking uit in het besluit."
)
EVENREDIGHEID_OMSCHRIJVING = (
    "Volgens art. 3:4 lid 2 Awb mogen de nadelige gevolgen van een besluit voor iemand niet "
    "onevenredig zijn in verhouding tot de doelen van het besluit. Dit geldt vooral waar de "
    "regeling ruimte laat om belangen af te wegen."
)
EVENREDIGHEID_VEREISTEN = (
    "Breng de belangen van de burger en het doel van de regel in kaart. Laat zien waarom de "
    "gevolgen niet in verhouding staan tot dat doel. Let op: een dwingende regel uit een wet "
    "zonder ruimte kunt u hiermee meestal niet opzij zetten. Vraag bij twijfel juridisch advies."
)


def afgeleide_gronden(regeling: Mapping[str, Any]) -> list[Grond]:
    """The deviation grounds that follow from a (validated) regulation: its hardheidsclausule,
    the discretionary room of each article, art. 4:84 Awb for a policy rule, and the
    proportionality test of art. 3:4 lid 2 Awb, which applies to every regulation."""
    gronden: list[Grond] = []
    if nummer := regeling["hardheidsclausule"]:
        omschrijving = HARDHEID_OMSCHRIJVING.format(nummer=nummer, naam=regeling["naam"])
        gronden.append(
            Grond(
                "hardheidsclausule",
                AfwijkingsgrondSoort.HARDHEIDSCLAUSULE,
                nummer,
                omschrijving,
                HARDHEID_VEREISTEN,
                1,
            )
        )
    for i, artikel in enumerate(regeling["artikelen"], start=1):
        if artikel["beleidsruimte"]:
            gronden.append(
                Grond(
                    f"beleidsruimte:{artikel['nummer']}",
                    AfwijkingsgrondSoort.BELEIDSRUIMTE,
                    artikel["nummer"],
                    artikel["beleidsruimte"],
                    BELEIDSRUIMTE_VEREISTEN,
                    10 + i,
                )
            )
    if regeling["soort"] == RegelingSoort.BELEIDSREGEL:
        gronden.append(
            Grond(
                "awb-4:84",
                AfwijkingsgrondSoort.BELEIDSREGEL,
                "",
                BELEIDSREGEL_OMSCHRIJVING,
                BELEIDSREGEL_VEREISTEN,
                100_000,
            )
        )
    gronden.append(
        Grond(
            "awb-3:4-lid-2",
            AfwijkingsgrondSoort.EVENREDIGHEID,
            "",
            EVENREDIGHEID_OMSCHRIJVING,
            EVENREDIGHEID_VEREISTEN,
            100_001,
        )
    )
    return gronden


def _valideer_regelingen(data: Any) -> tuple[list[dict[str, Any]], dict[str, Organisatie]]:
    if not isinstance(data, dict) or not isinstance(data.get("regelingen"), list):
        raise ValidationError(_("De gegevens moeten een object met een lijst 'regelingen' zijn."))
    fouten = _Fouten()
    regelingen: list[dict[str, Any]] = []
    for i, ruw in enumerate(data["regelingen"], start=1):
        plek = _("Regeling %(nr)d") % {"nr": i}
        bron = _object(fouten, ruw, plek)
        code = fouten.code(bron, "code", plek)
        if code:
            plek = _("Regeling '%(code)s'") % {"code": code}
        soort = bron.get("soort", "")
        if soort not in RegelingSoort.values:
            fouten.append(
                _("%(plek)s: de soort '%(soort)s' kennen we niet. Kies uit: %(keuzes)s.")
                % {"plek": plek, "soort": soort, "keuzes": ", ".join(RegelingSoort.values)}
            )
        bwb_id = fouten.tekst(bron, "bwb_id", plek, max_length=11)
        if bwb_id and not re.match(BWB_ID_PATROON, bwb_id):
            fouten.append(
                _(
                    "%(plek)s: '%(bwb)s' is geen geldig BWB-nummer. Een BWB-nummer ziet eruit als "
                    "BWBR0015703."
                )
                % {"plek": plek, "bwb": bwb_id}
            )
        uitvoerders = fouten.lijst(bron, "uitvoerders", plek)
        if any(not isinstance(u, str) for u in uitvoerders):
            fouten.append(
                _("%(plek)s: elke uitvoerder moet een korte naam (tekst) zijn.") % {"plek": plek}
            )
            uitvoerders = [u for u in uitvoerders if isinstance(u, str)]

        artikelen: list[dict[str, Any]] = []
        for j, ruw_artikel in enumerate(fouten.lijst(bron, "artikelen", plek), start=1):
            aplek = _("%(plek)s, artikel %(nr)d") % {"plek": plek, "nr": j}
            abron = _object(fouten, ruw_artikel, aplek)
            nummer = fouten.tekst(abron, "nummer", aplek, verplicht=True, max_length=30)
            if nummer:
                aplek = _("%(plek)s, artikel %(nummer)s") % {"plek": plek, "nummer": nummer}
                if "/" in nummer:
                    fouten.append(
                        _("%(plek)s: een artikelnummer mag geen / bevatten.") % {"plek": aplek}
                    )
            artikelen.append(
                {
                    "nummer": nummer,
                    "titel": fouten.tekst(abron, "titel", aplek, max_length=300),
                    "samenvatting": fouten.tekst(abron, "samenvatting", aplek),
                    "bedoeling": fouten.tekst(abron, "bedoeling", aplek),
                    "beleidsruimte": fouten.tekst(abron, "beleidsruimte", aplek),
                    "url": fouten.url(abron, "url", aplek),
                }
            )
        nummers = [a["nummer"] for a in artikelen]
        for nummer in sorted({n for n in nummers if nummers.count(n) > 1}):
            fouten.append(
                _("%(plek)s: artikel %(nummer)s staat er meer dan één keer in.")
                % {"plek": plek, "nummer": nummer}
            )

        rechten: list[dict[str, Any]] = []
        for j, ruw_recht in enumerate(fouten.lijst(bron, "rechten", plek), start=1):
            rplek = _("%(plek)s, recht %(nr)d") % {"plek": plek, "nr": j}
            rbron = _object(fouten, ruw_recht, rplek)
            rsoort = rbron.get("soort", "")
            if rsoort not in RechtSoort.values:
                fouten.append(_("%(plek)s: 'soort' moet 'wel' of 'niet' zijn.") % {"plek": rplek})
            artikel = fouten.tekst(rbron, "artikel", rplek)
            if artikel and artikel not in nummers:
                fouten.append(
                    _("%(plek)s: artikel %(nummer)s staat niet bij de artikelen van de regeling.")
                    % {"plek": rplek, "nummer": artikel}
                )
            rechten.append(
                {
                    "soort": rsoort,
                    "tekst": fouten.tekst(rbron, "tekst", rplek, verplicht=True),
                    "artikel": artikel,
                }
            )

        regelingen.append(
            {
                "code": code,
                "naam": fouten.tekst(bron, "naam", plek, verplicht=True, max_length=300),
                "citeertitel": fouten.tekst(bron, "citeertitel", plek, max_length=300),
                "soort": soort,
                "bwb_id": bwb_id,
                "url": fouten.url(bron, "url", plek),
                "eigenaar": fouten.tekst(bron, "eigenaar", plek, verplicht=True),
                "uitvoerders": [u.strip() for u in uitvoerders],
                "bedoeling": fouten.tekst(bron, "bedoeling", plek),
                "hardheidsclausule": fouten.tekst(bron, "hardheidsclausule", plek, max_length=30),
                "artikelen": artikelen,
                "rechten": rechten,
            }
        )
    codes = [r["code"] for r in regelingen]
    for code in sorted({c for c in codes if codes.count(c) > 1}):
        fouten.append(
            _("Regeling '%(code)s' staat meer dan één keer in de gegevens.") % {"code": code}
        )

    slugs = {r["eigenaar"] for r in regelingen} | {u for r in regelingen for u in r["uitvoerders"]}
    organisaties = {o.slug: o for o in Organisatie.objects.filter(slug__in=slugs - {""})}
    for regeling in regelingen:
        plek = _("Regeling '%(code)s'") % {"code": regeling["code"]}
        eigenaar = organisaties.get(regeling["eigenaar"])
        if regeling["eigenaar"] and eigenaar is None:
            fouten.append(
                _(
                    "%(plek)s: de eigenaar '%(slug)s' bestaat niet. Maak die organisatie eerst "
                    "aan, of verbeter de korte naam."
                )
                % {"plek": plek, "slug": regeling["eigenaar"]}
            )
        elif eigenaar is not None and eigenaar.soort != OrganisatieSoort.MINISTERIE:
            fouten.append(
                _("%(plek)s: de eigenaar '%(slug)s' is geen ministerie.")
                % {"plek": plek, "slug": regeling["eigenaar"]}
            )
        for slug in regeling["uitvoerders"]:
            if slug not in organisaties:
                fouten.append(
                    _(
                        "%(plek)s: de uitvoerder '%(slug)s' bestaat niet. Maak die organisatie "
                        "eerst aan, of verbeter de korte naam."
                    )
                    % {"plek": plek, "slug": slug}
                )
    fouten.controleer()
    return regelingen, organisaties


def _sync_artikelen(
    regeling: Regeling, artikelen: Sequence[Mapping[str, Any]], nieuw: bool
) -> tuple[dict[str, Artikel], dict[str, list[str]]]:
    bestaand = {} if nieuw else {a.nummer: a for a in regeling.artikelen.all()}
    verslag: dict[str, list[str]] = {"nieuw": [], "gewijzigd": [], "verwijderd": []}
    per_nummer: dict[str, Artikel] = {}
    for volgorde, waarden in enumerate(artikelen, start=1):
        artikel = bestaand.get(waarden["nummer"]) or Artikel(regeling=regeling)
        is_nieuw = artikel.pk is None
        velden = _bijwerken(artikel, {**waarden, "volgorde": volgorde})
        if is_nieuw or velden:
            artikel.save()
            verslag["nieuw" if is_nieuw else "gewijzigd"].append(artikel.nummer)
        per_nummer[artikel.nummer] = artikel
    weg = sorted(set(bestaand) - set(per_nummer))
    if weg:
        _verwijder(
            Artikel.objects.filter(regeling=regeling, nummer__in=weg),
            _("Artikel %(nummers)s van %(regeling)s")
            % {"nummers": ", ".join(weg), "regeling": regeling.naam},
        )
        verslag["verwijderd"] = weg
    return per_nummer, verslag


def _sync_rechten(
    regeling: Regeling,
    rechten: Sequence[Mapping[str, Any]],
    nieuw: bool,
    artikelen: Mapping[str, Artikel],
) -> int:
    """Rights statements have no code of their own: the list is replaced when it differs."""
    gewenst = [(r["soort"], r["tekst"], r["artikel"]) for r in rechten]
    huidig_qs = Rechtuitspraak.objects.filter(regeling=regeling).select_related("artikel")
    huidig = (
        []
        if nieuw
        else [
            (r.soort, r.tekst, r.artikel.nummer if r.artikel else "")
            for r in huidig_qs.order_by("volgorde", "pk")
        ]
    )
    if huidig == gewenst:
        return 0
    verwijderd = _verwijder(
        huidig_qs, _("Een recht van %(regeling)s") % {"regeling": regeling.naam}
    )
    Rechtuitspraak.objects.bulk_create(
        [
            Rechtuitspraak(
                regeling=regeling,
                soort=soort,
                tekst=tekst,
                volgorde=volgorde,
                artikel=artikelen[nummer] if nummer else None,
            )
            for volgorde, (soort, tekst, nummer) in enumerate(gewenst, start=1)
        ]
    )
    return verwijderd + len(gewenst)


def _sync_gronden(
    regeling: Regeling, gronden: Sequence[Grond], nieuw: bool, artikelen: Mapping[str, Artikel]
) -> dict[str, list[str]]:
    bestaand = {} if nieuw else {g.sleutel: g for g in regeling.afwijkingsgronden.all()}
    verslag: dict[str, list[str]] = {"nieuw": [], "gewijzigd": [], "verwijderd": []}
    for grond in gronden:
        obj = bestaand.get(grond.sleutel) or Afwijkingsgrond(
            regeling=regeling, sleutel=grond.sleutel
        )
        is_nieuw = obj.pk is None
        artikel = artikelen.get(grond.artikel)
        velden = _bijwerken(
            obj,
            {
                "soort": str(grond.soort),
                "omschrijving": grond.omschrijving,
                "vereisten": grond.vereisten,
                "volgorde": grond.volgorde,
                "artikel_id": artikel.pk if artikel else None,
            },
        )
        if is_nieuw or velden:
            obj.save()
            verslag["nieuw" if is_nieuw else "gewijzigd"].append(grond.sleutel)
    weg = sorted(set(bestaand) - {g.sleutel for g in gronden})
    if weg:
        _verwijder(
            Afwijkingsgrond.objects.filter(regeling=regeling, sleutel__in=weg),
            _("Een afwijkingsgrond van %(regeling)s") % {"regeling": regeling.naam},
        )
        verslag["verwijderd"] = weg
    return verslag


@transaction.atomic
def import_regelingen(*, door: Gebruiker | None = None, data: dict[str, Any]) -> int:
    """Import regulations in the agreed format (`{"regelingen": [...]}`).

    Idempotent by `code`: a regulation is created or updated in place with its articles (by
    number), rights statements and derived deviation grounds (`afgeleide_gronden`); articles
    and grounds that left the data are removed, unless other records refer to them. One audit
    event per regulation that changed. Returns the number of records created, changed or
    removed, 0 on a second run. Unknown organisation slugs, an owner that is not a ministry
    and other bad data raise a ValidationError in Dutch, and nothing is stored."""
    _vereis_beheer(door)
    regelingen, organisaties = _valideer_regelingen(data)
    bestaand = {
        r.code: r
        for r in Regeling.objects.filter(code__in=[r["code"] for r in regelingen]).prefetch_related(
            "uitvoerders", "artikelen", "afwijkingsgronden"
        )
    }
    aantal = 0
    for waarden in regelingen:
        regeling = bestaand.get(waarden["code"]) or Regeling(code=waarden["code"])
        nieuw = regeling.pk is None
        velden = _bijwerken(
            regeling,
            {
                veld: waarden[veld]
                for veld in (
                    "naam",
                    "citeertitel",
                    "soort",
                    "bwb_id",
                    "url",
                    "bedoeling",
                    "hardheidsclausule",
                )
            }
            | {"eigenaar_id": organisaties[waarden["eigenaar"]].pk},
        )
        zoektekst = _bijwerken(regeling, {"zoektekst": regeling.bereken_zoektekst()})
        if nieuw or velden or zoektekst:
            regeling.save()
        uitvoerders = {organisaties[slug].pk for slug in waarden["uitvoerders"]}
        if nieuw or uitvoerders != {o.pk for o in regeling.uitvoerders.all()}:
            regeling.uitvoerders.set(uitvoerders)
            if not nieuw:
                velden.append("uitvoerders")
        artikelen, artikelverslag = _sync_artikelen(regeling, waarden["artikelen"], nieuw)
        rechten = _sync_rechten(regeling, waarden["rechten"], nieuw, artikelen)
        grondverslag = _sync_gronden(regeling, afgeleide_gronden(waarden), nieuw, artikelen)
        wijzigingen = (
            sum(len(v) for v in artikelverslag.values())
            + rechten
            + sum(len(v) for v in grondverslag.values())
            + (1 if nieuw or velden or zoektekst else 0)
        )
        if wijzigingen:
            audit.record(
                event="kennisbank.regeling." + ("aangemaakt" if nieuw else "gewijzigd"),
                actor=door,
                obj=regeling,
                data={
                    "code": regeling.code,
                    "velden": velden,
                    "artikelen": artikelverslag,
                    "rechten_vervangen": bool(rechten),
                    "afwijkingsgronden": grondverslag,
                },
            )
        aantal += wijzigingen
    return aantal


# --------------------------------------------------------------------------------------------
# Life events (levensgebeurtenissen): the way in to the rechtenwijzer (action P1)


def _valideer_levensgebeurtenissen(data: Any) -> list[dict[str, Any]]:
    fouten = _Fouten()
    bron = _object(fouten, data, _("het bestand"))
    uit: list[dict[str, Any]] = []
    gezien: set[str] = set()
    for i, ruw in enumerate(fouten.lijst(bron, "levensgebeurtenissen", _("het bestand")), 1):
        plek = _("levensgebeurtenis %(nummer)d") % {"nummer": i}
        item = _object(fouten, ruw, plek)
        if not item:
            continue
        slug = fouten.code(item, "slug", plek)
        if slug in gezien:
            fouten.append(
                _("%(plek)s: de code '%(code)s' staat er twee keer in.")
                % {"plek": plek, "code": slug}
            )
        gezien.add(slug)
        regelingen = [str(c) for c in fouten.lijst(item, "regelingen", plek)]
        uit.append(
            {
                "slug": slug,
                "naam": fouten.tekst(item, "naam", plek, verplicht=True, max_length=200),
                "omschrijving": fouten.tekst(item, "omschrijving", plek, verplicht=True),
                "volgorde": fouten.geheel_getal(item, "volgorde", plek, i),
                "regelingen": regelingen,
            }
        )
    fouten.controleer()
    return uit


@transaction.atomic
def load_levensgebeurtenissen(
    *, door: Gebruiker | None = None, path: str | Path | None = None
) -> int:
    """Load life events from `path` (default: data/levensgebeurtenissen.json), each with the
    codes of the regulations that matter then.

    Idempotent by `slug`: new life events are created, changed ones updated, each with an
    audit event. A regulation code that is not in the kennisbank is skipped, not an error: the
    bundled file names common regulations, and an installation may not have loaded them all
    (load the regulations first). Returns the number of life events created or changed, 0 on a
    second run. Bad data raises a ValidationError in Dutch, and nothing is stored."""
    _vereis_beheer(door)
    bestand = Path(path) if path is not None else LEVENSGEBEURTENISSEN_BESTAND
    items = _valideer_levensgebeurtenissen(_lees_json(bestand))
    alle_codes = {c for item in items for c in item["regelingen"]}
    regeling_pk = dict(Regeling.objects.filter(code__in=alle_codes).values_list("code", "pk"))
    bestaand = {
        g.slug: g
        for g in Levensgebeurtenis.objects.filter(
            slug__in=[i["slug"] for i in items]
        ).prefetch_related("regelingen")
    }
    aantal = 0
    for item in items:
        gebeurtenis = bestaand.get(item["slug"]) or Levensgebeurtenis(slug=item["slug"])
        nieuw = gebeurtenis.pk is None
        velden = _bijwerken(
            gebeurtenis,
            {veld: item[veld] for veld in ("naam", "omschrijving", "volgorde")},
        )
        zoektekst = _bijwerken(gebeurtenis, {"zoektekst": gebeurtenis.bereken_zoektekst()})
        if nieuw or velden or zoektekst:
            gebeurtenis.save()
        gewenst = {regeling_pk[c] for c in item["regelingen"] if c in regeling_pk}
        if nieuw or gewenst != {r.pk for r in gebeurtenis.regelingen.all()}:
            gebeurtenis.regelingen.set(gewenst)
            if not nieuw:
                velden.append("regelingen")
        if nieuw or velden:
            audit.record(
                event="kennisbank.levensgebeurtenis." + ("aangemaakt" if nieuw else "gewijzigd"),
                actor=door,
                obj=gebeurtenis,
                data={"slug": gebeurtenis.slug, "velden": velden, "bron": bestand.name},
            )
            aantal += 1
    return aantal


# --------------------------------------------------------------------------------------------
# Saves from the beheer screen


@transaction.atomic
def save_uit_beheer(*, door: Gebruiker, obj: M, velden: Sequence[str]) -> M:
    """Save a kennisbank record edited in the beheer screen (`velden`: the changed fields).
    Checks `kennisbank.beheren`, refreshes the search text and writes the audit event."""
    policy.require(door, "kennisbank.beheren")
    if not isinstance(
        obj,
        Kader
        | Beginsel
        | Regeling
        | Artikel
        | Rechtuitspraak
        | Afwijkingsgrond
        | Levensgebeurtenis,
    ):
        raise TypeError(f"{type(obj).__name__} is geen kennisbankrecord.")
    nieuw = obj.pk is None
    if isinstance(obj, Beginsel | Regeling | Levensgebeurtenis):
        obj.zoektekst = obj.bereken_zoektekst()
    obj.save()
    audit.record(
        event=f"kennisbank.{obj._meta.model_name}." + ("aangemaakt" if nieuw else "gewijzigd"),
        actor=door,
        obj=obj,
        data={"velden": sorted(velden), "bron": "beheer"},
    )
    return obj


# --------------------------------------------------------------------------------------------
# The four-perspective assessment (seed action U3)


@transaction.atomic
def save_perspectieven(
    *,
    door: Gebruiker,
    beoordeling: Perspectiefbeoordeling | None = None,
    data: Mapping[str, Any],
) -> Perspectiefbeoordeling:
    """Create (`beoordeling` None) or update a four-perspective assessment.

    `data` holds any of `<perspectief>_oordeel` and `<perspectief>_toelichting`, as
    `PerspectievenForm.cleaned_data` and `PerspectievenSerializer.validated_data` give them;
    keys left out keep their value. A concern (zorgen, ernstige zorgen) must be explained.
    The calling app checks the policy on the subject the assessment belongs to. The audit
    event names the changed fields and the judgements, not the explanations (which may be
    confidential). Saving the same values again changes nothing and logs nothing."""
    onbekend = sorted(set(data) - set(PERSPECTIEF_VELDEN))
    if onbekend:
        raise ValidationError(
            {
                veld: _("Dit veld hoort niet bij een beoordeling vanuit vier perspectieven.")
                for veld in onbekend
            }
        )
    if beoordeling is not None and beoordeling.pk is not None:
        obj = Perspectiefbeoordeling.objects.select_for_update().get(pk=beoordeling.pk)
    else:
        obj = Perspectiefbeoordeling()
    fouten: dict[str, str] = {}
    waarden: dict[str, str] = {}
    for perspectief in Perspectief:
        ov, tv = oordeel_veld(perspectief), toelichting_veld(perspectief)
        oordeel = data.get(ov, getattr(obj, ov))
        toelichting = data.get(tv, getattr(obj, tv))
        if oordeel in (None, ""):
            oordeel = Oordeel.NIET_BEOORDEELD
        if oordeel not in Oordeel.values:
            fouten[ov] = _("Kies een van de oordelen: %(keuzes)s.") % {
                "keuzes": ", ".join(str(label) for label in Oordeel.labels)
            }
            continue
        if toelichting is None:
            toelichting = ""
        if not isinstance(toelichting, str):
            fouten[tv] = _("De toelichting moet een tekst zijn.")
            continue
        toelichting = toelichting.strip()
        if oordeel in OORDELEN_MET_TOELICHTING and not toelichting:
            fouten[tv] = _(
                "Leg uit waar uw zorgen over gaan. Bij 'Zorgen' en 'Ernstige "
                "zorgen' is een toelichting nodig."
            )
        elif len(toelichting) > MAX_TOELICHTING:
            fouten[tv] = _("Maak de toelichting korter: hoogstens %(max)d tekens.") % {
                "max": MAX_TOELICHTING
            }
        waarden[ov], waarden[tv] = str(oordeel), toelichting
    if fouten:
        raise ValidationError(fouten)
    nieuw = obj.pk is None
    velden = _bijwerken(obj, waarden)
    if not nieuw and not velden:
        return obj
    obj.bijgewerkt_op = timezone.now()
    obj.bijgewerkt_door = door
    obj.save()
    audit.record(
        event="perspectiefbeoordeling." + ("aangemaakt" if nieuw else "gewijzigd"),
        actor=door,
        obj=obj,
        data={
            "velden": velden,
            "oordelen": {str(p): str(obj.oordeel_van(p)) for p in Perspectief},
            "ontbrekend": [str(p) for p in obj.ontbrekende_perspectieven()],
        },
    )
    return obj
