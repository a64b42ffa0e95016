"""Policy proposals with their decision steps and the executors involved (M1), the executors'
uitvoeringstoetsen with conditions and findings on promises (U1, P1), and assignments with
their return (P4).

Requests to respond live in the response duty engine; these models point at them and follow
their outcome through `volgers` (registered in apps.py)."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.policy import Toewijzing
from uitvoerbaar.kennisbank.constants import RechtSoort

from .constants import (
    Betrokkenheidstatus,
    Haalbaarheid,
    Opdrachtstatus,
    Stapstatus,
    Teruggavereden,
    Teruggaveuitkomst,
    Toetsoordeel,
    Toetsstatus,
    Voorstelstatus,
    Voorwaardeantwoord,
)

# Who may write an executor's toets and its findings: its handlers, its board, and at a
# co-government its policy officers.
TOETS_ROLLEN: frozenset[str] = frozenset({Rol.BEHANDELAAR, Rol.BESTUUR, Rol.BELEIDSMAKER})


class Beleidsvoorstel(models.Model):
    """A ministry's policy proposal: its decision steps, the executors and co-governments
    concerned, its documents and links, and what citizens will and will not be entitled to."""

    titel = models.CharField(_("titel"), max_length=300)
    samenvatting = models.TextField(_("samenvatting"))
    ministerie = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("ministerie"),
        on_delete=models.PROTECT,
        related_name="beleidsvoorstellen",
    )
    beleidsteam = models.ForeignKey(
        "core.Eenheid",
        verbose_name=_("beleidsteam"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="beleidsvoorstellen",
    )
    betrokken_organisaties = models.ManyToManyField(
        "core.Organisatie",
        verbose_name=_("betrokken uitvoerders en medeoverheden"),
        related_name="betrokken_voorstellen",
    )
    regelingen = models.ManyToManyField(
        "kennisbank.Regeling",
        verbose_name=_("regelingen"),
        blank=True,
        related_name="beleidsvoorstellen",
    )
    beoogde_invoering = models.DateField(_("beoogde invoeringsdatum"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Voorstelstatus.choices, default=Voorstelstatus.LOPEND
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
        verbose_name = _("beleidsvoorstel")
        verbose_name_plural = _("beleidsvoorstellen")
        ordering: ClassVar = ["-aangemaakt", "-pk"]

    def __str__(self) -> str:
        return self.titel

    def policy_organisatie_id(self) -> int:
        return self.ministerie_id

    @property
    def kenmerk(self) -> str:
        return f"BV-{self.pk:05d}"


class Bijlage(models.Model):
    """A document or link that belongs to a proposal."""

    voorstel = models.ForeignKey(Beleidsvoorstel, on_delete=models.CASCADE, related_name="bijlagen")
    titel = models.CharField(_("titel"), max_length=300)
    url = models.URLField(_("link"), max_length=500)

    class Meta:
        verbose_name = _("document of link")
        verbose_name_plural = _("documenten en links")
        ordering: ClassVar = ["voorstel", "pk"]

    def __str__(self) -> str:
        return self.titel


class Besluitstap(models.Model):
    """One decision step of a proposal. A key step (sleutelstap) names the executors whose
    input it needs before the proposal moves on."""

    voorstel = models.ForeignKey(Beleidsvoorstel, on_delete=models.CASCADE, related_name="stappen")
    volgorde = models.PositiveSmallIntegerField(_("volgorde"))
    naam = models.CharField(_("naam"), max_length=200)
    sleutelstap = models.BooleanField(_("belangrijke stap (inbreng nodig)"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Stapstatus.choices, default=Stapstatus.GEPLAND
    )
    gestart_op = models.DateField(_("gestart op"), null=True, blank=True)
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)

    class Meta:
        verbose_name = _("besluitstap")
        verbose_name_plural = _("besluitstappen")
        ordering: ClassVar = ["voorstel", "volgorde"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["voorstel", "volgorde"], name="besluitstap_uniek"),
            # At most one step of a proposal is under way.
            models.UniqueConstraint(
                fields=["voorstel"],
                condition=Q(status=Stapstatus.ACTIEF),
                name="besluitstap_een_actief",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.volgorde}. {self.naam}"


class Betrokkenheid(models.Model):
    """An executor or co-government whose input a key step needs: the request to it on the
    response duty engine, and, if the ministry goes on without that input, its published
    explanation why."""

    stap = models.ForeignKey(Besluitstap, on_delete=models.CASCADE, related_name="betrokkenen")
    organisatie = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    verzoek = models.OneToOneField(
        "responsplicht.Reactieverzoek",
        verbose_name=_("verzoek om inbreng"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Betrokkenheidstatus.choices,
        default=Betrokkenheidstatus.GEVRAAGD,
    )
    inbreng_op = models.DateField(_("inbreng ontvangen op"), null=True, blank=True)
    uitleg = models.TextField(_("uitleg van het ministerie"), blank=True)
    uitleg_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uitleg door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    uitleg_op = models.DateField(_("uitleg gegeven op"), null=True, blank=True)

    class Meta:
        verbose_name = _("betrokkenheid")
        verbose_name_plural = _("betrokkenheden")
        ordering: ClassVar = ["stap", "organisatie__naam"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["stap", "organisatie"], name="betrokkenheid_uniek"),
            models.CheckConstraint(
                condition=~Q(status=Betrokkenheidstatus.ZONDER) | ~Q(uitleg=""),
                name="betrokkenheid_zonder_met_uitleg",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisatie} bij {self.stap}"

    @property
    def voldaan(self) -> bool:
        return self.status != Betrokkenheidstatus.GEVRAAGD


class Belofte(models.Model):
    """What citizens will (wel) or will not (niet) be entitled to under a proposal, in plain
    Dutch (B1) (P1). The executors' toetsen say whether each can be kept."""

    voorstel = models.ForeignKey(Beleidsvoorstel, on_delete=models.CASCADE, related_name="beloften")
    soort = models.CharField(_("soort"), max_length=10, choices=RechtSoort.choices)
    tekst = models.TextField(_("tekst"))
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("belofte")
        verbose_name_plural = _("beloften")
        ordering: ClassVar = ["voorstel", "volgorde", "pk"]

    def __str__(self) -> str:
        return self.tekst[:80]


class Uitvoeringstoets(models.Model):
    """An executor's structured assessment of a proposal (U1). Published with its verdict,
    negative ones too."""

    voorstel = models.ForeignKey(Beleidsvoorstel, on_delete=models.PROTECT, related_name="toetsen")
    organisatie = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("uitvoerder"),
        on_delete=models.PROTECT,
        related_name="uitvoeringstoetsen",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Toetsstatus.choices, default=Toetsstatus.CONCEPT
    )
    uitvoerbaarheid = models.TextField(_("uitvoerbaarheid"), blank=True)
    handhaafbaarheid = models.TextField(_("handhaafbaarheid"), blank=True)
    doenvermogen = models.TextField(
        _("doenvermogen"),
        blank=True,
        help_text=_(
            "Kunnen burgers doen wat de regel van ze vraagt, ook onder stress? (WRR, 'Weten is "
            "nog geen doen', 2017)"
        ),
    )
    gevolgen_burgers = models.TextField(_("gevolgen voor burgers"), blank=True)
    capaciteit_kosten = models.TextField(_("capaciteit en kosten"), blank=True)
    kosten_eenmalig = models.DecimalField(
        _("eenmalige kosten (euro)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    kosten_structureel = models.DecimalField(
        _("structurele kosten per jaar (euro)"),
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
    )
    ict_wijzigingen = models.TextField(_("wijzigingen in ICT"), blank=True)
    invoeringsdatum_haalbaar = models.BooleanField(
        _("beoogde invoeringsdatum haalbaar"), null=True, blank=True
    )
    vroegst_haalbare_datum = models.DateField(
        _("vroegst haalbare invoeringsdatum"), null=True, blank=True
    )
    ondergrenzen = models.TextField(_("geraakte ondergrenzen van de dienstverlening"), blank=True)
    oordeel = models.CharField(
        _("oordeel"), max_length=30, choices=Toetsoordeel.choices, blank=True
    )
    samenvatting = models.TextField(_("samenvatting"), blank=True)
    # The legal, financial, professional and citizen perspectives (U3), from the kennisbank.
    perspectieven = models.OneToOneField(
        "kennisbank.Perspectiefbeoordeling",
        verbose_name=_("beoordeling vanuit vier perspectieven"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    opgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opgesteld door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    gepubliceerd_op = models.DateField(_("gepubliceerd op"), null=True, blank=True)
    bijgewerkt = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    class Meta:
        verbose_name = _("uitvoeringstoets")
        verbose_name_plural = _("uitvoeringstoetsen")
        ordering: ClassVar = ["-gepubliceerd_op", "-pk"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["voorstel", "organisatie"], name="toets_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.organisatie}: {self.voorstel}"

    def policy_organisatie_id(self) -> int:
        return self.organisatie_id

    @property
    def kenmerk(self) -> str:
        return f"UT-{self.pk:05d}"

    @property
    def gepubliceerd(self) -> bool:
        return self.status == Toetsstatus.GEPUBLICEERD


class Toetsvoorwaarde(models.Model):
    """A condition an executor sets in its toets. The ministry answers each pas toe or leg
    uit on the response duty engine."""

    toets = models.ForeignKey(
        Uitvoeringstoets, on_delete=models.CASCADE, related_name="voorwaarden"
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"))
    tekst = models.TextField(_("voorwaarde"))
    verzoek = models.OneToOneField(
        "responsplicht.Reactieverzoek",
        verbose_name=_("verzoek om reactie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    antwoord = models.CharField(
        _("antwoord van het ministerie"),
        max_length=20,
        choices=Voorwaardeantwoord.choices,
        blank=True,
        default=Voorwaardeantwoord.OPEN,
    )

    class Meta:
        verbose_name = _("voorwaarde")
        verbose_name_plural = _("voorwaarden")
        ordering: ClassVar = ["toets", "volgorde"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["toets", "volgorde"], name="voorwaarde_uniek"),
        ]

    def __str__(self) -> str:
        return self.tekst[:80]


class Bevinding(models.Model):
    """An executor's finding on one promise: can it be kept?"""

    toets = models.ForeignKey(
        Uitvoeringstoets, on_delete=models.CASCADE, related_name="bevindingen"
    )
    belofte = models.ForeignKey(Belofte, on_delete=models.CASCADE, related_name="bevindingen")
    haalbaarheid = models.CharField(_("waar te maken"), max_length=30, choices=Haalbaarheid.choices)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("bevinding")
        verbose_name_plural = _("bevindingen")
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["toets", "belofte"], name="bevinding_uniek"),
            models.CheckConstraint(
                condition=Q(haalbaarheid=Haalbaarheid.HAALBAAR) | ~Q(toelichting=""),
                name="bevinding_met_toelichting",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_haalbaarheid_display()}: {self.belofte}"


class Opdracht(models.Model):
    """An assignment from a ministry to an executive organisation (P4)."""

    ministerie = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("ministerie"),
        on_delete=models.PROTECT,
        related_name="gegeven_opdrachten",
    )
    beleidsteam = models.ForeignKey(
        "core.Eenheid",
        verbose_name=_("beleidsteam"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="opdrachten",
    )
    uitvoerder = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("uitvoerder"),
        on_delete=models.PROTECT,
        related_name="opdrachten",
    )
    voorstel = models.ForeignKey(
        Beleidsvoorstel,
        verbose_name=_("beleidsvoorstel"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="opdrachten",
    )
    titel = models.CharField(_("titel"), max_length=300)
    omschrijving = models.TextField(_("wat moet er gebeuren"))
    wettelijke_grondslag = models.CharField(_("wettelijke grondslag"), max_length=300)
    deadline = models.DateField(_("uiterste datum"))
    budget = models.DecimalField(
        _("budget (euro)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Opdrachtstatus.choices, default=Opdrachtstatus.ACTIEF
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
        verbose_name = _("opdracht")
        verbose_name_plural = _("opdrachten")
        ordering: ClassVar = ["-aangemaakt", "-pk"]

    def __str__(self) -> str:
        return self.titel

    @property
    def kenmerk(self) -> str:
        return f"OP-{self.pk:05d}"

    def policy_organisatie_id(self) -> int:
        return self.ministerie_id

    def policy_toegewezen(self, actie: str) -> Toewijzing:
        """The ministry's policy officers manage it; the executor's board hands it back;
        both may see it."""
        ministerie = frozenset({(self.ministerie_id, str(Rol.BELEIDSMAKER))})
        uitvoerder = frozenset({(self.uitvoerder_id, str(Rol.BESTUUR))})
        if actie == "opdracht.beheren":
            return Toewijzing(paren=ministerie)
        if actie == "opdracht.teruggeven":
            return Toewijzing(paren=uitvoerder)
        top = frozenset(
            (self.ministerie_id, str(r)) for r in (Rol.AMBTELIJKE_TOP, Rol.BEWINDSPERSOON)
        )
        return Toewijzing(paren=ministerie | uitvoerder | top)


class Teruggave(models.Model):
    """An executor hands an assignment back for a while; the ministry's ambtelijke top must
    answer on the response duty engine: a changed assignment (pas toe) or a maintained one
    with its explanation (leg uit)."""

    opdracht = models.ForeignKey(Opdracht, on_delete=models.PROTECT, related_name="teruggaven")
    reden = models.CharField(_("reden"), max_length=20, choices=Teruggavereden.choices)
    toelichting = models.TextField(_("toelichting"))
    beginselen = models.ManyToManyField(
        "kennisbank.Beginsel", verbose_name=_("beginselen"), blank=True, related_name="+"
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.PROTECT, related_name="+"
    )
    verzoek = models.OneToOneField(
        "responsplicht.Reactieverzoek",
        verbose_name=_("verzoek om reactie"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    uitkomst = models.CharField(
        _("uitkomst"),
        max_length=20,
        choices=Teruggaveuitkomst.choices,
        default=Teruggaveuitkomst.LOPEND,
    )
    wijziging = models.TextField(_("wijziging van de opdracht"), blank=True)
    teruggegeven_op = models.DateField(_("teruggegeven op"))
    afgehandeld_op = models.DateField(_("afgehandeld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("teruggave")
        verbose_name_plural = _("teruggaven")
        ordering: ClassVar = ["opdracht", "-teruggegeven_op", "-pk"]
        constraints: ClassVar = [
            # One return at a time per assignment.
            models.UniqueConstraint(
                fields=["opdracht"],
                condition=Q(uitkomst=Teruggaveuitkomst.LOPEND),
                name="teruggave_een_lopend",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.opdracht}: {self.get_reden_display()}"
