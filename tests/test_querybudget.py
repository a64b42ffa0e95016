"""Query budgets (issue 9 part 3): every list page and every API list endpoint sends a fixed,
asserted number of queries, the same with 10 and with 1,000 rows.

One table, BUDGETTEN: per list its path, the person who asks, the rows it lists (a model and
the demo row that is copied, with the child rows that make a copy visible and complete), and
the budget. The demo world (`load_demo`) is the base; each row of the table then adds 10 and
1,000 copies of a demo row with `bulk_create` (inside a savepoint, rolled back after) and
counts the queries of one GET. `test_every_list_route_has_a_budget` fails when a list route
(an API GET whose answer is a list, or a page without parameters, or a page named *lijst* or
*overzicht*) has no row here and is not exempted with a reason: add a row for a new list.

The demo is loaded once per run (about 20 seconds), so all budgets are one test."""

from __future__ import annotations

import importlib
import itertools
import json
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import pytest
import yaml
from django.apps import apps
from django.db import connection, models, transaction
from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import resolve

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.core.paginering import GRENS
from uitvoerbaar.core.routes import all_routes

REPO = Path(__file__).resolve().parent.parent
WEINIG, VEEL = 10, 1000


Rijen = Callable[[Any], "QuerySet[Any]"]


@dataclass(frozen=True)
class Budget:
    """One list. `rijen(user)` are the rows the person sees (the app's own selector where it
    has one); the first is copied, with the reverse relations named in `kinderen` and its own
    copy of each forward relation named in `mee`. `pad` may hold `{…}` fields filled from
    `velden(copied row)`, and a query string (e.g. the page that shows the copies). `veel` is
    1,000 unless a list is bounded by what one person can hold (then the reason is in a
    comment)."""

    pad: str
    gebruiker: str | None
    queries: int
    rijen: Rijen
    kinderen: tuple[str, ...] = ()
    velden: Callable[[Any], dict[str, Any]] | None = None
    veel: int = 1000
    # Makes the first row when the demo has none.
    maak: Callable[[], Any] | None = None
    # False when an API list has a fixed number of rows and the copies show inside them.
    telt: bool = True
    # Forward relations (one-to-one or foreign key) copied along: each copy points to its own
    # copy of the source's related row, with that row's reverse relations named beside it.
    # E.g. a question's one-to-one request, so the copies look like real questions.
    mee: tuple[tuple[str, tuple[str, ...]], ...] = ()


def _model(label: str, **filters: Any) -> Rijen:
    return lambda _user: apps.get_model(label).objects.filter(**filters)


def _functie(pad: str) -> Callable[..., QuerySet[Any]]:
    """`app.naam` is `uitvoerbaar.app.selectors.naam`; `app.module.naam` names the module."""
    module, naam = pad.rsplit(".", 1)
    if "." not in module:
        module += ".selectors"
    functie: Callable[..., QuerySet[Any]] = getattr(
        importlib.import_module(f"uitvoerbaar.{module}"), naam
    )
    return functie


def _sel(pad: str, **filters: Any) -> Rijen:
    """The rows of the selector `app.selectors.naam(user=…)`, narrowed by `filters`."""
    return lambda user: _functie(pad)(user=user).filter(**filters)


def _pub(pad: str, **filters: Any) -> Rijen:
    """The rows of a public selector that takes no person: `app.selectors.naam()`."""
    return lambda _user: _functie(pad)().filter(**filters)


def _inzage() -> None:
    from uitvoerbaar.audit import services as audit
    from uitvoerbaar.signalen.models import Signaal

    signaal = Signaal.objects.filter(organisatie__slug="lud").first()
    audit.record_inzage(
        gebruiker=Gebruiker.objects.get(username="vp.lud"),
        organisatie_id=signaal.organisatie_id,  # type: ignore[union-attr]
        obj=signaal,  # type: ignore[arg-type]
        reden="Beoordeling onthulling",
    )


_MET_VERZOEK = (("verzoek", ("reacties", "verantwoordelijken")),)


def _monitorrijen(_user: Any) -> QuerySet[Any]:
    """Ladder steps of the first organisation of the monitor (by name, so on its first page)."""
    from uitvoerbaar.responsplicht import selectors_openbaar
    from uitvoerbaar.responsplicht.models import Verantwoordelijke

    eerste = selectors_openbaar.organisaties_in_monitor().values("pk")[:1]
    return Verantwoordelijke.objects.filter(organisatie__in=eerste)


BUDGETTEN: list[Budget] = [
    # core. A person holds roles in a handful of organisations: 10 against 100.
    Budget(
        "/organisaties/",
        "femke.werkplein",
        5,
        _model("core.Organisatie", slug="lud"),
        ("lidmaatschappen",),
        veel=100,
    ),
    Budget(
        "/api/v1/organisaties",
        "femke.werkplein",
        6,
        _model("core.Organisatie", slug="lud"),
        ("lidmaatschappen",),
        veel=100,
    ),
    Budget(
        "/api/v1/organisaties/lud/lidmaatschappen",
        "beheer.lud",
        7,
        _model("core.Lidmaatschap", organisatie__slug="lud", rol="medewerker"),
    ),
    # kennisbank
    Budget("/kennisbank/beginselen/", None, 2, _model("kennisbank.Beginsel")),
    Budget("/api/v1/beginselen", None, 2, _model("kennisbank.Beginsel")),
    Budget("/kennisbank/regelingen/", None, 4, _model("kennisbank.Regeling"), ("artikelen",)),
    Budget("/api/v1/regelingen", None, 3, _model("kennisbank.Regeling"), ("artikelen",)),
    # audit
    Budget("/audit/inzage/", "vp.lud", 7, _sel("audit.inzages"), maak=_inzage),
    # responsplicht
    Budget(
        "/verzoeken/",
        "bestuur.lud",
        8,
        _sel("responsplicht.te_beantwoorden"),
        ("verantwoordelijken",),
    ),
    Budget(
        "/verzoeken/mijn-vragen/",
        "yusuf.lud",
        7,
        _sel("responsplicht.mijn_vragen"),
        ("verantwoordelijken",),
    ),
    Budget("/verzoeken/meldingen/", "bestuur.lud", 9, _sel("responsplicht.meldingen")),
    Budget(
        "/api/v1/reactieverzoeken",
        "bestuur.lud",
        6,
        _sel("responsplicht.te_beantwoorden"),
        ("verantwoordelijken",),
    ),
    Budget("/api/v1/meldingen", "bestuur.lud", 6, _sel("responsplicht.meldingen")),
    Budget("/api/v1/soorten", None, 3, _model("responsplicht.Soort"), ("niveaus",)),
    Budget(
        "/openbaar/register/",
        None,
        5,
        _model("responsplicht.Reactieverzoek", openbaar=True),
        ("verantwoordelijken", "reacties"),
    ),
    Budget(
        "/openbaar/register/organisaties/{slug}/",
        None,
        9,
        _model("responsplicht.Reactieverzoek", openbaar=True),
        ("verantwoordelijken", "reacties"),
        velden=lambda v: {"slug": v.ontvanger_organisatie.slug},
    ),
    # signalen
    Budget("/signalen/", "yusuf.lud", 7, _sel("signalen.signalen"), ("berichten",)),
    Budget("/api/v1/signalen", "yusuf.lud", 5, _sel("signalen.signalen"), ("berichten",)),
    Budget("/signalen/mijn/", "fatima.lud", 6, _sel("signalen.mijn_signalen"), ("berichten",)),
    Budget(
        "/api/v1/signalen/mijn", "fatima.lud", 5, _sel("signalen.mijn_signalen"), ("berichten",)
    ),
    Budget("/signalen/knelpunten/", "yusuf.lud", 7, _sel("signalen.knelpunten")),
    Budget("/api/v1/knelpunten", "yusuf.lud", 5, _sel("signalen.knelpunten")),
    # The one who pulled sees a noodrem (the copies have no request: that is unique per noodrem).
    Budget("/signalen/noodrem/", "fatima.lud", 6, _sel("signalen.noodremmen")),
    Budget("/api/v1/noodremmen", "fatima.lud", 5, _sel("signalen.noodremmen")),
    # Counted on every view here (see the test below): the counts, plus reading and storing
    # the stand.
    Budget("/signalen/dashboard/", "bestuur.lud", 22, _sel("signalen.signalen"), ("berichten",)),
    # dienstverlening
    Budget(
        "/dienstverlening/",
        "bestuur.lud",
        9,
        _sel("dienstverlening.zichtbare_diensten"),
        ("indicatoren",),
    ),
    Budget(
        "/api/v1/diensten",
        "bestuur.lud",
        5,
        _sel("dienstverlening.zichtbare_diensten"),
        ("indicatoren",),
    ),
    Budget(
        "/api/v1/diensten/{id}/ondergrenzen",
        "bestuur.lud",
        8,
        _model("dienstverlening.Ondergrens", indicator__dienst__organisatie__slug="lud"),
        velden=lambda o: {"id": o.indicator.dienst_id},
    ),
    # Not paginated, and every scenario is projected with the OLS model (CPU, not queries):
    # 1,000 scenarios of one service take a minute, so 10 against 200 here.
    Budget(
        "/api/v1/diensten/{id}/scenarios",
        "bestuur.lud",
        10,
        _model("dienstverlening.Scenario", dienst__organisatie__slug="lud"),
        velden=lambda o: {"id": o.dienst_id},
        veel=200,
    ),
    Budget(
        "/api/v1/diensten/{id}/keuzenotas",
        "bestuur.lud",
        7,
        _model("dienstverlening.Keuzenota", dienst__organisatie__slug="lud"),
        velden=lambda o: {"id": o.dienst_id},
    ),
    Budget(
        "/dienstverlening/arbeidsvoorwaarden/",
        "bestuur.lud",
        8,
        _model("dienstverlening.Arbeidsvoorwaarde"),
    ),
    Budget(
        "/api/v1/arbeidsvoorwaarden", "bestuur.lud", 5, _model("dienstverlening.Arbeidsvoorwaarde")
    ),
    # afwijkingen
    Budget(
        "/afwijkingen/", "yusuf.lud", 12, _model("afwijkingen.Afwijking", organisatie__slug="lud")
    ),
    Budget(
        "/api/v1/afwijkingen",
        "yusuf.lud",
        6,
        _model("afwijkingen.Afwijking", organisatie__slug="lud"),
    ),
    Budget("/afwijkingen/aanvechtingen/", "yusuf.lud", 7, _sel("afwijkingen.aanvechtingen")),
    Budget("/api/v1/aanvechtingen", "yusuf.lud", 8, _sel("afwijkingen.aanvechtingen")),
    Budget("/afwijkingen/casusberaden/", "yusuf.lud", 7, _sel("afwijkingen.casusberaden")),
    Budget("/api/v1/casusberaden", "yusuf.lud", 6, _sel("afwijkingen.casusberaden")),
    # beleid
    Budget("/beleid/", "sanne.mwb", 12, _sel("beleid.voorstellen_van"), ("stappen",)),
    Budget(
        "/api/v1/beleidsvoorstellen", "sanne.mwb", 6, _sel("beleid.voorstellen_van"), ("stappen",)
    ),
    Budget(
        "/api/v1/opdrachten",
        "sanne.mwb",
        7,
        _sel("beleid.opdrachten", teruggaven__isnull=False),
        ("teruggaven",),
    ),
    Budget(
        "/api/v1/uitvoeringstoetsen", None, 4, _model("beleid.Uitvoeringstoets"), ("bevindingen",)
    ),
    Budget("/openbaar/beleid/", None, 5, _model("beleid.Beleidsvoorstel"), ("stappen",)),
    Budget(
        "/openbaar/beleid/opdrachten/",
        None,
        3,
        _model("beleid.Opdracht", teruggaven__isnull=False),
        ("teruggaven",),
    ),
    Budget(
        "/openbaar/beleid/trackrecord/",
        None,
        11,
        _model("beleid.Uitvoeringstoets"),
        ("bevindingen",),
    ),
    Budget(
        "/openbaar/beleid/uitvoeringstoetsen.json",
        None,
        3,
        _model("beleid.Uitvoeringstoets"),
        ("bevindingen",),
    ),
    Budget(
        "/openbaar/beleid/uitvoeringstoetsen.csv",
        None,
        3,
        _model("beleid.Uitvoeringstoets"),
        ("bevindingen",),
    ),
    # parlement: kamervragen. The request is one-to-one, so each copy gets its own copy of
    # the source's request (with its answers and ladder), as a real question has.
    Budget(
        "/parlement/kamervragen/",
        "griffie.kamer",
        10,
        _sel("parlement.kamervragen"),
        mee=_MET_VERZOEK,
    ),
    Budget(
        "/api/v1/kamervragen", "griffie.kamer", 8, _sel("parlement.kamervragen"), mee=_MET_VERZOEK
    ),
    Budget(
        "/parlement/vragen-uit-de-kamer/",
        "bestuur.lud",
        11,
        _sel("parlement.vragen_aan_mijn_organisatie"),
        mee=_MET_VERZOEK,
    ),
    Budget(
        "/openbaar/kamervragen/",
        None,
        6,
        _pub("parlement.openbare_kamervragen"),
        mee=_MET_VERZOEK,
    ),
    Budget(
        "/api/v1/openbaar/kamervragen",
        None,
        5,
        _pub("parlement.openbare_kamervragen"),
        mee=_MET_VERZOEK,
    ),
    # Every public question in one CSV (built in memory, not streamed).
    Budget(
        "/openbaar/kamervragen/kamervragen.csv",
        None,
        4,
        _pub("parlement.openbare_kamervragen"),
        mee=_MET_VERZOEK,
    ),
    # parlement: the Stand van de uitvoering. The page lists the newest 50, the API the newest
    # 100 (not paginated): the copies (requested now) fill them, so the API's rows are not
    # counted.
    Budget(
        "/parlement/rapporten/",
        "bestuur.lud",
        8,
        _sel("parlement.rapport_selectors.rapporten"),
    ),
    Budget(
        "/api/v1/rapporten",
        "bestuur.lud",
        5,
        _sel("parlement.rapport_selectors.rapporten"),
        telt=False,
    ),
    Budget(
        "/openbaar/stand-van-de-uitvoering/",
        None,
        1,
        _pub("parlement.rapport_selectors.openbare_rapporten"),
    ),
    # parlement: contact moments.
    Budget("/parlement/contactmomenten/", "griffie.kamer", 9, _sel("parlement.contactmomenten")),
    Budget("/api/v1/contactmomenten", "griffie.kamer", 8, _sel("parlement.contactmomenten")),
    Budget(
        "/openbaar/contactmomenten/",
        None,
        5,
        _model("parlement.Contactmoment", verslag_gepubliceerd_op__isnull=False),
    ),
    Budget(
        "/api/v1/openbaar/contactmomenten",
        None,
        5,
        _model("parlement.Contactmoment", verslag_gepubliceerd_op__isnull=False),
    ),
    # openbaar. The monitor has a row per organisation of the register (one that is, or was,
    # responsible at a level of a request's ladder): each copy of a ladder step gets its own
    # copy of the organisation, which sorts beside the source's by name.
    # The national totals come from the cache after the first request (kept a minute).
    Budget(
        "/openbaar/monitor/",
        None,
        7,
        _monitorrijen,
        mee=(("organisatie", ()),),
    ),
    Budget(
        "/api/v1/openbaar/monitor",
        None,
        4,
        _monitorrijen,
        mee=(("organisatie", ()),),
    ),
    # Without a search the rechtenwijzer lists every regulation and life event.
    Budget("/openbaar/rechtenwijzer/", None, 4, _model("kennisbank.Regeling")),
    Budget(
        "/api/v1/openbaar/rechten",
        None,
        3,
        _model("kennisbank.Regeling", rechten__isnull=False),
        ("rechten",),
    ),
    Budget(
        "/api/v1/openbaar/levensgebeurtenissen",
        None,
        3,
        _model("kennisbank.Levensgebeurtenis"),
    ),
    # In order of number: the copies come last, so the last page is the one that shows them.
    Budget(
        "/api/v1/openbaar/register?page=last",
        None,
        5,
        _pub("responsplicht.selectors_openbaar.openbare_verzoeken"),
        ("verantwoordelijken", "reacties"),
    ),
    # Streamed downloads that read their rows in one go (the register and the monitor read
    # theirs in chunks: GEEN_LIJST).
    Budget(
        "/openbaar/open-data/rechten.csv",
        None,
        2,
        _model("kennisbank.Regeling", rechten__isnull=False),
        ("rechten",),
    ),
    Budget(
        "/openbaar/open-data/rechten.json",
        None,
        2,
        _model("kennisbank.Regeling", rechten__isnull=False),
        ("rechten",),
    ),
    Budget(
        "/openbaar/open-data/levensgebeurtenissen.csv",
        None,
        2,
        _model("kennisbank.Levensgebeurtenis"),
    ),
    Budget(
        "/openbaar/open-data/levensgebeurtenissen.json",
        None,
        2,
        _model("kennisbank.Levensgebeurtenis"),
    ),
    # One row per topic, a column per organisation: the copies add columns, not rows.
    Budget(
        "/api/v1/arbeidsvoorwaarden/vergelijking",
        "bestuur.lud",
        6,
        _model("dienstverlening.Arbeidsvoorwaarde"),
        telt=False,
    ),
]


_FORMULIER = "a form (GET shows an empty form), not a list"
_ZOEK = "top-5 similarity search (gelijkenis.zoek / precedenten.zoek, aantal=5): bounded by k"
_CATALOGUS = "the catalogue of public datasets: a fixed list made in code (no query for it)"
_IN_DELEN = (
    "a download streamed in chunks of 500 rows: a fixed number of queries per chunk, so it grows "
    "by design with every 500 rows; its rows and their reads are budgeted as "
)
# Routes that are not lists, or whose list is bounded by design, with the reason.
GEEN_LIJST: dict[str, str] = {
    "": "the public welcome page: fixed text, no rows",
    "start/": "the start page: a section per role the person holds, no rows",
    "inloggen/": _FORMULIER,
    "inloggen/tweede-factor/": _FORMULIER,
    "uitloggen/": "logs out (POST), no rows",
    "taal/": "the language switch (POST), no rows",
    "audit/keten/": "the chain head: one row (audit.KetenKop)",
    "verzoeken/meldingen/gelezen/": "marks all read (POST), no rows",
    "afwijkingen/nieuw/": _FORMULIER,
    "afwijkingen/wijzer/": "the wijzer: one article's grounds and at most 5 precedents",
    "afwijkingen/aanvechtingen/nieuw/": _FORMULIER,
    "afwijkingen/casusberaden/nieuw/": _FORMULIER,
    "beleid/nieuw/": _FORMULIER,
    "beleid/opdrachten/nieuw/": _FORMULIER,
    "dienstverlening/nieuw/": _FORMULIER,
    "dienstverlening/arbeidsvoorwaarden/bijwerken/": (
        "a form: one field per topic of the person's own organisations"
    ),
    "signalen/melden/": _FORMULIER,
    "signalen/anoniem/": _FORMULIER,
    "signalen/knelpunten/nieuw/": _FORMULIER,
    "signalen/noodrem/trekken/": _FORMULIER,
    "signalen/ontvangstcode/": _FORMULIER,
    "signalen/ontvangstcode/signaal/": "one signal, found by its receipt code",
    "signalen/ontvangstcode/aanvullen/": _FORMULIER,
    "signalen/ontvangstcode/sluiten/": "forgets the receipt code (POST), no rows",
    "signalen/artikelen/": "article suggestions while typing: at most 50 (`qs[:50]`)",
    "signalen/gelijkend/": _ZOEK,
    "api/v1/signalen/<int:id>/gelijkend": _ZOEK,
    "api/v1/precedenten": _ZOEK,
    "api/v1/afwijkingen/<int:id>/precedenten": _ZOEK,
    "parlement/kamervragen/nieuw/": _FORMULIER,
    "parlement/contactmomenten/nieuw/": _FORMULIER,
    "openbaar/": "the portal's home: links, the chain head and the monitor's totals, no rows",
    "openbaar/open-data/": _CATALOGUS,
    "api/v1/openbaar/datasets": _CATALOGUS,
    "openbaar/open-data/register.csv": _IN_DELEN + "/api/v1/openbaar/register",
    "openbaar/open-data/register.json": _IN_DELEN + "/api/v1/openbaar/register",
    "openbaar/open-data/monitor.csv": _IN_DELEN + "/api/v1/openbaar/monitor",
    "openbaar/open-data/monitor.json": _IN_DELEN + "/api/v1/openbaar/monitor",
}


# --- copying demo rows in bulk --------------------------------------------------------------


_TELLER = itertools.count(1)


def _uniek(veld: models.Field[Any, Any], waarde: Any, i: int) -> Any:
    if isinstance(veld, models.UUIDField):
        return uuid.uuid4()
    if isinstance(veld, (models.CharField, models.TextField)):
        achter = f"-k{i}"
        maximum = getattr(veld, "max_length", None) or 200
        return f"{str(waarde)[: maximum - len(achter)]}{achter}"
    if isinstance(veld, models.SmallIntegerField):
        # PostgreSQL's smallint ends at 32,767: distinct for any 30,000 copies in a row.
        return 1_000 + i % 30_000
    if isinstance(veld, (models.IntegerField, models.BigIntegerField)):
        return 10_000_000 + i
    return waarde


def _vrij(veld: models.Field[Any, Any]) -> bool:
    """A field a copy may change to stay unique: not a relation, no fixed choices."""
    return not veld.is_relation and not veld.choices


def _unieke_velden(model: type[models.Model], vast: dict[str, Any]) -> tuple[set[str], set[str]]:
    """(fields to make unique, relations whose target is copied instead). Unique fields, and
    for each unique set its free fields, or when it has none its first relation; nothing for
    a set in which the copy already differs (`vast`, e.g. the new parent of a child row)."""
    velden = {f.name: f for f in model._meta.concrete_fields}
    namen = {f.name for f in velden.values() if f.unique and not f.primary_key and _vrij(f)}
    doelen: set[str] = set()
    for groep in _unieke_sets(model):
        if any(velden[n].attname in vast or n in vast for n in groep):
            continue
        vrij = {n for n in groep if _vrij(velden[n])}
        if vrij:
            namen |= vrij
        else:
            doelen.add(next(n for n in groep if velden[n].is_relation))
    return namen, doelen


def _unieke_sets(model: type[models.Model]) -> list[tuple[str, ...]]:
    sets = [tuple(g) for g in model._meta.unique_together]
    sets += [
        tuple(c.fields)
        for c in model._meta.constraints
        if isinstance(c, models.UniqueConstraint) and c.fields
    ]
    return sets


def kopieer(obj: models.Model, n: int, *, vast: dict[str, Any] | None = None) -> list[models.Model]:
    return kopieer_elk(obj, [vast or {}] * n)


def kopieer_elk(obj: models.Model, vasten: list[dict[str, Any]]) -> list[models.Model]:
    """`n` copies of `obj` in one bulk insert. Unique text and number fields get a suffix; a
    unique nullable relation is left empty, a unique required one points to a copy of its
    target; a unique set of relations only gets a copy of its first target."""
    model = type(obj)
    vast = vasten[0] if vasten else {}
    uniek, doelen = _unieke_velden(model, vast)
    # Unique relations that must point to a fresh target: all targets in one bulk insert.
    nieuwe_doelen = {
        veld.name: iter(k.pk for k in kopieer(getattr(obj, veld.name), len(vasten)))
        for veld in model._meta.concrete_fields
        if getattr(obj, veld.attname) is not None
        and veld.attname not in vast
        and (
            veld.name in doelen
            or (
                veld.is_relation
                and not veld.null
                and (veld.unique or isinstance(veld, models.OneToOneField))
            )
        )
    }
    nieuw = []
    for vast in vasten:
        i = next(_TELLER)
        kopie = model()
        for veld in model._meta.concrete_fields:
            if veld.primary_key:
                if isinstance(veld, models.UUIDField):
                    setattr(kopie, veld.attname, uuid.uuid4())
                continue
            waarde = getattr(obj, veld.attname)
            if veld.attname in vast or waarde is None:
                pass
            elif veld.name in nieuwe_doelen:
                waarde = next(nieuwe_doelen[veld.name])
            elif veld.is_relation and (veld.unique or isinstance(veld, models.OneToOneField)):
                waarde = None
            elif veld.name in uniek:
                waarde = _uniek(veld, waarde, i)
            setattr(kopie, veld.attname, waarde)
        for naam, waarde in vast.items():
            setattr(kopie, naam, waarde)
        nieuw.append(kopie)
    gemaakt = model._default_manager.bulk_create(nieuw, batch_size=500)
    for m2m in model._meta.many_to_many:
        through = cast(type[models.Model], m2m.remote_field.through)
        van, naar = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
        doel_ids = list(getattr(obj, m2m.name).values_list("pk", flat=True))
        through._default_manager.bulk_create(
            [through(**{f"{van}_id": k.pk, f"{naar}_id": d}) for k in gemaakt for d in doel_ids],
            batch_size=500,
        )
    return gemaakt


def kopieer_met_kinderen(
    obj: models.Model,
    n: int,
    kinderen: tuple[str, ...],
    mee: tuple[tuple[str, tuple[str, ...]], ...] = (),
) -> list[models.Model]:
    """`n` copies of `obj` with copies of its children (`kinderen`, reverse relations); each
    forward relation in `mee` points to a fresh copy of the source's target (with its own
    children), not to the shared target (a one-to-one could not share it)."""
    vasten: list[dict[str, Any]] = [{} for _ in range(n)]
    for naam, kleinkinderen in mee:
        doel = getattr(obj, naam)
        if doel is None:
            continue
        attname = type(obj)._meta.get_field(naam).attname  # type: ignore[union-attr]
        for vast, kopie in zip(vasten, kopieer_met_kinderen(doel, n, kleinkinderen), strict=True):
            vast[attname] = kopie.pk
    kopieen = kopieer_elk(obj, vasten)
    for relatie in kinderen:
        rel = type(obj)._meta.get_field(relatie)
        fk = rel.field.attname  # type: ignore[union-attr]
        for kind in getattr(obj, relatie).all():
            kopieer_elk(kind, [{fk: kopie.pk} for kopie in kopieen])
    return kopieen


def _gebruiker(naam: str | None) -> Gebruiker | None:
    return None if naam is None else Gebruiker.objects.get(username=naam)


def _tel(client: Client, pad: str) -> tuple[int, bytes, int]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(pad, secure=False)
        # A streamed download reads its rows while it is sent: count those queries too.
        if response.streaming:
            inhoud = cast(StreamingHttpResponse, response).getvalue()
        else:
            inhoud = response.content
    return len(ctx.captured_queries), inhoud, response.status_code


def _meet(budget: Budget) -> tuple[int, int, str]:
    """(queries with 10 copies, with 1,000 copies, what went wrong or "")."""
    user = _gebruiker(budget.gebruiker)
    if budget.maak is not None and not budget.rijen(user).exists():
        budget.maak()
    bron = budget.rijen(user).order_by("pk").first()
    if bron is None:
        return 0, 0, "no demo row to copy"
    pad = budget.pad.format(**(budget.velden(bron) if budget.velden else {}))
    client = Client()
    if user is not None:
        ingelogd(client, user)
    _, voor, _ = _tel(client, pad)  # also warms caches (content types, sessions)
    tellingen, inhouden = [], []
    for n in (WEINIG, budget.veel - WEINIG):
        kopieer_met_kinderen(bron, n, budget.kinderen, budget.mee)
        aantal, inhoud, status = _tel(client, pad)
        if status != 200:
            return 0, 0, f"{pad} answered {status}"
        tellingen.append(aantal)
        inhouden.append(inhoud)
    if _zonder_tokens(voor) == _zonder_tokens(inhouden[0]):
        return 0, 0, "the copies do not show in the list (a budget that cannot fail)"
    if pad.startswith("/api/") and budget.telt:
        (weinig, _), (veel, begrensd) = (_aantal(i) for i in inhouden)
        # A paginated list counts up to core.paginering.GRENS rows (then count_begrensd).
        verwacht = weinig + budget.veel - WEINIG
        moet_begrensd = begrensd is not None and verwacht > GRENS
        if moet_begrensd:
            verwacht = GRENS
        if veel != verwacht or bool(begrensd) != moet_begrensd:
            return 0, 0, f"the API lists {weinig} and {veel} rows, not {budget.veel - WEINIG} more"
    return tellingen[0], tellingen[1], ""


def _zonder_tokens(inhoud: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", inhoud)


def _aantal(inhoud: bytes) -> tuple[int, bool | None]:
    """The rows an API list reports, and whether its count stopped at the bound (None for a
    plain array)."""
    data = json.loads(inhoud)
    if isinstance(data, dict):
        return int(data["count"]), bool(data["count_begrensd"])
    return len(data), None


class _Terugdraaien(Exception):
    """Rolls back the copies of one list before the next."""


@pytest.mark.django_db
# The board dashboard counts on every view here, so its counting is what is budgeted (the
# stored stand it reads within the interval is tested in signalen/tests/test_dashboardstand.py).
@override_settings(DASHBOARD_VERVERSEN_SECONDEN=0)
def test_list_query_counts_are_fixed_and_within_budget() -> None:
    from uitvoerbaar.core import demo

    demo.load_demo()
    fouten, gemeten = [], []
    for budget in BUDGETTEN:
        begin = time.monotonic()
        weinig, veel, fout = 0, 0, ""
        try:
            with transaction.atomic():
                weinig, veel, fout = _meet(budget)
                raise _Terugdraaien
        except _Terugdraaien:
            pass
        except Exception as exc:  # reported per list; the others go on
            fout = f"{type(exc).__name__}: {exc}"
        gemeten.append(
            f"{budget.pad}: {weinig} / {veel} (budget {budget.queries}), "
            f"{time.monotonic() - begin:.1f} s"
        )
        if fout:
            fouten.append(f"{budget.pad}: {fout}")
        elif weinig != veel:
            fouten.append(f"{budget.pad}: {weinig} queries with {WEINIG} rows, {veel} with {VEEL}")
        elif weinig != budget.queries:
            fouten.append(f"{budget.pad}: {weinig} queries, budget {budget.queries}")
    print("\n".join(gemeten))
    assert fouten == [], "\n".join(fouten)


# --- every list has a budget ----------------------------------------------------------------

LIJSTNAAM = re.compile(r"(^|[:_])(lijst|overzicht)$")


def _route(pad: str) -> str:
    """The URL pattern that answers `pad` (fields such as {id} filled with 1, the query string
    left off)."""
    return resolve(re.sub(r"\{\w+\}", "1", pad.split("?", 1)[0])).route


def _api_lijsten() -> set[str]:
    """The API operations whose 200 answer is a list (a page of rows, or an array)."""
    schema = yaml.safe_load((REPO / "openapi.yaml").read_text(encoding="utf-8"))
    lijsten = set()
    for pad, operaties in schema["paths"].items():
        get = operaties.get("get")
        if not get:
            continue
        inhoud = get["responses"].get("200", {}).get("content", {})
        for soort in inhoud.values():
            s = soort.get("schema", {})
            if s.get("type") == "array" or "Paginated" in s.get("$ref", ""):
                lijsten.add(_route(pad))
    return lijsten


def _pagina_lijsten() -> set[str]:
    """Pages (not API, not the admin) without parameters, and pages named *lijst*/*overzicht*."""
    return {
        r.pad
        for r in all_routes()
        if not r.pad.startswith(("api/", "beheer/"))
        and r.naam
        and ("<" not in r.pad or LIJSTNAAM.search(r.naam))
    }


def test_every_list_route_has_a_budget() -> None:
    gedekt = {_route(b.pad) for b in BUDGETTEN}
    api = _api_lijsten()
    assert len(api) > 20, "the schema walk found too few list operations"
    bekend = set(GEEN_LIJST)
    ontbreekt = sorted((api | _pagina_lijsten()) - gedekt - bekend)
    assert ontbreekt == [], "list routes without a row in BUDGETTEN (or GEEN_LIJST with a reason)"
    verouderd = sorted(bekend - {r.pad for r in all_routes()})
    assert verouderd == [], "GEEN_LIJST names routes that no longer exist"


def test_a_new_list_route_without_a_budget_fails() -> None:
    """Guards the guard: a route the walk finds, with no budget row, is reported."""
    assert "organisaties/" in _pagina_lijsten()
    assert _route("/api/v1/signalen") in _api_lijsten()
    gedekt = {_route(b.pad) for b in BUDGETTEN if b.pad != "/signalen/"}
    assert "signalen/" in _pagina_lijsten() - gedekt - set(GEEN_LIJST)
