"""Helper of tests/test_crash.py, run as a subprocess against the crash test's own database.

    python tests/crash_hulp.py opzetten      -> migrate, generate small data, print sessions
    python tests/crash_hulp.py controleren F -> check the acknowledged items listed in file F

Settings, database and data folder come from the environment the test sets."""

from __future__ import annotations

import json
import sys
from typing import Any


def opzetten() -> dict[str, Any]:
    """Migrate, generate the small dataset, and pick an executive organisation with open
    acknowledgement requests: a professional reports there, a behandelaar answers there.
    Sessions are made directly (the login form is not what is tested here)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.db.models import Count
    from django.middleware.csrf import _get_new_csrf_string  # type: ignore[attr-defined]

    from uitvoerbaar.core.constants import Rol
    from uitvoerbaar.core.models import Gebruiker, Lidmaatschap, Organisatie
    from uitvoerbaar.responsplicht.models import Reactieverzoek

    call_command("migrate", verbosity=0)
    call_command("generate_data", "--scale", "small", "--seed", "11", verbosity=0)
    open_ = Reactieverzoek.objects.lopend().filter(soort__code="wbk-ontvangstbevestiging", niveau=0)
    org_id = (
        open_.values("ontvanger_organisatie")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("ontvanger_organisatie", flat=True)[0]
    )
    org = Organisatie.objects.get(pk=org_id)

    def sessie(rol: str) -> str:
        lid = Lidmaatschap.objects.filter(organisatie=org, rol=rol).order_by("pk").first()
        assert lid is not None, rol
        persoon = Gebruiker.objects.get(pk=lid.gebruiker_id)
        s = SessionStore()
        s[SESSION_KEY] = str(persoon.pk)
        s[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        s[HASH_SESSION_KEY] = persoon.get_session_auth_hash()
        s.create()
        return s.session_key or ""

    return {
        "organisatie": org.slug,
        "melder": sessie(Rol.MEDEWERKER),
        "behandelaar": sessie(Rol.BEHANDELAAR),
        "csrf": _get_new_csrf_string(),
        "verzoeken": list(
            open_.filter(ontvanger_organisatie=org).order_by("pk").values_list("pk", flat=True)
        ),
    }


def controleren(pad: str) -> dict[str, Any]:
    """Every acknowledged signal stored with the text sent, every acknowledged answer stored
    with its measure, and the audit chain intact."""
    from uitvoerbaar.audit.verification import verify_chain
    from uitvoerbaar.responsplicht.models import Reactie
    from uitvoerbaar.signalen.models import Signaal

    with open(pad, encoding="utf-8") as f:
        bevestigd = json.load(f)
    signalen = dict(
        Signaal.objects.filter(pk__in=[s["id"] for s in bevestigd["signalen"]]).values_list(
            "pk", "titel"
        )
    )
    ontbrekende_signalen = [s for s in bevestigd["signalen"] if signalen.get(s["id"]) != s["titel"]]
    antwoorden = set(
        Reactie.objects.filter(
            verzoek_id__in=[a["verzoek"] for a in bevestigd["antwoorden"]]
        ).values_list("verzoek_id", "maatregel")
    )
    ontbrekende_antwoorden = [
        a for a in bevestigd["antwoorden"] if (a["verzoek"], a["maatregel"]) not in antwoorden
    ]
    keten = verify_chain()
    return {
        "ontbrekende_signalen": ontbrekende_signalen,
        "ontbrekende_antwoorden": ontbrekende_antwoorden,
        "signalen_opgeslagen": Signaal.objects.count(),
        "keten_ok": keten.ok,
        "keten": keten.melding,
    }


def main() -> None:
    import django

    django.setup()
    if sys.argv[1] == "opzetten":
        uitkomst = opzetten()
    else:
        uitkomst = controleren(sys.argv[2])
    print("RESULTAAT " + json.dumps(uitkomst))


if __name__ == "__main__":
    main()
