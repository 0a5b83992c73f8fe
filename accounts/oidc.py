"""OIDC login (the city's, or eHerkenning through a broker), used only when OIDC settings are present.

Accounts are invited first, so the backend only links a verified e-mail address to an existing user.
"""

from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class PortalOIDCBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims):
        email = (claims.get("email") or "").lower()
        if not email or not claims.get("email_verified", True):
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email=email, is_active=True)
