"""OpenID Connect login: ID-porten for participants, the staff directory (Entra ID) for staff.

Switched on with KVP_OIDC_ENABLED and the OIDC_* variables (settings.py). ID-porten gives the
person's national identity number in the `pid` claim; Entra ID at NAV gives the `NAVident` claim.
Nobody gets an account by logging in: staff are created by an administrator, and a participant's
login is linked to the participant already registered by their counsellor.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from kvp.accounts.models import User
from kvp.participants.models import Participant


class KvpOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        if national_id := claims.get("pid"):
            participant = Participant.objects.filter(national_id=national_id).select_related("user").first()
            if participant is None:
                return User.objects.none()
            if participant.user is None:
                participant.user = User.objects.create_user(username=f"idporten-{participant.pk}")
                participant.save(update_fields=["user"])
            return User.objects.filter(pk=participant.user.pk, is_active=True)
        if nav_ident := claims.get("NAVident"):
            return User.objects.filter(username=nav_ident, is_active=True, participant__isnull=True)
        return User.objects.none()

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(claims.get("pid") or claims.get("NAVident"))
