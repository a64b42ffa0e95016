"""Second factor: people holding a role that can see confidential data must verify a TOTP code
before they can use anything but the second-factor page, logout and the language switch."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

# URL names a person may use before the second factor is verified.
VRIJ = ("core:tweede_factor", "core:uitloggen", "set_language")


def _vrije_paden() -> frozenset[str]:
    # reverse() caches per URLconf, so this stays cheap.
    return frozenset(reverse(name) for name in VRIJ)


def _vrij(path: str) -> bool:
    return path in _vrije_paden() or path.startswith(settings.STATIC_URL)


def tweede_factor_ontbreekt(request: HttpRequest) -> bool:
    """True when this logged-in person must still pass their second factor."""
    user = request.user
    if not user.is_authenticated or settings.UITVOERBAAR_DEMO_WAIVE_SECOND_FACTOR:
        return False
    if not getattr(user, "tweede_factor_vereist", False):
        return False
    # django_otp.middleware.OTPMiddleware (earlier in MIDDLEWARE) sets is_verified.
    is_verified: Callable[[], bool] | None = getattr(user, "is_verified", None)
    return not (is_verified is not None and is_verified())


class SecondFactorRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if tweede_factor_ontbreekt(request) and not _vrij(request.path):
            if request.path.startswith("/api/"):
                from uitvoerbaar.api.errors import problem_response

                return problem_response(
                    status=403,
                    title=_("Tweede factor vereist"),
                    detail=_("Log in met uw tweede factor voordat u deze gegevens gebruikt."),
                )
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('core:tweede_factor')}?{query}")
        return self.get_response(request)


class TaalMiddleware(LocaleMiddleware):
    """Dutch by default, English only when the person chose it with the language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language, so a civil servant
    with an English browser would get an English screen they never asked for. Here only the
    switch's cookie counts; everything else gets settings.LANGUAGE_CODE."""

    def process_request(self, request: HttpRequest) -> None:
        gekozen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        taal = gekozen if gekozen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(taal)
        request.LANGUAGE_CODE = translation.get_language()


class PermissionsPolicyMiddleware:
    """Sends `Permissions-Policy` (settings.PERMISSIONS_POLICY): the browser features no page of
    Uitvoerbaar uses (camera, microphone, geolocation, payment, ...) are switched off for the
    page and anything it might embed. Django's SecurityMiddleware has no setting for this header;
    the other security headers (HSTS, nosniff, Referrer-Policy, COOP) come from there, the CSP
    from django-csp and X-Frame-Options from XFrameOptionsMiddleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.waarde = ", ".join(
            f"{feature}=({' '.join(bronnen)})"
            for feature, bronnen in getattr(settings, "PERMISSIONS_POLICY", {}).items()
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.waarde:
            response.headers.setdefault("Permissions-Policy", self.waarde)
        return response
