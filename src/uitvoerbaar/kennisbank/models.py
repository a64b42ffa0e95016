"""The kennisbank: principles of good governance, regulations with their articles, purpose,
rights and deviation grounds, and the reusable four-perspective assessment (seed actions F4, U3).

Records are written only by `services.py` (loaders, admin saves, perspectives); `zoektekst`
fields are filled there too, so search works the same on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from uitvoerbaar.core.constants import OrganisatieSoort

from .constants import (
    BWB_ID_PATROON,
    WETTEN_BASIS_URL,
    AfwijkingsgrondSoort,
    Oordeel,
    Perspectief,
    RechtSoort,
    RegelingSoort,
)
from .zoeken import zoektekst

bwb_id_validator = RegexValidator(
    BWB_ID_PATROON,
    message=_("Dit is geen geldig BWB-nummer. Een BWB-nummer ziet eruit als BWBR0015703."),
)


class Kader(models.Model):
    """A framework of principles: the Code Goed Openbaar Bestuur, the algemene beginselen van
    behoorlijk bestuur, or the behoorlijkheidsnormen of the Nationale ombudsman."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    bron = models.CharField(_("bron"), max_length=300, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("kader")
        verbose_name_plural = _("kaders")
        ordering: ClassVar = ["volgorde", "naam"]

    def __str__(self) -> str:
        return self.naam


class Beginsel(models.Model):
    """One principle or norm, explained in our own plain Dutch, with questions for a case."""

    code = models.SlugField(_("code"), max_length=100, unique=True)
    kader = models.ForeignKey(
        Kader, verbose_name=_("kader"), on_delete=models.PROTECT, related_name="beginselen"
    )
    groep = models.CharField(_("groep"), max_length=100, blank=True)
    naam = models.CharField(_("naam"), max_length=200)
    geschreven = models.BooleanField(
        _("geschreven"), default=False, help_text=_("Staat dit beginsel in een wet?")
    )
    wettelijke_grondslag = models.CharField(
        _("wettelijke grondslag"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: art. 3:4 lid 2 Awb. Leeg als het beginsel ongeschreven is."),
    )
    toelichting = models.TextField(_("toelichting"))
    vragen = models.JSONField(
        _("vragen"),
        default=list,
        blank=True,
        help_text=_("Vragen die een professional kan stellen over een casus."),
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    zoektekst = models.TextField(editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("beginsel")
        verbose_name_plural = _("beginselen")
        ordering: ClassVar = ["kader__volgorde", "volgorde", "naam"]
        indexes: ClassVar = [models.Index(fields=["kader", "volgorde"])]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("kennisbank:beginsel", args=[self.code])

    def bereken_zoektekst(self) -> str:
        vragen = [str(v) for v in self.vragen] if isinstance(self.vragen, list) else []
        return zoektekst(
            [self.naam, self.groep, self.wettelijke_grondslag, self.toelichting, *vragen]
        )


class Regeling(models.Model):
    """A regulation (law, order in council, ministerial regulation or policy rule), its owner
    ministry, the organisations that carry it out, and what it is for (bedoeling)."""

    code = models.SlugField(_("code"), max_length=100, unique=True)
    naam = models.CharField(_("naam"), max_length=300)
    citeertitel = models.CharField(_("citeertitel"), max_length=300, blank=True)
    soort = models.CharField(_("soort"), max_length=30, choices=RegelingSoort.choices)
    bwb_id = models.CharField(
        _("BWB-nummer"),
        max_length=11,
        blank=True,
        validators=[bwb_id_validator],
        help_text=_("Het nummer op wetten.overheid.nl, bijvoorbeeld BWBR0015703."),
    )
    url = models.URLField(_("link"), max_length=500, blank=True)
    eigenaar = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("eigenaar (ministerie)"),
        on_delete=models.PROTECT,
        related_name="eigen_regelingen",
        limit_choices_to={"soort": OrganisatieSoort.MINISTERIE},
    )
    uitvoerders = models.ManyToManyField(
        "core.Organisatie",
        verbose_name=_("uitvoerders"),
        blank=True,
        related_name="uitgevoerde_regelingen",
    )
    bedoeling = models.TextField(_("bedoeling"), blank=True)
    hardheidsclausule = models.CharField(
        _("artikel met hardheidsclausule"),
        max_length=30,
        blank=True,
        help_text=_("Het artikelnummer. Leeg als de regeling geen hardheidsclausule heeft."),
    )
    zoektekst = models.TextField(editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("regeling")
        verbose_name_plural = _("regelingen")
        ordering: ClassVar = ["naam"]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("kennisbank:regeling", args=[self.code])

    @property
    def wetten_url(self) -> str:
        """The link to the official text: the stored link, else the BWB page."""
        if self.url:
            return self.url
        return f"{WETTEN_BASIS_URL}{self.bwb_id}" if self.bwb_id else ""

    def bereken_zoektekst(self) -> str:
        return zoektekst([self.naam, self.citeertitel, self.bwb_id, self.bedoeling])


class Artikel(models.Model):
    """An article of a regulation, with its purpose and the discretionary room it leaves."""

    regeling = models.ForeignKey(
        Regeling, verbose_name=_("regeling"), on_delete=models.CASCADE, related_name="artikelen"
    )
    nummer = models.CharField(_("nummer"), max_length=30)
    titel = models.CharField(_("titel"), max_length=300, blank=True)
    samenvatting = models.TextField(_("samenvatting"), blank=True)
    bedoeling = models.TextField(_("bedoeling"), blank=True)
    beleidsruimte = models.TextField(
        _("beleidsruimte"),
        blank=True,
        help_text=_("Welke ruimte laat dit artikel aan de uitvoering? Leeg als er geen is."),
    )
    url = models.URLField(_("link"), max_length=500, blank=True)
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("artikel")
        verbose_name_plural = _("artikelen")
        ordering: ClassVar = ["regeling", "volgorde", "nummer"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["regeling", "nummer"], name="artikel_nummer_uniek"),
        ]

    def __str__(self) -> str:
        titel = f" — {self.titel}" if self.titel else ""
        return f"{_('Artikel')} {self.nummer}{titel}"

    def get_absolute_url(self) -> str:
        return reverse("kennisbank:artikel", args=[self.regeling.code, self.nummer])

    @property
    def wetten_url(self) -> str:
        return self.url or self.regeling.wetten_url


class Rechtuitspraak(models.Model):
    """A plain statement of what citizens are (wel) or are not (niet) entitled to (action P1)."""

    regeling = models.ForeignKey(
        Regeling, verbose_name=_("regeling"), on_delete=models.CASCADE, related_name="rechten"
    )
    artikel = models.ForeignKey(
        Artikel,
        verbose_name=_("artikel"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="rechten",
    )
    soort = models.CharField(_("soort"), max_length=10, choices=RechtSoort.choices)
    tekst = models.TextField(_("tekst"))
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("rechtuitspraak")
        verbose_name_plural = _("rechtuitspraken")
        ordering: ClassVar = ["regeling", "soort", "volgorde"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.tekst[:60]}"


class Afwijkingsgrond(models.Model):
    """A legal basis for deviating from a regulation in one case. Derived by the importer from
    the regulation's data, so the afwijkingswijzer reads grounds instead of hard-coding them.
    `sleutel` identifies a derived ground within its regulation (for idempotent imports)."""

    regeling = models.ForeignKey(
        Regeling,
        verbose_name=_("regeling"),
        on_delete=models.CASCADE,
        related_name="afwijkingsgronden",
    )
    artikel = models.ForeignKey(
        Artikel,
        verbose_name=_("artikel"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="afwijkingsgronden",
    )
    sleutel = models.CharField(_("sleutel"), max_length=60)
    soort = models.CharField(_("soort"), max_length=30, choices=AfwijkingsgrondSoort.choices)
    omschrijving = models.TextField(_("omschrijving"))
    vereisten = models.TextField(_("vereisten"), blank=True)
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("afwijkingsgrond")
        verbose_name_plural = _("afwijkingsgronden")
        ordering: ClassVar = ["regeling", "volgorde"]
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["regeling", "sleutel"], name="afwijkingsgrond_sleutel_uniek"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.sleutel})"


@dataclass(frozen=True)
class PerspectiefRegel:
    """One of the four perspectives of an assessment, ready for display."""

    perspectief: Perspectief
    oordeel: Oordeel
    toelichting: str

    @property
    def label(self) -> str:
        return str(self.perspectief.label)

    @property
    def oordeel_label(self) -> str:
        return str(self.oordeel.label)

    @property
    def ontbreekt(self) -> bool:
        return self.oordeel == Oordeel.NIET_BEOORDEELD


def oordeel_veld(perspectief: str) -> str:
    return f"{perspectief}_oordeel"


def toelichting_veld(perspectief: str) -> str:
    return f"{perspectief}_toelichting"


PERSPECTIEF_VELDEN: tuple[str, ...] = tuple(
    veld for p in Perspectief for veld in (oordeel_veld(p), toelichting_veld(p))
)


def _oordeel_field(label: Any) -> models.CharField[str, str]:
    return models.CharField(
        label, max_length=20, choices=Oordeel.choices, default=Oordeel.NIET_BEOORDEELD
    )


class Perspectiefbeoordeling(models.Model):
    """The reusable four-perspective assessment (seed action U3): juridisch, financieel,
    professioneel and burger each get a judgement and an explanation. Later apps attach one to
    a signal, deviation or toets with a OneToOneField and change it through
    `services.save_perspectieven`; `ontbrekende_perspectieven` names the gaps."""

    juridisch_oordeel = _oordeel_field(_("juridisch oordeel"))
    juridisch_toelichting = models.TextField(_("juridische toelichting"), blank=True)
    financieel_oordeel = _oordeel_field(_("financieel oordeel"))
    financieel_toelichting = models.TextField(_("financiële toelichting"), blank=True)
    professioneel_oordeel = _oordeel_field(_("professioneel oordeel"))
    professioneel_toelichting = models.TextField(_("professionele toelichting"), blank=True)
    burger_oordeel = _oordeel_field(_("oordeel vanuit de burger"))
    burger_toelichting = models.TextField(_("toelichting vanuit de burger"), blank=True)
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), null=True, blank=True)
    bijgewerkt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bijgewerkt door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("perspectiefbeoordeling")
        verbose_name_plural = _("perspectiefbeoordelingen")

    def __str__(self) -> str:
        return f"{_('Beoordeling vanuit vier perspectieven')} #{self.pk}"

    def oordeel_van(self, perspectief: str) -> Oordeel:
        return Oordeel(getattr(self, oordeel_veld(perspectief)))

    def toelichting_van(self, perspectief: str) -> str:
        return str(getattr(self, toelichting_veld(perspectief)))

    def regels(self) -> list[PerspectiefRegel]:
        return [
            PerspectiefRegel(p, self.oordeel_van(p), self.toelichting_van(p)) for p in Perspectief
        ]

    def ontbrekende_perspectieven(self) -> list[Perspectief]:
        """The perspectives not yet assessed: the gaps that U3 asks to make visible."""
        return [p for p in Perspectief if self.oordeel_van(p) == Oordeel.NIET_BEOORDEELD]

    @property
    def is_compleet(self) -> bool:
        return not self.ontbrekende_perspectieven()


def perspectief_regels(beoordeling: Perspectiefbeoordeling | None) -> list[PerspectiefRegel]:
    """The four perspectives of an assessment; all missing when there is none yet."""
    if beoordeling is None:
        return [PerspectiefRegel(p, Oordeel.NIET_BEOORDEELD, "") for p in Perspectief]
    return beoordeling.regels()


class Levensgebeurtenis(models.Model):
    """A life event (having a child, losing one's job) that leads citizens to the regulations
    that matter then: the way in to the rechtenwijzer for someone who does not know the name of
    a law (action P1)."""

    slug = models.SlugField(_("code"), max_length=100, unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    omschrijving = models.TextField(
        _("omschrijving"), help_text=_("Kort en in eenvoudige taal (B1): wat er verandert.")
    )
    regelingen = models.ManyToManyField(
        Regeling,
        verbose_name=_("regelingen"),
        blank=True,
        related_name="levensgebeurtenissen",
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    zoektekst = models.TextField(editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("levensgebeurtenis")
        verbose_name_plural = _("levensgebeurtenissen")
        ordering: ClassVar = ["volgorde", "naam"]

    def __str__(self) -> str:
        return self.naam

    def bereken_zoektekst(self) -> str:
        return zoektekst([self.naam, self.omschrijving])
