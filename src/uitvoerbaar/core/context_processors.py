"""Navigation per role: each item is shown only when the policy allows its action."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from . import policy
from .paginering import MENU_GRENS

# (label, url name, policy action). Later apps add their entries here.
NAVIGATIE: list[tuple[Any, str, str]] = [
    (_("Start"), "core:home", "account.eigen"),
    (_("Te beantwoorden"), "responsplicht:inbox", "reactieverzoek.inbox"),
    (_("Signalen"), "signalen:lijst", "signaal.lijst"),
    (_("Signaal melden"), "signalen:melden", "signaal.melden"),
    (_("Knelpunten"), "signalen:knelpunten", "knelpunt.bekijken"),
    (_("Noodrem"), "signalen:noodremmen", "noodrem.lijst"),
    (_("Dashboard"), "signalen:dashboard", "signalen.dashboard"),
    (_("Dienstverlening"), "dienstverlening:lijst", "dienstverlening.bekijken"),
    (_("Arbeidsvoorwaarden"), "dienstverlening:arbeidsvoorwaarden", "arbeidsvoorwaarden.bekijken"),
    (_("Afwijkingen"), "afwijkingen:register", "afwijking.bekijken"),
    (_("Afwijkingswijzer"), "afwijkingen:wijzer", "afwijkingswijzer.gebruiken"),
    (_("Beginselen"), "kennisbank:beginselen", "kennisbank.bekijken"),
    (_("Regelingen"), "kennisbank:regelingen", "kennisbank.bekijken"),
    (_("Openbaar"), "openbaar:home", "publiek.bekijken"),
    (_("Register"), "register:overzicht", "publiek.bekijken"),
    (_("Beleid"), "beleid:overzicht", "beleid.bekijken"),
    (_("Uitvoeringstoetsen"), "beleid_openbaar:overzicht", "publiek.bekijken"),
    (_("Kamervragen"), "parlement:kamervragen", "kamervraag.lijst"),
    (_("Vragen uit de Kamer"), "parlement:vragen_uit_de_kamer", "kamervraag.ontvangen"),
    (_("Contactmomenten"), "parlement:contactmomenten", "contactmoment.lijst"),
    (_("Stand van de uitvoering"), "parlement:rapporten", "rapport.bekijken"),
    (_("Antwoorden aan de Kamer"), "parlement_openbaar:kamervragen", "publiek.bekijken"),
    (_("Mijn organisaties"), "core:organisaties", "organisatie.bekijken"),
    (_("Auditketen"), "audit:ketenkop", "audit.ketenkop.bekijken"),
    (_("Inzagelog"), "audit:inzages", "audit.toegangslog.bekijken"),
]

# Items that show a count after their label (url name -> dotted path of
# `f(user, grens=…) -> int`, which counts up to grens + 1 at most: one bounded query per page,
# only for people the item is shown to; more than MENU_GRENS shows as "99+").
AANTALLEN: dict[str, str] = {
    "responsplicht:inbox": "uitvoerbaar.responsplicht.selectors.aantal_te_beantwoorden",
    "afwijkingen:register": "uitvoerbaar.afwijkingen.selectors.aantal_te_beoordelen",
}


def _label(label: Any, name: str, user: Any) -> Any:
    if name not in AANTALLEN:
        return label
    aantal = import_string(AANTALLEN[name])(user, grens=MENU_GRENS)
    if aantal > MENU_GRENS:
        return f"{label} ({MENU_GRENS}+)"
    return f"{label} ({aantal})" if aantal else label


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    items = [
        {
            "label": _label(label, name, user),
            "url": reverse(name),
            "actief": request.path == reverse(name),
        }
        for label, name, actie in NAVIGATIE
        if policy.allows(user, actie)
    ]
    return {"navigatie": items}
