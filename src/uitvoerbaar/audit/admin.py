"""Read-only views of the audit log and the access log in the beheer screen.

Nothing here can add, change or delete: the rights say so (`alleen_lezen`), and the database
triggers would refuse it anyway."""

from __future__ import annotations

from django.contrib import admin

from uitvoerbaar.core.admin_site import PolicyModelAdmin, beheer_site

from .models import AuditEvent, Inzage


@admin.register(AuditEvent, site=beheer_site)
class AuditEventAdmin(PolicyModelAdmin):
    policy_actie = "beheer.openen"
    alleen_lezen = True
    list_display = ["volgnummer", "tijdstip", "event", "actor_naam", "object_type", "object_id"]
    # Exact matches only: they use the indexes, also with millions of events.
    search_fields = ["=event", "=object_id", "=actor_naam"]
    show_full_result_count = False
    ordering = ["-volgnummer"]


@admin.register(Inzage, site=beheer_site)
class InzageAdmin(PolicyModelAdmin):
    policy_actie = "audit.toegangslog.bekijken"
    organisatie_veld = "organisatie"
    alleen_lezen = True
    list_display = ["tijdstip", "gebruiker", "organisatie", "object_type", "object_id", "reden"]
    list_select_related = ["gebruiker", "organisatie"]
    show_full_result_count = False
