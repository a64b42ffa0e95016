"""Second factor: people holding a role that can see confidential data must verify a TOTP code
before they can use anything but the second-factor pages and logout."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

VRIJ = ("core:tweede_factor", "core:uitloggen", "set_language")


class SecondFactorRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not settings.UITVOERBAAR_DEMO_WAIVE_SECOND_FACTOR
            and user.tweede_factor_vereist  # type: ignore[union-attr]
            and not user.is_verified()  # type: ignore[union-attr]
            and not request.path.startswith(settings.STATIC_URL)
            and request.path not in {reverse(name) for name in VRIJ}
        ):
            if request.path.startswith("/api/"):
                from uitvoerbaar.api.errors import problem_response

                return problem_response(
                    status=403, title="Tweede factor vereist",
                    detail="Log in met uw tweede factor voordat u deze gegevens gebruikt.",
                )
            return redirect(f"{reverse('core:tweede_factor')}?next={request.path}")
        return self.get_response(request)
