"""OIDC links a verified e-mail address to an invited account, and never creates one."""

import pytest

from accounts.models import User
from accounts.oidc import PortalOIDCBackend

pytestmark = pytest.mark.django_db


@pytest.fixture
def backend(settings):
    settings.OIDC_RP_CLIENT_ID = "portal"
    settings.OIDC_RP_CLIENT_SECRET = "secret"
    settings.OIDC_OP_TOKEN_ENDPOINT = "https://login.example/token"
    settings.OIDC_OP_USER_ENDPOINT = "https://login.example/userinfo"
    settings.OIDC_RP_SIGN_ALGO = "HS256"
    return PortalOIDCBackend()


def test_verified_email_finds_the_invited_user(backend):
    user = User.objects.create_user("Org@Noord.example".lower())
    assert list(backend.filter_users_by_claims({"email": "ORG@noord.example", "email_verified": True})) == [user]


def test_unverified_or_unknown_email_finds_nobody(backend):
    User.objects.create_user("org@noord.example")
    assert not backend.filter_users_by_claims({"email": "org@noord.example", "email_verified": False}).exists()
    assert not backend.filter_users_by_claims({"email": "onbekend@noord.example"}).exists()
