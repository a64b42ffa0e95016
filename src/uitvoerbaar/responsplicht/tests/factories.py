"""Factories for the response duty engine. Requests are made through the service (`maak_verzoek`
in conftest), so every request in a test has its audit trail and its level-0 responsible row."""

from __future__ import annotations

from typing import Any

import factory

from uitvoerbaar.core.constants import Rol
from uitvoerbaar.responsplicht.constants import (
    OrganisatieBron,
    Publicatie,
    Termijneenheid,
)
from uitvoerbaar.responsplicht.models import Escalatieniveau, Soort


class SoortFactory(factory.django.DjangoModelFactory[Soort]):
    """A kind like the noodrem: 5 days, reminder 2 days before, at most 5 days extension, and
    one level above the recipient (the ambtelijke top of the owner ministry, 10 days)."""

    class Meta:
        model = Soort
        django_get_or_create = ("code",)
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"soort-{n}")
    naam = factory.Sequence(lambda n: f"Soort {n}")
    termijn_aantal = 5
    termijn_eenheid = Termijneenheid.DAGEN
    herinneringen = factory.LazyFunction(lambda: [2])
    max_verlenging_dagen = 5
    publicatie = Publicatie.ANTWOORD
    stilte_openbaar = True

    @factory.post_generation
    def niveaus(obj: Soort, create: bool, extracted: Any, **kwargs: Any) -> None:
        if not create:
            return
        ladder = (
            extracted
            if extracted is not None
            else [("Ambtelijke top", OrganisatieBron.EIGENAAR_MINISTERIE, Rol.AMBTELIJKE_TOP, 10)]
        )
        for volgorde, (naam, bron, rol, dagen) in enumerate(ladder, start=1):
            Escalatieniveau.objects.create(
                soort=obj,
                volgorde=volgorde,
                naam=naam,
                organisatie_bron=bron,
                rol=rol,
                termijn_aantal=dagen,
                termijn_eenheid=Termijneenheid.DAGEN,
            )
