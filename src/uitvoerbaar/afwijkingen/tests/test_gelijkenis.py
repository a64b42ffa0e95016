"""The similarity of two cases (pure)."""

from __future__ import annotations

from decimal import Decimal

from ..gelijkenis import Casus, rangschik, score, stam, tokens, trigrammen


def _casus(tekst: str, **kwargs: object) -> Casus:
    velden: dict[str, object] = {
        "huishouden": "alleenstaand",
        "inkomensband": "tot_120",
        "knelpunt": "schulden",
        "bedrag": Decimal("500"),
        "grond_id": 1,
        "tokens": trigrammen(tokens([tekst])),
    }
    velden.update(kwargs)
    return Casus(**velden)  # type: ignore[arg-type]


def test_stems_and_stop_words() -> None:
    assert stam("schulden") == stam("schuld") == "schuld"
    assert "de" not in tokens(["De schulden van de klant"])
    assert tokens(["Schulden!", "schulden"]) == ["schuld"]


def test_compounds_meet_their_parts() -> None:
    huur = _casus("huurachterstand bij de verhuurder")
    ander = _casus("achterstand in de huur")
    vreemd = _casus("ziekenhuisopname na een ongeluk")
    assert score(huur, ander) > score(huur, vreemd)


def test_identical_cases_score_one_and_facets_weigh() -> None:
    a = _casus("energieschuld en afsluiting dreigt")
    assert score(a, a) == 1.0
    anders = _casus("energieschuld en afsluiting dreigt", knelpunt="termijn", huishouden="anders")
    assert score(a, anders) < score(a, a)


def test_rarity_weights_favour_the_distinctive_words() -> None:
    vraag = _casus("klant belde; energieschuld, afsluiting dreigt")
    kandidaten = [
        ("zelfde-ruis", _casus("klant belde; huurschuld, ontruiming dreigt")),
        ("zelfde-kern", _casus("energieschuld, afsluiting")),
        *((f"vulling-{i}", _casus(f"klant belde; geval {i}")) for i in range(8)),
    ]
    beste = max(rangschik(vraag, kandidaten), key=lambda x: x[1])
    assert beste[0] == "zelfde-kern"


def test_ranking_equals_scoring_each_candidate_with_the_same_weights() -> None:
    from ..gelijkenis import gewichten

    vraag = _casus("energieschuld, afsluiting dreigt")
    kandidaten = [
        (1, _casus("huurschuld, ontruiming dreigt", huishouden="anders")),
        (2, _casus("energieschuld", bedrag=None)),
        (3, _casus("")),
    ]
    idf = gewichten([vraag, *(c for _k, c in kandidaten)])
    assert rangschik(vraag, kandidaten) == [(k, score(vraag, c, idf)) for k, c in kandidaten]
