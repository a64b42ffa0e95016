"""Template helpers for other apps that show the four-perspective assessment."""

from __future__ import annotations

from django import template

from uitvoerbaar.kennisbank.models import Perspectiefbeoordeling, PerspectiefRegel
from uitvoerbaar.kennisbank.models import perspectief_regels as _perspectief_regels

register = template.Library()


@register.simple_tag
def perspectief_regels(beoordeling: Perspectiefbeoordeling | None) -> list[PerspectiefRegel]:
    """`{% perspectief_regels beoordeling as regels %}`: the four perspectives, all missing
    when there is no assessment yet."""
    return _perspectief_regels(beoordeling)


@register.filter
def ontbrekend(regels: list[PerspectiefRegel]) -> list[PerspectiefRegel]:
    return [regel for regel in regels if regel.ontbreekt]
