"""Permission-aware reads of the response duty engine for the screens: the inbox "Te
beantwoorden", "Mijn vragen", one request with its timeline, and a person's notifications.

Each list costs a fixed number of queries whatever its length: the person's memberships (cached
on the user), the count for the paginator and the page itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from uitvoerbaar.core import policy
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.core.paginering import begrensd_aantal
from uitvoerbaar.kennisbank.models import Beginsel

from .constants import Antwoordsoort, Status
from .models import INBOXVOLGORDE, Melding, Reactie, Reactieverzoek, Soort, Verantwoordelijke
from .transitions import TE_BEANTWOORDEN

# States in which a passed deadline means the answer is late (a suspended request keeps an old
# date while its clock stands still, so it is not late).
TE_LAAT_STATUSSEN: Final = (Status.OPEN, Status.GEESCALEERD, Status.VERLOPEN)


def te_laat(vandaag: dt.date) -> Q:
    """An answer is owed and the deadline lies before `vandaag`."""
    return Q(status__in=TE_LAAT_STATUSSEN, uiterste_datum__lt=vandaag)


def _paren(user: Gebruiker) -> list[tuple[int, str]]:
    return sorted({(lid.organisatie_id, lid.rol) for lid in user.actieve_lidmaatschappen()})


def als_ontvanger(user: Gebruiker) -> Q:
    """Requests where the person holds the role responsible at a level the request reached
    (their active memberships), or is the person named there.

    A level's Verantwoordelijke row is written when the request reaches it (at the request,
    then at each escalation) and the request's level only rises, so every row is of a level
    reached: no comparison with the request's level is needed. Written as `pk IN (…)`, which
    PostgreSQL answers from the memberships' few rows through the primary key; the correlated
    EXISTS it replaces made it read all open requests (120 ms for an inbox of 85 at national
    scale, 2 ms now)."""
    wie = Q(persoon_id=user.pk)
    for organisatie_id, rol in _paren(user):
        wie |= Q(organisatie_id=organisatie_id, rol=rol)
    return Q(pk__in=Verantwoordelijke.objects.filter(wie).values("verzoek_id"))


def als_vrager(user: Gebruiker) -> Q:
    """Requests the person asked, or that were asked by a role they hold in that organisation
    (a committee, a policy team)."""
    wie = Q(verzoeker_id=user.pk)
    for organisatie_id, rol in _paren(user):
        wie |= Q(verzoeker_organisatie_id=organisatie_id, verzoeker_rol=rol)
    return wie


def _met_lijstvelden(qs: QuerySet[Reactieverzoek], vandaag: dt.date) -> QuerySet[Reactieverzoek]:
    """What a list row shows, in the same query: the kind, whether the answer is late, and the
    name of the level responsible now."""
    niveau_naam = (
        Verantwoordelijke.objects.filter(verzoek=OuterRef("pk"), niveau=OuterRef("niveau"))
        .order_by()
        .values("naam")[:1]
    )
    return qs.select_related("soort", "verantwoordelijke_organisatie").annotate(
        te_laat=Case(
            When(te_laat(vandaag), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
        niveau_naam=Subquery(niveau_naam),
    )


def te_beantwoorden(*, user: Gebruiker, vandaag: dt.date | None = None) -> QuerySet[Reactieverzoek]:
    """The requests this person must (still) answer: at any level the request has reached,
    their active membership holds the (organisation, role) responsible there, or they are the
    person named. Running requests by deadline, so the overdue ones come first; suspended
    ones (their clock stands still, nothing to do now) last. The order is the index
    `verzoek_inbox` (INBOXVOLGORDE), walked until the page is full: sorting an inbox of
    42,000 on a computed "overdue" first took 370 ms at national scale, this takes 1 ms."""
    vandaag = vandaag or timezone.localdate()
    qs = Reactieverzoek.objects.filter(als_ontvanger(user), status__in=TE_BEANTWOORDEN)
    return _met_lijstvelden(qs, vandaag).order_by(*INBOXVOLGORDE)


def aantal_te_beantwoorden(user: Any, *, grens: int) -> int:
    """For the navigation: how many requests wait for this person's answer, counted up to
    `grens + 1`."""
    if not policy.allows(user, "reactieverzoek.inbox"):
        return 0
    qs = Reactieverzoek.objects.filter(als_ontvanger(user), status__in=TE_BEANTWOORDEN)
    return begrensd_aantal(qs, grens)


def mijn_vragen(*, user: Gebruiker, vandaag: dt.date | None = None) -> QuerySet[Reactieverzoek]:
    """The requests this person asked, or their organisation and role asked (a committee, a
    policy team). Those answered and waiting for their judgement first, then the newest."""
    vandaag = vandaag or timezone.localdate()
    qs = Reactieverzoek.objects.filter(als_vrager(user))
    return (
        _met_lijstvelden(qs, vandaag)
        .annotate(
            wacht_op_oordeel=Case(
                When(status=Status.BEANTWOORD, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .order_by("-wacht_op_oordeel", "-aangemaakt", "-pk")
    )


def verzoek_detail(*, user: Gebruiker, pk: int) -> Reactieverzoek:
    """One request with its ladder and its answers. Http404 when it does not exist,
    PermissionDenied when the person is neither the requester nor responsible at a level it
    reached (policy `reactieverzoek.bekijken`)."""
    verzoek = (
        Reactieverzoek.objects.select_related(
            "soort",
            "verzoeker",
            "verzoeker_organisatie",
            "ontvanger_organisatie",
            "ontvanger_persoon",
            "verantwoordelijke_organisatie",
        )
        .prefetch_related(
            Prefetch(
                "verantwoordelijken",
                queryset=Verantwoordelijke.objects.select_related("organisatie", "persoon"),
            ),
            Prefetch(
                "reacties",
                queryset=Reactie.objects.select_related(
                    "door", "namens_organisatie", "controle"
                ).prefetch_related(
                    Prefetch(
                        "beginselen",
                        queryset=Beginsel.objects.select_related("kader").order_by(
                            "kader__volgorde", "volgorde", "naam"
                        ),
                    )
                ),
            ),
            "soort__niveaus",
        )
        .filter(pk=pk)
        .first()
    )
    if verzoek is None:
        raise Http404(_("Dit verzoek bestaat niet."))
    policy.require(user, "reactieverzoek.bekijken", verzoek)
    return verzoek


# --- notifications ---------------------------------------------------------------------------


def meldingen(*, user: Gebruiker) -> QuerySet[Melding]:
    """The person's own notifications, newest first."""
    return (
        Melding.objects.filter(ontvanger=user)
        .select_related("verzoek")
        .order_by("-aangemaakt", "-pk")
    )


def aantal_ongelezen(*, user: Gebruiker) -> int:
    return Melding.objects.filter(ontvanger=user, gelezen_op__isnull=True).count()


# --- aggregates for reports (Stand van de uitvoering, seed action P3) --------------------------


def periode_grenzen(van: dt.date, tot: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The aware datetimes [start of `van`, start of the day after `tot`) in the local zone, so
    a period of dates can filter a datetime column with an index range."""
    tz = timezone.get_current_timezone()
    begin = dt.datetime.combine(van, dt.time.min, tzinfo=tz)
    eind = dt.datetime.combine(tot + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    return begin, eind


@dataclass
class Antwoordtelling:
    """How requests to respond fared: answered pas toe or leg uit (the latest answer), the first
    answer in time or late, late now without an answer, still running in time, withdrawn."""

    totaal: int = 0
    pas_toe: int = 0
    leg_uit: int = 0
    op_tijd: int = 0
    te_laat: int = 0
    te_laat_nu: int = 0
    lopend: int = 0
    ingetrokken: int = 0

    @property
    def beantwoord(self) -> int:
        return self.op_tijd + self.te_laat

    def tel_op(self, ander: Antwoordtelling) -> None:
        for veld in (
            "totaal",
            "pas_toe",
            "leg_uit",
            "op_tijd",
            "te_laat",
            "te_laat_nu",
            "lopend",
            "ingetrokken",
        ):
            setattr(self, veld, getattr(self, veld) + getattr(ander, veld))


def antwoordvelden(verzoek: str, vandaag: dt.date) -> dict[str, Any]:
    """Annotations that classify the request behind a subject (`verzoek` is the path to the
    request's id, such as "verzoek_id"): the kind of its latest answer, whether its first answer
    was late, whether it is late now, and its state. Meant to be grouped on (`values(...)` and
    `Count`), so a report counts a million subjects in one query instead of a loop over rows."""
    antwoorden = Reactie.objects.filter(verzoek_id=OuterRef(verzoek))
    return {
        "r_antwoord": Subquery(antwoorden.order_by("-gegeven_op", "-pk").values("soort")[:1]),
        "r_eerste_te_laat": Subquery(antwoorden.order_by("gegeven_op", "pk").values("te_laat")[:1]),
        "r_status": Subquery(
            Reactieverzoek.objects.filter(pk=OuterRef(verzoek)).values("status")[:1]
        ),
        "r_nu_te_laat": Exists(
            Reactieverzoek.objects.filter(pk=OuterRef(verzoek)).filter(
                Q(status=Status.VERLOPEN) | te_laat(vandaag)
            )
        ),
    }


ANTWOORDVELDEN: Final = ("r_antwoord", "r_eerste_te_laat", "r_status", "r_nu_te_laat")


def tel_antwoordrij(telling: Antwoordtelling, rij: dict[str, Any], aantal: int) -> None:
    """Add one grouped row (the fields of `antwoordvelden` and its count) to a tally."""
    telling.totaal += aantal
    if rij["r_antwoord"] == Antwoordsoort.PAS_TOE:
        telling.pas_toe += aantal
    elif rij["r_antwoord"] == Antwoordsoort.LEG_UIT:
        telling.leg_uit += aantal
    if rij["r_eerste_te_laat"] is True:
        telling.te_laat += aantal
    elif rij["r_eerste_te_laat"] is False:
        telling.op_tijd += aantal
    elif rij["r_status"] == Status.INGETROKKEN:
        telling.ingetrokken += aantal
    elif rij["r_nu_te_laat"]:
        telling.te_laat_nu += aantal
    elif rij["r_status"] is not None:
        telling.lopend += aantal


def nakoming_per_soort(
    *,
    organisatie_ids: Iterable[int] | None,
    van: dt.date,
    tot: dt.date,
    vandaag: dt.date | None = None,
) -> dict[int, dict[str, Antwoordtelling]]:
    """How organisations kept the response duty, per kind of request (its code): the requests
    they received (as recipient) that started in the period, classified by `antwoordvelden`.
    `organisatie_ids` None means every organisation. One grouped query whatever the number of
    requests (seed action P3: the Stand van de uitvoering)."""
    vandaag = vandaag or timezone.localdate()
    qs = Reactieverzoek.objects.filter(gestart_op__gte=van, gestart_op__lte=tot)
    if organisatie_ids is not None:
        qs = qs.filter(ontvanger_organisatie_id__in=list(organisatie_ids))
    rijen = (
        qs.annotate(**antwoordvelden("pk", vandaag))
        .values("ontvanger_organisatie_id", "soort__code", *ANTWOORDVELDEN)
        .annotate(n=Count("pk"))
        .order_by()
    )
    uitkomst: dict[int, dict[str, Antwoordtelling]] = {}
    for rij in rijen:
        per_soort = uitkomst.setdefault(rij["ontvanger_organisatie_id"], {})
        telling = per_soort.setdefault(rij["soort__code"], Antwoordtelling())
        tel_antwoordrij(telling, rij, rij["n"])
    return uitkomst


def soortnamen() -> dict[str, str]:
    """The name of every kind of request by its code (one query)."""
    return dict(Soort.objects.values_list("code", "naam"))
