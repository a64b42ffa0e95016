"""Loading the kinds of request (Soort with its ladder) from `data/soorten.json`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from uitvoerbaar.audit import services as audit
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Organisatie

from .constants import OrganisatieBron, Publicatie, Termijneenheid
from .models import Escalatieniveau, Soort

SOORTEN_BESTAND = Path(__file__).resolve().parent / "data" / "soorten.json"

_BRON = {
    "ontvanger": OrganisatieBron.ONTVANGER,
    "eigenaar_ministerie": OrganisatieBron.EIGENAAR_MINISTERIE,
    "vast": OrganisatieBron.VASTE_ORGANISATIE,
}


def _termijn(waarde: Any, waar: str) -> tuple[int, str]:
    aantal, eenheid = waarde
    if not isinstance(aantal, int) or aantal < 1 or eenheid not in Termijneenheid.values:
        raise ValidationError(
            _("Ongeldige termijn bij %(waar)s: %(w)s") % {"waar": waar, "w": waarde}
        )
    return aantal, eenheid


@transaction.atomic
def load_soorten(*, path: Path = SOORTEN_BESTAND, bijwerken: bool = False) -> dict[str, list[str]]:
    """Create the kinds that do not exist yet. Existing kinds are left as a beheerder may have
    changed them, unless `bijwerken` (then their fields and ladder follow the file). A level at
    a fixed organisation that does not exist here is skipped when marked optional (and
    reported); otherwise the whole load is refused. Audited; idempotent."""
    data = json.loads(path.read_text(encoding="utf-8"))
    verslag: dict[str, list[str]] = {
        "nieuw": [],
        "bijgewerkt": [],
        "ongewijzigd": [],
        "overgeslagen": [],
    }
    for item in data["soorten"]:
        code = item["code"]
        aantal, eenheid = _termijn(item["termijn"], code)
        if item["publicatie"] not in Publicatie.values:
            raise ValidationError(_("Onbekend publicatiebeleid bij %(code)s.") % {"code": code})
        velden = {
            "naam": item["naam"],
            "omschrijving": item.get("omschrijving", ""),
            "termijn_aantal": aantal,
            "termijn_eenheid": eenheid,
            "herinneringen": [int(d) for d in item.get("herinneringen", [])],
            "max_verlenging_dagen": int(item.get("max_verlenging_dagen", 0)),
            "publicatie": item["publicatie"],
            "stilte_openbaar": bool(item.get("stilte_openbaar", True)),
        }
        soort = Soort.objects.filter(code=code).first()
        if soort is not None and not bijwerken:
            verslag["ongewijzigd"].append(code)
            continue
        nieuw = soort is None
        if soort is None:
            soort = Soort.objects.create(code=code, **velden)
        else:
            for veld, waarde in velden.items():
                setattr(soort, veld, waarde)
            soort.save()
            soort.niveaus.all().delete()
        volgorde = 0
        for niveau in item.get("niveaus", []):
            rol = niveau["rol"]
            if rol not in Rol.values:
                raise ValidationError(
                    _("Onbekende rol %(rol)s bij %(code)s.") % {"rol": rol, "code": code}
                )
            bron = _BRON[niveau["organisatie"]]
            vast = None
            if bron == OrganisatieBron.VASTE_ORGANISATIE:
                vast = Organisatie.objects.filter(slug=niveau["vaste_organisatie"]).first()
                if vast is None:
                    if niveau.get("optioneel"):
                        verslag["overgeslagen"].append(f"{code}: {niveau['naam']}")
                        continue
                    raise ValidationError(
                        _("Organisatie %(slug)s bestaat niet (bij %(code)s).")
                        % {"slug": niveau["vaste_organisatie"], "code": code}
                    )
            n_aantal, n_eenheid = _termijn(niveau["termijn"], f"{code}: {niveau['naam']}")
            volgorde += 1
            Escalatieniveau.objects.create(
                soort=soort,
                volgorde=volgorde,
                naam=niveau["naam"],
                organisatie_bron=bron,
                vaste_organisatie=vast,
                rol=rol,
                termijn_aantal=n_aantal,
                termijn_eenheid=n_eenheid,
            )
        audit.record(
            event="responsplicht.soort_geladen",
            actor=None,
            obj=soort,
            data={"code": code, "nieuw": nieuw, "niveaus": volgorde},
        )
        verslag["nieuw" if nieuw else "bijgewerkt"].append(code)
    return verslag
