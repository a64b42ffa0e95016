"""The Stand van de uitvoering API (/api/v1/rapporten, seed action P3). Asking for a report
answers 202 with its id and status: it is made in the background; its progress is read with
GET, and the PDF or HTML once it is ready (409 before). A report the caller may not read is a
404. Reads through the selectors, the request through the service."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpResponse
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.responsplicht.api import schema
from uitvoerbaar.responsplicht.api.views import Conflict

from .. import rapport_selectors as selectors
from .. import rapport_services as services
from ..rapport_views import pdf_antwoord
from .rapport_serializers import RapportInvoer, RapportSerializer

TAG = "rapporten"
RAPPORT_ID = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description="Nummer van het rapport."
)


def _user(request: Request) -> Gebruiker:
    return request.user  # type: ignore[return-value]


class Rapporten(APIView):
    policy_actie = "rapport.bekijken"
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="rapporten_lijst",
        summary="Standen van de uitvoering die u mag lezen",
        description="Nieuwste eerst (hoogstens 100), met status en voortgang.",
        tags=[TAG],
        responses={200: RapportSerializer(many=True), **schema.problemen(403)},
    )
    def get(self, request: Request) -> Response:
        lijst = selectors.rapporten(user=_user(request))[:100]
        return Response(RapportSerializer(lijst, many=True).data)

    @extend_schema(
        operation_id="rapport_aanvragen",
        summary="Een Stand van de uitvoering aanvragen",
        description="Voor één uitvoeringsorganisatie, of (zonder organisatie) het landelijk "
        "overzicht; een periode van hoogstens een jaar. Het rapport wordt op de achtergrond "
        "gemaakt: het antwoord (202) geeft het nummer en de status; volg de voortgang met GET.",
        tags=[TAG],
        request=RapportInvoer,
        responses={202: RapportSerializer, **schema.problemen(400, 403)},
    )
    def post(self, request: Request) -> Response:
        invoer = RapportInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        data = invoer.validated_data
        organisatie = None
        if data.get("organisatie"):
            organisatie = (
                selectors.uitvoeringsorganisaties().filter(slug=data["organisatie"]).first()
            )
            if organisatie is None:
                raise exceptions.ValidationError(
                    {"organisatie": ["Deze uitvoeringsorganisatie bestaat niet."]}
                )
        try:
            rapport = services.request_rapport(
                door=_user(request), organisatie=organisatie, van=data["van"], tot=data["tot"]
            )
        except DjangoValidationError as exc:
            raise exceptions.ValidationError(exc.message_dict) from exc
        return Response(RapportSerializer(rapport).data, status=status.HTTP_202_ACCEPTED)


class RapportDetail(APIView):
    policy_actie = "rapport.bekijken"

    @extend_schema(
        operation_id="rapport_status",
        summary="Status en voortgang van een rapport",
        tags=[TAG],
        parameters=[RAPPORT_ID],
        responses={200: RapportSerializer, **schema.problemen(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        return Response(
            RapportSerializer(selectors.rapport_detail(user=_user(request), pk=id)).data
        )


def _klaar(request: Request, id: int) -> object:
    rapport = selectors.rapport_detail(user=_user(request), pk=id, met_inhoud=True)
    if not rapport.klaar:
        raise Conflict("Dit rapport is nog niet klaar.")
    return rapport


class RapportPdf(APIView):
    policy_actie = "rapport.bekijken"

    @extend_schema(
        operation_id="rapport_pdf",
        summary="Het rapport als PDF",
        tags=[TAG],
        parameters=[RAPPORT_ID],
        responses={
            (200, "application/pdf"): OpenApiResponse(description="De PDF."),
            **schema.problemen(403, 404, 409),
        },
    )
    def get(self, request: Request, id: int) -> HttpResponse:
        return pdf_antwoord(_klaar(request, id))  # type: ignore[arg-type]


class RapportHtml(APIView):
    policy_actie = "rapport.bekijken"

    @extend_schema(
        operation_id="rapport_html",
        summary="Het rapport als HTML-fragment",
        description="De inhoud van het rapport zoals bij het maken vastgelegd (een momentopname).",
        tags=[TAG],
        parameters=[RAPPORT_ID],
        responses={
            (200, "text/html"): OpenApiResponse(description="Het HTML-fragment."),
            **schema.problemen(403, 404, 409),
        },
    )
    def get(self, request: Request, id: int) -> HttpResponse:
        rapport = _klaar(request, id)
        return HttpResponse(rapport.html, content_type="text/html; charset=utf-8")  # type: ignore[attr-defined]
