"""Organisations, their units, people and memberships. A person's roles are per membership."""

from __future__ import annotations

from typing import ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import ROLLEN_MET_TWEEDE_FACTOR, OrganisatieSoort, Rol


class Organisatie(models.Model):
    naam = models.CharField(_("naam"), max_length=200, unique=True)
    afkorting = models.CharField(_("afkorting"), max_length=30, blank=True)
    slug = models.SlugField(_("korte naam in adressen"), max_length=60, unique=True)
    soort = models.CharField(_("soort"), max_length=30, choices=OrganisatieSoort.choices)
    # The ministry that owns an executive organisation (for escalation to its ambtelijke top).
    eigenaar_ministerie = models.ForeignKey(
        "self",
        verbose_name=_("eigenaar (ministerie)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="uitvoerders",
        limit_choices_to={"soort": OrganisatieSoort.MINISTERIE},
    )

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering: ClassVar = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Eenheid(models.Model):
    """A unit below an organisation: a directorate, a policy team, a district office, a
    parliamentary committee. Units can nest."""

    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="eenheden",
    )
    naam = models.CharField(_("naam"), max_length=200)
    bovenliggend = models.ForeignKey(
        "self",
        verbose_name=_("valt onder"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="onderdelen",
    )

    class Meta:
        verbose_name = _("eenheid")
        verbose_name_plural = _("eenheden")
        ordering: ClassVar = ["organisatie__naam", "naam"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["organisatie", "naam"], name="eenheid_naam_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.organisatie.afkorting or self.organisatie.naam})"


class GebruikerManager(UserManager["Gebruiker"]):
    pass


class Gebruiker(AbstractUser):
    """A person. Custom from day one so that fields can be added without a painful migration."""

    weergavenaam = models.CharField(_("naam zoals getoond"), max_length=200, blank=True)

    objects: ClassVar[GebruikerManager] = GebruikerManager()

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self) -> str:
        return self.weergavenaam or self.get_full_name() or self.username

    def rollen(self) -> set[str]:
        return {lid.rol for lid in self.actieve_lidmaatschappen()}

    def actieve_lidmaatschappen(self) -> list[Lidmaatschap]:
        # Cached per instance: the permission policy asks this many times per request.
        cache: list[Lidmaatschap] | None = getattr(self, "_lidmaatschappen_cache", None)
        if cache is None:
            cache = list(
                self.lidmaatschappen.filter(actief=True).select_related("organisatie", "eenheid")
            )
            self._lidmaatschappen_cache = cache
        return cache

    @property
    def tweede_factor_vereist(self) -> bool:
        return bool(self.rollen() & ROLLEN_MET_TWEEDE_FACTOR)


class Lidmaatschap(models.Model):
    """A person holds a role in an organisation, optionally in one of its units."""

    gebruiker = models.ForeignKey(
        Gebruiker,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="lidmaatschappen",
    )
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="lidmaatschappen",
    )
    eenheid = models.ForeignKey(
        Eenheid,
        verbose_name=_("eenheid"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="lidmaatschappen",
    )
    rol = models.CharField(_("rol"), max_length=30, choices=Rol.choices)
    actief = models.BooleanField(_("actief"), default=True)
    sinds = models.DateField(_("sinds"), auto_now_add=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints: ClassVar = [
            # Two constraints, because NULL units are distinct in a plain unique index.
            models.UniqueConstraint(
                fields=["gebruiker", "organisatie", "eenheid", "rol"],
                condition=models.Q(eenheid__isnull=False),
                name="lidmaatschap_uniek_in_eenheid",
            ),
            models.UniqueConstraint(
                fields=["gebruiker", "organisatie", "rol"],
                condition=models.Q(eenheid__isnull=True),
                name="lidmaatschap_uniek_in_organisatie",
            ),
        ]
        indexes: ClassVar = [models.Index(fields=["organisatie", "rol"])]

    def __str__(self) -> str:
        return f"{self.gebruiker} — {self.get_rol_display()} bij {self.organisatie}"
