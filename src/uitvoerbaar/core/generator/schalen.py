"""How much the generator makes per scale. `national` is DESIGN §5."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Schaal:
    naam: str
    ministeries: int
    parlementen: int
    uitvoeringsorganisaties: int
    medeoverheden: int
    personen: int
    signalen: int
    open_verzoeken: int
    te_laat: int
    """Open requests whose deadline was the day before the reference date: the sweep's load."""
    auditgebeurtenissen: int
    afwijkingen: int
    voorstellen: int
    diensten: int
    regelingen: int

    @property
    def organisaties(self) -> int:
        return (
            self.ministeries + self.parlementen + self.uitvoeringsorganisaties + self.medeoverheden
        )


SCHALEN: dict[str, Schaal] = {
    "small": Schaal(
        naam="small",
        ministeries=3,
        parlementen=1,
        uitvoeringsorganisaties=6,
        medeoverheden=10,
        personen=200,
        signalen=1_000,
        open_verzoeken=300,
        te_laat=10,
        auditgebeurtenissen=5_000,
        afwijkingen=200,
        voorstellen=6,
        diensten=8,
        regelingen=10,
    ),
    "medium": Schaal(
        naam="medium",
        ministeries=6,
        parlementen=1,
        uitvoeringsorganisaties=25,
        medeoverheden=68,
        personen=2_500,
        signalen=50_000,
        open_verzoeken=15_000,
        te_laat=500,
        auditgebeurtenissen=250_000,
        afwijkingen=10_000,
        voorstellen=100,
        diensten=75,
        regelingen=40,
    ),
    "national": Schaal(
        naam="national",
        ministeries=12,
        parlementen=1,
        uitvoeringsorganisaties=125,
        medeoverheden=362,
        personen=50_000,
        signalen=1_000_000,
        open_verzoeken=300_000,
        te_laat=10_000,
        auditgebeurtenissen=5_000_000,
        afwijkingen=200_000,
        voorstellen=2_000,
        diensten=1_500,
        regelingen=400,
    ),
}
