"""Searching and filtering the catalogue in a real browser, with and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def result_titles(page):
    return page.locator("#resultaten .result h3").all_inner_texts()


def test_search_and_filter_update_in_place_and_back_restores(live_server, page, catalogue, console):
    page.goto(f"{live_server.url}/activiteiten/")
    count = page.locator("#result-count")
    expect(count).to_have_text("4 activiteiten gevonden")
    # htmx is ready once it has processed the form; a full page load would drop this marker.
    page.wait_for_function("() => window.htmx !== undefined")
    page.evaluate("window.__zelfdePagina = true")

    page.locator("#id_q").press_sequentially("taal", delay=30)
    expect(count).to_have_text("2 activiteiten gevonden")
    assert sorted(result_titles(page)) == ["Taalcafé De Meeuw", "Taalles voor beginners"]
    expect(page).to_have_url(re.compile(r"/activiteiten/\?q=taal$"))
    assert page.evaluate("window.__zelfdePagina") is True, "the search reloaded the whole page"
    # The facet counts follow the search (out-of-band swap): one of the two is free.
    expect(page.locator("#n-f-gratis-1")).to_have_text("(1)")

    page.get_by_label(re.compile(r"^Gratis")).check()
    expect(count).to_have_text("1 gratis activiteit gevonden")
    assert result_titles(page) == ["Taalcafé De Meeuw"]
    expect(page).to_have_url(re.compile(r"[?&]gratis=1"))
    expect(page).to_have_url(re.compile(r"[?&]q=taal"))
    assert page.evaluate("window.__zelfdePagina") is True, "the filter reloaded the whole page"

    page.go_back()
    expect(page).to_have_url(re.compile(r"/activiteiten/\?q=taal$"))
    expect(count).to_have_text("2 activiteiten gevonden")
    assert sorted(result_titles(page)) == ["Taalcafé De Meeuw", "Taalles voor beginners"]
    expect(page.locator("#id_q")).to_have_value("taal")
    expect(page.get_by_label(re.compile(r"^Gratis"))).not_to_be_checked()

    page.get_by_role("link", name="Taalles voor beginners").click()
    expect(page).to_have_url(re.compile(r"/activiteiten/taalles-voor-beginners/"))
    expect(page.locator("h1")).to_have_text("Taalles voor beginners")
    # The way back keeps the search.
    expect(page.get_by_role("link", name="Terug naar de lijst")).to_have_attribute("href", "/activiteiten/?q=taal")
    assert console.csp_violations == []


def test_pagination_and_back_keep_the_url_shareable(live_server, page, settings, catalogue):
    settings.CATALOGUE_PAGE_SIZE = 2
    page.goto(f"{live_server.url}/activiteiten/")
    page.wait_for_function("() => window.htmx !== undefined")
    page.evaluate("window.__zelfdePagina = true")
    first_page = result_titles(page)
    page.get_by_role("link", name="Volgende").click()
    expect(page).to_have_url(re.compile(r"[?&]page=2"))
    expect(page.locator("#resultaten")).to_contain_text("Pagina 2 van 2")
    assert page.evaluate("window.__zelfdePagina") is True
    assert set(result_titles(page)).isdisjoint(first_page)

    # A new search starts again at page 1.
    page.locator("#id_q").press_sequentially("taal", delay=30)
    expect(page.locator("#result-count")).to_have_text("2 activiteiten gevonden")
    assert "page=" not in page.url


def test_search_and_filter_work_without_javascript(live_server, no_js_page, catalogue):
    page = no_js_page
    page.goto(f"{live_server.url}/")
    page.get_by_label("Waar zoek je naar?").fill("taal")
    page.get_by_role("button", name="Zoeken").click()
    expect(page).to_have_url(re.compile(r"/activiteiten/\?q=taal$"))
    expect(page.locator("#result-count")).to_have_text("2 activiteiten gevonden")

    page.locator("#id_q").fill("wandelen")
    page.locator("#filters").get_by_role("button", name="Zoeken").click()
    expect(page).to_have_url(re.compile(r"/activiteiten/\?q=wandelen"))
    expect(page.locator("#result-count")).to_have_text("1 activiteit gevonden")
    assert result_titles(page) == ["Wandelclub Noord"]

    page.locator("#id_q").fill("taal")
    page.get_by_label(re.compile(r"^Gratis")).check()
    page.get_by_role("button", name="Toon resultaten").click()
    expect(page).to_have_url(re.compile(r"[?&]gratis=1"))
    expect(page.locator("#result-count")).to_have_text("1 gratis activiteit gevonden")
    assert result_titles(page) == ["Taalcafé De Meeuw"]
    expect(page.get_by_label(re.compile(r"^Gratis"))).to_be_checked()

    page.get_by_role("link", name="Taalcafé De Meeuw").click()
    expect(page.locator("h1")).to_have_text("Taalcafé De Meeuw")


def test_catalogue_page_stays_small(live_server, page, catalogue):
    from tests.factories import ActivityFactory

    for number in range(25):
        ActivityFactory(
            title=f"Buurtactiviteit {number}",
            summary="Een middag samen iets doen in de buurt, met koffie en thee erbij. Iedereen is welkom.",
            themes=["ontmoeting", "kunst-en-cultuur", "eenzaamheid"],
            schedule=[("ma", "10:00", "12:00"), ("do", "14:00", "16:00")],
            volunteers_wanted="Ja",
        )
    for path in ["/activiteiten/", "/activiteiten/?q=&stadsdeel=noord&thema=ontmoeting&dag=ma&gratis=1"]:
        response = page.goto(f"{live_server.url}{path}")
        assert response.ok
        expect(page.locator("#result-count")).to_contain_text("gevonden")
        size = len(response.body())
        print(f"{path}: {size} bytes")
        assert size < 60_000, f"{path} is {size} bytes"


def test_on_a_phone_a_link_jumps_from_the_open_filters_to_the_results(live_server, new_page, catalogue):
    from tests.browser.conftest import MOBILE

    page = new_page(viewport=MOBILE, is_mobile=True, has_touch=True)
    page.goto(f"{live_server.url}/activiteiten/?stadsdeel=noord")
    page.wait_for_function("() => window.htmx !== undefined")
    page.locator(".filter-panel > summary").click()
    jump = page.get_by_role("link", name="Bekijk 4 activiteiten")
    expect(jump).to_be_in_viewport()
    expect(page.locator("#result-count")).not_to_be_in_viewport()

    page.locator("#id_q").press_sequentially("taal", delay=30)
    expect(page.locator("#result-count")).to_have_text("2 activiteiten gevonden in Noord")
    expect(jump).to_have_count(0)
    jump = page.get_by_role("link", name="Bekijk 2 activiteiten")
    jump.click()
    expect(page.locator("#result-count")).to_be_in_viewport()


def test_on_a_wide_screen_the_results_are_next_to_the_filters(live_server, page, catalogue):
    page.goto(f"{live_server.url}/activiteiten/?stadsdeel=noord")
    expect(page.locator("#to-results")).to_be_hidden()
    expect(page.locator("#result-count")).to_be_in_viewport()


def test_a_link_with_unknown_filters_says_which_in_plain_words(live_server, no_js_page, catalogue):
    page = no_js_page
    page.goto(f"{live_server.url}/activiteiten/?thema=bestaat-niet&dag=zondag&q=taal")
    notice = page.get_by_role("alert")
    expect(notice).to_contain_text("Deze filters hebben we daarom niet gebruikt")
    expect(notice.get_by_role("listitem")).to_have_count(2)
    expect(notice.get_by_role("listitem").nth(0)).to_have_text("Onderwerp: deze keuze bestaat niet (meer).")
    expect(notice.get_by_role("listitem").nth(1)).to_have_text("Dag: deze keuze bestaat niet (meer).")
    expect(notice).not_to_contain_text("thema:")
    # The rest of the link still works.
    expect(page.locator("#result-count")).to_have_text("2 activiteiten gevonden")


def test_a_too_long_search_keeps_the_words_and_says_why(live_server, no_js_page, catalogue):
    page = no_js_page
    words = "taal " * 50
    page.goto(f"{live_server.url}/activiteiten/?q={words.strip().replace(' ', '+')}")
    expect(page.locator("#id_q")).to_have_value(words.strip())
    expect(page.locator("#id_q")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#q-error")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("Zoekwoord:")
