"""The committed schema declares the problems every operation can answer."""

from __future__ import annotations

from pathlib import Path

import yaml
from django.test import Client

SCHEMA = Path(__file__).resolve().parents[4] / "openapi.yaml"


def test_every_operation_declares_400_and_404_as_problem_json() -> None:
    schema = yaml.safe_load(SCHEMA.read_text(encoding="utf-8"))
    operaties = [
        (pad, methode, operatie)
        for pad, methoden in schema["paths"].items()
        for methode, operatie in methoden.items()
    ]
    assert len(operaties) > 50
    for pad, methode, operatie in operaties:
        for code in ("400", "404"):
            antwoord = operatie["responses"].get(code)
            assert antwoord is not None, f"{methode.upper()} {pad} mist {code}"
            assert "application/problem+json" in antwoord["content"], (pad, methode, code)


def test_the_served_schema_is_kept_per_format(client: Client) -> None:
    """Cached for an hour (it only changes with a deployment), but never in the wrong format."""
    yaml_tekst = client.get("/api/v1/schema").content
    assert yaml_tekst.startswith(b"openapi:")
    json_antwoord = client.get("/api/v1/schema", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert json_antwoord.content.startswith(b"{") and json_antwoord.json()["openapi"]
    assert client.get("/api/v1/schema").content == yaml_tekst
    assert client.get("/api/v1/schema?format=json").content.startswith(b"{")
