"""Days that count as vrije dagen next to those the Algemene termijnenwet names itself.

Changed only through `services` (audited); read through `selectors`."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _


class GelijkgesteldeDag(models.Model):
    """A day made equal to the algemeen erkende feestdagen by decree (art. 3 lid 3 Algemene
    termijnenwet), such as the Friday after Hemelvaartsdag. The decree is published in the
    Staatscourant, usually for three years at a time; a beheerder enters its days here."""

    datum = models.DateField(_("datum"), unique=True)
    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    besluit = models.CharField(
        _("besluit"),
        max_length=300,
        help_text=_("Het besluit dat de dag gelijkstelt, met vindplaats in de Staatscourant."),
    )

    class Meta:
        verbose_name = _("gelijkgestelde dag")
        verbose_name_plural = _("gelijkgestelde dagen")
        ordering: ClassVar = ["datum"]

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y} {self.omschrijving}"


class Sluitingsdag(models.Model):
    """A day on which an organisation is closed. It counts as a vrije dag for terms for which
    that organisation is responsible."""

    organisatie = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="sluitingsdagen",
    )
    datum = models.DateField(_("datum"))
    omschrijving = models.CharField(_("omschrijving"), max_length=200)

    class Meta:
        verbose_name = _("sluitingsdag")
        verbose_name_plural = _("sluitingsdagen")
        ordering: ClassVar = ["organisatie", "datum"]
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["organisatie", "datum"], name="termijnen_sluitingsdag_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y} {self.omschrijving}"
