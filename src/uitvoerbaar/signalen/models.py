"""Signals from professionals, the noodrem, the dialogue and knelpunten (seed actions F1, U4, U5).

A signal never stores a confidential reporter's identity in the clear: `identiteit_versleuteld`
is a Fernet token whose key lives outside the database, and `melder_kenmerk` is a keyed
pseudonym that lets the reporter find their own signals. An anonymous signal keeps only the
Argon2 hash of its receipt code (see kluis.py)."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.policy import Toewijzing

from .constants import (
    MAX_TITEL,
    Afzender,
    Kanaal,
    KnelpuntStatus,
    Onthullingsstatus,
    Signaalsoort,
    Status,
    Uitkomst,
    Urgentie,
)


class Routeringsregel(models.Model):
    """Which role handles a new signal of an organisation. The most specific matching rule wins
    (regulation, unit and urgency each count), then the lowest `volgorde`; without a match the
    organisation's behandelaars handle it."""

    organisatie = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="routeringsregels",
    )
    regeling = models.ForeignKey(
        "kennisbank.Regeling",
        verbose_name=_("regeling"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    eenheid = models.ForeignKey(
        "core.Eenheid",
        verbose_name=_("eenheid van de melder"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    urgentie = models.CharField(_("urgentie"), max_length=20, choices=Urgentie.choices, blank=True)
    behandelrol = models.CharField(
        _("behandelende rol"),
        max_length=30,
        choices=[
            (r.value, r.label) for r in (Rol.BEHANDELAAR, Rol.VERTROUWENSPERSOON, Rol.BESTUUR)
        ],
        default=Rol.BEHANDELAAR,
    )
    behandeleenheid = models.ForeignKey(
        "core.Eenheid",
        verbose_name=_("behandelende eenheid"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("routeringsregel")
        verbose_name_plural = _("routeringsregels")
        ordering = ("organisatie", "volgorde", "pk")

    def __str__(self) -> str:
        return f"{self.organisatie} → {self.get_behandelrol_display()}"

    @property
    def specificiteit(self) -> int:
        return sum(bool(x) for x in (self.regeling_id, self.eenheid_id, self.urgentie))


class Instelling(models.Model):
    """Per organisation: the noodrem term (an organisation may shorten it, never lengthen it)."""

    organisatie = models.OneToOneField(
        "core.Organisatie",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="signalen_instelling",
    )
    noodrem_werkdagen = models.PositiveSmallIntegerField(
        _("termijn noodrem (werkdagen)"),
        default=5,
        help_text=_("Hoeveel werkdagen het bestuur heeft om op een noodrem te reageren (1 tot 5)."),
    )

    class Meta:
        verbose_name = _("instelling signalen")
        verbose_name_plural = _("instellingen signalen")

    def __str__(self) -> str:
        return str(self.organisatie)


class Knelpunt(models.Model):
    """Signals grouped by a handler around one regulation article, named and passed on: to the
    rule owner and into the Stand van de uitvoering report."""

    organisatie = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="knelpunten",
    )
    regeling = models.ForeignKey(
        "kennisbank.Regeling",
        verbose_name=_("regeling"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    artikel = models.ForeignKey(
        "kennisbank.Artikel",
        verbose_name=_("artikel"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    naam = models.CharField(_("naam"), max_length=MAX_TITEL)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=KnelpuntStatus.choices, default=KnelpuntStatus.OPEN
    )
    naar_eigenaar_op = models.DateTimeField(_("doorgegeven aan de eigenaar op"), null=True)
    naar_stand_op = models.DateTimeField(_("opgenomen in de Stand van de uitvoering op"), null=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("knelpunt")
        verbose_name_plural = _("knelpunten")
        ordering = ("-aangemaakt_op", "-pk")

    def __str__(self) -> str:
        return self.naam

    @property
    def kenmerk(self) -> str:
        return f"K-{self.pk:06d}"

    def policy_toegewezen(self, actie: str) -> Toewijzing:
        """Readers (policy scope TOEGEWEZEN): the organisation's handlers and board; once passed
        on to the rule owner, also the owner ministry's policy team and top."""
        paren = {
            (self.organisatie_id, str(Rol.BEHANDELAAR)),
            (self.organisatie_id, str(Rol.BESTUUR)),
        }
        eigenaar = self.regeling.eigenaar_id if self.regeling_id else None
        if self.naar_eigenaar_op is not None and eigenaar is not None:
            paren |= {(eigenaar, str(Rol.BELEIDSMAKER)), (eigenaar, str(Rol.AMBTELIJKE_TOP))}
        return Toewijzing(paren=frozenset(paren))


class Signaal(models.Model):
    # No index of its own: the composite indexes below lead with the organisation. A plain one
    # tempted PostgreSQL to sort a large organisation's signals instead of walking
    # signaal_org_datum newest first (similar-signal search went from 45 ms to seconds, p95).
    organisatie = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="signalen",
        db_index=False,
    )
    eenheid = models.ForeignKey(
        "core.Eenheid",
        verbose_name=_("eenheid"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    soort = models.CharField(
        _("soort"), max_length=20, choices=Signaalsoort.choices, default=Signaalsoort.SIGNAAL
    )
    kanaal = models.CharField(_("kanaal"), max_length=20, choices=Kanaal.choices)
    urgentie = models.CharField(
        _("urgentie"), max_length=20, choices=Urgentie.choices, default=Urgentie.NORMAAL
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ONTVANGEN
    )
    titel = models.CharField(_("titel"), max_length=MAX_TITEL)
    tekst = models.TextField(_("wat is er gebeurd"))
    voorstel = models.TextField(_("voorstel voor een oplossing"), blank=True)
    regeling = models.ForeignKey(
        "kennisbank.Regeling",
        verbose_name=_("regeling"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signalen",
    )
    artikel = models.ForeignKey(
        "kennisbank.Artikel",
        verbose_name=_("artikel"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signalen",
    )
    beginselen = models.ManyToManyField(
        "kennisbank.Beginsel", verbose_name=_("beginselen in gevaar"), blank=True, related_name="+"
    )
    perspectieven = models.OneToOneField(
        "kennisbank.Perspectiefbeoordeling",
        verbose_name=_("vier perspectieven"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # The kinds of citizen data the reporter confirmed as necessary (see core.screening).
    persoonsgegevens = models.JSONField(_("bevestigde persoonsgegevens"), default=list, blank=True)
    # Who reported it, by channel: named -> melder; confidential -> kenmerk + encrypted
    # identity; anonymous -> only the receipt hash.
    melder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("melder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signalen",
    )
    melder_kenmerk = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    identiteit_versleuteld = models.TextField(blank=True, editable=False)
    identiteit_onthuld = models.BooleanField(_("identiteit onthuld"), default=False)
    bon_hash = models.CharField(max_length=64, null=True, unique=True, editable=False)  # noqa: DJ001
    behandelrol = models.CharField(_("behandelende rol"), max_length=30, choices=Rol.choices)
    behandeleenheid = models.ForeignKey(
        "core.Eenheid",
        verbose_name=_("behandelende eenheid"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    over_signaal = models.ForeignKey(
        "self",
        verbose_name=_("naar aanleiding van signaal"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="benadelingen",
    )
    knelpunt = models.ForeignKey(
        Knelpunt,
        verbose_name=_("knelpunt"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signalen",
    )
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices, blank=True)
    uitkomst_toelichting = models.TextField(_("toelichting op de uitkomst"), blank=True)
    ontvangen_op = models.DateTimeField(_("ontvangen op"), auto_now_add=True)
    afgesloten_op = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    eerst_gelezen_door_bestuur_op = models.DateTimeField(
        _("eerst gelezen door het bestuur op"), null=True, blank=True
    )
    ontvangstbevestiging = models.OneToOneField(
        "responsplicht.Reactieverzoek",
        verbose_name=_("ontvangstbevestiging (Wbk)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    terugkoppeling = models.OneToOneField(
        "responsplicht.Reactieverzoek",
        verbose_name=_("terugkoppeling (Wbk)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        ordering = ("-ontvangen_op", "-pk")
        indexes: ClassVar = [
            models.Index(
                fields=["organisatie", "status", "-ontvangen_op"], name="signaal_org_status"
            ),
            models.Index(fields=["organisatie", "-ontvangen_op"], name="signaal_org_datum"),
            models.Index(fields=["organisatie", "regeling", "artikel"], name="signaal_org_artikel"),
        ]

    def __str__(self) -> str:
        return f"{self.kenmerk} {self.titel}"

    @property
    def kenmerk(self) -> str:
        return f"S-{self.pk:06d}"

    @property
    def is_benadeling(self) -> bool:
        return self.soort == Signaalsoort.BENADELING

    def policy_toegewezen(self, actie: str) -> Toewijzing:
        """Who is concerned (policy scope TOEGEWEZEN). The routed role handles; the bestuur may
        read (time to board, seed action U4); the vertrouwenspersoon handles retaliation and
        keeps confidential identities. The reporter's own access goes through `signaal.eigen`."""
        org = self.organisatie_id
        custodian = (org, str(Rol.VERTROUWENSPERSOON))
        if self.is_benadeling:
            return Toewijzing(paren=frozenset({custodian}))
        handlers = {(org, self.behandelrol)}
        if actie in {"signaal.identiteit.bekijken", "signaal.identiteit.beslissen"}:
            return Toewijzing(paren=frozenset({custodian}))
        if actie == "signaal.bekijken":
            lezers = handlers | {(org, str(Rol.BESTUUR))}
            if self.kanaal == Kanaal.VERTROUWELIJK:
                lezers.add(custodian)
            return Toewijzing(paren=frozenset(lezers))
        return Toewijzing(paren=frozenset(handlers))


class Bericht(models.Model):
    """One message of the two-way dialogue between handler and reporter. The reporter's
    messages carry no author: for a confidential or anonymous signal that would name them."""

    signaal = models.ForeignKey(Signaal, on_delete=models.CASCADE, related_name="berichten")
    afzender = models.CharField(_("afzender"), max_length=20, choices=Afzender.choices)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    tekst = models.TextField(_("tekst"))
    is_vraag = models.BooleanField(_("vraag aan de melder"), default=False)
    is_terugkoppeling = models.BooleanField(_("terugkoppeling (Wbk)"), default=False)
    geplaatst_op = models.DateTimeField(_("geplaatst op"), auto_now_add=True)

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ("geplaatst_op", "pk")

    def __str__(self) -> str:
        return f"{self.signaal.kenmerk} {self.get_afzender_display()}"


def _bijlage_pad(instance: Bijlage, filename: str) -> str:
    # A random name: the reporter's file name can itself identify them.
    return f"signalen/{uuid.uuid4().hex}"


class Bijlage(models.Model):
    signaal = models.ForeignKey(Signaal, on_delete=models.CASCADE, related_name="bijlagen")
    bestand = models.FileField(_("bestand"), upload_to=_bijlage_pad)
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort bestand"), max_length=120)
    grootte = models.PositiveIntegerField(_("grootte in bytes"))
    toegevoegd_op = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")
        ordering = ("toegevoegd_op", "pk")

    def __str__(self) -> str:
        return self.naam


class Onthulling(models.Model):
    """A handler asks to learn who reported a confidential signal; only the vertrouwenspersoon's
    recorded approval discloses it, and the reporter is told either way."""

    signaal = models.ForeignKey(Signaal, on_delete=models.CASCADE, related_name="onthullingen")
    gevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reden = models.TextField(_("reden"))
    gevraagd_op = models.DateTimeField(_("gevraagd op"), auto_now_add=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Onthullingsstatus.choices,
        default=Onthullingsstatus.GEVRAAGD,
    )
    besloten_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    besluit_toelichting = models.TextField(_("toelichting op het besluit"), blank=True)
    besloten_op = models.DateTimeField(_("besloten op"), null=True)

    class Meta:
        verbose_name = _("verzoek om onthulling")
        verbose_name_plural = _("verzoeken om onthulling")
        ordering = ("-gevraagd_op", "-pk")

    def __str__(self) -> str:
        return f"{self.signaal.kenmerk} {self.get_status_display()}"


class Noodrem(models.Model):
    """An emergency brake pulled by a professional (seed action U5). Append-only: the database
    refuses UPDATE and DELETE (migration 0002); what follows is added as an Aanvulling, and the
    board's answer lives on the request (`verzoek`) of the response duty engine."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisatie = models.ForeignKey(
        "core.Organisatie",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="noodremmen",
    )
    eenheid = models.ForeignKey(
        "core.Eenheid",
        verbose_name=_("eenheid"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("getrokken door"),
        on_delete=models.PROTECT,
        related_name="noodremmen",
    )
    titel = models.CharField(_("titel"), max_length=MAX_TITEL)
    schade = models.TextField(_("welke schade ontstaat"))
    stoppen = models.TextField(_("wat moet nu stoppen"))
    beginselen = models.ManyToManyField(
        "kennisbank.Beginsel", verbose_name=_("beginselen in gevaar"), related_name="+"
    )
    regeling = models.ForeignKey(
        "kennisbank.Regeling",
        verbose_name=_("regeling"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    artikel = models.ForeignKey(
        "kennisbank.Artikel",
        verbose_name=_("artikel"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    signaal = models.ForeignKey(
        Signaal,
        verbose_name=_("signaal"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="noodremmen",
    )
    verzoek = models.OneToOneField(
        "responsplicht.Reactieverzoek",
        verbose_name=_("verzoek aan het bestuur"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    getrokken_op = models.DateTimeField(_("getrokken op"), auto_now_add=True)

    class Meta:
        verbose_name = _("noodrem")
        verbose_name_plural = _("noodremmen")
        ordering = ("-getrokken_op",)
        indexes: ClassVar = [
            models.Index(fields=["organisatie", "-getrokken_op"], name="noodrem_org_datum"),
        ]

    def __str__(self) -> str:
        return self.titel

    @property
    def kenmerk(self) -> str:
        return f"N-{str(self.pk)[:8].upper()}"

    def policy_toegewezen(self, actie: str) -> Toewijzing:
        """The noodrem's readers are its request's: the professional who pulled it and every
        level the request reached (bestuur, ministry top)."""
        return self.verzoek.policy_toegewezen("reactieverzoek.bekijken")


class Aanvulling(models.Model):
    """What is added to a pulled noodrem afterwards. Append-only, like the noodrem itself."""

    noodrem = models.ForeignKey(Noodrem, on_delete=models.PROTECT, related_name="aanvullingen")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    tekst = models.TextField(_("tekst"))
    geplaatst_op = models.DateTimeField(_("geplaatst op"), auto_now_add=True)

    class Meta:
        verbose_name = _("aanvulling")
        verbose_name_plural = _("aanvullingen")
        ordering = ("geplaatst_op", "pk")

    def __str__(self) -> str:
        return f"{self.noodrem.kenmerk} {self.geplaatst_op:%Y-%m-%d}"


class Dashboardstand(models.Model):
    """The board dashboard's figures of one organisation, as last computed (counts only, no
    signal of its own). Computed on a view when missing or older than
    DASHBOARD_VERVERSEN_SECONDEN, and kept fresh by the job `dashboards_verversen` while the
    board looks at it: counting an organisation's 150,000 signals took 2.7 s at national scale,
    reading this row takes one query."""

    organisatie = models.OneToOneField(
        "core.Organisatie", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    berekend_op = models.DateTimeField(_("berekend op"))
    bekeken_op = models.DateTimeField(_("laatst bekeken op"))
    cijfers = models.JSONField(_("cijfers"))

    class Meta:
        verbose_name = _("dashboardstand")
        verbose_name_plural = _("dashboardstanden")

    def __str__(self) -> str:
        return f"{self.organisatie_id} {self.berekend_op:%Y-%m-%d %H:%M}"
