"""State changes for organisations, units, people and memberships. Each writes its audit event
in the same transaction."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from uitvoerbaar.audit import services as audit

from . import policy
from .constants import ROLLEN_PER_SOORT, Rol
from .models import Eenheid, Gebruiker, Lidmaatschap, Organisatie


def _vergeet_rollen(gebruiker: Gebruiker) -> None:
    # The policy caches a person's memberships on the instance; a change must be seen at once.
    gebruiker.__dict__.pop("_lidmaatschappen_cache", None)


def validate_lidmaatschap(*, organisatie: Organisatie, rol: str, eenheid: Eenheid | None) -> None:
    """Raise a ValidationError (per field, in Dutch) when a role does not fit the organisation
    type or the unit belongs to another organisation. Forms call this to show the message next
    to the field; `add_lidmaatschap` calls it again before it stores anything."""
    fouten: dict[str, str] = {}
    if rol not in Rol.values:
        fouten["rol"] = _("Kies een rol uit de lijst.")
    elif rol not in ROLLEN_PER_SOORT[organisatie.soort]:
        fouten["rol"] = _(
            "De rol %(rol)s past niet bij een organisatie van de soort %(soort)s."
        ) % {"rol": Rol(rol).label, "soort": organisatie.get_soort_display().lower()}
    if eenheid is not None and eenheid.organisatie_id != organisatie.pk:
        fouten["eenheid"] = _("Deze eenheid hoort bij een andere organisatie.")
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def add_lidmaatschap(
    *,
    door: Gebruiker | None,
    gebruiker: Gebruiker,
    organisatie: Organisatie,
    rol: str,
    eenheid: Eenheid | None = None,
) -> Lidmaatschap:
    """Give a person a role in an organisation (optionally in one of its units).

    `door` is the acting beheerder, who must manage `organisatie` (PermissionDenied otherwise);
    None only for system set-up (demo data, commands), which is audited as such. Refuses roles
    that do not fit the organisation type and units of another organisation (ValidationError,
    nothing stored). Giving a role the person already holds is a no-op; a role that had ended
    becomes active again. Returns the membership."""
    if door is not None:
        policy.require(door, "organisatie.beheren", organisatie)
    validate_lidmaatschap(organisatie=organisatie, rol=rol, eenheid=eenheid)
    lid, created = Lidmaatschap.objects.select_for_update().get_or_create(
        gebruiker=gebruiker,
        organisatie=organisatie,
        eenheid=eenheid,
        rol=rol,
        defaults={"actief": True},
    )
    if not created and lid.actief:
        return lid
    if not created:
        lid.actief = True
        lid.save(update_fields=["actief"])
    audit.record(
        event="lidmaatschap.toegevoegd",
        actor=door,
        obj=lid,
        data={
            "gebruiker": gebruiker.username,
            "organisatie": organisatie.slug,
            "rol": rol,
            "eenheid": eenheid.naam if eenheid else None,
            "heractiveerd": not created,
        },
    )
    _vergeet_rollen(gebruiker)
    return lid


@transaction.atomic
def end_lidmaatschap(*, door: Gebruiker, lidmaatschap: Lidmaatschap) -> Lidmaatschap:
    """End a membership: it is kept for history and marked inactive, so the role no longer
    grants anything. Only a beheerder of the membership's organisation may do this."""
    lid = (
        Lidmaatschap.objects.select_for_update()
        .select_related("gebruiker", "organisatie")
        .get(pk=lidmaatschap.pk)
    )
    policy.require(door, "organisatie.beheren", lid.organisatie)
    if not lid.actief:
        return lid
    lid.actief = False
    lid.save(update_fields=["actief"])
    audit.record(
        event="lidmaatschap.beeindigd",
        actor=door,
        obj=lid,
        data={
            "gebruiker": lid.gebruiker.username,
            "organisatie": lid.organisatie.slug,
            "rol": lid.rol,
        },
    )
    _vergeet_rollen(lidmaatschap.gebruiker)
    lidmaatschap.actief = False
    return lid


def validate_eenheid(*, organisatie: Organisatie, naam: str, bovenliggend: Eenheid | None) -> None:
    """Raise a ValidationError (per field, in Dutch) for an empty or duplicate name or a
    parent unit of another organisation."""
    naam = naam.strip()
    fouten: dict[str, str] = {}
    if not naam:
        fouten["naam"] = _("Vul een naam in.")
    elif Eenheid.objects.filter(organisatie=organisatie, naam__iexact=naam).exists():
        fouten["naam"] = _("Deze organisatie heeft al een eenheid met deze naam.")
    if bovenliggend is not None and bovenliggend.organisatie_id != organisatie.pk:
        fouten["bovenliggend"] = _("Deze eenheid hoort bij een andere organisatie.")
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def add_eenheid(
    *, door: Gebruiker | None, organisatie: Organisatie, naam: str, bovenliggend: Eenheid | None
) -> Eenheid:
    """Add a unit below an organisation (optionally below another unit of it). `door` must
    manage the organisation (PermissionDenied otherwise); None only for system set-up."""
    if door is not None:
        policy.require(door, "organisatie.beheren", organisatie)
    validate_eenheid(organisatie=organisatie, naam=naam, bovenliggend=bovenliggend)
    naam = naam.strip()
    eenheid = Eenheid.objects.create(organisatie=organisatie, naam=naam, bovenliggend=bovenliggend)
    audit.record(
        event="eenheid.toegevoegd",
        actor=door,
        obj=eenheid,
        data={
            "organisatie": organisatie.slug,
            "naam": naam,
            "valt_onder": bovenliggend.naam if bovenliggend else None,
        },
    )
    return eenheid


@transaction.atomic
def start_totp_enrolment(*, gebruiker: Gebruiker) -> TOTPDevice:
    """Create (or reuse) the unconfirmed authenticator of a person who has none yet."""
    device = TOTPDevice.objects.filter(user=gebruiker, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=gebruiker, name="Authenticator", confirmed=False)
    return device


@transaction.atomic
def confirm_totp_device(*, gebruiker: Gebruiker, device: TOTPDevice) -> TOTPDevice:
    """Mark an authenticator as confirmed after the person proved it with a valid code."""
    if device.user_id != gebruiker.pk:
        raise ValidationError(_("Dit apparaat hoort niet bij u."))
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit.record(
        event="tweede_factor.ingesteld",
        actor=gebruiker,
        obj=gebruiker,
        data={"apparaat": device.pk},
    )
    return device
