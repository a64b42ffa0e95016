"""The beleid API: proposals with their steps, involvement and flagged promises, the
published uitvoeringstoetsen (public), assignments with the teruggave as an action, and the
involvement gate's two moves. Thin: reads through `beleid.selectors`, every change through
`beleid.services`, which check the policy again and audit."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from uitvoerbaar.core import policy
from uitvoerbaar.core.models import Eenheid, Gebruiker, Organisatie
from uitvoerbaar.responsplicht.api import schema

from .. import selectors, services
from ..constants import Stapstatus
from ..models import Beleidsvoorstel, Opdracht, Uitvoeringstoets
from .serializers import (
    BeleidsvoorstelDetailSerializer,
    BeleidsvoorstelSerializer,
    BelofteInvoer,
    OpdrachtInvoer,
    OpdrachtSerializer,
    TeruggaveInvoer,
    ToetsFilter,
    ToetsInvoer,
    UitlegInvoer,
    UitvoeringstoetsSerializer,
    VoorstelInvoer,
)

TAG = "beleid"
PUBLIEK: Any = [{"cookieAuth": []}, {}]
ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="Het nummer.")


def _user(request: Request) -> Gebruiker:
    return request.user  # type: ignore[return-value]


class BeleidsvoorstelList(generics.ListAPIView[Beleidsvoorstel]):
    policy_actie = "publiek.bekijken"
    serializer_class = BeleidsvoorstelSerializer

    def get_queryset(self) -> QuerySet[Beleidsvoorstel]:
        return selectors.voorstellen()

    @extend_schema(
        operation_id="beleidsvoorstellen_lijst",
        summary="Beleidsvoorstellen",
        description=(
            "Alle beleidsvoorstellen, nieuwste eerst, met het aantal beloften dat een uitvoerder "
            "niet waar te maken noemt. Openbaar."
        ),
        tags=[TAG],
        auth=PUBLIEK,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="beleidsvoorstel_maken",
        summary="Beleidsvoorstel maken",
        description=(
            "Een beleidsvoorstel van uw ministerie, met de betrokken uitvoerders en "
            "medeoverheden en de besluitstappen (standaard acht). De eerste stap begint meteen. "
            "Alleen beleidsmakers van dat ministerie."
        ),
        tags=[TAG],
        request=VoorstelInvoer,
        responses={201: BeleidsvoorstelDetailSerializer, **schema.problemen(400, 403)},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        door = _user(request)
        # Reading is public; making a proposal is for policy officers (the service checks
        # the ministry itself).
        policy.require(door, "beleidsvoorstel.beheren")
        invoer = VoorstelInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        stappen = None
        if d.get("stappen"):
            stappen = [
                (str(s.get("naam") or ""), s.get("sleutelstap") is True) for s in d["stappen"]
            ]
        voorstel = services.create_voorstel(
            door=door,
            ministerie=d["ministerie"],
            titel=d["titel"],
            samenvatting=d["samenvatting"],
            betrokken=list(d["betrokken"]),
            beleidsteam=_eenheid(d.get("beleidsteam")),
            regelingen=list(d.get("regelingen", [])),
            beoogde_invoering=d.get("beoogde_invoering"),
            stappen=stappen,
        )
        return Response(_voorstel_data(selectors.voorstel_detail(pk=voorstel.pk)), status=201)


def _eenheid(pk: int | None) -> Eenheid | None:
    if pk is None:
        return None
    eenheid = Eenheid.objects.filter(pk=pk).first()
    if eenheid is None:
        raise ValidationError({"beleidsteam": _("Dit beleidsteam bestaat niet.")})
    return eenheid


def _voorstel_data(voorstel: Beleidsvoorstel) -> dict[str, Any]:
    geannoteerd = selectors.voorstellen().get(pk=voorstel.pk)
    geannoteerd._prefetched_objects_cache = voorstel._prefetched_objects_cache  # type: ignore[attr-defined]
    context = {
        "beloften": selectors.beloften_met_vlag(voorstel=voorstel),
        "toetsen": list(selectors.gepubliceerde_toetsen(voorstel=voorstel)),
    }
    return BeleidsvoorstelDetailSerializer(geannoteerd, context=context).data


class BeleidsvoorstelDetail(APIView):
    policy_actie = "publiek.bekijken"

    @extend_schema(
        operation_id="beleidsvoorstel_ophalen",
        summary="Eén beleidsvoorstel",
        description=(
            "Een voorstel met zijn besluitstappen, wie bij elke belangrijke stap inbreng gaf of "
            "waarom het ministerie zonder verder ging, de beloften aan burgers met de bevindingen "
            "van de uitvoerders, en de nummers van de gepubliceerde uitvoeringstoetsen. Openbaar."
        ),
        tags=[TAG],
        auth=PUBLIEK,
        parameters=[ID],
        responses={200: BeleidsvoorstelDetailSerializer, **schema.problemen(404)},
    )
    def get(self, request: Request, id: int) -> Response:
        return Response(_voorstel_data(selectors.voorstel_detail(pk=id)))


class VolgendeStap(APIView):
    policy_actie = "beleidsvoorstel.beheren"
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="beleidsvoorstel_volgende_stap",
        summary="De huidige stap afronden",
        description=(
            "Rondt de huidige stap af en begint de volgende. Een belangrijke stap gaat pas "
            "verder als elke betrokkene inbreng gaf (een antwoord op het verzoek om inbreng), of "
            "als het ministerie openbaar uitlegde waarom het zonder verder gaat; anders 400. "
            "Alleen beleidsmakers van het eigen ministerie."
        ),
        tags=[TAG],
        parameters=[ID],
        request=None,
        responses={200: BeleidsvoorstelDetailSerializer, **schema.problemen(400, 403, 404)},
    )
    def post(self, request: Request, id: int) -> Response:
        voorstel = selectors.voorstel_detail(pk=id)
        services.advance_stap(voorstel=voorstel, door=_user(request))
        return Response(_voorstel_data(selectors.voorstel_detail(pk=id)))


class ZonderInbreng(APIView):
    policy_actie = "beleidsvoorstel.beheren"
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="beleidsvoorstel_zonder_inbreng",
        summary="Verder zonder inbreng, met uitleg",
        description=(
            "Het ministerie legt openbaar uit waarom het bij de huidige stap zonder de inbreng "
            "van deze organisatie verder gaat. Alleen beleidsmakers van het eigen ministerie."
        ),
        tags=[TAG],
        parameters=[ID],
        request=UitlegInvoer,
        responses={200: BeleidsvoorstelDetailSerializer, **schema.problemen(400, 403, 404)},
    )
    def post(self, request: Request, id: int) -> Response:
        voorstel = selectors.voorstel_detail(pk=id)
        policy.require(_user(request), "beleidsvoorstel.beheren", voorstel)
        invoer = UitlegInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        stap = voorstel.stappen.filter(status=Stapstatus.ACTIEF).first()
        betrokkenheid = (
            stap.betrokkenen.filter(organisatie__slug=invoer.validated_data["organisatie"]).first()
            if stap
            else None
        )
        if betrokkenheid is None:
            raise Http404(_("Deze organisatie is bij de huidige stap niet om inbreng gevraagd."))
        services.explain_zonder_inbreng(
            betrokkenheid=betrokkenheid, door=_user(request), uitleg=invoer.validated_data["uitleg"]
        )
        return Response(_voorstel_data(selectors.voorstel_detail(pk=id)))


class Beloften(APIView):
    policy_actie = "beleidsvoorstel.beheren"
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="beleidsvoorstel_belofte_toevoegen",
        summary="Belofte aan burgers toevoegen",
        description=(
            "Wat burgers onder dit voorstel wel of niet krijgen, in gewone taal (B1). De "
            "uitvoerders zeggen in hun toets of elke belofte waar te maken is. Alleen "
            "beleidsmakers van het eigen ministerie."
        ),
        tags=[TAG],
        parameters=[ID],
        request=BelofteInvoer,
        responses={201: BeleidsvoorstelDetailSerializer, **schema.problemen(400, 403, 404)},
    )
    def post(self, request: Request, id: int) -> Response:
        voorstel = selectors.voorstel_detail(pk=id)
        invoer = BelofteInvoer(data=request.data)
        policy.require(_user(request), "beleidsvoorstel.beheren", voorstel)
        invoer.is_valid(raise_exception=True)
        services.add_belofte(
            voorstel=voorstel,
            door=_user(request),
            soort=invoer.validated_data["soort"],
            tekst=invoer.validated_data["tekst"],
        )
        return Response(_voorstel_data(selectors.voorstel_detail(pk=id)), status=201)


class UitvoeringstoetsList(generics.ListAPIView[Uitvoeringstoets]):
    policy_actie = "publiek.bekijken"
    serializer_class = UitvoeringstoetsSerializer

    def get_queryset(self) -> QuerySet[Uitvoeringstoets]:
        if getattr(self, "swagger_fake_view", False):
            return Uitvoeringstoets.objects.none()
        # A plain dict: the query string, checked with a Dutch message per parameter.
        filters = ToetsFilter(data=self.request.query_params.dict())
        filters.is_valid(raise_exception=True)
        d = filters.validated_data
        qs = selectors.gepubliceerde_toetsen()
        if d.get("oordeel"):
            qs = qs.filter(oordeel=d["oordeel"])
        if d.get("uitvoerder"):
            qs = qs.filter(organisatie__slug=d["uitvoerder"])
        if d.get("voorstel"):
            qs = qs.filter(voorstel_id=d["voorstel"])
        return qs

    @extend_schema(
        operation_id="uitvoeringstoetsen_lijst",
        summary="Gepubliceerde uitvoeringstoetsen",
        description=(
            "Alle gepubliceerde uitvoeringstoetsen, ook de negatieve, met hun voorwaarden en het "
            "antwoord van het ministerie (pas toe of leg uit) en de bevindingen over beloften. "
            "Openbaar. Ook als open data: /openbaar/beleid/uitvoeringstoetsen.json en .csv."
        ),
        tags=[TAG],
        auth=PUBLIEK,
        parameters=[ToetsFilter],
        responses={200: UitvoeringstoetsSerializer(many=True), **schema.problemen(400)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class UitvoeringstoetsDetail(APIView):
    policy_actie = "publiek.bekijken"

    @extend_schema(
        operation_id="uitvoeringstoets_ophalen",
        summary="Eén gepubliceerde uitvoeringstoets",
        tags=[TAG],
        auth=PUBLIEK,
        parameters=[ID],
        responses={200: UitvoeringstoetsSerializer, **schema.problemen(404)},
    )
    def get(self, request: Request, id: int) -> Response:
        return Response(UitvoeringstoetsSerializer(selectors.gepubliceerde_toets(pk=id)).data)


ORG = OpenApiParameter(
    "organisatie", str, OpenApiParameter.PATH, description="De korte naam van de uitvoerder."
)


def _toets_context(request: Request, id: int, organisatie: str) -> tuple[Any, Organisatie]:
    door = _user(request)
    org = Organisatie.objects.filter(slug=organisatie).first()
    if org is None:
        raise Http404(_("Deze organisatie bestaat niet."))
    policy.require(door, "uitvoeringstoets.opstellen", org)
    return selectors.voorstel_detail(pk=id), org


class ToetsOpslaan(APIView):
    policy_actie = "uitvoeringstoets.opstellen"
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="uitvoeringstoets_opslaan",
        summary="Concept-uitvoeringstoets opslaan",
        description=(
            "Schrijft of herschrijft het concept van de uitvoeringstoets van uw organisatie op "
            "een voorstel waar zij bij betrokken is: de beoordeling, het oordeel, de voorwaarden "
            "en per belofte of die waar te maken is. Een gepubliceerde toets verandert niet "
            "(400). Alleen behandelaars, bestuur of beleidsmakers van die organisatie."
        ),
        tags=[TAG],
        parameters=[ID, ORG],
        request=ToetsInvoer,
        responses={200: UitvoeringstoetsSerializer, **schema.problemen(400, 403, 404)},
    )
    def put(self, request: Request, id: int, organisatie: str) -> Response:
        voorstel, org = _toets_context(request, id, organisatie)
        invoer = ToetsInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = dict(invoer.validated_data)
        voorwaarden = d.pop("voorwaarden")
        bevindingen = {
            b["belofte"]: (b["haalbaarheid"], b.get("toelichting", ""))
            for b in d.pop("bevindingen")
        }
        perspectieven = d.pop("perspectieven", None)
        toets = services.save_toets(
            voorstel=voorstel,
            organisatie=org,
            door=_user(request),
            velden=d,
            voorwaarden=voorwaarden,
            bevindingen=bevindingen,
            perspectieven=dict(perspectieven) if perspectieven is not None else None,
        )
        return Response(
            UitvoeringstoetsSerializer(
                selectors.toets_van(voorstel=voorstel, organisatie=org) or toets
            ).data
        )


class ToetsPubliceren(APIView):
    policy_actie = "uitvoeringstoets.opstellen"
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="uitvoeringstoets_publiceren",
        summary="Uitvoeringstoets publiceren",
        description=(
            "Publiceert het concept, ook als het oordeel negatief is. Elke voorwaarde wordt een "
            "verzoek aan het ministerie om te antwoorden met pas toe of leg uit. Wat ontbreekt, "
            "staat per veld in de fout (400)."
        ),
        tags=[TAG],
        parameters=[ID, ORG],
        request=None,
        responses={200: UitvoeringstoetsSerializer, **schema.problemen(400, 403, 404)},
    )
    def post(self, request: Request, id: int, organisatie: str) -> Response:
        voorstel, org = _toets_context(request, id, organisatie)
        toets = selectors.toets_van(voorstel=voorstel, organisatie=org)
        if toets is None:
            raise Http404(_("Er is nog geen concept-uitvoeringstoets om te publiceren."))
        services.publish_toets(toets=toets, door=_user(request))
        return Response(UitvoeringstoetsSerializer(selectors.gepubliceerde_toets(pk=toets.pk)).data)


class OpdrachtList(generics.ListAPIView[Opdracht]):
    policy_actie = "beleid.bekijken"
    serializer_class = OpdrachtSerializer

    def get_queryset(self) -> QuerySet[Opdracht]:
        if getattr(self, "swagger_fake_view", False):
            return Opdracht.objects.none()
        return selectors.opdrachten(user=_user(self.request))

    @extend_schema(
        operation_id="opdrachten_lijst",
        summary="Opdrachten",
        description="De opdrachten van of aan de organisaties waar u lid van bent.",
        tags=[TAG],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="opdracht_geven",
        summary="Opdracht geven",
        description=(
            "Een opdracht van uw ministerie aan een uitvoeringsorganisatie of medeoverheid: "
            "wat, op welke wettelijke grondslag, wanneer klaar, met welk budget. Alleen "
            "beleidsmakers van dat ministerie."
        ),
        tags=[TAG],
        request=OpdrachtInvoer,
        responses={201: OpdrachtSerializer, **schema.problemen(400, 403)},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        door = _user(request)
        policy.require(door, "beleidsvoorstel.beheren")
        invoer = OpdrachtInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = dict(invoer.validated_data)
        voorstel = None
        if d.get("voorstel") is not None:
            voorstel = Beleidsvoorstel.objects.filter(pk=d["voorstel"]).first()
            if voorstel is None:
                raise ValidationError({"voorstel": _("Dit beleidsvoorstel bestaat niet.")})
        opdracht = services.create_opdracht(
            door=door,
            ministerie=d["ministerie"],
            uitvoerder=d["uitvoerder"],
            titel=d["titel"],
            omschrijving=d["omschrijving"],
            wettelijke_grondslag=d["wettelijke_grondslag"],
            deadline=d["deadline"],
            budget=d.get("budget"),
            beleidsteam=_eenheid(d.get("beleidsteam")),
            voorstel=voorstel,
        )
        return Response(
            OpdrachtSerializer(selectors.opdracht_detail(user=door, pk=opdracht.pk)).data,
            status=201,
        )


class OpdrachtDetail(APIView):
    policy_actie = "opdracht.bekijken"

    @extend_schema(
        operation_id="opdracht_ophalen",
        summary="Eén opdracht",
        description="Een opdracht met haar teruggaven. Wie er niet bij hoort, krijgt 404.",
        tags=[TAG],
        parameters=[ID],
        responses={200: OpdrachtSerializer, **schema.problemen(404)},
    )
    def get(self, request: Request, id: int) -> Response:
        return Response(
            OpdrachtSerializer(selectors.opdracht_detail(user=_user(request), pk=id)).data
        )


class Afronden(APIView):
    policy_actie = "opdracht.beheren"
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="opdracht_afronden",
        summary="Opdracht afronden",
        description=(
            "Het ministerie rondt een lopende opdracht af. Een teruggegeven (opgeschorte) "
            "opdracht kan dat pas na het antwoord (400)."
        ),
        tags=[TAG],
        parameters=[ID],
        request=None,
        responses={200: OpdrachtSerializer, **schema.problemen(400, 403, 404)},
    )
    def post(self, request: Request, id: int) -> Response:
        door = _user(request)
        opdracht = selectors.opdracht_detail(user=door, pk=id)
        services.complete_opdracht(opdracht=opdracht, door=door)
        return Response(OpdrachtSerializer(selectors.opdracht_detail(user=door, pk=id)).data)


class Teruggeven(APIView):
    policy_actie = "opdracht.teruggeven"
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="opdracht_teruggeven",
        summary="Opdracht tijdelijk teruggeven",
        description=(
            "Het bestuur van de uitvoerder geeft de opdracht tijdelijk terug, met een reden en "
            "een toelichting, en bij strijd met goed bestuur de beginselen (codes uit de "
            "kennisbank). De opdracht wordt opgeschort; de ambtelijke top van het ministerie "
            "moet binnen vier weken antwoorden met pas toe (de opdracht verandert) of leg uit "
            "(de opdracht blijft)."
        ),
        tags=[TAG],
        parameters=[ID],
        request=TeruggaveInvoer,
        responses={201: OpdrachtSerializer, **schema.problemen(400, 403, 404)},
    )
    def post(self, request: Request, id: int) -> Response:
        door = _user(request)
        opdracht = selectors.opdracht_detail(user=door, pk=id)
        policy.require(door, "opdracht.teruggeven", opdracht)
        invoer = TeruggaveInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        services.return_opdracht(
            opdracht=opdracht,
            door=door,
            reden=d["reden"],
            toelichting=d["toelichting"],
            beginselen=d.get("beginselen", []),
        )
        return Response(
            OpdrachtSerializer(selectors.opdracht_detail(user=door, pk=id)).data, status=201
        )
