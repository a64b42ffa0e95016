"""The canonical form of an event is a contract with every chain already written: pin it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from uitvoerbaar.audit.hashing import canonical, event_hash

VELDEN: dict[str, Any] = {
    "volgnummer": 17,
    # Not UTC on purpose: the canonical form converts to UTC.
    "tijdstip": dt.datetime(
        2025, 7, 1, 14, 30, 5, 123456, tzinfo=dt.timezone(dt.timedelta(hours=2))
    ),
    "event": "noodrem.ingediend",
    "actor_id": 42,
    "actor_naam": "sam",
    "object_type": "signalen.signaal",
    "object_id": "9",
    "data": {"z": [1, 2.5, None, True], "a": "caf\u00e9 \u2014 \u2018x\u2019"},
    "vorige_hash": "ab" * 32,
}


def test_canonical_form_is_fixed() -> None:
    assert canonical(**VELDEN).decode() == (
        '{"actor_id":42,"actor_naam":"sam","data":{"a":"caf\u00e9 \u2014 \u2018x\u2019",'
        '"z":[1,2.5,null,true]},"event":"noodrem.ingediend","object_id":"9",'
        '"object_type":"signalen.signaal","tijdstip":"2025-07-01T12:30:05.123456+00:00",'
        '"volgnummer":17,"vorige_hash":"' + "ab" * 32 + '"}'
    )
    assert event_hash(**VELDEN) == (
        "b94e7fc5ea1af42768208eff508b10308d0375d725817d7896518afea7c84f68"
    )


def test_every_field_counts() -> None:
    basis = event_hash(**VELDEN)
    anders = {
        "volgnummer": 18,
        "tijdstip": VELDEN["tijdstip"] + dt.timedelta(microseconds=1),
        "event": "noodrem.ingetrokken",
        "actor_id": 43,
        "actor_naam": "kim",
        "object_type": "signalen.melding",
        "object_id": "10",
        "data": {"z": [1, 2.5, None, False], "a": "caf\u00e9 \u2014 \u2018x\u2019"},
        "vorige_hash": "cd" * 32,
    }
    for veld, waarde in anders.items():
        assert event_hash(**{**VELDEN, veld: waarde}) != basis, veld
