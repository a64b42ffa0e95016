"""Direct contact between executive organisations and parliament (seed action P3): briefings,
round tables and work visits, planned, held or cancelled, with a report (verslag) that may be
published."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.policy import Toewijzing

from ..constants import Contactsoort, Contactstatus

# Who plans and edits: the clerk of the parliament, the board and the functional administrator
# of an executive organisation taking part.
KAMER_BEHEER = (Rol.GRIFFIE,)
UITVOERDER_BEHEER = (Rol.BESTUUR, Rol.BEHEERDER)


class Contactmoment(models.Model):
    soort = models.CharField(_("soort"), max_length=30, choices=Contactsoort.choices)
    titel = models.CharField(_("titel"), max_length=300)
    parlement = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("parlement"),
        on_delete=models.PROTECT,
        related_name="contactmomenten_kamer",
    )
    commissie = models.ForeignKey(
        "core.Eenheid",
        verbose_name=_("commissie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contactmomenten",
    )
    uitvoerders = models.ManyToManyField(
        "core.Organisatie", verbose_name=_("uitvoerders"), related_name="contactmomenten"
    )
    begint_op = models.DateTimeField(_("begint op"), db_index=True)
    eindigt_op = models.DateTimeField(_("eindigt op"), null=True, blank=True)
    locatie = models.CharField(_("plaats"), max_length=300, blank=True)
    online = models.BooleanField(_("online"), default=False)
    onderwerpen = models.TextField(_("onderwerpen"))
    regelingen = models.ManyToManyField(
        "kennisbank.Regeling",
        verbose_name=_("regelingen"),
        blank=True,
        related_name="contactmomenten",
    )
    deelnemers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deelnemers"),
        blank=True,
        related_name="contactmomenten",
    )
    gasten = models.TextField(_("gasten (niet op het platform)"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Contactstatus.choices, default=Contactstatus.GEPLAND
    )
    annuleringsreden = models.TextField(_("reden van annuleren"), blank=True)
    verslag = models.TextField(_("verslag"), blank=True)
    verslag_gepubliceerd_op = models.DateTimeField(
        _("verslag openbaar sinds"), null=True, blank=True
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    bijgewerkt = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    class Meta:
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        ordering: ClassVar = ["-begint_op", "-pk"]
        indexes: ClassVar = [
            models.Index(fields=["parlement", "status"]),
            models.Index(fields=["verslag_gepubliceerd_op"]),
        ]

    def __str__(self) -> str:
        return self.titel

    @property
    def kenmerk(self) -> str:
        return f"CM-{self.pk:05d}"

    @property
    def verslag_openbaar(self) -> bool:
        return self.verslag_gepubliceerd_op is not None

    def policy_organisatie_id(self) -> int:
        return self.parlement_id

    def policy_toegewezen(self, actie: str) -> Toewijzing:
        """The clerk of the parliament and the board or administrator of each executor plan
        and edit; the members of the parliament and the participants see it too. Prefetch
        `uitvoerders` and `deelnemers` for lists."""
        uitvoerder_ids = [o.pk for o in self.uitvoerders.all()]
        beheer = frozenset((self.parlement_id, str(r)) for r in KAMER_BEHEER) | frozenset(
            (u, str(r)) for u in uitvoerder_ids for r in UITVOERDER_BEHEER
        )
        if actie == "contactmoment.beheren":
            return Toewijzing(paren=beheer)
        return Toewijzing(
            paren=beheer | frozenset({(self.parlement_id, str(Rol.KAMERLID))}),
            personen=frozenset(d.pk for d in self.deelnemers.all()),
        )
