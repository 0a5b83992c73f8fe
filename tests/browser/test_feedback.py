"""The "Heb je gevonden wat je zocht?" form, with htmx and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from activities.models import SearchFeedback

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

THANKS = "Dank je wel. Je antwoord helpt ons de website beter te maken."


def test_feedback_with_htmx_replaces_the_form(live_server, page, catalogue, console):
    page.goto(f"{live_server.url}/activiteiten/")
    page.wait_for_function("() => window.htmx !== undefined")
    page.evaluate("window.__zelfdePagina = true")
    # Search in place first: the answer must be stored with the search the resident sees now.
    page.locator("#id_q").press_sequentially("taal", delay=30)
    expect(page.locator("#result-count")).to_have_text("2 activiteiten gevonden")

    feedback = page.locator("#feedback")
    feedback.get_by_label("Nee").check()
    feedback.get_by_label("Wat zocht je? (mag leeg blijven)").fill("Taalles in het weekend")
    feedback.get_by_role("button", name="Verstuur").click()

    expect(feedback.get_by_role("status")).to_have_text(THANKS)
    expect(feedback.locator("form")).to_have_count(0)
    assert page.evaluate("window.__zelfdePagina") is True, "sending the answer reloaded the page"
    expect(page).to_have_url(re.compile(r"/activiteiten/\?q=taal$"))

    answer = SearchFeedback.objects.get()
    assert answer.found is False
    assert answer.comment == "Taalles in het weekend"
    assert answer.query_string == "q=taal"
    assert answer.activity is None
    assert console.csp_violations == []


def test_feedback_with_htmx_asks_again_when_no_choice(live_server, page, catalogue):
    page.goto(f"{live_server.url}/activiteiten/?q=taal")
    page.wait_for_function("() => window.htmx !== undefined")
    feedback = page.locator("#feedback")
    feedback.get_by_role("button", name="Verstuur").click()
    expect(feedback.locator(".field-error")).to_have_text("Kies ja of nee.")
    feedback.get_by_label("Ja").check()
    feedback.get_by_role("button", name="Verstuur").click()
    expect(feedback.get_by_role("status")).to_have_text(THANKS)
    assert SearchFeedback.objects.get().query_string == "q=taal"


def test_feedback_without_javascript_redirects_back_with_message(live_server, no_js_page, catalogue):
    page = no_js_page
    activity = catalogue["taalcafe"]
    page.goto(f"{live_server.url}/activiteiten/{activity.slug}/?q=taal&gratis=1")
    feedback = page.locator("#feedback")
    feedback.get_by_label("Ja").check()
    feedback.get_by_role("button", name="Verstuur").click()

    expect(page).to_have_url(re.compile(rf"/activiteiten/{activity.slug}/\?q=taal&gratis=1$"))
    expect(page.locator(".messages")).to_have_text(THANKS)
    expect(page.locator("h1")).to_have_text("Taalcafé De Meeuw")

    answer = SearchFeedback.objects.get()
    assert answer.found is True
    assert answer.query_string == "q=taal&gratis=1"
    assert answer.activity == activity


def test_feedback_without_javascript_on_the_catalogue(live_server, no_js_page, catalogue):
    page = no_js_page
    page.goto(f"{live_server.url}/activiteiten/?q=wandelen")
    page.locator("#feedback").get_by_label("Nee").check()
    page.locator("#feedback").get_by_role("button", name="Verstuur").click()
    expect(page).to_have_url(re.compile(r"/activiteiten/\?q=wandelen$"))
    expect(page.locator(".messages")).to_have_text(THANKS)
    assert SearchFeedback.objects.get().query_string == "q=wandelen"
