"""Screens of services and means (U2, M2) and of employment conditions (M4).

Every POST goes through a service; what it refuses comes back on the same page next to the
field (400) and nothing changes. A service someone may not see is a 404 page."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from uitvoerbaar.core import policy
from uitvoerbaar.core.formulieren import fouten_naar_form, uitvoeren
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.core.permissions import requires
from uitvoerbaar.kennisbank.forms import PerspectievenForm

from . import grafieken, selectors, services, weergave
from .constants import BAND_BETROUWBAARHEID, MIN_EXTRA_PUNTEN
from .forms import (
    ArbeidsvoorwaardeForm,
    DienstForm,
    ImportForm,
    IndicatorForm,
    KeuzenotaForm,
    OndergrensForm,
    ScenarioForm,
    WaardenafwegingForm,
)
from .grafieken import Waarde


def _gebruiker(request: HttpRequest) -> Gebruiker:
    return request.user  # type: ignore[return-value]


def _context_model() -> dict[str, Any]:
    return {
        "band_procent": round(BAND_BETROUWBAARHEID * 100),
        "min_extra": MIN_EXTRA_PUNTEN,
    }


# --- services --------------------------------------------------------------------------------


@require_safe
@requires("dienstverlening.bekijken")
def lijst(request: HttpRequest) -> HttpResponse:
    user = _gebruiker(request)
    diensten = list(selectors.zichtbare_diensten(user=user))
    aantallen = selectors.onderschrijdingen_per_dienst(diensten)
    return render(
        request,
        "dienstverlening/lijst.html",
        {
            "diensten": [(d, aantallen.get(d.pk, 0)) for d in diensten],
            "mag_beheren": bool(
                selectors.beheerbare_organisaties(user=user, actie="dienstverlening.beheren")
            ),
        },
    )


@require_http_methods(["GET", "POST"])
@requires("dienstverlening.beheren")
def dienst_nieuw(request: HttpRequest) -> HttpResponse:
    user = _gebruiker(request)
    organisaties = selectors.beheerbare_organisaties(user=user, actie="dienstverlening.beheren")
    form = DienstForm(request.POST or None, organisaties=organisaties)
    status = 200
    if request.method == "POST":
        d, status = uitvoeren(
            form,
            lambda: services.create_dienst(
                door=user,
                organisatie=form.cleaned_data["organisatie"],
                naam=form.cleaned_data["naam"],
                omschrijving=form.cleaned_data["omschrijving"],
            ),
        )
        if d is not None:
            messages.success(request, _("De dienst is vastgelegd."))
            return redirect("dienstverlening:dienst", pk=d.pk)
    return render(request, "dienstverlening/dienst_nieuw.html", {"form": form}, status=status)


@require_safe
@requires("dienstverlening.bekijken")
def dienst(request: HttpRequest, pk: int) -> HttpResponse:
    user = _gebruiker(request)
    d = selectors.dienst(user=user, pk=pk)
    a = selectors.analyse(d)
    indicatoren = [
        {
            "a": ia,
            "grafiek": weergave.grafiek_reeks(ia),
            "beschrijving": weergave.beschrijving_reeks(ia),
        }
        for ia in a.indicatoren
    ]
    return render(
        request,
        "dienstverlening/dienst.html",
        {
            "dienst": d,
            "analyse": a,
            "indicatoren": indicatoren,
            "middelen": a.middelen[-12:],
            "scenarios": [
                selectors.projecteer(s, a) for s in d.scenarios.order_by("aangemaakt_op", "pk")
            ],
            "keuzenotas": d.keuzenotas.order_by("-opgesteld_op"),
            "mag_beheren": policy.allows(user, "dienstverlening.beheren", d),
            "mag_ondergrens": policy.allows(user, "dienstverlening.ondergrens", d),
            "mag_scenario": policy.allows(user, "dienstverlening.scenario", d),
            "mag_keuzenota": policy.allows(user, "dienstverlening.keuzenota", d),
            **_context_model(),
        },
    )


@require_http_methods(["GET", "POST"])
@requires("dienstverlening.beheren")
def indicator_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    user = _gebruiker(request)
    d = selectors.dienst(user=user, pk=pk)
    policy.require(user, "dienstverlening.beheren", d)
    form = IndicatorForm(request.POST or None)
    status = 200
    if request.method == "POST":
        ind, status = uitvoeren(
            form,
            lambda: services.create_indicator(
                door=user,
                dienst=d,
                naam=form.cleaned_data["naam"],
                code=form.cleaned_data["code"],
                eenheid=form.cleaned_data["eenheid"],
                richting=form.cleaned_data["richting"],
                omschrijving=form.cleaned_data["omschrijving"],
            ),
        )
        if ind is not None:
            messages.success(request, _("De indicator is toegevoegd."))
            return redirect("dienstverlening:dienst", pk=d.pk)
    return render(
        request, "dienstverlening/indicator_nieuw.html", {"form": form, "dienst": d}, status=status
    )


@require_http_methods(["GET", "POST"])
@requires("dienstverlening.beheren")
def importeren(request: HttpRequest, pk: int) -> HttpResponse:
    user = _gebruiker(request)
    d = selectors.dienst(user=user, pk=pk)
    policy.require(user, "dienstverlening.beheren", d)
    form = ImportForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if not form.is_valid():
            status = 400
        else:
            bestand = form.cleaned_data["bestand"]
            uitkomst, status = uitvoeren(
                form, lambda: services.import_csv(door=user, dienst=d, inhoud=bestand.read())
            )
            if uitkomst is not None:
                messages.success(
                    request,
                    _("%(p)d perioden en %(m)d metingen ingelezen.")
                    % {"p": uitkomst.perioden, "m": uitkomst.metingen},
                )
                return redirect("dienstverlening:dienst", pk=d.pk)
    voorbeeld_kop = ";".join(
        ["periode", "budget", "fte", "volume"]
        + [f"{i.code} ({i.eenheid})" for i in d.indicatoren.order_by("naam")]
    )
    return render(
        request,
        "dienstverlening/importeren.html",
        {"form": form, "dienst": d, "voorbeeld_kop": voorbeeld_kop},
        status=status,
    )


@require_http_methods(["GET", "POST"])
@requires("dienstverlening.ondergrens")
def ondergrens(request: HttpRequest, pk: int) -> HttpResponse:
    user = _gebruiker(request)
    ind = selectors.indicator(user=user, pk=pk)
    policy.require(user, "dienstverlening.ondergrens", ind)
    huidig = selectors._ondergrens(ind)
    initial = (
        {
            "grens": weergave.getal(huidig.grens),
            "waarde": huidig.waarde,
            "beginsel": huidig.beginsel,
            "toelichting": huidig.toelichting,
        }
        if huidig
        else None
    )
    form = OndergrensForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        grens, status = uitvoeren(
            form,
            lambda: services.set_ondergrens(
                door=user,
                indicator=ind,
                grens=(form.cleaned_data["grens"] or "").strip().replace(",", "."),
                waarde=form.cleaned_data["waarde"],
                toelichting=form.cleaned_data["toelichting"],
                beginsel=form.cleaned_data["beginsel"],
            ),
        )
        if grens is not None:
            messages.success(request, _("De ondergrens is vastgesteld."))
            return redirect("dienstverlening:dienst", pk=ind.dienst_id)
    return render(
        request,
        "dienstverlening/ondergrens.html",
        {"form": form, "indicator": ind, "huidig": huidig},
        status=status,
    )


# --- scenarios and trade-offs ----------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@requires("dienstverlening.scenario")
def scenario_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    user = _gebruiker(request)
    d = selectors.dienst(user=user, pk=pk)
    policy.require(user, "dienstverlening.scenario", d)
    laatste = d.middelen.order_by("-periode").first()
    initial = (
        {
            "budget": f"{laatste.budget:.0f}",
            "fte": f"{laatste.fte.normalize():f}",
            "volume": laatste.volume,
        }
        if laatste
        else None
    )
    form = ScenarioForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        s, status = uitvoeren(
            form,
            lambda: services.create_scenario(
                door=user,
                dienst=d,
                naam=form.cleaned_data["naam"],
                omschrijving=form.cleaned_data["omschrijving"],
                **form.getallen(),
            ),
        )
        if s is not None:
            messages.success(request, _("Het scenario is vastgelegd."))
            return redirect("dienstverlening:scenario", pk=s.pk)
    return render(
        request,
        "dienstverlening/scenario_nieuw.html",
        {"form": form, "dienst": d, "laatste": laatste},
        status=status,
    )


def _scenario_pagina(
    request: HttpRequest,
    pk: int,
    *,
    form: WaardenafwegingForm | None = None,
    pform: PerspectievenForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = _gebruiker(request)
    s = selectors.scenario(user=user, pk=pk)
    a = selectors.analyse(s.dienst)
    sp = selectors.projecteer(s, a)
    laatste = a.laatste_middelen
    rijen = [
        {
            "p": ip,
            "grafiek": weergave.grafiek_reeks(ip.analyse, projectie=ip, label=_("scenario")),
            "beschrijving": weergave.beschrijving_projectie(ip, s.naam),
        }
        for ip in sp.indicatoren
    ]
    mag = policy.allows(user, "dienstverlening.scenario", s)
    return render(
        request,
        "dienstverlening/scenario.html",
        {
            "scenario": s,
            "dienst": s.dienst,
            "sp": sp,
            "rijen": rijen,
            "laatste": laatste,
            "verschil_budget": (s.budget - laatste.budget) / laatste.budget * 100
            if laatste and laatste.budget
            else None,
            "afwegingen": selectors.waardenafwegingen(s),
            "mag_afwegen": mag,
            "form": form or (WaardenafwegingForm() if mag else None),
            "pform": pform or (PerspectievenForm(prefix="persp") if mag else None),
            **_context_model(),
        },
        status=status,
    )


@require_safe
@requires("dienstverlening.bekijken")
def scenario(request: HttpRequest, pk: int) -> HttpResponse:
    return _scenario_pagina(request, pk)


@require_http_methods(["POST"])
@requires("dienstverlening.scenario")
def waardenafweging(request: HttpRequest, pk: int) -> HttpResponse:
    user = _gebruiker(request)
    s = selectors.scenario(user=user, pk=pk)
    policy.require(user, "dienstverlening.scenario", s)
    form = WaardenafwegingForm(request.POST)
    pform = PerspectievenForm(request.POST, prefix="persp")
    if form.is_valid() and pform.is_valid():
        perspectieven = {k: v for k, v in pform.cleaned_data.items()}
        try:
            services.add_waardenafweging(
                door=user,
                scenario=s,
                waarde_a=form.cleaned_data["waarde_a"],
                waarde_b=form.cleaned_data["waarde_b"],
                afweging=form.cleaned_data["afweging"],
                perspectieven=perspectieven,
            )
        except ValidationError as exc:
            eigen = {k: v for k, v in exc.message_dict.items() if k in form.fields}
            anders = {k: v for k, v in exc.message_dict.items() if k not in form.fields}
            if eigen:
                fouten_naar_form(form, ValidationError(eigen))
            if anders:
                fouten_naar_form(cast(Any, pform), ValidationError(anders))
        else:
            messages.success(request, _("De waardenafweging is vastgelegd."))
            return redirect("dienstverlening:scenario", pk=s.pk)
    return _scenario_pagina(request, pk, form=form, pform=pform, status=400)


# --- keuzenota -------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@requires("dienstverlening.keuzenota")
def keuzenota_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    user = _gebruiker(request)
    d = selectors.dienst(user=user, pk=pk)
    policy.require(user, "dienstverlening.keuzenota", d)
    form = KeuzenotaForm(
        request.POST or None, scenarios=d.scenarios.order_by("aangemaakt_op", "pk")
    )
    status = 200
    if request.method == "POST":
        nota, status = uitvoeren(
            form,
            lambda: services.create_keuzenota(
                door=user,
                dienst=d,
                titel=form.cleaned_data["titel"],
                aanleiding=form.cleaned_data["aanleiding"],
                opties=list(form.cleaned_data["opties"]),
                geadviseerd=form.cleaned_data["geadviseerd"],
                advies=form.cleaned_data["advies"],
            ),
        )
        if nota is not None:
            messages.success(request, _("De keuzenota is opgesteld."))
            return redirect("dienstverlening:keuzenota", pk=nota.pk)
    return render(
        request, "dienstverlening/keuzenota_nieuw.html", {"form": form, "dienst": d}, status=status
    )


def _keuzenota_context(request: HttpRequest, pk: int) -> dict[str, Any]:
    user = _gebruiker(request)
    nota = selectors.keuzenota(user=user, pk=pk)
    a, projecties = selectors.keuzenota_opties(nota)
    grafiek_per_indicator = [
        {"a": ia, "grafiek": weergave.grafiek_opties(ia.indicator.pk, projecties)}
        for ia in a.indicatoren
    ]
    laatste = a.laatste_middelen
    # What each option costs more or less than the last period (the cost side of the choice).
    verschillen = {
        sp.scenario.pk: sp.scenario.budget - laatste.budget if laatste else None
        for sp in projecties
    }
    return {
        "nota": nota,
        "dienst": nota.dienst,
        "analyse": a,
        "projecties": projecties,
        "grafieken": grafiek_per_indicator,
        "laatste": laatste,
        "verschillen": verschillen,
        "herberekend": nota.dienst.gegevens_gewijzigd_op is not None
        and nota.dienst.gegevens_gewijzigd_op > nota.opgesteld_op,
        **_context_model(),
    }


@require_safe
@requires("dienstverlening.bekijken")
def keuzenota(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "dienstverlening/keuzenota.html", _keuzenota_context(request, pk))


@require_safe
@requires("dienstverlening.bekijken")
def keuzenota_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from .pdf import html_naar_pdf

    context = _keuzenota_context(request, pk)
    html = render_to_string("dienstverlening/keuzenota_pdf.html", context, request=request)
    response = HttpResponse(html_naar_pdf(html), content_type="application/pdf")
    naam = slugify(context["nota"].titel) or "keuzenota"
    response["Content-Disposition"] = f'inline; filename="keuzenota-{naam}.pdf"'
    return response


# --- employment conditions (M4) --------------------------------------------------------------


@require_safe
@requires("arbeidsvoorwaarden.bekijken")
def arbeidsvoorwaarden(request: HttpRequest) -> HttpResponse:
    v = selectors.vergelijking()
    regels = []
    for r in v.regels:
        if r.referentie is None or r.referentie == 0:
            continue
        waarden: list[Waarde] = []
        zinnen: list[str] = []
        for o, av, verschil in r.waarden:
            if av is None or verschil is None:
                continue
            procent = float(verschil / r.referentie * 100)
            waarden.append(Waarde(label=o.afkorting or o.naam, y=procent, slecht=procent < 0))
            zinnen.append(
                _("%(org)s: %(w)s, %(p)s%% %(richting)s het gemiddelde van de ministeries")
                % {
                    "org": o.naam,
                    "w": grafieken.getal(float(av.waarde)),
                    "p": grafieken.getal(abs(procent), 1),
                    "richting": _("onder") if procent < 0 else _("boven of gelijk aan"),
                }
            )
        if waarden:
            regels.append(
                {
                    "r": r,
                    "grafiek": grafieken.verschillen(
                        id_=f"av-{r.onderwerp}",
                        titel=f"{r.label}: {_('verschil met de ministeries in procenten')}",
                        beschrijving=_("Gemiddelde van de ministeries: %(g)s %(e)s.")
                        % {"g": grafieken.getal(float(r.referentie)), "e": r.eenheid}
                        + " "
                        + "; ".join(zinnen)
                        + ".",
                        waarden=waarden,
                    ),
                }
            )
    user = _gebruiker(request)
    return render(
        request,
        "dienstverlening/arbeidsvoorwaarden.html",
        {
            "v": v,
            "regels": regels,
            "mag_beheren": user.is_authenticated
            and bool(
                selectors.beheerbare_organisaties(user=user, actie="arbeidsvoorwaarden.beheren")
            ),
        },
    )


@require_http_methods(["GET", "POST"])
@requires("arbeidsvoorwaarden.beheren")
def arbeidsvoorwaarde_bewerken(request: HttpRequest) -> HttpResponse:
    user = _gebruiker(request)
    organisaties = selectors.beheerbare_organisaties(user=user, actie="arbeidsvoorwaarden.beheren")
    form = ArbeidsvoorwaardeForm(request.POST or None, organisaties=organisaties)
    status = 200
    if request.method == "POST":
        av, status = uitvoeren(
            form,
            lambda: services.set_arbeidsvoorwaarde(
                door=user,
                organisatie=form.cleaned_data["organisatie"],
                onderwerp=form.cleaned_data["onderwerp"],
                waarde=(form.cleaned_data["waarde"] or "").strip().replace(",", "."),
                toelichting=form.cleaned_data["toelichting"],
            ),
        )
        if av is not None:
            messages.success(request, _("De arbeidsvoorwaarde is bijgewerkt."))
            return redirect("dienstverlening:arbeidsvoorwaarden")
    return render(
        request, "dienstverlening/arbeidsvoorwaarde_bewerken.html", {"form": form}, status=status
    )
