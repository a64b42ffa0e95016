"""States and choices of deviations (afwijkingen), contests (aanvechtingen) and case
deliberations (casusberaden). The case facets are closed lists on purpose: a choice cannot carry
a name or a citizen service number, and equal choices make cases comparable."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AfwijkingStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    TER_BEOORDELING = "ter_beoordeling", _("Ter beoordeling")
    GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd")
    AFGEWEZEN = "afgewezen", _("Afgewezen")
    AFGEROND = "afgerond", _("Afgerond")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


class Handeling(models.TextChoices):
    """The moves of a deviation; each is one service function and one audit event."""

    WIJZIGEN = "wijzigen", _("wijzigen")
    INDIENEN = "indienen", _("ter beoordeling indienen")
    GOEDKEUREN = "goedkeuren", _("goedkeuren")
    AFWIJZEN = "afwijzen", _("afwijzen")
    AFRONDEN = "afronden", _("afronden met uitkomst")
    INTREKKEN = "intrekken", _("intrekken")


class Beslissing(models.TextChoices):
    """What a decided case says, for precedents: deviation allowed or not."""

    AFWIJKEN = "afwijken", _("Afwijken toegestaan")
    NIET_AFWIJKEN = "niet_afwijken", _("Afwijken niet toegestaan")


class Huishouden(models.TextChoices):
    ALLEENSTAAND = "alleenstaand", _("Alleenstaand")
    ALLEENSTAANDE_OUDER = "alleenstaande_ouder", _("Alleenstaande ouder")
    PAAR_ZONDER_KINDEREN = "paar_zonder_kinderen", _("Paar zonder kinderen")
    PAAR_MET_KINDEREN = "paar_met_kinderen", _("Paar met kinderen")
    INWONEND = "inwonend", _("Inwonend (bij ouders of anderen)")
    ANDERS = "anders", _("Anders")


class Inkomensband(models.TextChoices):
    GEEN = "geen", _("Geen inkomen")
    ONDER_BIJSTAND = "onder_bijstand", _("Onder bijstandsniveau")
    TOT_120 = "tot_120", _("Tot 120% van het sociaal minimum")
    TOT_200 = "tot_200", _("120% tot 200% van het sociaal minimum")
    BOVEN_200 = "boven_200", _("Boven 200% van het sociaal minimum")


class Knelpunt(models.TextChoices):
    """The kind of hardship the rule causes in the case."""

    SCHULDEN = "schulden", _("Schulden of dreigende schulden")
    TERUGVORDERING = "terugvordering", _("Terugvordering of boete")
    TERMIJN = "termijn", _("Termijn of formaliteit gemist")
    ZORG = "zorg", _("Ziekte, zorg of mantelzorg")
    WONEN = "wonen", _("Dakloosheid of dreigende huisuitzetting")
    INKOMENSVAL = "inkomensval", _("Plotselinge inkomensval")
    GEZIN = "gezin", _("Gezinssituatie (scheiding, overlijden, geboorte)")
    ANDERS = "anders", _("Anders")


class AanvechtingStatus(models.TextChoices):
    """Follows the request on the response duty engine (see `services.volg_verzoek`)."""

    INGEDIEND = "ingediend", _("Wacht op antwoord")
    GEESCALEERD = "geescaleerd", _("Geëscaleerd")
    ONBEANTWOORD = "onbeantwoord", _("Termijn verstreken zonder antwoord")
    PAS_TOE = "pas_toe", _("Beantwoord: de regel verandert (pas toe)")
    LEG_UIT = "leg_uit", _("Beantwoord: de regel blijft (leg uit)")
    AFGESLOTEN = "afgesloten", _("Afgesloten")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


class AanvechtingBron(models.TextChoices):
    PROFESSIONAL = "professional", _("Door een professional of eenheid")
    STRUCTUREEL = "structureel", _("Structureel — regel aanpassen (uit herhaalde afwijkingen)")
