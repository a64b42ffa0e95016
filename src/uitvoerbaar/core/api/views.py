from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from uitvoerbaar.core import selectors
from uitvoerbaar.core.models import Organisatie

from .serializers import IkSerializer, OrganisatieSerializer


class IkView(APIView):
    """The logged-in person with their memberships and roles."""

    policy_actie = "account.eigen"

    @extend_schema(responses=IkSerializer, operation_id="ik_ophalen")
    def get(self, request: Request) -> Response:
        return Response(IkSerializer(request.user).data)


class OrganisatieList(generics.ListAPIView[Organisatie]):
    """Organisations in which the logged-in person holds a role."""

    policy_actie = "organisatie.bekijken"
    serializer_class = OrganisatieSerializer

    def get_queryset(self) -> QuerySet[Organisatie]:
        return selectors.zichtbare_organisaties(user=self.request.user).prefetch_related(  # type: ignore[arg-type]
            "eenheden"
        ).select_related("eigenaar_ministerie")


class OrganisatieDetail(generics.RetrieveAPIView[Organisatie]):
    policy_actie = "organisatie.bekijken"
    serializer_class = OrganisatieSerializer
    lookup_field = "slug"

    def get_object(self) -> Any:
        return selectors.organisatie_detail(user=self.request.user, slug=self.kwargs["slug"])  # type: ignore[arg-type]
