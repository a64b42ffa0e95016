"""Secrets of the reporting channels, with keys kept outside the database (DESIGN §3).

- A confidential reporter's identity is encrypted with Fernet (AES-128-CBC + HMAC-SHA256).
  `SIGNALEN_SLEUTELS` holds one or more keys, newest first: encryption uses the first,
  decryption tries all, so a key can be rotated (`uitvoerbaar rotate_identiteitssleutel`) without
  losing older identities.
- An anonymous reporter's receipt code (16 digits, 53 bits) is stored only as an Argon2id hash.
  The salt is derived from `SIGNALEN_BONZOUT`, a secret outside the database, so one hash is one
  lookup: a wrong code costs the same Argon2 computation as a right one and reveals nothing, and
  a stolen database without the secret cannot be searched for codes.
- A confidential reporter finds their own signals through a keyed HMAC of their account id, so
  the signal table does not say who reported it."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from functools import lru_cache

from argon2.low_level import Type, hash_secret_raw
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

BON_CIJFERS = 16


@dataclass(frozen=True)
class Identiteit:
    """Who reported a confidential signal, as the custodian may see it."""

    gebruiker_id: int
    naam: str
    email: str


@lru_cache(maxsize=4)
def _fernet(sleutels: tuple[str, ...]) -> MultiFernet:
    if not sleutels:
        raise ImproperlyConfigured(
            "SIGNALEN_SLEUTELS ontbreekt: de sleutel voor vertrouwelijke identiteiten."
        )
    try:
        return MultiFernet([Fernet(s.encode()) for s in sleutels])
    except ValueError as exc:
        raise ImproperlyConfigured("SIGNALEN_SLEUTELS bevat een ongeldige sleutel.") from exc


def _sleutels() -> MultiFernet:
    return _fernet(tuple(settings.SIGNALEN_SLEUTELS))


def versleutel(identiteit: Identiteit) -> str:
    data = json.dumps(
        {"id": identiteit.gebruiker_id, "naam": identiteit.naam, "email": identiteit.email}
    )
    return _sleutels().encrypt(data.encode()).decode()


def ontsleutel(token: str) -> Identiteit:
    try:
        data = json.loads(_sleutels().decrypt(token.encode()))
    except InvalidToken as exc:
        raise ImproperlyConfigured(
            "Een vertrouwelijke identiteit kan met de huidige sleutels niet worden gelezen."
        ) from exc
    return Identiteit(gebruiker_id=data["id"], naam=data["naam"], email=data["email"])


def herversleutel(token: str) -> str:
    """The same identity under the newest key (for key rotation)."""
    return _sleutels().rotate(token.encode()).decode()


def _zout() -> bytes:
    geheim = settings.SIGNALEN_BONZOUT
    if not geheim:
        raise ImproperlyConfigured("SIGNALEN_BONZOUT ontbreekt: het geheim voor ontvangstcodes.")
    return hashlib.sha256(b"uitvoerbaar-ontvangstcode:" + geheim.encode()).digest()[:16]


def nieuwe_bon() -> str:
    """A fresh receipt code: 16 random digits, never starting with 0 (easier to read aloud)."""
    eerste = str(secrets.randbelow(9) + 1)
    return eerste + "".join(str(secrets.randbelow(10)) for _ in range(BON_CIJFERS - 1))


def normaliseer_bon(code: str) -> str:
    """Digits only: people type codes with spaces or dashes."""
    return "".join(c for c in code if c.isdigit())


def bon_hash(code: str) -> str:
    """Argon2id (RFC 9106 second recommended option: t=3, 64 MiB, p=4) of a receipt code."""
    ruw = hash_secret_raw(
        secret=normaliseer_bon(code).encode(),
        salt=_zout(),
        time_cost=3,
        memory_cost=settings.SIGNALEN_BON_ARGON2_GEHEUGEN_KIB,
        parallelism=4,
        hash_len=32,
        type=Type.ID,
    )
    return ruw.hex()


def melder_kenmerk(gebruiker_id: int) -> str:
    """A keyed pseudonym of an account, to find a confidential reporter's own signals."""
    sleutel = settings.SIGNALEN_BONZOUT.encode()
    return hmac.new(sleutel, f"melder:{gebruiker_id}".encode(), hashlib.sha256).hexdigest()
