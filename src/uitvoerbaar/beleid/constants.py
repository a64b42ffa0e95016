"""Choices of the beleid app: proposal and step states, the default decision steps, toets
verdicts, the feasibility of a promise, assignment states and the reasons to hand one back."""

from __future__ import annotations

from typing import Final

from django.db import models
from django.utils.translation import gettext_lazy as _


class Voorstelstatus(models.TextChoices):
    LOPEND = "lopend", _("Loopt")
    AFGEROND = "afgerond", _("Alle stappen afgerond")


class Stapstatus(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    ACTIEF = "actief", _("Bezig")
    AFGEROND = "afgerond", _("Afgerond")


# The default decision steps (naam, sleutelstap). A key step needs the input of the executors
# named on it, or a published explanation by the ministry, before the proposal moves on.
STANDAARD_STAPPEN: Final[tuple[tuple[str, bool], ...]] = (
    ("Verkenning", False),
    ("Probleemanalyse", True),
    ("Beleidsopties", True),
    ("Ontwerp regelgeving", True),
    ("Consultatie", False),
    ("Besluitvorming", True),
    ("Invoering", False),
    ("Evaluatie", True),
)


class Betrokkenheidstatus(models.TextChoices):
    GEVRAAGD = "gevraagd", _("Inbreng gevraagd")
    ONTVANGEN = "ontvangen", _("Inbreng ontvangen")
    ZONDER = "zonder", _("Verder zonder inbreng, met uitleg")


class Toetsoordeel(models.TextChoices):
    """The verdict of an uitvoeringstoets."""

    UITVOERBAAR = "uitvoerbaar", _("Uitvoerbaar")
    ONDER_VOORWAARDEN = "onder_voorwaarden", _("Uitvoerbaar onder voorwaarden")
    NIET_UITVOERBAAR = "niet_uitvoerbaar", _("Niet uitvoerbaar")


class Toetsstatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    GEPUBLICEERD = "gepubliceerd", _("Gepubliceerd")


class Haalbaarheid(models.TextChoices):
    """An executor's finding on one promise of a proposal (P1)."""

    HAALBAAR = "haalbaar", _("Waar te maken")
    ONDER_VOORWAARDEN = "onder_voorwaarden", _("Waar te maken onder voorwaarden")
    NIET_HAALBAAR = "niet_haalbaar", _("Niet waar te maken")


class Voorwaardeantwoord(models.TextChoices):
    OPEN = "", _("Nog geen antwoord")
    PAS_TOE = "pas_toe", _("Pas toe")
    LEG_UIT = "leg_uit", _("Leg uit")


class Opdrachtstatus(models.TextChoices):
    ACTIEF = "actief", _("Loopt")
    OPGESCHORT = "opgeschort", _("Opgeschort: teruggegeven")
    AFGEROND = "afgerond", _("Afgerond")


class Teruggavereden(models.TextChoices):
    STRIJDIG = "strijdig", _("Strijdig met beginselen van goed bestuur")
    ONUITVOERBAAR = "onuitvoerbaar", _("Onuitvoerbaar")
    MIDDELEN = "middelen", _("Onvoldoende middelen")


class Teruggaveuitkomst(models.TextChoices):
    LOPEND = "lopend", _("Wacht op antwoord van het ministerie")
    GEWIJZIGD = "gewijzigd", _("Opdracht gewijzigd (pas toe)")
    GEHANDHAAFD = "gehandhaafd", _("Opdracht gehandhaafd met uitleg (leg uit)")
    INGETROKKEN = "ingetrokken", _("Teruggave ingetrokken")
