"""Questions from parliament to executive organisations (seed action P2: ask executors how
policy works out in practice). Each question is a request on the response duty engine (kind
`kamervraag`); the question's state follows the request's (see services._volg_kamervraag)."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.policy import Toewijzing

from ..constants import Kamervraagstatus

# Who in the executive organisation deals with questions from parliament: the handler answers
# first, the board is the next level of the kind's ladder.
UITVOERDER_ROLLEN = (Rol.BEHANDELAAR, Rol.BESTUUR)
KAMER_ROLLEN = (Rol.KAMERLID, Rol.GRIFFIE)


class Kamervraag(models.Model):
    parlement = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("parlement"),
        on_delete=models.PROTECT,
        related_name="gestelde_kamervragen",
    )
    # A committee is a unit (Eenheid) of the parliament organisation.
    commissie = models.ForeignKey(
        "core.Eenheid",
        verbose_name=_("commissie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kamervragen",
    )
    uitvoerder = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("uitvoerder"),
        on_delete=models.PROTECT,
        related_name="kamervragen",
    )
    titel = models.CharField(_("onderwerp"), max_length=300)
    vraag = models.TextField(_("vraag"))
    regeling = models.ForeignKey(
        "kennisbank.Regeling",
        verbose_name=_("regeling"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kamervragen",
    )
    beleidsvoorstel = models.ForeignKey(
        "beleid.Beleidsvoorstel",
        verbose_name=_("beleidsvoorstel"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kamervragen",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Kamervraagstatus.choices,
        default=Kamervraagstatus.GESTELD,
    )
    verzoek = models.OneToOneField(
        "responsplicht.Reactieverzoek",
        verbose_name=_("reactieverzoek"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kamervraag",
    )
    gesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gesteld door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    gesteld_op = models.DateField(_("gesteld op"))
    beantwoord_op = models.DateField(_("beantwoord op"), null=True, blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    bijgewerkt = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    class Meta:
        verbose_name = _("kamervraag")
        verbose_name_plural = _("kamervragen")
        ordering: ClassVar = ["-gesteld_op", "-pk"]
        indexes: ClassVar = [
            models.Index(fields=["uitvoerder", "status"]),
            models.Index(fields=["parlement", "status"]),
            models.Index(fields=["status", "beantwoord_op"]),
        ]

    def __str__(self) -> str:
        return self.titel

    @property
    def kenmerk(self) -> str:
        """A stable identifier, also in open data."""
        return f"KV-{self.pk:05d}"

    def policy_organisatie_id(self) -> int:
        return self.parlement_id

    def policy_toegewezen(self, actie: str) -> Toewijzing:
        """Members and clerks of the asking parliament and the executor's handlers and board
        see the question; the one who asked too."""
        paren = frozenset((self.parlement_id, str(r)) for r in KAMER_ROLLEN) | frozenset(
            (self.uitvoerder_id, str(r)) for r in UITVOERDER_ROLLEN
        )
        return Toewijzing(paren=paren, personen=frozenset({self.gesteld_door_id}))
