"""Login, second factor, logout, the personal start page and the organisation pages."""

from __future__ import annotations

import base64
from typing import Any

import segno
from django.conf import settings
from django.contrib.auth import login, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import selectors, services
from .constants import Rol
from .forms import GEBLOKKEERD, InlogForm, TweedeFactorForm
from .middleware import tweede_factor_ontbreekt
from .models import Gebruiker
from .permissions import requires


def _veilige_next(request: HttpRequest, default: str) -> str:
    """The ?next= target when it stays on this site; otherwise `default` (no open redirect)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _inlog_context(request: HttpRequest, form: InlogForm) -> dict[str, Any]:
    return {
        "form": form,
        "next": _veilige_next(request, ""),
        "oidc_enabled": settings.OIDC_ENABLED,
        # Single sign-on sends a person it could not log in to /inloggen/?sso=mislukt
        # (LOGIN_REDIRECT_URL_FAILURE).
        "sso_mislukt": settings.OIDC_ENABLED and request.GET.get("sso") == "mislukt",
    }


@requires("publiek.bekijken")
@sensitive_post_parameters("password")
@never_cache
@require_http_methods(["GET", "POST"])
def inloggen(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("core:home")
    form = InlogForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid() and form.gebruiker is not None:
        login(request, form.gebruiker, backend="django.contrib.auth.backends.ModelBackend")
        doel = _veilige_next(request, resolve_url(settings.LOGIN_REDIRECT_URL))
        if tweede_factor_ontbreekt(request):
            return redirect(f"{reverse('core:tweede_factor')}?{urlencode({'next': doel})}")
        return redirect(doel)
    status = 400 if request.method == "POST" else 200
    return render(request, "core/inloggen.html", _inlog_context(request, form), status=status)


def lockout_response(request: HttpRequest, credentials: Any, *args: Any) -> HttpResponse:
    """django-axes calls this when a username is locked (AXES_LOCKOUT_CALLABLE). The login
    page with a clear Dutch message; the same answer whether or not the account exists."""
    if request.path.startswith("/api/"):
        from uitvoerbaar.api.errors import problem_response

        return problem_response(
            status=429, title=_("Tijdelijk geblokkeerd"), detail=str(GEBLOKKEERD)
        )
    context = {**_inlog_context(request, InlogForm(request)), "blokkade": GEBLOKKEERD}
    return render(request, "core/inloggen.html", context, status=429)


@requires("account.eigen")
@never_cache
@require_http_methods(["GET", "POST"])
def tweede_factor(request: HttpRequest) -> HttpResponse:
    """Verify the TOTP code; on first use, enrol an authenticator app (QR code and key)."""
    doel = _veilige_next(request, resolve_url(settings.LOGIN_REDIRECT_URL))
    if not tweede_factor_ontbreekt(request):
        # Not needed for this person's roles, or already verified in this session.
        return redirect(doel)
    user: Gebruiker = request.user  # type: ignore[assignment]
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    enrolment = device is None
    if device is None:
        device = services.start_totp_enrolment(gebruiker=user)
    form = TweedeFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        toegestaan, _info = device.verify_is_allowed()
        if not toegestaan:
            form.add_error(
                "code",
                _("U hebt te vaak een verkeerde code ingevuld. Wacht even en probeer het opnieuw."),
            )
        elif device.verify_token(form.cleaned_data["code"]):
            if enrolment:
                services.confirm_totp_device(gebruiker=user, device=device)
            otp_login(request, device)
            return redirect(doel)
        else:
            form.add_error(
                "code",
                _("Deze code klopt niet of is verlopen. Vul de code in die de app nu toont."),
            )
    context: dict[str, Any] = {
        "form": form,
        "enrolment": enrolment,
        "next": _veilige_next(request, ""),
    }
    if enrolment:
        context["qr_svg_data_uri"] = segno.make(device.config_url).svg_data_uri(scale=4)
        context["geheim"] = base32_sleutel(device)
    status = 400 if request.method == "POST" else 200
    return render(request, "core/tweede_factor.html", context, status=status)


def base32_sleutel(device: TOTPDevice) -> str:
    """The device key as authenticator apps expect it when typed in by hand."""
    return base64.b32encode(device.bin_key).decode().rstrip("=")


@require_POST
@requires("publiek.bekijken")
def uitloggen(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("core:login")


@requires("publiek.bekijken")
def welkom(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("core:home")
    return render(request, "core/welkom.html")


# The order in which a person's role sections appear on their home page.
ROL_VOLGORDE = [r.value for r in Rol]


@requires("account.eigen")
def home(request: HttpRequest) -> HttpResponse:
    user: Gebruiker = request.user  # type: ignore[assignment]
    lidmaatschappen = user.actieve_lidmaatschappen()
    rollen = sorted({lid.rol for lid in lidmaatschappen}, key=ROL_VOLGORDE.index)
    secties = [
        {
            "rol": rol,
            "label": Rol(rol).label,
            "template": f"core/home/{rol}.html",
            "organisaties": sorted(
                {lid.organisatie.naam for lid in lidmaatschappen if lid.rol == rol}
            ),
        }
        for rol in rollen
    ]
    return render(
        request, "core/home.html", {"secties": secties, "lidmaatschappen": lidmaatschappen}
    )


@requires("organisatie.bekijken")
def organisaties(request: HttpRequest) -> HttpResponse:
    qs = selectors.zichtbare_organisaties(user=request.user)  # type: ignore[arg-type]
    return render(request, "core/organisaties.html", {"organisaties": qs})


@requires("organisatie.bekijken")
def organisatie(request: HttpRequest, slug: str) -> HttpResponse:
    org = selectors.organisatie_detail(user=request.user, slug=slug)  # type: ignore[arg-type]
    return render(request, "core/organisatie.html", {"organisatie": org})
