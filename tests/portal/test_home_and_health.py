import pytest
from django.urls import reverse

from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def test_home_shows_search_bouwstenen_and_stadsdelen(client):
    html = client.get(reverse("home")).content.decode()
    assert 'name="q"' in html
    # In residents' words; the kader's names are for staff.
    for name in ["Mensen ontmoeten en samen iets doen", "Elkaar helpen en steunen", "Hulp bij taal, geld, formulieren"]:
        assert name in html
    assert "Samenredzaamheid" not in html
    assert "?stadsdeel=weesp" in html and "?stadsdeel=noord" in html


def test_home_offers_online_activities_only_when_there_are_some(client):
    html = client.get(reverse("home")).content.decode()
    assert "?stadsdeel=online" not in html
    assert "Zoek in je stadsdeel</h2>" in html
    ActivityFactory(location=None, online=True, online_url="https://meet.jit.si/taalcafe")
    html = client.get(reverse("home")).content.decode()
    assert '<a class="pill" href="/activiteiten/?stadsdeel=online">Online, vanuit huis</a>' in html
    assert "Zoek in je stadsdeel of online</h2>" in html


def test_healthz_checks_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_pages_send_a_strict_content_security_policy(client):
    response = client.get(reverse("home"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


@pytest.mark.parametrize("url", ["/", "/healthz"])
def test_head_answers_like_get(client, url):
    response = client.head(url)
    assert response.status_code == 200
    assert response.content == b""
