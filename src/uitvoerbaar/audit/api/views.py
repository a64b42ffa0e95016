from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from uitvoerbaar.audit import selectors

from .serializers import KetenKopSerializer


class KetenKopView(APIView):
    """The head of the audit chain: number of events and hash of the newest one. Public, so
    anyone can note it and compare later: a rewritten history changes it."""

    policy_actie = "audit.ketenkop.bekijken"

    @extend_schema(
        responses=KetenKopSerializer,
        operation_id="auditketenkop_ophalen",
        summary="Kop van de auditketen",
        tags=["audit"],
        # Public: no login needed (the session cookie is accepted but not required). The hint
        # says str, but drf-spectacular takes security requirement objects here.
        auth=[{"cookieAuth": []}, {}],  # type: ignore[list-item]
    )
    def get(self, request: Request) -> Response:
        return Response(KetenKopSerializer(selectors.ketenkop()).data)
