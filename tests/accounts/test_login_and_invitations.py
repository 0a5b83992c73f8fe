"""Logging in, throttling, password reset, invitations and the audit log of it."""

import re

import pytest
from django.core import mail

from accounts.models import User
from audit.models import AuditEvent
from organisations.models import Membership

pytestmark = pytest.mark.django_db
PASSWORD = "een-lang-wachtwoord-2026"


def login(client, email, password=PASSWORD):
    return client.post("/accounts/login/", {"username": email, "password": password})


def test_login_with_email_sends_people_to_their_area(client, people):
    response = login(client, "admin@noord.example")
    assert response.status_code == 302
    assert client.get(response["Location"])["Location"] == "/organisatie/"
    assert AuditEvent.objects.filter(action="login", actor=people.member_a).exists()
    staff = client.__class__()
    assert staff.get(login(staff, "beoordelaar.noord@example.org")["Location"])["Location"] == "/beoordeling/"


def test_wrong_password_is_logged_without_the_password(client, people):
    response = login(client, "admin@noord.example", "fout-wachtwoord")
    assert response.status_code == 200
    assert "Het e-mailadres of het wachtwoord klopt niet." in response.content.decode()
    event = AuditEvent.objects.get(action=AuditEvent.Action.LOGIN_FAILED)
    assert event.actor_label == "admin@noord.example"
    assert "fout-wachtwoord" not in str(event.changes)


def test_an_unknown_address_gets_the_same_words_as_a_wrong_password(client, people):
    wrong_password = login(client, "admin@noord.example", "fout-wachtwoord").content.decode()
    unknown = login(client, "niemand@noord.example", "fout-wachtwoord").content.decode()
    message = "Het e-mailadres of het wachtwoord klopt niet. Let op hoofdletters in je wachtwoord."
    assert message in wrong_password and message in unknown
    assert "juiste e-mailadres" not in wrong_password  # Django's own words, with their grammar error
    empty = login(client, "", "").content.decode()
    assert "Vul je e-mailadres in." in empty and "Vul je wachtwoord in." in empty


def test_five_wrong_passwords_lock_the_login_with_a_clear_message(client, people):
    for _attempt in range(5):
        login(client, "admin@noord.example", "fout")
    response = login(client, "admin@noord.example")
    assert response.status_code == 429
    assert "15 minuten niet inloggen" in response.content.decode()


def test_password_reset_sends_a_mail(client, people):
    client.post("/accounts/password_reset/", {"email": "admin@noord.example"})
    assert len(mail.outbox) == 1
    assert "/accounts/reset/" in mail.outbox[0].body


def test_admin_invites_a_colleague_who_joins(client, people, django_capture_on_commit_callbacks):
    client.force_login(people.member_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/organisatie/{people.org_a.pk}/collegas/", {"email": "Nieuw@Noord.example"})
    assert response.status_code == 302
    link = re.search(r"http://testserver(/uitnodiging/\S+/)", mail.outbox[0].body)[1]
    newcomer = client.__class__()
    response = newcomer.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    user = User.objects.get(email="nieuw@noord.example")
    assert Membership.objects.filter(user=user, organisation=people.org_a, is_admin=False).exists()
    assert response["Location"] == f"/organisatie/{people.org_a.pk}/"
    assert newcomer.get(response["Location"]).status_code == 200
    # The link works once.
    assert newcomer.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD}).status_code == 404
    assert AuditEvent.objects.filter(action="invite").exists() and AuditEvent.objects.filter(action="join").exists()


def test_invitation_with_a_weak_password_keeps_the_form(client, people, django_capture_on_commit_callbacks):
    client.force_login(people.member_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/organisatie/{people.org_a.pk}/collegas/", {"email": "nieuw@noord.example"})
    link = re.search(r"http://testserver(/uitnodiging/\S+/)", mail.outbox[0].body)[1]
    response = client.__class__().post(link, {"new_password1": "kort", "new_password2": "kort"})
    assert response.status_code == 200
    assert "id_new_password2_error" in response.content.decode()
    assert not User.objects.filter(email="nieuw@noord.example").exists()


def test_invalid_invitation_email_is_refused_next_to_the_field(client, people):
    client.force_login(people.member_a)
    response = client.post(f"/organisatie/{people.org_a.pk}/collegas/", {"email": "geen-adres"})
    assert response.status_code == 422
    assert "Dit is geen geldig e-mailadres." in response.content.decode()
    assert not mail.outbox


def test_org_admin_sees_only_their_own_log(client, people):
    other = client.__class__()
    other.force_login(people.member_b)
    other.post(f"/organisatie/{people.org_b.pk}/klopt-nog/", {"activiteit": [people.activity_b.pk]})
    client.force_login(people.member_a)
    client.post(f"/organisatie/{people.org_a.pk}/klopt-nog/", {"activiteit": [people.activity_a.pk]})
    html = client.get(f"/organisatie/{people.org_a.pk}/logboek/").content.decode()
    assert "Taalcafé Noord" in html
    assert "Buurtkoor Zuid" not in html


def test_login_ignores_capitals_in_the_address(client, people):
    response = login(client, "  Admin@Noord.EXAMPLE ")
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action="login", actor=people.member_a).exists()


def test_capitals_do_not_get_round_the_lock(client, people):
    for email in ["ADMIN@noord.example", "Admin@noord.example", "aDmin@noord.example", "adMin@Noord.example"]:
        login(client, email, "fout")
    login(client, "admin@NOORD.example", "fout")
    response = login(client, "admin@noord.example")
    assert response.status_code == 429
    assert "15 minuten niet inloggen" in response.content.decode()


def test_an_account_added_in_the_admin_logs_in_however_it_is_typed(client, people):
    client.force_login(people.admin)
    response = client.post(
        "/admin/accounts/user/add/",
        {
            "email": "Nieuwe.Collega@Example.ORG",
            "name": "",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "staff_roles-TOTAL_FORMS": "0",
            "staff_roles-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    assert User.objects.filter(email="nieuwe.collega@example.org").exists()
    assert login(client.__class__(), "Nieuwe.Collega@example.org").status_code == 302


@pytest.mark.parametrize("token", ["%00", "abc%00def", "%C3%A9t%C3%A9", "x" * 65])
def test_a_malformed_invitation_link_is_a_404(client, people, token):
    for response in (client.get(f"/uitnodiging/{token}/"), client.post(f"/uitnodiging/{token}/")):
        assert response.status_code == 404
        assert "uitnodiging" in response.content.decode().lower()
