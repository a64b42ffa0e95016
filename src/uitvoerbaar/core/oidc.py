"""Optional single sign-on with the organisation's identity provider (OpenID Connect).

Off by default (OIDC_ENABLED). SSO only proves who someone is: it logs in an EXISTING, active
account with the same verified e-mail address and never creates accounts or grants roles.
Memberships and roles stay managed here, by the organisation's beheerder. A role that needs a
second factor still asks for it after SSO (SecondFactorRequiredMiddleware)."""

from __future__ import annotations

import logging
from typing import Any

from django.db.models import QuerySet
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .models import Gebruiker

logger = logging.getLogger(__name__)


class OrganisatieOIDCBackend(OIDCAuthenticationBackend):
    def verify_claims(self, claims: dict[str, Any]) -> bool:
        """Accept only claims with an e-mail address the identity provider has verified
        (an explicit `email_verified: false` is refused)."""
        email = claims.get("email")
        if not isinstance(email, str) or "@" not in email.strip():
            return False
        return claims.get("email_verified", True) is not False

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[Gebruiker]:
        """The one active account with this e-mail address (case-insensitive). Nothing when
        there is none, or when several accounts share it: guessing would be worse."""
        email = str(claims.get("email") or "").strip()
        if not email:
            return Gebruiker.objects.none()
        users = Gebruiker.objects.filter(email__iexact=email, is_active=True)
        if users.count() != 1:
            if users.exists():
                logger.warning("OIDC: several accounts share one e-mail address; refused.")
            return Gebruiker.objects.none()
        return users

    def create_user(self, claims: dict[str, Any]) -> None:
        """Never: accounts are made by a beheerder (OIDC_CREATE_USER is False as well)."""
        return None

    def update_user(self, user: Gebruiker, claims: dict[str, Any]) -> Gebruiker:
        """SSO changes nothing about the account, and certainly not its roles."""
        return user

    def get_or_create_user(self, access_token: str, id_token: str, payload: Any) -> Any:
        user = super().get_or_create_user(access_token, id_token, payload)
        if user is not None and not user.is_active:
            return None
        return user
