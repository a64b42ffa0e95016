"""States and choices of kamervragen and contactmomenten (seed actions P2 and P3)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kamervraagstatus(models.TextChoices):
    """Where a question from parliament stands. It follows its request on the response duty
    engine (see transitions.KAMERVRAAG), never set by hand."""

    GESTELD = "gesteld", _("Gesteld, wacht op antwoord")
    BEANTWOORD = "beantwoord", _("Beantwoord")
    AANVAARD = "aanvaard", _("Antwoord aanvaard")
    ONVOLDOENDE = "onvoldoende", _("Antwoord onvoldoende genoemd")
    ONBEANTWOORD = "onbeantwoord", _("Niet op tijd beantwoord")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


# A question whose answer may be published: an answer was given (and perhaps judged).
MET_ANTWOORD = frozenset(
    {Kamervraagstatus.BEANTWOORD, Kamervraagstatus.AANVAARD, Kamervraagstatus.ONVOLDOENDE}
)


class Contactsoort(models.TextChoices):
    BRIEFING = "briefing", _("Technische briefing")
    RONDETAFELGESPREK = "rondetafelgesprek", _("Rondetafelgesprek")
    WERKBEZOEK = "werkbezoek", _("Werkbezoek")


class Contactstatus(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    GEHOUDEN = "gehouden", _("Gehouden")
    GEANNULEERD = "geannuleerd", _("Geannuleerd")


class Contacthandeling(models.TextChoices):
    """The moves of a contactmoment; each is one service function and one audit event."""

    HOUDEN = "houden", _("als gehouden vastleggen")
    ANNULEREN = "annuleren", _("annuleren")
