"""The parlement API: kamervragen (questions from parliament to executors, answered on the
response duty engine's `/reactieverzoeken/{id}/pas-toe` or `/leg-uit`), contact moments with
their state changes and report, and the open data of both. Thin: reads through
`parlement.selectors`, every change through `parlement.services`, which check the policy
again and audit."""

from __future__ import annotations

from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import Serializer
from rest_framework.views import APIView

from uitvoerbaar.beleid.models import Beleidsvoorstel
from uitvoerbaar.core import policy
from uitvoerbaar.core.models import Eenheid, Gebruiker
from uitvoerbaar.responsplicht.api import schema

from .. import selectors, services
from ..models import Contactmoment, Kamervraag
from .serializers import (
    AnnulerenInvoer,
    ContactmomentInvoer,
    ContactmomentSerializer,
    KamervraagInvoer,
    KamervraagSerializer,
    OpenbaarContactmomentSerializer,
    OpenbareKamervraagSerializer,
    VerslagInvoer,
)

TAG = "parlement"
PUBLIEK: Any = [{"cookieAuth": []}, {}]
ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="Het nummer.")


def _user(request: Request) -> Gebruiker:
    return request.user  # type: ignore[return-value]


def _commissie(pk: int | None) -> Eenheid | None:
    if pk is None:
        return None
    eenheid = Eenheid.objects.filter(pk=pk).first()
    if eenheid is None:
        raise ValidationError({"commissie": _("Deze commissie bestaat niet.")})
    return eenheid


def _deelnemers(ids: list[int]) -> list[Gebruiker]:
    gevonden = list(Gebruiker.objects.filter(pk__in=ids, is_active=True))
    if len(gevonden) != len(set(ids)):
        raise ValidationError({"deelnemers": _("Een van deze deelnemers bestaat niet.")})
    return gevonden


# --- kamervragen -------------------------------------------------------------------------------


class KamervraagList(generics.ListAPIView[Kamervraag]):
    policy_actie = "kamervraag.bekijken"
    serializer_class = KamervraagSerializer

    def get_queryset(self) -> QuerySet[Kamervraag]:
        if getattr(self, "swagger_fake_view", False):
            return Kamervraag.objects.none()
        return selectors.kamervragen(
            user=_user(self.request), status=self.request.query_params.get("status", "")
        )

    @extend_schema(
        operation_id="kamervragen_lijst",
        summary="Kamervragen",
        description=(
            "De vragen van uw parlement (Kamerleden, griffie) of aan uw organisatie "
            "(behandelaars, bestuur), nieuwste eerst. Filter met `status`."
        ),
        tags=[TAG],
        parameters=[
            OpenApiParameter("status", str, description="gesteld, beantwoord, aanvaard, …")
        ],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="kamervraag_stellen",
        summary="Kamervraag stellen",
        description=(
            "Vraag een uitvoeringsorganisatie of medeoverheid hoe beleid in de praktijk "
            "uitpakt. De vraag wordt een reactieverzoek (soort kamervraag): de behandelaars "
            "antwoorden binnen drie weken, daarna het bestuur. Vraag en antwoord worden "
            "openbaar; tekst met gegevens van burgers wordt geweigerd. Alleen Kamerleden en "
            "griffie van dat parlement."
        ),
        tags=[TAG],
        request=KamervraagInvoer,
        responses={201: KamervraagSerializer, **schema.problemen(400, 403)},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        door = _user(request)
        policy.require(door, "kamervraag.stellen")
        invoer = KamervraagInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        voorstel = None
        if d.get("beleidsvoorstel") is not None:
            voorstel = Beleidsvoorstel.objects.filter(pk=d["beleidsvoorstel"]).first()
            if voorstel is None:
                raise ValidationError({"beleidsvoorstel": _("Dit beleidsvoorstel bestaat niet.")})
        kamervraag = services.ask_kamervraag(
            door=door,
            parlement=d["parlement"],
            commissie=_commissie(d.get("commissie")),
            uitvoerder=d["uitvoerder"],
            titel=d["titel"],
            vraag=d["vraag"],
            regeling=d.get("regeling"),
            beleidsvoorstel=voorstel,
        )
        item = selectors.kamervraag_detail(user=door, pk=kamervraag.pk)
        return Response(KamervraagSerializer(item).data, status=201)


class KamervraagDetail(APIView):
    policy_actie = "kamervraag.bekijken"

    @extend_schema(
        operation_id="kamervraag_ophalen",
        summary="Eén kamervraag",
        description=(
            "De vraag met de antwoorden die op het reactieverzoek zijn gegeven. Voor het "
            "parlement dat vroeg en de uitvoerder die moet antwoorden."
        ),
        tags=[TAG],
        parameters=[ID],
        responses={200: KamervraagSerializer, **schema.problemen(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        return Response(
            KamervraagSerializer(selectors.kamervraag_detail(user=_user(request), pk=id)).data
        )


class OpenbareKamervraagList(generics.ListAPIView[Kamervraag]):
    policy_actie = "publiek.bekijken"
    serializer_class = OpenbareKamervraagSerializer

    def get_queryset(self) -> QuerySet[Kamervraag]:
        if getattr(self, "swagger_fake_view", False):
            return Kamervraag.objects.none()
        return selectors.openbare_kamervragen(
            uitvoerder=self.request.query_params.get("uitvoerder", "")[:60]
        )

    @extend_schema(
        operation_id="openbaar_kamervragen_lijst",
        summary="Beantwoorde kamervragen (open data)",
        description=(
            "Kamervragen aan uitvoerders met het laatste antwoord, en vragen waarop ook het "
            "bestuur niet op tijd antwoordde. Een open vraag staat er niet in. Vaste nummers "
            "(`id`). Openbaar."
        ),
        tags=[TAG],
        auth=PUBLIEK,
        parameters=[
            OpenApiParameter("uitvoerder", str, description="Korte naam van de uitvoerder.")
        ],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class OpenbareKamervraagDetail(APIView):
    policy_actie = "publiek.bekijken"

    @extend_schema(
        operation_id="openbaar_kamervraag_ophalen",
        summary="Eén beantwoorde kamervraag (open data)",
        tags=[TAG],
        auth=PUBLIEK,
        parameters=[ID],
        responses={200: OpenbareKamervraagSerializer, **schema.problemen(404)},
    )
    def get(self, request: Request, id: int) -> Response:
        return Response(OpenbareKamervraagSerializer(selectors.openbare_kamervraag(pk=id)).data)


# --- contactmomenten ---------------------------------------------------------------------------


def _contact_data(user: Gebruiker, pk: int) -> dict[str, Any]:
    return ContactmomentSerializer(selectors.contactmoment_detail(user=user, pk=pk)).data


class ContactmomentList(generics.ListAPIView[Contactmoment]):
    policy_actie = "contactmoment.lijst"
    serializer_class = ContactmomentSerializer

    def get_queryset(self) -> QuerySet[Contactmoment]:
        if getattr(self, "swagger_fake_view", False):
            return Contactmoment.objects.none()
        p = self.request.query_params
        return selectors.contactmomenten(
            user=_user(self.request), status=p.get("status", ""), soort=p.get("soort", "")
        )

    @extend_schema(
        operation_id="contactmomenten_lijst",
        summary="Contactmomenten",
        description=(
            "Briefings, rondetafelgesprekken en werkbezoeken waar u bij betrokken bent: van uw "
            "parlement, van uw uitvoerder (bestuur, beheerder), of als deelnemer."
        ),
        tags=[TAG],
        parameters=[
            OpenApiParameter("status", str, description="gepland, gehouden of geannuleerd"),
            OpenApiParameter("soort", str, description="briefing, rondetafelgesprek of werkbezoek"),
        ],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="contactmoment_plannen",
        summary="Contactmoment plannen",
        description=(
            "De griffie van het parlement, of het bestuur of de beheerder van een deelnemende "
            "uitvoerder, plant een briefing, rondetafelgesprek of werkbezoek."
        ),
        tags=[TAG],
        request=ContactmomentInvoer,
        responses={201: ContactmomentSerializer, **schema.problemen(400, 403)},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        door = _user(request)
        policy.require(door, "contactmoment.plannen")
        invoer = ContactmomentInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        contactmoment = services.plan_contactmoment(
            door=door,
            soort=d["soort"],
            titel=d["titel"],
            parlement=d.get("parlement"),
            commissie=_commissie(d.get("commissie")),
            uitvoerders=list(d["uitvoerders"]),
            begint_op=d["begint_op"],
            eindigt_op=d.get("eindigt_op"),
            locatie=d.get("locatie", ""),
            online=d.get("online", False),
            onderwerpen=d["onderwerpen"],
            regelingen=list(d.get("regelingen", [])),
            deelnemers=_deelnemers(d.get("deelnemers", [])),
            gasten=d.get("gasten", ""),
        )
        return Response(_contact_data(door, contactmoment.pk), status=201)


class ContactmomentDetail(APIView):
    policy_actie = "contactmoment.lijst"
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="contactmoment_ophalen",
        summary="Eén contactmoment",
        tags=[TAG],
        parameters=[ID],
        responses={200: ContactmomentSerializer, **schema.problemen(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        return Response(_contact_data(_user(request), id))

    @extend_schema(
        operation_id="contactmoment_wijzigen",
        summary="Planning wijzigen",
        description=(
            "Wijzigt een gepland contactmoment (alle velden; het parlement blijft). Griffie, "
            "bestuur of beheerder van een deelnemende uitvoerder."
        ),
        tags=[TAG],
        parameters=[ID],
        request=ContactmomentInvoer,
        responses={200: ContactmomentSerializer, **schema.problemen(400, 403, 404)},
    )
    def put(self, request: Request, id: int) -> Response:
        door = _user(request)
        item = selectors.contactmoment_detail(user=door, pk=id)
        invoer = ContactmomentInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        services.update_contactmoment(
            contactmoment=item,
            door=door,
            soort=d["soort"],
            titel=d["titel"],
            commissie=_commissie(d.get("commissie")),
            uitvoerders=list(d["uitvoerders"]),
            begint_op=d["begint_op"],
            eindigt_op=d.get("eindigt_op"),
            locatie=d.get("locatie", ""),
            online=d.get("online", False),
            onderwerpen=d["onderwerpen"],
            regelingen=list(d.get("regelingen", [])),
            deelnemers=_deelnemers(d.get("deelnemers", [])),
            gasten=d.get("gasten", ""),
        )
        return Response(_contact_data(door, id))


class _Contactmomentzet(APIView):
    """A move on one contact moment: its input (if any) validated, the service called, the
    moment answered (as responsplicht's `_Verzoekhandeling` does for requests)."""

    policy_actie = "contactmoment.beheren"
    parser_classes = [JSONParser]
    invoer: ClassVar[type[Serializer[Any]] | None] = None

    def uitvoeren(self, *, item: Contactmoment, door: Gebruiker, data: dict[str, Any]) -> None:
        raise NotImplementedError

    def _zet(self, request: Request, id: int) -> Response:
        door = _user(request)
        item = selectors.contactmoment_detail(user=door, pk=id)
        data: dict[str, Any] = {}
        if self.invoer is not None:
            invoer = self.invoer(data=request.data)
            invoer.is_valid(raise_exception=True)
            data = dict(invoer.validated_data)
        self.uitvoeren(item=item, door=door, data=data)
        return Response(_contact_data(door, id))


def _zetschema(
    operation_id: str, summary: str, description: str, invoer: type[Serializer[Any]] | None
) -> Any:
    return extend_schema(
        operation_id=operation_id,
        summary=summary,
        description=description,
        tags=[TAG],
        parameters=[ID],
        request=invoer,
        responses={200: ContactmomentSerializer, **schema.problemen(400, 403, 404)},
    )


class ContactmomentGehouden(_Contactmomentzet):
    @_zetschema(
        "contactmoment_gehouden",
        "Vastleggen als gehouden",
        "Kan pas na het begin, en alleen als het contactmoment gepland is.",
        None,
    )
    def post(self, request: Request, id: int) -> Response:
        return self._zet(request, id)

    def uitvoeren(self, *, item: Contactmoment, door: Gebruiker, data: dict[str, Any]) -> None:
        services.hold_contactmoment(contactmoment=item, door=door)


class ContactmomentAnnuleren(_Contactmomentzet):
    invoer = AnnulerenInvoer

    @_zetschema(
        "contactmoment_annuleren",
        "Annuleren",
        "Annuleert een gepland contactmoment, met de reden.",
        AnnulerenInvoer,
    )
    def post(self, request: Request, id: int) -> Response:
        return self._zet(request, id)

    def uitvoeren(self, *, item: Contactmoment, door: Gebruiker, data: dict[str, Any]) -> None:
        services.cancel_contactmoment(contactmoment=item, door=door, reden=data["reden"])


class ContactmomentVerslag(_Contactmomentzet):
    invoer = VerslagInvoer

    @_zetschema(
        "contactmoment_verslag",
        "Verslag opslaan",
        "Schrijft of herschrijft het verslag van een gehouden contactmoment, zolang het niet "
        "openbaar is. Tekst met gegevens van burgers wordt geweigerd.",
        VerslagInvoer,
    )
    def put(self, request: Request, id: int) -> Response:
        return self._zet(request, id)

    def uitvoeren(self, *, item: Contactmoment, door: Gebruiker, data: dict[str, Any]) -> None:
        services.save_verslag(contactmoment=item, door=door, verslag=data["verslag"])


class ContactmomentPubliceren(_Contactmomentzet):
    @_zetschema(
        "contactmoment_verslag_publiceren",
        "Verslag openbaar maken",
        "Maakt het verslag openbaar, met titel, datum, onderwerpen en organisaties (nooit de "
        "namen van deelnemers). Daarna kan het niet meer worden gewijzigd.",
        None,
    )
    def post(self, request: Request, id: int) -> Response:
        return self._zet(request, id)

    def uitvoeren(self, *, item: Contactmoment, door: Gebruiker, data: dict[str, Any]) -> None:
        services.publish_verslag(contactmoment=item, door=door)


class OpenbaarContactmomentList(generics.ListAPIView[Contactmoment]):
    policy_actie = "publiek.bekijken"
    serializer_class = OpenbaarContactmomentSerializer

    def get_queryset(self) -> QuerySet[Contactmoment]:
        if getattr(self, "swagger_fake_view", False):
            return Contactmoment.objects.none()
        return selectors.openbare_contactmomenten()

    @extend_schema(
        operation_id="openbaar_contactmomenten_lijst",
        summary="Openbare verslagen van contactmomenten (open data)",
        description=(
            "Gehouden contactmomenten waarvan het verslag openbaar is, nieuwste eerst. Nooit de "
            "namen van deelnemers. Openbaar."
        ),
        tags=[TAG],
        auth=PUBLIEK,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)
