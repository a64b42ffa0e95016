"""factory_boy factories for organisations, people and memberships, with traits per role."""

from __future__ import annotations

from typing import Any

import factory
from django_otp.plugins.otp_totp.models import TOTPDevice

from uitvoerbaar.core.constants import OrganisatieSoort, Rol
from uitvoerbaar.core.models import Eenheid, Gebruiker, Lidmaatschap, Organisatie

WACHTWOORD = "Correct-paard-batterij-nietje-42"


class OrganisatieFactory(factory.django.DjangoModelFactory[Organisatie]):
    class Meta:
        model = Organisatie
        django_get_or_create = ("slug",)

    naam = factory.Sequence(lambda n: f"Uitvoeringsdienst {n}")
    afkorting = factory.Sequence(lambda n: f"UD{n}")
    slug = factory.Sequence(lambda n: f"ud-{n}")
    soort = OrganisatieSoort.UITVOERINGSORGANISATIE

    class Params:
        ministerie = factory.Trait(
            soort=OrganisatieSoort.MINISTERIE,
            naam=factory.Sequence(lambda n: f"Ministerie van Zaken {n}"),
            slug=factory.Sequence(lambda n: f"min-{n}"),
        )
        medeoverheid = factory.Trait(
            soort=OrganisatieSoort.MEDEOVERHEID,
            naam=factory.Sequence(lambda n: f"Gemeente Dorp {n}"),
            slug=factory.Sequence(lambda n: f"gemeente-{n}"),
        )
        parlement = factory.Trait(
            soort=OrganisatieSoort.PARLEMENT,
            naam=factory.Sequence(lambda n: f"Kamer {n}"),
            slug=factory.Sequence(lambda n: f"kamer-{n}"),
        )


class EenheidFactory(factory.django.DjangoModelFactory[Eenheid]):
    class Meta:
        model = Eenheid

    organisatie = factory.SubFactory(OrganisatieFactory)
    naam = factory.Sequence(lambda n: f"Afdeling {n}")


class GebruikerFactory(factory.django.DjangoModelFactory[Gebruiker]):
    class Meta:
        model = Gebruiker
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"persoon{n}")
    first_name = "Sam"
    last_name = factory.Sequence(lambda n: f"de Vries {n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", WACHTWOORD)

    @factory.post_generation
    def _save(obj: Gebruiker, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            obj.save()


class LidmaatschapFactory(factory.django.DjangoModelFactory[Lidmaatschap]):
    class Meta:
        model = Lidmaatschap

    gebruiker = factory.SubFactory(GebruikerFactory)
    organisatie = factory.SubFactory(OrganisatieFactory)
    rol = Rol.MEDEWERKER


def persoon_met_rol(rol: str, organisatie: Organisatie | None = None, **kwargs: Any) -> Gebruiker:
    """A person holding `rol` in `organisatie` (a fitting new organisation when omitted)."""
    if organisatie is None:
        traits: dict[str, bool] = {}
        if rol in {Rol.BELEIDSMAKER, Rol.AMBTELIJKE_TOP, Rol.BEWINDSPERSOON}:
            traits["ministerie"] = True
        elif rol in {Rol.KAMERLID, Rol.GRIFFIE}:
            traits["parlement"] = True
        organisatie = OrganisatieFactory.create(**traits)
    username = kwargs.pop("username", factory.Sequence(lambda n: f"{rol}{n}"))
    lid = LidmaatschapFactory.create(
        organisatie=organisatie, rol=rol, gebruiker__username=username, **kwargs
    )
    return lid.gebruiker


def totp_device(gebruiker: Gebruiker) -> TOTPDevice:
    return TOTPDevice.objects.create(user=gebruiker, name="test", confirmed=True)
