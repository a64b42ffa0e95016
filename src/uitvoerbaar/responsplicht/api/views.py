"""The response duty API: requests to respond, their moves, the follow-up checks, a person's
notifications and the public kinds. Thin: reads through `responsplicht.selectors_api`, every
change through `responsplicht.services` (which check the policy and the transition table
again, and audit).

Order of the checks on a move: the request must be visible to the caller (else 404, so its
existence is not revealed), the caller must be allowed the move on it (403), the input must
have the right shape (400), and then the service decides: a rule broken (400, per field), or a
move the current state does not allow (409)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from uitvoerbaar.api.errors import Conflict
from uitvoerbaar.core import policy
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.responsplicht import selectors_api, services
from uitvoerbaar.responsplicht.models import Melding, Reactieverzoek, Soort
from uitvoerbaar.responsplicht.transitions import OngeldigeOvergang

from . import schema
from .serializers import (
    ControleInvoer,
    ControleSerializer,
    IntrekkenInvoer,
    Invoer,
    LeegInvoer,
    LegUitInvoer,
    MeldingFilter,
    MeldingSerializer,
    OnvoldoendeInvoer,
    OpenbaarheidInvoer,
    OpschortenInvoer,
    PasToeInvoer,
    ReactieverzoekDetailSerializer,
    ReactieverzoekSerializer,
    SoortSerializer,
    VerlengenInvoer,
    VerzoekFilter,
)

TAG = "responsplicht"
# Public: no login needed (a session cookie is accepted but not required). The hint says str,
# but drf-spectacular takes security requirement objects here.
PUBLIEK: Any = [{"cookieAuth": []}, {}]


def _user(request: Request) -> Gebruiker:
    # PolicyPermission lets only logged-in people reach views with a non-public action.
    return request.user  # type: ignore[return-value]


def _filters(serializer_class: type[Any], request: Request) -> dict[str, Any]:
    # A plain dict, not the QueryDict: DRF reads a missing boolean in form data as false.
    filters = serializer_class(data=request.query_params.dict())
    filters.is_valid(raise_exception=True)
    return {k: v for k, v in filters.validated_data.items() if v not in (None, "")}


# --- requests --------------------------------------------------------------------------------


class ReactieverzoekList(generics.ListAPIView[Reactieverzoek]):
    """The requests the caller may see: as requester, or responsible at a level reached."""

    policy_actie = "reactieverzoek.bekijken"
    serializer_class = ReactieverzoekSerializer

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "vandaag": timezone.localdate()}

    def get_queryset(self) -> QuerySet[Reactieverzoek]:
        if getattr(self, "swagger_fake_view", False):  # schema generation: no request data
            return Reactieverzoek.objects.none()
        return selectors_api.reactieverzoeken(
            user=_user(self.request), **_filters(VerzoekFilter, self.request)
        )

    @extend_schema(
        operation_id="reactieverzoeken_lijst",
        summary="Reactieverzoeken",
        description=(
            "De verzoeken om te reageren die u mag zien: die u (of uw rol) stelde, en die waarvoor "
            "u verantwoordelijk bent of was op een bereikt niveau van de escalatieladder. De "
            "vroegste uiterste datum eerst."
        ),
        tags=[TAG],
        parameters=[VerzoekFilter],
        responses={200: ReactieverzoekSerializer(many=True), **schema.problemen(400)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class ReactieverzoekDetail(generics.RetrieveAPIView[Reactieverzoek]):
    """One request with its levels, answers and timeline (404 for anyone not concerned)."""

    policy_actie = "reactieverzoek.bekijken"
    serializer_class = ReactieverzoekDetailSerializer
    queryset = Reactieverzoek.objects.none()  # for the schema; get_object goes through selectors

    def get_object(self) -> Reactieverzoek:
        return selectors_api.verzoek_detail(user=_user(self.request), pk=self.kwargs["id"])

    @extend_schema(
        operation_id="reactieverzoek_ophalen",
        summary="Eén reactieverzoek",
        description=(
            "Eén verzoek met de verantwoordelijken per bereikt niveau, de antwoorden (pas toe of "
            "leg uit, met de gewogen beginselen), de tijdlijn van alle stappen, en de "
            "handelingen die u nu mag doen. Wie er niet bij hoort, krijgt 404."
        ),
        tags=[TAG],
        parameters=[schema.VERZOEK_ID],
        responses={200: ReactieverzoekDetailSerializer, **schema.problemen(404)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class _Verzoekhandeling(APIView):
    """A move on one request: check, validate, call the service, answer with the detail."""

    parser_classes = [JSONParser]
    invoer: ClassVar[type[Invoer]] = LeegInvoer

    def uitvoeren(self, *, verzoek: Reactieverzoek, door: Gebruiker, data: dict[str, Any]) -> None:
        raise NotImplementedError

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        door = _user(request)
        actie: str = self.policy_actie  # type: ignore[attr-defined]
        verzoek = selectors_api.zichtbaar_verzoek(user=door, pk=kwargs["id"], ook_voor=actie)
        policy.require(door, actie, verzoek)
        invoer = self.invoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            self.uitvoeren(verzoek=verzoek, door=door, data=dict(invoer.validated_data))
        except OngeldigeOvergang as exc:
            raise Conflict(str(exc)) from exc
        detail = selectors_api.verzoek_detail(user=door, pk=verzoek.pk, ook_voor=actie)
        context = {"request": request, "vandaag": timezone.localdate()}
        return Response(ReactieverzoekDetailSerializer(detail, context=context).data)


def _beweging(
    operation_id: str, summary: str, description: str, invoer: type[Invoer] | None
) -> Any:
    return extend_schema_view(
        post=extend_schema(
            operation_id=operation_id,
            summary=summary,
            description=description,
            tags=[TAG],
            parameters=[schema.VERZOEK_ID],
            request=invoer,
            responses={
                200: ReactieverzoekDetailSerializer,
                **schema.problemen(400, 403, 404, 409),
            },
        )
    )


@_beweging(
    "reactieverzoek_pas_toe",
    "Beantwoorden met pas toe",
    "U volgt het verzoek: de concrete maatregel, wie hem uitvoert en wanneer. Op die datum "
    "volgt een controle of hij is uitgevoerd. Voor de verantwoordelijken op elk bereikt niveau.",
    PasToeInvoer,
)
class PasToe(_Verzoekhandeling):
    policy_actie = "reactieverzoek.beantwoorden"
    invoer = PasToeInvoer

    def uitvoeren(self, *, verzoek: Reactieverzoek, door: Gebruiker, data: dict[str, Any]) -> None:
        services.answer_pas_toe(
            verzoek=verzoek,
            door=door,
            maatregel=data["maatregel"],
            eigenaar=data["eigenaar"],
            datum=data["datum"],
        )


@_beweging(
    "reactieverzoek_leg_uit",
    "Beantwoorden met leg uit",
    "U volgt het verzoek niet en legt uit waarom: de redenen, ten minste één gewogen beginsel "
    "uit de kennisbank (codes, zie /beginselen) en een antwoord op elk argument van de vrager.",
    LegUitInvoer,
)
class LegUit(_Verzoekhandeling):
    policy_actie = "reactieverzoek.beantwoorden"
    invoer = LegUitInvoer

    def uitvoeren(self, *, verzoek: Reactieverzoek, door: Gebruiker, data: dict[str, Any]) -> None:
        services.answer_leg_uit(
            verzoek=verzoek,
            door=door,
            redenen=data["redenen"],
            beginselen=data["beginselen"],
            antwoorden=data["antwoorden"],
        )


@_beweging(
    "reactieverzoek_aanvaarden",
    "Antwoord aanvaarden",
    "De vrager aanvaardt het antwoord; het verzoek is daarmee afgerond.",
    None,
)
class Aanvaarden(_Verzoekhandeling):
    policy_actie = "reactieverzoek.beoordelen"

    def uitvoeren(self, *, verzoek: Reactieverzoek, door: Gebruiker, data: dict[str, Any]) -> None:
        services.accept_answer(verzoek=verzoek, door=door)


@_beweging(
    "reactieverzoek_onvoldoende",
    "Antwoord onvoldoende noemen",
    "De vrager noemt een uitleg (leg uit) onvoldoende, met redenen. Dat kan één keer; het "
    "verzoek gaat dan een niveau hoger op de escalatieladder.",
    OnvoldoendeInvoer,
)
class Onvoldoende(_Verzoekhandeling):
    policy_actie = "reactieverzoek.beoordelen"
    invoer = OnvoldoendeInvoer

    def uitvoeren(self, *, verzoek: Reactieverzoek, door: Gebruiker, data: dict[str, Any]) -> None:
        services.contest_answer(verzoek=verzoek, door=door, reden=data["reden"])


@_beweging(
    "reactieverzoek_opschorten",
    "Termijn opschorten",
    "De klok stopt, met een reden. Bij hervatten loopt de resterende termijn verder.",
    OpschortenInvoer,
)
class Opschorten(_Verzoekhandeling):
    policy_actie = "reactieverzoek.termijn"
    invoer = OpschortenInvoer

    def uitvoeren(self, *, verzoek: Reactieverzoek, door: Gebruiker, data: dict[str, Any]) -> None:
        services.suspend(verzoek=verzoek, door=door, reden=data["reden"])


@_beweging(
    "reactieverzoek_hervatten",
    "Termijn hervatten",
    "De klok loopt weer, met de termijn die nog over was.",
    None,
)
class Hervatten(_Verzoekhandeling):
    policy_actie = "reactieverzoek.termijn"

    def uitvoeren(self, *, verzoek: Reactieverzoek, door: Gebruiker, data: dict[str, Any]) -> None:
        services.resume(verzoek=verzoek, door=door)


@_beweging(
    "reactieverzoek_verlengen",
    "Termijn verlengen",
    "Eén keer, met een reden, met ten hoogste het maximum aantal dagen van de soort.",
    VerlengenInvoer,
)
class Verlengen(_Verzoekhandeling):
    policy_actie = "reactieverzoek.termijn"
    invoer = VerlengenInvoer

    def uitvoeren(self, *, verzoek: Reactieverzoek, door: Gebruiker, data: dict[str, Any]) -> None:
        services.extend(verzoek=verzoek, door=door, dagen=data["dagen"], reden=data["reden"])


@_beweging(
    "reactieverzoek_intrekken",
    "Verzoek intrekken",
    "De vrager trekt een verzoek in dat nog niet is beantwoord, met een reden.",
    IntrekkenInvoer,
)
class Intrekken(_Verzoekhandeling):
    policy_actie = "reactieverzoek.beoordelen"
    invoer = IntrekkenInvoer

    def uitvoeren(self, *, verzoek: Reactieverzoek, door: Gebruiker, data: dict[str, Any]) -> None:
        services.withdraw(verzoek=verzoek, door=door, reden=data["reden"])


@_beweging(
    "reactieverzoek_openbaarheid_weigeren",
    "Openbaarmaking weigeren",
    "Het bestuur of de ambtelijke top van de ontvangende organisatie houdt het verzoek uit het "
    "openbare register, op een grond uit art. 5.1 of 5.2 Wet open overheid, met toelichting.",
    OpenbaarheidInvoer,
)
class OpenbaarheidWeigeren(_Verzoekhandeling):
    policy_actie = "reactieverzoek.openbaarheid"
    invoer = OpenbaarheidInvoer

    def uitvoeren(self, *, verzoek: Reactieverzoek, door: Gebruiker, data: dict[str, Any]) -> None:
        services.withhold_publication(
            verzoek=verzoek, door=door, grond=data["grond"], toelichting=data["toelichting"]
        )


# --- follow-up checks ------------------------------------------------------------------------


class ControleVaststellen(APIView):
    """Record whether a promised measure (pas toe) was carried out, from its date on."""

    policy_actie = "reactieverzoek.controleren"
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="controle_vaststellen",
        summary="Controle vaststellen",
        description=(
            "Vaststellen of een toegezegde maatregel is uitgevoerd, vanaf de toegezegde datum. "
            "Niet uitgevoerd vraagt om een toelichting."
        ),
        tags=[TAG],
        parameters=[
            OpenApiParameter(
                "id", int, OpenApiParameter.PATH, description="Het nummer van de controle."
            )
        ],
        request=ControleInvoer,
        responses={200: ControleSerializer, **schema.problemen(400, 403, 404)},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        door = _user(request)
        controle, verzoek = selectors_api.zichtbare_controle(user=door, pk=kwargs["id"])
        policy.require(door, self.policy_actie, verzoek)
        invoer = ControleInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        controle = services.record_controle(
            controle=controle,
            door=door,
            uitgevoerd=invoer.validated_data["uitgevoerd"],
            toelichting=invoer.validated_data["toelichting"],
        )
        return Response(ControleSerializer(controle).data)


# --- notifications ---------------------------------------------------------------------------


class MeldingList(generics.ListAPIView[Melding]):
    """The caller's own notifications, newest first."""

    policy_actie = "meldingen.eigen"
    serializer_class = MeldingSerializer

    def get_queryset(self) -> QuerySet[Melding]:
        if getattr(self, "swagger_fake_view", False):
            return Melding.objects.none()
        return selectors_api.eigen_meldingen(
            user=_user(self.request), **_filters(MeldingFilter, self.request)
        )

    @extend_schema(
        operation_id="meldingen_lijst",
        summary="Mijn meldingen",
        description="Uw eigen meldingen over reactieverzoeken, de nieuwste eerst.",
        tags=[TAG],
        parameters=[MeldingFilter],
        responses={200: MeldingSerializer(many=True), **schema.problemen(400)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class MeldingGelezen(APIView):
    """Mark one of the caller's own notifications as read."""

    policy_actie = "meldingen.eigen"
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="melding_gelezen",
        summary="Melding gelezen",
        description="Markeer een eigen melding als gelezen. Nog eens markeren verandert niets.",
        tags=[TAG],
        parameters=[
            OpenApiParameter(
                "id", int, OpenApiParameter.PATH, description="Het nummer van de melding."
            )
        ],
        request=None,
        responses={200: MeldingSerializer, **schema.problemen(400, 404)},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        door = _user(request)
        LeegInvoer(data=request.data).is_valid(raise_exception=True)
        melding = selectors_api.eigen_melding(user=door, pk=kwargs["id"])
        melding = services.mark_melding_gelezen(melding=melding, door=door)
        return Response(MeldingSerializer(melding).data)


# --- kinds (public) --------------------------------------------------------------------------


class SoortList(generics.ListAPIView[Soort]):
    """The kinds of request with their term and escalation ladder: the rules of the duty."""

    policy_actie = "publiek.bekijken"
    serializer_class = SoortSerializer

    def get_queryset(self) -> QuerySet[Soort]:
        return selectors_api.soorten()

    @extend_schema(
        operation_id="soorten_lijst",
        summary="Soorten reactieverzoek",
        description=(
            "Elke soort verzoek om te reageren met zijn termijn, herinneringen, maximale "
            "verlenging, escalatieladder en wat er openbaar wordt. Niveau 0 is de ontvanger die "
            "in elk verzoek staat; `niveaus` zijn de treden daarboven. Openbaar."
        ),
        tags=[TAG],
        auth=PUBLIEK,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)
