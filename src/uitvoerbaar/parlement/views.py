"""Screens of kamervragen and contactmomenten for people at work: members and clerks of
parliament ask questions and plan contact moments; an executor's handlers and board see the
questions to their organisation ("Vragen uit de Kamer") and answer them on the response duty
engine's request page.

Every POST goes through a service; what it refuses comes back on the same page next to its
field (400), a person without the right gets a 403 page, and nothing is changed."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.paginator import Page
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from uitvoerbaar.core import policy
from uitvoerbaar.core.constants import OrganisatieSoort, Rol
from uitvoerbaar.core.formulieren import uitvoeren
from uitvoerbaar.core.models import Gebruiker, Organisatie
from uitvoerbaar.core.paginering import BegrensdePaginator
from uitvoerbaar.core.permissions import requires

from . import selectors, services
from .constants import Contacthandeling, Contactstatus
from .forms import (
    AnnulerenForm,
    ContactmomentFilter,
    ContactmomentForm,
    KamervraagFilter,
    KamervraagForm,
    VerslagForm,
)
from .models import Contactmoment
from .models.contactmomenten import KAMER_BEHEER, UITVOERDER_BEHEER
from .transitions import contactmoment_mag

PER_PAGINA = 25


def _gebruiker(request: HttpRequest) -> Gebruiker:
    return request.user  # type: ignore[return-value]


def _pagina(request: HttpRequest, qs: Any) -> Page[Any]:
    return BegrensdePaginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))


def _filter_qs(form: forms.Form) -> str:
    """The filter as a query string prefix for the page links ("status=x&")."""
    if not form.is_valid():
        return ""
    waarden = {k: v for k, v in form.cleaned_data.items() if v}
    return urlencode(waarden) + "&" if waarden else ""


def _parlementen(user: Gebruiker, rollen: tuple[str, ...]) -> QuerySet[Organisatie]:
    ids = {lid.organisatie_id for lid in user.actieve_lidmaatschappen() if lid.rol in rollen}
    return Organisatie.objects.filter(pk__in=ids, soort=OrganisatieSoort.PARLEMENT).order_by("naam")


# --- kamervragen -------------------------------------------------------------------------------


@requires("kamervraag.lijst")
@require_safe
def kamervragen(request: HttpRequest) -> HttpResponse:
    """The questions of the person's parliament."""
    user = _gebruiker(request)
    filter_form = KamervraagFilter(request.GET or None)
    status = filter_form.cleaned_data["status"] if filter_form.is_valid() else ""
    return render(
        request,
        "parlement/kamervragen.html",
        {
            "pagina": _pagina(request, selectors.kamervragen(user=user, status=status)),
            "filter_form": filter_form,
            "filter_qs": _filter_qs(filter_form),
            "mag_stellen": _parlementen(user, (Rol.KAMERLID, Rol.GRIFFIE)).exists(),
            "titel": _("Kamervragen aan uitvoerders"),
            "ontvangen": False,
        },
    )


@requires("kamervraag.ontvangen")
@require_safe
def vragen_uit_de_kamer(request: HttpRequest) -> HttpResponse:
    """The questions from parliament to the person's executive organisation."""
    user = _gebruiker(request)
    filter_form = KamervraagFilter(request.GET or None)
    qs = selectors.vragen_aan_mijn_organisatie(user=user)
    if filter_form.is_valid() and filter_form.cleaned_data["status"]:
        qs = qs.filter(status=filter_form.cleaned_data["status"])
    return render(
        request,
        "parlement/kamervragen.html",
        {
            "pagina": _pagina(request, qs.order_by("-gesteld_op", "-pk")),
            "filter_form": filter_form,
            "filter_qs": _filter_qs(filter_form),
            "mag_stellen": False,
            "titel": _("Vragen uit de Kamer"),
            "ontvangen": True,
        },
    )


@requires("kamervraag.stellen")
@require_http_methods(["GET", "HEAD", "POST"])
def kamervraag_nieuw(request: HttpRequest) -> HttpResponse:
    user = _gebruiker(request)
    form = KamervraagForm(
        request.POST if request.method == "POST" else None,
        parlementen=_parlementen(user, (Rol.KAMERLID, Rol.GRIFFIE)),
    )
    status = 200
    if request.method == "POST":

        def stel() -> Any:
            d = form.cleaned_data
            return services.ask_kamervraag(
                door=user,
                parlement=d["parlement"],
                commissie=d["commissie"],
                uitvoerder=d["uitvoerder"],
                titel=d["titel"],
                vraag=d["vraag"],
                regeling=d["regeling"],
                beleidsvoorstel=d["beleidsvoorstel"],
            )

        kamervraag, status = uitvoeren(form, stel)
        if kamervraag is not None:
            messages.success(
                request,
                _("Uw vraag is gesteld. %(org)s moet binnen drie weken antwoorden.")
                % {"org": kamervraag.uitvoerder.naam},
            )
            return redirect("parlement:kamervraag", pk=kamervraag.pk)
    return render(request, "parlement/kamervraag_nieuw.html", {"form": form}, status=status)


@requires("kamervraag.bekijken")
@require_safe
def kamervraag(request: HttpRequest, pk: int) -> HttpResponse:
    user = _gebruiker(request)
    item = selectors.kamervraag_detail(user=user, pk=pk)
    verzoek = item.verzoek
    return render(
        request,
        "parlement/kamervraag.html",
        {
            "kamervraag": item,
            "antwoorden": selectors.antwoorden(item),
            "vraag_tekst": item.vraag,
            "verzoek": verzoek,
            "mag_beantwoorden": verzoek is not None
            and policy.allows(user, "reactieverzoek.beantwoorden", verzoek),
            "mag_beoordelen": verzoek is not None
            and policy.allows(user, "reactieverzoek.beoordelen", verzoek),
            "publiek": False,
        },
    )


# --- contactmomenten ---------------------------------------------------------------------------


def _deelnemers(user: Gebruiker) -> QuerySet[Gebruiker]:
    """People who can be named as participants: those with a role in parliament, and those
    in the planner's own organisations."""
    eigen = {lid.organisatie_id for lid in user.actieve_lidmaatschappen()}
    return (
        Gebruiker.objects.filter(
            Q(lidmaatschappen__organisatie__soort=OrganisatieSoort.PARLEMENT)
            | Q(lidmaatschappen__organisatie_id__in=eigen),
            lidmaatschappen__actief=True,
            is_active=True,
        )
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def _planner_parlementen(user: Gebruiker) -> QuerySet[Organisatie]:
    """The clerk plans for their parliament; an executor's board for any parliament."""
    if any(lid.rol in UITVOERDER_BEHEER for lid in user.actieve_lidmaatschappen()):
        return Organisatie.objects.filter(soort=OrganisatieSoort.PARLEMENT).order_by("naam")
    return _parlementen(user, KAMER_BEHEER)


def _contact_form(user: Gebruiker, data: Any = None, **kw: Any) -> ContactmomentForm:
    return ContactmomentForm(
        data, parlementen=_planner_parlementen(user), deelnemers=_deelnemers(user), **kw
    )


@requires("contactmoment.lijst")
@require_safe
def contactmomenten(request: HttpRequest) -> HttpResponse:
    user = _gebruiker(request)
    filter_form = ContactmomentFilter(request.GET or None)
    d = filter_form.cleaned_data if filter_form.is_valid() else {}
    qs = selectors.contactmomenten(user=user, status=d.get("status", ""), soort=d.get("soort", ""))
    return render(
        request,
        "parlement/contactmomenten.html",
        {
            "pagina": _pagina(request, qs),
            "filter_form": filter_form,
            "filter_qs": _filter_qs(filter_form),
            "mag_plannen": policy.allows(user, "contactmoment.plannen"),
        },
    )


def _contactvelden(form: Any) -> dict[str, Any]:
    """What planning and changing a contactmoment share, from the form's cleaned data."""
    d = form.cleaned_data
    velden = ("soort", "titel", "commissie", "begint_op", "eindigt_op", "locatie", "online")
    return {
        **{naam: d[naam] for naam in (*velden, "onderwerpen", "gasten")},
        **{naam: list(d[naam]) for naam in ("uitvoerders", "regelingen", "deelnemers")},
    }


@requires("contactmoment.plannen")
@require_http_methods(["GET", "HEAD", "POST"])
def contactmoment_nieuw(request: HttpRequest) -> HttpResponse:
    user = _gebruiker(request)
    form = _contact_form(user, request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":

        def plan() -> Any:
            return services.plan_contactmoment(
                door=user, parlement=form.cleaned_data["parlement"], **_contactvelden(form)
            )

        contactmoment, status = uitvoeren(form, plan)
        if contactmoment is not None:
            messages.success(request, _("Het contactmoment is gepland."))
            return redirect("parlement:contactmoment", pk=contactmoment.pk)
    return render(
        request, "parlement/contactmoment_form.html", {"form": form, "nieuw": True}, status=status
    )


def _contactpagina(
    request: HttpRequest,
    item: Contactmoment,
    *,
    gebonden: dict[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    user = _gebruiker(request)
    gebonden = gebonden or {}
    beheren = policy.allows(user, "contactmoment.beheren", item)
    gepland = item.status == Contactstatus.GEPLAND
    gehouden = item.status == Contactstatus.GEHOUDEN
    context: dict[str, Any] = {
        "contactmoment": item,
        "beheren": beheren,
        "publiek": False,
        "houden_form": gebonden.get("houden") or forms.Form()
        if beheren and contactmoment_mag(Contacthandeling.HOUDEN, Contactstatus(item.status))
        else None,
        "annuleren_form": gebonden.get("annuleren") or AnnulerenForm(prefix="annuleren")
        if beheren and gepland
        else None,
        "verslag_form": gebonden.get("verslag")
        or VerslagForm(prefix="verslag", initial={"verslag": item.verslag})
        if beheren and gehouden and not item.verslag_openbaar
        else None,
        "publiceren_form": gebonden.get("publiceren") or forms.Form()
        if beheren and gehouden and item.verslag and not item.verslag_openbaar
        else None,
        "toon_verslag": gehouden and item.verslag,
    }
    return render(request, "parlement/contactmoment.html", context, status=status)


@requires("contactmoment.lijst")
@require_safe
def contactmoment(request: HttpRequest, pk: int) -> HttpResponse:
    """Visible to those the moment names (selector); the rest gets a 404."""
    return _contactpagina(request, selectors.contactmoment_detail(user=_gebruiker(request), pk=pk))


@requires("contactmoment.beheren")
@require_http_methods(["GET", "HEAD", "POST"])
def contactmoment_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    user = _gebruiker(request)
    item = selectors.contactmoment_detail(user=user, pk=pk)
    policy.require(user, "contactmoment.beheren", item)
    begin = {
        "soort": item.soort,
        "titel": item.titel,
        "parlement": item.parlement,
        "commissie": item.commissie,
        "uitvoerders": list(item.uitvoerders.all()),
        "begint_op": item.begint_op,
        "eindigt_op": item.eindigt_op,
        "locatie": item.locatie,
        "online": item.online,
        "onderwerpen": item.onderwerpen,
        "regelingen": list(item.regelingen.all()),
        "deelnemers": list(item.deelnemers.all()),
        "gasten": item.gasten,
    }
    form = _contact_form(user, request.POST if request.method == "POST" else None, initial=begin)
    # The parliament of a moment does not change.
    form.fields["parlement"].disabled = True
    form.fields["parlement"].queryset = Organisatie.objects.filter(pk=item.parlement_id)  # type: ignore[attr-defined]
    status = 200
    if request.method == "POST":

        def wijzig() -> Any:
            return services.update_contactmoment(
                contactmoment=item, door=user, **_contactvelden(form)
            )

        gewijzigd, status = uitvoeren(form, wijzig)
        if gewijzigd is not None:
            messages.success(request, _("De wijziging is opgeslagen."))
            return redirect("parlement:contactmoment", pk=item.pk)
    return render(
        request,
        "parlement/contactmoment_form.html",
        {"form": form, "nieuw": False, "contactmoment": item},
        status=status,
    )


def _handeling(
    request: HttpRequest, pk: int, sleutel: str, form: forms.Form, actie: Any
) -> HttpResponse:
    user = _gebruiker(request)
    item = selectors.contactmoment_detail(user=user, pk=pk)
    policy.require(user, "contactmoment.beheren", item)
    resultaat, status = uitvoeren(form, lambda: actie(item, user, form))
    if resultaat is not None:
        return redirect("parlement:contactmoment", pk=pk)
    item = selectors.contactmoment_detail(user=user, pk=pk)
    return _contactpagina(request, item, gebonden={sleutel: form}, status=status)


@requires("contactmoment.beheren")
@require_POST
def contactmoment_houden(request: HttpRequest, pk: int) -> HttpResponse:
    def houden(item: Contactmoment, user: Gebruiker, form: forms.Form) -> Any:
        resultaat = services.hold_contactmoment(contactmoment=item, door=user)
        messages.success(request, _("Vastgelegd: het contactmoment is gehouden."))
        return resultaat

    return _handeling(request, pk, "houden", forms.Form(request.POST), houden)


@requires("contactmoment.beheren")
@require_POST
def contactmoment_annuleren(request: HttpRequest, pk: int) -> HttpResponse:
    def annuleren(item: Contactmoment, user: Gebruiker, form: forms.Form) -> Any:
        resultaat = services.cancel_contactmoment(
            contactmoment=item, door=user, reden=form.cleaned_data["reden"]
        )
        messages.success(request, _("Het contactmoment is geannuleerd."))
        return resultaat

    form = AnnulerenForm(request.POST, prefix="annuleren")
    return _handeling(request, pk, "annuleren", form, annuleren)


@requires("contactmoment.beheren")
@require_POST
def contactmoment_verslag(request: HttpRequest, pk: int) -> HttpResponse:
    def opslaan(item: Contactmoment, user: Gebruiker, form: forms.Form) -> Any:
        resultaat = services.save_verslag(
            contactmoment=item, door=user, verslag=form.cleaned_data["verslag"]
        )
        messages.success(request, _("Het verslag is opgeslagen. Het is nog niet openbaar."))
        return resultaat

    form = VerslagForm(request.POST, prefix="verslag")
    return _handeling(request, pk, "verslag", form, opslaan)


@requires("contactmoment.beheren")
@require_POST
def contactmoment_publiceren(request: HttpRequest, pk: int) -> HttpResponse:
    def publiceren(item: Contactmoment, user: Gebruiker, form: forms.Form) -> Any:
        resultaat = services.publish_verslag(contactmoment=item, door=user)
        messages.success(request, _("Het verslag is openbaar."))
        return resultaat

    return _handeling(request, pk, "publiceren", forms.Form(request.POST), publiceren)
