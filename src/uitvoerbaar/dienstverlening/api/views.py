"""The dienstverlening API (/api/v1/diensten, /api/v1/arbeidsvoorwaarden). Thin: reads
through the selectors, changes through the services (which check the policy again, validate
in Dutch and audit). A service the caller may not see is a 404."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from uitvoerbaar.core import policy
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.responsplicht.api import schema

from .. import model as stat
from .. import selectors, services
from ..constants import ONDERWERP_EENHEID
from ..models import Dienst, Keuzenota, Scenario, Waardenafweging
from .serializers import (
    ArbeidsvoorwaardeSerializer,
    DienstDetailSerializer,
    DienstSerializer,
    ImportInvoer,
    ImportSerializer,
    KeuzenotaSerializer,
    OndergrensSerializer,
    ScenarioInvoer,
    ScenarioSerializer,
    VergelijkingsregelSerializer,
)

TAG = "dienstverlening"
DIENST_ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="Nummer van de dienst.")
PUBLIEK: Any = [{"cookieAuth": []}, {}]


def _user(request: Request) -> Gebruiker:
    return request.user  # type: ignore[return-value]


def _ondergrens(ia: selectors.Indicatoranalyse) -> dict[str, Any] | None:
    g = ia.ondergrens
    if g is None:
        return None
    return {
        "indicator": ia.indicator.code,
        "grens": g.grens,
        "waarde": g.waarde,
        "beginsel": g.beginsel.code if g.beginsel else None,
        "toelichting": g.toelichting,
        "vastgesteld_door": str(g.vastgesteld_door),
        "vastgesteld_op": g.vastgesteld_op,
        "aantal_onderschrijdingen": ia.aantal_onderschrijdingen,
        "onderschreden_perioden": [p.periode for p in ia.onderschrijdingen],
    }


def _model(fit: stat.Fit) -> dict[str, Any]:
    return {
        "bruikbaar": fit.bruikbaar,
        "reden": fit.reden,
        "aantal_punten": fit.aantal_punten,
        "nodig": fit.nodig,
        "intercept": fit.intercept if fit.bruikbaar else None,
        "r_kwadraat": fit.r_kwadraat if fit.bruikbaar else None,
        "coefficienten": [
            {
                "naam": c.naam,
                "omschrijving": c.label,
                "schatting": c.schatting,
                "standaardfout": c.standaardfout,
                "ondergrens": c.ondergrens,
                "bovengrens": c.bovengrens,
            }
            for c in fit.coefficienten
        ],
    }


def dienst_data(a: selectors.Dienstanalyse) -> dict[str, Any]:
    d = a.dienst
    return {
        "id": d.pk,
        "naam": d.naam,
        "organisatie": d.organisatie.slug,
        "omschrijving": d.omschrijving,
        "aantal_onderschrijdingen": a.aantal_onderschrijdingen,
        "indicatoren": [
            {
                "id": ia.indicator.pk,
                "code": ia.indicator.code,
                "naam": ia.indicator.naam,
                "eenheid": ia.indicator.eenheid,
                "richting": ia.indicator.richting,
                "ondergrens": _ondergrens(ia),
                "metingen": [
                    {"periode": p.periode, "waarde": p.waarde, "onder_grens": p.onder_grens}
                    for p in ia.punten
                ],
                "model": _model(ia.fit),
            }
            for ia in a.indicatoren
        ],
        "middelen": [
            {"periode": m.periode, "budget": m.budget, "fte": m.fte, "volume": m.volume}
            for m in a.middelen
        ],
    }


def scenario_data(sp: selectors.Scenarioprojectie) -> dict[str, Any]:
    s = sp.scenario
    return {
        "id": s.pk,
        "naam": s.naam,
        "omschrijving": s.omschrijving,
        "budget": s.budget,
        "fte": s.fte,
        "volume": s.volume,
        "aantal_gebroken": len(sp.gebroken),
        "projecties": [
            {
                "indicator": ip.indicator.code,
                "waarde": ip.projectie.waarde,
                "band_laag": ip.projectie.laag,
                "band_hoog": ip.projectie.hoog,
                "reden": ip.projectie.reden,
                "buiten_bereik": list(ip.projectie.buiten_bereik),
                "ondergrens": ip.ondergrens.grens if ip.ondergrens else None,
                "breekt_ondergrens": ip.breekt,
                "risico": ip.risico,
                "kans_op_breken": ip.kans,
            }
            for ip in sp.indicatoren
        ],
        "waardenafwegingen": [
            {
                "waarde": a.waarde_a,
                "tegenover": a.waarde_b,
                "afweging": a.afweging,
                "vastgelegd_door": str(a.vastgelegd_door),
                "vastgelegd_op": a.vastgelegd_op,
                "perspectieven": [
                    {
                        "perspectief": str(r.perspectief),
                        "oordeel": str(r.oordeel),
                        "toelichting": r.toelichting,
                    }
                    for r in a.perspectieven.regels()
                ],
            }
            for a in s.waardenafwegingen.all()
        ],
    }


class DienstList(APIView):
    policy_actie = "dienstverlening.bekijken"

    @extend_schema(
        operation_id="diensten_lijst",
        summary="Diensten",
        description="De diensten die u mag zien: van uw eigen organisatie, en als beleidsmaker, "
        "ambtelijke top of bewindspersoon ook die van de uitvoerders van uw ministerie.",
        tags=[TAG],
        responses={200: DienstSerializer(many=True), **schema.problemen(403)},
    )
    def get(self, request: Request) -> Response:
        diensten = selectors.zichtbare_diensten(user=_user(request))
        return Response(
            [{"id": d.pk, "naam": d.naam, "organisatie": d.organisatie.slug} for d in diensten]
        )


class DienstDetail(APIView):
    policy_actie = "dienstverlening.bekijken"

    @extend_schema(
        operation_id="dienst_ophalen",
        summary="Eén dienst met indicatoren, metingen, ondergrenzen, middelen en model",
        description="Per indicator de eenheid, de richting (hoger of lager is beter), de "
        "metingen met per periode of de ondergrens gebroken is, de ondergrens en het model "
        "(kleinste kwadraten op budget, fte en volume; of de reden dat er geen model is).",
        tags=[TAG],
        parameters=[DIENST_ID],
        responses={200: DienstDetailSerializer, **schema.problemen(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        d = selectors.dienst(user=_user(request), pk=id)
        return Response(DienstDetailSerializer(dienst_data(selectors.analyse(d))).data)


class Ondergrenzen(APIView):
    policy_actie = "dienstverlening.bekijken"

    @extend_schema(
        operation_id="dienst_ondergrenzen",
        summary="Ondergrenzen van een dienst, met hoe vaak ze gebroken zijn",
        tags=[TAG],
        parameters=[DIENST_ID],
        responses={200: OndergrensSerializer(many=True), **schema.problemen(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        a = selectors.analyse(selectors.dienst(user=_user(request), pk=id))
        return Response([o for ia in a.indicatoren if (o := _ondergrens(ia)) is not None])


class Scenarios(APIView):
    policy_actie = "dienstverlening.bekijken"
    parser_classes = [JSONParser]

    def get_permissions(self) -> Any:
        # Reading needs the read action, making a scenario its own.
        self.policy_actie = (
            "dienstverlening.scenario"
            if self.request.method == "POST"
            else "dienstverlening.bekijken"
        )
        return super().get_permissions()

    @extend_schema(
        operation_id="dienst_scenarios",
        summary="Scenario's met voorspelde kwaliteit",
        description="Per scenario en indicator de voorspelling met een 90%-band, of de reden "
        "dat er geen is (te weinig gegevens), en of de ondergrens breekt.",
        tags=[TAG],
        parameters=[DIENST_ID],
        responses={200: ScenarioSerializer(many=True), **schema.problemen(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        d = selectors.dienst(user=_user(request), pk=id)
        a = selectors.analyse(d)
        scenarios = (
            Scenario.objects.filter(dienst=d)
            .prefetch_related(
                Prefetch(
                    "waardenafwegingen",
                    queryset=Waardenafweging.objects.select_related(
                        "perspectieven", "vastgelegd_door"
                    ).order_by("vastgelegd_op", "pk"),
                )
            )
            .order_by("aangemaakt_op", "pk")
        )
        return Response(
            ScenarioSerializer(
                [scenario_data(selectors.projecteer(s, a)) for s in scenarios], many=True
            ).data
        )

    @extend_schema(
        operation_id="dienst_scenario_maken",
        summary="Scenario doorrekenen",
        description="Legt een scenario vast (budget in euro per periode, fte, volume) en geeft "
        "de voorspelde kwaliteit. Negatieve middelen worden geweigerd.",
        tags=[TAG],
        parameters=[DIENST_ID],
        request=ScenarioInvoer,
        responses={201: ScenarioSerializer, **schema.problemen(400, 403, 404)},
    )
    def post(self, request: Request, id: int) -> Response:
        door = _user(request)
        d = selectors.dienst(user=door, pk=id)
        policy.require(door, "dienstverlening.scenario", d)
        invoer = ScenarioInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        s = services.create_scenario(door=door, dienst=d, **invoer.validated_data)
        data = scenario_data(selectors.projecteer(s, selectors.analyse(d)))
        return Response(ScenarioSerializer(data).data, status=201)


def keuzenota_data(nota: Keuzenota) -> dict[str, Any]:
    _a, opties = selectors.keuzenota_opties(nota)
    gewijzigd = nota.dienst.gegevens_gewijzigd_op
    return {
        "id": nota.pk,
        "titel": nota.titel,
        "aanleiding": nota.aanleiding,
        "advies": nota.advies,
        "opgesteld_door": str(nota.opgesteld_door),
        "opgesteld_op": nota.opgesteld_op,
        "gegevens_sindsdien_gewijzigd": gewijzigd is not None and gewijzigd > nota.opgesteld_op,
        "opties": [
            {
                "scenario": sp.scenario.pk,
                "naam": sp.scenario.naam,
                "budget": sp.scenario.budget,
                "fte": sp.scenario.fte,
                "volume": sp.scenario.volume,
                "geadviseerd": sp.scenario.pk == nota.geadviseerd_id,
                "aantal_gebroken": len(sp.gebroken),
                "projecties": [
                    {
                        "indicator": ip.indicator.code,
                        "waarde": ip.projectie.waarde,
                        "band_laag": ip.projectie.laag,
                        "band_hoog": ip.projectie.hoog,
                        "reden": ip.projectie.reden,
                        "buiten_bereik": list(ip.projectie.buiten_bereik),
                        "ondergrens": ip.ondergrens.grens if ip.ondergrens else None,
                        "breekt_ondergrens": ip.breekt,
                        "risico": ip.risico,
                        "kans_op_breken": ip.kans,
                    }
                    for ip in sp.indicatoren
                ],
            }
            for sp in opties
        ],
    }


class Keuzenotas(APIView):
    policy_actie = "dienstverlening.bekijken"

    @extend_schema(
        operation_id="dienst_keuzenotas",
        summary="Keuzenota's van een dienst",
        description="Per nota de opties met hun kosten en voorspelde kwaliteit zoals bij het "
        "opstellen (een momentopname), de gebroken ondergrenzen en het advies van de uitvoerder.",
        tags=[TAG],
        parameters=[DIENST_ID],
        responses={200: KeuzenotaSerializer(many=True), **schema.problemen(403, 404)},
    )
    def get(self, request: Request, id: int) -> Response:
        d = selectors.dienst(user=_user(request), pk=id)
        notas = (
            Keuzenota.objects.filter(dienst=d)
            .select_related("dienst", "opgesteld_door")
            .prefetch_related("opties")
            .order_by("-opgesteld_op", "-pk")
        )
        return Response(KeuzenotaSerializer([keuzenota_data(n) for n in notas], many=True).data)


class Importeren(APIView):
    policy_actie = "dienstverlening.beheren"
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="dienst_importeren",
        summary="Middelen en metingen importeren (CSV)",
        description="Alles of niets: is één rij fout, dan wordt niets ingelezen en noemt het "
        "antwoord (400) elke foute rij met de reden.",
        tags=[TAG],
        parameters=[DIENST_ID],
        request=ImportInvoer,
        responses={200: ImportSerializer, **schema.problemen(400, 403, 404)},
    )
    def post(self, request: Request, id: int) -> Response:
        door = _user(request)
        d: Dienst = selectors.dienst(user=door, pk=id)
        policy.require(door, "dienstverlening.beheren", d)
        invoer = ImportInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            r = services.import_csv(door=door, dienst=d, inhoud=invoer.validated_data["inhoud"])
        except DjangoValidationError as exc:
            # The service names the form's field; here the file arrives as `inhoud`.
            raise exceptions.ValidationError({"inhoud": exc.messages}) from exc
        return Response({"perioden": r.perioden, "metingen": r.metingen})


class Arbeidsvoorwaarden(APIView):
    policy_actie = "arbeidsvoorwaarden.bekijken"

    @extend_schema(
        operation_id="arbeidsvoorwaarden_lijst",
        summary="Register van arbeidsvoorwaarden",
        tags=[TAG],
        auth=PUBLIEK,
        responses={200: ArbeidsvoorwaardeSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        rijen = [
            {
                "organisatie": a.organisatie.slug,
                "organisatie_soort": a.organisatie.soort,
                "onderwerp": a.onderwerp,
                "eenheid": ONDERWERP_EENHEID[a.onderwerp],
                "waarde": a.waarde,
                "toelichting": a.toelichting,
            }
            for a in selectors.arbeidsvoorwaarden()
        ]
        return Response(ArbeidsvoorwaardeSerializer(rijen, many=True).data)


class Vergelijking(APIView):
    policy_actie = "arbeidsvoorwaarden.bekijken"

    @extend_schema(
        operation_id="arbeidsvoorwaarden_vergelijking",
        summary="Arbeidsvoorwaarden naast elkaar, met de verschillen",
        description="Per onderwerp het gemiddelde van de ministeries en per uitvoerder het "
        "verschil daarmee; negatief is een achterstand.",
        tags=[TAG],
        auth=PUBLIEK,
        responses={200: VergelijkingsregelSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        v = selectors.vergelijking()
        regels = [
            {
                "onderwerp": r.onderwerp.value,
                "eenheid": r.eenheid,
                "gemiddelde_ministeries": r.referentie,
                "aantal_achter": r.aantal_achter,
                "waarden": [
                    {
                        "organisatie": o.slug,
                        "waarde": av.waarde if av else None,
                        "verschil": verschil,
                    }
                    for o, av, verschil in r.waarden
                ],
            }
            for r in v.regels
        ]
        return Response(VergelijkingsregelSerializer(regels, many=True).data)
