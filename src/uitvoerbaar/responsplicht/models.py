"""The response duty engine: kinds of request with their escalation ladder, requests to respond
(reactieverzoeken), answers (pas toe / leg uit), follow-up checks and in-app notifications.

The engine knows nothing of signals or assignments: a request points at its subject by an
opaque reference (type, id, title, link), and subjects follow its outcome through
`onderwerpen.registreer`."""

from __future__ import annotations

from typing import ClassVar, Final

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.policy import Toewijzing

from .constants import (
    Antwoordsoort,
    Controlestatus,
    OrganisatieBron,
    Publicatie,
    Status,
    Termijneenheid,
    WooGrond,
)


class Soort(models.Model):
    """A kind of request (DESIGN §3 table): default term, reminders, maximum extension,
    escalation ladder and publication policy. Maintained by a beheerder and loaded from data."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    termijn_aantal = models.PositiveSmallIntegerField(_("termijn"))
    termijn_eenheid = models.CharField(
        _("eenheid van de termijn"), max_length=20, choices=Termijneenheid.choices
    )
    herinneringen = models.JSONField(
        _("herinneringen (dagen voor de uiterste datum)"),
        default=list,
        blank=True,
        help_text=_("Bijvoorbeeld [5, 1]: een herinnering vijf dagen en één dag vooraf."),
    )
    max_verlenging_dagen = models.PositiveSmallIntegerField(
        _("maximale verlenging in dagen"), default=0
    )
    publicatie = models.CharField(
        _("wat wordt openbaar"), max_length=20, choices=Publicatie.choices
    )
    # After the last level's term, silence is published as "onbeantwoord".
    stilte_openbaar = models.BooleanField(
        _("stilzwijgen na de laatste trede openbaar"), default=True
    )

    class Meta:
        verbose_name = _("soort verzoek")
        verbose_name_plural = _("soorten verzoek")
        ordering: ClassVar = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Escalatieniveau(models.Model):
    """One step of a kind's ladder above the recipient (volgorde 1, 2, ...). The recipient of
    the request itself is level 0."""

    soort = models.ForeignKey(Soort, on_delete=models.CASCADE, related_name="niveaus")
    volgorde = models.PositiveSmallIntegerField(_("volgorde"))
    naam = models.CharField(_("naam"), max_length=200)
    organisatie_bron = models.CharField(
        _("verantwoordelijke organisatie"), max_length=30, choices=OrganisatieBron.choices
    )
    vaste_organisatie = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("vaste organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    rol = models.CharField(_("rol"), max_length=30, choices=Rol.choices)
    termijn_aantal = models.PositiveSmallIntegerField(_("termijn"))
    termijn_eenheid = models.CharField(
        _("eenheid van de termijn"), max_length=20, choices=Termijneenheid.choices
    )

    class Meta:
        verbose_name = _("escalatieniveau")
        verbose_name_plural = _("escalatieniveaus")
        ordering: ClassVar = ["soort", "volgorde"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["soort", "volgorde"], name="escalatieniveau_uniek"),
            models.CheckConstraint(condition=Q(volgorde__gte=1), name="escalatieniveau_vanaf_1"),
            models.CheckConstraint(
                condition=~Q(organisatie_bron=OrganisatieBron.VASTE_ORGANISATIE)
                | Q(vaste_organisatie__isnull=False),
                name="escalatieniveau_vaste_organisatie",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.volgorde}. {self.naam}"


class ReactieverzoekQuerySet(models.QuerySet["Reactieverzoek"]):
    def lopend(self) -> ReactieverzoekQuerySet:
        return self.filter(status__in=[Status.OPEN, Status.GEESCALEERD])


# The inbox's order (responsplicht.selectors.te_beantwoorden), and its index: running requests
# by deadline, suspended ones last.
INBOXVOLGORDE: Final = (
    models.ExpressionWrapper(Q(status=Status.OPGESCHORT), output_field=models.BooleanField()),
    models.F("uiterste_datum"),
    models.F("id"),
)


class Reactieverzoek(models.Model):
    """A request to respond: someone must answer by comply-or-explain before a deadline."""

    soort = models.ForeignKey(Soort, on_delete=models.PROTECT, related_name="verzoeken")
    # The subject, opaque to the engine.
    onderwerp_type = models.CharField(_("soort onderwerp"), max_length=100)
    onderwerp_id = models.CharField(_("kenmerk onderwerp"), max_length=100)
    onderwerp_titel = models.CharField(_("onderwerp"), max_length=300)
    onderwerp_url = models.CharField(_("link naar het onderwerp"), max_length=500, blank=True)
    vraag = models.TextField(_("vraag"))
    argumenten = models.JSONField(
        _("argumenten van de vrager"),
        default=list,
        blank=True,
        help_text=_("Een uitleg (leg uit) moet op elk argument antwoorden."),
    )
    # Who asks. A person may be absent (an anonymous reporter answers through the subject).
    verzoeker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vrager"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    verzoeker_organisatie = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("organisatie van de vrager"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gestelde_verzoeken",
    )
    # When set, everyone holding this role in the requester's organisation acts as requester
    # (a parliament committee, a policy team); when blank only the requester person does.
    verzoeker_rol = models.CharField(_("rol van de vrager"), max_length=30, blank=True)
    # Who must answer at level 0.
    ontvanger_organisatie = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("ontvangende organisatie"),
        on_delete=models.PROTECT,
        related_name="ontvangen_verzoeken",
    )
    ontvanger_rol = models.CharField(_("ontvangende rol"), max_length=30, choices=Rol.choices)
    ontvanger_persoon = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ontvangende persoon"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Who is responsible now (denormalised from the ladder, so the inbox is one indexed query).
    niveau = models.PositiveSmallIntegerField(_("escalatieniveau"), default=0)
    verantwoordelijke_organisatie = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("verantwoordelijke organisatie"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    verantwoordelijke_rol = models.CharField(
        _("verantwoordelijke rol"), max_length=30, choices=Rol.choices
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    gestart_op = models.DateField(_("gestart op"))
    uiterste_datum = models.DateField(_("uiterste datum"), db_index=True)
    volgende_herinnering = models.DateField(
        _("volgende herinnering"), null=True, blank=True, db_index=True
    )
    opgeschort_sinds = models.DateField(_("opgeschort sinds"), null=True, blank=True)
    opschortingsreden = models.TextField(_("reden van opschorting"), blank=True)
    resterende_dagen = models.PositiveIntegerField(_("resterende dagen"), null=True, blank=True)
    verlengd = models.BooleanField(_("verlengd"), default=False)
    verlengingsreden = models.TextField(_("reden van verlenging"), blank=True)
    onvoldoende_gemeld = models.BooleanField(_("antwoord onvoldoende genoemd"), default=False)
    # Publication: the kind says what is public; a Woo ground can withhold it, with a reason.
    openbaar = models.BooleanField(_("openbaar"), default=True)
    woo_grond = models.CharField(
        _("weigeringsgrond (Woo)"), max_length=20, choices=WooGrond.choices, blank=True
    )
    woo_toelichting = models.TextField(_("toelichting op de weigeringsgrond"), blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    bijgewerkt = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    objects = ReactieverzoekQuerySet.as_manager()

    class Meta:
        verbose_name = _("reactieverzoek")
        verbose_name_plural = _("reactieverzoeken")
        ordering: ClassVar = ["uiterste_datum", "pk"]
        indexes: ClassVar = [
            models.Index(fields=["status", "uiterste_datum"], name="verzoek_status_datum"),
            models.Index(
                fields=["verantwoordelijke_organisatie", "verantwoordelijke_rol", "status"],
                name="verzoek_verantwoordelijke",
            ),
            models.Index(fields=["onderwerp_type", "onderwerp_id"], name="verzoek_onderwerp"),
            models.Index(*INBOXVOLGORDE, name="verzoek_inbox"),
        ]
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=Q(woo_grond="") | ~Q(woo_toelichting=""),
                name="verzoek_woo_grond_met_toelichting",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.soort.naam}: {self.onderwerp_titel}"

    def policy_organisatie_id(self) -> int:
        return self.verantwoordelijke_organisatie_id

    def policy_toegewezen(self, actie: str) -> Toewijzing:
        """Who is concerned (policy scope TOEGEWEZEN): the levels reached answer, and the
        requester judges; both may view. Prefetch `verantwoordelijken` for lists."""
        bereikt = [v for v in self.verantwoordelijken.all() if v.niveau <= self.niveau]
        ontvangers = Toewijzing(
            paren=frozenset((v.organisatie_id, v.rol) for v in bereikt),
            personen=frozenset(v.persoon_id for v in bereikt if v.persoon_id),
        )
        vrager = Toewijzing(
            paren=frozenset({(self.verzoeker_organisatie_id, self.verzoeker_rol)})
            if self.verzoeker_organisatie_id and self.verzoeker_rol
            else frozenset(),
            personen=frozenset({self.verzoeker_id}) if self.verzoeker_id else frozenset(),
        )
        if actie in {"reactieverzoek.beantwoorden", "reactieverzoek.termijn"}:
            return ontvangers
        if actie == "reactieverzoek.beoordelen":
            return vrager
        if actie == "reactieverzoek.openbaarheid":
            return Toewijzing(
                paren=frozenset(
                    (self.ontvanger_organisatie_id, str(rol))
                    for rol in (Rol.BESTUUR, Rol.AMBTELIJKE_TOP)
                )
            )
        return Toewijzing(
            paren=ontvangers.paren | vrager.paren, personen=ontvangers.personen | vrager.personen
        )

    @property
    def kenmerk(self) -> str:
        """A stable public identifier."""
        return f"RV-{self.pk:06d}"


class Verantwoordelijke(models.Model):
    """Who was responsible at each level this request reached (level 0 is the recipient).
    Earlier levels may still answer; everyone here is notified of each move."""

    verzoek = models.ForeignKey(
        Reactieverzoek, on_delete=models.CASCADE, related_name="verantwoordelijken"
    )
    niveau = models.PositiveSmallIntegerField(_("niveau"))
    naam = models.CharField(_("naam van het niveau"), max_length=200)
    organisatie = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    rol = models.CharField(_("rol"), max_length=30, choices=Rol.choices)
    persoon = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("persoon"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    vanaf = models.DateField(_("verantwoordelijk vanaf"))
    uiterste_datum = models.DateField(_("uiterste datum op dit niveau"))

    class Meta:
        verbose_name = _("verantwoordelijke")
        verbose_name_plural = _("verantwoordelijken")
        ordering: ClassVar = ["verzoek", "niveau"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["verzoek", "niveau"], name="verantwoordelijke_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.niveau}. {self.naam}"


class Reactie(models.Model):
    """An answer: pas toe (a measure, its owner and date) or leg uit (reasons, principles
    weighed, a reply to each argument)."""

    verzoek = models.ForeignKey(Reactieverzoek, on_delete=models.PROTECT, related_name="reacties")
    soort = models.CharField(_("soort antwoord"), max_length=20, choices=Antwoordsoort.choices)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.PROTECT, related_name="+"
    )
    namens_organisatie = models.ForeignKey(
        "core.Organisatie", verbose_name=_("namens"), on_delete=models.PROTECT, related_name="+"
    )
    niveau = models.PositiveSmallIntegerField(_("niveau"))
    gegeven_op = models.DateTimeField(_("gegeven op"), auto_now_add=True)
    te_laat = models.BooleanField(_("na de uiterste datum"), default=False)
    # Pas toe.
    maatregel = models.TextField(_("maatregel"), blank=True)
    maatregel_eigenaar = models.CharField(
        _("eigenaar van de maatregel"), max_length=200, blank=True
    )
    maatregel_datum = models.DateField(_("datum van uitvoering"), null=True, blank=True)
    # Leg uit.
    redenen = models.TextField(_("redenen"), blank=True)
    beginselen = models.ManyToManyField(
        "kennisbank.Beginsel", verbose_name=_("gewogen beginselen"), blank=True, related_name="+"
    )
    antwoorden_op_argumenten = models.JSONField(
        _("antwoorden op de argumenten"), default=list, blank=True
    )
    # The requester's judgement.
    aanvaard = models.BooleanField(_("aanvaard"), null=True, blank=True)
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    onvoldoende_reden = models.TextField(_("waarom onvoldoende"), blank=True)

    class Meta:
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")
        ordering: ClassVar = ["verzoek", "gegeven_op", "pk"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} op {self.verzoek_id}"


class Controle(models.Model):
    """The follow-up of a pas-toe answer at its date: is the measure carried out?"""

    reactie = models.OneToOneField(Reactie, on_delete=models.PROTECT, related_name="controle")
    datum = models.DateField(_("datum"), db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Controlestatus.choices, default=Controlestatus.GEPLAND
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgesteld door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("controle")
        verbose_name_plural = _("controles")
        indexes: ClassVar = [
            models.Index(fields=["status", "datum"], name="controle_status_datum"),
        ]

    def __str__(self) -> str:
        return f"Controle {self.datum}: {self.get_status_display()}"


class Melding(models.Model):
    """An in-app notification (the inbox next to e-mail)."""

    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meldingen"
    )
    verzoek = models.ForeignKey(
        Reactieverzoek, on_delete=models.CASCADE, null=True, blank=True, related_name="meldingen"
    )
    tekst = models.CharField(_("tekst"), max_length=500)
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    gelezen_op = models.DateTimeField(_("gelezen op"), null=True, blank=True)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering: ClassVar = ["-aangemaakt", "-pk"]
        indexes: ClassVar = [
            models.Index(fields=["ontvanger", "gelezen_op"], name="melding_ongelezen"),
        ]

    def __str__(self) -> str:
        return self.tekst
