"""Screens of signals and the noodrem: intake (named, confidential, anonymous), following a
signal (own account or receipt code), handling, knelpunten, the board dashboard and the noodrem.

Every POST goes through a service. What a service refuses comes back on the same page: a
ValidationError next to its field (400), a move the state does not allow above the form (409).
A signal someone may not see is a 404 page. Nothing is changed then."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Page
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from uitvoerbaar.core import policy
from uitvoerbaar.core.constants import OrganisatieSoort
from uitvoerbaar.core.formulieren import uitvoeren
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.core.paginering import BegrensdePaginator
from uitvoerbaar.core.permissions import requires
from uitvoerbaar.kennisbank.models import Artikel
from uitvoerbaar.kennisbank.zoeken import schoon

from . import beperking, selectors, services
from .constants import Handeling, Kanaal, Signaalsoort, Status
from .forms import (
    AanvullingForm,
    AfsluitenForm,
    BenadelingForm,
    BerichtForm,
    BesluitForm,
    InBehandelingForm,
    KnelpuntForm,
    NoodremAanvullingForm,
    NoodremForm,
    OntvangstcodeForm,
    RedenForm,
    SignaalForm,
)
from .models import Bijlage, Onthulling, Signaal
from .transitions import OngeldigeOvergang, is_toegestaan

PER_PAGINA = 25
SESSIE_SLEUTEL = "signalen_ontvangstcode_signaal"


def _gebruiker(request: HttpRequest) -> Gebruiker:
    return request.user  # type: ignore[return-value]


def _pagina(request: HttpRequest, qs: Any) -> Page[Any]:
    return BegrensdePaginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))


def _eigen_organisaties(user: Gebruiker) -> Any:
    ids = {m.organisatie_id for m in user.actieve_lidmaatschappen()}
    return (
        Organisatie.objects.filter(pk__in=ids)
        .exclude(soort=OrganisatieSoort.PARLEMENT)
        .order_by("naam")
    )


def _uitvoeren(
    form: forms.Form, actie: Callable[[], Any], velden: dict[str, str] | None = None
) -> tuple[Any, int]:
    return uitvoeren(form, actie, velden, conflicten=(OngeldigeOvergang,))


# --- intake ----------------------------------------------------------------------------------


def _intake(request: HttpRequest, *, anoniem: bool) -> HttpResponse:
    user = _gebruiker(request)
    if anoniem:
        organisaties = Organisatie.objects.exclude(soort=OrganisatieSoort.PARLEMENT).order_by(
            "naam"
        )
    else:
        organisaties = _eigen_organisaties(user)
    benadeling = request.GET.get("soort") == Signaalsoort.BENADELING and not anoniem
    data = request.POST if request.method == "POST" else None
    form = SignaalForm(data, request.FILES or None, organisaties=organisaties, anoniem=anoniem)
    extra = BenadelingForm(data) if benadeling else None
    if benadeling:
        kanaalveld: Any = form.fields["kanaal"]
        kanaalveld.choices = [(Kanaal.VERTROUWELIJK.value, Kanaal.VERTROUWELIJK.label)]
        form.fields["kanaal"].initial = Kanaal.VERTROUWELIJK
    if not anoniem and organisaties.count() == 1:
        form.fields["organisatie"].initial = organisaties.first()
    status = 200
    if request.method == "POST":
        over: Signaal | None = None
        if extra is not None and extra.is_valid() and extra.cleaned_data.get("over_signaal"):
            over = (
                selectors.mijn_signalen(user=user)
                .filter(pk=extra.cleaned_data["over_signaal"])
                .first()
            )
            if over is None:
                extra.add_error("over_signaal", _("U hebt geen signaal met dit kenmerk gemeld."))

        def indienen() -> services.Melding:
            organisatie = form.cleaned_data.get("organisatie")
            if organisatie is None:
                raise ValidationError({"organisatie": _("Kies de organisatie.")})
            return services.submit_signaal(
                door=None if anoniem else user,
                kanaal=Kanaal.ANONIEM if anoniem else form.cleaned_data["kanaal"],
                organisatie=organisatie,
                titel=form.cleaned_data["titel"],
                tekst=form.cleaned_data["tekst"],
                voorstel=form.cleaned_data["voorstel"],
                urgentie=form.cleaned_data["urgentie"],
                regeling=form.cleaned_data["regeling"],
                artikel=form.cleaned_data["artikel"],
                beginselen=list(form.cleaned_data["beginselen"]),
                perspectieven=form.perspectieven(),
                bijlagen=form.cleaned_data["bijlagen"],
                persoonsgegevens_bevestigd=form.cleaned_data["persoonsgegevens_bevestigd"],
                soort=Signaalsoort.BENADELING if benadeling else Signaalsoort.SIGNAAL,
                over_signaal=over,
            )

        if extra is not None and extra.errors:
            status = 400
            form.is_valid()
        elif anoniem and not beperking.anoniem_melden_toegestaan(request):
            form.is_valid()
            form.add_error(None, beperking.MELDING_TE_VEEL_MELDINGEN)
            status = 429
        else:
            melding, status = _uitvoeren(form, indienen)
            if melding is not None:
                if anoniem:
                    response = render(
                        request,
                        "signalen/ontvangstcode_getoond.html",
                        {"signaal": melding.signaal, "code": _groepen(melding.ontvangstcode)},
                    )
                    response["Cache-Control"] = "no-store"
                    return response
                messages.success(
                    request,
                    _("Uw signaal %(kenmerk)s is ontvangen. U ziet hier wat ermee gebeurt.")
                    % {"kenmerk": melding.signaal.kenmerk},
                )
                return redirect("signalen:mijn_signaal", pk=melding.signaal.pk)
    return render(
        request,
        "signalen/melden.html",
        {"form": form, "extra": extra, "anoniem": anoniem, "benadeling": benadeling},
        status=status,
    )


def _groepen(code: str | None) -> str:
    code = code or ""
    return " ".join(code[i : i + 4] for i in range(0, len(code), 4))


@requires("signaal.melden")
@never_cache
def melden(request: HttpRequest) -> HttpResponse:
    return _intake(request, anoniem=False)


@requires("signaal.anoniem_melden")
@never_cache
def anoniem_melden(request: HttpRequest) -> HttpResponse:
    return _intake(request, anoniem=True)


@requires("kennisbank.bekijken")
@require_safe
def artikelen_zoeken(request: HttpRequest) -> HttpResponse:
    """Search as you type (htmx): the article choice narrowed to the regulation and the words."""
    zoek = schoon(request.GET.get("artikel_zoek", ""), maximum=100).strip()
    qs = Artikel.objects.select_related("regeling").order_by("regeling__naam", "volgorde")
    regeling = request.GET.get("regeling", "")
    if regeling.isdigit():
        qs = qs.filter(regeling_id=int(regeling))
    for woord in zoek.split()[:5]:
        qs = qs.filter(
            Q(nummer__icontains=woord)
            | Q(titel__icontains=woord)
            | Q(regeling__naam__icontains=woord)
        )
    return render(request, "signalen/includes/artikel_keuze.html", {"artikelen": qs[:50]})


@requires("signaal.melden")
@require_safe
def gelijkend_bij_melden(request: HttpRequest) -> HttpResponse:
    """At intake (htmx): signals of the chosen organisation that look like this one, by title and
    status only, so the reporter can see whether it is already known."""
    user = _gebruiker(request)
    org = request.GET.get("organisatie", "")
    titel = schoon(request.GET.get("titel", ""), maximum=200)
    gevonden: list[Signaal] = []
    if (
        org.isdigit()
        and int(org) in {m.organisatie_id for m in user.actieve_lidmaatschappen()}
        and titel.strip()
    ):
        gevonden = selectors.gelijkende_signalen(
            user=user,
            organisatie_id=int(org),
            titel=titel,
            tekst=schoon(request.GET.get("tekst", ""), maximum=2000),
        )
    return render(
        request, "signalen/includes/gelijkend.html", {"gelijkend": gevonden, "bij_melden": True}
    )


# --- the reporter: own signals and the receipt code -------------------------------------------


@requires("signaal.eigen")
@require_safe
def mijn(request: HttpRequest) -> HttpResponse:
    user = _gebruiker(request)
    return render(
        request,
        "signalen/mijn.html",
        {"pagina": _pagina(request, selectors.mijn_signalen(user=user))},
    )


def _melderpagina(
    request: HttpRequest,
    signaal: Signaal,
    *,
    form: AanvullingForm | None = None,
    status: int = 200,
    anoniem: bool = False,
) -> HttpResponse:
    return render(
        request,
        "signalen/melder_signaal.html",
        {
            "signaal": signaal,
            "termijnen": selectors.wbk_termijnen(signaal),
            "form": form or AanvullingForm(),
            "kan_aanvullen": is_toegestaan(Handeling.AANVULLEN, Status(signaal.status)),
            "anoniem": anoniem,
        },
        status=status,
    )


@requires("signaal.eigen")
@require_safe
def mijn_signaal(request: HttpRequest, pk: int) -> HttpResponse:
    return _melderpagina(request, selectors.eigen_signaal(user=_gebruiker(request), pk=pk))


@requires("signaal.eigen")
@never_cache
@require_safe
def mijn_bijlage(request: HttpRequest, pk: int, bijlage_pk: int) -> HttpResponse:
    """A named or confidential reporter downloads what they attached to their own signal."""
    return _bijlage(selectors.eigen_signaal(user=_gebruiker(request), pk=pk), bijlage_pk)


def _aanvullen(
    request: HttpRequest, signaal: Signaal, door: Gebruiker | None
) -> tuple[AanvullingForm, int]:
    form = AanvullingForm(request.POST, request.FILES or None)
    _resultaat, status = _uitvoeren(
        form,
        lambda: services.add_informatie(
            signaal=signaal,
            door=door,
            tekst=form.cleaned_data["tekst"],
            bijlagen=form.cleaned_data["bijlagen"],
            persoonsgegevens_bevestigd=form.cleaned_data["persoonsgegevens_bevestigd"],
        ),
    )
    return form, status


@requires("signaal.eigen")
@require_POST
def mijn_aanvullen(request: HttpRequest, pk: int) -> HttpResponse:
    user = _gebruiker(request)
    signaal = selectors.eigen_signaal(user=user, pk=pk)
    form, status = _aanvullen(request, signaal, user)
    if status == 200:
        messages.success(request, _("Uw aanvulling is verstuurd."))
        return redirect("signalen:mijn_signaal", pk=pk)
    return _melderpagina(request, signaal, form=form, status=status)


@requires("signaal.ontvangstcode")
@never_cache
def ontvangstcode(request: HttpRequest) -> HttpResponse:
    """Follow an anonymous signal with its receipt code. A wrong code says only that no signal
    was found; after too many wrong codes from one address, nothing is looked up for a while."""
    form = OntvangstcodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if beperking.pogingen_over(request):
            form.add_error(None, beperking.MELDING_TE_VEEL)
            status = 429
        else:
            signaal = selectors.signaal_met_code(form.cleaned_data["code"])
            if signaal is None:
                beperking.registreer_mislukt(request)
                form.add_error("code", beperking.MELDING_ONBEKEND)
                status = 404
            else:
                request.session.cycle_key()
                request.session[SESSIE_SLEUTEL] = signaal.pk
                return redirect("signalen:anoniem_signaal")
    return render(request, "signalen/ontvangstcode.html", {"form": form}, status=status)


def _anoniem_signaal(request: HttpRequest) -> Signaal | None:
    pk = request.session.get(SESSIE_SLEUTEL)
    if not isinstance(pk, int):
        return None
    return selectors._detail_qs().filter(pk=pk, kanaal=Kanaal.ANONIEM).first()


@requires("signaal.ontvangstcode")
@never_cache
@require_safe
def anoniem_signaal(request: HttpRequest) -> HttpResponse:
    signaal = _anoniem_signaal(request)
    if signaal is None:
        return redirect("signalen:ontvangstcode")
    return _melderpagina(request, signaal, anoniem=True)


@requires("signaal.ontvangstcode")
@require_POST
def anoniem_aanvullen(request: HttpRequest) -> HttpResponse:
    signaal = _anoniem_signaal(request)
    if signaal is None:
        return redirect("signalen:ontvangstcode")
    form, status = _aanvullen(request, signaal, None)
    if status == 200:
        messages.success(request, _("Uw aanvulling is verstuurd."))
        return redirect("signalen:anoniem_signaal")
    return _melderpagina(request, signaal, form=form, status=status, anoniem=True)


@requires("signaal.ontvangstcode")
@never_cache
@require_safe
def anoniem_bijlage(request: HttpRequest, bijlage_pk: int) -> HttpResponse:
    """The anonymous reporter downloads what they attached, with the receipt code's session."""
    signaal = _anoniem_signaal(request)
    if signaal is None:
        return redirect("signalen:ontvangstcode")
    return _bijlage(signaal, bijlage_pk)


@requires("signaal.ontvangstcode")
@require_POST
def anoniem_sluiten(request: HttpRequest) -> HttpResponse:
    request.session.pop(SESSIE_SLEUTEL, None)
    messages.success(request, _("U bent uitgelogd van uw signaal. Bewaar uw ontvangstcode goed."))
    return redirect("signalen:ontvangstcode")


# --- handling --------------------------------------------------------------------------------


@requires("signaal.lijst")
@require_safe
def lijst(request: HttpRequest) -> HttpResponse:
    user = _gebruiker(request)
    status = request.GET.get("status", "")
    kanaal = request.GET.get("kanaal", "")
    zoek = schoon(request.GET.get("zoek", ""), maximum=100)
    qs = selectors.signalen(user=user, status=status, kanaal=kanaal, zoek=zoek)
    return render(
        request,
        "signalen/lijst.html",
        {
            "pagina": _pagina(request, qs),
            "status": status,
            "kanaal": kanaal,
            "zoek": zoek,
            "statussen": Status.choices,
            "kanalen": Kanaal.choices,
            "kan_knelpunt": policy.allows(user, "knelpunt.beheren"),
        },
    )


def _signaalpagina(
    request: HttpRequest,
    signaal: Signaal,
    *,
    gebonden: dict[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    user = _gebruiker(request)
    s = Status(signaal.status)
    mag_behandelen = policy.allows(user, "signaal.behandelen", signaal)
    formulieren: dict[str, forms.Form] = {}
    if mag_behandelen:
        if is_toegestaan(Handeling.IN_BEHANDELING_NEMEN, s):
            formulieren["inbehandeling"] = InBehandelingForm()
        if is_toegestaan(Handeling.BERICHT_STUREN, s):
            formulieren["bericht"] = BerichtForm()
        if is_toegestaan(Handeling.AFSLUITEN, s):
            formulieren["afsluiten"] = AfsluitenForm()
        if is_toegestaan(Handeling.HEROPENEN, s):
            formulieren["heropenen"] = RedenForm(prefix="heropenen")
        if signaal.kanaal == Kanaal.VERTROUWELIJK and not signaal.identiteit_onthuld:
            formulieren["onthulling"] = RedenForm(prefix="onthulling")
    formulieren.update(gebonden or {})
    gelijkend = selectors.gelijkende_signalen(
        user=user,
        organisatie_id=signaal.organisatie_id,
        titel=signaal.titel,
        tekst=signaal.tekst,
        zonder=signaal.pk,
    )
    return render(
        request,
        "signalen/signaal.html",
        {
            "signaal": signaal,
            "termijnen": selectors.wbk_termijnen(signaal),
            "formulieren": formulieren,
            "mag_behandelen": mag_behandelen,
            "mag_identiteit": signaal.kanaal == Kanaal.VERTROUWELIJK
            and (
                policy.allows(user, "signaal.identiteit.bekijken", signaal)
                or (signaal.identiteit_onthuld and mag_behandelen)
            ),
            "onthullingen": list(
                signaal.onthullingen.select_related("gevraagd_door", "besloten_door")
            ),
            "gelijkend": gelijkend,
        },
        status=status,
    )


@requires("signaal.bekijken")
@require_safe
def signaal(request: HttpRequest, pk: int) -> HttpResponse:
    user = _gebruiker(request)
    item = selectors.signaal_detail(user=user, pk=pk)
    services.mark_gelezen_door_bestuur(signaal=item, door=user)
    return _signaalpagina(request, item)


def _handel(
    request: HttpRequest,
    pk: int,
    sleutel: str,
    form: forms.Form,
    actie: Callable[[Signaal], Any],
    melding: str,
) -> HttpResponse:
    item = selectors.signaal_detail(user=_gebruiker(request), pk=pk)
    _resultaat, status = _uitvoeren(form, lambda: actie(item))
    if status == 200:
        messages.success(request, melding)
        return redirect("signalen:signaal", pk=pk)
    return _signaalpagina(
        request,
        selectors.signaal_detail(user=_gebruiker(request), pk=pk),
        gebonden={sleutel: form},
        status=status,
    )


@requires("signaal.behandelen")
@require_POST
def in_behandeling(request: HttpRequest, pk: int) -> HttpResponse:
    form = InBehandelingForm(request.POST)
    return _handel(
        request,
        pk,
        "inbehandeling",
        form,
        lambda s: services.take_in_behandeling(
            signaal=s, door=_gebruiker(request), bericht=form.cleaned_data["bericht"]
        ),
        _("Het signaal is in behandeling genomen. De melder heeft de ontvangstbevestiging."),
    )


@requires("signaal.behandelen")
@require_POST
def bericht(request: HttpRequest, pk: int) -> HttpResponse:
    form = BerichtForm(request.POST)
    return _handel(
        request,
        pk,
        "bericht",
        form,
        lambda s: services.send_bericht(
            signaal=s,
            door=_gebruiker(request),
            tekst=form.cleaned_data["tekst"],
            vraag=form.cleaned_data["soort"] == "vraag",
            terugkoppeling=form.cleaned_data["soort"] == "terugkoppeling",
        ),
        _("Uw bericht is verstuurd."),
    )


@requires("signaal.behandelen")
@require_POST
def afsluiten(request: HttpRequest, pk: int) -> HttpResponse:
    form = AfsluitenForm(request.POST)
    return _handel(
        request,
        pk,
        "afsluiten",
        form,
        lambda s: services.close_signaal(
            signaal=s,
            door=_gebruiker(request),
            uitkomst=form.cleaned_data["uitkomst"],
            toelichting=form.cleaned_data["toelichting"],
        ),
        _("Het signaal is afgesloten."),
    )


@requires("signaal.behandelen")
@require_POST
def heropenen(request: HttpRequest, pk: int) -> HttpResponse:
    form = RedenForm(request.POST, prefix="heropenen")
    return _handel(
        request,
        pk,
        "heropenen",
        form,
        lambda s: services.reopen_signaal(
            signaal=s, door=_gebruiker(request), reden=form.cleaned_data["reden"]
        ),
        _("Het signaal is heropend."),
    )


@requires("signaal.behandelen")
@require_POST
def onthulling_vragen(request: HttpRequest, pk: int) -> HttpResponse:
    form = RedenForm(request.POST, prefix="onthulling")
    return _handel(
        request,
        pk,
        "onthulling",
        form,
        lambda s: services.request_onthulling(
            signaal=s, door=_gebruiker(request), reden=form.cleaned_data["reden"]
        ),
        _("Uw verzoek ligt bij de vertrouwenspersoon."),
    )


@requires("signaal.bekijken")
@never_cache
@require_safe
def identiteit(request: HttpRequest, pk: int) -> HttpResponse:
    user = _gebruiker(request)
    item = selectors.signaal_detail(user=user, pk=pk)
    wie = services.identiteit(signaal=item, door=user)
    if wie is None:
        raise Http404
    return render(request, "signalen/identiteit.html", {"signaal": item, "wie": wie})


@requires("signaal.identiteit.beslissen")
def onthulling_beslissen(request: HttpRequest, pk: int) -> HttpResponse:
    user = _gebruiker(request)
    onthulling = get_object_or_404(
        Onthulling.objects.select_related("signaal", "gevraagd_door"), pk=pk
    )
    if not policy.allows(user, "signaal.identiteit.beslissen", onthulling.signaal):
        raise Http404
    form = BesluitForm(request.POST or None)
    status = 200
    if request.method == "POST":
        # Not `_`: that would shadow gettext for the whole function.
        _besluit, status = _uitvoeren(
            form,
            lambda: services.decide_onthulling(
                onthulling=onthulling,
                door=user,
                toestaan=form.cleaned_data["besluit"] == "toestaan",
                toelichting=form.cleaned_data["toelichting"],
            ),
            {"onthulling": "__all__"},
        )
        if status == 200:
            messages.success(request, _("Uw besluit is vastgelegd."))
            return redirect("signalen:signaal", pk=onthulling.signaal_id)
    return render(
        request, "signalen/onthulling.html", {"onthulling": onthulling, "form": form}, status=status
    )


@requires("signaal.bekijken")
@require_safe
def bijlage(request: HttpRequest, pk: int, bijlage_pk: int) -> HttpResponse:
    return _bijlage(selectors.signaal_detail(user=_gebruiker(request), pk=pk), bijlage_pk)


def _bijlage(signaal: Signaal, bijlage_pk: int) -> HttpResponse:
    """One attachment of `signaal`, as a download (an attachment of another signal: 404)."""
    b = get_object_or_404(Bijlage, pk=bijlage_pk, signaal=signaal)
    antwoord: Any = FileResponse(
        b.bestand.open("rb"), as_attachment=True, filename=b.naam, content_type=b.soort
    )
    return antwoord


# --- knelpunten ------------------------------------------------------------------------------


@requires("knelpunt.bekijken")
@require_safe
def knelpunten(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "signalen/knelpunten.html",
        {"pagina": _pagina(request, selectors.knelpunten(user=_gebruiker(request)))},
    )


@requires("knelpunt.beheren")
def knelpunt_nieuw(request: HttpRequest) -> HttpResponse:
    """Make a knelpunt from the signals chosen in the list (`signaal` ids)."""
    user = _gebruiker(request)
    ids = [
        int(i)
        for i in request.POST.getlist("signaal") + request.GET.getlist("signaal")
        if str(i).isdigit()
    ]
    gekozen = list(selectors.signalen(user=user).filter(pk__in=ids))
    eerste = gekozen[0] if gekozen else None
    form = KnelpuntForm(
        request.POST if "naam" in request.POST else None,
        initial={
            "regeling": eerste.regeling if eerste else None,
            "artikel": eerste.artikel if eerste else None,
        },
    )
    status = 200
    if "naam" in request.POST:
        knelpunt, status = _uitvoeren(
            form,
            lambda: services.create_knelpunt(
                door=user,
                organisatie=eerste.organisatie if eerste else _geen_signalen(),
                regeling=form.cleaned_data["regeling"],
                artikel=form.cleaned_data["artikel"],
                naam=form.cleaned_data["naam"],
                omschrijving=form.cleaned_data["omschrijving"],
                signalen=gekozen,
            ),
        )
        if knelpunt is not None:
            messages.success(
                request, _("Het knelpunt %(naam)s is gemaakt.") % {"naam": knelpunt.naam}
            )
            return redirect("signalen:knelpunt", pk=knelpunt.pk)
    return render(
        request, "signalen/knelpunt_nieuw.html", {"form": form, "gekozen": gekozen}, status=status
    )


def _geen_signalen() -> Organisatie:
    raise ValidationError(
        {"signalen": _("Kies in de lijst eerst de signalen die bij elkaar horen.")}
    )


@requires("knelpunt.bekijken")
@require_safe
def knelpunt(request: HttpRequest, pk: int) -> HttpResponse:
    user = _gebruiker(request)
    item = selectors.knelpunt_detail(user=user, pk=pk)
    return render(
        request,
        "signalen/knelpunt.html",
        {
            "knelpunt": item,
            "mag_beheren": policy.allows(user, "knelpunt.beheren", item),
            "mag_aanvechten": policy.allows(user, "aanvechting.indienen", item.organisatie_id),
        },
    )


@requires("knelpunt.beheren")
@require_POST
def knelpunt_doorgeven(request: HttpRequest, pk: int) -> HttpResponse:
    user = _gebruiker(request)
    item = selectors.knelpunt_detail(user=user, pk=pk)
    try:
        services.pass_on_knelpunt(knelpunt=item, door=user, naar=request.POST.get("naar", ""))
    except ValidationError as exc:
        for tekst in exc.messages:
            messages.error(request, tekst)
    else:
        messages.success(request, _("Het knelpunt is doorgegeven."))
    return redirect("signalen:knelpunt", pk=pk)


# --- the board dashboard ---------------------------------------------------------------------


@requires("signalen.dashboard")
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    user = _gebruiker(request)
    organisaties = list(selectors.dashboard_organisaties(user=user))
    gekozen = next((o for o in organisaties if str(o.pk) == request.GET.get("organisatie")), None)
    gekozen = gekozen or (organisaties[0] if organisaties else None)
    if gekozen is None:
        raise Http404
    d = services.dashboard(user=user, organisatie=gekozen)
    grafieken: dict[str, Any] = {}
    for naam in ("per_eenheid", "per_regeling", "noodremmen_per_eenheid", "per_kanaal"):
        staven = _staven(getattr(d, naam))
        grafieken[naam] = staven
        grafieken[f"{naam}_hoogte"] = 24 * len(staven) + 4
    aandeel = d.aandeel_vertrouwelijk_of_anoniem
    return render(
        request,
        "signalen/dashboard.html",
        {
            "organisaties": organisaties,
            "d": d,
            "grafieken": grafieken,
            "aandeel_procent": round(aandeel * 100) if aandeel is not None else None,
        },
    )


def _staven(tellingen: list[selectors.Telling], breedte: int = 360) -> list[dict[str, Any]]:
    """Bars of a horizontal bar chart (server-rendered SVG; the template adds a table)."""
    hoogste = max((t.aantal for t in tellingen), default=0) or 1
    return [
        {
            "label": t.label,
            "aantal": t.aantal,
            "y": 24 * i + 2,
            "breedte": round(breedte * t.aantal / hoogste),
        }
        for i, t in enumerate(tellingen)
    ]


# --- the noodrem -----------------------------------------------------------------------------


@requires("noodrem.lijst")
@require_safe
def noodremmen(request: HttpRequest) -> HttpResponse:
    user = _gebruiker(request)
    return render(
        request,
        "signalen/noodremmen.html",
        {
            "pagina": _pagina(request, selectors.noodremmen(user=user)),
            "mag_trekken": policy.allows(user, "noodrem.trekken"),
        },
    )


@requires("noodrem.trekken")
@never_cache
def noodrem_trekken(request: HttpRequest) -> HttpResponse:
    user = _gebruiker(request)
    organisaties = _eigen_organisaties(user)
    form = NoodremForm(request.POST or None, organisaties=organisaties)
    if organisaties.count() == 1:
        form.fields["organisatie"].initial = organisaties.first()
    status = 200
    if request.method == "POST":

        def trekken() -> Any:
            organisatie = form.cleaned_data.get("organisatie")
            if organisatie is None:
                raise ValidationError({"organisatie": _("Kies de organisatie.")})
            return services.pull_noodrem(
                door=user,
                organisatie=organisatie,
                titel=form.cleaned_data["titel"],
                schade=form.cleaned_data["schade"],
                stoppen=form.cleaned_data["stoppen"],
                beginselen=list(form.cleaned_data["beginselen"]),
                regeling=form.cleaned_data["regeling"],
                eenheid=form.cleaned_data["eenheid"],
                persoonsgegevens_bevestigd=form.cleaned_data["persoonsgegevens_bevestigd"],
            )

        noodrem_, status = _uitvoeren(form, trekken)
        if noodrem_ is not None:
            messages.success(
                request,
                _("U hebt aan de noodrem getrokken. Het bestuur moet uiterlijk %(datum)s reageren.")
                % {"datum": noodrem_.verzoek.uiterste_datum.strftime("%d-%m-%Y")},
            )
            return redirect("signalen:noodrem", pk=noodrem_.pk)
    return render(request, "signalen/noodrem_trekken.html", {"form": form}, status=status)


def _noodrempagina(
    request: HttpRequest, pk: Any, form: forms.Form | None = None, status: int = 200
) -> HttpResponse:
    item = selectors.noodrem_detail(user=_gebruiker(request), pk=pk)
    reacties = list(
        item.verzoek.reacties.select_related("namens_organisatie").prefetch_related("beginselen")
    )
    return render(
        request,
        "signalen/noodrem.html",
        {
            "noodrem": item,
            "verzoek": item.verzoek,
            "reacties": reacties,
            "form": form or NoodremAanvullingForm(),
        },
        status=status,
    )


@requires("noodrem.bekijken")
@require_safe
def noodrem(request: HttpRequest, pk: Any) -> HttpResponse:
    return _noodrempagina(request, pk)


@requires("noodrem.bekijken")
@require_POST
def noodrem_aanvullen(request: HttpRequest, pk: Any) -> HttpResponse:
    user = _gebruiker(request)
    item = selectors.noodrem_detail(user=user, pk=pk)
    form = NoodremAanvullingForm(request.POST)
    _aanvulling, status = _uitvoeren(
        form,
        lambda: services.add_aanvulling(noodrem=item, door=user, tekst=form.cleaned_data["tekst"]),
    )
    if status == 200:
        messages.success(request, _("Uw aanvulling is toegevoegd."))
        return redirect("signalen:noodrem", pk=pk)
    return _noodrempagina(request, pk, form=form, status=status)
