"""The signalen API: intake through three channels, the reporter's follow-up (own account or
receipt code), handling, similar signals, the noodrem and knelpunten (issue 4, seed actions
F1, U4, U5). Thin: reads through `signalen.selectors`, every change through `signalen.services`
(which check the policy and the transition table again, and audit).

Order of the checks on a move: the signal must be visible to the caller (else 404, so its
existence is not revealed), the caller must be allowed the move (403), the input must have the
right shape (400), and then the service decides: a rule broken (400, per field), or a move the
current state does not allow (409). A refusal changes nothing.

A wrong receipt code gets 404 with one fixed message that says nothing about why; wrong codes
are counted per client address (`signalen.beperking`), and past the limit nothing is looked up
(429) until the window has passed."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.http import FileResponse, Http404
from django.http.response import HttpResponseBase
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
    extend_schema_view,
)
from rest_framework import exceptions, generics, status
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from uitvoerbaar.api.errors import Conflict
from uitvoerbaar.core import policy
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.kennisbank.models import PERSPECTIEF_VELDEN
from uitvoerbaar.responsplicht.api.serializers import Invoer, LeegInvoer

from .. import beperking, selectors, services
from ..constants import Kanaal
from ..models import Knelpunt, Noodrem, Onthulling, Signaal
from ..transitions import OngeldigeOvergang
from . import schema
from .schema import PUBLIEK, TAG
from .serializers import (
    AanvullingInvoer,
    AfsluitenInvoer,
    AnoniemSignaalSerializer,
    BerichtInvoer,
    EigenSignaalKortSerializer,
    EigenSignaalSerializer,
    HeropenenInvoer,
    IdentiteitSerializer,
    InBehandelingInvoer,
    KnelpuntSerializer,
    NoodremAanvullingInvoer,
    NoodremDetailSerializer,
    NoodremInvoer,
    NoodremSerializer,
    OnthullingBesluitInvoer,
    OnthullingInvoer,
    OnthullingSerializer,
    OntvangenAnoniemSerializer,
    OntvangstcodeAanvullingInvoer,
    OntvangstcodeInvoer,
    SignaalDetailSerializer,
    SignaalFilter,
    SignaalInvoer,
    SignaalSerializer,
)

NOODREM_TAG = "noodremmen"
FORMULIER = [JSONParser, MultiPartParser]


class TeVeelPogingen(exceptions.APIException):
    """Too many wrong receipt codes from this address; `wait` becomes Retry-After."""

    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_detail = beperking.MELDING_TE_VEEL
    default_code = "te_veel_pogingen"

    def __init__(self) -> None:
        super().__init__()
        self.wait = settings.SIGNALEN_BON_VENSTER


class TeVeelMeldingen(exceptions.APIException):
    """Too many anonymous intakes from this address within the hour."""

    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_detail = beperking.MELDING_TE_VEEL_MELDINGEN
    default_code = "te_veel_meldingen"

    def __init__(self) -> None:
        super().__init__()
        self.wait = beperking.UUR


def _user(request: Request) -> Gebruiker:
    # PolicyPermission lets only logged-in people reach views with a non-public action.
    return request.user  # type: ignore[return-value]


def _ingelogd(request: Request) -> Gebruiker | None:
    return request.user if request.user.is_authenticated else None


def _filters(serializer_class: type[Any], request: Request) -> dict[str, Any]:
    filters = serializer_class(data=request.query_params.dict())
    filters.is_valid(raise_exception=True)
    return {k: v for k, v in filters.validated_data.items() if v not in (None, "")}


def _valideer(invoer_class: type[Invoer], request: Request) -> dict[str, Any]:
    invoer = invoer_class(data=request.data)
    invoer.is_valid(raise_exception=True)
    return dict(invoer.validated_data)


def _geen_cache(response: Response) -> Response:
    # A receipt code or what it opens must not stay in a browser's or proxy's cache.
    response["Cache-Control"] = "no-store"
    return response


class _PerMethode:
    """A view whose methods need different policy actions. `policy_actie` on the class is the
    one the route coverage lists; `policy_acties` says which one each method checks."""

    policy_actie: ClassVar[str]
    policy_acties: ClassVar[dict[str, str]] = {}

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        methode = "GET" if request.method == "HEAD" else str(request.method)
        self.policy_actie = self.policy_acties.get(methode, type(self).policy_actie)  # type: ignore[misc]
        super().initial(request, *args, **kwargs)  # type: ignore[misc]


# --- intake and the handlers' list -----------------------------------------------------------


def _perspectieffouten(exc: DjangoValidationError) -> exceptions.ValidationError:
    """The service's messages, with the four perspectives' fields under `perspectieven`."""
    fouten = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
    return exceptions.ValidationError(
        {(f"perspectieven.{k}" if k in PERSPECTIEF_VELDEN else k): v for k, v in fouten.items()}
    )


class SignaalList(_PerMethode, generics.ListAPIView[Signaal]):
    """GET: the signals the caller handles or reads. POST: a new signal (also anonymous)."""

    policy_actie = "signaal.lijst"
    policy_acties: ClassVar[dict[str, str]] = {
        "GET": "signaal.lijst",
        # Public: the anonymous channel needs no login; named and confidential intake check
        # `signaal.melden` in the service.
        "POST": "signaal.anoniem_melden",
    }
    serializer_class = SignaalSerializer
    parser_classes = FORMULIER

    def get_queryset(self) -> QuerySet[Signaal]:
        if getattr(self, "swagger_fake_view", False):
            return Signaal.objects.none()
        qs = selectors.signalen(user=_user(self.request), **_filters(SignaalFilter, self.request))
        return qs.select_related("melder")

    @extend_schema(
        operation_id="signalen_lijst",
        summary="Signalen",
        description=(
            "De signalen die u behandelt of mag lezen (behandelaars, het bestuur, de "
            "vertrouwenspersoon), de nieuwste eerst. Bij een vertrouwelijk of anoniem signaal "
            "staat nooit wie het meldde."
        ),
        tags=[TAG],
        parameters=[SignaalFilter],
        responses={200: SignaalSerializer(many=True), **schema.problemen(400, 403)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="signaal_melden",
        summary="Signaal melden",
        description=(
            "Meld een signaal. `kanaal: anoniem` kan zonder inloggen: het antwoord bevat één "
            "keer de ontvangstcode, waarmee u het signaal volgt (POST /signalen/ontvangstcode). "
            "`benoemd` en `vertrouwelijk` vragen om inloggen, bij een organisatie waar u werkt; "
            "bij vertrouwelijk kent alleen de vertrouwenspersoon uw naam. Tekst met "
            "persoonsgegevens van een burger wordt geweigerd, tenzij u bevestigt dat ze nodig "
            "zijn. Bijlagen alleen met multipart/form-data. De ontvangstbevestiging (7 dagen, "
            "Wet bescherming klokkenluiders) start meteen."
        ),
        tags=[TAG],
        auth=PUBLIEK,
        request={"application/json": SignaalInvoer, "multipart/form-data": SignaalInvoer},
        responses={
            201: OpenApiResponse(
                response=PolymorphicProxySerializer(
                    component_name="GemeldSignaal",
                    serializers=[OntvangenAnoniemSerializer, EigenSignaalSerializer],
                    resource_type_field_name=None,
                ),
                description=(
                    "Ontvangen. Anoniem: het signaal zoals u het met de ontvangstcode ziet, met "
                    "de code; met naam of vertrouwelijk: uw eigen signaal."
                ),
            ),
            **schema.problemen(400, 403),
        },
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        d = _valideer(SignaalInvoer, request)
        user = _ingelogd(request)
        anoniem = d["kanaal"] == Kanaal.ANONIEM
        if user is None and not anoniem:
            raise exceptions.NotAuthenticated(_("Log in om met naam of vertrouwelijk te melden."))
        if anoniem and not beperking.anoniem_melden_toegestaan(request):
            raise TeVeelMeldingen()
        over: Signaal | None = None
        if d["over_signaal"] is not None:
            if user is not None:
                over = selectors.mijn_signalen(user=user).filter(pk=d["over_signaal"]).first()
            if over is None:
                raise exceptions.ValidationError(
                    {"over_signaal": _("U hebt geen signaal met dit nummer gemeld.")}
                )
        try:
            melding = services.submit_signaal(
                door=None if anoniem else user,
                kanaal=d["kanaal"],
                organisatie=d["organisatie"],
                titel=d["titel"],
                tekst=d["tekst"],
                voorstel=d["voorstel"],
                urgentie=d["urgentie"],
                eenheid=d["eenheid"],
                regeling=d["regeling"],
                artikel=d["artikel"],
                beginselen=list(d["beginselen"]),
                perspectieven=d["perspectieven"] or None,
                bijlagen=d["bijlagen"],
                persoonsgegevens_bevestigd=d["persoonsgegevens_bevestigd"],
                soort=d["soort"],
                over_signaal=over,
            )
        except DjangoValidationError as exc:
            raise _perspectieffouten(exc) from exc
        context = self.get_serializer_context()
        # The answer is built from what intake stored, not read back (five queries fewer).
        signaal = selectors.zojuist_gemeld(
            melding.signaal, beginselen=d["beginselen"], bijlagen=melding.bijlagen
        )
        if melding.ontvangstcode is not None:
            data = OntvangenAnoniemSerializer(
                signaal, context={**context, "ontvangstcode": melding.ontvangstcode}
            ).data
            return _geen_cache(Response(data, status=status.HTTP_201_CREATED))
        assert user is not None
        data = EigenSignaalSerializer(signaal, context=context).data
        return Response(
            data,
            status=status.HTTP_201_CREATED,
            headers={"Location": data["url"]},
        )


class SignaalDetail(APIView):
    """One signal for those concerned (404 for anyone else)."""

    policy_actie = "signaal.bekijken"

    @extend_schema(
        operation_id="signaal_ophalen",
        summary="Eén signaal",
        description=(
            "Eén signaal met de tekst, de beginselen en perspectieven, de bijlagen, de dialoog, "
            "de termijnen van de Wet bescherming klokkenluiders en de handelingen die u nu mag "
            "doen. Voor de behandelaars, het bestuur en (bij vertrouwelijk) de "
            "vertrouwenspersoon; wie er niet bij hoort, krijgt 404. Een vertrouwelijk signaal "
            "noemt de melder nooit."
        ),
        tags=[TAG],
        parameters=[schema.SIGNAAL_ID],
        responses={200: SignaalDetailSerializer, **schema.problemen(403, 404)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        user = _user(request)
        signaal = selectors.signaal_detail(user=user, pk=kwargs["id"])
        # Time from signal to the board's first reading (seed action U4) counts here too.
        services.mark_gelezen_door_bestuur(signaal=signaal, door=user)
        return Response(SignaalDetailSerializer(signaal, context={"request": request}).data)


class GelijkendeSignalen(APIView):
    """Signals like this one, to group them into a knelpunt."""

    policy_actie = "signaal.bekijken"

    @extend_schema(
        operation_id="signaal_gelijkend",
        summary="Gelijkende signalen",
        description=(
            "Hoogstens vijf signalen van dezelfde organisatie die op dit signaal lijken "
            "(titel en tekst), voor zover u ze mag lezen; het meest gelijkende eerst."
        ),
        tags=[TAG],
        parameters=[schema.SIGNAAL_ID],
        responses={200: SignaalSerializer(many=True), **schema.problemen(403, 404)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        user = _user(request)
        signaal = selectors.signaal_detail(user=user, pk=kwargs["id"])
        gevonden = selectors.gelijkende_signalen(
            user=user,
            organisatie_id=signaal.organisatie_id,
            titel=signaal.titel,
            tekst=signaal.tekst,
            zonder=signaal.pk,
        )
        # Only what the caller may read in full: the selector also lets named signals of the
        # organisation through, for the reporter's hint at intake.
        leesbaar = [s for s in gevonden if policy.allows(user, "signaal.bekijken", s)]
        return Response(SignaalSerializer(leesbaar, many=True, context={"request": request}).data)


class SignaalBijlage(APIView):
    """One attachment of a signal, as a download, for those who may read the signal."""

    policy_actie = "signaal.bekijken"

    @extend_schema(
        operation_id="signaal_bijlage_downloaden",
        summary="Bijlage downloaden",
        description=(
            "Het bestand van een bijlage, als download. Voor wie het signaal mag lezen; anderen "
            "krijgen 404."
        ),
        tags=[TAG],
        parameters=[
            schema.SIGNAAL_ID,
            OpenApiParameter(
                "bijlage", int, OpenApiParameter.PATH, description="Het nummer van de bijlage."
            ),
        ],
        responses={
            (200, "application/octet-stream"): OpenApiResponse(
                response=OpenApiTypes.BINARY,
                description="Het bestand, met het soort uit de lijst van toegestane bijlagen.",
            ),
            **schema.problemen(403, 404),
        },
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponseBase:
        signaal = selectors.signaal_detail(user=_user(request), pk=kwargs["id"])
        bijlage = signaal.bijlagen.filter(pk=kwargs["bijlage"]).first()
        if bijlage is None:
            raise Http404
        antwoord = FileResponse(
            bijlage.bestand.open("rb"),
            as_attachment=True,
            filename=bijlage.naam,
            content_type=bijlage.soort,
        )
        antwoord["X-Content-Type-Options"] = "nosniff"
        return antwoord


# --- handling --------------------------------------------------------------------------------


class _Signaalhandeling(APIView):
    """A handler's move on one signal: check, validate, call the service, answer with the
    signal as the handler sees it."""

    policy_actie = "signaal.behandelen"
    parser_classes = [JSONParser]
    invoer: ClassVar[type[Invoer]] = LeegInvoer
    antwoordstatus: ClassVar[int] = status.HTTP_200_OK

    def uitvoeren(self, *, signaal: Signaal, door: Gebruiker, data: dict[str, Any]) -> None:
        raise NotImplementedError

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        door = _user(request)
        signaal = selectors.signaal_detail(user=door, pk=kwargs["id"])
        policy.require(door, self.policy_actie, signaal)
        data = _valideer(self.invoer, request)
        try:
            self.uitvoeren(signaal=signaal, door=door, data=data)
        except OngeldigeOvergang as exc:
            raise Conflict(str(exc)) from exc
        detail = selectors.signaal_detail(user=door, pk=signaal.pk)
        return Response(
            SignaalDetailSerializer(detail, context={"request": request}).data,
            status=self.antwoordstatus,
        )


def _handeling(
    operation_id: str,
    summary: str,
    description: str,
    invoer: type[Invoer],
    antwoordstatus: int = 200,
) -> Any:
    def decorator(klasse: type[_Signaalhandeling]) -> type[_Signaalhandeling]:
        klasse.invoer = invoer
        klasse.antwoordstatus = antwoordstatus
        return extend_schema_view(
            post=extend_schema(
                operation_id=operation_id,
                summary=summary,
                description=description,
                tags=[TAG],
                parameters=[schema.SIGNAAL_ID],
                request=invoer,
                responses={
                    antwoordstatus: SignaalDetailSerializer,
                    **schema.problemen(400, 403, 404, 409),
                },
            )
        )(klasse)

    return decorator


@_handeling(
    "signaal_in_behandeling",
    "In behandeling nemen",
    "De behandelaar neemt het signaal in behandeling. Dat is de ontvangstbevestiging van de Wet "
    "bescherming klokkenluiders: de melder krijgt het bericht en de termijn van drie maanden "
    "voor de terugkoppeling start.",
    InBehandelingInvoer,
)
class InBehandeling(_Signaalhandeling):
    def uitvoeren(self, *, signaal: Signaal, door: Gebruiker, data: dict[str, Any]) -> None:
        services.take_in_behandeling(signaal=signaal, door=door, bericht=data["bericht"])


@_handeling(
    "signaal_bericht",
    "Bericht aan de melder",
    "Een bericht aan de melder; `vraag: true` stelt een vraag (het signaal wacht dan op de "
    "melder), `terugkoppeling: true` is de terugkoppeling van de Wet bescherming "
    "klokkenluiders.",
    BerichtInvoer,
    status.HTTP_201_CREATED,
)
class Berichten(_Signaalhandeling):
    def uitvoeren(self, *, signaal: Signaal, door: Gebruiker, data: dict[str, Any]) -> None:
        services.send_bericht(
            signaal=signaal,
            door=door,
            tekst=data["tekst"],
            vraag=data["vraag"],
            terugkoppeling=data["terugkoppeling"],
        )


@_handeling(
    "signaal_afsluiten",
    "Afsluiten",
    "Afsluiten met een uitkomst en wat de melder daarover hoort. Was er nog geen "
    "terugkoppeling, dan is dit de terugkoppeling.",
    AfsluitenInvoer,
)
class Afsluiten(_Signaalhandeling):
    def uitvoeren(self, *, signaal: Signaal, door: Gebruiker, data: dict[str, Any]) -> None:
        services.close_signaal(
            signaal=signaal, door=door, uitkomst=data["uitkomst"], toelichting=data["toelichting"]
        )


@_handeling(
    "signaal_heropenen",
    "Heropenen",
    "Een afgesloten signaal weer in behandeling nemen, met een reden die de melder leest.",
    HeropenenInvoer,
)
class Heropenen(_Signaalhandeling):
    def uitvoeren(self, *, signaal: Signaal, door: Gebruiker, data: dict[str, Any]) -> None:
        services.reopen_signaal(signaal=signaal, door=door, reden=data["reden"])


@_handeling(
    "signaal_onthulling_vragen",
    "Naam van de melder vragen",
    "Bij een vertrouwelijk signaal: de vertrouwenspersoon vragen de naam van de melder bekend "
    "te maken, met een reden. Alleen de vertrouwenspersoon beslist, en de melder hoort het.",
    OnthullingInvoer,
    status.HTTP_201_CREATED,
)
class Onthullingen(_Signaalhandeling):
    def uitvoeren(self, *, signaal: Signaal, door: Gebruiker, data: dict[str, Any]) -> None:
        services.request_onthulling(signaal=signaal, door=door, reden=data["reden"])


# --- the reporter's own signals --------------------------------------------------------------


class Identiteit(APIView):
    """The name of a confidential reporter, for the vertrouwenspersoon, or for the handlers
    after the disclosure the vertrouwenspersoon approved. Each reading goes into the access
    log (Inzagelog); anyone else gets 403, and a signal they may not read 404."""

    policy_actie = "signaal.bekijken"

    @extend_schema(
        operation_id="signaal_identiteit",
        summary="Naam van een vertrouwelijke melder",
        description=(
            "Alleen de vertrouwenspersoon, of de behandelaars nadat de vertrouwenspersoon de "
            "naam heeft bekendgemaakt. Elke inzage wordt vastgelegd."
        ),
        tags=[TAG],
        parameters=[schema.SIGNAAL_ID],
        responses={200: IdentiteitSerializer, **schema.problemen(403, 404)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        door = _user(request)
        signaal = selectors.signaal_detail(user=door, pk=kwargs["id"])
        wie = services.identiteit(signaal=signaal, door=door)
        if wie is None:
            raise exceptions.NotFound(_("Dit signaal is niet vertrouwelijk gemeld."))
        antwoord = Response(IdentiteitSerializer({"naam": wie.naam, "email": wie.email}).data)
        antwoord["Cache-Control"] = "no-store"
        return antwoord


class OnthullingBesluit(APIView):
    """The vertrouwenspersoon decides on a request to disclose a confidential reporter's name."""

    policy_actie = "signaal.identiteit.beslissen"
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="onthulling_besluit",
        summary="Beslissen over het bekendmaken van de naam",
        description=(
            "De vertrouwenspersoon maakt de naam bekend aan de behandelaars (de melder hoort "
            "het) of houdt hem geheim. Een besluit is eenmalig."
        ),
        tags=[TAG],
        request=OnthullingBesluitInvoer,
        responses={200: OnthullingSerializer, **schema.problemen(400, 403, 404)},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        door = _user(request)
        onthulling = (
            Onthulling.objects.select_related("signaal", "gevraagd_door")
            .filter(pk=kwargs["id"])
            .first()
        )
        if onthulling is None or not policy.allows(
            door, "signaal.identiteit.beslissen", onthulling.signaal
        ):
            raise exceptions.NotFound()
        data = _valideer(OnthullingBesluitInvoer, request)
        besluit = services.decide_onthulling(
            onthulling=onthulling,
            door=door,
            toestaan=data["toestaan"],
            toelichting=data["toelichting"],
        )
        return Response(OnthullingSerializer(besluit).data)


class EigenSignaalList(generics.ListAPIView[Signaal]):
    policy_actie = "signaal.eigen"
    serializer_class = EigenSignaalKortSerializer

    def get_queryset(self) -> QuerySet[Signaal]:
        if getattr(self, "swagger_fake_view", False):
            return Signaal.objects.none()
        return selectors.mijn_signalen(user=_user(self.request))

    @extend_schema(
        operation_id="mijn_signalen_lijst",
        summary="Mijn signalen",
        description="De signalen die u met naam of vertrouwelijk meldde, de nieuwste eerst.",
        tags=[TAG],
        responses={200: EigenSignaalKortSerializer(many=True), **schema.problemen(403)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class EigenSignaalDetail(APIView):
    policy_actie = "signaal.eigen"

    @extend_schema(
        operation_id="mijn_signaal_ophalen",
        summary="Mijn signaal",
        description=(
            "Een eigen signaal: de status, de berichten van de behandelaar (vragen staan open "
            "als `wacht_op_u`), de bijlagen en de termijnen van de Wet bescherming "
            "klokkenluiders."
        ),
        tags=[TAG],
        parameters=[schema.SIGNAAL_ID],
        responses={200: EigenSignaalSerializer, **schema.problemen(403, 404)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        signaal = selectors.eigen_signaal(user=_user(request), pk=kwargs["id"])
        return Response(EigenSignaalSerializer(signaal, context={"request": request}).data)


class EigenAanvullingen(APIView):
    policy_actie = "signaal.eigen"
    parser_classes = FORMULIER

    @extend_schema(
        operation_id="mijn_signaal_aanvullen",
        summary="Mijn signaal aanvullen",
        description=(
            "Informatie toevoegen aan een eigen signaal, of een vraag van de behandelaar "
            "beantwoorden. Kan tot het signaal is afgesloten. Bijlagen alleen met "
            "multipart/form-data."
        ),
        tags=[TAG],
        parameters=[schema.SIGNAAL_ID],
        request={"application/json": AanvullingInvoer, "multipart/form-data": AanvullingInvoer},
        responses={201: EigenSignaalSerializer, **schema.problemen(400, 403, 404, 409)},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        door = _user(request)
        signaal = selectors.eigen_signaal(user=door, pk=kwargs["id"])
        data = _valideer(AanvullingInvoer, request)
        _aanvullen(signaal, door, data)
        signaal = selectors.eigen_signaal(user=door, pk=signaal.pk)
        return Response(
            EigenSignaalSerializer(signaal, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


def _aanvullen(signaal: Signaal, door: Gebruiker | None, data: dict[str, Any]) -> None:
    try:
        services.add_informatie(
            signaal=signaal,
            door=door,
            tekst=data["tekst"],
            bijlagen=data["bijlagen"],
            persoonsgegevens_bevestigd=data["persoonsgegevens_bevestigd"],
        )
    except OngeldigeOvergang as exc:
        raise Conflict(str(exc)) from exc


# --- the anonymous reporter, with the receipt code alone -------------------------------------


def _met_code(request: Request, code: str) -> Signaal:
    """The anonymous signal of a receipt code. Past the limit of wrong codes from this address
    nothing is looked up (429); a wrong code is counted and answered with one fixed message."""
    if beperking.pogingen_over(request):
        raise TeVeelPogingen()
    signaal = selectors.signaal_met_code(code)
    if signaal is None:
        beperking.registreer_mislukt(request)
        raise exceptions.NotFound(beperking.MELDING_ONBEKEND)
    return signaal


class Ontvangstcode(APIView):
    policy_actie = "signaal.ontvangstcode"
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="signaal_met_ontvangstcode",
        summary="Anoniem signaal volgen",
        description=(
            "Uw anonieme signaal met alleen de ontvangstcode, zonder inloggen: de status, de "
            "berichten en vragen van de behandelaar en de termijnen van de Wet bescherming "
            "klokkenluiders. Een verkeerde code geeft 404; na te veel verkeerde codes vanaf "
            "hetzelfde adres volgt een tijd lang 429."
        ),
        tags=[TAG],
        auth=PUBLIEK,
        request=OntvangstcodeInvoer,
        responses={200: AnoniemSignaalSerializer, **schema.problemen(400, 404, 429)},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = _valideer(OntvangstcodeInvoer, request)
        signaal = _met_code(request, data["ontvangstcode"])
        return _geen_cache(Response(AnoniemSignaalSerializer(signaal).data))


class OntvangstcodeAanvullingen(APIView):
    policy_actie = "signaal.ontvangstcode"
    parser_classes = FORMULIER

    @extend_schema(
        operation_id="signaal_met_ontvangstcode_aanvullen",
        summary="Anoniem signaal aanvullen",
        description=(
            "Met de ontvangstcode informatie toevoegen of een vraag van de behandelaar "
            "beantwoorden, zonder inloggen. Dezelfde 404 en 429 als bij het volgen."
        ),
        tags=[TAG],
        auth=PUBLIEK,
        request={
            "application/json": OntvangstcodeAanvullingInvoer,
            "multipart/form-data": OntvangstcodeAanvullingInvoer,
        },
        responses={201: AnoniemSignaalSerializer, **schema.problemen(400, 404, 409, 429)},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = _valideer(OntvangstcodeAanvullingInvoer, request)
        signaal = _met_code(request, data["ontvangstcode"])
        _aanvullen(signaal, None, data)
        signaal = selectors.signaal_met_code(data["ontvangstcode"]) or signaal
        return _geen_cache(
            Response(AnoniemSignaalSerializer(signaal).data, status=status.HTTP_201_CREATED)
        )


# --- the noodrem -----------------------------------------------------------------------------


class NoodremList(_PerMethode, generics.ListAPIView[Noodrem]):
    """GET: the noodremmen the caller pulled or must answer. POST: pull one."""

    policy_actie = "noodrem.lijst"
    policy_acties: ClassVar[dict[str, str]] = {"GET": "noodrem.lijst", "POST": "noodrem.trekken"}
    serializer_class = NoodremSerializer
    parser_classes = [JSONParser]

    def get_queryset(self) -> QuerySet[Noodrem]:
        if getattr(self, "swagger_fake_view", False):
            return Noodrem.objects.none()
        return selectors.noodremmen(user=_user(self.request)).select_related("eenheid")

    @extend_schema(
        operation_id="noodremmen_lijst",
        summary="Noodremmen",
        description=(
            "De noodremmen die u trok, en die waarop u (het bestuur, daarna de ambtelijke top "
            "van het ministerie) moet reageren, met de stand van het verzoek. De nieuwste eerst."
        ),
        tags=[NOODREM_TAG],
        responses={200: NoodremSerializer(many=True), **schema.problemen(403)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="noodrem_trekken",
        summary="Noodrem trekken",
        description=(
            "Aan de noodrem trekken in een organisatie waar u als professional werkt: welke "
            "beginselen van behoorlijk bestuur in gevaar zijn, welke schade ontstaat en wat nu "
            "moet stoppen. Het bestuur moet binnen de termijn (standaard 5 werkdagen) reageren "
            "met pas toe of leg uit, via /reactieverzoeken/{id}; daarna escaleert het naar de "
            "ambtelijke top van het ministerie en het openbare register. Een noodrem wordt "
            "nooit gewijzigd of verwijderd, alleen aangevuld."
        ),
        tags=[NOODREM_TAG],
        request=NoodremInvoer,
        responses={201: NoodremDetailSerializer, **schema.problemen(400, 403)},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        door = _user(request)
        d = _valideer(NoodremInvoer, request)
        signaal: Signaal | None = None
        if d["signaal"] is not None:
            signaal = (
                selectors.mijn_signalen(user=door).filter(pk=d["signaal"]).first()
                or selectors.signalen(user=door).filter(pk=d["signaal"]).first()
            )
            if signaal is None:
                raise exceptions.ValidationError(
                    {"signaal": _("U kunt alleen een signaal koppelen dat u kunt inzien.")}
                )
        noodrem = services.pull_noodrem(
            door=door,
            organisatie=d["organisatie"],
            titel=d["titel"],
            schade=d["schade"],
            stoppen=d["stoppen"],
            beginselen=list(d["beginselen"]),
            regeling=d["regeling"],
            artikel=d["artikel"],
            eenheid=d["eenheid"],
            signaal=signaal,
            persoonsgegevens_bevestigd=d["persoonsgegevens_bevestigd"],
        )
        detail = selectors.noodrem_detail(user=door, pk=noodrem.pk)
        data = NoodremDetailSerializer(detail, context={"request": request}).data
        return Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["url"]})


class NoodremDetail(APIView):
    """One noodrem. There is no PUT, PATCH or DELETE: a pulled noodrem is only added to."""

    policy_actie = "noodrem.bekijken"

    @extend_schema(
        operation_id="noodrem_ophalen",
        summary="Eén noodrem",
        description=(
            "Eén noodrem met de aanvullingen en het verzoek aan het bestuur: status, uiterste "
            "datum, bereikt niveau, antwoorden (pas toe of leg uit) en wat u er nu mee kunt "
            "(de handelingen staan onder /reactieverzoeken/{id}). Voor wie trok en elk bereikt "
            "niveau; anderen krijgen 404."
        ),
        tags=[NOODREM_TAG],
        parameters=[schema.NOODREM_ID],
        responses={200: NoodremDetailSerializer, **schema.problemen(403, 404)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        noodrem = selectors.noodrem_detail(user=_user(request), pk=kwargs["id"])
        return Response(NoodremDetailSerializer(noodrem, context={"request": request}).data)


class NoodremAanvullingen(APIView):
    policy_actie = "noodrem.bekijken"
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="noodrem_aanvullen",
        summary="Noodrem aanvullen",
        description=(
            "Iets toevoegen aan een getrokken noodrem (wie trok, het bestuur of de ambtelijke "
            "top). De noodrem zelf verandert niet."
        ),
        tags=[NOODREM_TAG],
        parameters=[schema.NOODREM_ID],
        request=NoodremAanvullingInvoer,
        responses={201: NoodremDetailSerializer, **schema.problemen(400, 403, 404)},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        door = _user(request)
        noodrem = selectors.noodrem_detail(user=door, pk=kwargs["id"])
        data = _valideer(NoodremAanvullingInvoer, request)
        services.add_aanvulling(noodrem=noodrem, door=door, tekst=data["tekst"])
        detail = selectors.noodrem_detail(user=door, pk=noodrem.pk)
        return Response(
            NoodremDetailSerializer(detail, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


# --- knelpunten ------------------------------------------------------------------------------


class KnelpuntList(generics.ListAPIView[Knelpunt]):
    policy_actie = "knelpunt.bekijken"
    serializer_class = KnelpuntSerializer

    def get_queryset(self) -> QuerySet[Knelpunt]:
        if getattr(self, "swagger_fake_view", False):
            return Knelpunt.objects.none()
        return selectors.knelpunten(user=_user(self.request))

    @extend_schema(
        operation_id="knelpunten_lijst",
        summary="Knelpunten",
        description=(
            "De knelpunten van uw organisaties: signalen gebundeld per regeling en artikel, met "
            "wanneer ze zijn doorgegeven aan de eigenaar van de regel en opgenomen in de Stand "
            "van de uitvoering."
        ),
        tags=[TAG],
        responses={200: KnelpuntSerializer(many=True), **schema.problemen(403)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)
