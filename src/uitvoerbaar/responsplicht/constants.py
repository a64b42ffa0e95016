"""States, moves and choices of the response duty engine (DESIGN §3, "The response duty")."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    OPEN = "open", _("Open")
    OPGESCHORT = "opgeschort", _("Opgeschort")
    VERLOPEN = "verlopen", _("Termijn verstreken")
    GEESCALEERD = "geescaleerd", _("Geëscaleerd")
    BEANTWOORD = "beantwoord", _("Beantwoord")
    GEACCEPTEERD = "geaccepteerd", _("Antwoord aanvaard")
    BETWIST = "betwist", _("Antwoord onvoldoende")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


class Handeling(models.TextChoices):
    """The moves of a request; each is one service function and one audit event."""

    BEANTWOORDEN = "beantwoorden", _("beantwoorden")
    ACCEPTEREN = "accepteren", _("antwoord aanvaarden")
    BETWISTEN = "betwisten", _("antwoord onvoldoende noemen")
    LATEN_VERLOPEN = "laten_verlopen", _("termijn laten verlopen")
    ESCALEREN = "escaleren", _("escaleren")
    OPSCHORTEN = "opschorten", _("opschorten")
    HERVATTEN = "hervatten", _("hervatten")
    VERLENGEN = "verlengen", _("verlengen")
    INTREKKEN = "intrekken", _("intrekken")


class Antwoordsoort(models.TextChoices):
    PAS_TOE = "pas_toe", _("Pas toe")
    LEG_UIT = "leg_uit", _("Leg uit")


class Termijneenheid(models.TextChoices):
    """Same values as termijnen.rekenen.Eenheid."""

    DAGEN = "dagen", _("dagen")
    WERKDAGEN = "werkdagen", _("werkdagen")
    WEKEN = "weken", _("weken")
    MAANDEN = "maanden", _("maanden")


class OrganisatieBron(models.TextChoices):
    """Where the organisation responsible at an escalation level comes from."""

    ONTVANGER = "ontvanger", _("de ontvangende organisatie")
    EIGENAAR_MINISTERIE = "eigenaar_ministerie", _("het ministerie van de ontvanger")
    VASTE_ORGANISATIE = (
        "vaste_organisatie",
        _("een vaste organisatie (bijvoorbeeld een Kamercommissie)"),
    )


class Publicatie(models.TextChoices):
    """What of a request of this kind becomes public (in anonymised form)."""

    NIETS = "niets", _("Niets openbaar (alleen in statistieken)")
    ANTWOORD = "antwoord", _("Antwoord en stilzwijgen openbaar")
    VOLLEDIG = "volledig", _("Vraag, antwoord en stilzwijgen openbaar")


class WooGrond(models.TextChoices):
    """Grounds of the Wet open overheid to withhold publication (art. 5.1 and 5.2 Woo)."""

    EENHEID_KROON = "5.1.1.a", _("art. 5.1 lid 1 onder a Woo: eenheid van de Kroon")
    VEILIGHEID_STAAT = "5.1.1.b", _("art. 5.1 lid 1 onder b Woo: veiligheid van de Staat")
    VERTROUWELIJKE_BEDRIJFSGEGEVENS = (
        "5.1.1.c",
        _("art. 5.1 lid 1 onder c Woo: vertrouwelijk verstrekte bedrijfs- en fabricagegegevens"),
    )
    BIJZONDERE_PERSOONSGEGEVENS = (
        "5.1.1.d",
        _("art. 5.1 lid 1 onder d Woo: bijzondere persoonsgegevens"),
    )
    NATIONAAL_IDENTIFICATIENUMMER = (
        "5.1.1.e",
        _("art. 5.1 lid 1 onder e Woo: nationale identificatienummers"),
    )
    INTERNATIONALE_BETREKKINGEN = (
        "5.1.2.a",
        _(
            "art. 5.1 lid 2 onder a Woo: betrekkingen met andere staten en "
            "internationale organisaties"
        ),
    )
    ECONOMISCHE_BELANGEN = (
        "5.1.2.b",
        _("art. 5.1 lid 2 onder b Woo: economische of financiële belangen van de Staat"),
    )
    OPSPORING = (
        "5.1.2.c",
        _("art. 5.1 lid 2 onder c Woo: opsporing en vervolging van strafbare feiten"),
    )
    INSPECTIE = "5.1.2.d", _("art. 5.1 lid 2 onder d Woo: inspectie, controle en toezicht")
    PERSOONLIJKE_LEVENSSFEER = (
        "5.1.2.e",
        _("art. 5.1 lid 2 onder e Woo: eerbiediging van de persoonlijke levenssfeer"),
    )
    CONCURRENTIEGEVOELIG = (
        "5.1.2.f",
        _("art. 5.1 lid 2 onder f Woo: concurrentiegevoelige bedrijfs- en fabricagegegevens"),
    )
    MILIEU = "5.1.2.g", _("art. 5.1 lid 2 onder g Woo: bescherming van het milieu")
    BEVEILIGING = "5.1.2.h", _("art. 5.1 lid 2 onder h Woo: beveiliging van personen en bedrijven")
    GOED_FUNCTIONEREN = (
        "5.1.2.i",
        _("art. 5.1 lid 2 onder i Woo: goed functioneren van de Staat of bestuursorganen"),
    )
    ONEVENREDIGE_BENADELING = (
        "5.1.5",
        _("art. 5.1 lid 5 Woo: onevenredige benadeling van een ander belang"),
    )
    PERSOONLIJKE_BELEIDSOPVATTINGEN = (
        "5.2",
        _("art. 5.2 Woo: persoonlijke beleidsopvattingen in intern beraad"),
    )


class Controlestatus(models.TextChoices):
    """The follow-up check of a pas-toe answer: is the measure carried out?"""

    GEPLAND = "gepland", _("Gepland")
    TE_CONTROLEREN = "te_controleren", _("Te controleren")
    UITGEVOERD = "uitgevoerd", _("Uitgevoerd")
    NIET_UITGEVOERD = "niet_uitgevoerd", _("Niet uitgevoerd")
