"""State changes for organisations, people and memberships. Each writes its audit event."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from uitvoerbaar.audit import services as audit

from . import policy
from .constants import ROLLEN_PER_SOORT
from .models import Eenheid, Gebruiker, Lidmaatschap, Organisatie


@transaction.atomic
def add_lidmaatschap(
    *, door: Gebruiker | None, gebruiker: Gebruiker, organisatie: Organisatie, rol: str,
    eenheid: Eenheid | None = None,
) -> Lidmaatschap:
    """Give a person a role in an organisation (optionally a unit). `door` is the acting
    beheerder; None only for system set-up (demo data, migrations), which is audited as such.
    Refuses roles that do not fit the organisation type and units of another organisation."""
    if door is not None:
        policy.require(door, "organisatie.beheren", organisatie)
    if rol not in ROLLEN_PER_SOORT[organisatie.soort]:
        raise ValidationError(
            {"rol": _("Deze rol past niet bij een organisatie van deze soort.")}
        )
    if eenheid is not None and eenheid.organisatie_id != organisatie.pk:
        raise ValidationError({"eenheid": _("Deze eenheid hoort bij een andere organisatie.")})
    lid, created = Lidmaatschap.objects.get_or_create(
        gebruiker=gebruiker, organisatie=organisatie, eenheid=eenheid, rol=rol,
        defaults={"actief": True},
    )
    if not created and not lid.actief:
        lid.actief = True
        lid.save(update_fields=["actief"])
    audit.record(
        event="lidmaatschap.toegevoegd", actor=door, obj=lid,
        data={"gebruiker": gebruiker.username, "organisatie": organisatie.slug, "rol": rol,
              "eenheid": eenheid.naam if eenheid else None},
    )
    return lid


@transaction.atomic
def end_lidmaatschap(*, door: Gebruiker, lidmaatschap: Lidmaatschap) -> Lidmaatschap:
    """End a membership (kept for history, marked inactive)."""
    lid = Lidmaatschap.objects.select_for_update().get(pk=lidmaatschap.pk)
    policy.require(door, "organisatie.beheren", lid.organisatie)
    lid.actief = False
    lid.save(update_fields=["actief"])
    audit.record(event="lidmaatschap.beeindigd", actor=door, obj=lid,
                 data={"gebruiker": lid.gebruiker.username, "rol": lid.rol})
    return lid


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
    audit.record(event="tweede_factor.ingesteld", actor=gebruiker, obj=gebruiker, data={})
    return device
