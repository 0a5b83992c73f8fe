"""The catalogue page as a browser and htmx see it."""

import pytest
from django.urls import reverse

from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db
URL = reverse("activities:list")


def make_activities(count, **kwargs):
    for i in range(count):
        ActivityFactory(
            title=f"Taalcafé {i}",
            themes=["taal", "ontmoeting"],
            doelgroepen=["nieuwkomers"],
            schedule=[("di", "10:00", "12:00"), ("do", "19:00", "21:00")],
            **kwargs,
        )


def test_full_page_has_form_results_and_count(client):
    make_activities(3)
    response = client.get(URL, {"q": "taal"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<form id="filters"' in html
    assert "3 activiteiten gevonden" in html
    assert 'value="taal"' in html
    assert response["Vary"].find("HX-Request") >= 0


def test_htmx_request_gets_only_results_and_counts(client):
    make_activities(2)
    response = client.get(URL, {"thema": "taal"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert '<section id="resultaten"' in html
    assert "<html" not in html and '<form id="filters"' not in html
    assert 'id="result-count" hx-swap-oob="innerHTML"' in html
    assert 'id="n-f-thema-taal" class="count" hx-swap-oob="true">(2)' in html


def test_history_restore_gets_the_full_page(client):
    make_activities(1)
    response = client.get(URL, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in response.content.decode()


def test_ticked_filters_stay_ticked(client):
    make_activities(1)
    html = client.get(URL, {"thema": "taal", "gratis": "1"}).content.decode()
    assert 'id="f-thema-taal" name="thema" value="taal" checked' in html
    assert 'id="f-gratis-1" name="gratis" value="1" checked' in html


def test_pagination_keeps_the_filters(client, settings):
    settings.CATALOGUE_PAGE_SIZE = 2
    make_activities(5)
    html = client.get(URL, {"thema": "taal"}).content.decode()
    assert "Pagina 1 van 3" in html
    assert 'href="?thema=taal&amp;page=2"' in html


def test_query_count_does_not_grow_with_results(client, django_assert_max_num_queries):
    make_activities(2)
    with django_assert_max_num_queries(30) as small:
        client.get(URL, {"q": "taal", "dag": "di"})
    make_activities(18, location__gebied_slug="noord-oost")
    with django_assert_max_num_queries(30) as large:
        client.get(URL, {"q": "taal", "dag": "di"})
    assert len(large.captured_queries) == len(small.captured_queries)


def test_script_in_a_search_comes_back_escaped(client):
    html = client.get(URL, {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_print_view_lists_the_current_results(client):
    make_activities(2)
    ActivityFactory(title="Buurtkoor", themes=["kunst-en-cultuur"])
    html = client.get(reverse("activities:print"), {"thema": "taal"}).content.decode()
    assert html.count("<h2>Taalcafé") == 2
    assert "Buurtkoor" not in html


def test_page_size_stays_small(client):
    make_activities(20)
    response = client.get(URL)
    assert len(response.content) < 60_000


def test_the_search_hint_stays_readable_above_the_field(client):
    html = client.get(URL).content.decode()
    assert '<p class="help" id="q-help">Bijvoorbeeld: taal, wandelen of geld.</p>' in html
    assert 'aria-describedby="q-help"' in html
    assert "placeholder=" not in html
    # A search that is too long keeps its hint and points at its message too.
    html = client.get(URL, {"q": "x" * 201}).content.decode()
    assert 'aria-describedby="q-help q-error" aria-invalid="true"' in html
