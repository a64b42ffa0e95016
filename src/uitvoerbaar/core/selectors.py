"""Permission-aware reads of organisations and memberships."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from . import policy
from .models import Eenheid, Gebruiker, Lidmaatschap, Organisatie


def zichtbare_organisaties(*, user: Gebruiker) -> QuerySet[Organisatie]:
    """The organisations this person may look into: those they hold a role in."""
    ids = policy.organisaties_met_rol(user, policy.regel("organisatie.bekijken").rollen)
    return Organisatie.objects.filter(pk__in=ids).order_by("naam")


def beheerde_organisaties(*, user: Gebruiker) -> QuerySet[Organisatie]:
    """The organisations whose units and memberships this person manages."""
    ids = policy.organisaties_met_rol(user, policy.regel("organisatie.beheren").rollen)
    return Organisatie.objects.filter(pk__in=ids).order_by("naam")


def _organisatie(slug: str) -> Organisatie:
    organisatie = Organisatie.objects.filter(slug=slug).first()
    if organisatie is None:
        raise Http404(_("Deze organisatie bestaat niet."))
    return organisatie


def organisatie_detail(*, user: Gebruiker, slug: str) -> Organisatie:
    """One organisation with its units and active members. Http404 for an unknown slug,
    PermissionDenied for a person without a role in it."""
    policy.require(user, "organisatie.bekijken", _organisatie(slug))
    return (
        Organisatie.objects.select_related("eigenaar_ministerie")
        .prefetch_related(
            Prefetch("eenheden", queryset=Eenheid.objects.order_by("naam")),
            Prefetch(
                "lidmaatschappen",
                queryset=Lidmaatschap.objects.filter(actief=True)
                .select_related("gebruiker", "eenheid")
                .order_by("gebruiker__last_name", "gebruiker__first_name", "rol"),
            ),
        )
        .get(slug=slug)
    )


def beheerde_organisatie(*, user: Gebruiker, slug: str) -> Organisatie:
    """An organisation this person manages; Http404 / PermissionDenied otherwise."""
    organisatie = _organisatie(slug)
    policy.require(user, "organisatie.beheren", organisatie)
    return organisatie


def lidmaatschappen_van(*, user: Gebruiker, organisatie: Organisatie) -> QuerySet[Lidmaatschap]:
    """All memberships (active and ended) of an organisation, for its beheerder."""
    policy.require(user, "organisatie.beheren", organisatie)
    return (
        Lidmaatschap.objects.filter(organisatie=organisatie)
        .select_related("gebruiker", "organisatie", "eenheid")
        .order_by("-actief", "gebruiker__username", "rol", "pk")
    )


def beheerd_lidmaatschap(*, user: Gebruiker, pk: int) -> Lidmaatschap:
    """One membership of an organisation this person manages; Http404 / PermissionDenied."""
    lid = Lidmaatschap.objects.select_related("gebruiker", "organisatie", "eenheid").filter(pk=pk)
    found = lid.first()
    if found is None:
        raise Http404(_("Dit lidmaatschap bestaat niet."))
    policy.require(user, "organisatie.beheren", found)
    return found


def actieve_gebruiker(*, username: str) -> Gebruiker | None:
    """The active person with this username, for a beheerder who adds a membership."""
    return Gebruiker.objects.filter(username=username, is_active=True).first()
