"""Choices of the signalen app: channels, kinds, urgency, states, moves and outcomes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kanaal(models.TextChoices):
    """How a reporter comes forward (seed action U4: accessible channels, social safety)."""

    BENOEMD = "benoemd", _("Met naam")
    VERTROUWELIJK = "vertrouwelijk", _("Vertrouwelijk (alleen de vertrouwenspersoon kent uw naam)")
    ANONIEM = "anoniem", _("Anoniem (zonder inloggen, met een ontvangstcode)")


class Signaalsoort(models.TextChoices):
    SIGNAAL = "signaal", _("Signaal")
    # Retaliation after a signal (art. 17e Wet bescherming klokkenluiders): always confidential,
    # always to the vertrouwenspersoon.
    BENADELING = "benadeling", _("Melding van benadeling")


class Urgentie(models.TextChoices):
    NORMAAL = "normaal", _("Normaal")
    HOOG = "hoog", _("Hoog: er ontstaat binnenkort schade")
    SPOED = "spoed", _("Spoed: er ontstaat nu schade")


class Status(models.TextChoices):
    ONTVANGEN = "ontvangen", _("Ontvangen")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    VRAAG_AAN_MELDER = "vraag_aan_melder", _("Wacht op antwoord van de melder")
    AFGESLOTEN = "afgesloten", _("Afgesloten")


class Handeling(models.TextChoices):
    """The moves of a signal; each is one service function and one audit event."""

    IN_BEHANDELING_NEMEN = "in_behandeling_nemen", _("in behandeling nemen")
    VRAAG_STELLEN = "vraag_stellen", _("een vraag stellen aan de melder")
    BERICHT_STUREN = "bericht_sturen", _("een bericht sturen")
    AANVULLEN = "aanvullen", _("aanvullen")
    AFSLUITEN = "afsluiten", _("afsluiten")
    HEROPENEN = "heropenen", _("heropenen")


class Uitkomst(models.TextChoices):
    """Why a signal was closed; closing without one is refused."""

    MAATREGEL = "maatregel", _("Er is een maatregel genomen")
    KNELPUNT = "knelpunt", _("Opgenomen in een knelpunt en doorgegeven")
    AFWIJKING = "afwijking", _("Opgelost door in dit geval af te wijken")
    UITLEG = "uitleg", _("De regel werkt zoals bedoeld; uitgelegd aan de melder")
    DOORVERWEZEN = "doorverwezen", _("Doorverwezen naar een andere organisatie")
    DUBBEL = "dubbel", _("Dubbel: hetzelfde als een ander signaal")


class Afzender(models.TextChoices):
    """Who wrote a message in the dialogue; a reporter's name is never stored with it."""

    MELDER = "melder", _("Melder")
    BEHANDELAAR = "behandelaar", _("Behandelaar")
    VERTROUWENSPERSOON = "vertrouwenspersoon", _("Vertrouwenspersoon")


class Onthullingsstatus(models.TextChoices):
    """A handler's request to learn a confidential reporter's identity."""

    GEVRAAGD = "gevraagd", _("Gevraagd")
    TOEGESTAAN = "toegestaan", _("Toegestaan door de vertrouwenspersoon")
    GEWEIGERD = "geweigerd", _("Geweigerd door de vertrouwenspersoon")


class KnelpuntStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DOORGEGEVEN = "doorgegeven", _("Doorgegeven")


# File kinds a reporter may attach: extension -> (content type, magic bytes at the start).
BIJLAGE_SOORTEN: dict[str, tuple[str, tuple[bytes, ...]]] = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "txt": ("text/plain", ()),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    "odt": ("application/vnd.oasis.opendocument.text", (b"PK\x03\x04",)),
}

MAX_TITEL = 200
MAX_TEKST = 10_000
