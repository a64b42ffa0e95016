"""Binding views to the permission policy. Every view names its policy action, so the route
coverage test (`uitvoerbaar.core.routes`) can check that no route goes without one."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse

from . import policy

F = TypeVar("F", bound=Callable[..., HttpResponse])


def requires(actie: str) -> Callable[[F], F]:
    """Refuse the request unless the policy allows `actie` (without an object; views that load
    an object check it again with `policy.require(user, actie, obj)` in their selector).
    Anonymous people are sent to the login page, logged-in people get a 403."""
    policy.regel(actie)  # fail at import time on an unknown action

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not policy.allows(request.user, actie):
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                policy.require(request.user, actie)
            return view(request, *args, **kwargs)

        wrapped.policy_actie = actie  # type: ignore[attr-defined]
        return wrapped  # type: ignore[return-value]

    return decorator
