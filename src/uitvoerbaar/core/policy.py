"""The permission policy: one table that says who may do what, and where.

Every view, API endpoint, admin action and export asks `allows` / `require` with an action name
from POLICY. The table is data, so tests iterate it (role by action by own or other organisation)
and a route without an action fails the route-coverage test.

Scopes:
- PUBLIEK: anyone, also without login.
- INGELOGD: any logged-in person, whatever their roles.
- ROL: a logged-in person holding one of the roles in any organisation.
- EIGEN_ORGANISATIE: one of the roles in the organisation the object belongs to.
- TOEGEWEZEN: as EIGEN_ORGANISATIE, but the object itself names who is concerned: its
  `policy_toegewezen(actie)` returns the (organisation id, role) pairs and the person ids that
  may act. Used where the role that counts differs per object, as for a request to respond
  (the level of its escalation ladder decides who must answer). A person named by the object
  needs no role. An object without `policy_toegewezen` is checked as EIGEN_ORGANISATIE.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.utils.translation import gettext_lazy as _

from .constants import Rol


class Reikwijdte(enum.StrEnum):
    PUBLIEK = "publiek"
    INGELOGD = "ingelogd"
    ROL = "rol"
    EIGEN_ORGANISATIE = "eigen_organisatie"
    TOEGEWEZEN = "toegewezen"


@dataclass(frozen=True)
class Toewijzing:
    """Who an object says is concerned with an action (scope TOEGEWEZEN)."""

    paren: frozenset[tuple[int, str]] = frozenset()
    personen: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Regel:
    reikwijdte: Reikwijdte
    rollen: frozenset[str] = frozenset()
    omschrijving: str = ""


def _r(*rollen: Rol) -> frozenset[str]:
    return frozenset(str(r) for r in rollen)


ALLE_ROLLEN: Final = _r(*Rol)

POLICY: Final[dict[str, Regel]] = {
    # Public pages and open data.
    "publiek.bekijken": Regel(Reikwijdte.PUBLIEK, omschrijving="Openbare pagina's"),
    "kennisbank.bekijken": Regel(Reikwijdte.PUBLIEK, omschrijving="Beginselen en regelingen lezen"),
    "audit.ketenkop.bekijken": Regel(
        Reikwijdte.PUBLIEK, omschrijving="De kop van de auditketen zien"
    ),
    # Personal.
    "account.eigen": Regel(Reikwijdte.INGELOGD, omschrijving="Eigen startpagina en account"),
    # Organisations.
    "organisatie.bekijken": Regel(
        Reikwijdte.EIGEN_ORGANISATIE,
        ALLE_ROLLEN,
        omschrijving="Organisatie met eenheden en leden bekijken",
    ),
    "organisatie.beheren": Regel(
        Reikwijdte.EIGEN_ORGANISATIE,
        _r(Rol.BEHEERDER),
        omschrijving="Eenheden en lidmaatschappen van de eigen organisatie beheren",
    ),
    "beheer.openen": Regel(
        Reikwijdte.ROL, _r(Rol.BEHEERDER), omschrijving="Het beheerscherm openen"
    ),
    "kennisbank.beheren": Regel(
        Reikwijdte.ROL, _r(Rol.BEHEERDER), omschrijving="Kennisbank bijwerken"
    ),
    # Deadlines (termijnen): days made equal to feestdagen by decree, and closing days.
    "termijnen.beheren": Regel(
        Reikwijdte.ROL,
        _r(Rol.BEHEERDER),
        omschrijving="Gelijkgestelde dagen (art. 3 lid 3 Algemene termijnenwet) beheren",
    ),
    "termijnen.sluitingsdagen.beheren": Regel(
        Reikwijdte.EIGEN_ORGANISATIE,
        _r(Rol.BEHEERDER),
        omschrijving="Sluitingsdagen van de eigen organisatie beheren",
    ),
    # Audit.
    "audit.toegangslog.bekijken": Regel(
        Reikwijdte.EIGEN_ORGANISATIE,
        _r(Rol.BEHEERDER, Rol.VERTROUWENSPERSOON),
        omschrijving="Zien wie vertrouwelijke gegevens van de organisatie heeft ingezien",
    ),
    # Response duty (responsplicht). The request names who is concerned: the requester, and the
    # organisation and role responsible at each escalation level it reached.
    "reactieverzoek.inbox": Regel(
        Reikwijdte.ROL, ALLE_ROLLEN, omschrijving="De eigen lijst 'Te beantwoorden' zien"
    ),
    "reactieverzoek.bekijken": Regel(
        Reikwijdte.TOEGEWEZEN,
        ALLE_ROLLEN,
        omschrijving="Een verzoek met zijn tijdlijn bekijken (vrager en verantwoordelijken)",
    ),
    "reactieverzoek.beantwoorden": Regel(
        Reikwijdte.TOEGEWEZEN,
        ALLE_ROLLEN,
        omschrijving="Een verzoek beantwoorden met pas toe of leg uit (elk bereikt niveau)",
    ),
    "reactieverzoek.termijn": Regel(
        Reikwijdte.TOEGEWEZEN,
        ALLE_ROLLEN,
        omschrijving="De termijn opschorten, hervatten of eenmaal verlengen (verantwoordelijken)",
    ),
    "reactieverzoek.beoordelen": Regel(
        Reikwijdte.TOEGEWEZEN,
        ALLE_ROLLEN,
        omschrijving="Een antwoord aanvaarden of onvoldoende noemen, of intrekken (de vrager)",
    ),
    "reactieverzoek.controleren": Regel(
        Reikwijdte.TOEGEWEZEN,
        ALLE_ROLLEN,
        omschrijving="Vaststellen of een toegezegde maatregel is uitgevoerd",
    ),
    "reactieverzoek.openbaarheid": Regel(
        Reikwijdte.TOEGEWEZEN,
        _r(Rol.BESTUUR, Rol.AMBTELIJKE_TOP),
        omschrijving="Openbaarmaking weigeren op een grond uit de Woo (ontvangende organisatie)",
    ),
    "responsplicht.beheren": Regel(
        Reikwijdte.ROL, _r(Rol.BEHEERDER), omschrijving="Soorten verzoek en hun ladder beheren"
    ),
    "meldingen.eigen": Regel(Reikwijdte.INGELOGD, omschrijving="Eigen meldingen lezen"),
    # Signalen and the noodrem (seed actions F1, U4, U5). The signal names who handles it (the
    # routed role); the reporter's own access is checked by the selector (`signaal.eigen`).
    "signaal.melden": Regel(
        Reikwijdte.ROL, ALLE_ROLLEN, omschrijving="Een signaal melden bij de eigen organisatie"
    ),
    "signaal.anoniem_melden": Regel(
        Reikwijdte.PUBLIEK, omschrijving="Anoniem een signaal melden, zonder in te loggen"
    ),
    "signaal.ontvangstcode": Regel(
        Reikwijdte.PUBLIEK,
        omschrijving="Met een ontvangstcode een anoniem signaal volgen en aanvullen",
    ),
    "signaal.eigen": Regel(
        Reikwijdte.INGELOGD, omschrijving="Eigen signalen volgen, beantwoorden en aanvullen"
    ),
    "signaal.lijst": Regel(
        Reikwijdte.ROL,
        _r(Rol.BEHANDELAAR, Rol.VERTROUWENSPERSOON, Rol.BESTUUR),
        omschrijving="De signalen van de organisatie zien",
    ),
    "signaal.bekijken": Regel(
        Reikwijdte.TOEGEWEZEN,
        _r(Rol.BEHANDELAAR, Rol.VERTROUWENSPERSOON, Rol.BESTUUR),
        omschrijving="Een signaal lezen (behandelaars, bestuur; bij vertrouwelijk ook de "
        "vertrouwenspersoon)",
    ),
    "signaal.behandelen": Regel(
        Reikwijdte.TOEGEWEZEN,
        _r(Rol.BEHANDELAAR, Rol.VERTROUWENSPERSOON, Rol.BESTUUR),
        omschrijving="Een signaal behandelen: berichten, vragen, afsluiten (de gerouteerde rol)",
    ),
    "signaal.identiteit.bekijken": Regel(
        Reikwijdte.TOEGEWEZEN,
        _r(Rol.VERTROUWENSPERSOON),
        omschrijving="De naam van een vertrouwelijke melder zien",
    ),
    "signaal.identiteit.beslissen": Regel(
        Reikwijdte.TOEGEWEZEN,
        _r(Rol.VERTROUWENSPERSOON),
        omschrijving="Beslissen over het onthullen van de naam van een vertrouwelijke melder",
    ),
    "knelpunt.bekijken": Regel(
        Reikwijdte.TOEGEWEZEN,
        _r(Rol.BEHANDELAAR, Rol.BESTUUR, Rol.BELEIDSMAKER, Rol.AMBTELIJKE_TOP),
        omschrijving="Knelpunten zien: van de eigen organisatie, of doorgegeven aan het eigen "
        "ministerie als eigenaar van de regel",
    ),
    "knelpunt.beheren": Regel(
        Reikwijdte.EIGEN_ORGANISATIE,
        _r(Rol.BEHANDELAAR),
        omschrijving="Signalen bundelen tot knelpunten en die doorgeven",
    ),
    "signalen.dashboard": Regel(
        Reikwijdte.EIGEN_ORGANISATIE,
        _r(Rol.BESTUUR),
        omschrijving="Het bestuursdashboard van signalen en noodremmen zien",
    ),
    "signalen.beheren": Regel(
        Reikwijdte.EIGEN_ORGANISATIE,
        _r(Rol.BEHEERDER),
        omschrijving="Routeringsregels en de noodremtermijn van de organisatie beheren",
    ),
    "noodrem.trekken": Regel(
        Reikwijdte.ROL,
        _r(Rol.MEDEWERKER, Rol.BEHANDELAAR),
        omschrijving="Aan de noodrem trekken in de eigen organisatie",
    ),
    "noodrem.lijst": Regel(
        Reikwijdte.ROL,
        _r(Rol.MEDEWERKER, Rol.BEHANDELAAR, Rol.BESTUUR, Rol.AMBTELIJKE_TOP),
        omschrijving="De noodremmen zien waar men bij betrokken is",
    ),
    "noodrem.bekijken": Regel(
        Reikwijdte.TOEGEWEZEN,
        ALLE_ROLLEN,
        omschrijving="Een noodrem lezen en aanvullen (wie trok, en elk bereikt niveau)",
    ),
    # Dienstverlening and means (seed actions U2, M2, M4). A service names who may read it: every
    # role of its own organisation and the deciding roles of its owner ministry.
    "dienstverlening.bekijken": Regel(
        Reikwijdte.TOEGEWEZEN,
        ALLE_ROLLEN,
        omschrijving="Diensten, indicatoren, ondergrenzen, scenario's en keuzenota's lezen "
        "(eigen organisatie en eigenaar-ministerie)",
    ),
    "dienstverlening.beheren": Regel(
        Reikwijdte.EIGEN_ORGANISATIE,
        _r(Rol.BEHANDELAAR, Rol.BESTUUR, Rol.BEHEERDER),
        omschrijving="Diensten en indicatoren vastleggen en gegevens importeren (CSV)",
    ),
    "dienstverlening.ondergrens": Regel(
        Reikwijdte.EIGEN_ORGANISATIE,
        _r(Rol.BESTUUR),
        omschrijving="De ondergrens van een indicator vaststellen",
    ),
    "dienstverlening.scenario": Regel(
        Reikwijdte.EIGEN_ORGANISATIE,
        _r(Rol.BEHANDELAAR, Rol.BESTUUR),
        omschrijving="Scenario's en waardenafwegingen vastleggen",
    ),
    "dienstverlening.keuzenota": Regel(
        Reikwijdte.EIGEN_ORGANISATIE,
        _r(Rol.BESTUUR),
        omschrijving="Een keuzenota met advies opstellen",
    ),
    "arbeidsvoorwaarden.bekijken": Regel(
        Reikwijdte.PUBLIEK,
        omschrijving="Arbeidsvoorwaarden van ministeries en uitvoerders naast elkaar zien",
    ),
    "arbeidsvoorwaarden.beheren": Regel(
        Reikwijdte.EIGEN_ORGANISATIE,
        _r(Rol.BEHEERDER),
        omschrijving="De arbeidsvoorwaarden van de eigen organisatie bijwerken",
    ),
    # Afwijkingen (deviations, precedents, contests, case deliberation; seed F2, F3, F4, U3).
    # Approval needs another person than the registrant, and above the organisation's
    # threshold the bestuur: the services check that on top of this table.
    "afwijkingswijzer.gebruiken": Regel(
        Reikwijdte.ROL,
        _r(Rol.MEDEWERKER, Rol.BEHANDELAAR, Rol.BESTUUR, Rol.BELEIDSMAKER),
        omschrijving="De afwijkingswijzer raadplegen",
    ),
    "afwijking.bekijken": Regel(
        Reikwijdte.EIGEN_ORGANISATIE,
        _r(Rol.MEDEWERKER, Rol.BEHANDELAAR, Rol.BESTUUR),
        omschrijving="Afwijkingen en precedenten van de eigen organisatie bekijken",
    ),
    "afwijking.registreren": Regel(
        Reikwijdte.EIGEN_ORGANISATIE,
        _r(Rol.MEDEWERKER, Rol.BEHANDELAAR, Rol.BESTUUR),
        omschrijving="Een afwijking registreren, indienen, afronden of intrekken",
    ),
    "afwijking.beoordelen": Regel(
        Reikwijdte.EIGEN_ORGANISATIE,
        _r(Rol.BEHANDELAAR, Rol.BESTUUR),
        omschrijving="Een afwijking van een collega goedkeuren of afwijzen (vier ogen)",
    ),
    "afwijking.consistentie": Regel(
        Reikwijdte.EIGEN_ORGANISATIE,
        _r(Rol.BEHANDELAAR, Rol.BESTUUR),
        omschrijving="Het consistentierapport per regeling bekijken",
    ),
    "afwijking.instellingen": Regel(
        Reikwijdte.EIGEN_ORGANISATIE,
        _r(Rol.BESTUUR, Rol.BEHEERDER),
        omschrijving="Drempels en het delen van precedenten instellen",
    ),
    "aanvechting.indienen": Regel(
        Reikwijdte.EIGEN_ORGANISATIE,
        _r(Rol.MEDEWERKER, Rol.BEHANDELAAR, Rol.BESTUUR),
        omschrijving="Een artikel aanvechten bij het ministerie dat de regel bezit",
    ),
    "aanvechting.bekijken": Regel(
        Reikwijdte.TOEGEWEZEN,
        _r(Rol.MEDEWERKER, Rol.BEHANDELAAR, Rol.BESTUUR, Rol.BELEIDSMAKER, Rol.AMBTELIJKE_TOP),
        omschrijving="Een aanvechting bekijken (eigen organisatie en eigenaar van de regel)",
    ),
    "casusberaad.bekijken": Regel(
        Reikwijdte.EIGEN_ORGANISATIE,
        _r(Rol.MEDEWERKER, Rol.BEHANDELAAR, Rol.BESTUUR),
        omschrijving="Casusberaden en richtlijnen van de eigen organisatie bekijken",
    ),
    "casusberaad.vastleggen": Regel(
        Reikwijdte.EIGEN_ORGANISATIE,
        _r(Rol.MEDEWERKER, Rol.BEHANDELAAR, Rol.BESTUUR),
        omschrijving="Een casusberaad met richtlijn vastleggen",
    ),
    # Beleid: proposals, involvement, uitvoeringstoetsen, assignments and their return.
    "beleid.bekijken": Regel(
        Reikwijdte.ROL,
        ALLE_ROLLEN,
        omschrijving="Beleidsvoorstellen en opdrachten in de werkomgeving bekijken",
    ),
    "beleidsvoorstel.beheren": Regel(
        Reikwijdte.EIGEN_ORGANISATIE,
        _r(Rol.BELEIDSMAKER),
        omschrijving=(
            "Een beleidsvoorstel van het eigen ministerie maken en door de stappen leiden, "
            "uitleggen waarom het zonder inbreng verder gaat, opdrachten geven"
        ),
    ),
    "uitvoeringstoets.opstellen": Regel(
        Reikwijdte.EIGEN_ORGANISATIE,
        _r(Rol.BEHANDELAAR, Rol.BESTUUR, Rol.BELEIDSMAKER),
        omschrijving="De uitvoeringstoets van de eigen organisatie opstellen en publiceren",
    ),
    "opdracht.bekijken": Regel(
        Reikwijdte.TOEGEWEZEN,
        _r(Rol.BELEIDSMAKER, Rol.AMBTELIJKE_TOP, Rol.BEWINDSPERSOON, Rol.BESTUUR),
        omschrijving="Een opdracht bekijken (ministerie en uitvoerder)",
    ),
    "opdracht.beheren": Regel(
        Reikwijdte.TOEGEWEZEN,
        _r(Rol.BELEIDSMAKER),
        omschrijving="Een opdracht van het eigen ministerie wijzigen",
    ),
    "opdracht.teruggeven": Regel(
        Reikwijdte.TOEGEWEZEN,
        _r(Rol.BESTUUR),
        omschrijving="Een opdracht aan de eigen organisatie tijdelijk teruggeven",
    ),
    # Parlement: questions to executors (P2) and contact moments (P3). A question names who
    # is concerned: the asking parliament's members and clerks, the executor's handlers and
    # board. A contact moment: the clerk and each executor's board and administrator manage
    # it; members and the named participants see it.
    "kamervraag.stellen": Regel(
        Reikwijdte.EIGEN_ORGANISATIE,
        _r(Rol.KAMERLID, Rol.GRIFFIE),
        omschrijving="Een uitvoerder vragen hoe beleid in de praktijk uitpakt (kamervraag)",
    ),
    "kamervraag.lijst": Regel(
        Reikwijdte.ROL,
        _r(Rol.KAMERLID, Rol.GRIFFIE),
        omschrijving="De kamervragen van het eigen parlement zien",
    ),
    "kamervraag.ontvangen": Regel(
        Reikwijdte.ROL,
        _r(Rol.BEHANDELAAR, Rol.BESTUUR),
        omschrijving="De vragen uit de Kamer aan de eigen organisatie zien ('Vragen uit de Kamer')",
    ),
    "kamervraag.bekijken": Regel(
        Reikwijdte.TOEGEWEZEN,
        _r(Rol.KAMERLID, Rol.GRIFFIE, Rol.BEHANDELAAR, Rol.BESTUUR),
        omschrijving="Een kamervraag met het antwoord bekijken (parlement en uitvoerder)",
    ),
    "contactmoment.lijst": Regel(
        Reikwijdte.INGELOGD,
        omschrijving="De contactmomenten zien waar men bij betrokken is",
    ),
    "contactmoment.bekijken": Regel(
        Reikwijdte.TOEGEWEZEN,
        _r(Rol.KAMERLID, Rol.GRIFFIE, Rol.BESTUUR, Rol.BEHEERDER),
        omschrijving="Een contactmoment bekijken (parlement, uitvoerders, deelnemers)",
    ),
    "contactmoment.plannen": Regel(
        Reikwijdte.ROL,
        _r(Rol.GRIFFIE, Rol.BESTUUR, Rol.BEHEERDER),
        omschrijving="Een briefing, rondetafelgesprek of werkbezoek plannen",
    ),
    "contactmoment.beheren": Regel(
        Reikwijdte.TOEGEWEZEN,
        _r(Rol.GRIFFIE, Rol.BESTUUR, Rol.BEHEERDER),
        omschrijving="Een contactmoment wijzigen, afsluiten of annuleren, het verslag schrijven "
        "en publiceren (griffie, bestuur en beheerder van een uitvoerder)",
    ),
    # Parlement: the Stand van de uitvoering (seed action P3). A report names who may read it:
    # the organisation's bestuur, behandelaars and beheerders, and the owner ministry's top.
    "rapport.bekijken": Regel(
        Reikwijdte.TOEGEWEZEN,
        _r(
            Rol.BESTUUR,
            Rol.BEHANDELAAR,
            Rol.BEHEERDER,
            Rol.AMBTELIJKE_TOP,
            Rol.KAMERLID,
            Rol.GRIFFIE,
        ),
        omschrijving="De Stand van de uitvoering van de eigen organisatie (of van een uitvoerder "
        "van het eigen ministerie) aanvragen en lezen; Kamerleden en griffie elke organisatie "
        "(zie rapport.landelijk)",
    ),
    "rapport.landelijk": Regel(
        Reikwijdte.ROL,
        _r(Rol.KAMERLID, Rol.GRIFFIE),
        omschrijving="De Stand van de uitvoering van elke uitvoeringsorganisatie en het landelijk "
        "overzicht aanvragen en lezen (Kamerleden en griffie)",
    ),
    "rapport.publiceren": Regel(
        Reikwijdte.EIGEN_ORGANISATIE,
        _r(Rol.BESTUUR),
        omschrijving="De Stand van de uitvoering van de eigen organisatie openbaar maken",
    ),
}


def regel(actie: str) -> Regel:
    try:
        return POLICY[actie]
    except KeyError as exc:  # a typo must fail loudly, never silently allow or deny
        raise ImproperlyConfigured(f"Onbekende actie in het rechtenbeleid: {actie!r}") from exc


def organisatie_id_van(obj: Any) -> int | None:
    """The organisation an object belongs to, for EIGEN_ORGANISATIE checks."""
    from .models import Organisatie

    if isinstance(obj, Organisatie):
        return obj.pk
    if hasattr(obj, "policy_organisatie_id"):
        return obj.policy_organisatie_id()
    if hasattr(obj, "organisatie_id"):
        return obj.organisatie_id
    if isinstance(obj, int) and not isinstance(obj, bool):
        return obj
    raise ImproperlyConfigured(f"Kan de organisatie van {type(obj).__name__} niet bepalen.")


def organisaties_met_rol(user: Any, rollen: Iterable[str]) -> set[int]:
    if not getattr(user, "is_authenticated", False):
        return set()
    wanted = set(rollen)
    return {lid.organisatie_id for lid in user.actieve_lidmaatschappen() if lid.rol in wanted}


def allows(user: Any, actie: str, obj: Any = None) -> bool:
    r = regel(actie)
    if r.reikwijdte is Reikwijdte.PUBLIEK:
        return True
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if r.reikwijdte is Reikwijdte.INGELOGD:
        return True
    if r.reikwijdte is Reikwijdte.TOEGEWEZEN and hasattr(obj, "policy_toegewezen"):
        toewijzing: Toewijzing = obj.policy_toegewezen(actie)
        if user.pk in toewijzing.personen:
            return True
        return any(
            (lid.organisatie_id, lid.rol) in toewijzing.paren
            for lid in user.actieve_lidmaatschappen()
            if lid.rol in r.rollen
        )
    orgs = organisaties_met_rol(user, r.rollen)
    if r.reikwijdte is Reikwijdte.ROL or obj is None:
        # Without an object, EIGEN_ORGANISATIE asks "may this person do this anywhere?", which
        # list views use before filtering to the person's own organisations.
        return bool(orgs)
    return organisatie_id_van(obj) in orgs


def require(user: Any, actie: str, obj: Any = None) -> None:
    if not allows(user, actie, obj):
        raise PermissionDenied(_("U hebt geen toegang tot deze gegevens of handeling."))
