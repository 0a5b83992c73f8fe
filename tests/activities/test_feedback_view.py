import pytest
from django.urls import reverse

from activities.models import SearchFeedback
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db
URL = reverse("activities:feedback")


def test_answer_is_stored_anonymously_with_the_search(client):
    activity = ActivityFactory()
    response = client.post(
        URL,
        {
            "found": "nee",
            "comment": "Ik zoek een zwemclub",
            "query_string": "q=zwemmen&stadsdeel=noord",
            "activity": activity.pk,
            "next": "/activiteiten/?q=zwemmen",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/activiteiten/?q=zwemmen"
    feedback = SearchFeedback.objects.get()
    assert feedback.found is False
    assert feedback.query_string == "q=zwemmen&stadsdeel=noord"
    assert feedback.activity == activity


def test_htmx_answer_gets_a_thank_you(client):
    response = client.post(URL, {"found": "ja"}, headers={"HX-Request": "true"})
    assert "Dank je wel" in response.content.decode()
    assert SearchFeedback.objects.get().found is True


def test_missing_answer_keeps_the_comment_and_says_why(client):
    response = client.post(URL, {"comment": "Mijn tekst"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "Kies ja of nee." in html
    assert "Mijn tekst" in html
    assert not SearchFeedback.objects.exists()


def test_next_must_stay_on_this_site(client):
    response = client.post(URL, {"found": "ja", "next": "https://evil.example/"})
    assert response["Location"] == "/activiteiten/"


def test_a_flood_of_answers_from_one_address_is_refused(client):
    for _ in range(10):
        assert client.post(URL, {"found": "ja"}, REMOTE_ADDR="203.0.113.30").status_code == 302
    response = client.post(URL, {"found": "ja"}, REMOTE_ADDR="203.0.113.30")
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "Te veel pogingen" in response.content.decode()
    assert SearchFeedback.objects.count() == 10
    # A resident at another address answers as usual.
    assert client.post(URL, {"found": "nee"}, REMOTE_ADDR="198.51.100.30").status_code == 302
    assert SearchFeedback.objects.count() == 11
