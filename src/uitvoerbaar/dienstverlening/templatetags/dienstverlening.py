"""Numbers the Dutch way in the dienstverlening templates (also in the PDF)."""

from __future__ import annotations

from decimal import Decimal

from django import template

from ..grafieken import getal as _getal

register = template.Library()


@register.filter
def getal(waarde: float | Decimal | int | None, decimalen: int = 2) -> str:
    if waarde is None:
        return "—"
    return _getal(float(waarde), int(decimalen))


@register.filter
def euro(waarde: float | Decimal | None) -> str:
    if waarde is None:
        return "—"
    return "€ " + _getal(round(float(waarde)))


@register.filter
def procent(waarde: float | None) -> str:
    if waarde is None:
        return "—"
    return f"{round(waarde * 100):d}%"


@register.filter
def uit(mapping: dict[object, object], sleutel: object) -> object:
    """`mapping|uit:key`: a value from a dict by a variable key."""
    return mapping.get(sleutel)


@register.filter
def euro_verschil(waarde: Decimal | None) -> str:
    if waarde is None:
        return "—"
    teken = "+" if waarde > 0 else "-" if waarde < 0 else "±"
    return f"{teken} € " + _getal(round(abs(float(waarde))))
