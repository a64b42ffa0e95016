"""Reads of kamervragen and contactmomenten. The working lists show only what the person is
concerned with (their parliament, their executive organisation, a moment they take part in);
the public reads show only answered questions (and silence the engine publishes) and published
reports. Lists are a fixed number of queries, whatever the size."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from uitvoerbaar.core import policy
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.core.screening import maskeer
from uitvoerbaar.responsplicht import selectors_openbaar
from uitvoerbaar.responsplicht.constants import Antwoordsoort
from uitvoerbaar.responsplicht.models import Reactie, Verantwoordelijke

from .constants import Contactsoort, Contactstatus, Kamervraagstatus
from .models import Contactmoment, Kamervraag
from .models.contactmomenten import KAMER_BEHEER, UITVOERDER_BEHEER
from .models.kamervragen import KAMER_ROLLEN, UITVOERDER_ROLLEN

# --- kamervragen -------------------------------------------------------------------------------


def _kamervraag_qs() -> QuerySet[Kamervraag]:
    return Kamervraag.objects.select_related(
        "parlement",
        "commissie",
        "uitvoerder",
        "regeling",
        "beleidsvoorstel",
        "verzoek__verantwoordelijke_organisatie",
    ).prefetch_related(
        Prefetch(
            "verzoek__reacties",
            queryset=Reactie.objects.select_related("namens_organisatie")
            .prefetch_related("beginselen")
            .order_by("gegeven_op", "pk"),
        ),
        Prefetch(
            "verzoek__verantwoordelijken", queryset=Verantwoordelijke.objects.order_by("niveau")
        ),
    )


def _orgs(user: Gebruiker, rollen: tuple[str, ...]) -> set[int]:
    return {lid.organisatie_id for lid in user.actieve_lidmaatschappen() if lid.rol in rollen}


def kamervragen(
    *, user: Gebruiker, status: str = "", uitvoerder: int | None = None
) -> QuerySet[Kamervraag]:
    """Questions of the person's parliament (members, clerks) and to the person's executive
    organisation (handlers, board), newest first; optionally filtered by state or executor."""
    qs = _kamervraag_qs().filter(
        Q(parlement_id__in=_orgs(user, KAMER_ROLLEN))
        | Q(uitvoerder_id__in=_orgs(user, UITVOERDER_ROLLEN))
        | Q(gesteld_door=user)
    )
    if status in Kamervraagstatus.values:
        qs = qs.filter(status=status)
    if uitvoerder:
        qs = qs.filter(uitvoerder_id=uitvoerder)
    return qs.order_by("-gesteld_op", "-pk")


def vragen_aan_mijn_organisatie(*, user: Gebruiker) -> QuerySet[Kamervraag]:
    """Questions from parliament that the person's executive organisation must answer."""
    return _kamervraag_qs().filter(uitvoerder_id__in=_orgs(user, UITVOERDER_ROLLEN))


def kamervraag_detail(*, user: Gebruiker, pk: int) -> Kamervraag:
    kamervraag = _kamervraag_qs().filter(pk=pk).first()
    if kamervraag is None or not policy.allows(user, "kamervraag.bekijken", kamervraag):
        raise Http404(_("Deze kamervraag bestaat niet, of u hebt er geen toegang toe."))
    return kamervraag


@dataclass(frozen=True)
class Antwoord:
    """An answer of the engine, read as a plain answer to the question."""

    soort: str
    soort_tekst: str
    tekst: str
    gegeven_op: Any
    te_laat: bool
    namens: str
    beginselen: tuple[str, ...]
    maatregel_eigenaar: str
    maatregel_datum: Any
    onvoldoende_reden: str


def antwoorden(kamervraag: Kamervraag, *, openbaar: bool = False) -> list[Antwoord]:
    """The answers given on the question's request, oldest first. An explanation (leg uit)
    reads as the answer; a measure (pas toe) reads as the measure with its owner and date.
    `openbaar` masks citizen data (as the engine's public register does)."""
    if kamervraag.verzoek is None:
        return []

    def schoon(tekst: str) -> str:
        return maskeer(tekst) if openbaar else tekst

    uit: list[Antwoord] = []
    for r in kamervraag.verzoek.reacties.all():
        pas_toe = r.soort == Antwoordsoort.PAS_TOE
        uit.append(
            Antwoord(
                soort=r.soort,
                soort_tekst=str(Antwoordsoort(r.soort).label),
                tekst=schoon(r.maatregel if pas_toe else r.redenen),
                gegeven_op=r.gegeven_op,
                te_laat=r.te_laat,
                namens=r.namens_organisatie.naam if r.namens_organisatie_id else "",
                beginselen=tuple(b.naam for b in r.beginselen.all()),
                maatregel_eigenaar=schoon(r.maatregel_eigenaar) if pas_toe else "",
                maatregel_datum=r.maatregel_datum if pas_toe else None,
                onvoldoende_reden=schoon(r.onvoldoende_reden),
            )
        )
    return uit


# --- public kamervragen ----------------------------------------------------------------------


def openbare_kamervragen(*, uitvoerder: str = "") -> QuerySet[Kamervraag]:
    """Questions whose request the engine's public register lists: answered, or silent past
    the last level, and not withheld under the Woo. An open question is never public: the
    register shows it only once it is answered or the silence is final. Most recently answered
    first; ids are stable (the question's own number)."""
    zichtbaar = selectors_openbaar.openbare_verzoeken().filter(pk=OuterRef("verzoek_id"))
    qs = _kamervraag_qs().filter(Exists(zichtbaar))
    if uitvoerder:
        qs = qs.filter(uitvoerder__slug=uitvoerder)
    return qs.order_by("-beantwoord_op", "-gesteld_op", "-pk")


def openbare_kamervraag(*, pk: int) -> Kamervraag:
    kamervraag = openbare_kamervragen().filter(pk=pk).first()
    if kamervraag is None:
        raise Http404(_("Deze kamervraag bestaat niet of is (nog) niet openbaar."))
    return kamervraag


OPEN_DATA_KAMERVRAGEN: tuple[str, ...] = (
    "id",
    "kenmerk",
    "parlement",
    "commissie",
    "uitvoerder",
    "onderwerp",
    "vraag",
    "regeling",
    "gesteld_op",
    "status",
    "beantwoord_op",
    "antwoordsoort",
    "antwoord",
    "te_laat",
    "reactieverzoek",
)


def kamervraag_als_record(k: Kamervraag) -> dict[str, Any]:
    """One public question as open data (texts masked like the engine's register)."""
    alle = antwoorden(k, openbaar=True)
    laatste = alle[-1] if alle else None
    return {
        "id": k.pk,
        "kenmerk": k.kenmerk,
        "parlement": k.parlement.naam,
        "commissie": k.commissie.naam if k.commissie else "",
        "uitvoerder": k.uitvoerder.naam,
        "onderwerp": maskeer(k.titel),
        "vraag": maskeer(k.vraag),
        "regeling": k.regeling.code if k.regeling else "",
        "gesteld_op": k.gesteld_op.isoformat(),
        "status": k.status,
        "beantwoord_op": k.beantwoord_op.isoformat() if k.beantwoord_op else None,
        "antwoordsoort": laatste.soort if laatste else "",
        "antwoord": laatste.tekst if laatste else "",
        "te_laat": laatste.te_laat if laatste else None,
        "reactieverzoek": k.verzoek.kenmerk if k.verzoek else "",
    }


# --- contactmomenten ---------------------------------------------------------------------------


def _contact_qs() -> QuerySet[Contactmoment]:
    return Contactmoment.objects.select_related("parlement", "commissie").prefetch_related(
        "uitvoerders", "regelingen", "deelnemers"
    )


def contactmomenten(
    *, user: Gebruiker, status: str = "", soort: str = ""
) -> QuerySet[Contactmoment]:
    """The moments the person is concerned with: of their parliament (members, clerks), of an
    executor where they are board or administrator, or where they are a named participant."""
    kamer = _orgs(user, (Rol.KAMERLID, *KAMER_BEHEER))
    uitvoerder = _orgs(user, UITVOERDER_BEHEER)
    qs = _contact_qs().filter(
        Q(parlement_id__in=kamer) | Q(uitvoerders__in=uitvoerder) | Q(deelnemers=user)
    )
    if status in Contactstatus.values:
        qs = qs.filter(status=status)
    if soort in Contactsoort.values:
        qs = qs.filter(soort=soort)
    return qs.distinct().order_by("-begint_op", "-pk")


def contactmoment_detail(*, user: Gebruiker, pk: int) -> Contactmoment:
    contactmoment = _contact_qs().filter(pk=pk).first()
    if contactmoment is None or not policy.allows(user, "contactmoment.bekijken", contactmoment):
        raise Http404(_("Dit contactmoment bestaat niet, of u hebt er geen toegang toe."))
    return contactmoment


def openbare_contactmomenten() -> QuerySet[Contactmoment]:
    """Moments whose report is published, most recently held first."""
    return (
        _contact_qs()
        .filter(status=Contactstatus.GEHOUDEN, verslag_gepubliceerd_op__isnull=False)
        .order_by("-begint_op", "-pk")
    )


def openbaar_contactmoment(*, pk: int) -> Contactmoment:
    contactmoment = openbare_contactmomenten().filter(pk=pk).first()
    if contactmoment is None:
        raise Http404(_("Dit contactmoment bestaat niet of het verslag is niet openbaar."))
    return contactmoment


def contactmoment_als_record(c: Contactmoment) -> dict[str, Any]:
    """One published report as open data: never the participants' names."""
    return {
        "id": c.pk,
        "kenmerk": c.kenmerk,
        "soort": c.soort,
        "titel": maskeer(c.titel),
        "parlement": c.parlement.naam,
        "commissie": c.commissie.naam if c.commissie else "",
        "uitvoerders": [o.naam for o in c.uitvoerders.all()],
        "begint_op": c.begint_op.isoformat(),
        "online": c.online,
        "onderwerpen": maskeer(c.onderwerpen),
        "regelingen": [r.code for r in c.regelingen.all()],
        "verslag": maskeer(c.verslag),
        "verslag_gepubliceerd_op": c.verslag_gepubliceerd_op.isoformat()
        if c.verslag_gepubliceerd_op
        else None,
    }
