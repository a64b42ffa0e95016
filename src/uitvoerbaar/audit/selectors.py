"""Reads of the audit log."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from uitvoerbaar.core import policy

from .models import Inzage, KetenKop


def ketenkop() -> KetenKop:
    """The public chain head: count and hash of the newest event (genesis when empty)."""
    return KetenKop.objects.filter(pk=1).first() or KetenKop(volgnummer=0)


def inzages(*, user: Any) -> QuerySet[Inzage]:
    """The access log entries this person may see: those of the organisations in which they
    hold a role of "audit.toegangslog.bekijken". Newest first; one query, whatever the size."""
    orgs = policy.organisaties_met_rol(user, policy.regel("audit.toegangslog.bekijken").rollen)
    return (
        Inzage.objects.filter(organisatie_id__in=orgs)
        .select_related("gebruiker", "organisatie")
        .order_by("-tijdstip", "-pk")
    )
