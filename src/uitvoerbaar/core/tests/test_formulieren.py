"""Running a service for a form: the service's refusal lands next to the field it concerns."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from uitvoerbaar.core.formulieren import fouten_naar_form, uitvoeren
from uitvoerbaar.signalen.transitions import OngeldigeOvergang


class _Form(forms.Form):
    titel = forms.CharField(required=False)
    perspectieven = forms.CharField(required=False)


def _geldig(**data: str) -> _Form:
    form = _Form(data)
    assert form.is_valid()
    return form


def test_each_message_goes_next_to_its_field_and_the_rest_above_the_form() -> None:
    form = _geldig(titel="x")
    fouten_naar_form(
        form,
        ValidationError({"kop": "Te lang.", "perspectieven.burger": "Kies.", "elders": "Mis."}),
        velden={"kop": "titel"},
    )
    assert form.errors["titel"] == ["Te lang."]
    assert form.errors["perspectieven"] == ["Kies."]
    assert form.non_field_errors() == ["Mis."]


def test_a_form_may_place_a_message_itself() -> None:
    class Eigen(_Form):
        def plaats_fout(self, naam: str, meldingen: ValidationError) -> bool:
            if naam != "antwoorden":
                return False
            self.add_error("titel", meldingen)
            return True

    form = Eigen({"titel": "x"})
    assert form.is_valid()
    fouten_naar_form(form, ValidationError({"antwoorden": "Beantwoord elk argument."}))
    assert form.errors["titel"] == ["Beantwoord elk argument."]
    assert not form.non_field_errors()


def test_uitvoeren_answers_200_400_and_409() -> None:
    assert uitvoeren(_geldig(), lambda: "klaar") == ("klaar", 200)

    form = _geldig()

    def weigert() -> None:
        raise ValidationError({"titel": "Vul een titel in."})

    assert uitvoeren(form, weigert) == (None, 400)
    assert form.errors["titel"] == ["Vul een titel in."]

    form = _geldig()

    def kan_niet() -> None:
        raise OngeldigeOvergang("heropenen", "ontvangen")

    assert uitvoeren(form, kan_niet) == (None, 409)
    assert form.non_field_errors() == [str(OngeldigeOvergang("heropenen", "ontvangen"))]
