"""Screens of the Stand van de uitvoering (seed action P3): ask for a report, follow its
progress (htmx polls a small fragment, no inline script), read the result, download the PDF,
publish it (bestuur), and the public pages of published reports.

A report someone may not read is a 404 page: its existence is not given away."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from uitvoerbaar.core import policy
from uitvoerbaar.core.formulieren import uitvoeren
from uitvoerbaar.core.models import Gebruiker
from uitvoerbaar.core.permissions import requires

from . import rapport_selectors as selectors
from . import rapport_services as services
from .models import Rapport
from .rapport_forms import RapportForm

PER_PAGINA = 50


def _gebruiker(request: HttpRequest) -> Gebruiker:
    return request.user  # type: ignore[return-value]


def _form(request: HttpRequest, data: object = None) -> RapportForm:
    user = _gebruiker(request)
    return RapportForm(
        data,
        organisaties=selectors.aanvraagbare_organisaties(user=user),
        landelijk=policy.allows(user, "rapport.landelijk"),
    )


def pdf_antwoord(rapport: Rapport) -> HttpResponse:
    response = HttpResponse(bytes(rapport.pdf or b""), content_type="application/pdf")
    naam = (
        slugify(rapport.organisatie.afkorting or rapport.organisatie.naam)
        if rapport.organisatie
        else "landelijk"
    )
    bestand = f"stand-van-de-uitvoering-{naam}-{rapport.van:%Y%m%d}-{rapport.tot:%Y%m%d}.pdf"
    response["Content-Disposition"] = f'inline; filename="{bestand}"'
    return response


@require_http_methods(["GET", "POST"])
@requires("rapport.bekijken")
def rapporten(request: HttpRequest) -> HttpResponse:
    user = _gebruiker(request)
    status = 200
    if request.method == "POST":
        form = _form(request, request.POST)
        rapport, status = uitvoeren(
            form,
            lambda: services.request_rapport(
                door=user,
                organisatie=form.cleaned_data["organisatie"],
                van=form.cleaned_data["van"],
                tot=form.cleaned_data["tot"],
            ),
        )
        if rapport is not None:
            messages.success(request, _("Het rapport is aangevraagd. Het wordt nu gemaakt."))
            return redirect("parlement:rapport", pk=rapport.pk)
    else:
        form = _form(request)
    lijst = list(selectors.rapporten(user=user)[:PER_PAGINA])
    return render(
        request,
        "parlement/rapport/lijst.html",
        {"form": form, "rapporten": lijst},
        status=status,
    )


def _detail_context(request: HttpRequest, rapport: Rapport) -> dict[str, object]:
    user = _gebruiker(request)
    return {
        "rapport": rapport,
        "mag_publiceren": rapport.klaar
        and not rapport.gepubliceerd
        and not rapport.landelijk
        and policy.allows(user, "rapport.publiceren", rapport),
    }


@require_safe
@requires("rapport.bekijken")
def rapport(request: HttpRequest, pk: int) -> HttpResponse:
    r = selectors.rapport_detail(user=_gebruiker(request), pk=pk, met_inhoud=True)
    return render(request, "parlement/rapport/detail.html", _detail_context(request, r))


@require_safe
@requires("rapport.bekijken")
def voortgang(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress fragment that the detail page polls with htmx. When the report is done
    (or failed), htmx reloads the page to show the result."""
    r = selectors.rapport_detail(user=_gebruiker(request), pk=pk)
    response = render(request, "parlement/rapport/_voortgang.html", {"rapport": r})
    if r.status in {"klaar", "mislukt"} and request.headers.get("HX-Request") == "true":
        response["HX-Refresh"] = "true"
    return response


@require_safe
@requires("rapport.bekijken")
def pdf(request: HttpRequest, pk: int) -> HttpResponse:
    r = selectors.rapport_detail(user=_gebruiker(request), pk=pk, met_inhoud=True)
    if not r.klaar:
        return render(
            request, "parlement/rapport/detail.html", _detail_context(request, r), status=409
        )
    return pdf_antwoord(r)


@require_POST
@requires("rapport.publiceren")
def publiceren(request: HttpRequest, pk: int) -> HttpResponse:
    user = _gebruiker(request)
    r = selectors.rapport_detail(user=user, pk=pk)
    try:
        services.publish_rapport(door=user, rapport=r)
    except (ValidationError, services.NietMogelijk) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        return redirect("parlement:rapport", pk=r.pk)
    messages.success(request, _("Het rapport is openbaar."))
    return redirect("parlement:rapport", pk=r.pk)


# --- public pages (mounted at openbaar/stand-van-de-uitvoering/) -------------------------------


@require_safe
@requires("publiek.bekijken")
def openbaar_lijst(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "parlement/rapport/openbaar_lijst.html",
        {"rapporten": list(selectors.openbare_rapporten()[:PER_PAGINA])},
    )


@require_safe
@requires("publiek.bekijken")
def openbaar_rapport(request: HttpRequest, pk: int) -> HttpResponse:
    r = selectors.openbaar_rapport(pk=pk, met_inhoud=True)
    return render(request, "parlement/rapport/openbaar_detail.html", {"rapport": r})


@require_safe
@requires("publiek.bekijken")
def openbaar_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return pdf_antwoord(selectors.openbaar_rapport(pk=pk, met_inhoud=True))
