"""Screens of the response duty engine: the inbox "Te beantwoorden", "Mijn vragen", the request
page with its timeline and the forms of every move, and the person's notifications.

Every POST goes through a service. What the services refuse comes back on the same page:
a ValidationError next to its field (400), a move the state does not allow as a message above
the form (409), a person without the right a 403 page. Nothing is changed then."""

from __future__ import annotations

from collections.abc import Callable
from itertools import zip_longest
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Page
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from uitvoerbaar.core import policy
from uitvoerbaar.core.formulieren import fouten_naar_form
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.core.paginering import BegrensdePaginator
from uitvoerbaar.core.permissions import requires
from uitvoerbaar.kennisbank.selectors import beginsel_keuzes

from . import selectors, services, tijdlijn
from .constants import Antwoordsoort, Controlestatus, Handeling, Publicatie, Status
from .forms import (
    ControleForm,
    LeegForm,
    LegUitForm,
    OpenbaarheidForm,
    PasToeForm,
    RedenForm,
    VerlengenForm,
)
from .models import Controle, Melding, Reactie, Reactieverzoek
from .transitions import OngeldigeOvergang, is_toegestaan

PER_PAGINA = 25


def _gebruiker(request: HttpRequest) -> Gebruiker:
    return request.user  # type: ignore[return-value]


def _pagina(request: HttpRequest, qs: Any) -> Page[Any]:
    return BegrensdePaginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


# --- lists -----------------------------------------------------------------------------------


@requires("reactieverzoek.inbox")
@require_safe
def inbox(request: HttpRequest) -> HttpResponse:
    user = _gebruiker(request)
    return render(
        request,
        "responsplicht/inbox.html",
        {
            "tab": "inbox",
            "pagina": _pagina(request, selectors.te_beantwoorden(user=user)),
        },
    )


@requires("reactieverzoek.inbox")
@require_safe
def mijn_vragen(request: HttpRequest) -> HttpResponse:
    user = _gebruiker(request)
    return render(
        request,
        "responsplicht/inbox.html",
        {
            "tab": "mijn_vragen",
            "pagina": _pagina(request, selectors.mijn_vragen(user=user)),
        },
    )


# --- the request page ------------------------------------------------------------------------


def _laatste_reactie(verzoek: Reactieverzoek) -> Reactie | None:
    reacties = list(verzoek.reacties.all())
    return reacties[-1] if reacties else None


def _te_controleren(verzoek: Reactieverzoek) -> Controle | None:
    """The follow-up check that is due now (its date has come and nobody recorded it yet)."""
    vandaag = services.vandaag()
    for reactie in verzoek.reacties.all():
        controle: Controle | None = getattr(reactie, "controle", None)
        if controle is not None and (
            controle.status == Controlestatus.TE_CONTROLEREN
            or (controle.status == Controlestatus.GEPLAND and controle.datum <= vandaag)
        ):
            return controle
    return None


def _formulieren(request: HttpRequest, verzoek: Reactieverzoek) -> dict[str, forms.Form]:
    """The forms this person may use on this request now (policy and transition table)."""
    user = request.user
    status = Status(verzoek.status)
    laatste = _laatste_reactie(verzoek)
    mag = {
        actie: policy.allows(user, f"reactieverzoek.{actie}", verzoek)
        for actie in ("beantwoorden", "termijn", "beoordelen", "controleren", "openbaarheid")
    }
    f: dict[str, forms.Form] = {}
    if mag["beantwoorden"] and is_toegestaan(Handeling.BEANTWOORDEN, status):
        f["pastoe"] = PasToeForm()
        f["leguit"] = _leg_uit_form(verzoek)
    if mag["termijn"]:
        if is_toegestaan(Handeling.VERLENGEN, status) and not verzoek.verlengd:
            if verzoek.soort.max_verlenging_dagen > 0:
                f["verlengen"] = VerlengenForm(maximum=verzoek.soort.max_verlenging_dagen)
        if is_toegestaan(Handeling.OPSCHORTEN, status):
            f["opschorten"] = _reden_form("opschorten")
        if is_toegestaan(Handeling.HERVATTEN, status):
            f["hervatten"] = LeegForm(prefix="hervatten")
    if mag["beoordelen"]:
        if is_toegestaan(Handeling.ACCEPTEREN, status):
            f["aanvaarden"] = LeegForm(prefix="aanvaarden")
        if (
            is_toegestaan(Handeling.BETWISTEN, status)
            and laatste is not None
            and laatste.soort == Antwoordsoort.LEG_UIT
            and not verzoek.onvoldoende_gemeld
        ):
            f["onvoldoende"] = _reden_form("onvoldoende")
        if is_toegestaan(Handeling.INTREKKEN, status):
            f["intrekken"] = _reden_form("intrekken")
    if mag["controleren"] and _te_controleren(verzoek) is not None:
        f["controle"] = ControleForm()
    if mag["openbaarheid"] and verzoek.openbaar and verzoek.soort.publicatie != Publicatie.NIETS:
        f["woo"] = OpenbaarheidForm()
    return f


def _leg_uit_form(verzoek: Reactieverzoek, data: Any = None) -> LegUitForm:
    return LegUitForm(data, argumenten=verzoek.argumenten, beginselen=beginsel_keuzes())


_REDENEN: dict[str, tuple[Any, Any]] = {
    "onvoldoende": (
        gettext_lazy("Waarom is het antwoord onvoldoende?"),
        gettext_lazy(
            "Dit kan één keer. Het verzoek gaat dan naar het volgende niveau, als dat er is."
        ),
    ),
    "opschorten": (
        gettext_lazy("Waarom schort u de termijn op?"),
        gettext_lazy(
            "Bijvoorbeeld: u wacht op informatie van de vrager. De termijn loopt weer als u hervat."
        ),
    ),
    "intrekken": (gettext_lazy("Waarom trekt u het verzoek in?"), ""),
}


def _reden_form(sleutel: str, data: Any = None) -> RedenForm:
    label, hulp = _REDENEN[sleutel]
    return RedenForm(data, prefix=sleutel, label=label, help_text=hulp)


def _verzoekpagina(
    request: HttpRequest,
    verzoek: Reactieverzoek,
    *,
    gebonden: dict[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    formulieren = _formulieren(request, verzoek)
    # A form sent with an error is shown again with it, also when the state changed meanwhile.
    formulieren.update(gebonden or {})
    niveaus = list(verzoek.soort.niveaus.all())
    bereikt = {v.niveau: v for v in verzoek.verantwoordelijken.all()}
    ladder = [
        {
            "niveau": 0,
            "naam": _("Ontvanger"),
            "verantwoordelijke": bereikt.get(0),
            "nu": verzoek.niveau == 0,
        },
        *(
            {
                "niveau": n.volgorde,
                "naam": n.naam,
                "verantwoordelijke": bereikt.get(n.volgorde),
                "nu": verzoek.niveau == n.volgorde,
            }
            for n in niveaus
        ),
    ]
    context = {
        "verzoek": verzoek,
        "reacties": [
            {
                "reactie": r,
                "paren": list(
                    zip_longest(verzoek.argumenten, r.antwoorden_op_argumenten, fillvalue="")
                ),
            }
            for r in verzoek.reacties.all()
        ],
        "ladder": ladder,
        "nu": bereikt.get(verzoek.niveau),
        "tijdlijn": tijdlijn.stappen(verzoek, publiek=tijdlijn.Publiek.INTERN),
        "te_laat": (
            verzoek.status == Status.VERLOPEN
            or (
                verzoek.status in (Status.OPEN, Status.GEESCALEERD)
                and verzoek.uiterste_datum < timezone.localdate()
            )
        ),
        "lopend": verzoek.status
        in (Status.OPEN, Status.GEESCALEERD, Status.VERLOPEN, Status.OPGESCHORT),
        "formulieren": formulieren,
        "controle": _te_controleren(verzoek),
    }
    return render(request, "responsplicht/verzoek.html", context, status=status)


@requires("reactieverzoek.bekijken")
@require_safe
def verzoek(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.verzoek_detail(user=_gebruiker(request), pk=pk)
    return _verzoekpagina(request, item)


def _handel(
    request: HttpRequest,
    pk: int,
    sleutel: str,
    maak_form: Callable[[Reactieverzoek, Any], forms.Form],
    uitvoeren: Callable[[Reactieverzoek, forms.Form], str],
) -> HttpResponse:
    """Run one move from a form: on success back to the request page with the message that
    `uitvoeren` returns; otherwise the page again with the form and its errors."""
    user = _gebruiker(request)
    item = selectors.verzoek_detail(user=user, pk=pk)
    form = maak_form(item, request.POST)
    status = 400
    if form.is_valid():
        try:
            melding = uitvoeren(item, form)
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        except OngeldigeOvergang as exc:
            form.add_error(None, str(exc))
            status = 409
        else:
            messages.success(request, melding)
            return redirect("responsplicht:verzoek", pk=item.pk)
    return _verzoekpagina(request, item, gebonden={sleutel: form}, status=status)


@requires("reactieverzoek.beantwoorden")
@require_POST
def pas_toe(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(item: Reactieverzoek, form: forms.Form) -> str:
        services.answer_pas_toe(
            verzoek=item,
            door=_gebruiker(request),
            maatregel=form.cleaned_data["maatregel"],
            eigenaar=form.cleaned_data["eigenaar"],
            datum=form.cleaned_data["datum"],
        )
        return _("Uw antwoord is verstuurd. De vrager krijgt bericht.")

    return _handel(request, pk, "pastoe", lambda v, d: PasToeForm(d), uitvoeren)


@requires("reactieverzoek.beantwoorden")
@require_POST
def leg_uit(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(item: Reactieverzoek, form: forms.Form) -> str:
        assert isinstance(form, LegUitForm)
        services.answer_leg_uit(
            verzoek=item,
            door=_gebruiker(request),
            redenen=form.cleaned_data["redenen"],
            beginselen=list(form.cleaned_data["beginselen"]),
            antwoorden=form.antwoorden(),
        )
        return _("Uw antwoord is verstuurd. De vrager krijgt bericht.")

    return _handel(request, pk, "leguit", _leg_uit_form, uitvoeren)


@requires("reactieverzoek.beoordelen")
@require_POST
def aanvaarden(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(item: Reactieverzoek, form: forms.Form) -> str:
        services.accept_answer(verzoek=item, door=_gebruiker(request))
        return _("U hebt het antwoord aanvaard. Het verzoek is afgesloten.")

    return _handel(
        request, pk, "aanvaarden", lambda v, d: LeegForm(d, prefix="aanvaarden"), uitvoeren
    )


@requires("reactieverzoek.beoordelen")
@require_POST
def onvoldoende(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(item: Reactieverzoek, form: forms.Form) -> str:
        services.contest_answer(
            verzoek=item, door=_gebruiker(request), reden=form.cleaned_data["reden"]
        )
        item.refresh_from_db()
        if item.status == Status.GEESCALEERD:
            return _(
                "U hebt het antwoord onvoldoende genoemd. Het verzoek ligt nu bij het "
                "volgende niveau."
            )
        return _("U hebt het antwoord onvoldoende genoemd.")

    return _handel(
        request, pk, "onvoldoende", lambda v, d: _reden_form("onvoldoende", d), uitvoeren
    )


@requires("reactieverzoek.beoordelen")
@require_POST
def intrekken(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(item: Reactieverzoek, form: forms.Form) -> str:
        services.withdraw(verzoek=item, door=_gebruiker(request), reden=form.cleaned_data["reden"])
        return _("Het verzoek is ingetrokken.")

    return _handel(request, pk, "intrekken", lambda v, d: _reden_form("intrekken", d), uitvoeren)


@requires("reactieverzoek.termijn")
@require_POST
def opschorten(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(item: Reactieverzoek, form: forms.Form) -> str:
        services.suspend(verzoek=item, door=_gebruiker(request), reden=form.cleaned_data["reden"])
        return _("De termijn is opgeschort.")

    return _handel(request, pk, "opschorten", lambda v, d: _reden_form("opschorten", d), uitvoeren)


@requires("reactieverzoek.termijn")
@require_POST
def hervatten(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(item: Reactieverzoek, form: forms.Form) -> str:
        services.resume(verzoek=item, door=_gebruiker(request))
        return _("De termijn loopt weer.")

    return _handel(
        request, pk, "hervatten", lambda v, d: LeegForm(d, prefix="hervatten"), uitvoeren
    )


@requires("reactieverzoek.termijn")
@require_POST
def verlengen(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(item: Reactieverzoek, form: forms.Form) -> str:
        dagen = form.cleaned_data["dagen"]
        if dagen is None:
            raise ValidationError({"dagen": _("Vul in met hoeveel dagen u verlengt.")})
        services.extend(
            verzoek=item, door=_gebruiker(request), dagen=dagen, reden=form.cleaned_data["reden"]
        )
        return _("De termijn is verlengd.")

    return _handel(
        request,
        pk,
        "verlengen",
        lambda v, d: VerlengenForm(d, maximum=v.soort.max_verlenging_dagen),
        uitvoeren,
    )


@requires("reactieverzoek.controleren")
@require_POST
def controle(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(item: Reactieverzoek, form: forms.Form) -> str:
        te_doen = _te_controleren(item)
        if te_doen is None:
            raise ValidationError(_("Er is nu geen maatregel om te controleren."))
        services.record_controle(
            controle=te_doen,
            door=_gebruiker(request),
            uitgevoerd=form.cleaned_data["uitgevoerd"],
            toelichting=form.cleaned_data["toelichting"],
        )
        return _("Vastgelegd. Iedereen die bij het verzoek hoort, krijgt bericht.")

    return _handel(request, pk, "controle", lambda v, d: ControleForm(d), uitvoeren)


@requires("reactieverzoek.openbaarheid")
@require_POST
def openbaarheid(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(item: Reactieverzoek, form: forms.Form) -> str:
        services.withhold_publication(
            verzoek=item,
            door=_gebruiker(request),
            grond=form.cleaned_data["grond"],
            toelichting=form.cleaned_data["toelichting"],
        )
        return _("Dit verzoek wordt niet openbaar gemaakt. De grond staat in de tijdlijn.")

    return _handel(request, pk, "woo", lambda v, d: OpenbaarheidForm(d), uitvoeren)


# --- notifications ---------------------------------------------------------------------------


@requires("meldingen.eigen")
@require_safe
def meldingen(request: HttpRequest) -> HttpResponse:
    user = _gebruiker(request)
    return render(
        request,
        "responsplicht/meldingen.html",
        {
            "pagina": _pagina(request, selectors.meldingen(user=user)),
            "ongelezen": selectors.aantal_ongelezen(user=user),
        },
    )


def _terug_naar_meldingen(request: HttpRequest) -> HttpResponse:
    pagina = request.POST.get("pagina", "")
    url = reverse("responsplicht:meldingen")
    return redirect(f"{url}?pagina={pagina}" if pagina.isdigit() else url)


@requires("meldingen.eigen")
@require_POST
def melding_gelezen(request: HttpRequest, pk: int) -> HttpResponse:
    melding = Melding.objects.filter(pk=pk).first()
    if melding is None:
        raise Http404(_("Deze melding bestaat niet."))
    # Someone else's notification: the service refuses (403).
    melding = services.mark_melding_gelezen(melding=melding, door=_gebruiker(request))
    if _is_htmx(request):
        return render(request, "responsplicht/includes/melding.html", {"melding": melding})
    return _terug_naar_meldingen(request)


@requires("meldingen.eigen")
@require_POST
def alle_gelezen(request: HttpRequest) -> HttpResponse:
    user = _gebruiker(request)
    ongelezen = list(selectors.meldingen(user=user).filter(gelezen_op__isnull=True))
    for melding in ongelezen:
        services.mark_melding_gelezen(melding=melding, door=user)
    if ongelezen:
        messages.success(request, _("Alle meldingen zijn gelezen."))
    return _terug_naar_meldingen(request)
