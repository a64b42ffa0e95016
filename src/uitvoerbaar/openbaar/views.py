"""The public portal (no login): home, rechtenwijzer, the comply-or-explain monitor, the open
data page and the downloads. Reads only, through `selectors` (which reads through the other
apps' public selectors). Every view is guarded by a PUBLIEK policy action."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from urllib.parse import quote

from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from uitvoerbaar.core.constants import OrganisatieSoort
from uitvoerbaar.core.paginering import BegrensdePaginator
from uitvoerbaar.core.permissions import requires

from . import beperking, grafieken, selectors
from .forms import ZoekForm


@requires("publiek.bekijken")
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """What the public can find here, with the head of the audit chain."""
    return render(
        request,
        "openbaar/home.html",
        {
            "links": selectors.links(),
            "kop": selectors.ketenkop(),
            "totaal": selectors.monitortotaal(),
        },
    )


# --- rechtenwijzer -------------------------------------------------------------------------------


def _te_veel(request: HttpRequest) -> HttpResponse:
    response = render(
        request,
        "openbaar/te_veel.html",
        {"per_minuut": beperking.per_minuut()},
        status=429,
    )
    response["Retry-After"] = str(beperking.MINUUT)
    return response


@requires("publiek.bekijken")
@require_safe
def rechtenwijzer(request: HttpRequest) -> HttpResponse:
    """Search a regulation or a life event; without a query, every life event and regulation.
    Searches are rate-limited per client address; bad input gets a message next to the field
    and looks nothing up."""
    form = ZoekForm(request.GET if "q" in request.GET else None)
    resultaat = None
    status = 200
    if form.is_bound:
        if not beperking.zoeken_toegestaan(request):
            return _te_veel(request)
        if form.is_valid():
            resultaat = selectors.zoek(q=form.cleaned_data["q"])
        else:
            status = 400
    return render(
        request,
        "openbaar/rechtenwijzer.html",
        {
            "form": form,
            "resultaat": resultaat,
            "levensgebeurtenissen": selectors.alle_levensgebeurtenissen(),
            "regelingen": selectors.alle_regelingen(),
        },
        status=status,
    )


@requires("publiek.bekijken")
@require_safe
def levensgebeurtenis(request: HttpRequest, slug: str) -> HttpResponse:
    return render(
        request,
        "openbaar/levensgebeurtenis.html",
        {"gebeurtenis": selectors.levensgebeurtenis(slug=slug)},
    )


@requires("publiek.bekijken")
@require_safe
def regeling(request: HttpRequest, code: str) -> HttpResponse:
    """What citizens are and are not entitled to under one regulation, its purpose, the link
    to the official text, and the promises an executor called not feasible."""
    return render(request, "openbaar/regeling.html", {"r": selectors.regeling(code=code)})


# --- the monitor ----------------------------------------------------------------------------


@requires("publiek.bekijken")
@require_safe
def monitor(request: HttpRequest) -> HttpResponse:
    """The live comply-or-explain monitor: totals, every organisation (paginated) and every
    ministry with its counts, as a chart with a table beside it."""
    vandaag = timezone.localdate()
    paginator = BegrensdePaginator(selectors.monitor_organisaties(), selectors.PER_PAGINA)
    pagina = paginator.get_page(request.GET.get("pagina"))
    rijen = selectors.monitorrijen(pagina.object_list, op=vandaag)
    ministeries = selectors.monitorrijen(selectors.ministeries()[:100], op=vandaag)

    def grafiek(id_: str, titel: str, lijst: list[selectors.Monitorrij]) -> Any:
        if not lijst:
            return None
        return grafieken.monitor(
            id_=id_,
            titel=titel,
            beschrijving=_(
                "Per organisatie een balk: pas toe en leg uit (de antwoorden), nu over de "
                "termijn en onbeantwoord gepubliceerd (de stilte). De tabel eronder geeft "
                "dezelfde getallen."
            ),
            balken=[
                grafieken.Balk(
                    label=r.organisatie.naam,
                    pas_toe=r.cijfers.pas_toe,
                    leg_uit=r.cijfers.leg_uit,
                    te_laat_nu=r.cijfers.te_laat_nu,
                    stilte=r.cijfers.stilte,
                )
                for r in lijst
            ],
        )

    return render(
        request,
        "openbaar/monitor.html",
        {
            "vandaag": vandaag,
            "totaal": selectors.monitortotaal(op=vandaag),
            "totaal_ministeries": selectors.monitortotaal(
                soort=OrganisatieSoort.MINISTERIE, op=vandaag
            ),
            "pagina": pagina,
            "rijen": rijen,
            "ministeries": ministeries,
            "grafiek": grafiek(
                "grafiek-organisaties", _("Antwoorden en stilte per organisatie"), rijen
            ),
            "grafiek_ministeries": grafiek(
                "grafiek-ministeries", _("Antwoorden en stilte per ministerie"), ministeries
            ),
        },
    )


# --- open data ------------------------------------------------------------------------------


@requires("publiek.bekijken")
@require_safe
def open_data(request: HttpRequest) -> HttpResponse:
    return render(request, "openbaar/open_data.html", {"datasets": selectors.datasets()})


def _csv_veilig(waarde: object) -> object:
    """Neutralise a cell a spreadsheet would run as a formula (CSV injection)."""
    if isinstance(waarde, str) and waarde[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + waarde
    return waarde


class _Echo:
    def write(self, waarde: str) -> str:
        return waarde


def _csv(naam: str, kolommen: list[str], rijen: Iterable[list[object]]) -> StreamingHttpResponse:
    schrijver = csv.writer(_Echo())

    def regels() -> Iterator[str]:
        yield "\ufeff"  # so a spreadsheet reads UTF-8
        yield schrijver.writerow(kolommen)
        for rij in rijen:
            yield schrijver.writerow([_csv_veilig(w) for w in rij])

    response = StreamingHttpResponse(regels(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{naam}.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _json(naam: str, records: Iterable[dict[str, Any]]) -> StreamingHttpResponse:
    def delen() -> Iterator[str]:
        yield '{"' + naam + '": ['
        for i, record in enumerate(records):
            yield ("," if i else "") + "\n" + json.dumps(record, ensure_ascii=False)
        yield "\n]}\n"

    response = StreamingHttpResponse(delen(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{naam}.json"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _rechten_records() -> Iterator[dict[str, Any]]:
    for r in selectors.regelingen_met_rechten():
        yield selectors.regeling_record(r)


def _monitor_records() -> Iterator[dict[str, Any]]:
    vandaag = timezone.localdate()
    paginator = BegrensdePaginator(selectors.monitor_organisaties(), 500)
    for nummer in paginator.page_range:
        for rij in selectors.monitorrijen(paginator.page(nummer).object_list, op=vandaag):
            yield selectors.monitor_record(rij)


RECHTEN_KOLOMMEN = ["regeling", "naam", "soort", "artikel", "tekst", "bedoeling", "wetten_url"]
LEVENS_KOLOMMEN = ["slug", "naam", "omschrijving", "regelingen"]
REGISTER_KOLOMMEN = [
    "kenmerk",
    "soort",
    "onderwerp",
    "ontvanger",
    "verantwoordelijke",
    "gestart_op",
    "uiterste_datum",
    "status",
    "onbeantwoord",
    "antwoord",
    "antwoord_datum",
    "te_laat",
    "maatregel",
    "redenen",
]
MONITOR_KOLOMMEN = [
    "organisatie",
    "naam",
    "soort",
    "op_tijd",
    "te_laat",
    "pas_toe",
    "leg_uit",
    "te_laat_nu",
    "stilte",
]


def _rechten_rijen() -> Iterator[list[object]]:
    for record in _rechten_records():
        for recht in record["rechten"] or [{"soort": "", "artikel": "", "tekst": ""}]:
            yield [
                record["code"],
                record["naam"],
                recht["soort"],
                recht["artikel"],
                recht["tekst"],
                record["bedoeling"],
                record["wetten_url"],
            ]


def _levens_rijen() -> Iterator[list[object]]:
    for g in selectors.alle_levensgebeurtenissen():
        r = selectors.levensgebeurtenis_record(g)
        yield [r["slug"], r["naam"], r["omschrijving"], " ".join(r["regelingen"])]


def _register_rijen() -> Iterator[list[object]]:
    # One row per answer; a request without an answer (silence) gets one row with empty answer.
    for r in selectors.register_records():
        basis = [
            r["kenmerk"],
            r["soort"],
            r["onderwerp"],
            r["ontvanger"],
            r["verantwoordelijke"],
            r["gestart_op"],
            r["uiterste_datum"],
            r["status"],
            "ja" if r["onbeantwoord"] else "nee",
        ]
        antwoorden = r["antwoorden"] or [None]
        for a in antwoorden:
            if a is None:
                yield [*basis, "", "", "", "", ""]
            else:
                yield [
                    *basis,
                    a["soort"],
                    a["datum"],
                    "ja" if a["te_laat"] else "nee",
                    a["maatregel"],
                    a["redenen"],
                ]


def _monitor_rijen() -> Iterator[list[object]]:
    for r in _monitor_records():
        yield [r[k] for k in MONITOR_KOLOMMEN]


def _download(maker: Callable[[], StreamingHttpResponse]) -> Callable[..., Any]:
    """A public download view. Streamed, so a large register is never built in memory
    (`requires` is typed for HttpResponse; Django serves a streaming response the same way)."""

    @requires("publiek.bekijken")  # type: ignore[type-var]
    @require_safe
    def view(request: HttpRequest) -> StreamingHttpResponse:
        return maker()

    return view


download_rechten_csv = _download(lambda: _csv("rechten", RECHTEN_KOLOMMEN, _rechten_rijen()))
download_rechten_json = _download(lambda: _json("rechten", _rechten_records()))
download_levensgebeurtenissen_csv = _download(
    lambda: _csv("levensgebeurtenissen", LEVENS_KOLOMMEN, _levens_rijen())
)
download_levensgebeurtenissen_json = _download(
    lambda: _json(
        "levensgebeurtenissen",
        (selectors.levensgebeurtenis_record(g) for g in selectors.alle_levensgebeurtenissen()),
    )
)
download_register_csv = _download(lambda: _csv("register", REGISTER_KOLOMMEN, _register_rijen()))
download_register_json = _download(lambda: _json("register", selectors.register_records()))
download_monitor_csv = _download(lambda: _csv("monitor", MONITOR_KOLOMMEN, _monitor_rijen()))
download_monitor_json = _download(lambda: _json("monitor", _monitor_records()))


# --- the register's old address ----------------------------------------------------------------


@requires("publiek.bekijken")
@require_safe
def register_verhuisd(request: HttpRequest, rest: str = "") -> HttpResponse:
    """The register moved under the portal (/openbaar/register/); old links keep working."""
    doel = f"/openbaar/register/{quote(rest)}"
    if request.META.get("QUERY_STRING"):
        doel += "?" + request.META["QUERY_STRING"]
    return HttpResponsePermanentRedirect(doel)
