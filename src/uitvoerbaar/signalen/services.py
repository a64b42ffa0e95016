"""Every state change of signals, the dialogue, knelpunten and the noodrem (F1, U4, U5).

Confidentiality is kept here, where the data is written: for a confidential or anonymous
signal no row, audit event or notification names the reporter. Their identity exists only as a
Fernet token (confidential) or not at all (anonymous), see kluis.py. Audit events about what a
reporter did carry no actor for those channels.

The Wet bescherming klokkenluiders timelines are requests on the response duty engine: the
acknowledgement (7 days) opens with the signal and is answered when a handler takes it into
handling; the feedback (3 months after the acknowledgement) is answered by the first message
marked as feedback, or by closing the signal."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from uitvoerbaar.audit import services as audit
from uitvoerbaar.core import policy, screening
from uitvoerbaar.core.constants import ROLLEN_PER_SOORT, OrganisatieSoort, Rol
from uitvoerbaar.core.models import Eenheid, Gebruiker, Organisatie
from uitvoerbaar.kennisbank.models import Artikel, Beginsel, Regeling
from uitvoerbaar.kennisbank.services import save_perspectieven
from uitvoerbaar.responsplicht import services as responsplicht
from uitvoerbaar.responsplicht.constants import Handeling as VerzoekHandeling
from uitvoerbaar.responsplicht.constants import Status as VerzoekStatus
from uitvoerbaar.responsplicht.models import Reactieverzoek
from uitvoerbaar.responsplicht.transitions import is_toegestaan as verzoek_kan
from uitvoerbaar.termijnen.rekenen import Eenheid as Termijneenheid
from uitvoerbaar.termijnen.selectors import uiterste_datum

from . import kluis
from .constants import (
    BIJLAGE_SOORTEN,
    MAX_TEKST,
    MAX_TITEL,
    Afzender,
    Handeling,
    Kanaal,
    KnelpuntStatus,
    Onthullingsstatus,
    Signaalsoort,
    Status,
    Uitkomst,
    Urgentie,
)
from .models import (
    Aanvulling,
    Bericht,
    Bijlage,
    Dashboardstand,
    Instelling,
    Knelpunt,
    Noodrem,
    Onthulling,
    Routeringsregel,
    Signaal,
)
from .transitions import doel

if TYPE_CHECKING:
    from . import selectors

ONDERWERP_SIGNAAL = "signalen.signaal"
ONDERWERP_NOODREM = "signalen.noodrem"
NOODREM_MAX_WERKDAGEN = 5
MELDENDE_ROLLEN = frozenset({Rol.MEDEWERKER, Rol.BEHANDELAAR})


@dataclass(frozen=True)
class Melding:
    """What intake returns: the signal and, for an anonymous one, the receipt code. The code
    exists only here: it is shown once and never stored."""

    signaal: Signaal
    ontvangstcode: str | None = None
    bijlagen: tuple[Bijlage, ...] = ()
    """The attachments stored with it, so the answer need not read them back."""


# --- validation helpers ----------------------------------------------------------------------


def _tekst(
    fouten: dict[str, Any], veld: str, waarde: str | None, *, verplicht: str | None, maximum: int
) -> str:
    waarde = (waarde or "").strip()
    if verplicht and not waarde:
        fouten[veld] = verplicht
    elif len(waarde) > maximum:
        fouten[veld] = _("Maak deze tekst korter: hoogstens %(max)d tekens (nu %(nu)d).") % {
            "max": maximum,
            "nu": len(waarde),
        }
    return waarde


def _persoonsgegevens(
    fouten: dict[str, Any], velden: Mapping[str, str], *, bevestigd: bool, titel: str = ""
) -> list[str]:
    """Citizen data in free text must be removed, or confirmed as necessary. A title is shown in
    lists and notifications, so it may never carry any."""
    if titel and screening.soorten_in(titel):
        fouten["titel"] = _(
            "Haal de persoonsgegevens uit de titel (%(soorten)s). Beschrijf de situatie zonder "
            "iemand herkenbaar te maken."
        ) % {"soorten": _labels(screening.soorten_in(titel))}
    gevonden = screening.soorten_in(*velden.values())
    if gevonden and not bevestigd:
        veld = next(v for v, t in velden.items() if screening.soorten_in(t))
        fouten.setdefault(
            veld,
            _(
                "Deze tekst lijkt persoonsgegevens van een burger te bevatten: %(soorten)s. "
                "Haal ze weg, of bevestig dat ze echt nodig zijn. Ze komen nooit in een "
                "openbare tekst."
            )
            % {"soorten": _labels(gevonden)},
        )
    return gevonden


def _labels(soorten: Sequence[str]) -> str:
    return ", ".join(str(screening.SOORTEN[s]) for s in soorten)


def _regeling_en_artikel(
    fouten: dict[str, Any], regeling: Regeling | None, artikel: Artikel | None
) -> None:
    if artikel is not None and regeling is not None and artikel.regeling_id != regeling.pk:
        fouten["artikel"] = _("Dit artikel hoort niet bij de gekozen regeling.")
    if artikel is not None and regeling is None:
        fouten["regeling"] = _("Kies ook de regeling waar dit artikel bij hoort.")


def _controleer_bijlagen(fouten: dict[str, Any], bijlagen: Sequence[UploadedFile]) -> None:
    from django.conf import settings

    if len(bijlagen) > settings.SIGNALEN_BIJLAGEN_MAX:
        fouten["bijlagen"] = _("U kunt hoogstens %(max)d bijlagen meesturen.") % {
            "max": settings.SIGNALEN_BIJLAGEN_MAX
        }
        return
    for bijlage in bijlagen:
        naam = bijlage.name or ""
        extensie = naam.rsplit(".", 1)[-1].lower() if "." in naam else ""
        if extensie not in BIJLAGE_SOORTEN:
            fouten["bijlagen"] = _(
                "%(naam)s: dit soort bestand kunt u niet meesturen. Toegestaan: %(soorten)s."
            ) % {"naam": naam[:80], "soorten": ", ".join(sorted(BIJLAGE_SOORTEN))}
            return
        if (bijlage.size or 0) > settings.SIGNALEN_BIJLAGE_MAX_BYTES:
            fouten["bijlagen"] = _("%(naam)s is te groot: hoogstens %(mb)d MB per bestand.") % {
                "naam": naam[:80],
                "mb": settings.SIGNALEN_BIJLAGE_MAX_BYTES // (1024 * 1024),
            }
            return
        bijlage.seek(0)
        begin = bijlage.read(2048)
        bijlage.seek(0)
        _type, handtekeningen = BIJLAGE_SOORTEN[extensie]
        if handtekeningen and not any(begin.startswith(h) for h in handtekeningen):
            fouten["bijlagen"] = _(
                "%(naam)s is geen echt %(soort)s-bestand. Stuur het bestand in zijn eigen vorm."
            ) % {"naam": naam[:80], "soort": extensie}
            return
        if not handtekeningen and b"\x00" in begin:
            fouten["bijlagen"] = _("%(naam)s is geen tekstbestand.") % {"naam": naam[:80]}
            return


def _bewaar_bijlagen(signaal: Signaal, bijlagen: Sequence[UploadedFile]) -> tuple[Bijlage, ...]:
    opgeslagen = []
    for bijlage in bijlagen:
        naam = bijlage.name or "bijlage"
        extensie = naam.rsplit(".", 1)[-1].lower()
        opgeslagen.append(
            Bijlage.objects.create(
                signaal=signaal,
                bestand=bijlage,
                naam=naam[:200],
                soort=BIJLAGE_SOORTEN[extensie][0],
                grootte=bijlage.size or 0,
            )
        )
    return tuple(opgeslagen)


def _lid_van(door: Gebruiker, organisatie: Organisatie) -> list[str]:
    return [m.rol for m in door.actieve_lidmaatschappen() if m.organisatie_id == organisatie.pk]


def _lock(signaal: Signaal) -> Signaal:
    return Signaal.objects.select_for_update().get(pk=signaal.pk)


def vandaag() -> dt.date:
    return timezone.localdate()


# --- routing ---------------------------------------------------------------------------------


def route(
    *,
    organisatie: Organisatie,
    regeling: Regeling | None,
    eenheid: Eenheid | None,
    urgentie: str,
) -> tuple[str, Eenheid | None]:
    """The handler role (and unit) for a new signal: the most specific matching rule of the
    organisation, then the lowest `volgorde`; the behandelaars without one."""
    passend = [
        r
        for r in Routeringsregel.objects.filter(organisatie=organisatie)
        if (r.regeling_id is None or (regeling is not None and r.regeling_id == regeling.pk))
        and (r.eenheid_id is None or (eenheid is not None and r.eenheid_id == eenheid.pk))
        and (not r.urgentie or r.urgentie == urgentie)
    ]
    if not passend:
        return str(Rol.BEHANDELAAR), None
    beste = min(passend, key=lambda r: (-r.specificiteit, r.volgorde, r.pk))
    return beste.behandelrol, beste.behandeleenheid


# --- intake ----------------------------------------------------------------------------------


def _onderwerp(signaal: Signaal) -> responsplicht.Onderwerp:
    return responsplicht.Onderwerp(
        type=ONDERWERP_SIGNAAL,
        id=str(signaal.pk),
        titel=f"{signaal.kenmerk} {signaal.titel}",
        url=reverse("signalen:signaal", kwargs={"pk": signaal.pk}),
    )


@transaction.atomic
@audit.gebundeld()
def submit_signaal(
    *,
    door: Gebruiker | None,
    kanaal: str,
    organisatie: Organisatie,
    titel: str,
    tekst: str,
    voorstel: str = "",
    urgentie: str = Urgentie.NORMAAL,
    eenheid: Eenheid | None = None,
    regeling: Regeling | None = None,
    artikel: Artikel | None = None,
    beginselen: Sequence[Beginsel] = (),
    perspectieven: Mapping[str, Any] | None = None,
    bijlagen: Sequence[UploadedFile] = (),
    persoonsgegevens_bevestigd: bool = False,
    soort: str = Signaalsoort.SIGNAAL,
    over_signaal: Signaal | None = None,
) -> Melding:
    """Take in a signal through one of three channels (seed actions F1, U4).

    - benoemd: `door` reports under their name to an organisation they belong to;
    - vertrouwelijk: as benoemd, but only the vertrouwenspersoon can learn who (encrypted);
    - anoniem: `door` must be None; the reporter gets a receipt code, shown once.

    Free text is screened for citizen data (refused unless confirmed as necessary; never in the
    title). The signal is routed to a handler role, and the Wbk acknowledgement request (7 days)
    starts. A report of retaliation (soort benadeling) is always confidential and goes to the
    vertrouwenspersoon.

    Throughput (DESIGN §5): the audit events (the signal's and its acknowledgement request's)
    are appended together at the very end (`audit.gebundeld`), so the chain head is locked only
    for the last three statements before the commit."""
    fouten: dict[str, Any] = {}
    if kanaal not in Kanaal.values:
        fouten["kanaal"] = _("Kies hoe u wilt melden: met naam, vertrouwelijk of anoniem.")
    if soort not in Signaalsoort.values:
        fouten["soort"] = _("Onbekende soort melding.")
    if urgentie not in Urgentie.values:
        fouten["urgentie"] = _("Kies de urgentie: normaal, hoog of spoed.")
    if kanaal == Kanaal.ANONIEM:
        if door is not None:
            raise ValueError("An anonymous signal is submitted without a person.")
        if organisatie.soort == OrganisatieSoort.PARLEMENT:
            fouten["organisatie"] = _("Kies de organisatie waar het signaal over gaat.")
    elif kanaal in Kanaal.values:
        if door is None or not policy.allows(door, "signaal.melden"):
            raise PermissionDenied(_("Log in om met naam of vertrouwelijk te melden."))
        if not _lid_van(door, organisatie):
            fouten["organisatie"] = _("U kunt alleen melden bij een organisatie waar u werkt.")
    if soort == Signaalsoort.BENADELING and kanaal != Kanaal.VERTROUWELIJK:
        fouten["kanaal"] = _(
            "Benadeling meldt u vertrouwelijk: alleen de vertrouwenspersoon ziet uw naam."
        )
    if over_signaal is not None and over_signaal.organisatie_id != organisatie.pk:
        fouten["over_signaal"] = _("Dit signaal hoort niet bij deze organisatie.")
    if eenheid is not None and eenheid.organisatie_id != organisatie.pk:
        fouten["eenheid"] = _("Deze eenheid hoort niet bij de gekozen organisatie.")
    titel = _tekst(
        fouten, "titel", titel, verplicht=_("Geef het signaal een korte titel."), maximum=MAX_TITEL
    )
    tekst = _tekst(
        fouten, "tekst", tekst, verplicht=_("Beschrijf wat er is gebeurd."), maximum=MAX_TEKST
    )
    voorstel = _tekst(fouten, "voorstel", voorstel, verplicht=None, maximum=MAX_TEKST)
    _regeling_en_artikel(fouten, regeling, artikel)
    gevonden = _persoonsgegevens(
        fouten,
        {"tekst": tekst, "voorstel": voorstel},
        bevestigd=persoonsgegevens_bevestigd,
        titel=titel,
    )
    _controleer_bijlagen(fouten, bijlagen)
    if fouten:
        raise ValidationError(fouten)

    if soort == Signaalsoort.BENADELING:
        behandelrol, behandeleenheid = str(Rol.VERTROUWENSPERSOON), None
    else:
        behandelrol, behandeleenheid = route(
            organisatie=organisatie, regeling=regeling, eenheid=eenheid, urgentie=urgentie
        )
    if behandelrol not in ROLLEN_PER_SOORT[organisatie.soort]:
        behandelrol = str(Rol.BEHANDELAAR)

    signaal = Signaal(
        organisatie=organisatie,
        eenheid=eenheid,
        soort=soort,
        kanaal=kanaal,
        urgentie=urgentie,
        titel=titel,
        tekst=tekst,
        voorstel=voorstel,
        regeling=regeling if regeling is not None else (artikel.regeling if artikel else None),
        artikel=artikel,
        persoonsgegevens=gevonden,
        behandelrol=behandelrol,
        behandeleenheid=behandeleenheid,
        over_signaal=over_signaal,
    )
    ontvangstcode = None
    if kanaal == Kanaal.BENOEMD:
        signaal.melder = door
    elif kanaal == Kanaal.VERTROUWELIJK:
        assert door is not None
        signaal.identiteit_versleuteld = kluis.versleutel(
            kluis.Identiteit(
                gebruiker_id=door.pk, naam=door.get_full_name() or str(door), email=door.email
            )
        )
        signaal.melder_kenmerk = kluis.melder_kenmerk(door.pk)
    else:
        ontvangstcode = kluis.nieuwe_bon()
        signaal.bon_hash = kluis.bon_hash(ontvangstcode)
    if perspectieven:
        # The perspectives belong to this new signal; the policy check is the intake itself.
        signaal.perspectieven = save_perspectieven(
            door=door if kanaal == Kanaal.BENOEMD else None,  # type: ignore[arg-type]
            data=perspectieven,
        )
    signaal.save()
    if beginselen:  # a new signal has none yet: `set([])` would still ask the database
        signaal.beginselen.set(beginselen)
    opgeslagen = _bewaar_bijlagen(signaal, bijlagen)

    signaal.ontvangstbevestiging = responsplicht.create_reactieverzoek(
        soort="wbk-ontvangstbevestiging",
        onderwerp=_onderwerp(signaal),
        vraag=_(
            "Bevestig binnen zeven dagen dat dit signaal is ontvangen, door het in behandeling "
            "te nemen (art. 2 lid 1 onder d Wet bescherming klokkenluiders)."
        ),
        door=door if kanaal == Kanaal.BENOEMD else None,
        ontvanger_organisatie=organisatie,
        ontvanger_rol=behandelrol,
        openbaar=False,
    )
    signaal.save(update_fields=["ontvangstbevestiging"])
    audit.record(
        event="signaal.gemeld",
        actor=door if kanaal == Kanaal.BENOEMD else None,
        obj=signaal,
        data={
            "kanaal": kanaal,
            "soort": soort,
            "organisatie": organisatie.slug,
            "urgentie": urgentie,
            "behandelrol": behandelrol,
            "regeling": regeling.code if regeling else None,
            "artikel": artikel.nummer if artikel else None,
            "persoonsgegevens": gevonden,
            "bijlagen": len(bijlagen),
        },
    )
    return Melding(signaal=signaal, ontvangstcode=ontvangstcode, bijlagen=opgeslagen)


# --- handling --------------------------------------------------------------------------------


def _zet(
    signaal: Signaal, handeling: Handeling, *, door: Gebruiker | None, data: dict[str, Any]
) -> None:
    signaal.status = doel(handeling, Status(signaal.status))
    signaal.save()
    audit.record(event=f"signaal.{handeling.value}", actor=door, obj=signaal, data=data)


def _beantwoord_wbk(verzoek: Reactieverzoek | None, *, door: Gebruiker, tekst: str) -> bool:
    """Answer a Wbk request with what the handler told the reporter. Its 'measure' is carried
    out at once (receipt confirmed, feedback given), so its follow-up check is recorded too.
    True when it answered (the engine then tells a named reporter itself)."""
    if verzoek is None:
        return False
    verzoek = Reactieverzoek.objects.get(pk=verzoek.pk)
    if not verzoek_kan(VerzoekHandeling.BEANTWOORDEN, VerzoekStatus(verzoek.status)):
        return False
    reactie = responsplicht.answer_pas_toe(
        verzoek=verzoek,
        door=door,
        maatregel=tekst[:2000],
        eigenaar=_eigenaar_van(verzoek),
        datum=vandaag(),
    )
    responsplicht.record_controle(
        controle=reactie.controle, door=door, uitgevoerd=True, melden=False
    )
    return True


def _eigenaar_van(verzoek: Reactieverzoek) -> str:
    return f"{verzoek.ontvanger_organisatie.naam}"


def _bericht(
    signaal: Signaal,
    *,
    afzender: str,
    auteur: Gebruiker | None,
    tekst: str,
    vraag: bool = False,
    terugkoppeling: bool = False,
) -> Bericht:
    return Bericht.objects.create(
        signaal=signaal,
        afzender=afzender,
        auteur=auteur,
        tekst=tekst,
        is_vraag=vraag,
        is_terugkoppeling=terugkoppeling,
    )


def _afzender_behandelaar(signaal: Signaal) -> str:
    return Afzender.VERTROUWENSPERSOON if signaal.is_benadeling else Afzender.BEHANDELAAR


def _meld_melder(signaal: Signaal, tekst: str) -> None:
    """Tell a named reporter in the app. Confidential and anonymous reporters are not sent
    anything: a notification row would tie their account to the signal. They see the news
    on their own page ("Mijn signalen", or the receipt code)."""
    if signaal.melder_id is None:
        return
    from uitvoerbaar.responsplicht.models import Melding as Notificatie

    verzoek = signaal.ontvangstbevestiging
    if verzoek is None:
        return
    Notificatie.objects.create(
        ontvanger_id=signaal.melder_id,
        verzoek=verzoek,
        tekst=f"{signaal.kenmerk} {signaal.titel}: {tekst}"[:500],
    )


@transaction.atomic
def take_in_behandeling(*, signaal: Signaal, door: Gebruiker, bericht: str = "") -> Signaal:
    """A handler takes the signal into handling. This is the acknowledgement of receipt of the
    Wet bescherming klokkenluiders: the acknowledgement request is answered, the reporter gets
    the message, and the feedback term of three months starts."""
    signaal = _lock(signaal)
    policy.require(door, "signaal.behandelen", signaal)
    doel(Handeling.IN_BEHANDELING_NEMEN, Status(signaal.status))
    fouten: dict[str, Any] = {}
    tekst = _tekst(fouten, "bericht", bericht, verplicht=None, maximum=MAX_TEKST) or _(
        "Uw signaal is ontvangen en in behandeling genomen. U hoort binnen drie maanden wat "
        "ermee is gedaan."
    )
    if fouten:
        raise ValidationError(fouten)
    _neem_in_behandeling(signaal, door=door, tekst=tekst)
    if not _beantwoord_wbk(signaal.ontvangstbevestiging, door=door, tekst=tekst):
        _meld_melder(signaal, _("uw signaal is in behandeling genomen."))
    return signaal


def _neem_in_behandeling(signaal: Signaal, *, door: Gebruiker | None, tekst: str) -> None:
    """The signal's own part of the acknowledgement: its state first (so that the engine's
    follower, called when the acknowledgement request is answered, finds nothing left to do),
    the message to the reporter, and the feedback request of three months."""
    _zet(signaal, Handeling.IN_BEHANDELING_NEMEN, door=door, data={})
    _bericht(signaal, afzender=_afzender_behandelaar(signaal), auteur=door, tekst=tekst)
    if signaal.terugkoppeling_id is None:
        signaal.terugkoppeling = responsplicht.create_reactieverzoek(
            soort="wbk-terugkoppeling",
            onderwerp=_onderwerp(signaal),
            vraag=_(
                "Koppel binnen drie maanden na de ontvangstbevestiging terug wat er met dit "
                "signaal is gedaan (art. 2 lid 1 onder g Wet bescherming klokkenluiders)."
            ),
            door=signaal.melder,
            ontvanger_organisatie=signaal.organisatie,
            ontvanger_rol=signaal.behandelrol,
            openbaar=False,
        )
        signaal.save(update_fields=["terugkoppeling"])


def volg_verzoek(verzoek: Reactieverzoek, handeling: VerzoekHandeling) -> None:
    """The signal follows its Wbk requests (registered with responsplicht.onderwerpen). They can
    also be answered on the request page itself: an answered acknowledgement then takes the
    signal into handling, and an answered feedback request puts the answer in the dialogue.
    For moves signalen makes itself, the signal has already changed and nothing happens."""
    if handeling != VerzoekHandeling.BEANTWOORDEN:
        return
    signaal = Signaal.objects.select_for_update().filter(pk=int(verzoek.onderwerp_id)).first()
    reactie = verzoek.reacties.order_by("-gegeven_op", "-pk").first()
    if signaal is None or reactie is None:
        return
    tekst = reactie.maatregel or reactie.redenen
    if verzoek.pk == signaal.ontvangstbevestiging_id and signaal.status == Status.ONTVANGEN:
        _neem_in_behandeling(signaal, door=reactie.door, tekst=tekst)
    elif (
        verzoek.pk == signaal.terugkoppeling_id
        and not signaal.berichten.filter(is_terugkoppeling=True).exists()
    ):
        bericht = _bericht(
            signaal,
            afzender=_afzender_behandelaar(signaal),
            auteur=reactie.door,
            tekst=tekst,
            terugkoppeling=True,
        )
        audit.record(
            event="signaal.terugkoppeling_gegeven",
            actor=reactie.door,
            obj=signaal,
            data={"bericht": bericht.pk, "verzoek": verzoek.pk},
        )


@transaction.atomic
def send_bericht(
    *,
    signaal: Signaal,
    door: Gebruiker,
    tekst: str,
    vraag: bool = False,
    terugkoppeling: bool = False,
) -> Bericht:
    """A handler writes to the reporter: a message, a question (the signal then waits for the
    reporter), or the Wbk feedback (which answers the feedback request)."""
    signaal = _lock(signaal)
    policy.require(door, "signaal.behandelen", signaal)
    handeling = Handeling.VRAAG_STELLEN if vraag else Handeling.BERICHT_STUREN
    doel(handeling, Status(signaal.status))
    fouten: dict[str, Any] = {}
    tekst = _tekst(fouten, "tekst", tekst, verplicht=_("Schrijf een bericht."), maximum=MAX_TEKST)
    if fouten:
        raise ValidationError(fouten)
    bericht = _bericht(
        signaal,
        afzender=_afzender_behandelaar(signaal),
        auteur=door,
        tekst=tekst,
        vraag=vraag,
        terugkoppeling=terugkoppeling,
    )
    beantwoord = terugkoppeling and _beantwoord_wbk(signaal.terugkoppeling, door=door, tekst=tekst)
    _zet(
        signaal,
        handeling,
        door=door,
        data={"bericht": bericht.pk, "vraag": vraag, "terugkoppeling": terugkoppeling},
    )
    if not beantwoord:
        _meld_melder(signaal, _("er is een nieuw bericht over uw signaal."))
    return bericht


@transaction.atomic
def add_informatie(
    *,
    signaal: Signaal,
    door: Gebruiker | None,
    tekst: str,
    bijlagen: Sequence[UploadedFile] = (),
    persoonsgegevens_bevestigd: bool = False,
) -> Bericht:
    """The reporter adds information or answers a question. The caller has established that this
    is the reporter (own account, or the receipt code); the message carries no author unless the
    signal is named."""
    signaal = _lock(signaal)
    doel(Handeling.AANVULLEN, Status(signaal.status))
    fouten: dict[str, Any] = {}
    tekst = _tekst(fouten, "tekst", tekst, verplicht=_("Schrijf uw aanvulling."), maximum=MAX_TEKST)
    _persoonsgegevens(fouten, {"tekst": tekst}, bevestigd=persoonsgegevens_bevestigd)
    from django.conf import settings

    if signaal.bijlagen.count() + len(bijlagen) > settings.SIGNALEN_BIJLAGEN_MAX:
        fouten["bijlagen"] = _("Bij dit signaal passen nog %(aantal)d bijlagen.") % {
            "aantal": max(0, settings.SIGNALEN_BIJLAGEN_MAX - signaal.bijlagen.count())
        }
    else:
        _controleer_bijlagen(fouten, bijlagen)
    if fouten:
        raise ValidationError(fouten)
    benoemd = signaal.kanaal == Kanaal.BENOEMD
    bericht = _bericht(
        signaal, afzender=Afzender.MELDER, auteur=door if benoemd else None, tekst=tekst
    )
    _bewaar_bijlagen(signaal, bijlagen)
    signaal.persoonsgegevens = sorted(
        set(signaal.persoonsgegevens) | set(screening.soorten_in(tekst))
    )
    _zet(
        signaal,
        Handeling.AANVULLEN,
        door=door if benoemd else None,
        data={"bericht": bericht.pk, "bijlagen": len(bijlagen)},
    )
    return bericht


@transaction.atomic
def close_signaal(*, signaal: Signaal, door: Gebruiker, uitkomst: str, toelichting: str) -> Signaal:
    """Close with an outcome and what the reporter is told. If the Wbk feedback was not given
    yet, this message is the feedback."""
    signaal = _lock(signaal)
    policy.require(door, "signaal.behandelen", signaal)
    doel(Handeling.AFSLUITEN, Status(signaal.status))
    fouten: dict[str, Any] = {}
    if uitkomst not in Uitkomst.values:
        fouten["uitkomst"] = _("Kies de uitkomst: waarom sluit u dit signaal af?")
    toelichting = _tekst(
        fouten,
        "toelichting",
        toelichting,
        verplicht=_("Schrijf wat de melder hoort over de uitkomst."),
        maximum=MAX_TEKST,
    )
    if uitkomst == Uitkomst.KNELPUNT and signaal.knelpunt_id is None:
        fouten["uitkomst"] = _("Neem het signaal eerst op in een knelpunt.")
    if fouten:
        raise ValidationError(fouten)
    _bericht(
        signaal,
        afzender=_afzender_behandelaar(signaal),
        auteur=door,
        tekst=toelichting,
        terugkoppeling=True,
    )
    beantwoord = _beantwoord_wbk(signaal.terugkoppeling, door=door, tekst=toelichting)
    signaal.uitkomst = uitkomst
    signaal.uitkomst_toelichting = toelichting
    signaal.afgesloten_op = timezone.now()
    _zet(signaal, Handeling.AFSLUITEN, door=door, data={"uitkomst": uitkomst})
    if not beantwoord:
        _meld_melder(signaal, _("uw signaal is afgesloten."))
    return signaal


@transaction.atomic
def reopen_signaal(*, signaal: Signaal, door: Gebruiker, reden: str) -> Signaal:
    """Reopen a closed signal, with a reason the reporter reads."""
    signaal = _lock(signaal)
    policy.require(door, "signaal.behandelen", signaal)
    doel(Handeling.HEROPENEN, Status(signaal.status))
    fouten: dict[str, Any] = {}
    reden = _tekst(
        fouten, "reden", reden, verplicht=_("Schrijf waarom u het signaal heropent."), maximum=2000
    )
    if fouten:
        raise ValidationError(fouten)
    _bericht(signaal, afzender=_afzender_behandelaar(signaal), auteur=door, tekst=reden)
    signaal.uitkomst = ""
    signaal.afgesloten_op = None
    _zet(signaal, Handeling.HEROPENEN, door=door, data={"reden": reden})
    return signaal


@transaction.atomic
def mark_gelezen_door_bestuur(*, signaal: Signaal, door: Gebruiker) -> None:
    """Record the first time a board member read the signal (time to board, seed action U4).
    Only the first reading counts; later readings change nothing."""
    if signaal.eerst_gelezen_door_bestuur_op is not None:
        return
    if (signaal.organisatie_id, str(Rol.BESTUUR)) not in {
        (lid.organisatie_id, lid.rol) for lid in door.actieve_lidmaatschappen()
    }:
        return
    bijgewerkt = Signaal.objects.filter(
        pk=signaal.pk, eerst_gelezen_door_bestuur_op__isnull=True
    ).update(eerst_gelezen_door_bestuur_op=timezone.now())
    if bijgewerkt:
        audit.record(event="signaal.gelezen_door_bestuur", actor=door, obj=signaal, data={})


# --- confidential identities -----------------------------------------------------------------


def identiteit(*, signaal: Signaal, door: Gebruiker) -> kluis.Identiteit | None:
    """The reporter of a confidential signal, for the vertrouwenspersoon, or for the handlers
    once the vertrouwenspersoon approved disclosure. Every reading is logged (Inzagelog)."""
    if signaal.kanaal != Kanaal.VERTROUWELIJK or not signaal.identiteit_versleuteld:
        return None
    if not policy.allows(door, "signaal.identiteit.bekijken", signaal) and not (
        signaal.identiteit_onthuld and policy.allows(door, "signaal.behandelen", signaal)
    ):
        raise PermissionDenied(_("Alleen de vertrouwenspersoon kent de naam van deze melder."))
    with transaction.atomic():
        audit.record_inzage(
            gebruiker=door,
            organisatie_id=signaal.organisatie_id,
            obj=signaal,
            reden=_("naam van de vertrouwelijke melder"),
        )
    return kluis.ontsleutel(signaal.identiteit_versleuteld)


@transaction.atomic
def request_onthulling(*, signaal: Signaal, door: Gebruiker, reden: str) -> Onthulling:
    """A handler asks the vertrouwenspersoon to disclose a confidential reporter's name."""
    signaal = _lock(signaal)
    policy.require(door, "signaal.behandelen", signaal)
    fouten: dict[str, Any] = {}
    if signaal.kanaal != Kanaal.VERTROUWELIJK:
        fouten["signaal"] = _("Alleen bij een vertrouwelijk signaal is de naam afgeschermd.")
    elif signaal.identiteit_onthuld:
        fouten["signaal"] = _("De naam is al bekendgemaakt.")
    elif signaal.onthullingen.filter(status=Onthullingsstatus.GEVRAAGD).exists():
        fouten["signaal"] = _("Er ligt al een verzoek bij de vertrouwenspersoon.")
    reden = _tekst(
        fouten,
        "reden",
        reden,
        verplicht=_("Leg uit waarom u de naam van de melder nodig hebt."),
        maximum=2000,
    )
    if fouten:
        raise ValidationError(fouten)
    onthulling = Onthulling.objects.create(signaal=signaal, gevraagd_door=door, reden=reden)
    audit.record(
        event="signaal.onthulling_gevraagd",
        actor=door,
        obj=signaal,
        data={"onthulling": onthulling.pk, "reden": reden},
    )
    return onthulling


@transaction.atomic
def decide_onthulling(
    *, onthulling: Onthulling, door: Gebruiker, toestaan: bool, toelichting: str
) -> Onthulling:
    """The vertrouwenspersoon decides. Approval discloses the name to the handlers and tells
    the reporter (in the app and by e-mail); refusal keeps it secret. Both are recorded."""
    onthulling = (
        Onthulling.objects.select_for_update().select_related("signaal").get(pk=onthulling.pk)
    )
    signaal = _lock(onthulling.signaal)
    policy.require(door, "signaal.identiteit.beslissen", signaal)
    fouten: dict[str, Any] = {}
    if onthulling.status != Onthullingsstatus.GEVRAAGD:
        fouten["onthulling"] = _("Over dit verzoek is al beslist.")
    toelichting = _tekst(
        fouten,
        "toelichting",
        toelichting,
        verplicht=_("Leg uw besluit uit; de behandelaar en de melder lezen het."),
        maximum=2000,
    )
    if fouten:
        raise ValidationError(fouten)
    onthulling.status = Onthullingsstatus.TOEGESTAAN if toestaan else Onthullingsstatus.GEWEIGERD
    onthulling.besloten_door = door
    onthulling.besluit_toelichting = toelichting
    onthulling.besloten_op = timezone.now()
    onthulling.save()
    if toestaan:
        signaal.identiteit_onthuld = True
        signaal.save(update_fields=["identiteit_onthuld"])
        _vertel_melder_over_onthulling(signaal, toelichting)
    audit.record(
        event="signaal.onthulling_besloten",
        actor=door,
        obj=signaal,
        data={"onthulling": onthulling.pk, "toegestaan": toestaan},
    )
    return onthulling


def _vertel_melder_over_onthulling(signaal: Signaal, toelichting: str) -> None:
    from django.conf import settings
    from django.core.mail import send_mail

    from uitvoerbaar.responsplicht.models import Melding as Notificatie

    wie = kluis.ontsleutel(signaal.identiteit_versleuteld)
    tekst = _(
        "%(kenmerk)s: de vertrouwenspersoon heeft uw naam bekendgemaakt aan de behandelaars van "
        "uw signaal. Toelichting: %(toelichting)s"
    ) % {"kenmerk": signaal.kenmerk, "toelichting": toelichting}
    if signaal.ontvangstbevestiging_id:
        Notificatie.objects.create(
            ontvanger_id=wie.gebruiker_id,
            verzoek_id=signaal.ontvangstbevestiging_id,
            tekst=tekst[:500],
        )
    if wie.email:
        transaction.on_commit(
            lambda: send_mail(
                _("Uitvoerbaar: uw naam is bekendgemaakt"),
                tekst,
                settings.DEFAULT_FROM_EMAIL,
                [wie.email],
                fail_silently=True,
            )
        )


# --- knelpunten ------------------------------------------------------------------------------


def _knelpunt_signalen(
    fouten: dict[str, Any], knelpunt: Knelpunt, signalen: Sequence[Signaal]
) -> None:
    for s in signalen:
        if s.organisatie_id != knelpunt.organisatie_id or s.is_benadeling:
            fouten["signalen"] = _("%(kenmerk)s hoort niet bij deze organisatie.") % {
                "kenmerk": s.kenmerk
            }
        elif s.regeling_id != knelpunt.regeling_id or (
            knelpunt.artikel_id and s.artikel_id not in (None, knelpunt.artikel_id)
        ):
            fouten["signalen"] = _(
                "%(kenmerk)s gaat over een andere regeling of een ander artikel."
            ) % {"kenmerk": s.kenmerk}


@transaction.atomic
def create_knelpunt(
    *,
    door: Gebruiker,
    organisatie: Organisatie,
    regeling: Regeling | None,
    artikel: Artikel | None,
    naam: str,
    omschrijving: str,
    signalen: Sequence[Signaal],
) -> Knelpunt:
    """Group signals about one regulation article into a named knelpunt."""
    policy.require(door, "knelpunt.beheren", organisatie)
    fouten: dict[str, Any] = {}
    naam = _tekst(
        fouten, "naam", naam, verplicht=_("Geef het knelpunt een naam."), maximum=MAX_TITEL
    )
    omschrijving = _tekst(fouten, "omschrijving", omschrijving, verplicht=None, maximum=MAX_TEKST)
    if regeling is None:
        fouten["regeling"] = _("Een knelpunt hoort bij een regeling.")
    _regeling_en_artikel(fouten, regeling, artikel)
    if screening.soorten_in(naam, omschrijving):
        fouten["omschrijving"] = _(
            "Een knelpunt wordt doorgegeven en gepubliceerd: haal de persoonsgegevens eruit."
        )
    if not signalen:
        fouten["signalen"] = _("Kies ten minste één signaal.")
    if fouten:
        raise ValidationError(fouten)
    knelpunt = Knelpunt(
        organisatie=organisatie,
        regeling=regeling,
        artikel=artikel,
        naam=naam,
        omschrijving=omschrijving,
        aangemaakt_door=door,
    )
    _knelpunt_signalen(fouten, knelpunt, signalen)
    if fouten:
        raise ValidationError(fouten)
    knelpunt.save()
    Signaal.objects.filter(pk__in=[s.pk for s in signalen]).update(knelpunt=knelpunt)
    audit.record(
        event="knelpunt.aangemaakt",
        actor=door,
        obj=knelpunt,
        data={
            "signalen": sorted(s.pk for s in signalen),
            "regeling": regeling.code if regeling else None,
        },
    )
    return knelpunt


@transaction.atomic
def add_to_knelpunt(
    *, knelpunt: Knelpunt, door: Gebruiker, signalen: Sequence[Signaal]
) -> Knelpunt:
    knelpunt = Knelpunt.objects.select_for_update().get(pk=knelpunt.pk)
    policy.require(door, "knelpunt.beheren", knelpunt)
    fouten: dict[str, Any] = {}
    if not signalen:
        fouten["signalen"] = _("Kies ten minste één signaal.")
    _knelpunt_signalen(fouten, knelpunt, signalen)
    if fouten:
        raise ValidationError(fouten)
    Signaal.objects.filter(pk__in=[s.pk for s in signalen]).update(knelpunt=knelpunt)
    audit.record(
        event="knelpunt.aangevuld",
        actor=door,
        obj=knelpunt,
        data={"signalen": sorted(s.pk for s in signalen)},
    )
    return knelpunt


@transaction.atomic
def pass_on_knelpunt(*, knelpunt: Knelpunt, door: Gebruiker, naar: str) -> Knelpunt:
    """Pass a knelpunt on: `naar="eigenaar"` shows it to the ministry owning the regulation
    (its policy team and top find it among their knelpunten; contesting the rule formally is an
    aanvechting, issue 5), `naar="stand"` takes it into the organisation's Stand van de
    uitvoering report (issue 8). Each once."""
    knelpunt = Knelpunt.objects.select_for_update().select_related("regeling").get(pk=knelpunt.pk)
    policy.require(door, "knelpunt.beheren", knelpunt)
    nu = timezone.now()
    if naar == "eigenaar":
        if knelpunt.naar_eigenaar_op is not None:
            raise ValidationError({"naar": _("Dit knelpunt is al aan de eigenaar doorgegeven.")})
        knelpunt.naar_eigenaar_op = nu
    elif naar == "stand":
        if knelpunt.naar_stand_op is not None:
            raise ValidationError(
                {"naar": _("Dit knelpunt staat al in de Stand van de uitvoering.")}
            )
        knelpunt.naar_stand_op = nu
    else:
        raise ValidationError(
            {"naar": _("Kies: doorgeven aan de eigenaar, of opnemen in de Stand.")}
        )
    knelpunt.status = KnelpuntStatus.DOORGEGEVEN
    knelpunt.save()
    audit.record(event="knelpunt.doorgegeven", actor=door, obj=knelpunt, data={"naar": naar})
    return knelpunt


# --- the noodrem -----------------------------------------------------------------------------


def _noodrem_termijn(organisatie: Organisatie, start: dt.date) -> int | None:
    """Calendar days for an organisation's shorter noodrem term (None: the kind's 5 working
    days). The engine takes shortening in days; the deadline is computed in working days."""
    instelling = Instelling.objects.filter(organisatie=organisatie).first()
    werkdagen = instelling.noodrem_werkdagen if instelling else NOODREM_MAX_WERKDAGEN
    if werkdagen >= NOODREM_MAX_WERKDAGEN:
        return None
    einde = uiterste_datum(
        start=start,
        aantal=werkdagen,
        eenheid=Termijneenheid.WERKDAGEN,
        organisatie_id=organisatie.pk,
    )
    return (einde - start).days


@transaction.atomic
def pull_noodrem(
    *,
    door: Gebruiker,
    organisatie: Organisatie,
    titel: str,
    schade: str,
    stoppen: str,
    beginselen: Sequence[Beginsel],
    regeling: Regeling | None = None,
    artikel: Artikel | None = None,
    eenheid: Eenheid | None = None,
    signaal: Signaal | None = None,
    persoonsgegevens_bevestigd: bool = False,
) -> Noodrem:
    """A professional pulls the emergency brake (seed action U5): which principles are at risk,
    what harm, what must stop now. A request goes to the organisation's bestuur with a short
    term (default 5 working days), escalating to the ministry's ambtelijke top and then to the
    public register. The harm is the argument the bestuur must reply to if it explains."""
    policy.require(door, "noodrem.trekken")
    fouten: dict[str, Any] = {}
    rollen = [r for r in _lid_van(door, organisatie) if r in MELDENDE_ROLLEN]
    if not rollen:
        fouten["organisatie"] = _(
            "U kunt alleen aan de noodrem trekken in een organisatie waar u als professional werkt."
        )
    titel = _tekst(
        fouten, "titel", titel, verplicht=_("Geef de noodrem een korte titel."), maximum=MAX_TITEL
    )
    schade = _tekst(
        fouten, "schade", schade, verplicht=_("Beschrijf welke schade ontstaat."), maximum=MAX_TEKST
    )
    stoppen = _tekst(
        fouten,
        "stoppen",
        stoppen,
        verplicht=_("Schrijf op wat nu moet stoppen."),
        maximum=MAX_TEKST,
    )
    if not beginselen:
        fouten["beginselen"] = _(
            "Kies ten minste één beginsel van behoorlijk bestuur dat in gevaar is."
        )
    _regeling_en_artikel(fouten, regeling, artikel)
    if eenheid is not None and eenheid.organisatie_id != organisatie.pk:
        fouten["eenheid"] = _("Deze eenheid hoort niet bij de gekozen organisatie.")
    if signaal is not None and signaal.organisatie_id != organisatie.pk:
        fouten["signaal"] = _("Dit signaal hoort niet bij deze organisatie.")
    _persoonsgegevens(
        fouten,
        {"schade": schade, "stoppen": stoppen},
        bevestigd=persoonsgegevens_bevestigd,
        titel=titel,
    )
    if fouten:
        raise ValidationError(fouten)
    start = vandaag()
    pk = uuid.uuid4()
    verzoek = responsplicht.create_reactieverzoek(
        soort="noodrem",
        onderwerp=responsplicht.Onderwerp(
            type=ONDERWERP_NOODREM,
            id=str(pk),
            titel=titel,
            url=reverse("signalen:noodrem", kwargs={"pk": pk}),
        ),
        vraag=_("Wat moet nu stoppen: %(stoppen)s") % {"stoppen": stoppen},
        argumenten=[_("Schade: %(schade)s") % {"schade": schade}],
        # The professional asks in person, not their role: otherwise every colleague in that
        # role could read the noodrem and judge the board's answer.
        door=door,
        verzoeker_organisatie=organisatie,
        ontvanger_organisatie=organisatie,
        ontvanger_rol=Rol.BESTUUR,
        termijn_dagen=_noodrem_termijn(organisatie, start),
        openbaar=True,
        start=start,
    )
    noodrem = Noodrem.objects.create(
        id=pk,
        organisatie=organisatie,
        eenheid=eenheid,
        door=door,
        titel=titel,
        schade=schade,
        stoppen=stoppen,
        regeling=regeling if regeling is not None else (artikel.regeling if artikel else None),
        artikel=artikel,
        signaal=signaal,
        verzoek=verzoek,
    )
    noodrem.beginselen.set(beginselen)
    audit.record(
        event="noodrem.getrokken",
        actor=door,
        obj=noodrem,
        data={
            "organisatie": organisatie.slug,
            "verzoek": verzoek.pk,
            "uiterste_datum": verzoek.uiterste_datum,
            "beginselen": sorted(b.code for b in beginselen),
        },
    )
    return noodrem


@transaction.atomic
def add_aanvulling(*, noodrem: Noodrem, door: Gebruiker, tekst: str) -> Aanvulling:
    """Add to a pulled noodrem (the professional, the bestuur or the ministry top). The noodrem
    itself is never edited or deleted."""
    policy.require(door, "noodrem.bekijken", noodrem)
    fouten: dict[str, Any] = {}
    tekst = _tekst(fouten, "tekst", tekst, verplicht=_("Schrijf uw aanvulling."), maximum=MAX_TEKST)
    if screening.soorten_in(tekst):
        fouten["tekst"] = _("Haal de persoonsgegevens uit de aanvulling (%(soorten)s).") % {
            "soorten": _labels(screening.soorten_in(tekst))
        }
    if fouten:
        raise ValidationError(fouten)
    aanvulling = Aanvulling.objects.create(noodrem=noodrem, door=door, tekst=tekst)
    audit.record(
        event="noodrem.aangevuld", actor=door, obj=noodrem, data={"aanvulling": aanvulling.pk}
    )
    return aanvulling


# --- beheer: routing rules and the noodrem term ----------------------------------------------


def validate_routeringsregel(*, regel: Routeringsregel) -> None:
    """A rule routes within its own organisation, to a role that exists there."""
    fouten: dict[str, Any] = {}
    organisatie = regel.organisatie
    if regel.behandelrol not in ROLLEN_PER_SOORT.get(organisatie.soort, frozenset()):
        fouten["behandelrol"] = _("Deze rol bestaat niet in %(org)s.") % {"org": organisatie.naam}
    for veld in ("eenheid", "behandeleenheid"):
        eenheid = getattr(regel, veld)
        if eenheid is not None and eenheid.organisatie_id != organisatie.pk:
            fouten[veld] = _("Deze eenheid hoort niet bij %(org)s.") % {"org": organisatie.naam}
    if regel.urgentie and regel.urgentie not in Urgentie.values:
        fouten["urgentie"] = _("Kies de urgentie: normaal, hoog of spoed.")
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def save_routeringsregel(*, door: Gebruiker, regel: Routeringsregel) -> Routeringsregel:
    """Create or change a routing rule of the beheerder's own organisation (audited)."""
    policy.require(door, "signalen.beheren", regel.organisatie)
    validate_routeringsregel(regel=regel)
    nieuw = regel.pk is None
    regel.save()
    audit.record(
        event="signalen.routering_opgeslagen",
        actor=door,
        obj=regel,
        data={
            "nieuw": nieuw,
            "regeling": regel.regeling.code if regel.regeling else None,
            "eenheid": regel.eenheid_id,
            "urgentie": regel.urgentie,
            "behandelrol": regel.behandelrol,
            "volgorde": regel.volgorde,
        },
    )
    return regel


def validate_instelling(*, instelling: Instelling) -> None:
    if not 1 <= instelling.noodrem_werkdagen <= NOODREM_MAX_WERKDAGEN:
        raise ValidationError(
            {
                "noodrem_werkdagen": _(
                    "Een organisatie mag de termijn van de noodrem korter maken, niet langer: "
                    "kies 1 tot en met %(max)d werkdagen."
                )
                % {"max": NOODREM_MAX_WERKDAGEN}
            }
        )


@transaction.atomic
def save_instelling(*, door: Gebruiker, instelling: Instelling) -> Instelling:
    """Set the organisation's noodrem term (audited)."""
    policy.require(door, "signalen.beheren", instelling.organisatie)
    validate_instelling(instelling=instelling)
    instelling.save()
    audit.record(
        event="signalen.instelling_opgeslagen",
        actor=door,
        obj=instelling,
        data={"noodrem_werkdagen": instelling.noodrem_werkdagen},
    )
    return instelling


@transaction.atomic
def rotate_identiteitssleutel(*, batch: int = 500) -> int:
    """Re-encrypt every confidential identity under the newest key in SIGNALEN_SLEUTELS (the
    first). Run after putting a new key in front; remove the old key only afterwards."""
    aantal = 0
    qs = Signaal.objects.exclude(identiteit_versleuteld="").only("pk", "identiteit_versleuteld")
    for signaal in qs.iterator(chunk_size=batch):
        nieuw = kluis.herversleutel(signaal.identiteit_versleuteld)
        if nieuw != signaal.identiteit_versleuteld:
            Signaal.objects.filter(pk=signaal.pk).update(identiteit_versleuteld=nieuw)
            aantal += 1
    audit.record(event="signalen.sleutel_geroteerd", actor=None, obj=None, data={"aantal": aantal})
    return aantal


# --- the board dashboard (seed action S2: the board sees what its professionals signal) --------


def _verversen() -> dt.timedelta:
    from django.conf import settings

    return dt.timedelta(seconds=settings.DASHBOARD_VERVERSEN_SECONDEN)


def ververs_dashboard(
    organisatie: Organisatie, *, nu: dt.datetime, bekeken: bool = False
) -> dict[str, Any]:
    """Count the organisation's dashboard figures now and store them (counts only; not an
    audited act); returns the figures. `bekeken`: the board is looking at it now."""
    from . import selectors

    cijfers = selectors.dashboardcijfers(organisatie, vandaag=timezone.localdate(nu))
    velden: dict[str, Any] = {"berekend_op": nu, "cijfers": cijfers}
    if bekeken:
        velden["bekeken_op"] = nu
    if not Dashboardstand.objects.filter(organisatie=organisatie).update(**velden):
        # The first count; another request may make it at the same moment.
        Dashboardstand.objects.get_or_create(
            organisatie=organisatie, defaults={**velden, "bekeken_op": nu}
        )
    return cijfers


def dashboard(
    *, user: Gebruiker, organisatie: Organisatie, nu: dt.datetime | None = None
) -> selectors.Dashboard:
    """The board dashboard of `organisatie` (policy `signalen.dashboard`): the stored stand,
    counted again first when there is none or it is older than DASHBOARD_VERVERSEN_SECONDEN.
    Notes when the board last looked, so the job keeps the stand fresh while it is used."""
    from . import selectors

    policy.require(user, "signalen.dashboard", organisatie)
    nu = nu or timezone.now()
    stand = Dashboardstand.objects.filter(organisatie=organisatie).first()
    if stand is None or stand.berekend_op <= nu - _verversen():
        cijfers = ververs_dashboard(organisatie, nu=nu, bekeken=True)
        stand = Dashboardstand(
            organisatie=organisatie, berekend_op=nu, bekeken_op=nu, cijfers=cijfers
        )
    elif stand.bekeken_op <= nu - _verversen():
        Dashboardstand.objects.filter(pk=stand.pk).update(bekeken_op=nu)
    stand.organisatie = organisatie
    return selectors.dashboard_uit(stand)


def ververs_dashboards(nu: dt.datetime | None = None) -> int:
    """The job `dashboards_verversen`: count again every stand looked at in the last day that
    is older than half the refresh interval, so a board member rarely waits for a count. One
    query when none is due."""
    nu = nu or timezone.now()
    te_doen = Dashboardstand.objects.filter(
        bekeken_op__gt=nu - dt.timedelta(days=1), berekend_op__lte=nu - _verversen() / 2
    ).select_related("organisatie")
    aantal = 0
    for stand in te_doen:
        ververs_dashboard(stand.organisatie, nu=nu)
        aantal += 1
    return aantal
