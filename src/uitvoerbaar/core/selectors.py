"""Permission-aware reads of organisations and memberships."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from . import policy
from .models import Eenheid, Gebruiker, Lidmaatschap, Organisatie


def zichtbare_organisaties(*, user: Gebruiker) -> QuerySet[Organisatie]:
    """The organisations this person may look into: those they hold a role in."""
    ids = policy.organisaties_met_rol(user, policy.POLICY["organisatie.bekijken"].rollen)
    return Organisatie.objects.filter(pk__in=ids).order_by("naam")


def organisatie_detail(*, user: Gebruiker, slug: str) -> Organisatie:
    """One organisation with its units and active members; PermissionDenied for outsiders."""
    organisatie = Organisatie.objects.prefetch_related(
        Prefetch("eenheden", queryset=Eenheid.objects.order_by("naam")),
        Prefetch(
            "lidmaatschappen",
            queryset=Lidmaatschap.objects.filter(actief=True)
            .select_related("gebruiker", "eenheid")
            .order_by("gebruiker__last_name", "gebruiker__first_name", "rol"),
        ),
    ).get(slug=slug)
    policy.require(user, "organisatie.bekijken", organisatie)
    return organisatie
