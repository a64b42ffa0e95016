"""Screens of the beleid app for people at work: proposals with their steps and the
involvement gate, the executor's toets form, assignments and their return.

Every POST goes through a service; what it refuses comes back on the same page next to its
field (400), a person without the right gets a 403 page, and nothing is changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from uitvoerbaar.core import policy
from uitvoerbaar.core.constants import OrganisatieSoort, Rol
from uitvoerbaar.core.formulieren import fouten_naar_form
from uitvoerbaar.core.models import Eenheid, Gebruiker, Organisatie
from uitvoerbaar.core.permissions import requires
from uitvoerbaar.kennisbank.forms import PerspectievenForm
from uitvoerbaar.kennisbank.models import PERSPECTIEF_VELDEN
from uitvoerbaar.kennisbank.selectors import beginsel_keuzes

from . import selectors, services
from .constants import Stapstatus
from .forms import (
    BelofteForm,
    BetrokkeneForm,
    BijlageForm,
    OpdrachtForm,
    StapForm,
    TeruggaveForm,
    ToetsForm,
    UitlegForm,
    VoorstelForm,
    WijzigOpdrachtForm,
)
from .models import Beleidsvoorstel, Besluitstap, Betrokkenheid, Opdracht


def _gebruiker(request: HttpRequest) -> Gebruiker:
    return request.user  # type: ignore[return-value]


def _eigen_ministeries(user: Gebruiker) -> Any:
    ids = {
        lid.organisatie_id for lid in user.actieve_lidmaatschappen() if lid.rol == Rol.BELEIDSMAKER
    }
    return Organisatie.objects.filter(pk__in=ids, soort=OrganisatieSoort.MINISTERIE)


def _uitvoerders() -> Any:
    return Organisatie.objects.filter(
        soort__in=[OrganisatieSoort.UITVOERINGSORGANISATIE, OrganisatieSoort.MEDEOVERHEID]
    ).order_by("naam")


def _teams(user: Gebruiker) -> Any:
    return Eenheid.objects.filter(organisatie__in=_eigen_ministeries(user)).select_related(
        "organisatie"
    )


# --- overview ----------------------------------------------------------------------------------


@requires("beleid.bekijken")
@require_safe
def overzicht(request: HttpRequest) -> HttpResponse:
    user = _gebruiker(request)
    return render(
        request,
        "beleid/overzicht.html",
        {
            "eigen_voorstellen": selectors.voorstellen_van(user=user)[:100],
            "voorstellen": selectors.voorstellen()[:100],
            "opdrachten": selectors.opdrachten(user=user)[:100],
            "mag_maken": policy.allows(user, "beleidsvoorstel.beheren")
            and _eigen_ministeries(user).exists(),
        },
    )


# --- proposals ---------------------------------------------------------------------------------


def _voorstel_form(user: Gebruiker, data: Any = None) -> VoorstelForm:
    return VoorstelForm(
        data,
        ministeries=_eigen_ministeries(user),
        uitvoerders=_uitvoerders(),
        teams=_teams(user),
    )


@requires("beleidsvoorstel.beheren")
@require_http_methods(["GET", "HEAD", "POST"])
def voorstel_nieuw(request: HttpRequest) -> HttpResponse:
    user = _gebruiker(request)
    form = _voorstel_form(user, request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            d = form.cleaned_data
            try:
                voorstel = services.create_voorstel(
                    door=user,
                    ministerie=d["ministerie"],
                    titel=d["titel"],
                    samenvatting=d["samenvatting"],
                    betrokken=list(d["betrokken"]),
                    beleidsteam=d["beleidsteam"],
                    regelingen=list(d["regelingen"]),
                    beoogde_invoering=d["beoogde_invoering"],
                    stappen=form.stappenlijst(),
                )
            except ValidationError as exc:
                fouten_naar_form(form, exc)
            else:
                messages.success(
                    request,
                    _("Het voorstel is gemaakt. De betrokkenen krijgen een verzoek om inbreng."),
                )
                return redirect("beleid:voorstel", pk=voorstel.pk)
    return render(request, "beleid/voorstel_nieuw.html", {"form": form}, status=status)


def _voorstelpagina(
    request: HttpRequest,
    voorstel: Beleidsvoorstel,
    *,
    gebonden: dict[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    user = _gebruiker(request)
    beheren = policy.allows(user, "beleidsvoorstel.beheren", voorstel)
    stappen = list(voorstel.stappen.all())
    huidig = next((s for s in stappen if s.status == Stapstatus.ACTIEF), None)
    gebonden = gebonden or {}
    ontbrekend = (
        [b for b in huidig.betrokkenen.all() if not b.voldaan]
        if huidig is not None and huidig.sleutelstap
        else []
    )
    uitleg_forms = (
        [
            (
                b,
                gebonden.get(f"uitleg-{b.pk}")
                or UitlegForm(prefix=f"uitleg-{b.pk}", organisatie=b.organisatie),
            )
            for b in ontbrekend
        ]
        if beheren
        else []
    )
    eigen_orgs = {lid.organisatie_id for lid in user.actieve_lidmaatschappen()}
    # The involvement this person's organisation still owes at the current step.
    mijn_inbreng = [
        b
        for b in (huidig.betrokkenen.all() if huidig is not None else [])
        if b.organisatie_id in eigen_orgs and b.verzoek is not None and not b.inbreng_op
    ]
    beloften = selectors.beloften_met_vlag(voorstel=voorstel)
    context = {
        "mijn_inbreng": mijn_inbreng,
        "voorstel": voorstel,
        "stappen": stappen,
        "huidig": huidig,
        "vandaag": services.vandaag(),
        "ontbrekend": ontbrekend,
        "beloften": beloften,
        "aantal_vlaggen": sum(1 for b in beloften if b.vlag),
        "toetsen": selectors.gepubliceerde_toetsen(voorstel=voorstel),
        "toets_organisaties": selectors.toets_organisaties(user=user, voorstel=voorstel),
        "beheren": beheren,
        "uitleg_forms": uitleg_forms,
        "stap_form": gebonden.get("stap") or forms.Form(),
        "belofte_form": gebonden.get("belofte") or BelofteForm(prefix="belofte"),
        "bijlage_form": gebonden.get("bijlage") or BijlageForm(prefix="bijlage"),
        "betrokkene_form": gebonden.get("betrokkene") or _betrokkene_form(voorstel),
        "stap_forms": [
            (
                s,
                gebonden.get(f"stap-{s.pk}")
                or _stap_form(
                    voorstel,
                    s,
                    initial={
                        "sleutelstap": s.sleutelstap,
                        "organisaties": [b.organisatie for b in s.betrokkenen.all()],
                    },
                ),
            )
            for s in stappen
            if s.status == Stapstatus.GEPLAND
        ]
        if beheren
        else [],
        "publiek": False,
    }
    return render(request, "beleid/voorstel.html", context, status=status)


@requires("beleid.bekijken")
@require_safe
def voorstel(request: HttpRequest, pk: int) -> HttpResponse:
    return _voorstelpagina(request, selectors.voorstel_detail(pk=pk))


def _handel(
    request: HttpRequest,
    pk: int,
    sleutel: str,
    form: forms.Form,
    uitvoeren: Callable[[Beleidsvoorstel, forms.Form], str],
    velden: dict[str, str] | None = None,
) -> HttpResponse:
    item = selectors.voorstel_detail(pk=pk)
    policy.require(_gebruiker(request), "beleidsvoorstel.beheren", item)
    if form.is_valid():
        try:
            melding = uitvoeren(item, form)
        except ValidationError as exc:
            fouten_naar_form(form, exc, velden)
        else:
            messages.success(request, melding)
            return redirect("beleid:voorstel", pk=pk)
    item = selectors.voorstel_detail(pk=pk)
    return _voorstelpagina(request, item, gebonden={sleutel: form}, status=400)


@requires("beleidsvoorstel.beheren")
@require_POST
def volgende_stap(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(item: Beleidsvoorstel, form: forms.Form) -> str:
        nieuw = services.advance_stap(voorstel=item, door=_gebruiker(request))
        if nieuw is None:
            return _("Alle stappen zijn afgerond.")
        return _("Het voorstel is nu bij de stap '%(stap)s'.") % {"stap": nieuw.naam}

    return _handel(request, pk, "stap", forms.Form(request.POST), uitvoeren)


@requires("beleidsvoorstel.beheren")
@require_POST
def uitleg(request: HttpRequest, pk: int, betrokkenheid: int) -> HttpResponse:
    b = get_object_or_404(Betrokkenheid, pk=betrokkenheid, stap__voorstel_id=pk)
    sleutel = f"uitleg-{b.pk}"

    def uitvoeren(item: Beleidsvoorstel, form: forms.Form) -> str:
        services.explain_zonder_inbreng(
            betrokkenheid=b, door=_gebruiker(request), uitleg=form.cleaned_data["uitleg"]
        )
        return _("Uw uitleg is vastgelegd en staat openbaar bij het voorstel.")

    return _handel(
        request,
        pk,
        sleutel,
        UitlegForm(request.POST, prefix=sleutel, organisatie=b.organisatie),
        uitvoeren,
    )


def _stap_form(voorstel: Beleidsvoorstel, stap: Any, data: Any = None, **kw: Any) -> StapForm:
    return StapForm(
        data, prefix=f"stap-{stap.pk}", betrokken=voorstel.betrokken_organisaties.all(), **kw
    )


@requires("beleidsvoorstel.beheren")
@require_POST
def stap_inrichten(request: HttpRequest, pk: int, stap: int) -> HttpResponse:
    item = selectors.voorstel_detail(pk=pk)
    besluitstap = get_object_or_404(Besluitstap, pk=stap, voorstel_id=pk)

    def uitvoeren(item: Beleidsvoorstel, form: forms.Form) -> str:
        services.configure_stap(
            stap=besluitstap,
            door=_gebruiker(request),
            sleutelstap=form.cleaned_data["sleutelstap"],
            organisaties=list(form.cleaned_data["organisaties"]),
        )
        return _("De stap '%(stap)s' is aangepast.") % {"stap": besluitstap.naam}

    return _handel(
        request,
        pk,
        f"stap-{besluitstap.pk}",
        _stap_form(item, besluitstap, request.POST),
        uitvoeren,
        velden={"betrokken": "organisaties"},
    )


def _betrokkene_form(voorstel: Beleidsvoorstel, data: Any = None) -> BetrokkeneForm:
    kandidaten = _uitvoerders().exclude(
        pk__in=[o.pk for o in voorstel.betrokken_organisaties.all()]
    )
    return BetrokkeneForm(data, prefix="betrokkene", kandidaten=kandidaten)


@requires("beleidsvoorstel.beheren")
@require_POST
def betrokkene(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(item: Beleidsvoorstel, form: forms.Form) -> str:
        organisatie = form.cleaned_data["organisatie"]
        if organisatie is None:
            raise ValidationError({"organisatie": _("Kies een uitvoerder of medeoverheid.")})
        services.add_betrokkene(voorstel=item, door=_gebruiker(request), organisatie=organisatie)
        return _("%(org)s is nu betrokken.") % {"org": organisatie.naam}

    item = selectors.voorstel_detail(pk=pk)
    return _handel(
        request,
        pk,
        "betrokkene",
        _betrokkene_form(item, request.POST),
        uitvoeren,
        velden={"betrokken": "organisatie"},
    )


@requires("beleidsvoorstel.beheren")
@require_POST
def belofte(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(item: Beleidsvoorstel, form: forms.Form) -> str:
        services.add_belofte(
            voorstel=item,
            door=_gebruiker(request),
            soort=form.cleaned_data["soort"],
            tekst=form.cleaned_data["tekst"],
        )
        return _("De belofte is toegevoegd.")

    return _handel(request, pk, "belofte", BelofteForm(request.POST, prefix="belofte"), uitvoeren)


@requires("beleidsvoorstel.beheren")
@require_POST
def bijlage(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(item: Beleidsvoorstel, form: forms.Form) -> str:
        services.add_bijlage(
            voorstel=item,
            door=_gebruiker(request),
            titel=form.cleaned_data["titel"],
            url=form.cleaned_data["url"],
        )
        return _("Het document is toegevoegd.")

    return _handel(request, pk, "bijlage", BijlageForm(request.POST, prefix="bijlage"), uitvoeren)


# --- the executor's toets ------------------------------------------------------------------------


def _toets_initial(toets: Any) -> dict[str, Any]:
    if toets is None:
        return {}
    initial = {
        veld: getattr(toets, veld)
        for veld in (
            *services.TOETS_TEKSTVELDEN,
            "oordeel",
            "kosten_eenmalig",
            "kosten_structureel",
            "vroegst_haalbare_datum",
        )
    }
    initial["invoeringsdatum_haalbaar"] = {True: "ja", False: "nee"}.get(
        toets.invoeringsdatum_haalbaar, ""
    )
    initial["voorwaarden"] = "\n".join(v.tekst for v in toets.voorwaarden.all())
    for b in toets.bevindingen.all():
        initial[f"bevinding_{b.belofte_id}"] = b.haalbaarheid
        initial[f"bevinding_{b.belofte_id}_toelichting"] = b.toelichting
    return initial


def _perspectieven_form(toets: Any, data: Any = None) -> PerspectievenForm:
    form = PerspectievenForm(
        data, prefix="perspectief", instance=toets.perspectieven if toets else None
    )
    # A perspective left out is "not assessed" (and shown as a gap), not a form error.
    for veld in PERSPECTIEF_VELDEN:
        form.fields[veld].required = False
    return form


def _fouten_van_toets(form: ToetsForm, perspectieven: Any, exc: ValidationError) -> None:
    """The four perspectives' messages next to their fields, the rest on the toets form."""
    if not hasattr(exc, "error_dict"):
        fouten_naar_form(form, exc)
        return
    eigen = {k: v for k, v in exc.message_dict.items() if k not in PERSPECTIEF_VELDEN}
    for veld, meldingen in exc.message_dict.items():
        if veld in PERSPECTIEF_VELDEN:
            perspectieven.add_error(veld, meldingen)
    if eigen:
        fouten_naar_form(form, ValidationError(eigen))


@requires("uitvoeringstoets.opstellen")
@require_http_methods(["GET", "HEAD", "POST"])
def toets(request: HttpRequest, pk: int, org: str) -> HttpResponse:
    user = _gebruiker(request)
    voorstel = selectors.voorstel_detail(pk=pk)
    organisatie = get_object_or_404(Organisatie, slug=org)
    policy.require(user, "uitvoeringstoets.opstellen", organisatie)
    if organisatie not in voorstel.betrokken_organisaties.all():
        raise Http404(_("Deze organisatie is niet bij dit voorstel betrokken."))
    bestaand = selectors.toets_van(voorstel=voorstel, organisatie=organisatie)
    beloften = list(voorstel.beloften.all())
    status = 200
    if request.method == "POST":
        form = ToetsForm(request.POST, beloften=beloften)
        perspectieven = _perspectieven_form(bestaand, request.POST)
        status = 400
        if form.is_valid() and perspectieven.is_valid():
            try:
                opgeslagen = services.save_toets(
                    voorstel=voorstel,
                    organisatie=organisatie,
                    door=user,
                    velden=form.velden(),
                    voorwaarden=form.voorwaardenlijst(),
                    bevindingen=form.bevindingen(),
                    perspectieven=perspectieven.cleaned_data,
                )
                if "publiceren" in request.POST:
                    services.publish_toets(toets=opgeslagen, door=user)
            except ValidationError as exc:
                _fouten_van_toets(form, perspectieven, exc)
            else:
                if "publiceren" in request.POST:
                    messages.success(
                        request,
                        _(
                            "De uitvoeringstoets is gepubliceerd. Het ministerie moet op elke "
                            "voorwaarde antwoorden."
                        ),
                    )
                    return redirect("beleid:voorstel", pk=voorstel.pk)
                messages.success(request, _("Het concept is opgeslagen."))
                return redirect("beleid:toets", pk=voorstel.pk, org=organisatie.slug)
        bestaand = selectors.toets_van(voorstel=voorstel, organisatie=organisatie)
    else:
        form = ToetsForm(initial=_toets_initial(bestaand), beloften=beloften)
        perspectieven = _perspectieven_form(bestaand)
    return render(
        request,
        "beleid/toets_form.html",
        {
            "voorstel": voorstel,
            "organisatie": organisatie,
            "toets": bestaand,
            "form": form,
            "perspectieven_form": perspectieven,
        },
        status=status,
    )


# --- assignments ---------------------------------------------------------------------------------


@requires("beleidsvoorstel.beheren")
@require_http_methods(["GET", "HEAD", "POST"])
def opdracht_nieuw(request: HttpRequest) -> HttpResponse:
    user = _gebruiker(request)
    kw = {
        "ministeries": _eigen_ministeries(user),
        "uitvoerders": _uitvoerders(),
        "teams": _teams(user),
    }
    status = 200
    if request.method == "POST":
        form = OpdrachtForm(request.POST, **kw)
        status = 400
        if form.is_valid():
            d = form.cleaned_data
            try:
                opdracht = services.create_opdracht(door=user, **d)
            except ValidationError as exc:
                fouten_naar_form(form, exc)
            else:
                messages.success(request, _("De opdracht is gegeven."))
                return redirect("beleid:opdracht", pk=opdracht.pk)
    else:
        form = OpdrachtForm(**kw)
    return render(request, "beleid/opdracht_nieuw.html", {"form": form}, status=status)


def _opdrachtpagina(
    request: HttpRequest,
    opdracht: Opdracht,
    *,
    gebonden: dict[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    user = _gebruiker(request)
    gebonden = gebonden or {}
    context: dict[str, Any] = {
        "opdracht": opdracht,
        "publiek": False,
        "aantal_vlaggen": selectors.aantal_niet_haalbaar(voorstel_id=opdracht.voorstel_id),
    }
    if policy.allows(user, "opdracht.teruggeven", opdracht) and opdracht.status == "actief":
        context["teruggave_form"] = gebonden.get("teruggave") or TeruggaveForm(
            prefix="teruggave", beginselen=beginsel_keuzes()
        )
    if policy.allows(user, "opdracht.beheren", opdracht):
        context["afronden_form"] = gebonden.get("afronden") or (
            forms.Form() if opdracht.status == "actief" else None
        )
        context["wijzig_form"] = gebonden.get("wijzig") or WijzigOpdrachtForm(
            prefix="wijzig",
            initial={
                "omschrijving": opdracht.omschrijving,
                "deadline": opdracht.deadline,
                "budget": opdracht.budget,
            },
        )
    return render(request, "beleid/opdracht.html", context, status=status)


@requires("opdracht.bekijken")
@require_safe
def opdracht(request: HttpRequest, pk: int) -> HttpResponse:
    return _opdrachtpagina(request, selectors.opdracht_detail(user=_gebruiker(request), pk=pk))


@requires("opdracht.teruggeven")
@require_POST
def teruggeven(request: HttpRequest, pk: int) -> HttpResponse:
    user = _gebruiker(request)
    item = selectors.opdracht_detail(user=user, pk=pk)
    policy.require(user, "opdracht.teruggeven", item)
    form = TeruggaveForm(request.POST, prefix="teruggave", beginselen=beginsel_keuzes())
    if form.is_valid():
        try:
            services.return_opdracht(
                opdracht=item,
                door=user,
                reden=form.cleaned_data["reden"],
                toelichting=form.cleaned_data["toelichting"],
                beginselen=list(form.cleaned_data["beginselen"]),
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(
                request,
                _(
                    "De opdracht is teruggegeven en opgeschort. De ambtelijke top van het "
                    "ministerie moet antwoorden."
                ),
            )
            return redirect("beleid:opdracht", pk=pk)
    return _opdrachtpagina(request, item, gebonden={"teruggave": form}, status=400)


@requires("opdracht.beheren")
@require_POST
def opdracht_afronden(request: HttpRequest, pk: int) -> HttpResponse:
    user = _gebruiker(request)
    item = selectors.opdracht_detail(user=user, pk=pk)
    policy.require(user, "opdracht.beheren", item)
    form = forms.Form(request.POST)
    try:
        services.complete_opdracht(opdracht=item, door=user)
    except ValidationError as exc:
        form.is_valid()
        fouten_naar_form(form, exc)
        return _opdrachtpagina(request, item, gebonden={"afronden": form}, status=400)
    messages.success(request, _("De opdracht is afgerond."))
    return redirect("beleid:opdracht", pk=pk)


@requires("opdracht.beheren")
@require_POST
def opdracht_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    user = _gebruiker(request)
    item = selectors.opdracht_detail(user=user, pk=pk)
    policy.require(user, "opdracht.beheren", item)
    form = WijzigOpdrachtForm(request.POST, prefix="wijzig")
    if form.is_valid():
        try:
            services.update_opdracht(opdracht=item, door=user, **form.cleaned_data)
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De opdracht is gewijzigd."))
            return redirect("beleid:opdracht", pk=pk)
    return _opdrachtpagina(request, item, gebonden={"wijzig": form}, status=400)
