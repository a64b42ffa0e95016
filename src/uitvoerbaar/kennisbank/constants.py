"""Choices of the kennisbank: kinds of regulation, rights, deviation grounds and perspectives."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RegelingSoort(models.TextChoices):
    WET = "wet", _("Wet")
    AMVB = "amvb", _("Algemene maatregel van bestuur")
    MINISTERIELE_REGELING = "ministeriele_regeling", _("Ministeriële regeling")
    BELEIDSREGEL = "beleidsregel", _("Beleidsregel")


class RechtSoort(models.TextChoices):
    WEL = "wel", _("Hier hebt u recht op")
    NIET = "niet", _("Hier hebt u geen recht op")


class AfwijkingsgrondSoort(models.TextChoices):
    HARDHEIDSCLAUSULE = "hardheidsclausule", _("Hardheidsclausule")
    BELEIDSREGEL = "beleidsregel", _("Afwijken van een beleidsregel (art. 4:84 Awb)")
    EVENREDIGHEID = "evenredigheid", _("Evenredigheid (art. 3:4 lid 2 Awb)")
    BELEIDSRUIMTE = "beleidsruimte", _("Beleidsruimte in het artikel")


class Perspectief(models.TextChoices):
    """The four perspectives that must all contribute (seed action U3)."""

    JURIDISCH = "juridisch", _("Juridisch")
    FINANCIEEL = "financieel", _("Financieel")
    PROFESSIONEEL = "professioneel", _("Professioneel")
    BURGER = "burger", _("Burger")


class Oordeel(models.TextChoices):
    NIET_BEOORDEELD = "niet_beoordeeld", _("Niet beoordeeld")
    GEEN_ZORGEN = "geen_zorgen", _("Geen zorgen")
    ZORGEN = "zorgen", _("Zorgen")
    ERNSTIGE_ZORGEN = "ernstige_zorgen", _("Ernstige zorgen")


# Judgements that must be explained: a concern without a reason helps nobody.
OORDELEN_MET_TOELICHTING: frozenset[str] = frozenset({Oordeel.ZORGEN, Oordeel.ERNSTIGE_ZORGEN})

# Shape of a BWB identifier of wetten.overheid.nl, e.g. BWBR0015703 (R: regeling, V: verdrag).
BWB_ID_PATROON = r"^BWB[RV]\d{7}$"
WETTEN_BASIS_URL = "https://wetten.overheid.nl/"
