"""Read-only API of the kennisbank: principles and regulations, public, looked up by code."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response

from uitvoerbaar.kennisbank import selectors
from uitvoerbaar.kennisbank.models import Beginsel, Regeling

from .serializers import BeginselSerializer, RegelingDetailSerializer, RegelingSerializer

# Public: no login needed (a session cookie is accepted but not required). The hint says str,
# but drf-spectacular takes security requirement objects here.
PUBLIEK: Any = [{"cookieAuth": []}, {}]
ZOEK = OpenApiParameter(
    "zoek",
    str,
    description="Zoekwoorden. Elk woord moet voorkomen; hoofdletters en accenten tellen niet mee.",
)


def _code(naam: str) -> OpenApiParameter:
    return OpenApiParameter("code", str, OpenApiParameter.PATH, description=f"Code van {naam}.")


class BeginselList(generics.ListAPIView[Beginsel]):
    """Principles of good governance from the three frameworks."""

    policy_actie = "kennisbank.bekijken"
    serializer_class = BeginselSerializer

    def get_queryset(self) -> QuerySet[Beginsel]:
        params = self.request.query_params
        return selectors.beginselen(
            zoek=params.get("zoek", ""),
            kader=params.get("kader", ""),
            groep=params.get("groep", ""),
        )

    @extend_schema(
        operation_id="beginselen_lijst",
        description=(
            "Beginselen van goed bestuur uit drie kaders: de Code Goed Openbaar Bestuur, de "
            "algemene beginselen van behoorlijk bestuur en de behoorlijkheidsnormen van de "
            "Nationale ombudsman. Met uitleg in gewone taal en vragen voor een casus."
        ),
        summary="Beginselen zoeken",
        tags=["kennisbank"],
        auth=PUBLIEK,
        parameters=[
            OpenApiParameter(
                "kader",
                str,
                description="Code van het kader: cgob, abbb of ombudsman.",
            ),
            OpenApiParameter("groep", str, description="Naam van de groep binnen het kader."),
            ZOEK,
        ],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class BeginselDetail(generics.RetrieveAPIView[Beginsel]):
    policy_actie = "kennisbank.bekijken"
    serializer_class = BeginselSerializer

    def get_object(self) -> Beginsel:
        return selectors.beginsel_detail(code=self.kwargs["code"])

    @extend_schema(
        operation_id="beginsel_ophalen",
        description="Eén beginsel, met uitleg, wettelijke grondslag en vragen voor een casus.",
        summary="Eén beginsel",
        tags=["kennisbank"],
        auth=PUBLIEK,
        parameters=[_code("het beginsel")],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class RegelingList(generics.ListAPIView[Regeling]):
    """Regulations with their owner ministry and executing organisations."""

    policy_actie = "kennisbank.bekijken"
    serializer_class = RegelingSerializer

    def get_queryset(self) -> QuerySet[Regeling]:
        params = self.request.query_params
        return selectors.regelingen(
            zoek=params.get("zoek", ""),
            eigenaar=params.get("eigenaar", ""),
            uitvoerder=params.get("uitvoerder", ""),
            soort=params.get("soort", ""),
        )

    @extend_schema(
        operation_id="regelingen_lijst",
        description=(
            "Regelingen met het verantwoordelijke ministerie, de uitvoerders en de bedoeling."
        ),
        summary="Regelingen zoeken",
        tags=["kennisbank"],
        auth=PUBLIEK,
        parameters=[
            ZOEK,
            OpenApiParameter("eigenaar", str, description="Korte naam van het ministerie."),
            OpenApiParameter("uitvoerder", str, description="Korte naam van de uitvoerder."),
            OpenApiParameter(
                "soort",
                str,
                description="Soort regeling: wet, amvb, ministeriele_regeling of beleidsregel.",
            ),
        ],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class RegelingDetail(generics.RetrieveAPIView[Regeling]):
    """One regulation with its articles, rights statements and deviation grounds."""

    policy_actie = "kennisbank.bekijken"
    serializer_class = RegelingDetailSerializer

    def get_object(self) -> Regeling:
        return selectors.regeling_detail(code=self.kwargs["code"])

    @extend_schema(
        operation_id="regeling_ophalen",
        description=(
            "Eén regeling met artikelen, waar burgers wel en geen recht op hebben, en de "
            "gronden om af te wijken."
        ),
        summary="Eén regeling",
        tags=["kennisbank"],
        auth=PUBLIEK,
        parameters=[_code("de regeling")],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)
