"""The deviation API: deviations with their moves and precedents, the precedent lookup,
aanvechtingen and casusberaden. Thin: reads through `afwijkingen.selectors`, every change
through `afwijkingen.services` (which check the policy, four eyes and the equal-treatment
alert again, and audit).

Order of the checks on a move: the deviation must be visible to the caller (else 404), the
caller must be allowed the move (403), the input must have the right shape (400), then the
service decides: a rule broken (400, per field) or a move the state does not allow (409)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from uitvoerbaar.api.errors import Conflict
from uitvoerbaar.core import policy
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.kennisbank.models import Afwijkingsgrond, Artikel, Beginsel, Regeling
from uitvoerbaar.kennisbank.zoeken import schoon
from uitvoerbaar.responsplicht.api import schema
from uitvoerbaar.signalen import selectors as signalen_selectors
from uitvoerbaar.signalen.models import Signaal

from .. import gelijkenis, precedenten, selectors, services
from ..constants import AanvechtingBron, AfwijkingStatus
from ..models import Aanvechting, Afwijking, Casusberaad
from ..transitions import OngeldigeOvergang
from .serializers import (
    AanvechtingInvoer,
    AanvechtingSerializer,
    AfrondenInvoer,
    AfwijkingInvoer,
    AfwijkingSerializer,
    BeoordelenInvoer,
    CasusberaadInvoer,
    CasusberaadSerializer,
    IndienenInvoer,
    LeegInvoer,
    PerspectievenInvoer,
    PrecedentSerializer,
    PrecedentZoekInvoer,
    WijzigInvoer,
)

TAG = "afwijkingen"
ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="Het nummer (id).")


def _user(request: Request) -> Gebruiker:
    return request.user  # type: ignore[return-value]


def _organisatie(slug: str) -> Organisatie:
    gevonden = Organisatie.objects.filter(slug=slug[:60]).first()
    if gevonden is None:
        raise ValidationError({"organisatie": _("Deze organisatie bestaat niet.")})
    return gevonden


def _artikel(regeling: str, nummer: str) -> Artikel:
    if not Regeling.objects.filter(code=regeling[:100]).exists():
        raise ValidationError({"regeling": _("Deze regeling bestaat niet in de kennisbank.")})
    gevonden = (
        Artikel.objects.select_related("regeling")
        .filter(regeling__code=regeling[:100], nummer=nummer[:30])
        .first()
    )
    if gevonden is None:
        raise ValidationError({"artikel": _("Dit artikel bestaat niet in deze regeling.")})
    return gevonden


def _grond(artikel: Artikel, sleutel: str) -> Afwijkingsgrond | None:
    if not sleutel:
        return None
    gevonden = Afwijkingsgrond.objects.filter(
        regeling_id=artikel.regeling_id, sleutel=sleutel[:60]
    ).first()
    if gevonden is None:
        raise ValidationError({"grond": _("Deze grondslag bestaat niet bij deze regeling.")})
    return gevonden


def _beginselen(codes: Sequence[str]) -> list[Beginsel]:
    gevonden = list(Beginsel.objects.filter(code__in=list(codes)))
    onbekend = sorted(set(codes) - {b.code for b in gevonden})
    if onbekend:
        raise ValidationError(
            {
                "beginselen": _("Deze beginselen kent de kennisbank niet: %(codes)s.")
                % {"codes": ", ".join(onbekend)}
            }
        )
    return gevonden


# --- deviations ----------------------------------------------------------------------------------


class AfwijkingList(generics.ListCreateAPIView[Afwijking]):
    """The deviations of the caller's own organisations; POST registers a concept."""

    policy_actie = "afwijking.bekijken"  # registering needs the same roles (checked again)
    serializer_class = AfwijkingSerializer
    parser_classes = [JSONParser]

    def get_queryset(self) -> QuerySet[Afwijking]:
        if getattr(self, "swagger_fake_view", False):
            return Afwijking.objects.none()
        status_ = self.request.query_params.get("status", "")
        if status_ and status_ not in AfwijkingStatus.values:
            raise ValidationError({"status": _("Onbekende status.")})
        return (
            selectors.afwijkingen(
                user=_user(self.request),
                status=status_,
                regeling=schoon(self.request.query_params.get("regeling", ""), maximum=100),
            )
            .prefetch_related("beginselen")
            .select_related("perspectieven")
        )

    @extend_schema(
        operation_id="afwijkingen_lijst",
        summary="Afwijkingen van uw organisaties",
        tags=[TAG],
        parameters=[
            OpenApiParameter("status", str, enum=AfwijkingStatus.values, required=False),
            OpenApiParameter("regeling", str, description="Code van de regeling.", required=False),
        ],
        responses={200: AfwijkingSerializer(many=True), **schema.problemen(400)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="afwijking_registreren",
        summary="Een afwijking registreren (concept)",
        description=(
            "Een afwijking in één geval: artikel, wettelijke grondslag, bedoeling, de casus "
            "zonder namen of nummers, gestructureerde kenmerken, wat u in plaats van de regel "
            "deed, de motivering en de vier perspectieven. Zonder grondslag of motivering, of "
            "met een persoonsnummer in de tekst, wordt zij geweigerd."
        ),
        tags=[TAG],
        request=AfwijkingInvoer,
        responses={201: AfwijkingSerializer, **schema.problemen(400, 403)},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        invoer = AfwijkingInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        artikel = _artikel(d["regeling"], d["artikel"])
        afwijking = services.register_afwijking(
            door=_user(request),
            organisatie=_organisatie(d["organisatie"]),
            artikel=artikel,
            grond=_grond(artikel, d["grond"]),
            bedoeling=d["bedoeling"],
            casus=d["casus"],
            alternatief=d["alternatief"],
            motivering=d["motivering"],
            huishouden=d["huishouden"],
            inkomensband=d["inkomensband"],
            knelpunt=d["knelpunt"],
            bedrag=d["bedrag"],
            beginselen=_beginselen(d.get("beginselen", [])),
            perspectieven=d.get("perspectieven"),
        )
        detail = selectors.afwijking_detail(user=_user(request), pk=afwijking.pk)
        return Response(AfwijkingSerializer(detail).data, status=status.HTTP_201_CREATED)


class AfwijkingDetail(generics.RetrieveAPIView[Afwijking]):
    policy_actie = "afwijking.bekijken"
    serializer_class = AfwijkingSerializer
    queryset = Afwijking.objects.none()

    def get_object(self) -> Afwijking:
        return selectors.afwijking_detail(user=_user(self.request), pk=self.kwargs["id"])

    @extend_schema(
        operation_id="afwijking_ophalen",
        summary="Eén afwijking",
        tags=[TAG],
        parameters=[ID],
        responses={200: AfwijkingSerializer, **schema.problemen(404)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class AfwijkingPrecedenten(APIView):
    policy_actie = "afwijking.bekijken"

    @extend_schema(
        operation_id="afwijking_precedenten",
        summary="Vergelijkbare eerdere gevallen van een afwijking",
        description=(
            "De vijf meest vergelijkbare beslissingen op hetzelfde artikel, met hun beslissing. "
            "Gevallen van andere organisaties die hun precedenten delen, zijn geanonimiseerd."
        ),
        tags=[TAG],
        parameters=[ID],
        responses={200: PrecedentSerializer(many=True), **schema.problemen(404)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        afwijking = selectors.afwijking_detail(user=_user(request), pk=kwargs["id"])
        gevonden = selectors.precedenten_voor(afwijking)
        return Response(PrecedentSerializer(gevonden, many=True).data)


class _Handeling(APIView):
    parser_classes = [JSONParser]
    invoer: ClassVar[type[Any]] = LeegInvoer

    def uitvoeren(self, *, afwijking: Afwijking, door: Gebruiker, data: dict[str, Any]) -> None:
        raise NotImplementedError

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        door = _user(request)
        afwijking = selectors.afwijking_detail(user=door, pk=kwargs["id"])
        policy.require(door, self.policy_actie, afwijking)  # type: ignore[attr-defined]
        invoer = self.invoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            self.uitvoeren(afwijking=afwijking, door=door, data=dict(invoer.validated_data))
        except OngeldigeOvergang as exc:
            raise Conflict(str(exc)) from exc
        detail = selectors.afwijking_detail(user=door, pk=afwijking.pk)
        return Response(AfwijkingSerializer(detail).data)


def _beweging(operation_id: str, summary: str, description: str, invoer: type[Any]) -> Any:
    return extend_schema(
        operation_id=operation_id,
        summary=summary,
        description=description,
        tags=[TAG],
        parameters=[ID],
        request=invoer,
        responses={200: AfwijkingSerializer, **schema.problemen(400, 403, 404, 409)},
    )


class Indienen(_Handeling):
    policy_actie = "afwijking.registreren"
    invoer = IndienenInvoer

    @_beweging(
        "afwijking_indienen",
        "Ter beoordeling indienen",
        "Alle vier perspectieven moeten beoordeeld zijn. Kreeg een vergelijkbaar geval van uw "
        "organisatie een andere beslissing, dan is `verschil_motivering` nodig.",
        IndienenInvoer,
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().post(request, *args, **kwargs)

    def uitvoeren(self, *, afwijking: Afwijking, door: Gebruiker, data: dict[str, Any]) -> None:
        services.submit_afwijking(
            afwijking=afwijking, door=door, verschil_motivering=data["verschil_motivering"]
        )


class Goedkeuren(_Handeling):
    policy_actie = "afwijking.beoordelen"
    invoer = BeoordelenInvoer

    @_beweging(
        "afwijking_goedkeuren",
        "Goedkeuren (vier ogen)",
        "Door een collega met de rol behandelaar of bestuur, nooit door wie de afwijking "
        "registreerde; boven de drempel van de organisatie alleen door het bestuur.",
        BeoordelenInvoer,
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().post(request, *args, **kwargs)

    def uitvoeren(self, *, afwijking: Afwijking, door: Gebruiker, data: dict[str, Any]) -> None:
        services.approve_afwijking(afwijking=afwijking, door=door, **data)


class Afwijzen(_Handeling):
    policy_actie = "afwijking.beoordelen"
    invoer = BeoordelenInvoer

    @_beweging(
        "afwijking_afwijzen",
        "Afwijzen (vier ogen)",
        "Met een toelichting. Werd een vergelijkbaar geval goedgekeurd, dan is "
        "`verschil_motivering` nodig.",
        BeoordelenInvoer,
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().post(request, *args, **kwargs)

    def uitvoeren(self, *, afwijking: Afwijking, door: Gebruiker, data: dict[str, Any]) -> None:
        services.reject_afwijking(afwijking=afwijking, door=door, **data)


class Afronden(_Handeling):
    policy_actie = "afwijking.registreren"
    invoer = AfrondenInvoer

    @_beweging(
        "afwijking_afronden",
        "Uitkomst vastleggen",
        "Na goedkeuring: uitkomst en vervolg.",
        AfrondenInvoer,
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().post(request, *args, **kwargs)

    def uitvoeren(self, *, afwijking: Afwijking, door: Gebruiker, data: dict[str, Any]) -> None:
        services.close_afwijking(afwijking=afwijking, door=door, **data)


class Wijzigen(_Handeling):
    policy_actie = "afwijking.registreren"
    invoer = WijzigInvoer

    @_beweging(
        "afwijking_wijzigen",
        "Een concept wijzigen",
        "De inhoud van een concept, met dezelfde regels als bij registreren. Na indienen kan "
        "dit niet meer (409).",
        WijzigInvoer,
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().post(request, *args, **kwargs)

    def uitvoeren(self, *, afwijking: Afwijking, door: Gebruiker, data: dict[str, Any]) -> None:
        services.update_afwijking(
            afwijking=afwijking,
            door=door,
            grond=_grond(afwijking.artikel, data.pop("grond")),
            beginselen=_beginselen(data.pop("beginselen", [])),
            **data,
        )


class Perspectieven(_Handeling):
    policy_actie = "afwijking.registreren"
    invoer = PerspectievenInvoer

    @_beweging(
        "afwijking_perspectieven",
        "De vier perspectieven vastleggen",
        "Zolang er niet is beslist. Velden die u weglaat, blijven zoals ze waren. Zorgen en "
        "ernstige zorgen vragen een toelichting.",
        PerspectievenInvoer,
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().post(request, *args, **kwargs)

    def uitvoeren(self, *, afwijking: Afwijking, door: Gebruiker, data: dict[str, Any]) -> None:
        services.save_afwijking_perspectieven(afwijking=afwijking, door=door, data=data)


class Intrekken(_Handeling):
    policy_actie = "afwijking.registreren"
    invoer = LeegInvoer

    @_beweging("afwijking_intrekken", "Intrekken", "Zolang er niet is beslist.", LeegInvoer)
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().post(request, *args, **kwargs)

    def uitvoeren(self, *, afwijking: Afwijking, door: Gebruiker, data: dict[str, Any]) -> None:
        services.withdraw_afwijking(afwijking=afwijking, door=door)


# --- the precedent lookup ------------------------------------------------------------------------


class PrecedentZoeken(APIView):
    """Look up precedents for a case before registering it."""

    policy_actie = "afwijking.bekijken"

    @extend_schema(
        operation_id="precedenten_zoeken",
        summary="Precedenten zoeken",
        description=(
            "Voor een artikel en de kenmerken van een geval: de vijf meest vergelijkbare "
            "beslissingen van uw organisaties (en geanonimiseerd van organisaties die delen)."
        ),
        tags=[TAG],
        parameters=[PrecedentZoekInvoer],
        responses={200: PrecedentSerializer(many=True), **schema.problemen(400, 403)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        invoer = PrecedentZoekInvoer(data=request.query_params.dict())
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        artikel = _artikel(d["regeling"], d["artikel"])
        eigen = selectors.organisatie_ids(_user(request), "afwijking.bekijken")
        if d.get("organisatie"):
            organisatie = _organisatie(d["organisatie"])
            policy.require(_user(request), "afwijking.bekijken", organisatie)
            eigen = [organisatie.pk]
        tekst = d.get("tekst", "")
        grond = _grond(artikel, d.get("grond", ""))
        casus = gelijkenis.Casus(
            huishouden=d.get("huishouden", ""),
            inkomensband=d.get("inkomensband", ""),
            knelpunt=d.get("knelpunt", ""),
            bedrag=Decimal(d["bedrag"]) if d.get("bedrag") is not None else None,
            grond_id=grond.pk if grond else None,
            tokens=gelijkenis.trigrammen(gelijkenis.tokens([tekst])),
        )
        gevonden = precedenten.zoek(casus=casus, artikel_id=artikel.pk, organisatie_ids=eigen)
        return Response(PrecedentSerializer(gevonden, many=True).data)


# --- aanvechtingen -------------------------------------------------------------------------------


class AanvechtingList(generics.ListCreateAPIView[Aanvechting]):
    """Contests of the caller's organisations, and against the rules their ministry owns."""

    policy_actie = "aanvechting.bekijken"  # submitting is checked again: aanvechting.indienen
    serializer_class = AanvechtingSerializer
    parser_classes = [JSONParser]

    def get_queryset(self) -> QuerySet[Aanvechting]:
        if getattr(self, "swagger_fake_view", False):
            return Aanvechting.objects.none()
        return selectors.aanvechtingen(user=_user(self.request)).prefetch_related(
            "afwijkingen", "beginselen", "signalen"
        )

    @extend_schema(
        operation_id="aanvechtingen_lijst",
        summary="Aanvechtingen",
        tags=[TAG],
        responses={200: AanvechtingSerializer(many=True)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="aanvechting_indienen",
        summary="Een artikel aanvechten",
        description=(
            "Opent een reactieverzoek (soort aanvechting: zes weken, dan de ambtelijke top, "
            "dan openbaar) bij het beleidsteam van het ministerie dat de regel bezit. Het "
            "antwoord is pas toe (de regel verandert: wat en wanneer) of leg uit. Afwijkingen en "
            "signalen van de eigen organisatie op het artikel kunnen worden aangehaald."
        ),
        tags=[TAG],
        request=AanvechtingInvoer,
        responses={201: AanvechtingSerializer, **schema.problemen(400, 403)},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        invoer = AanvechtingInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        user = _user(request)
        organisatie = _organisatie(d["organisatie"])
        artikel = _artikel(d["regeling"], d["artikel"])
        afwijkingen = list(selectors.afwijkingen(user=user).filter(pk__in=d["afwijkingen"]))
        if len(afwijkingen) != len(set(d["afwijkingen"])):
            raise ValidationError({"afwijkingen": _("Niet alle afwijkingen zijn van u bekend.")})
        signalen = list(
            Signaal.objects.filter(
                signalen_selectors.leesbaar(user) | Q(melder=user), pk__in=d["signalen"]
            )
        )
        if len(signalen) != len(set(d["signalen"])):
            raise ValidationError({"signalen": _("Niet alle signalen zijn van u bekend.")})
        aanvechting = services.submit_aanvechting(
            door=user,
            organisatie=organisatie,
            artikel=artikel,
            titel=d["titel"],
            toelichting=d["toelichting"],
            argumenten=d["argumenten"],
            afwijkingen=afwijkingen,
            signalen=signalen,
            beginselen=_beginselen(d.get("beginselen", [])),
            bron=AanvechtingBron.STRUCTUREEL if d["structureel"] else AanvechtingBron.PROFESSIONAL,
        )
        detail = selectors.aanvechting_detail(user=user, pk=aanvechting.pk)
        return Response(AanvechtingSerializer(detail).data, status=status.HTTP_201_CREATED)


class AanvechtingDetail(generics.RetrieveAPIView[Aanvechting]):
    policy_actie = "aanvechting.bekijken"
    serializer_class = AanvechtingSerializer
    queryset = Aanvechting.objects.none()

    def get_object(self) -> Aanvechting:
        return selectors.aanvechting_detail(user=_user(self.request), pk=self.kwargs["id"])

    @extend_schema(
        operation_id="aanvechting_ophalen",
        summary="Eén aanvechting",
        description="Het antwoord staat bij het reactieverzoek (/reactieverzoeken/{id}).",
        tags=[TAG],
        parameters=[ID],
        responses={200: AanvechtingSerializer, **schema.problemen(404)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


# --- casusberaden --------------------------------------------------------------------------------


class CasusberaadList(generics.ListCreateAPIView[Casusberaad]):
    policy_actie = "casusberaad.bekijken"  # recording needs the same roles (checked again)
    serializer_class = CasusberaadSerializer
    parser_classes = [JSONParser]

    def get_queryset(self) -> QuerySet[Casusberaad]:
        if getattr(self, "swagger_fake_view", False):
            return Casusberaad.objects.none()
        zoek = schoon(self.request.query_params.get("zoek", ""))
        if self.request.query_params.get("richtlijnen") in ("1", "true"):
            qs = selectors.richtlijnen(user=_user(self.request), zoek=zoek)
        else:
            qs = selectors.casusberaden(user=_user(self.request), zoek=zoek)
        return qs.prefetch_related("beginselen").select_related("perspectieven")

    @extend_schema(
        operation_id="casusberaden_lijst",
        summary="Casusberaden en richtlijnen",
        tags=[TAG],
        parameters=[
            OpenApiParameter("zoek", str, required=False, description="Zoekwoorden."),
            OpenApiParameter(
                "richtlijnen", bool, required=False, description="Alleen met richtlijn."
            ),
        ],
        responses={200: CasusberaadSerializer(many=True)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="casusberaad_vastleggen",
        summary="Een casusberaad vastleggen",
        tags=[TAG],
        request=CasusberaadInvoer,
        responses={201: CasusberaadSerializer, **schema.problemen(400, 403)},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        invoer = CasusberaadInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        regeling = Regeling.objects.filter(code=d["regeling"][:100]).first()
        if regeling is None:
            raise ValidationError({"regeling": _("Deze regeling bestaat niet in de kennisbank.")})
        artikel = _artikel(regeling.code, d["artikel"]) if d["artikel"] else None
        beraad = services.record_casusberaad(
            door=_user(request),
            organisatie=_organisatie(d["organisatie"]),
            regeling=regeling,
            artikel=artikel,
            datum=d["datum"],
            vraag=d["vraag"],
            conclusie=d["conclusie"],
            richtlijn=d["richtlijn"],
            deelnemers=d["deelnemers"],
            beginselen=_beginselen(d.get("beginselen", [])),
            perspectieven=d.get("perspectieven"),
        )
        detail = selectors.casusberaad_detail(user=_user(request), pk=beraad.pk)
        return Response(CasusberaadSerializer(detail).data, status=status.HTTP_201_CREATED)


class CasusberaadDetail(generics.RetrieveAPIView[Casusberaad]):
    policy_actie = "casusberaad.bekijken"
    serializer_class = CasusberaadSerializer
    queryset = Casusberaad.objects.none()

    def get_object(self) -> Casusberaad:
        return selectors.casusberaad_detail(user=_user(self.request), pk=self.kwargs["id"])

    @extend_schema(
        operation_id="casusberaad_ophalen",
        summary="Eén casusberaad",
        tags=[TAG],
        parameters=[ID],
        responses={200: CasusberaadSerializer, **schema.problemen(404)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)
