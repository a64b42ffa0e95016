"""Open data of the public portal under /api/v1/openbaar/ (no login). Lists are paginated the
same way as every list of the API (`?page=`, with `next` and `previous`), and every record has
a stable key: a regulation's code, a life event's slug, a request's kenmerk, an organisation's
slug. Reads only, through the portal's selectors."""

from __future__ import annotations

from typing import Any, TypeVar, cast

from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, generics
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from uitvoerbaar.api.errors import PROBLEM
from uitvoerbaar.api.schema import ProbleemSerializer
from uitvoerbaar.audit.api.serializers import KetenKopSerializer
from uitvoerbaar.core.models import Organisatie
from uitvoerbaar.kennisbank.models import Levensgebeurtenis, Regeling
from uitvoerbaar.responsplicht import selectors_openbaar as register
from uitvoerbaar.responsplicht.api import schema
from uitvoerbaar.responsplicht.models import Reactieverzoek

from .. import beperking, selectors
from .serializers import (
    DatasetSerializer,
    LevensgebeurtenisSerializer,
    MonitorFilter,
    MonitorSerializer,
    RegelingRechtenSerializer,
    RegisterSerializer,
    ZoekFilter,
)

TAG = "openbaar"
M = TypeVar("M", bound=Model)
PUBLIEK: Any = [{"cookieAuth": []}, {}]
TE_VEEL = {
    (429, PROBLEM): OpenApiResponse(
        response=ProbleemSerializer,
        description="Te veel zoekvragen vanaf dit adres; probeer het na Retry-After seconden.",
    )
}


def _zoek(request: Request) -> str:
    """The checked search words, or ""; a search counts against the address's quota."""
    if "zoek" not in request.query_params:
        return ""
    if not beperking.zoeken_toegestaan(cast(HttpRequest, request)):
        raise exceptions.Throttled(
            wait=beperking.MINUUT,
            detail=_("Te veel zoekvragen vanaf uw adres. Wacht een minuut en probeer het opnieuw."),
        )
    filters = ZoekFilter(data={"zoek": request.query_params.get("zoek", "")})
    filters.is_valid(raise_exception=True)
    return str(filters.validated_data.get("zoek", ""))


class _Recordlijst(generics.ListAPIView[M]):
    """A public list whose rows are the open-data records of its page (the same records as the
    downloads under /openbaar/open-data/), serialised by `serializer_class`."""

    policy_actie = "publiek.bekijken"

    def records(self, rijen: list[M]) -> list[dict[str, Any]]:
        raise NotImplementedError

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        rijen = list(self.paginate_queryset(self.get_queryset()) or [])
        return self.get_paginated_response(self.get_serializer(self.records(rijen), many=True).data)


class DatasetList(APIView):
    """Every public dataset with its API address and downloads."""

    policy_actie = "publiek.bekijken"

    @extend_schema(
        operation_id="openbaar_datasets",
        summary="Alle openbare datasets",
        tags=[TAG],
        auth=PUBLIEK,
        responses={200: DatasetSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        return Response(DatasetSerializer(selectors.datasets(), many=True).data)


class RechtenList(_Recordlijst[Regeling]):
    serializer_class = RegelingRechtenSerializer

    def get_queryset(self) -> QuerySet[Regeling]:
        if getattr(self, "swagger_fake_view", False):
            return Regeling.objects.none()
        qs = selectors.regelingen_met_rechten()
        zoek = _zoek(self.request)
        if zoek:
            qs = qs.filter(pk__in=selectors.regelingen_gezocht(q=zoek).values("pk"))
        return qs

    def records(self, rijen: list[Regeling]) -> list[dict[str, Any]]:
        return [selectors.regeling_record(r) for r in rijen]

    @extend_schema(
        operation_id="openbaar_rechten_lijst",
        summary="Rechten per regeling (rechtenwijzer)",
        description=(
            "Per regeling wat burgers wel en niet kunnen verwachten (rechtuitspraken), de "
            "bedoeling en de link naar wetten.overheid.nl. Gesorteerd op code. Openbaar. Ook als "
            "download: /openbaar/open-data/rechten.csv en .json."
        ),
        tags=[TAG],
        auth=PUBLIEK,
        parameters=[ZoekFilter],
        responses={200: RegelingRechtenSerializer(many=True), **schema.problemen(400), **TE_VEEL},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


CODE = OpenApiParameter("code", str, OpenApiParameter.PATH, description="De code van de regeling.")


class RechtenDetail(APIView):
    policy_actie = "publiek.bekijken"

    @extend_schema(
        operation_id="openbaar_rechten_ophalen",
        summary="Rechten bij één regeling",
        tags=[TAG],
        auth=PUBLIEK,
        parameters=[CODE],
        responses={200: RegelingRechtenSerializer, **schema.problemen(404)},
    )
    def get(self, request: Request, code: str) -> Response:
        gevonden = selectors.regelingen_met_rechten(code=code).first()
        if gevonden is None:
            raise exceptions.NotFound(_("Deze regeling bestaat niet."))
        return Response(RegelingRechtenSerializer(selectors.regeling_record(gevonden)).data)


class LevensgebeurtenisList(_Recordlijst[Levensgebeurtenis]):
    serializer_class = LevensgebeurtenisSerializer

    def get_queryset(self) -> QuerySet[Levensgebeurtenis]:
        if getattr(self, "swagger_fake_view", False):
            return Levensgebeurtenis.objects.none()
        return selectors.levensgebeurtenissen_gezocht(q=_zoek(self.request))

    def records(self, rijen: list[Levensgebeurtenis]) -> list[dict[str, Any]]:
        return [selectors.levensgebeurtenis_record(g) for g in rijen]

    @extend_schema(
        operation_id="openbaar_levensgebeurtenissen_lijst",
        summary="Levensgebeurtenissen en hun regelingen",
        description=(
            "Gebeurtenissen in iemands leven (een kind krijgen, werk verliezen) met de codes "
            "van de regelingen die dan belangrijk zijn. Openbaar."
        ),
        tags=[TAG],
        auth=PUBLIEK,
        parameters=[ZoekFilter],
        responses={200: LevensgebeurtenisSerializer(many=True), **schema.problemen(400), **TE_VEEL},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class RegisterList(_Recordlijst[Reactieverzoek]):
    serializer_class = RegisterSerializer

    def get_queryset(self) -> QuerySet[Reactieverzoek]:
        if getattr(self, "swagger_fake_view", False):
            return Reactieverzoek.objects.none()
        return register.verzoeken_voor_open_data()

    def records(self, rijen: list[Reactieverzoek]) -> list[dict[str, Any]]:
        return [selectors.register_record(register.openbaar(v)) for v in rijen]

    @extend_schema(
        operation_id="openbaar_register_lijst",
        summary="Register van antwoorden en stilte",
        description=(
            "Elk openbaar reactieverzoek: kenmerk (vaste sleutel), soort, organisatie, termijn, "
            "status en de antwoorden (pas toe of leg uit) voor zover openbaar. Nooit de naam van "
            "een persoon; verzoeken die niets publiceren of onder de Woo niet openbaar zijn, "
            "staan er niet in. Op volgorde van kenmerk. Openbaar."
        ),
        tags=[TAG],
        auth=PUBLIEK,
        responses={200: RegisterSerializer(many=True)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class MonitorList(_Recordlijst[Organisatie]):
    serializer_class = MonitorSerializer

    def get_queryset(self) -> QuerySet[Organisatie]:
        if getattr(self, "swagger_fake_view", False):
            return Organisatie.objects.none()
        filters = MonitorFilter(data=self.request.query_params.dict())
        filters.is_valid(raise_exception=True)
        return selectors.monitor_organisaties(soort=filters.validated_data.get("soort", ""))

    def records(self, rijen: list[Organisatie]) -> list[dict[str, Any]]:
        return [selectors.monitor_record(rij) for rij in selectors.monitorrijen(rijen)]

    @extend_schema(
        operation_id="openbaar_monitor_lijst",
        summary="Monitor pas toe of leg uit, per organisatie",
        description=(
            "Per organisatie: op tijd en te laat beantwoord, pas toe, leg uit, nu over de termijn "
            "en gepubliceerd als onbeantwoord. Met ?soort=ministerie alleen de ministeries. "
            "Openbaar."
        ),
        tags=[TAG],
        auth=PUBLIEK,
        parameters=[MonitorFilter],
        responses={200: MonitorSerializer(many=True), **schema.problemen(400)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class Auditketen(APIView):
    """The head of the audit chain, as on the portal's home page (the audit app's selector)."""

    policy_actie = "audit.ketenkop.bekijken"

    @extend_schema(
        operation_id="openbaar_auditketen",
        summary="Kop van de auditketen",
        description="Zelfde gegevens als /api/v1/audit/ketenkop. Openbaar.",
        tags=[TAG],
        auth=PUBLIEK,
        responses=KetenKopSerializer,
    )
    def get(self, request: Request) -> Response:
        return Response(KetenKopSerializer(selectors.ketenkop()).data)
