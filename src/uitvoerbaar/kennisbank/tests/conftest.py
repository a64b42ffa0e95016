"""Fixtures of the kennisbank tests: small data in the agreed format, never the real files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from uitvoerbaar.core.constants import OrganisatieSoort
from uitvoerbaar.core.models import Organisatie
from uitvoerbaar.core.tests.factories import OrganisatieFactory


def beginselen_data() -> dict[str, Any]:
    return {
        "kaders": [
            {
                "code": "cgob",
                "naam": "Code Goed Openbaar Bestuur",
                "bron": "BZK, 2009",
                "toelichting": "Zeven beginselen voor goed bestuur.",
                "volgorde": 1,
            },
            {
                "code": "ombudsman",
                "naam": "Behoorlijkheidsnormen",
                "bron": "Nationale ombudsman",
                "toelichting": "Hoe de overheid met mensen omgaat.",
                "volgorde": 2,
            },
        ],
        "beginselen": [
            {
                "code": "cgob-openheid",
                "kader": "cgob",
                "groep": "",
                "naam": "Openheid en integriteit",
                "geschreven": False,
                "wettelijke_grondslag": "",
                "toelichting": "Het bestuur is eerlijk en open over wat het doet.",
                "vragen": [
                    "Weet de burger waarom dit besluit is genomen?",
                    "Is alle informatie gedeeld?",
                ],
                "volgorde": 1,
            },
            {
                "code": "cgob-participatie",
                "kader": "cgob",
                "groep": "",
                "naam": "Participatie",
                "geschreven": False,
                "wettelijke_grondslag": "",
                "toelichting": "Het bestuur betrekt mensen bij wat het doet.",
                "vragen": ["Is de burger gehoord?", "Zijn professionals gehoord?"],
                "volgorde": 2,
            },
            {
                "code": "ombudsman-luisteren",
                "kader": "ombudsman",
                "groep": "Open",
                "naam": "Luisteren naar de burger",
                "geschreven": False,
                "wettelijke_grondslag": "",
                "toelichting": "De overheid luistert echt naar de burger.",
                "vragen": [
                    "Is de burger Geïnformeerd over de stappen?",
                    "Voelt de burger zich gehoord?",
                ],
                "volgorde": 1,
            },
            {
                "code": "ombudsman-evenredig",
                "kader": "ombudsman",
                "groep": "Eerlijk",
                "naam": "Evenredigheid",
                "geschreven": False,
                "wettelijke_grondslag": "",
                "toelichting": "Het middel staat in verhouding tot het doel.",
                "vragen": ["Is het gevolg niet te zwaar?", "Kan het met een lichter middel?"],
                "volgorde": 10,
            },
        ],
    }


@pytest.fixture
def beginselen_bestand(tmp_path: Path) -> Path:
    pad = tmp_path / "beginselen.json"
    pad.write_text(json.dumps(beginselen_data(), ensure_ascii=False), encoding="utf-8")
    return pad


@pytest.fixture
def organisaties(db: None) -> dict[str, Organisatie]:
    mwb = OrganisatieFactory.create(
        slug="mwb",
        naam="Ministerie van Werk en Bestaanszekerheid",
        soort=OrganisatieSoort.MINISTERIE,
    )
    mft = OrganisatieFactory.create(
        slug="mft", naam="Ministerie van Financiën en Toeslagen", soort=OrganisatieSoort.MINISTERIE
    )
    return {
        "mwb": mwb,
        "mft": mft,
        "lud": OrganisatieFactory.create(
            slug="lud", naam="Landelijke Uitkeringsdienst", eigenaar_ministerie=mwb
        ),
        "lindendal": OrganisatieFactory.create(
            slug="lindendal", naam="Gemeente Lindendal", soort=OrganisatieSoort.MEDEOVERHEID
        ),
        "hoogwater": OrganisatieFactory.create(
            slug="hoogwater", naam="Gemeente Hoogwater", soort=OrganisatieSoort.MEDEOVERHEID
        ),
    }


def regelingen_data() -> dict[str, Any]:
    return {
        "regelingen": [
            {
                "code": "participatiewet",
                "naam": "Participatiewet",
                "citeertitel": "Participatiewet",
                "soort": "wet",
                "bwb_id": "BWBR0015703",
                "url": "https://wetten.overheid.nl/BWBR0015703",
                "eigenaar": "mwb",
                "uitvoerders": ["lindendal", "hoogwater"],
                "bedoeling": "Iedereen kan meedoen, met werk of met bijstand als vangnet.",
                "hardheidsclausule": "",
                "artikelen": [
                    {
                        "nummer": "11",
                        "titel": "Verlening van bijstand",
                        "samenvatting": "Wie te weinig heeft, krijgt bijstand.",
                        "bedoeling": "Een vangnet voor wie niet rondkomt.",
                        "beleidsruimte": "",
                        "url": "https://wetten.overheid.nl/BWBR0015703/#Artikel11",
                    },
                    {
                        "nummer": "18",
                        "titel": "Afstemming van de bijstand",
                        "samenvatting": "De bijstand past bij de situatie van de persoon.",
                        "bedoeling": "Maatwerk per persoon.",
                        "beleidsruimte": "De gemeente stemt de bijstand af op de omstandigheden.",
                        "url": "",
                    },
                ],
                "rechten": [
                    {
                        "soort": "wel",
                        "tekst": "U hebt recht op bijstand als u te weinig geld hebt.",
                        "artikel": "11",
                    },
                    {
                        "soort": "niet",
                        "tekst": "U hebt geen recht op bijstand als u genoeg vermogen hebt.",
                        "artikel": "",
                    },
                ],
            },
            {
                "code": "awir",
                "naam": "Algemene wet inkomensafhankelijke regelingen",
                "citeertitel": "Awir",
                "soort": "wet",
                "bwb_id": "BWBR0018472",
                "url": "",
                "eigenaar": "mft",
                "uitvoerders": ["lud"],
                "bedoeling": "Eén set regels voor alle toeslagen.",
                "hardheidsclausule": "49",
                "artikelen": [
                    {
                        "nummer": "49",
                        "titel": "Hardheidsclausule",
                        "samenvatting": "Afwijken mag.",
                        "bedoeling": "Onbedoelde hardheid voorkomen.",
                        "beleidsruimte": "",
                        "url": "",
                    },
                ],
                "rechten": [],
            },
            {
                "code": "beleidsregel-terugvordering",
                "naam": "Beleidsregel terugvordering",
                "citeertitel": "",
                "soort": "beleidsregel",
                "bwb_id": "",
                "url": "",
                "eigenaar": "mwb",
                "uitvoerders": [],
                "bedoeling": "",
                "hardheidsclausule": "",
                "artikelen": [],
                "rechten": [],
            },
        ]
    }


@pytest.fixture
def regelingen(organisaties: dict[str, Organisatie]) -> dict[str, Any]:
    return regelingen_data()
