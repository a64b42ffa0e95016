"""Bulk writing for the data generator: COPY on PostgreSQL, batched INSERTs elsewhere.

Rows are dicts of attribute names; columns the dict leaves out get the field's default. Ids
are given explicitly by the generator (so references between tables need no read-back and the
same seed gives the same ids); `sequenties_bijwerken` moves the id sequences past them after.
Nothing is disabled: triggers fire (the append-only triggers allow INSERT), constraints hold.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction

from .voortgang import Voortgang

_GEEN = object()


def volgend_id(model: type[models.Model]) -> int:
    """The first free id of `model`'s table (1 when empty)."""
    hoogste = model._default_manager.aggregate(m=models.Max("pk"))["m"]
    return (hoogste or 0) + 1


def _standaard(veld: models.Field[Any, Any]) -> Any:
    if veld.has_default() and not callable(veld.default):
        return veld.default
    return _GEEN


def schrijf(
    model: type[models.Model],
    rijen: Iterable[dict[str, Any]],
    *,
    totaal: int,
    label: str,
    batch: int = 20_000,
) -> int:
    """Write the rows of `rijen` to `model`'s table; returns the number written."""
    velden = list(model._meta.concrete_fields)
    kolommen = [v.column for v in velden]
    standaard = [_standaard(v) for v in velden]
    is_json = [isinstance(v, models.JSONField) for v in velden]
    postgres = connection.vendor == "postgresql"
    tabel = connection.ops.quote_name(model._meta.db_table)
    namen = ", ".join(connection.ops.quote_name(k) for k in kolommen)
    voortgang = Voortgang(label, totaal)
    geschreven = 0

    def waarden(rij: dict[str, Any]) -> list[Any]:
        uit = []
        for veld, std, js in zip(velden, standaard, is_json, strict=True):
            w = rij.get(veld.attname, _GEEN)
            if w is _GEEN:
                w = std if std is not _GEEN else veld.get_default()
            if js:
                w = json.dumps(w, cls=DjangoJSONEncoder)
            elif not postgres:
                w = veld.get_db_prep_save(w, connection)
            uit.append(w)
        return uit

    def blok(stuk: list[dict[str, Any]]) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            if postgres:
                with cursor.cursor.copy(f"COPY {tabel} ({namen}) FROM STDIN") as copy:
                    for rij in stuk:
                        copy.write_row(waarden(rij))
            else:
                plekken = ", ".join(["%s"] * len(kolommen))
                # Table and column names come from the model's own metadata.
                cursor.executemany(
                    f"INSERT INTO {tabel} ({namen}) VALUES ({plekken})",  # noqa: S608
                    [waarden(r) for r in stuk],
                )

    stuk: list[dict[str, Any]] = []
    for rij in rijen:
        stuk.append(rij)
        if len(stuk) >= batch:
            blok(stuk)
            geschreven += len(stuk)
            voortgang.stap(len(stuk))
            stuk = []
    if stuk:
        blok(stuk)
        geschreven += len(stuk)
        voortgang.stap(len(stuk))
    voortgang.klaar()
    return geschreven


def sequenties_bijwerken(modellen: list[type[models.Model]]) -> None:
    """Move the id sequences past the explicitly given ids (PostgreSQL; SQLite needs nothing)."""
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), modellen):
            cursor.execute(sql)
