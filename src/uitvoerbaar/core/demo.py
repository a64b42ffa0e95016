"""The fictional demo world of `uitvoerbaar load_demo` (DESIGN §5): ministries with policy
teams, executive organisations with units, two municipalities, a parliament committee, people in
every role, the principles and five real public regulations.

Everything here is fictional except the regulations. Loading is idempotent: organisations are
found by slug, units by name, people by username, memberships through
`services.add_lidmaatschap` (a no-op for a role already held), the kennisbank through its own
idempotent loaders. A second run changes nothing and writes no audit event.

Demo accounts share one password and, where a role needs a second factor, get a confirmed TOTP
authenticator whose key is derived from the username. Anyone who reads this file can log in as
them: the command refuses to run without DEBUG unless told explicitly (see load_demo command)."""

from __future__ import annotations

import base64
import hashlib
import json
import time
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from uitvoerbaar.audit import services as audit

from . import services
from .constants import OrganisatieSoort, Rol
from .models import Eenheid, Gebruiker, Organisatie

DEMO_DOMEIN = "demo.uitvoerbaar.nl"
# Printed on purpose by the command: one password for every demo account.
DEMO_WACHTWOORD = "Uitvoerbaar-demo-2025"
# A fixed salt makes the stored hash the same on every run, so a second run can see that the
# password is still the demo password without the (slow, on purpose) password check.
_DEMO_ZOUT = "uitvoerbaardemo2025"
DEMO_APPARAAT = "Demo-authenticator"
_TOTP_AFLEIDING = "uitvoerbaar-demo-totp:"


@dataclass(frozen=True)
class DemoOrganisatie:
    slug: str
    naam: str
    afkorting: str
    soort: str
    eigenaar: str | None = None
    eenheden: tuple[str, ...] = ()


@dataclass(frozen=True)
class DemoRol:
    organisatie: str  # slug
    rol: str
    eenheid: str | None = None


@dataclass(frozen=True)
class DemoPersoon:
    username: str
    voornaam: str
    achternaam: str
    rollen: tuple[DemoRol, ...]

    @property
    def naam(self) -> str:
        return f"{self.voornaam} {self.achternaam}"

    @property
    def email(self) -> str:
        return f"{self.username}@{DEMO_DOMEIN}"


M = OrganisatieSoort.MINISTERIE
U = OrganisatieSoort.UITVOERINGSORGANISATIE
G = OrganisatieSoort.MEDEOVERHEID
P = OrganisatieSoort.PARLEMENT

# Ministries first: executive organisations point at their owner.
ORGANISATIES: tuple[DemoOrganisatie, ...] = (
    DemoOrganisatie(
        "mwb",
        "Ministerie van Werk en Bestaanszekerheid",
        "MWB",
        M,
        eenheden=("Directie Bijstand en Participatie", "Directie Werknemersverzekeringen"),
    ),
    DemoOrganisatie(
        "mft",
        "Ministerie van Financiën en Toeslagen",
        "MFT",
        M,
        eenheden=("Directie Toeslagenbeleid", "Directie Fiscale Zaken"),
    ),
    DemoOrganisatie(
        "mls",
        "Ministerie van Leren en Studie",
        "MLS",
        M,
        eenheden=("Directie Studiefinanciering",),
    ),
    DemoOrganisatie(
        "lud",
        "Landelijke Uitkeringsdienst",
        "LUD",
        U,
        eigenaar="mwb",
        eenheden=(
            "Klantcontact Noord",
            "Klantcontact Zuid",
            "Bezwaar en beroep",
            "Kwaliteit en signalen",
        ),
    ),
    DemoOrganisatie(
        "dth",
        "Dienst Toeslagen en Heffingen",
        "DTH",
        U,
        eigenaar="mft",
        eenheden=("Klantcontact", "Bezwaar en beroep", "Kwaliteit en signalen"),
    ),
    DemoOrganisatie(
        "bsf",
        "Bureau Studiefinanciering",
        "BSF",
        U,
        eigenaar="mls",
        eenheden=("Klantcontact", "Bezwaar en beroep", "Kwaliteit en signalen"),
    ),
    DemoOrganisatie(
        "lindendal",
        "Gemeente Lindendal",
        "Lindendal",
        G,
        eenheden=("Team Werk en Inkomen", "Team Schuldhulp"),
    ),
    DemoOrganisatie(
        "hoogwater",
        "Gemeente Hoogwater",
        "Hoogwater",
        G,
        eenheden=("Team Werk en Inkomen",),
    ),
    DemoOrganisatie(
        "kamer",
        "Tweede Kamer (demo)",
        "TK",
        P,
        eenheden=("Vaste commissie Werk en Bestaanszekerheid",),
    ),
)

COMMISSIE = "Vaste commissie Werk en Bestaanszekerheid"


def _p(username: str, voornaam: str, achternaam: str, *rollen: DemoRol) -> DemoPersoon:
    return DemoPersoon(username, voornaam, achternaam, rollen)


R = Rol
PERSONEN: tuple[DemoPersoon, ...] = (
    # Ministries: policy teams, leadership, ministers.
    _p(
        "sanne.mwb",
        "Sanne",
        "de Boer",
        DemoRol("mwb", R.BELEIDSMAKER, "Directie Bijstand en Participatie"),
    ),
    _p(
        "joost.mwb",
        "Joost",
        "Kramer",
        DemoRol("mwb", R.BELEIDSMAKER, "Directie Werknemersverzekeringen"),
    ),
    _p("sg.mwb", "Pieter", "van Dijk", DemoRol("mwb", R.AMBTELIJKE_TOP)),
    _p("minister.mwb", "Ellen", "Verhoef", DemoRol("mwb", R.BEWINDSPERSOON)),
    _p("beheer.mwb", "Wouter", "Schipper", DemoRol("mwb", R.BEHEERDER)),
    _p("noor.mft", "Noor", "Hendriks", DemoRol("mft", R.BELEIDSMAKER, "Directie Toeslagenbeleid")),
    _p("sg.mft", "Rob", "Willems", DemoRol("mft", R.AMBTELIJKE_TOP)),
    _p("staatssecretaris.mft", "Ilse", "Roodenburg", DemoRol("mft", R.BEWINDSPERSOON)),
    _p("beheer.mft", "Bas", "Mulder", DemoRol("mft", R.BEHEERDER)),
    _p(
        "lotte.mls",
        "Lotte",
        "Jansen",
        DemoRol("mls", R.BELEIDSMAKER, "Directie Studiefinanciering"),
    ),
    _p("sg.mls", "Hans", "Visser", DemoRol("mls", R.AMBTELIJKE_TOP)),
    _p("minister.mls", "Karin", "Hofstede", DemoRol("mls", R.BEWINDSPERSOON)),
    _p("beheer.mls", "Eline", "Brink", DemoRol("mls", R.BEHEERDER)),
    # Landelijke Uitkeringsdienst.
    _p("fatima.lud", "Fatima", "El Amrani", DemoRol("lud", R.MEDEWERKER, "Klantcontact Noord")),
    _p("bram.lud", "Bram", "de Wit", DemoRol("lud", R.MEDEWERKER, "Klantcontact Zuid")),
    _p("yusuf.lud", "Yusuf", "Demir", DemoRol("lud", R.BEHANDELAAR, "Kwaliteit en signalen")),
    _p("vp.lud", "Marieke", "Bos", DemoRol("lud", R.VERTROUWENSPERSOON)),
    _p("bestuur.lud", "Gerrit", "Hoekstra", DemoRol("lud", R.BESTUUR)),
    _p("beheer.lud", "Anouk", "Peters", DemoRol("lud", R.BEHEERDER)),
    # Dienst Toeslagen en Heffingen.
    _p("daan.dth", "Daan", "Smits", DemoRol("dth", R.MEDEWERKER, "Klantcontact")),
    _p("eva.dth", "Eva", "Koster", DemoRol("dth", R.BEHANDELAAR, "Kwaliteit en signalen")),
    _p("vp.dth", "Ahmed", "Yilmaz", DemoRol("dth", R.VERTROUWENSPERSOON)),
    _p("bestuur.dth", "Ria", "van Leeuwen", DemoRol("dth", R.BESTUUR)),
    _p("beheer.dth", "Tom", "Kuipers", DemoRol("dth", R.BEHEERDER)),
    # Bureau Studiefinanciering.
    _p("jasmijn.bsf", "Jasmijn", "Vermeulen", DemoRol("bsf", R.MEDEWERKER, "Klantcontact")),
    _p("kees.bsf", "Kees", "Dekker", DemoRol("bsf", R.BEHANDELAAR, "Kwaliteit en signalen")),
    _p("vp.bsf", "Hanneke", "Post", DemoRol("bsf", R.VERTROUWENSPERSOON)),
    _p("bestuur.bsf", "Sander", "Vos", DemoRol("bsf", R.BESTUUR)),
    _p("beheer.bsf", "Linda", "Groen", DemoRol("bsf", R.BEHEERDER)),
    # Municipalities.
    _p(
        "sophie.lindendal",
        "Sophie",
        "Maas",
        DemoRol("lindendal", R.MEDEWERKER, "Team Werk en Inkomen"),
    ),
    _p(
        "ruben.lindendal",
        "Ruben",
        "Dijkstra",
        DemoRol("lindendal", R.BEHANDELAAR, "Team Werk en Inkomen"),
    ),
    _p("beleid.lindendal", "Mila", "Prins", DemoRol("lindendal", R.BELEIDSMAKER)),
    _p("bestuur.lindendal", "Frank", "Wouters", DemoRol("lindendal", R.BESTUUR)),
    _p("beheer.lindendal", "Iris", "Bosman", DemoRol("lindendal", R.BEHEERDER)),
    _p(
        "lars.hoogwater",
        "Lars",
        "de Jong",
        DemoRol("hoogwater", R.MEDEWERKER, "Team Werk en Inkomen"),
    ),
    _p(
        "nina.hoogwater",
        "Nina",
        "Koopman",
        DemoRol("hoogwater", R.BEHANDELAAR, "Team Werk en Inkomen"),
    ),
    # Parliament.
    _p("mirjam.kamer", "Mirjam", "Lindeboom", DemoRol("kamer", R.KAMERLID, COMMISSIE)),
    _p("ruud.kamer", "Ruud", "Achterberg", DemoRol("kamer", R.KAMERLID, COMMISSIE)),
    _p("griffie.kamer", "Ingrid", "Schouten", DemoRol("kamer", R.GRIFFIE, COMMISSIE)),
    # One person with roles in two organisations: a professional on the shared work square of
    # the Landelijke Uitkeringsdienst and the municipality.
    _p(
        "femke.werkplein",
        "Femke",
        "Brouwer",
        DemoRol("lud", R.MEDEWERKER, "Klantcontact Noord"),
        DemoRol("lindendal", R.MEDEWERKER, "Team Werk en Inkomen"),
    ),
)


@dataclass(frozen=True)
class DemoAccount:
    """One demo account as the command prints it."""

    username: str
    naam: str
    rollen: tuple[str, ...]  # "Professional @ LUD (Klantcontact Noord)"
    totp_geheim: str | None  # base32, for an authenticator app; None: no second factor needed


@dataclass
class DemoResult:
    """What one run created or changed (all zero on a second run), and the accounts."""

    organisaties: int = 0
    eenheden: int = 0
    gebruikers: int = 0
    lidmaatschappen: int = 0
    apparaten: int = 0
    beginselen: int = 0
    regelingen: int = 0
    reactieverzoeken: int = 0
    signalen: int = 0
    diensten: int = 0
    afwijkingen: int = 0
    beleidsvoorstellen: int = 0
    parlement: int = 0
    rapporten: int = 0
    accounts: list[DemoAccount] = field(default_factory=list)

    @property
    def wijzigingen(self) -> int:
        return (
            self.organisaties
            + self.eenheden
            + self.gebruikers
            + self.lidmaatschappen
            + self.apparaten
            + self.beginselen
            + self.regelingen
            + self.reactieverzoeken
            + self.signalen
            + self.diensten
            + self.afwijkingen
            + self.beleidsvoorstellen
            + self.parlement
            + self.rapporten
        )


def is_demo_account(gebruiker: Gebruiker) -> bool:
    return gebruiker.email.lower().endswith("@" + DEMO_DOMEIN)


def totp_sleutel(username: str) -> str:
    """The fixed TOTP key of a demo account: 20 bytes derived from the username, as hex (the
    form TOTPDevice stores). Fixed, so the printed secret stays valid across runs."""
    return hashlib.sha256((_TOTP_AFLEIDING + username).encode()).digest()[:20].hex()


def base32_geheim(device: TOTPDevice) -> str:
    """The key as authenticator apps expect it when typed in by hand."""
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def huidige_code(device: TOTPDevice, *, tijdstip: float | None = None) -> str:
    """The code an authenticator app shows now for this device (does not use it up)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() if tijdstip is None else tijdstip
    return f"{totp.token():0{device.digits}d}"


def seconden_geldig(device: TOTPDevice, *, tijdstip: float | None = None) -> int:
    nu = time.time() if tijdstip is None else tijdstip
    return int(device.step - ((nu - device.t0) % device.step))


def demo_apparaat(gebruiker: Gebruiker) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=gebruiker, name=DEMO_APPARAAT, confirmed=True).first()


def regelingen_data() -> dict[str, Any]:
    from uitvoerbaar.kennisbank.services import DATA_DIR

    with (DATA_DIR / "regelingen_demo.json").open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def _rol_tekst(rol: DemoRol, organisaties: dict[str, Organisatie]) -> str:
    org = organisaties[rol.organisatie]
    tekst = f"{Rol(rol.rol).label} @ {org.afkorting or org.naam}"
    return f"{tekst} ({rol.eenheid})" if rol.eenheid else tekst


def _organisaties(resultaat: DemoResult) -> dict[str, Organisatie]:
    per_slug: dict[str, Organisatie] = {}
    for demo in ORGANISATIES:
        eigenaar = per_slug[demo.eigenaar] if demo.eigenaar else None
        gewenst = {
            "naam": demo.naam,
            "afkorting": demo.afkorting,
            "soort": demo.soort,
            "eigenaar_ministerie": eigenaar,
        }
        org = Organisatie.objects.filter(slug=demo.slug).first()
        if org is None:
            org = Organisatie.objects.create(slug=demo.slug, **gewenst)
            audit.record(
                event="demo.organisatie.aangemaakt",
                actor=None,
                obj=org,
                data={"slug": org.slug, "naam": org.naam, "soort": org.soort},
            )
            resultaat.organisaties += 1
        else:
            velden = [v for v, waarde in gewenst.items() if getattr(org, v) != waarde]
            if velden:
                for veld in velden:
                    setattr(org, veld, gewenst[veld])
                org.save(update_fields=velden)
                audit.record(
                    event="demo.organisatie.bijgewerkt",
                    actor=None,
                    obj=org,
                    data={"slug": org.slug, "velden": velden},
                )
                resultaat.organisaties += 1
        per_slug[demo.slug] = org
    return per_slug


def _eenheden(
    organisaties: dict[str, Organisatie], resultaat: DemoResult
) -> dict[tuple[str, str], Eenheid]:
    bestaand = {
        (e.organisatie.slug, e.naam): e
        for e in Eenheid.objects.filter(organisatie__in=organisaties.values()).select_related(
            "organisatie"
        )
    }
    for demo in ORGANISATIES:
        for naam in demo.eenheden:
            if (demo.slug, naam) not in bestaand:
                bestaand[(demo.slug, naam)] = services.add_eenheid(
                    door=None, organisatie=organisaties[demo.slug], naam=naam, bovenliggend=None
                )
                resultaat.eenheden += 1
    return bestaand


def _gebruiker(persoon: DemoPersoon, wachtwoord_hash: str, resultaat: DemoResult) -> Gebruiker:
    gewenst = {
        "first_name": persoon.voornaam,
        "last_name": persoon.achternaam,
        "weergavenaam": persoon.naam,
        "email": persoon.email,
        "is_active": True,
        # The stored hash is deterministic (fixed salt): a difference means the password was
        # changed, and the demo promises the printed password works.
        "password": wachtwoord_hash,
    }
    gebruiker = Gebruiker.objects.filter(username=persoon.username).first()
    if gebruiker is None:
        gebruiker = Gebruiker.objects.create(username=persoon.username, **gewenst)
        audit.record(
            event="demo.gebruiker.aangemaakt",
            actor=None,
            obj=gebruiker,
            data={"gebruiker": gebruiker.username},
        )
        resultaat.gebruikers += 1
        return gebruiker
    velden = [v for v, waarde in gewenst.items() if getattr(gebruiker, v) != waarde]
    if velden:
        for veld in velden:
            setattr(gebruiker, veld, gewenst[veld])
        gebruiker.save(update_fields=velden)
        audit.record(
            event="demo.gebruiker.bijgewerkt",
            actor=None,
            obj=gebruiker,
            # Never the password itself, not even its hash: only that it was reset.
            data={"gebruiker": gebruiker.username, "velden": velden},
        )
        resultaat.gebruikers += 1
    return gebruiker


def _apparaat(gebruiker: Gebruiker, resultaat: DemoResult) -> TOTPDevice:
    sleutel = totp_sleutel(gebruiker.username)
    device = TOTPDevice.objects.filter(user=gebruiker, name=DEMO_APPARAAT).first()
    if device is not None and device.key == sleutel and device.confirmed:
        return device
    if device is None:
        device = TOTPDevice.objects.create(
            user=gebruiker, name=DEMO_APPARAAT, key=sleutel, confirmed=True
        )
    else:
        device.key = sleutel
        device.confirmed = True
        device.save(update_fields=["key", "confirmed"])
    audit.record(
        event="demo.tweede_factor.ingesteld",
        actor=None,
        obj=gebruiker,
        data={"gebruiker": gebruiker.username, "apparaat": device.pk},
    )
    resultaat.apparaten += 1
    return device


@transaction.atomic
def load_demo() -> DemoResult:
    """Build the fictional demo world, or bring it back to its defined state. Idempotent: a
    second run creates nothing and writes no audit event. Loads the principles and the demo
    regulations through the kennisbank loaders. All or nothing (one transaction)."""
    from uitvoerbaar.kennisbank import services as kb

    resultaat = DemoResult()
    organisaties = _organisaties(resultaat)
    eenheden = _eenheden(organisaties, resultaat)
    wachtwoord_hash = make_password(DEMO_WACHTWOORD, salt=_DEMO_ZOUT)

    for persoon in PERSONEN:
        gebruiker = _gebruiker(persoon, wachtwoord_hash, resultaat)
        for rol in persoon.rollen:
            organisatie = organisaties[rol.organisatie]
            eenheid = eenheden[(rol.organisatie, rol.eenheid)] if rol.eenheid else None
            al_actief = gebruiker.lidmaatschappen.filter(
                organisatie=organisatie, eenheid=eenheid, rol=rol.rol, actief=True
            ).exists()
            if not al_actief:
                services.add_lidmaatschap(
                    door=None,
                    gebruiker=gebruiker,
                    organisatie=organisatie,
                    rol=rol.rol,
                    eenheid=eenheid,
                )
                resultaat.lidmaatschappen += 1
        geheim = None
        if gebruiker.tweede_factor_vereist:
            geheim = base32_geheim(_apparaat(gebruiker, resultaat))
        resultaat.accounts.append(
            DemoAccount(
                username=gebruiker.username,
                naam=persoon.naam,
                rollen=tuple(_rol_tekst(rol, organisaties) for rol in persoon.rollen),
                totp_geheim=geheim,
            )
        )

    resultaat.beginselen = kb.load_beginselen()
    resultaat.regelingen = kb.import_regelingen(data=regelingen_data())
    # Life events point at regulations, so they come after them (rechtenwijzer, P1).
    kb.load_levensgebeurtenissen()
    # The response duty's kinds and a few requests in various states, made through its
    # services with dates relative to today (see responsplicht/demo.py).
    from uitvoerbaar.responsplicht.demo import load_demo_verzoeken

    resultaat.reactieverzoeken = load_demo_verzoeken()
    from uitvoerbaar.signalen.demo import load_demo_signalen

    resultaat.signalen = load_demo_signalen()
    from uitvoerbaar.dienstverlening.demo import load_demo_dienstverlening

    resultaat.diensten = load_demo_dienstverlening()
    from uitvoerbaar.afwijkingen.demo import load_demo_afwijkingen

    resultaat.afwijkingen = load_demo_afwijkingen()
    # A policy proposal from verkenning to besluitvorming, a toets, an assignment handed back.
    from uitvoerbaar.beleid.demo import load_demo_beleid

    resultaat.beleidsvoorstellen = load_demo_beleid()
    # Kamervragen (answered, open, silent) and contactmomenten in each state.
    from uitvoerbaar.parlement.demo import load_demo_parlement

    resultaat.parlement = load_demo_parlement()
    # A finished and published Stand van de uitvoering of the LUD, with its PDF.
    from uitvoerbaar.parlement.rapport_demo import load_demo_rapport

    resultaat.rapporten = load_demo_rapport()
    return resultaat
