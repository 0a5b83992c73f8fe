import pytest

from audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_a_request_body_over_the_limit_is_refused_cleanly(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = client.post("/reactie/", {"found": "ja", "comment": "x" * 5000})
    assert response.status_code == 400
    assert "Dat lukte niet" in response.content.decode()


def test_too_many_fields_are_refused_cleanly(client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    response = client.post("/reactie/", {f"f{i}": "x" for i in range(50)})
    assert response.status_code == 400


def login_from(client, address, email):
    return client.post("/accounts/login/", {"username": email, "password": "geraden"}, REMOTE_ADDR=address)


def test_a_flood_of_logins_from_one_address_is_refused_before_any_password_is_checked(client, people):
    # Twenty tries a minute, each at another account: the per-account lock never triggers.
    for n in range(20):
        assert login_from(client, "203.0.113.7", f"iemand{n}@example.org").status_code == 200
    response = login_from(client, "203.0.113.7", "admin@noord.example")
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "Te veel pogingen" in response.content.decode()
    # The refused try never reached authentication: no failed login for it.
    assert AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN_FAILED).count() == 20
    # Someone else, elsewhere, logs in as usual.
    response = client.post(
        "/accounts/login/",
        {"username": "collega@noord.example", "password": "een-lang-wachtwoord-2026"},
        REMOTE_ADDR="198.51.100.20",
    )
    assert response.status_code == 302


def test_a_flood_of_password_reset_mails_from_one_address_is_refused(client, people, mailoutbox):
    for _ in range(5):
        client.post("/accounts/password_reset/", {"email": "admin@noord.example"}, REMOTE_ADDR="203.0.113.8")
    response = client.post("/accounts/password_reset/", {"email": "admin@noord.example"}, REMOTE_ADDR="203.0.113.8")
    assert response.status_code == 429
    assert len(mailoutbox) == 5


def test_looking_at_the_login_page_is_not_limited(client):
    for _ in range(30):
        assert client.get("/accounts/login/", REMOTE_ADDR="203.0.113.9").status_code == 200
