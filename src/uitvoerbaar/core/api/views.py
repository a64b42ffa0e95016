"""Core API: the logged-in person, their organisations, and memberships for the beheerder.
Thin: reads through `core.selectors`, changes through `core.services`."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from uitvoerbaar.core import selectors, services
from uitvoerbaar.core.models import Gebruiker, Lidmaatschap, Organisatie

from .serializers import (
    IkSerializer,
    LidmaatschapSerializer,
    NieuwLidmaatschapSerializer,
    OrganisatieSerializer,
)


def _user(request: Request) -> Gebruiker:
    # PolicyPermission lets only logged-in people reach views with a non-public action.
    return request.user  # type: ignore[return-value]


class IkView(APIView):
    """The logged-in person with their active memberships and roles."""

    policy_actie = "account.eigen"

    @extend_schema(responses=IkSerializer, operation_id="ik_ophalen")
    def get(self, request: Request) -> Response:
        return Response(IkSerializer(_user(request)).data)


class OrganisatieList(generics.ListAPIView[Organisatie]):
    """Organisations in which the logged-in person holds a role."""

    policy_actie = "organisatie.bekijken"
    serializer_class = OrganisatieSerializer

    def get_queryset(self) -> QuerySet[Organisatie]:
        return (
            selectors.zichtbare_organisaties(user=_user(self.request))
            .select_related("eigenaar_ministerie")
            .prefetch_related("eenheden")
        )


class OrganisatieDetail(generics.RetrieveAPIView[Organisatie]):
    """One organisation with its units (403 outside the person's organisations)."""

    policy_actie = "organisatie.bekijken"
    serializer_class = OrganisatieSerializer
    lookup_field = "slug"
    queryset = Organisatie.objects.none()  # for the schema; get_object goes through selectors

    def get_object(self) -> Organisatie:
        return selectors.organisatie_detail(user=_user(self.request), slug=self.kwargs["slug"])


class LidmaatschapList(generics.ListCreateAPIView[Lidmaatschap]):
    """Memberships (active and ended) of an organisation the logged-in person manages, and
    giving someone a role in it (beheerder)."""

    policy_actie = "organisatie.beheren"
    serializer_class = LidmaatschapSerializer

    def _organisatie(self) -> Organisatie:
        return selectors.beheerde_organisatie(user=_user(self.request), slug=self.kwargs["slug"])

    def get_queryset(self) -> QuerySet[Lidmaatschap]:
        if getattr(self, "swagger_fake_view", False):  # schema generation: no request data
            return Lidmaatschap.objects.none()
        return selectors.lidmaatschappen_van(
            user=_user(self.request), organisatie=self._organisatie()
        )

    @extend_schema(operation_id="organisatie_lidmaatschappen_lijst")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="organisatie_lidmaatschap_toevoegen",
        request=NieuwLidmaatschapSerializer,
        responses={201: LidmaatschapSerializer},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        organisatie = self._organisatie()
        invoer = NieuwLidmaatschapSerializer(
            data=request.data, context={"organisatie": organisatie}
        )
        invoer.is_valid(raise_exception=True)
        data: dict[str, Any] = invoer.validated_data
        lid = services.add_lidmaatschap(
            door=_user(request),
            gebruiker=data["gebruiker"],
            organisatie=organisatie,
            rol=data["rol"],
            eenheid=data.get("eenheid"),
        )
        return Response(LidmaatschapSerializer(lid).data, status=status.HTTP_201_CREATED)


class LidmaatschapBeeindigen(APIView):
    """End a membership of an organisation the logged-in person manages."""

    policy_actie = "organisatie.beheren"

    @extend_schema(
        operation_id="lidmaatschap_beeindigen",
        request=None,
        responses={200: LidmaatschapSerializer, 403: OpenApiResponse(description="Geen toegang")},
    )
    def post(self, request: Request, pk: int) -> Response:
        lid = selectors.beheerd_lidmaatschap(user=_user(request), pk=pk)
        lid = services.end_lidmaatschap(door=_user(request), lidmaatschap=lid)
        return Response(LidmaatschapSerializer(lid).data)
