"""Reads for the public register (DESIGN §3, issue 3 part 7): the live comply-or-explain
monitor. Anyone may read it, without logging in (policy action "publiek.bekijken").

What is public follows each kind's `publicatie` and `stilte_openbaar`, and a request's Woo
withholding (`openbaar=False`):

- niets: the request only counts in the statistics; it is never listed.
- antwoord: the answers and the silence are listed; the question is summarised by the title of
  its subject.
- volledig: the question, the requester's arguments and the replies to them are listed too.
- withheld under the Wet open overheid: never listed, counted with its ground.

Anonymised: the register never names a person (requester, answerer, the one who judged a
measure), only organisations and roles. The register does not read the person fields of a
request at all: the views get `OpenbaarVerzoek` objects built here, never model instances,
so a template cannot show a name by accident. Free text written by the people concerned (the
answer, the question with `volledig`) is published as written.

Every page costs a fixed number of queries, whatever the number of requests."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.http.request import validate_host
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from uitvoerbaar.core import policy
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Organisatie
from uitvoerbaar.core.routes import policy_actie_van
from uitvoerbaar.core.screening import maskeer

from .constants import Antwoordsoort, Controlestatus, Publicatie, Status, WooGrond
from .models import Reactie, Reactieverzoek, Verantwoordelijke

PER_PAGINA = 25

# Silence that is published: the last level's term passed without an answer (the sweep leaves
# VERLOPEN only when no level is left), or the requester called the explanation insufficient
# when no level was left to escalate to.
STILTE = (Status.VERLOPEN, Status.BETWIST)
LOPEND = (Status.OPEN, Status.GEESCALEERD)


class Toon:
    """The filter of an organisation's list."""

    ALLES = ""
    ANTWOORDEN = "antwoorden"
    STILTE = "stilte"
    KEUZES = (ALLES, ANTWOORDEN, STILTE)


# --- statistics ------------------------------------------------------------------------------


@dataclass(frozen=True)
class WooTelling:
    grond: str
    label: str
    aantal: int


@dataclass(frozen=True)
class Statistiek:
    """Counts for one organisation, over every kind (also those that publish nothing).

    Answers count for the organisation on whose behalf they were given; "te laat nu" counts
    requests for which the organisation is responsible now; Woo withholdings count for the
    recipient organisation (whose board or top withholds). A withheld request still counts in
    the other columns: withholding hides the content, never the silence."""

    op_tijd: int = 0
    te_laat: int = 0
    pas_toe: int = 0
    leg_uit: int = 0
    te_laat_nu: int = 0
    woo: tuple[WooTelling, ...] = ()

    @property
    def beantwoord(self) -> int:
        return self.op_tijd + self.te_laat

    @property
    def woo_totaal(self) -> int:
        return sum(t.aantal for t in self.woo)


def statistieken(
    organisatie_ids: Iterable[int], *, op: dt.date | None = None
) -> dict[int, Statistiek]:
    """Statistics for these organisations, in three queries whatever their number."""
    ids = list(organisatie_ids)
    dag = op or timezone.localdate()
    if not ids:
        return {}
    antwoorden = {
        rij["namens_organisatie_id"]: rij
        for rij in Reactie.objects.filter(namens_organisatie_id__in=ids)
        .values("namens_organisatie_id")
        .annotate(
            n_op_tijd=Count("pk", filter=Q(te_laat=False)),
            n_te_laat=Count("pk", filter=Q(te_laat=True)),
            n_pas_toe=Count("pk", filter=Q(soort=Antwoordsoort.PAS_TOE)),
            n_leg_uit=Count("pk", filter=Q(soort=Antwoordsoort.LEG_UIT)),
        )
        .order_by()
    }
    te_laat_nu = dict(
        Reactieverzoek.objects.filter(verantwoordelijke_organisatie_id__in=ids)
        .filter(Q(status=Status.VERLOPEN) | Q(status__in=LOPEND, uiterste_datum__lt=dag))
        .values("verantwoordelijke_organisatie_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("verantwoordelijke_organisatie_id", "n")
    )
    woo: dict[int, list[WooTelling]] = defaultdict(list)
    labels = dict(WooGrond.choices)
    for org_id, grond, n in (
        Reactieverzoek.objects.filter(ontvanger_organisatie_id__in=ids, openbaar=False)
        .values("ontvanger_organisatie_id", "woo_grond")
        .annotate(n=Count("pk"))
        .order_by("ontvanger_organisatie_id", "woo_grond")
        .values_list("ontvanger_organisatie_id", "woo_grond", "n")
    ):
        woo[org_id].append(
            WooTelling(grond=grond, label=str(labels.get(grond, _("zonder grond"))), aantal=n)
        )
    uitkomst: dict[int, Statistiek] = {}
    for org_id in ids:
        rij = antwoorden.get(org_id, {})
        uitkomst[org_id] = Statistiek(
            op_tijd=rij.get("n_op_tijd", 0),
            te_laat=rij.get("n_te_laat", 0),
            pas_toe=rij.get("n_pas_toe", 0),
            leg_uit=rij.get("n_leg_uit", 0),
            te_laat_nu=te_laat_nu.get(org_id, 0),
            woo=tuple(woo.get(org_id, ())),
        )
    return uitkomst


def organisaties_in_register() -> QuerySet[Organisatie]:
    """Organisations that ever had to answer a request (as recipient or at a level of its
    ladder), by name."""
    return Organisatie.objects.filter(
        Exists(Verantwoordelijke.objects.filter(organisatie=OuterRef("pk")))
    ).order_by("naam", "pk")


def organisatie(*, slug: str) -> Organisatie:
    """An organisation of the register, or 404 (also for one that never had a request)."""
    gevonden = organisaties_in_register().filter(slug=slug).first()
    if gevonden is None:
        raise Http404
    return gevonden


# --- the listed requests -----------------------------------------------------------------------


def _heeft_antwoord() -> Exists:
    return Exists(Reactie.objects.filter(verzoek=OuterRef("pk")))


def _stil() -> Q:
    return Q(status__in=STILTE, soort__stilte_openbaar=True)


def openbare_verzoeken() -> QuerySet[Reactieverzoek]:
    """Requests the register lists: of a kind that publishes something, not withheld under the
    Woo, and answered or silent past the last level."""
    return Reactieverzoek.objects.filter(
        Q(_heeft_antwoord()) | _stil(),
        openbaar=True,
        soort__publicatie__in=[Publicatie.ANTWOORD, Publicatie.VOLLEDIG],
    )


def _met_gegevens(qs: QuerySet[Reactieverzoek]) -> QuerySet[Reactieverzoek]:
    return qs.select_related(
        "soort",
        "ontvanger_organisatie",
        "verzoeker_organisatie",
        "verantwoordelijke_organisatie",
    ).prefetch_related(
        Prefetch(
            "reacties",
            queryset=Reactie.objects.select_related("namens_organisatie", "controle")
            .prefetch_related("beginselen")
            .order_by("gegeven_op", "pk"),
        ),
        Prefetch(
            "verantwoordelijken",
            queryset=Verantwoordelijke.objects.select_related("organisatie").order_by("niveau"),
        ),
    )


def verzoeken_van_organisatie(
    *, organisatie: Organisatie, toon: str = Toon.ALLES
) -> QuerySet[Reactieverzoek]:
    """The listed requests for which this organisation was responsible at some level (level 0
    is the recipient), most recently changed first. Fetch a page and pass it to `openbaar`."""
    qs = openbare_verzoeken().filter(
        Exists(Verantwoordelijke.objects.filter(verzoek=OuterRef("pk"), organisatie=organisatie))
    )
    if toon == Toon.ANTWOORDEN:
        qs = qs.filter(_heeft_antwoord())
    elif toon == Toon.STILTE:
        qs = qs.filter(_stil())
    return _met_gegevens(qs).order_by("-bijgewerkt", "-pk")


_KENMERK = re.compile(r"^(?:RV-)?0*(\d{1,12})$", re.IGNORECASE)


def openbaar_verzoek(*, kenmerk: str) -> Reactieverzoek:
    """One listed request by its kenmerk ("RV-000123") or number, or 404. A request that is not
    public answers exactly like one that does not exist."""
    gevonden = _KENMERK.match(kenmerk.strip())
    if gevonden is None:
        raise Http404
    verzoek = _met_gegevens(openbare_verzoeken()).filter(pk=int(gevonden.group(1))).first()
    if verzoek is None:
        raise Http404
    return verzoek


# --- what a listed request shows ---------------------------------------------------------------


@dataclass(frozen=True)
class OpenbaarNiveau:
    niveau: int
    naam: str
    organisatie: str
    organisatie_slug: str
    rol: str
    vanaf: dt.date
    uiterste_datum: dt.date


@dataclass(frozen=True)
class OpenbaarAntwoord:
    soort: str
    soort_label: str
    datum: dt.date
    te_laat: bool
    namens: str
    rol: str
    niveau_naam: str
    # Pas toe. The owner of the measure is left out: it is free text that may name a person.
    maatregel: str = ""
    maatregel_datum: dt.date | None = None
    controle: str = ""
    # Leg uit.
    redenen: str = ""
    beginselen: tuple[tuple[str, str], ...] = ()  # (name, code)
    # (argument, reply): only when the kind publishes the question with its arguments.
    antwoorden_op_argumenten: tuple[tuple[str, str], ...] = ()
    # The requester's judgement: "aanvaard", "onvoldoende" or "".
    oordeel: str = ""
    onvoldoende_reden: str = ""

    @property
    def is_pas_toe(self) -> bool:
        return self.soort == Antwoordsoort.PAS_TOE


@dataclass(frozen=True)
class OpenbaarVerzoek:
    """A request as the public sees it: no person, no non-public link."""

    pk: int
    kenmerk: str
    url: str
    soort: str
    volledig: bool
    onderwerp_titel: str
    onderwerp_url: str
    vraag: str
    argumenten: tuple[str, ...]
    vrager: str
    ontvanger: str
    verantwoordelijke: str
    niveau_naam: str
    status: str
    status_tekst: str
    stilte: bool
    gestart_op: dt.date
    uiterste_datum: dt.date
    antwoorden: tuple[OpenbaarAntwoord, ...]
    niveaus: tuple[OpenbaarNiveau, ...] = field(default=())


def _org_rol(organisatie: Organisatie | None, rol: str) -> str:
    if organisatie is None:
        return ""
    if rol and rol in Rol.values:
        return f"{organisatie.naam} — {Rol(rol).label}"
    return organisatie.naam


def _host_is_platform(host: str) -> bool:
    return validate_host(host.lower(), list(settings.ALLOWED_HOSTS))


def publieke_link(url: str) -> str:
    """The subject's link, or "" when it must not be shown: a page of this platform that is
    not public (a signal, an assignment behind the login) or anything that is not a plain
    web address. A link to another site is shown as it is."""
    url = (url or "").strip()
    if not url:
        return ""
    delen = urlsplit(url)
    if delen.scheme or delen.netloc:
        if delen.scheme not in ("http", "https") or not delen.hostname:
            return ""
        if not _host_is_platform(delen.hostname):
            return url
    elif not url.startswith("/"):
        return ""
    try:
        match = resolve(delen.path or "/")
    except Resolver404:
        return ""
    actie = policy_actie_van(match.func, match.view_name)
    if actie is None or actie not in policy.POLICY:
        return ""
    if policy.regel(actie).reikwijdte is not policy.Reikwijdte.PUBLIEK:
        return ""
    return url


def _status_tekst(verzoek: Reactieverzoek, niveau_naam: str) -> str:
    # A request stays VERLOPEN or BETWIST only at the last level: below it, the engine
    # escalates in the same transaction. So both mean "no level left".
    status = verzoek.status
    if status == Status.GEACCEPTEERD:
        return _("Beantwoord. De vrager heeft het antwoord aanvaard.")
    if status == Status.BEANTWOORD:
        return _("Beantwoord. De vrager heeft het antwoord nog niet beoordeeld.")
    if status == Status.BETWIST:
        return _(
            "De vrager noemde het antwoord onvoldoende. Er is geen hogere trede meer: de kwestie "
            "blijft open."
        )
    if status == Status.VERLOPEN:
        return _("Onbeantwoord. Ook de termijn van de laatste trede is verstreken.")
    if status == Status.GEESCALEERD:
        return _("Geëscaleerd naar: %(niveau)s. Het antwoord wordt verwacht.") % {
            "niveau": niveau_naam
        }
    if status == Status.OPGESCHORT:
        return _("De termijn is opgeschort.")
    if status == Status.INGETROKKEN:
        return _("Ingetrokken door de vrager.")
    return _("Het antwoord wordt verwacht.")


def _antwoord(
    reactie: Reactie, verzoek: Reactieverzoek, niveaus: Sequence[Verantwoordelijke], volledig: bool
) -> OpenbaarAntwoord:
    # The role the answer was given in: the highest level reached for the organisation on whose
    # behalf it was given (an earlier level may answer after escalation).
    passend = [
        v
        for v in niveaus
        if v.organisatie_id == reactie.namens_organisatie_id and v.niveau <= reactie.niveau
    ]
    bij = passend[-1] if passend else None
    controle = (
        getattr(reactie, "controle", None) if reactie.soort == Antwoordsoort.PAS_TOE else None
    )
    controle_tekst = ""
    if controle is not None:
        controle_tekst = {
            Controlestatus.GEPLAND: _("Wordt gecontroleerd op de datum van uitvoering."),
            Controlestatus.TE_CONTROLEREN: _("De datum is bereikt; de controle loopt."),
            Controlestatus.UITGEVOERD: _("Gecontroleerd: de maatregel is uitgevoerd."),
            Controlestatus.NIET_UITGEVOERD: _("Gecontroleerd: de maatregel is niet uitgevoerd."),
        }.get(Controlestatus(controle.status), "")
    argumenten: tuple[tuple[str, str], ...] = ()
    if volledig and reactie.soort == Antwoordsoort.LEG_UIT:
        vragen = list(verzoek.argumenten or [])
        antwoorden = list(reactie.antwoorden_op_argumenten or [])
        argumenten = tuple(
            (maskeer(str(vragen[i])) if i < len(vragen) else "", maskeer(str(a)))
            for i, a in enumerate(antwoorden)
        )
    oordeel = (
        "" if reactie.aanvaard is None else ("aanvaard" if reactie.aanvaard else "onvoldoende")
    )
    return OpenbaarAntwoord(
        soort=reactie.soort,
        soort_label=str(Antwoordsoort(reactie.soort).label),
        datum=timezone.localdate(reactie.gegeven_op),
        te_laat=reactie.te_laat,
        namens=reactie.namens_organisatie.naam,
        rol=str(Rol(bij.rol).label) if bij is not None and bij.rol in Rol.values else "",
        niveau_naam=bij.naam if bij is not None else "",
        maatregel=maskeer(reactie.maatregel),
        maatregel_datum=reactie.maatregel_datum,
        controle=controle_tekst,
        redenen=maskeer(reactie.redenen),
        beginselen=tuple((b.naam, b.code) for b in reactie.beginselen.all()),
        antwoorden_op_argumenten=argumenten,
        oordeel=oordeel,
        onvoldoende_reden=maskeer(reactie.onvoldoende_reden) if volledig else "",
    )


def openbaar(verzoek: Reactieverzoek) -> OpenbaarVerzoek:
    """The public form of a request fetched through this module (its relations prefetched)."""
    soort = verzoek.soort
    volledig = soort.publicatie == Publicatie.VOLLEDIG
    niveaus = sorted(verzoek.verantwoordelijken.all(), key=lambda v: v.niveau)
    huidig = next((v for v in niveaus if v.niveau == verzoek.niveau), None)
    stilte = verzoek.status in STILTE and soort.stilte_openbaar
    antwoorden = tuple(_antwoord(r, verzoek, niveaus, volledig) for r in verzoek.reacties.all())
    vrager = ""
    if volledig:
        vrager = _org_rol(verzoek.verzoeker_organisatie, verzoek.verzoeker_rol)
    return OpenbaarVerzoek(
        pk=verzoek.pk,
        kenmerk=verzoek.kenmerk,
        url=reverse("register:verzoek", args=[verzoek.kenmerk]),
        soort=soort.naam,
        volledig=volledig,
        onderwerp_titel=maskeer(verzoek.onderwerp_titel),
        onderwerp_url=publieke_link(verzoek.onderwerp_url),
        vraag=maskeer(verzoek.vraag) if volledig else "",
        argumenten=tuple(maskeer(str(a)) for a in verzoek.argumenten or []) if volledig else (),
        vrager=vrager,
        ontvanger=_org_rol(verzoek.ontvanger_organisatie, verzoek.ontvanger_rol),
        verantwoordelijke=_org_rol(
            verzoek.verantwoordelijke_organisatie, verzoek.verantwoordelijke_rol
        ),
        niveau_naam=huidig.naam if huidig is not None else "",
        status=verzoek.status,
        status_tekst=_status_tekst(verzoek, huidig.naam if huidig else ""),
        stilte=stilte,
        gestart_op=verzoek.gestart_op,
        uiterste_datum=verzoek.uiterste_datum,
        antwoorden=antwoorden,
        niveaus=tuple(
            OpenbaarNiveau(
                niveau=v.niveau,
                naam=v.naam,
                organisatie=v.organisatie.naam,
                organisatie_slug=v.organisatie.slug,
                rol=str(Rol(v.rol).label) if v.rol in Rol.values else "",
                vanaf=v.vanaf,
                uiterste_datum=v.uiterste_datum,
            )
            for v in niveaus
        ),
    )


# --- the public timeline -----------------------------------------------------------------------


# --- the monitor: grouped counts for the public portal (issue 8) -------------------------------


@dataclass(frozen=True)
class Monitorcijfers:
    """The comply-or-explain monitor's counts for one organisation (or a total).

    - op_tijd / te_laat: answers given on its behalf within / after the term;
    - pas_toe / leg_uit: those answers by kind;
    - te_laat_nu: requests it is responsible for now whose term has passed (every kind, also
      those that publish nothing: silence is counted, never hidden);
    - stilte: requests published as unanswered (no level left) for which it was the last
      level responsible; only kinds whose silence is public, not withheld under the Woo."""

    op_tijd: int = 0
    te_laat: int = 0
    pas_toe: int = 0
    leg_uit: int = 0
    te_laat_nu: int = 0
    stilte: int = 0

    @property
    def beantwoord(self) -> int:
        return self.op_tijd + self.te_laat


def _stilte_gepubliceerd() -> Q:
    # Exactly the silences the register lists (see `openbare_verzoeken`).
    return Q(
        status__in=STILTE,
        soort__stilte_openbaar=True,
        soort__publicatie__in=[Publicatie.ANTWOORD, Publicatie.VOLLEDIG],
        openbaar=True,
    )


def _te_laat_nu(dag: dt.date) -> Q:
    return Q(status=Status.VERLOPEN) | Q(status__in=LOPEND, uiterste_datum__lt=dag)


def monitorcijfers(
    organisatie_ids: Iterable[int], *, op: dt.date | None = None
) -> dict[int, Monitorcijfers]:
    """The monitor's counts for these organisations: three grouped COUNT queries, whatever the
    number of organisations or requests (no query per organisation or per request)."""
    ids = list(organisatie_ids)
    if not ids:
        return {}
    dag = op or timezone.localdate()
    antwoorden = {
        rij["namens_organisatie_id"]: rij
        for rij in Reactie.objects.filter(namens_organisatie_id__in=ids)
        .values("namens_organisatie_id")
        .annotate(
            n_op_tijd=Count("pk", filter=Q(te_laat=False)),
            n_te_laat=Count("pk", filter=Q(te_laat=True)),
            n_pas_toe=Count("pk", filter=Q(soort=Antwoordsoort.PAS_TOE)),
            n_leg_uit=Count("pk", filter=Q(soort=Antwoordsoort.LEG_UIT)),
        )
        .order_by()
    }
    verzoeken = {
        rij["verantwoordelijke_organisatie_id"]: rij
        for rij in Reactieverzoek.objects.filter(verantwoordelijke_organisatie_id__in=ids)
        .filter(_te_laat_nu(dag) | _stilte_gepubliceerd())
        .values("verantwoordelijke_organisatie_id")
        .annotate(
            n_te_laat_nu=Count("pk", filter=_te_laat_nu(dag)),
            n_stilte=Count("pk", filter=_stilte_gepubliceerd()),
        )
        .order_by()
    }
    uit: dict[int, Monitorcijfers] = {}
    for org_id in ids:
        a = antwoorden.get(org_id, {})
        v = verzoeken.get(org_id, {})
        uit[org_id] = Monitorcijfers(
            op_tijd=a.get("n_op_tijd", 0),
            te_laat=a.get("n_te_laat", 0),
            pas_toe=a.get("n_pas_toe", 0),
            leg_uit=a.get("n_leg_uit", 0),
            te_laat_nu=v.get("n_te_laat_nu", 0),
            stilte=v.get("n_stilte", 0),
        )
    return uit


def monitortotaal(
    *, organisatie_soort: str | None = None, op: dt.date | None = None
) -> Monitorcijfers:
    """The monitor's counts summed over every organisation (optionally of one type, e.g. the
    ministries): two aggregate queries."""
    dag = op or timezone.localdate()
    reacties = Reactie.objects.all()
    verzoeken = Reactieverzoek.objects.all()
    if organisatie_soort:
        reacties = reacties.filter(namens_organisatie__soort=organisatie_soort)
        verzoeken = verzoeken.filter(verantwoordelijke_organisatie__soort=organisatie_soort)
    a = reacties.aggregate(
        n_op_tijd=Count("pk", filter=Q(te_laat=False)),
        n_te_laat=Count("pk", filter=Q(te_laat=True)),
        n_pas_toe=Count("pk", filter=Q(soort=Antwoordsoort.PAS_TOE)),
        n_leg_uit=Count("pk", filter=Q(soort=Antwoordsoort.LEG_UIT)),
    )
    v = verzoeken.aggregate(
        n_te_laat_nu=Count("pk", filter=_te_laat_nu(dag)),
        n_stilte=Count("pk", filter=_stilte_gepubliceerd()),
    )
    return Monitorcijfers(
        op_tijd=a["n_op_tijd"] or 0,
        te_laat=a["n_te_laat"] or 0,
        pas_toe=a["n_pas_toe"] or 0,
        leg_uit=a["n_leg_uit"] or 0,
        te_laat_nu=v["n_te_laat_nu"] or 0,
        stilte=v["n_stilte"] or 0,
    )


def organisaties_in_monitor(*, organisatie_soort: str | None = None) -> QuerySet[Organisatie]:
    """The organisations of the register, optionally of one type (e.g. ministries), by name."""
    qs = organisaties_in_register()
    if organisatie_soort:
        qs = qs.filter(soort=organisatie_soort)
    return qs


def verzoeken_voor_open_data() -> QuerySet[Reactieverzoek]:
    """The listed requests in a stable order (oldest first by number) for the open data API and
    downloads: the same set as the register, fetched with what `openbaar` needs."""
    return _met_gegevens(openbare_verzoeken()).order_by("pk")
