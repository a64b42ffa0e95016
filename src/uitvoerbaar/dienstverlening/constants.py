"""Choices of the dienstverlening app: units and directions of indicators, the topics of the
employment conditions register (seed actions U2, M2, M4)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Eenheid(models.TextChoices):
    """The unit of an indicator. The CSV import names it in each column header, so a file in
    another unit is refused instead of silently mixed with the series."""

    DAGEN = "dagen", _("dagen")
    PROCENT = "procent", _("procent")
    SCORE = "score", _("rapportcijfer (1 tot 10)")
    MINUTEN = "minuten", _("minuten")
    AANTAL = "aantal", _("aantal")


class Richting(models.TextChoices):
    HOGER_IS_BETER = "hoger_beter", _("Hoger is beter")
    LAGER_IS_BETER = "lager_beter", _("Lager is beter")


class Onderwerp(models.TextChoices):
    """Topics of the employment conditions register (M4). Each has one unit, so values of
    different organisations can be compared."""

    SALARIS_SCHAAL_11 = "salaris_schaal_11", _("Maximum salaris schaal 11")
    EINDEJAARSUITKERING = "eindejaarsuitkering", _("Eindejaarsuitkering")
    KEUZEBUDGET = "keuzebudget", _("Individueel keuzebudget")
    VERLOF = "verlof", _("Vakantie-uren per jaar (voltijd)")
    OPLEIDINGSBUDGET = "opleidingsbudget", _("Opleidingsbudget per jaar")
    THUISWERKVERGOEDING = "thuiswerkvergoeding", _("Thuiswerkvergoeding per dag")
    THUISWERKDAGEN = "thuiswerkdagen", _("Thuiswerkdagen per week (hoogstens)")
    REISKOSTEN = "reiskosten", _("Reiskostenvergoeding per kilometer")


ONDERWERP_EENHEID: dict[str, str] = {
    Onderwerp.SALARIS_SCHAAL_11: "€ per maand",
    Onderwerp.EINDEJAARSUITKERING: "% van het jaarsalaris",
    Onderwerp.KEUZEBUDGET: "% van het jaarsalaris",
    Onderwerp.VERLOF: "uren",
    Onderwerp.OPLEIDINGSBUDGET: "€ per jaar",
    Onderwerp.THUISWERKVERGOEDING: "€ per dag",
    Onderwerp.THUISWERKDAGEN: "dagen",
    Onderwerp.REISKOSTEN: "€ per km",
}

# The model needs this many more periods than it has coefficients before it says anything:
# with fewer, the prediction band is so wide (or undefined) that any projection misleads.
MIN_EXTRA_PUNTEN = 4
# Prediction bands cover 90% of new observations.
BAND_BETROUWBAARHEID = 0.90
MIN_OPTIES, MAX_OPTIES = 2, 4
MAX_TEKST = 5000
MAX_CSV_BYTES = 1_000_000
# What the columns hold (DecimalField max_digits and a 32-bit integer); larger numbers are
# refused with a message instead of a database error.
MAX_BUDGET = 10**12
MAX_FTE = 10**8
MAX_VOLUME = 2_000_000_000
MAX_WAARDE_ARBEIDSVOORWAARDE = 10**10
