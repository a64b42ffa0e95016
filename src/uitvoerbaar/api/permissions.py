"""DRF binding of the permission policy: every API view sets `policy_actie`."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from uitvoerbaar.core import policy


class PolicyPermission(BasePermission):
    message = "U hebt geen toegang tot deze gegevens of handeling."

    def has_permission(self, request: Request, view: Any) -> bool:
        actie = getattr(view, "policy_actie", None)
        if actie is None:
            raise ImproperlyConfigured(f"{type(view).__name__} heeft geen policy_actie.")
        return policy.allows(request.user, actie)

    def has_object_permission(self, request: Request, view: Any, obj: Any) -> bool:
        actie = view.policy_actie
        if policy.regel(actie).reikwijdte is not policy.Reikwijdte.EIGEN_ORGANISATIE:
            return True
        return policy.allows(request.user, actie, obj)
