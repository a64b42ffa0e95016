"""The append-only, hash-chained event log (DESIGN §3) and the access log of confidential data."""

from __future__ import annotations

from typing import ClassVar

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

GENESIS_HASH = "0" * 64


class AuditEvent(models.Model):
    """One event. Rows are never changed or removed: database triggers refuse it."""

    volgnummer = models.PositiveBigIntegerField(_("volgnummer"), unique=True)
    tijdstip = models.DateTimeField(_("tijdstip"))
    event = models.CharField(_("gebeurtenis"), max_length=100, db_index=True)
    # The actor is kept as id and name, not as a foreign key: the log outlives the people in it.
    actor_id = models.BigIntegerField(_("door (id)"), null=True, blank=True)
    actor_naam = models.CharField(_("door"), max_length=200, blank=True)
    object_type = models.CharField(_("soort object"), max_length=100, blank=True)
    object_id = models.CharField(_("object"), max_length=64, blank=True)
    data = models.JSONField(_("gegevens"), default=dict)
    vorige_hash = models.CharField(_("hash van de vorige"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("auditgebeurtenis")
        verbose_name_plural = _("auditgebeurtenissen")
        ordering: ClassVar = ["volgnummer"]
        indexes: ClassVar = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"#{self.volgnummer} {self.event}"


class KetenKop(models.Model):
    """The head of the chain: one row, locked by every writer so events get consecutive
    numbers and each one names the hash of the one before."""

    volgnummer = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default=GENESIS_HASH)

    class Meta:
        verbose_name = _("kop van de auditketen")
        verbose_name_plural = _("kop van de auditketen")

    def __str__(self) -> str:
        return f"{self.volgnummer}: {self.hash}"


class Inzage(models.Model):
    """Access log: who viewed which confidential data, when, and why."""

    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    organisatie = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    object_type = models.CharField(_("soort object"), max_length=100)
    object_id = models.CharField(_("object"), max_length=64)
    reden = models.CharField(_("reden"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("inzage")
        verbose_name_plural = _("inzages")
        ordering: ClassVar = ["-tijdstip"]

    def __str__(self) -> str:
        return f"{self.gebruiker} → {self.object_type} {self.object_id}"

    def soort_label(self) -> str:
        """The kind of object viewed, in words ("signaal"), or its label when unknown."""
        try:
            return str(apps.get_model(self.object_type)._meta.verbose_name)
        except (LookupError, ValueError):
            return self.object_type
