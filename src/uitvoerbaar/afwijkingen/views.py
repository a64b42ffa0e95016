"""Screens of deviations: the afwijkingswijzer, the register with what waits for approval and
the "structureel — regel aanpassen" proposals, a deviation with its precedents and the
equal-treatment alert, the consistency report, aanvechtingen and casusberaden.

Every POST goes through a service. What the services refuse comes back on the same page: a
ValidationError next to its field (400), a move the state does not allow above the form (409),
a person without the right a 403 page. Nothing is changed then."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from uitvoerbaar.core import policy
from uitvoerbaar.core.formulieren import fouten_naar_form
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.core.paginering import BegrensdePaginator
from uitvoerbaar.core.permissions import requires
from uitvoerbaar.kennisbank.models import Artikel, Regeling
from uitvoerbaar.kennisbank.selectors import beginsel_keuzes
from uitvoerbaar.kennisbank.zoeken import schoon
from uitvoerbaar.signalen import selectors as signalen_selectors
from uitvoerbaar.signalen.constants import Signaalsoort
from uitvoerbaar.signalen.models import Signaal

from . import selectors, services
from .constants import (
    AanvechtingBron,
    AfwijkingStatus,
    Handeling,
    Huishouden,
    Inkomensband,
    Knelpunt,
)
from .forms import (
    AanvechtingForm,
    AfrondenForm,
    AfwijkingForm,
    BeoordelenForm,
    CasusberaadForm,
    IndienenForm,
    InstellingForm,
    LeegForm,
    PerspectievenInvoer,
)
from .models import Afwijking
from .transitions import OngeldigeOvergang, is_toegestaan

PER_PAGINA = 25


def _gebruiker(request: HttpRequest) -> Gebruiker:
    return request.user  # type: ignore[return-value]


def _artikel(request: HttpRequest) -> Artikel | None:
    return selectors.artikel_voor_wijzer(
        regeling_code=schoon(request.GET.get("regeling", "")),
        nummer=schoon(request.GET.get("artikel", "")),
    )


# --- the register --------------------------------------------------------------------------------


@requires("afwijking.bekijken")
@require_safe
def register(request: HttpRequest) -> HttpResponse:
    user = _gebruiker(request)
    status = request.GET.get("status", "")
    if status not in AfwijkingStatus.values:
        status = ""
    qs = selectors.afwijkingen(user=user, status=status)
    return render(
        request,
        "afwijkingen/register.html",
        {
            "pagina": BegrensdePaginator(qs, PER_PAGINA).get_page(request.GET.get("pagina")),
            "status": status,
            "statussen": AfwijkingStatus.choices,
            "te_beoordelen": list(selectors.te_beoordelen(user=user)[:50]),
            "voorstellen": selectors.structurele_voorstellen(user=user),
            "instelbaar": selectors.organisaties(user, "afwijking.instellingen"),
            "consistentie": list(selectors.regelingen_met_afwijkingen(user=user)),
        },
    )


# --- the afwijkingswijzer ------------------------------------------------------------------------


@requires("afwijkingswijzer.gebruiken")
@require_safe
def wijzer(request: HttpRequest) -> HttpResponse:
    user = _gebruiker(request)
    artikel = _artikel(request)
    context: dict[str, Any] = {
        "regelingen": selectors.regelingen_voor(user),
        "gekozen_regeling": request.GET.get("regeling", ""),
        "gekozen_artikel": request.GET.get("artikel", ""),
        "kan_registreren": policy.allows(user, "afwijking.registreren"),
    }
    if artikel is not None:
        context["wijzer"] = selectors.wijzer(user=user, artikel=artikel)
        situatie = {
            "huishouden": request.GET.get("huishouden", ""),
            "inkomensband": request.GET.get("inkomensband", ""),
            "knelpunt": request.GET.get("knelpunt", ""),
            "tekst": schoon(request.GET.get("situatie", ""), maximum=2000),
        }
        context["situatie"] = situatie
        context["keuzes"] = {
            "huishouden": Huishouden.choices,
            "inkomensband": Inkomensband.choices,
            "knelpunt": Knelpunt.choices,
        }
        if any(situatie.values()) and policy.allows(user, "afwijking.bekijken"):
            context["precedenten"] = selectors.precedenten_voor_situatie(
                user=user, artikel=artikel, **situatie
            )
            context["gezocht"] = True
    elif request.GET.get("artikel"):
        context["niet_gevonden"] = True
    return render(request, "afwijkingen/wijzer.html", context)


# --- registering ---------------------------------------------------------------------------------


@requires("afwijking.registreren")
@require_http_methods(["GET", "HEAD", "POST"])
def nieuw(request: HttpRequest) -> HttpResponse:
    user = _gebruiker(request)
    artikel = _artikel(request)
    if artikel is None:
        messages.info(request, _("Kies eerst in de wijzer de regeling en het artikel."))
        return redirect("afwijkingen:wijzer")
    organisaties = [
        o
        for o in selectors.organisaties(user, "afwijking.registreren")
        if artikel.regeling.uitvoerders.filter(pk=o.pk).exists()
    ]
    if not organisaties:
        raise PermissionDenied(_("Uw organisatie voert deze regeling niet uit."))
    data = request.POST if request.method == "POST" else None
    form = AfwijkingForm(
        data, artikel=artikel, organisaties=organisaties, beginselen=beginsel_keuzes()
    )
    perspectieven = PerspectievenInvoer(data)
    status = 200
    if data is not None:
        status = 400
        if form.is_valid() & perspectieven.is_valid():
            try:
                afwijking = services.register_afwijking(
                    door=user,
                    organisatie=form.cleaned_data["organisatie"],
                    eenheid=selectors.eenheid_van(user, form.cleaned_data["organisatie"]),
                    artikel=artikel,
                    grond=form.cleaned_data["grond"],
                    bedoeling=form.cleaned_data["bedoeling"],
                    casus=form.cleaned_data["casus"],
                    alternatief=form.cleaned_data["alternatief"],
                    motivering=form.cleaned_data["motivering"],
                    huishouden=form.cleaned_data["huishouden"],
                    inkomensband=form.cleaned_data["inkomensband"],
                    knelpunt=form.cleaned_data["knelpunt"],
                    bedrag=form.cleaned_data["bedrag"],
                    beginselen=list(form.cleaned_data["beginselen"]),
                    perspectieven=perspectieven.cleaned_data,
                )
            except ValidationError as exc:
                _verdeel(exc, form, perspectieven)
            else:
                messages.success(
                    request,
                    _(
                        "De afwijking is vastgelegd als concept. Bekijk de precedenten en dien "
                        "haar in ter beoordeling."
                    ),
                )
                return redirect("afwijkingen:afwijking", pk=afwijking.pk)
    return render(
        request,
        "afwijkingen/nieuw.html",
        {"artikel": artikel, "form": form, "perspectieven": perspectieven},
        status=status,
    )


def _verdeel(exc: ValidationError, form: forms.Form, perspectieven: forms.BaseForm) -> None:
    """Messages of the perspectives go to their own fields, the rest to the main form."""
    if not hasattr(exc, "error_dict"):
        fouten_naar_form(form, exc)
        return
    eigen = {k: v for k, v in exc.message_dict.items() if k not in perspectieven.fields}
    anders = {k: v for k, v in exc.message_dict.items() if k in perspectieven.fields}
    if eigen:
        fouten_naar_form(form, ValidationError(eigen))
    if anders:
        fouten_naar_form(perspectieven, ValidationError(anders))


@requires("afwijking.registreren")
@require_http_methods(["GET", "HEAD", "POST"])
def wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    user = _gebruiker(request)
    item = selectors.afwijking_detail(user=user, pk=pk)
    policy.require(user, "afwijking.registreren", item)
    if not is_toegestaan(Handeling.WIJZIGEN, item.status):
        messages.error(request, _("Alleen een concept kan nog worden gewijzigd."))
        return redirect("afwijkingen:afwijking", pk=item.pk)
    form = AfwijkingForm(
        request.POST if request.method == "POST" else None,
        initial={
            "organisatie": item.organisatie_id,
            "grond": item.grond_id,
            "beginselen": list(item.beginselen.all()),
            **{
                veld: getattr(item, veld)
                for veld in (
                    "bedoeling",
                    "casus",
                    "huishouden",
                    "inkomensband",
                    "knelpunt",
                    "bedrag",
                    "alternatief",
                    "motivering",
                )
            },
        },
        artikel=item.artikel,
        organisaties=[item.organisatie],
        beginselen=beginsel_keuzes(),
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.update_afwijking(
                    afwijking=item,
                    door=user,
                    grond=form.cleaned_data["grond"],
                    bedoeling=form.cleaned_data["bedoeling"],
                    casus=form.cleaned_data["casus"],
                    alternatief=form.cleaned_data["alternatief"],
                    motivering=form.cleaned_data["motivering"],
                    huishouden=form.cleaned_data["huishouden"],
                    inkomensband=form.cleaned_data["inkomensband"],
                    knelpunt=form.cleaned_data["knelpunt"],
                    bedrag=form.cleaned_data["bedrag"],
                    beginselen=list(form.cleaned_data["beginselen"]),
                )
            except ValidationError as exc:
                fouten_naar_form(form, exc)
            except OngeldigeOvergang as exc:
                form.add_error(None, str(exc))
                status = 409
            else:
                messages.success(request, _("De afwijking is gewijzigd."))
                return redirect("afwijkingen:afwijking", pk=item.pk)
    return render(
        request,
        "afwijkingen/nieuw.html",
        {"artikel": item.artikel, "form": form, "afwijking": item},
        status=status,
    )


# --- one deviation -------------------------------------------------------------------------------


def _formulieren(request: HttpRequest, afwijking: Afwijking) -> dict[str, forms.BaseForm]:
    user = _gebruiker(request)
    f: dict[str, forms.BaseForm] = {}
    mag_registreren = policy.allows(user, "afwijking.registreren", afwijking)
    if mag_registreren and is_toegestaan(Handeling.INDIENEN, afwijking.status):
        f["indienen"] = IndienenForm()
        f["wijzigen"] = LeegForm(prefix="wijzigen")
        f["perspectieven"] = PerspectievenInvoer(instance=afwijking.perspectieven)
    if (
        policy.allows(user, "afwijking.beoordelen", afwijking)
        and is_toegestaan(Handeling.GOEDKEUREN, afwijking.status)
        and afwijking.geregistreerd_door_id != user.pk
        and (
            not afwijking.bestuur_vereist
            or afwijking.organisatie_id in policy.organisaties_met_rol(user, {"bestuur"})
        )
    ):
        f["beoordelen"] = BeoordelenForm()
    if mag_registreren and is_toegestaan(Handeling.AFRONDEN, afwijking.status):
        f["afronden"] = AfrondenForm()
    if mag_registreren and is_toegestaan(Handeling.INTREKKEN, afwijking.status):
        f["intrekken"] = LeegForm(prefix="intrekken")
    return f


def _afwijkingpagina(
    request: HttpRequest,
    afwijking: Afwijking,
    *,
    gebonden: dict[str, forms.BaseForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    gevonden = selectors.precedenten_voor(afwijking)
    formulieren = _formulieren(request, afwijking)
    formulieren.update(gebonden or {})
    return render(
        request,
        "afwijkingen/afwijking.html",
        {
            "afwijking": afwijking,
            "precedenten": gevonden,
            "alarm": selectors.gelijkheidsalarm(afwijking, gevonden),
            "formulieren": formulieren,
            "mag_aanvechten": policy.allows(
                _gebruiker(request), "aanvechting.indienen", afwijking.organisatie_id
            ),
        },
        status=status,
    )


@requires("afwijking.bekijken")
@require_safe
def afwijking(request: HttpRequest, pk: int) -> HttpResponse:
    return _afwijkingpagina(request, selectors.afwijking_detail(user=_gebruiker(request), pk=pk))


def _handel(
    request: HttpRequest, pk: int, sleutel: str, form: forms.BaseForm, uitvoeren: Any
) -> HttpResponse:
    item = selectors.afwijking_detail(user=_gebruiker(request), pk=pk)
    status = 400
    if form.is_valid():
        try:
            melding = uitvoeren(item, form.cleaned_data)
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        except OngeldigeOvergang as exc:
            form.add_error(None, str(exc))
            status = 409
        else:
            messages.success(request, melding)
            return redirect("afwijkingen:afwijking", pk=item.pk)
    return _afwijkingpagina(request, item, gebonden={sleutel: form}, status=status)


@requires("afwijking.registreren")
@require_POST
def indienen(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(item: Afwijking, data: dict[str, Any]) -> str:
        services.submit_afwijking(
            afwijking=item,
            door=_gebruiker(request),
            verschil_motivering=data["verschil_motivering"],
        )
        return _(
            "De afwijking is ingediend. Een collega met de rol om goed te keuren beoordeelt haar."
        )

    return _handel(request, pk, "indienen", IndienenForm(request.POST), uitvoeren)


@requires("afwijking.registreren")
@require_POST
def perspectieven(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.afwijking_detail(user=_gebruiker(request), pk=pk)
    form = PerspectievenInvoer(request.POST, instance=item.perspectieven)

    def uitvoeren(item: Afwijking, data: dict[str, Any]) -> str:
        services.save_afwijking_perspectieven(afwijking=item, door=_gebruiker(request), data=data)
        return _("De vier perspectieven zijn opgeslagen.")

    return _handel(request, pk, "perspectieven", form, uitvoeren)


@requires("afwijking.beoordelen")
@require_POST
def beoordelen(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(item: Afwijking, data: dict[str, Any]) -> str:
        if data["besluit"] == "goedkeuren":
            services.approve_afwijking(
                afwijking=item,
                door=_gebruiker(request),
                toelichting=data["toelichting"],
                verschil_motivering=data["verschil_motivering"],
            )
            return _("U hebt de afwijking goedgekeurd.")
        services.reject_afwijking(
            afwijking=item,
            door=_gebruiker(request),
            toelichting=data["toelichting"],
            verschil_motivering=data["verschil_motivering"],
        )
        return _("U hebt de afwijking afgewezen.")

    return _handel(request, pk, "beoordelen", BeoordelenForm(request.POST), uitvoeren)


@requires("afwijking.registreren")
@require_POST
def afronden(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(item: Afwijking, data: dict[str, Any]) -> str:
        services.close_afwijking(
            afwijking=item,
            door=_gebruiker(request),
            uitkomst=data["uitkomst"],
            vervolg=data["vervolg"],
        )
        return _("De uitkomst is vastgelegd.")

    return _handel(request, pk, "afronden", AfrondenForm(request.POST), uitvoeren)


@requires("afwijking.registreren")
@require_POST
def intrekken(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(item: Afwijking, data: dict[str, Any]) -> str:
        services.withdraw_afwijking(afwijking=item, door=_gebruiker(request))
        return _("De afwijking is ingetrokken.")

    return _handel(request, pk, "intrekken", LeegForm(request.POST, prefix="intrekken"), uitvoeren)


# --- the consistency report ----------------------------------------------------------------------


@requires("afwijking.consistentie")
@require_safe
def consistentie(request: HttpRequest, code: str) -> HttpResponse:
    regeling = Regeling.objects.filter(code=schoon(code)).first()
    if regeling is None:
        raise Http404(_("Deze regeling bestaat niet."))
    return render(
        request,
        "afwijkingen/consistentie.html",
        {
            "regeling": regeling,
            "verschillen": selectors.consistentie(user=_gebruiker(request), regeling=regeling),
        },
    )


# --- aanvechtingen -------------------------------------------------------------------------------


@requires("aanvechting.bekijken")
@require_safe
def aanvechtingen(request: HttpRequest) -> HttpResponse:
    qs = selectors.aanvechtingen(user=_gebruiker(request))
    return render(
        request,
        "afwijkingen/aanvechtingen.html",
        {"pagina": BegrensdePaginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))},
    )


@requires("aanvechting.indienen")
@require_http_methods(["GET", "HEAD", "POST"])
def aanvechting_nieuw(request: HttpRequest) -> HttpResponse:
    user = _gebruiker(request)
    artikel = _artikel(request)
    if artikel is None:
        messages.info(request, _("Kies eerst in de wijzer de regeling en het artikel."))
        return redirect("afwijkingen:wijzer")
    organisaties: list[Organisatie] = selectors.organisaties(user, "aanvechting.indienen")
    eigen = selectors.afwijkingen(user=user, artikel_id=artikel.pk).filter(
        organisatie__in=organisaties
    )
    # Signals the person may read as handler or board, or reported under their own name; never
    # their own confidential one: citing it under their name would say who reported it.
    signalen = Signaal.objects.filter(
        signalen_selectors.leesbaar(user) | Q(melder=user),
        artikel=artikel,
        organisatie__in=organisaties,
        soort=Signaalsoort.SIGNAAL,
    ).order_by("-ontvangen_op")
    bron = request.GET.get("bron", "")
    structureel = bron == AanvechtingBron.STRUCTUREEL
    initial: dict[str, Any] = {}
    if request.method != "POST":
        gekozen = [int(x) for x in request.GET.getlist("afwijking") if x.isdigit()]
        initial["afwijkingen"] = list(eigen.filter(pk__in=gekozen))
        gekozen_signalen = [int(x) for x in request.GET.getlist("signaal") if x.isdigit()]
        initial["signalen"] = list(signalen.filter(pk__in=gekozen_signalen))
        if structureel:
            initial["titel"] = _("Structureel — regel aanpassen: %(artikel)s") % {
                "artikel": str(artikel)
            }
    form = AanvechtingForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        organisaties=organisaties,
        afwijkingen=eigen,
        beginselen=beginsel_keuzes(),
        signalen=signalen,
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                aanvechting = services.submit_aanvechting(
                    door=user,
                    organisatie=form.cleaned_data["organisatie"],
                    eenheid=selectors.eenheid_van(user, form.cleaned_data["organisatie"]),
                    artikel=artikel,
                    titel=form.cleaned_data["titel"],
                    toelichting=form.cleaned_data["toelichting"],
                    argumenten=form.argumentenlijst(),
                    afwijkingen=list(form.cleaned_data["afwijkingen"]),
                    signalen=list(form.cleaned_data["signalen"]),
                    beginselen=list(form.cleaned_data["beginselen"]),
                    bron=AanvechtingBron.STRUCTUREEL
                    if structureel
                    else AanvechtingBron.PROFESSIONAL,
                )
            except ValidationError as exc:
                fouten_naar_form(form, exc)
            else:
                messages.success(
                    request,
                    _(
                        "De aanvechting is verstuurd naar %(eigenaar)s. Het ministerie moet "
                        "binnen de termijn antwoorden met pas toe of leg uit."
                    )
                    % {"eigenaar": artikel.regeling.eigenaar.naam},
                )
                return redirect("afwijkingen:aanvechting", pk=aanvechting.pk)
    return render(
        request,
        "afwijkingen/aanvechting_nieuw.html",
        {"artikel": artikel, "form": form, "structureel": structureel},
        status=status,
    )


@requires("aanvechting.bekijken")
@require_safe
def aanvechting(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.aanvechting_detail(user=_gebruiker(request), pk=pk)
    reacties = list(item.verzoek.reacties.all()) if item.verzoek else []
    return render(
        request,
        "afwijkingen/aanvechting.html",
        {"aanvechting": item, "reacties": reacties},
    )


# --- casusberaden --------------------------------------------------------------------------------


@requires("casusberaad.bekijken")
@require_safe
def casusberaden(request: HttpRequest) -> HttpResponse:
    zoek = schoon(request.GET.get("zoek", ""))
    alleen_richtlijnen = request.GET.get("richtlijnen") == "1"
    user = _gebruiker(request)
    qs = (
        selectors.richtlijnen(user=user, zoek=zoek)
        if alleen_richtlijnen
        else selectors.casusberaden(user=user, zoek=zoek)
    )
    return render(
        request,
        "afwijkingen/casusberaden.html",
        {
            "pagina": BegrensdePaginator(qs, PER_PAGINA).get_page(request.GET.get("pagina")),
            "zoek": zoek,
            "alleen_richtlijnen": alleen_richtlijnen,
        },
    )


@requires("casusberaad.vastleggen")
@require_http_methods(["GET", "HEAD", "POST"])
def casusberaad_nieuw(request: HttpRequest) -> HttpResponse:
    user = _gebruiker(request)
    data = request.POST if request.method == "POST" else None
    initial: dict[str, Any] = {}
    if artikel := _artikel(request):
        initial = {"regeling": artikel.regeling_id, "artikel": artikel.nummer}
    form = CasusberaadForm(
        data,
        initial=initial,
        organisaties=selectors.organisaties(user, "casusberaad.vastleggen"),
        regelingen=selectors.regelingen_voor(user),
        beginselen=beginsel_keuzes(),
    )
    perspectieven = PerspectievenInvoer(data)
    status = 200
    if data is not None:
        status = 400
        if form.is_valid() & perspectieven.is_valid():
            try:
                beraad = services.record_casusberaad(
                    door=user,
                    organisatie=form.cleaned_data["organisatie"],
                    regeling=form.cleaned_data["regeling"],
                    artikel=form.cleaned_data["artikel_obj"],
                    datum=form.cleaned_data["datum"],
                    vraag=form.cleaned_data["vraag"],
                    conclusie=form.cleaned_data["conclusie"],
                    richtlijn=form.cleaned_data["richtlijn"],
                    deelnemers=form.cleaned_data["deelnemers"],
                    beginselen=list(form.cleaned_data["beginselen"]),
                    perspectieven=perspectieven.cleaned_data,
                )
            except ValidationError as exc:
                _verdeel(exc, form, perspectieven)
            else:
                messages.success(request, _("Het casusberaad is vastgelegd."))
                return redirect("afwijkingen:casusberaad", pk=beraad.pk)
    return render(
        request,
        "afwijkingen/casusberaad_nieuw.html",
        {"form": form, "perspectieven": perspectieven},
        status=status,
    )


@requires("casusberaad.bekijken")
@require_safe
def casusberaad(request: HttpRequest, pk: int) -> HttpResponse:
    return render(
        request,
        "afwijkingen/casusberaad.html",
        {"beraad": selectors.casusberaad_detail(user=_gebruiker(request), pk=pk)},
    )


# --- the organisation's settings ---------------------------------------------------------------


@requires("afwijking.instellingen")
@require_http_methods(["GET", "HEAD", "POST"])
def instellingen(request: HttpRequest, slug: str) -> HttpResponse:
    user = _gebruiker(request)
    organisatie = Organisatie.objects.filter(slug=schoon(slug)).first()
    if organisatie is None:
        raise Http404(_("Deze organisatie bestaat niet."))
    policy.require(user, "afwijking.instellingen", organisatie)
    huidig = services.instelling(organisatie)
    form = InstellingForm(
        request.POST if request.method == "POST" else None,
        initial={
            "bestuur_drempel": huidig.bestuur_drempel,
            "structureel_drempel": huidig.structureel_drempel,
            "precedenten_delen": huidig.precedenten_delen,
        },
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.save_instelling(
                    door=user,
                    organisatie=organisatie,
                    bestuur_drempel=form.cleaned_data["bestuur_drempel"],
                    structureel_drempel=form.cleaned_data["structureel_drempel"],
                    precedenten_delen=form.cleaned_data["precedenten_delen"],
                )
            except ValidationError as exc:
                fouten_naar_form(form, exc)
            else:
                messages.success(request, _("De instellingen zijn opgeslagen."))
                return redirect("afwijkingen:instellingen", slug=organisatie.slug)
    return render(
        request,
        "afwijkingen/instellingen.html",
        {"organisatie": organisatie, "form": form},
        status=status,
    )
