"""factory_boy factories for kennisbank records. They fill the search text as the services do,
so selectors find what the factories make."""

from __future__ import annotations

from typing import Any

import factory

from uitvoerbaar.core.tests.factories import OrganisatieFactory
from uitvoerbaar.kennisbank.constants import AfwijkingsgrondSoort, RechtSoort, RegelingSoort
from uitvoerbaar.kennisbank.models import (
    Afwijkingsgrond,
    Artikel,
    Beginsel,
    Kader,
    Rechtuitspraak,
    Regeling,
)


class _MetZoektekst(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> Any:
        obj = model_class(*args, **kwargs)
        obj.zoektekst = obj.bereken_zoektekst()
        obj.save()
        return obj


class KaderFactory(factory.django.DjangoModelFactory[Kader]):
    class Meta:
        model = Kader
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"kader-{n}")
    naam = factory.Sequence(lambda n: f"Kader {n}")
    volgorde = factory.Sequence(lambda n: n)


class BeginselFactory(_MetZoektekst):
    class Meta:
        model = Beginsel

    code = factory.Sequence(lambda n: f"beginsel-{n}")
    kader = factory.SubFactory(KaderFactory)
    naam = factory.Sequence(lambda n: f"Beginsel {n}")
    toelichting = "Een uitleg in gewone taal."
    vragen = factory.LazyFunction(lambda: ["Wat is hier de bedoeling?", "Wie heeft er last van?"])
    volgorde = factory.Sequence(lambda n: n)


class RegelingFactory(_MetZoektekst):
    class Meta:
        model = Regeling
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"regeling-{n}")
    naam = factory.Sequence(lambda n: f"Wet nummer {n}")
    soort = RegelingSoort.WET
    bwb_id = "BWBR0015703"
    eigenaar = factory.SubFactory(OrganisatieFactory, ministerie=True)
    bedoeling = "Mensen helpen die het zelf even niet redden."

    @factory.post_generation
    def uitvoerders(obj: Regeling, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            obj.uitvoerders.set(extracted)


class ArtikelFactory(factory.django.DjangoModelFactory[Artikel]):
    class Meta:
        model = Artikel

    regeling = factory.SubFactory(RegelingFactory)
    nummer = factory.Sequence(lambda n: str(n + 1))
    titel = factory.Sequence(lambda n: f"Titel {n}")
    bedoeling = "Waar het artikel voor is."
    beleidsruimte = "Ruimte om te kiezen."
    volgorde = factory.Sequence(lambda n: n)


class RechtuitspraakFactory(factory.django.DjangoModelFactory[Rechtuitspraak]):
    class Meta:
        model = Rechtuitspraak

    regeling = factory.SubFactory(RegelingFactory)
    soort = RechtSoort.WEL
    tekst = factory.Sequence(lambda n: f"U hebt recht op ding {n}.")


class AfwijkingsgrondFactory(factory.django.DjangoModelFactory[Afwijkingsgrond]):
    class Meta:
        model = Afwijkingsgrond

    regeling = factory.SubFactory(RegelingFactory)
    sleutel = factory.Sequence(lambda n: f"grond-{n}")
    soort = AfwijkingsgrondSoort.BELEIDSRUIMTE
    omschrijving = "Er is ruimte."
