"""The statistical model on synthetic data with known parameters (no database)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from uitvoerbaar.dienstverlening import model as stat

WAAR = {"intercept": 30.0, "budget": -1.5, "fte": -0.05, "volume": 0.4}


def _punten(n: int, *, ruis: float = 0.3, seed: int = 1) -> list[stat.Punt]:
    rng = np.random.default_rng(seed)
    punten = []
    for _ in range(n):
        b, f, v = rng.uniform(10e6, 14e6), rng.uniform(150, 200), rng.uniform(35e3, 45e3)
        y = (
            WAAR["intercept"]
            + WAAR["budget"] * b / 1e6
            + WAAR["fte"] * f
            + WAAR["volume"] * v / 1e3
            + rng.normal(0, ruis)
        )
        punten.append(stat.Punt(b, f, v, y))
    return punten


def test_fitting_recovers_the_known_parameters_within_tolerance() -> None:
    # 40 periods with noise sd 0.3: each estimate within 3 standard errors of the truth, and
    # within a fixed absolute tolerance (10% of the true effect).
    fit = stat.fit(_punten(40))
    assert fit.bruikbaar
    for c in fit.coefficienten:
        waar = WAAR[c.naam]
        assert abs(c.schatting - waar) < 3 * c.standaardfout, c
        assert abs(c.schatting - waar) < 0.1 * abs(waar), c
        assert c.ondergrens < waar < c.bovengrens
    assert abs(fit.intercept - WAAR["intercept"]) < 2.0
    assert fit.r_kwadraat > 0.9
    assert math.isclose(fit.residu_sd, 0.3, rel_tol=0.4)


def test_without_noise_the_fit_is_exact() -> None:
    fit = stat.fit(_punten(10, ruis=0.0))
    for c in fit.coefficienten:
        assert c.schatting == pytest.approx(WAAR[c.naam], abs=1e-6)


def test_too_few_points_refuses_instead_of_extrapolating() -> None:
    # three means vary: 1 + 3 coefficients + 4 extra periods = 8 needed
    fit = stat.fit(_punten(7))
    assert not fit.bruikbaar
    assert fit.nodig == 8
    assert "Te weinig gegevens" in fit.reden and "7" in fit.reden
    projectie = stat.projecteer(fit, stat.Invoer(12e6, 180, 40e3))
    assert projectie.waarde is None and projectie.laag is None
    assert projectie.reden == fit.reden


def test_eight_points_are_enough() -> None:
    assert stat.fit(_punten(8)).bruikbaar


def test_a_means_that_never_changed_is_left_out_and_not_projected() -> None:
    punten = [stat.Punt(12e6, p.fte, p.volume, p.waarde) for p in _punten(10)]
    fit = stat.fit(punten)
    assert fit.bruikbaar and fit.nodig == 7
    assert [c.naam for c in fit.coefficienten] == ["fte", "volume"]
    laatste = stat.Invoer(12e6, 180, 40e3)
    zelfde = stat.projecteer(fit, stat.Invoer(12e6, 170, 40e3), laatste=laatste)
    assert zelfde.bruikbaar
    anders = stat.projecteer(fit, stat.Invoer(10e6, 170, 40e3), laatste=laatste)
    assert not anders.bruikbaar and "budget" in anders.reden


def test_projection_band_contains_the_truth_and_widens_outside_the_data() -> None:
    fit = stat.fit(_punten(30))
    binnen = stat.projecteer(fit, stat.Invoer(12e6, 175, 40e3))
    waar = 30 - 1.5 * 12 - 0.05 * 175 + 0.4 * 40
    assert binnen.laag is not None and binnen.hoog is not None and binnen.waarde is not None
    assert binnen.laag < waar < binnen.hoog
    assert binnen.buiten_bereik == ()
    buiten = stat.projecteer(fit, stat.Invoer(6e6, 175, 40e3))
    assert buiten.buiten_bereik == ("budget",)
    assert buiten.hoog is not None and buiten.laag is not None
    assert (buiten.hoog - buiten.laag) > (binnen.hoog - binnen.laag)


def test_chance_of_crossing_a_bound_follows_the_direction() -> None:
    fit = stat.fit(_punten(30))
    p = stat.projecteer(fit, stat.Invoer(12e6, 175, 40e3))
    assert p.waarde is not None
    # lower is better: a bound far above the projection is almost never crossed
    kans_ver = p.kans_slechter_dan(p.waarde + 5, hoger_is_beter=False)
    kans_op = p.kans_slechter_dan(p.waarde, hoger_is_beter=False)
    assert kans_ver is not None and kans_ver < 0.01
    assert kans_op == pytest.approx(0.5)
    kans_hoger = p.kans_slechter_dan(p.waarde + 5, hoger_is_beter=True)
    assert kans_hoger is not None and kans_hoger > 0.99
