"""Organisation types and roles (DESIGN §2). Roles are held per organisation membership."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisatieSoort(models.TextChoices):
    MINISTERIE = "ministerie", _("Ministerie")
    UITVOERINGSORGANISATIE = "uitvoeringsorganisatie", _("Uitvoeringsorganisatie")
    MEDEOVERHEID = "medeoverheid", _("Medeoverheid")
    PARLEMENT = "parlement", _("Parlement")


class Rol(models.TextChoices):
    MEDEWERKER = "medewerker", _("Professional")
    BEHANDELAAR = "behandelaar", _("Behandelaar")
    VERTROUWENSPERSOON = "vertrouwenspersoon", _("Vertrouwenspersoon")
    BESTUUR = "bestuur", _("Bestuur")
    BELEIDSMAKER = "beleidsmaker", _("Beleidsmaker")
    AMBTELIJKE_TOP = "ambtelijke_top", _("Ambtelijke top")
    BEWINDSPERSOON = "bewindspersoon", _("Bewindspersoon")
    KAMERLID = "kamerlid", _("Kamerlid")
    GRIFFIE = "griffie", _("Griffie")
    BEHEERDER = "beheerder", _("Functioneel beheerder")


# Roles that can see confidential data must log in with a second factor (TOTP).
ROLLEN_MET_TWEEDE_FACTOR: frozenset[str] = frozenset(
    {Rol.VERTROUWENSPERSOON, Rol.BESTUUR, Rol.BEHEERDER}
)

# Which roles make sense in which kind of organisation; memberships outside this are refused.
ROLLEN_PER_SOORT: dict[str, frozenset[str]] = {
    OrganisatieSoort.MINISTERIE: frozenset(
        {
            Rol.BELEIDSMAKER,
            Rol.AMBTELIJKE_TOP,
            Rol.BEWINDSPERSOON,
            Rol.MEDEWERKER,
            Rol.BEHANDELAAR,
            Rol.VERTROUWENSPERSOON,
            Rol.BESTUUR,
            Rol.BEHEERDER,
        }
    ),
    OrganisatieSoort.UITVOERINGSORGANISATIE: frozenset(
        {Rol.MEDEWERKER, Rol.BEHANDELAAR, Rol.VERTROUWENSPERSOON, Rol.BESTUUR, Rol.BEHEERDER}
    ),
    OrganisatieSoort.MEDEOVERHEID: frozenset(
        {
            Rol.MEDEWERKER,
            Rol.BEHANDELAAR,
            Rol.VERTROUWENSPERSOON,
            Rol.BESTUUR,
            Rol.BELEIDSMAKER,
            Rol.BEHEERDER,
        }
    ),
    OrganisatieSoort.PARLEMENT: frozenset({Rol.KAMERLID, Rol.GRIFFIE, Rol.BEHEERDER}),
}
