"""Deviations (afwijkingen), the organisation's settings for them, contests of a rule
(aanvechtingen) and case deliberations (casusberaden): seed actions F2, F3, F4 and U3.

Records are written only by `services.py`; `zoektokens` and `zoektekst` are filled there, so
precedent lookup and search behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.policy import Toewijzing

from . import gelijkenis
from .constants import (
    AanvechtingBron,
    AanvechtingStatus,
    AfwijkingStatus,
    Beslissing,
    Huishouden,
    Inkomensband,
    Knelpunt,
)
from .transitions import GOEDGEKEURD


class Afwijkingsinstelling(models.Model):
    """Per organisation: above which amount the bestuur must approve, after how many similar
    approved deviations on one article the system proposes to contest the rule, and whether
    anonymised precedents are shared with other organisations."""

    organisatie = models.OneToOneField(
        "core.Organisatie",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="afwijkingsinstelling",
    )
    bestuur_drempel = models.DecimalField(
        _("bedrag waarboven het bestuur goedkeurt"),
        max_digits=12,
        decimal_places=2,
        default=Decimal("2500.00"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    structureel_drempel = models.PositiveSmallIntegerField(
        _("aantal goedgekeurde afwijkingen op één artikel voor een voorstel tot aanvechting"),
        default=3,
        validators=[MinValueValidator(2)],
    )
    precedenten_delen = models.BooleanField(
        _("geanonimiseerde precedenten delen met andere organisaties"), default=False
    )

    class Meta:
        verbose_name = _("instelling voor afwijkingen")
        verbose_name_plural = _("instellingen voor afwijkingen")

    def __str__(self) -> str:
        return str(self.organisatie)


class Afwijking(models.Model):
    """A motivated deviation from a rule in one case (maatwerk), with its legal basis, the
    purpose it serves, pseudonymised case facets, the four perspectives and four-eyes approval."""

    organisatie = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="afwijkingen",
    )
    eenheid = models.ForeignKey(
        "core.Eenheid",
        verbose_name=_("eenheid"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    regeling = models.ForeignKey(
        "kennisbank.Regeling",
        verbose_name=_("regeling"),
        on_delete=models.PROTECT,
        related_name="afwijkingen",
    )
    artikel = models.ForeignKey(
        "kennisbank.Artikel",
        verbose_name=_("artikel"),
        on_delete=models.PROTECT,
        related_name="afwijkingen",
    )
    grond = models.ForeignKey(
        "kennisbank.Afwijkingsgrond",
        verbose_name=_("wettelijke grondslag"),
        on_delete=models.PROTECT,
        related_name="afwijkingen",
    )
    bedoeling = models.TextField(_("bedoeling die de afwijking dient"))
    casus = models.TextField(_("de situatie (zonder namen of nummers)"))
    alternatief = models.TextField(_("wat er in plaats van de regel is gedaan"))
    motivering = models.TextField(_("motivering"))
    huishouden = models.CharField(_("huishouden"), max_length=30, choices=Huishouden.choices)
    inkomensband = models.CharField(_("inkomen"), max_length=30, choices=Inkomensband.choices)
    knelpunt = models.CharField(_("soort knelpunt"), max_length=30, choices=Knelpunt.choices)
    bedrag = models.DecimalField(
        _("bedrag in euro"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    perspectieven = models.OneToOneField(
        "kennisbank.Perspectiefbeoordeling",
        verbose_name=_("vier perspectieven"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    beginselen = models.ManyToManyField(
        "kennisbank.Beginsel", verbose_name=_("beginselen"), blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=AfwijkingStatus.choices, default=AfwijkingStatus.CONCEPT
    )
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geregistreerd door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    ingediend_op = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    bestuur_vereist = models.BooleanField(_("goedkeuring door het bestuur nodig"), default=False)
    # The equal-treatment alert: the similar cases decided differently, and why this one differs.
    verschil_motivering = models.TextField(_("motivering van het verschil"), blank=True)
    precedenten_bij_indienen = models.JSONField(
        _("precedenten bij indienen"), default=list, blank=True, editable=False
    )
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beoordeeld door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    beoordeling_toelichting = models.TextField(_("toelichting bij de beoordeling"), blank=True)
    beoordelaar_verschil_motivering = models.TextField(
        _("motivering van het verschil door de beoordelaar"), blank=True
    )
    uitkomst = models.TextField(_("uitkomst"), blank=True)
    vervolg = models.TextField(_("vervolg"), blank=True)
    zoektokens = models.TextField(editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("afwijking")
        verbose_name_plural = _("afwijkingen")
        ordering: ClassVar = ["-aangemaakt", "-pk"]
        indexes: ClassVar = [
            models.Index(
                fields=["artikel", "status", "-beoordeeld_op"], name="afwijking_precedent"
            ),
            models.Index(fields=["organisatie", "status"], name="afwijking_organisatie"),
        ]
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=Q(bedrag__isnull=True) | Q(bedrag__gte=0), name="afwijking_bedrag"
            ),
            # Four eyes, also in the database: nobody approves what they registered.
            models.CheckConstraint(
                condition=Q(beoordeeld_door__isnull=True)
                | ~Q(beoordeeld_door=models.F("geregistreerd_door")),
                name="afwijking_vier_ogen",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kenmerk} — {self.artikel}"

    def get_absolute_url(self) -> str:
        return reverse("afwijkingen:afwijking", args=[self.pk])

    @property
    def kenmerk(self) -> str:
        return f"AFW-{self.pk:06d}"

    def policy_organisatie_id(self) -> int:
        return self.organisatie_id

    @property
    def beslissing(self) -> Beslissing | None:
        if self.status in GOEDGEKEURD:
            return Beslissing.AFWIJKEN
        if self.status == AfwijkingStatus.AFGEWEZEN:
            return Beslissing.NIET_AFWIJKEN
        return None

    def als_casus(self) -> gelijkenis.Casus:
        return gelijkenis.Casus(
            huishouden=self.huishouden,
            inkomensband=self.inkomensband,
            knelpunt=self.knelpunt,
            bedrag=self.bedrag,
            grond_id=self.grond_id,
            tokens=gelijkenis.trigrammen(self.zoektokens.split()),
        )


class Aanvechting(models.Model):
    """A professional or unit contests an article with the ministry that owns it. The answer
    (pas toe or leg uit) is given on the response duty engine; this record follows it."""

    organisatie = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="aanvechtingen",
    )
    eenheid = models.ForeignKey(
        "core.Eenheid",
        verbose_name=_("eenheid"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingediend door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    regeling = models.ForeignKey(
        "kennisbank.Regeling",
        verbose_name=_("regeling"),
        on_delete=models.PROTECT,
        related_name="aanvechtingen",
    )
    artikel = models.ForeignKey(
        "kennisbank.Artikel",
        verbose_name=_("artikel"),
        on_delete=models.PROTECT,
        related_name="aanvechtingen",
    )
    titel = models.CharField(_("titel"), max_length=300)
    toelichting = models.TextField(_("wat gaat er mis, en wat moet er veranderen"))
    argumenten = models.JSONField(_("argumenten"), default=list, blank=True)
    afwijkingen = models.ManyToManyField(
        Afwijking, verbose_name=_("afwijkingen"), blank=True, related_name="aanvechtingen"
    )
    signalen = models.ManyToManyField(
        "signalen.Signaal", verbose_name=_("signalen"), blank=True, related_name="aanvechtingen"
    )
    beginselen = models.ManyToManyField(
        "kennisbank.Beginsel", verbose_name=_("beginselen"), blank=True, related_name="+"
    )
    bron = models.CharField(
        _("aanleiding"),
        max_length=20,
        choices=AanvechtingBron.choices,
        default=AanvechtingBron.PROFESSIONAL,
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AanvechtingStatus.choices,
        default=AanvechtingStatus.INGEDIEND,
    )
    verzoek = models.OneToOneField(
        "responsplicht.Reactieverzoek",
        verbose_name=_("reactieverzoek"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("aanvechting")
        verbose_name_plural = _("aanvechtingen")
        ordering: ClassVar = ["-aangemaakt", "-pk"]
        indexes: ClassVar = [
            models.Index(fields=["organisatie", "artikel", "status"], name="aanvechting_artikel"),
        ]

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("afwijkingen:aanvechting", args=[self.pk])

    @property
    def kenmerk(self) -> str:
        return f"AV-{self.pk:06d}"

    def policy_organisatie_id(self) -> int:
        return self.organisatie_id

    def policy_toegewezen(self, actie: str) -> Toewijzing:
        """The contesting organisation, and the policy team and leadership of the owner."""
        eigen = {
            (self.organisatie_id, str(r)) for r in (Rol.MEDEWERKER, Rol.BEHANDELAAR, Rol.BESTUUR)
        }
        eigenaar = self.regeling.eigenaar_id
        return Toewijzing(
            paren=frozenset(
                eigen | {(eigenaar, str(Rol.BELEIDSMAKER)), (eigenaar, str(Rol.AMBTELIJKE_TOP))}
            )
        )


class Casusberaad(models.Model):
    """A case deliberation on the purpose of a rule (moreel beraad): the question, the
    perspectives, the principles weighed, the conclusion and a guideline for similar cases."""

    organisatie = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="casusberaden",
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    regeling = models.ForeignKey(
        "kennisbank.Regeling",
        verbose_name=_("regeling"),
        on_delete=models.PROTECT,
        related_name="casusberaden",
    )
    artikel = models.ForeignKey(
        "kennisbank.Artikel",
        verbose_name=_("artikel"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="casusberaden",
    )
    datum = models.DateField(_("datum van het beraad"))
    vraag = models.TextField(_("vraag"))
    deelnemers = models.CharField(
        _("deelnemers (functies, geen namen)"), max_length=500, blank=True
    )
    perspectieven = models.OneToOneField(
        "kennisbank.Perspectiefbeoordeling",
        verbose_name=_("vier perspectieven"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    beginselen = models.ManyToManyField(
        "kennisbank.Beginsel", verbose_name=_("gewogen beginselen"), blank=True, related_name="+"
    )
    conclusie = models.TextField(_("conclusie"))
    richtlijn = models.TextField(_("richtlijn voor vergelijkbare gevallen"), blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    zoektekst = models.TextField(editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("casusberaad")
        verbose_name_plural = _("casusberaden")
        ordering: ClassVar = ["-datum", "-pk"]
        indexes: ClassVar = [
            models.Index(fields=["organisatie", "artikel"], name="casusberaad_artikel")
        ]

    def __str__(self) -> str:
        return f"{_('Casusberaad')} {self.datum:%d-%m-%Y}: {self.vraag[:60]}"

    def get_absolute_url(self) -> str:
        return reverse("afwijkingen:casusberaad", args=[self.pk])

    @property
    def kenmerk(self) -> str:
        return f"CB-{self.pk:06d}"

    def policy_organisatie_id(self) -> int:
        return self.organisatie_id
