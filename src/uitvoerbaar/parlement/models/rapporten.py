"""The Stand van de uitvoering (seed action P3): a report to parliament per executive
organisation and period, or a national overview, generated in the background from the other
apps' aggregate selectors and kept as an HTML snapshot and a PDF."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.policy import Toewijzing


class Rapportstatus(models.TextChoices):
    WACHTEND = "wachtend", _("Wacht op verwerking")
    BEZIG = "bezig", _("Wordt gemaakt")
    KLAAR = "klaar", _("Klaar")
    MISLUKT = "mislukt", _("Mislukt")


# Roles of the executive organisation itself that may request and read its report.
EIGEN_ROLLEN: tuple[str, ...] = (str(Rol.BESTUUR), str(Rol.BEHANDELAAR), str(Rol.BEHEERDER))


class Rapport(models.Model):
    """One generated Stand van de uitvoering. `organisatie` None is the national overview."""

    organisatie = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("uitvoeringsorganisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rapporten",
    )
    van = models.DateField(_("van"))
    tot = models.DateField(_("tot en met"))
    status = models.CharField(
        _("status"), max_length=20, choices=Rapportstatus.choices, default=Rapportstatus.WACHTEND
    )
    voortgang = models.PositiveSmallIntegerField(_("voortgang (procent)"), default=0)
    stap = models.CharField(_("huidige stap"), max_length=200, blank=True)
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangevraagd door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    gestart_op = models.DateTimeField(_("gestart op"), null=True, blank=True)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    html = models.TextField(_("inhoud (HTML)"), blank=True)
    pdf = models.BinaryField(_("PDF"), null=True, blank=True)
    foutmelding = models.TextField(_("foutmelding"), blank=True)
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    gepubliceerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gepubliceerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Stand van de uitvoering")
        verbose_name_plural = _("Standen van de uitvoering")
        ordering = ("-aangevraagd_op", "-pk")
        indexes: ClassVar = [
            models.Index(fields=["status", "aangevraagd_op"], name="rapport_status"),
            models.Index(fields=["organisatie", "-aangevraagd_op"], name="rapport_org"),
        ]
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=models.Q(van__lte=models.F("tot")), name="rapport_periode"
            ),
        ]

    def __str__(self) -> str:
        wie = self.organisatie.naam if self.organisatie else _("alle uitvoeringsorganisaties")
        return f"{wie} {self.van:%d-%m-%Y} t/m {self.tot:%d-%m-%Y}"

    @property
    def landelijk(self) -> bool:
        return self.organisatie_id is None

    @property
    def klaar(self) -> bool:
        return self.status == Rapportstatus.KLAAR

    @property
    def gepubliceerd(self) -> bool:
        return self.gepubliceerd_op is not None

    def policy_organisatie_id(self) -> int | None:
        return self.organisatie_id

    def policy_toegewezen(self, actie: str) -> Toewijzing:
        """An organisation's report: its bestuur, behandelaars and beheerders, and the owner
        ministry's ambtelijke top. Parliament (kamerlid, griffie) reads every report through
        the action `rapport.landelijk`; a national report names nobody here."""
        if self.organisatie is None:
            return Toewijzing()
        paren = {(self.organisatie.pk, rol) for rol in EIGEN_ROLLEN}
        ministerie = self.organisatie.eigenaar_ministerie_id
        if ministerie is not None:
            paren.add((ministerie, str(Rol.AMBTELIJKE_TOP)))
        return Toewijzing(paren=frozenset(paren))
