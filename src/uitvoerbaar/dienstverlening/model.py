"""The relation between an indicator and the means and volume of its service, fitted from the
time series with ordinary least squares (statsmodels), and the projection of a scenario with a
prediction band. Pure: no database, so the tests can feed it synthetic data with known
parameters.

The model is: indicator = b0 + b1*budget (mln euro) + b2*fte + b3*volume (1000s) + noise.
A means that never changed in the data cannot be estimated and is left out; a scenario that
changes it gets no projection. With fewer than (coefficients + MIN_EXTRA_PUNTEN) periods the
model refuses to say anything."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import statsmodels.api as sm
from django.utils.translation import gettext as _
from scipy import stats

from .constants import BAND_BETROUWBAARHEID, MIN_EXTRA_PUNTEN

# (name, scale): budget in millions of euros and volume in thousands of cases keep the
# coefficients readable ("per miljoen euro") and the design matrix well conditioned.
VARIABELEN: tuple[tuple[str, float], ...] = (("budget", 1e6), ("fte", 1.0), ("volume", 1e3))


def variabele_label(naam: str) -> str:
    return {
        "budget": _("per miljoen euro budget"),
        "fte": _("per fte"),
        "volume": _("per 1.000 zaken"),
    }[naam]


@dataclass(frozen=True)
class Punt:
    """One period: means and volume, and the indicator's actual value."""

    budget: float
    fte: float
    volume: float
    waarde: float


@dataclass(frozen=True)
class Invoer:
    """Means and volume of a scenario."""

    budget: float
    fte: float
    volume: float


@dataclass(frozen=True)
class Coefficient:
    naam: str
    schatting: float
    standaardfout: float
    ondergrens: float  # of its confidence interval (BAND_BETROUWBAARHEID)
    bovengrens: float

    @property
    def label(self) -> str:
        return variabele_label(self.naam)


@dataclass(frozen=True)
class Fit:
    """A fitted model, or the reason there is none (`reden`)."""

    aantal_punten: int
    nodig: int
    reden: str = ""
    intercept: float = 0.0
    coefficienten: tuple[Coefficient, ...] = ()
    r_kwadraat: float = 0.0
    residu_sd: float = 0.0
    bereik: dict[str, tuple[float, float]] | None = None
    _resultaat: object = None

    @property
    def bruikbaar(self) -> bool:
        return not self.reden


@dataclass(frozen=True)
class Projectie:
    """A scenario's projected value with its prediction band, or why there is none."""

    waarde: float | None = None
    laag: float | None = None
    hoog: float | None = None
    reden: str = ""
    buiten_bereik: tuple[str, ...] = ()
    # (scale of the prediction's standard error, residual degrees of freedom) for the chance
    # of crossing a bound.
    se: float = 0.0
    df: float = 0.0

    @property
    def bruikbaar(self) -> bool:
        return self.waarde is not None

    def kans_slechter_dan(self, grens: float, *, hoger_is_beter: bool) -> float | None:
        """Chance that the actual value ends on the wrong side of `grens`, from the t
        distribution of the prediction."""
        if self.waarde is None or self.se <= 0:
            return None
        t = (grens - self.waarde) / self.se
        onder = float(stats.t.cdf(t, self.df))
        return onder if hoger_is_beter else 1.0 - onder


def _rij(budget: float, fte: float, volume: float) -> dict[str, float]:
    return {"budget": budget / 1e6, "fte": fte, "volume": volume / 1e3}


def fit(punten: Sequence[Punt]) -> Fit:
    """Fit the indicator on the means and volume that varied in the data."""
    n = len(punten)
    rijen = [_rij(p.budget, p.fte, p.volume) for p in punten]
    gebruikt = [
        naam for naam, _schaal in VARIABELEN if n and len({round(r[naam], 9) for r in rijen}) > 1
    ]
    nodig = len(gebruikt) + 1 + MIN_EXTRA_PUNTEN
    if n < nodig:
        return Fit(
            aantal_punten=n,
            nodig=nodig,
            reden=_(
                "Te weinig gegevens: er zijn %(n)d perioden met zowel middelen als een "
                "meting, het model heeft er ten minste %(nodig)d nodig. Met minder zou elke "
                "voorspelling een gok zijn."
            )
            % {"n": n, "nodig": nodig},
        )
    x = np.array([[r[naam] for naam in gebruikt] for r in rijen], dtype=float)
    y = np.array([p.waarde for p in punten], dtype=float)
    resultaat = sm.OLS(y, sm.add_constant(x, has_constant="add")).fit()
    if not np.all(np.isfinite(resultaat.bse)) or np.linalg.matrix_rank(x) < len(gebruikt):
        return Fit(
            aantal_punten=n,
            nodig=nodig,
            reden=_(
                "De middelen bewogen in de gegevens steeds precies samen, zodat hun effect "
                "niet apart te schatten is."
            ),
        )
    alpha = 1 - BAND_BETROUWBAARHEID
    ci = resultaat.conf_int(alpha=alpha)
    coefficienten = tuple(
        Coefficient(
            naam=naam,
            schatting=float(resultaat.params[i + 1]),
            standaardfout=float(resultaat.bse[i + 1]),
            ondergrens=float(ci[i + 1][0]),
            bovengrens=float(ci[i + 1][1]),
        )
        for i, naam in enumerate(gebruikt)
    )
    bereik = {naam: (float(x[:, i].min()), float(x[:, i].max())) for i, naam in enumerate(gebruikt)}
    return Fit(
        aantal_punten=n,
        nodig=nodig,
        intercept=float(resultaat.params[0]),
        coefficienten=coefficienten,
        r_kwadraat=float(resultaat.rsquared),
        residu_sd=float(math.sqrt(resultaat.scale)),
        bereik=bereik,
        _resultaat=resultaat,
    )


def projecteer(model: Fit, invoer: Invoer, *, laatste: Invoer | None = None) -> Projectie:
    """Project an indicator for a scenario. A means the model could not estimate (it never
    changed) must stay at its last value; otherwise there is no projection."""
    if not model.bruikbaar or model._resultaat is None:
        return Projectie(reden=model.reden)
    rij = _rij(invoer.budget, invoer.fte, invoer.volume)
    gebruikt = [c.naam for c in model.coefficienten]
    if laatste is not None:
        vorige = _rij(laatste.budget, laatste.fte, laatste.volume)
        vast = [naam for naam, _s in VARIABELEN if naam not in gebruikt]
        veranderd = [naam for naam in vast if not math.isclose(rij[naam], vorige[naam])]
        if veranderd:
            return Projectie(
                reden=_(
                    "Dit scenario verandert %(namen)s, maar dat veranderde nooit in de "
                    "gegevens. Het effect is dus onbekend."
                )
                % {"namen": ", ".join(veranderd)}
            )
    x = np.array([[1.0, *[rij[naam] for naam in gebruikt]]])
    resultaat = model._resultaat
    voorspelling = resultaat.get_prediction(x)  # type: ignore[attr-defined]
    frame = voorspelling.summary_frame(alpha=1 - BAND_BETROUWBAARHEID)
    mean_se = float(frame["mean_se"].iloc[0])
    se = math.sqrt(mean_se**2 + float(resultaat.scale))  # type: ignore[attr-defined]
    assert model.bereik is not None
    buiten = tuple(
        naam
        for naam in gebruikt
        if not (model.bereik[naam][0] - 1e-9 <= rij[naam] <= model.bereik[naam][1] + 1e-9)
    )
    return Projectie(
        waarde=float(frame["mean"].iloc[0]),
        laag=float(frame["obs_ci_lower"].iloc[0]),
        hoog=float(frame["obs_ci_upper"].iloc[0]),
        buiten_bereik=buiten,
        se=se,
        df=float(resultaat.df_resid),  # type: ignore[attr-defined]
    )
