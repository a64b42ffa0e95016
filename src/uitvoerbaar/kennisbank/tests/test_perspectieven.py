"""The reusable four-perspective assessment (seed action U3): gaps, the service, and the form,
serializer and template include that other apps reuse."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import path
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.kennisbank import services
from uitvoerbaar.kennisbank.api.serializers import PerspectievenSerializer
from uitvoerbaar.kennisbank.constants import Oordeel, Perspectief
from uitvoerbaar.kennisbank.forms import PerspectievenForm
from uitvoerbaar.kennisbank.models import Perspectiefbeoordeling


def test_a_new_assessment_misses_all_four_perspectives() -> None:
    beoordeling = Perspectiefbeoordeling()
    assert beoordeling.ontbrekende_perspectieven() == [
        Perspectief.JURIDISCH,
        Perspectief.FINANCIEEL,
        Perspectief.PROFESSIONEEL,
        Perspectief.BURGER,
    ]
    assert not beoordeling.is_compleet


def test_gaps_are_the_perspectives_not_assessed() -> None:
    beoordeling = Perspectiefbeoordeling(
        juridisch_oordeel=Oordeel.GEEN_ZORGEN,
        professioneel_oordeel=Oordeel.ZORGEN,
        professioneel_toelichting="Te veel werk per dossier.",
    )
    assert beoordeling.ontbrekende_perspectieven() == [Perspectief.FINANCIEEL, Perspectief.BURGER]
    regels = {r.perspectief: r for r in beoordeling.regels()}
    assert regels[Perspectief.PROFESSIONEEL].oordeel_label == "Zorgen"
    assert regels[Perspectief.BURGER].ontbreekt


def test_complete_when_every_perspective_has_a_judgement() -> None:
    beoordeling = Perspectiefbeoordeling(
        **{f"{p}_oordeel": Oordeel.GEEN_ZORGEN for p in Perspectief}
    )
    assert beoordeling.is_compleet
    assert beoordeling.ontbrekende_perspectieven() == []


@pytest.mark.django_db
class TestSavePerspectieven:
    def test_create_is_audited_without_the_explanations(self, medewerker: Gebruiker) -> None:
        beoordeling = services.save_perspectieven(
            door=medewerker,
            data={
                "juridisch_oordeel": "ernstige_zorgen",
                "juridisch_toelichting": "  Geheim detail over een burger.  ",
                "burger_oordeel": "geen_zorgen",
            },
        )

        beoordeling.refresh_from_db()
        assert beoordeling.juridisch_toelichting == "Geheim detail over een burger."
        assert beoordeling.bijgewerkt_door == medewerker
        assert beoordeling.ontbrekende_perspectieven() == [
            Perspectief.FINANCIEEL,
            Perspectief.PROFESSIONEEL,
        ]
        event = AuditEvent.objects.get(event="perspectiefbeoordeling.aangemaakt")
        assert event.actor_id == medewerker.pk
        assert event.data["ontbrekend"] == ["financieel", "professioneel"]
        assert event.data["oordelen"]["juridisch"] == "ernstige_zorgen"
        assert "Geheim" not in str(event.data)

    def test_update_changes_only_what_is_given(self, medewerker: Gebruiker) -> None:
        beoordeling = services.save_perspectieven(
            door=medewerker, data={"juridisch_oordeel": "geen_zorgen"}
        )
        bijgewerkt = services.save_perspectieven(
            door=medewerker, beoordeling=beoordeling, data={"financieel_oordeel": "geen_zorgen"}
        )

        assert bijgewerkt.pk == beoordeling.pk
        assert bijgewerkt.juridisch_oordeel == Oordeel.GEEN_ZORGEN
        assert bijgewerkt.financieel_oordeel == Oordeel.GEEN_ZORGEN
        event = AuditEvent.objects.get(event="perspectiefbeoordeling.gewijzigd")
        assert event.data["velden"] == ["financieel_oordeel"]

    def test_saving_the_same_again_logs_nothing(self, medewerker: Gebruiker) -> None:
        data = {"juridisch_oordeel": "geen_zorgen", "burger_oordeel": "niet_beoordeeld"}
        beoordeling = services.save_perspectieven(door=medewerker, data=data)
        events = AuditEvent.objects.count()

        services.save_perspectieven(door=medewerker, beoordeling=beoordeling, data=data)

        assert AuditEvent.objects.count() == events

    def test_a_concern_without_explanation_is_refused_and_changes_nothing(
        self, medewerker: Gebruiker
    ) -> None:
        beoordeling = services.save_perspectieven(
            door=medewerker, data={"burger_oordeel": "geen_zorgen"}
        )
        events = AuditEvent.objects.count()

        with pytest.raises(ValidationError) as err:
            services.save_perspectieven(
                door=medewerker,
                beoordeling=beoordeling,
                data={
                    "burger_oordeel": "zorgen",
                    "burger_toelichting": "   ",
                    "juridisch_oordeel": "geen_zorgen",
                },
            )

        assert list(err.value.message_dict) == ["burger_toelichting"]
        assert "Leg uit waar uw zorgen over gaan" in err.value.message_dict["burger_toelichting"][0]
        beoordeling.refresh_from_db()
        assert beoordeling.burger_oordeel == Oordeel.GEEN_ZORGEN
        assert beoordeling.juridisch_oordeel == Oordeel.NIET_BEOORDEELD
        assert AuditEvent.objects.count() == events

    @pytest.mark.parametrize(
        ("data", "veld"),
        [
            ({"juridisch_oordeel": "super"}, "juridisch_oordeel"),
            ({"kosten": "veel"}, "kosten"),
            ({"financieel_toelichting": 12}, "financieel_toelichting"),
            ({"financieel_toelichting": "x" * 5001}, "financieel_toelichting"),
        ],
    )
    def test_bad_input_is_refused_with_a_dutch_message(
        self, medewerker: Gebruiker, data: dict[str, Any], veld: str
    ) -> None:
        with pytest.raises(ValidationError) as err:
            services.save_perspectieven(door=medewerker, data=data)
        assert veld in err.value.message_dict
        assert not Perspectiefbeoordeling.objects.exists()


@pytest.mark.django_db
def test_form_and_service_together_put_the_message_next_to_the_field(
    medewerker: Gebruiker,
) -> None:
    form = PerspectievenForm(
        data={
            "juridisch_oordeel": "zorgen",
            "juridisch_toelichting": "",
            "financieel_oordeel": "geen_zorgen",
            "financieel_toelichting": "",
            "professioneel_oordeel": "niet_beoordeeld",
            "professioneel_toelichting": "",
            "burger_oordeel": "niet_beoordeeld",
            "burger_toelichting": "",
        }
    )
    assert form.is_valid()
    try:
        services.save_perspectieven(door=medewerker, data=form.cleaned_data)
    except ValidationError as exc:
        form.add_error(None, exc)

    assert "Leg uit waar uw zorgen over gaan" in form.errors["juridisch_toelichting"][0]
    html = render_to_string("kennisbank/includes/perspectieven_form.html", {"form": form})
    assert html.count("<fieldset") == 4
    assert '<legend class="utrecht-form-fieldset__legend">Burger</legend>' in html
    assert 'class="veldfout" id="id_juridisch_toelichting_error"' in html


@pytest.mark.django_db
def test_serializer_validated_data_feeds_the_service(medewerker: Gebruiker) -> None:
    serializer = PerspectievenSerializer(
        data={
            "professioneel_oordeel": "ernstige_zorgen",
            "professioneel_toelichting": "Onwerkbaar.",
        },
        partial=True,
    )
    assert serializer.is_valid(), serializer.errors

    beoordeling = services.save_perspectieven(door=medewerker, data=serializer.validated_data)

    data = PerspectievenSerializer(beoordeling).data
    assert data["professioneel_oordeel"] == "ernstige_zorgen"
    assert data["ontbrekend"] == ["juridisch", "financieel", "burger"]
    assert not PerspectievenSerializer(data={"burger_oordeel": "x"}, partial=True).is_valid()


def test_serializer_schema_has_one_oordeel_enum_and_no_warnings() -> None:
    class Voorbeeld(APIView):
        policy_actie = "kennisbank.bekijken"

        @extend_schema(request=PerspectievenSerializer, responses=PerspectievenSerializer)
        def post(self, request: Request) -> Response:  # pragma: no cover - schema only
            return Response()

    GENERATOR_STATS.reset()
    schema = SchemaGenerator(patterns=[path("voorbeeld", Voorbeeld.as_view())]).get_schema(
        request=None, public=True
    )

    componenten = schema["components"]["schemas"]
    assert "OordeelEnum" in componenten
    assert not [
        naam for naam in componenten if naam.endswith("OordeelEnum") and naam != "OordeelEnum"
    ]
    assert not GENERATOR_STATS._warn_cache


def test_include_calls_out_missing_perspectives() -> None:
    beoordeling = Perspectiefbeoordeling(
        juridisch_oordeel=Oordeel.ZORGEN,
        juridisch_toelichting="Strijd met art. 3:4 Awb.",
        professioneel_oordeel=Oordeel.GEEN_ZORGEN,
    )
    html = render_to_string("kennisbank/includes/perspectieven.html", {"beoordeling": beoordeling})

    assert "Nog niet beoordeeld:" in html
    assert "financieel, burger." in html
    assert html.count('data-ontbreekt="true"') == 2
    assert "Strijd met art. 3:4 Awb." in html
    assert 'scope="row">Juridisch</th>' in html


def test_include_without_assessment_shows_all_four_missing() -> None:
    html = render_to_string("kennisbank/includes/perspectieven.html", {"beoordeling": None})
    assert html.count('data-ontbreekt="true"') == 4
    assert "juridisch, financieel, professioneel, burger." in html


def test_include_of_a_complete_assessment_says_so() -> None:
    beoordeling = Perspectiefbeoordeling(
        **{f"{p}_oordeel": Oordeel.GEEN_ZORGEN for p in Perspectief}
    )
    html = render_to_string("kennisbank/includes/perspectieven.html", {"beoordeling": beoordeling})
    assert "Alle vier perspectieven zijn beoordeeld." in html
    assert "Nog niet beoordeeld" not in html
