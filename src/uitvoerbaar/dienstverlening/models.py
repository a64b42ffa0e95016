"""Services and their quality linked to means (seed actions U2, M2): diensten, indicators with
a time series of actual values, means per period (budget, FTE, volume), lower bounds
(ondergrenzen), scenarios with value trade-offs, the keuzenota; and the register of employment
conditions (M4).

The fitted model is not stored: it is computed from the series when asked (see model.py), so a
correction of the data shows at once everywhere."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.policy import Toewijzing

from .constants import Eenheid, Onderwerp, Richting

# Who of the owner ministry may read an executor's services and keuzenota: the people who
# have to choose (M2: "dwing de politiek tot keuzes").
MINISTERIE_LEZERS: frozenset[str] = frozenset(
    {Rol.BELEIDSMAKER, Rol.AMBTELIJKE_TOP, Rol.BEWINDSPERSOON}
)


class Dienst(models.Model):
    """A service an executive organisation (or co-government) delivers to people."""

    organisatie = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="diensten",
    )
    naam = models.CharField(_("naam"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    regeling = models.ForeignKey(
        "kennisbank.Regeling",
        verbose_name=_("regeling"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # When the data behind the model last changed (import, indicator, lower bound): a
    # keuzenota drawn up before that shows a warning that its numbers are recalculated.
    gegevens_gewijzigd_op = models.DateTimeField(
        _("gegevens gewijzigd op"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("dienst")
        verbose_name_plural = _("diensten")
        ordering: ClassVar = ["organisatie__naam", "naam"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["organisatie", "naam"], name="dienst_naam_uniek"),
        ]

    def __str__(self) -> str:
        return self.naam

    def policy_toegewezen(self, actie: str) -> Toewijzing:
        # Every role of the organisation itself, and the deciding roles of its owner ministry.
        paren = {(self.organisatie_id, str(rol)) for rol in Rol}
        eigenaar = self.organisatie.eigenaar_ministerie_id
        if eigenaar is not None:
            paren |= {(eigenaar, str(rol)) for rol in MINISTERIE_LEZERS}
        return Toewijzing(paren=frozenset(paren))


class Indicator(models.Model):
    """A quality indicator of a service, e.g. doorlooptijd in dagen (lower is better)."""

    dienst = models.ForeignKey(Dienst, on_delete=models.CASCADE, related_name="indicatoren")
    code = models.SlugField(
        _("code"),
        max_length=60,
        help_text=_("Korte naam zonder spaties, zoals in de kolomkop van het CSV-bestand."),
    )
    naam = models.CharField(_("naam"), max_length=200)
    eenheid = models.CharField(_("eenheid"), max_length=20, choices=Eenheid.choices)
    richting = models.CharField(_("richting"), max_length=20, choices=Richting.choices)
    omschrijving = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        ordering: ClassVar = ["dienst", "naam"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["dienst", "code"], name="indicator_code_uniek"),
        ]

    def __str__(self) -> str:
        return self.naam

    def policy_organisatie_id(self) -> int:
        return self.dienst.organisatie_id

    def slechter_dan(self, waarde: float, grens: float) -> bool:
        """Whether `waarde` is on the wrong side of `grens` for this indicator's direction."""
        if self.richting == Richting.HOGER_IS_BETER:
            return waarde < grens
        return waarde > grens


class Meting(models.Model):
    """The actual value of an indicator in one period (the first day of the period)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="metingen")
    periode = models.DateField(_("periode"))
    waarde = models.FloatField(_("waarde"))

    class Meta:
        verbose_name = _("meting")
        verbose_name_plural = _("metingen")
        ordering: ClassVar = ["indicator", "periode"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["indicator", "periode"], name="meting_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.periode:%Y-%m}: {self.waarde}"


class Middelen(models.Model):
    """Means and volume of a service in one period: budget in euros, staff in FTE, and the
    number of cases (volume)."""

    dienst = models.ForeignKey(Dienst, on_delete=models.CASCADE, related_name="middelen")
    periode = models.DateField(_("periode"))
    budget = models.DecimalField(_("budget (euro)"), max_digits=14, decimal_places=2)
    fte = models.DecimalField(_("formatie (fte)"), max_digits=10, decimal_places=2)
    volume = models.PositiveIntegerField(_("volume (zaken)"))

    class Meta:
        verbose_name = _("middelen")
        verbose_name_plural = _("middelen")
        ordering: ClassVar = ["dienst", "periode"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["dienst", "periode"], name="middelen_uniek"),
            models.CheckConstraint(condition=Q(budget__gte=0), name="middelen_budget_positief"),
            models.CheckConstraint(condition=Q(fte__gte=0), name="middelen_fte_positief"),
        ]

    def __str__(self) -> str:
        return f"{self.dienst} {self.periode:%Y-%m}"


class Ondergrens(models.Model):
    """The bound below which a service is unacceptable (U2), the value it protects, and who
    set it. For an indicator where lower is better, the bound is a maximum."""

    indicator = models.OneToOneField(Indicator, on_delete=models.CASCADE, related_name="ondergrens")
    grens = models.FloatField(_("grens"))
    waarde = models.CharField(
        _("waarde die op het spel staat"),
        max_length=200,
        help_text=_("Bijvoorbeeld: bestaanszekerheid, rechtszekerheid, menselijke maat."),
    )
    beginsel = models.ForeignKey(
        "kennisbank.Beginsel",
        verbose_name=_("beginsel van goed bestuur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgesteld door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    vastgesteld_op = models.DateTimeField(_("vastgesteld op"))

    class Meta:
        verbose_name = _("ondergrens")
        verbose_name_plural = _("ondergrenzen")

    def __str__(self) -> str:
        return f"{self.indicator}: {self.grens}"

    def policy_organisatie_id(self) -> int:
        return self.indicator.dienst.organisatie_id


class Scenario(models.Model):
    """A choice of means for one period: budget, FTE and expected volume. Its projected
    quality follows from the fitted model."""

    dienst = models.ForeignKey(Dienst, on_delete=models.CASCADE, related_name="scenarios")
    naam = models.CharField(_("naam"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    budget = models.DecimalField(_("budget (euro)"), max_digits=14, decimal_places=2)
    fte = models.DecimalField(_("formatie (fte)"), max_digits=10, decimal_places=2)
    volume = models.PositiveIntegerField(_("volume (zaken)"))
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"))

    class Meta:
        verbose_name = _("scenario")
        verbose_name_plural = _("scenario's")
        ordering: ClassVar = ["dienst", "aangemaakt_op", "pk"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["dienst", "naam"], name="scenario_naam_uniek"),
            models.CheckConstraint(condition=Q(budget__gte=0), name="scenario_budget_positief"),
            models.CheckConstraint(condition=Q(fte__gte=0), name="scenario_fte_positief"),
        ]

    def __str__(self) -> str:
        return self.naam

    def policy_organisatie_id(self) -> int:
        return self.dienst.organisatie_id


class Waardenafweging(models.Model):
    """A trade-off between two values in a scenario (U2), e.g. snelheid tegenover
    zorgvuldigheid, weighed from the four perspectives (U3) of the kennisbank."""

    scenario = models.ForeignKey(
        Scenario, on_delete=models.CASCADE, related_name="waardenafwegingen"
    )
    waarde_a = models.CharField(_("waarde"), max_length=100)
    waarde_b = models.CharField(_("tegenover"), max_length=100)
    afweging = models.TextField(_("afweging"))
    perspectieven = models.OneToOneField(
        "kennisbank.Perspectiefbeoordeling",
        on_delete=models.PROTECT,
        related_name="+",
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"))

    class Meta:
        verbose_name = _("waardenafweging")
        verbose_name_plural = _("waardenafwegingen")
        ordering: ClassVar = ["scenario", "vastgelegd_op", "pk"]

    def __str__(self) -> str:
        return f"{self.waarde_a} ↔ {self.waarde_b}"

    def policy_organisatie_id(self) -> int:
        return self.scenario.dienst.organisatie_id


class Keuzenota(models.Model):
    """A note for politics (M2): two to four options (scenarios) with their cost and projected
    quality, the lower bounds kept or broken, and the executor's advice."""

    dienst = models.ForeignKey(Dienst, on_delete=models.CASCADE, related_name="keuzenotas")
    titel = models.CharField(_("titel"), max_length=200)
    aanleiding = models.TextField(_("aanleiding"))
    opties = models.ManyToManyField(Scenario, verbose_name=_("opties"), related_name="+")
    geadviseerd = models.ForeignKey(
        Scenario,
        verbose_name=_("geadviseerde optie"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    advies = models.TextField(_("advies van de uitvoerder"))
    opgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    opgesteld_op = models.DateTimeField(_("opgesteld op"))
    # The projections, lower bounds and trade-offs at the moment of drawing up (momentopname.py).
    momentopname = models.JSONField(_("momentopname"), default=dict, editable=False)

    class Meta:
        verbose_name = _("keuzenota")
        verbose_name_plural = _("keuzenota's")
        ordering: ClassVar = ["-opgesteld_op", "-pk"]

    def __str__(self) -> str:
        return self.titel

    def policy_toegewezen(self, actie: str) -> Toewijzing:
        return self.dienst.policy_toegewezen(actie)

    def policy_organisatie_id(self) -> int:
        return self.dienst.organisatie_id


class Arbeidsvoorwaarde(models.Model):
    """One employment condition of one organisation (M4), in the unit of its topic."""

    organisatie = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="arbeidsvoorwaarden",
    )
    onderwerp = models.CharField(_("onderwerp"), max_length=40, choices=Onderwerp.choices)
    waarde = models.DecimalField(_("waarde"), max_digits=12, decimal_places=2)
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"))

    class Meta:
        verbose_name = _("arbeidsvoorwaarde")
        verbose_name_plural = _("arbeidsvoorwaarden")
        ordering: ClassVar = ["organisatie__naam", "onderwerp"]
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["organisatie", "onderwerp"], name="arbeidsvoorwaarde_uniek"
            ),
            models.CheckConstraint(
                condition=Q(waarde__gte=0), name="arbeidsvoorwaarde_niet_negatief"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisatie}: {self.get_onderwerp_display()}"
