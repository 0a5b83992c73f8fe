"""What the catalogue page says about its list to a resident: plain filter words, a heading that says
what is shown, chips that take a filter away, hidden empty gebieden, and help when nothing is found."""

import re
from html import unescape

import pytest
from django.urls import reverse

from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db
URL = reverse("activities:list")


@pytest.fixture
def catalogue():
    ActivityFactory(
        title="Wandelclub Noord",
        location__gebied_slug="oud-noord",
        doelgroepen=["ouderen"],
        themes=["gezondheid-en-bewegen"],
        schedule=[("wo", "10:00", "11:30")],
    )
    ActivityFactory(
        title="Open inloop De Banne",
        location__gebied_slug="noord-oost",
        doelgroepen=["alle-amsterdammers"],
        themes=["ontmoeting"],
        schedule=[("vr", "10:00", "12:00")],
    )
    ActivityFactory(
        title="Jongerenhuis Zuid",
        location__gebied_slug="oud-zuid",
        doelgroepen=["jongeren"],
        themes=["sport"],
        free=False,
        cost="€ 2",
        schedule=[("wo", "19:00", "21:00")],
    )


def page(client, **params):
    return client.get(URL, params).content.decode()


def heading(html):
    match = re.search(r'<h2 id="result-count"[^>]*>(.*?)</h2>', html, re.S)
    return unescape(match.group(1).strip())


def chips(html):
    """{chip text: the address it leads to}."""
    found = re.findall(r'<a class="chip" href="([^"]*)"><span class="visually-hidden">[^<]*</span>(.*?) <span', html)
    return {unescape(label): unescape(href) for href, label in found}


def test_the_filters_ask_questions_in_plain_words(client, catalogue):
    html = page(client)
    for legend in ["Wat zoek je?", "Voor wie?", "Waar?", "Wanneer?"]:
        assert f"<legend>{legend}</legend>" in html
    # The kader's bouwstenen as residents would say it; the policy words stay in the staff area.
    assert "Mensen ontmoeten en samen iets doen" in html
    assert "Hulp bij taal, geld, formulieren en meer" in html
    assert "Verbondenheid" not in html and "Soort aanbod" not in html and "Zelfredzaamheid" not in html
    assert "Activiteiten voor iedereen tellen mee." in html


def test_no_filter_repeats_the_question_it_answers(client, catalogue):
    html = page(client)
    questions = re.findall(
        r'<fieldset class="question">\s*<legend>(.*?)\?</legend>(.*?)</fieldset>\s*</details>\s*</fieldset>', html, re.S
    )
    summaries = {legend: re.findall(r"<summary>(.*?)</summary>", body) for legend, body in questions}
    assert summaries["Wanneer"] == ["Periode", "Dag", "Deel van de dag"]
    for legend, labels in summaries.items():
        assert legend not in labels


def test_the_heading_says_what_is_shown(client, catalogue):
    assert heading(page(client)) == "3 activiteiten gevonden"
    # Ouderen includes the activities for everyone.
    assert heading(page(client, doelgroep="ouderen", stadsdeel="noord")) == (
        "2 activiteiten gevonden voor ouderen in Noord"
    )
    assert heading(page(client, dag="wo", gratis="1", thema=["sport", "gezondheid-en-bewegen"])) == (
        "1 gratis activiteit gevonden over gezondheid en bewegen of sport op woensdag"
    )
    # A kind of activity is named, a topic is what it is about.
    assert re.fullmatch(
        r"\d+ activiteit(en)? gevonden bij ‘Elkaar helpen en steunen’ over taal",
        heading(page(client, bouwsteen="samenredzaamheid", thema="taal")),
    )
    # A place read from the search's words is named like a ticked one.
    assert heading(page(client, q="wandelen in noord")) == "1 activiteit gevonden in Noord"
    # Several days, times of day and places read as a list.
    assert heading(page(client, dag=["za", "zo"], wanneer=["vandaag", "weekend"])).startswith(
        "0 activiteiten gevonden vandaag of in het weekend op zaterdag of zondag"
    )
    # Online is no place to be "in"; the when filters read as a sentence.
    assert heading(page(client, stadsdeel=["noord", "online"], wanneer="week", dagdeel="avond")).startswith(
        "0 activiteiten gevonden in Noord of online deze week ’s\u00a0avonds"
    )


def test_each_chip_leads_to_the_list_without_it(client, catalogue):
    html = page(client, q="wandel", doelgroep="ouderen", stadsdeel="noord", gratis="1", page="1")
    assert chips(html) == {
        "Zoekwoord: wandel": "?stadsdeel=noord&doelgroep=ouderen&gratis=1",
        "Noord": "?q=wandel&doelgroep=ouderen&gratis=1",
        "Ouderen": "?q=wandel&stadsdeel=noord&gratis=1",
        "Gratis": "?q=wandel&stadsdeel=noord&doelgroep=ouderen",
    }
    assert 'id="filter-count">(3)</span>' in html
    # Of two values of one filter, a chip takes away only its own.
    two = chips(page(client, stadsdeel=["noord", "zuid"]))
    assert two == {"Noord": "?stadsdeel=zuid", "Zuid": "?stadsdeel=noord"}
    assert chips(page(client)) == {}


def test_a_chip_names_its_filter_without_the_explanation(client, catalogue):
    html = page(client, dagdeel=["ochtend", "avond"], thema="praktische-hulp")
    assert set(chips(html)) == {"Ochtend", "Avond", "Praktische hulp"}
    # The filter itself keeps it, to choose by.
    assert "Ochtend (begint voor 12 uur)" in html


def test_gebieden_without_activities_are_hidden(client, catalogue):
    html = page(client, stadsdeel="noord")
    assert re.search(r'<div class="check">\s*<input type="checkbox" id="f-gebied-oud-noord"', html)
    assert re.search(r'<div class="check" hidden>\s*<input type="checkbox" id="f-gebied-noord-west"', html)
    # Zuid's gebieden have nothing in Noord: the whole stadsdeel's heading goes too.
    assert '<div class="facet-subgroup" id="gebieden-zuid" hidden>' in html
    assert '<div class="facet-subgroup" id="gebieden-noord">' in html


def test_htmx_updates_the_heading_chips_and_gebieden_in_place(client, catalogue):
    html = client.get(URL, {"doelgroep": "ouderen"}, headers={"HX-Request": "true"}).content.decode()
    assert re.search(r'<h2 id="result-count" hx-swap-oob="innerHTML">\s*2 activiteiten gevonden voor ouderen', html)
    assert '<span id="filter-count" hx-swap-oob="innerHTML">(1)</span>' in html
    assert '<a class="chip" href="?">' in html
    assert '<div class="facet-subgroup" id="gebieden-zuid" hidden hx-swap-oob="true">' in html
    assert '<div class="facet-subgroup" id="gebieden-noord" hx-swap-oob="true">' in html
    assert "<html" not in html


def broader(html):
    """{link text: (address, count)} of the help block's broader searches."""
    found = re.findall(r'<li><a href="([^"]*)">([^<]*)</a> \((\d+) activiteit', html)
    return {unescape(label): (unescape(href), int(count)) for href, label, count in found}


def test_nobody_leaves_empty_handed(client, catalogue):
    html = page(client, gebied="noord-west", doelgroep="ouderen", dag="wo")
    assert heading(html) == "0 activiteiten gevonden voor ouderen in Noord-West op woensdag"
    assert "Het buurtteam in Noord-West helpt je verder." in html
    assert '<a href="https://www.buurtteamamsterdam.nl/">' in html
    assert '<a class="phone" href="tel:14020">14 020</a>' in html
    assert broader(html) == {
        # Wandelclub Noord (ouderen, woensdag) is in Oud-Noord.
        "In heel Noord": ("?stadsdeel=noord&doelgroep=ouderen&dag=wo", 1),
    }


def test_broader_searches_offer_only_what_finds_something(client, catalogue):
    html = page(client, stadsdeel="zuid", doelgroep="ouderen", dag="vr")
    assert "Het buurtteam in Zuid helpt je verder." in html
    # The open inloop on Friday welcomes everyone; without the day or without "ouderen" Zuid still has nothing.
    assert broader(html) == {"In heel Amsterdam": ("?doelgroep=ouderen&dag=vr", 1)}


def test_broader_searches_drop_one_filter_at_a_time(client, catalogue):
    html = page(client, stadsdeel="zuid", doelgroep="jongeren", dag="wo", gratis="1")
    assert broader(html) == {"Zonder ‘Gratis’": ("?stadsdeel=zuid&doelgroep=jongeren&dag=wo", 1)}
    html = page(client, q="zwemmen", stadsdeel="noord")
    assert "Het buurtteam in Noord helpt je verder." in html
    assert broader(html) == {"Zonder het zoekwoord ‘zwemmen’": ("?stadsdeel=noord", 2)}


def test_without_a_place_the_buurtteam_is_the_one_in_your_neighbourhood(client, catalogue):
    html = page(client, q="zwemmen")
    assert "Het buurtteam in je buurt helpt je verder." in html
    assert broader(html) == {"Zonder het zoekwoord ‘zwemmen’": ("?", 3)}


@pytest.fixture
def online_catalogue(catalogue):
    ActivityFactory(
        title="Taalcafé online",
        location=None,
        online=True,
        online_url="https://meet.jit.si/taalcafe",
        doelgroepen=["alle-amsterdammers"],
        themes=["taal"],
        schedule=[("di", "19:00", "20:30")],
    )


def any_count(text):
    """The heading's words without its count, which for "vandaag" or "deze week" depends on the day."""
    return re.sub(r"^\d+ (.*?)activiteit(en)? ", r"N \1activiteiten ", text)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, "N activiteiten gevonden"),
        ({"stadsdeel": "online"}, "N online activiteiten gevonden"),
        ({"stadsdeel": "online", "gratis": "1"}, "N gratis online activiteiten gevonden"),
        (
            {"stadsdeel": "online", "dag": "di", "dagdeel": "avond"},
            "N online activiteiten gevonden op dinsdag ’s\u00a0avonds",
        ),
        (
            {"stadsdeel": "online", "wanneer": "week", "dagdeel": "avond"},
            "N online activiteiten gevonden deze week ’s\u00a0avonds",
        ),
        ({"stadsdeel": ["noord", "online"]}, "N activiteiten gevonden in Noord of online"),
        (
            {"stadsdeel": ["noord", "zuid"], "gebied": "oud-noord"},
            "N activiteiten gevonden in Noord, Zuid of Oud-Noord",
        ),
        (
            {"doelgroep": "ouderen", "stadsdeel": "noord", "wanneer": "vandaag", "dagdeel": "middag"},
            "N activiteiten gevonden voor ouderen in Noord vandaag ’s\u00a0middags",
        ),
        ({"wanneer": "weekend", "dag": "za"}, "N activiteiten gevonden in het weekend op zaterdag"),
        (
            {"dag": ["ma", "wo"], "dagdeel": ["ochtend", "avond"]},
            "N activiteiten gevonden op maandag of woensdag ’s\u00a0ochtends of ’s\u00a0avonds",
        ),
        (
            {"thema": "taal", "doelgroep": ["jongeren", "ouderen"], "gratis": "1"},
            "N gratis activiteiten gevonden over taal voor jongeren of ouderen",
        ),
        (
            {"toegankelijk": "1", "vrijwilligers": "1"},
            "N activiteiten gevonden, toegankelijk met een rolstoel, vrijwilligers gezocht",
        ),
        # A filter turned on by the search's words is in the heading like a ticked one.
        ({"q": "gratis"}, "N gratis activiteiten gevonden"),
        ({"q": "gratis taal", "stadsdeel": "online"}, "N gratis online activiteiten gevonden"),
    ],
)
def test_the_heading_reads_as_a_sentence_for_every_combination(client, online_catalogue, params, expected):
    assert any_count(heading(page(client, **params))) == expected


def test_one_online_activity_is_counted_in_the_singular(client, online_catalogue):
    assert heading(page(client, stadsdeel="online")) == "1 online activiteit gevonden"
    printed = client.get(reverse("activities:print"), {"stadsdeel": "online", "gratis": "1"}).content.decode()
    assert '<p class="filters-in-words">1 gratis online activiteit.</p>' in printed


def test_online_has_no_buurtteam_and_widens_to_places(client, online_catalogue):
    html = page(client, stadsdeel="online", dag="wo")
    assert heading(html) == "0 online activiteiten gevonden op woensdag"
    assert "Het buurtteam in je buurt helpt je verder." in html
    assert "Het buurtteam in Online" not in html
    assert broader(html) == {
        "Ook op een plek in de stad": ("?dag=wo", 2),
        "Op alle dagen": ("?stadsdeel=online", 1),
    }
    # Online and a stadsdeel: the buurtteam is that stadsdeel's.
    assert "Het buurtteam in Zuid helpt je verder." in page(client, stadsdeel=["online", "zuid"], dag="za")


def test_gratis_typed_in_the_search_is_said_once_in_the_heading(client, online_catalogue):
    html = page(client, q="gratis")
    assert heading(html) == "3 gratis activiteiten gevonden"
    # No extra box above the first result to say it again.
    assert '<div class="notice">' not in html


def test_the_whole_list_is_offered_once(client, catalogue):
    html = page(client, q="zwemmen")
    assert broader(html) == {"Zonder het zoekwoord ‘zwemmen’": ("?", 3)}
    assert "Bekijk alle activiteiten" not in html
    html = page(client, q="zwemmen", stadsdeel="noord")
    assert '<a href="/activiteiten/">Bekijk alle activiteiten</a>' in html


def test_a_corrected_typo_is_explained_in_plain_words(client, catalogue):
    html = unescape(page(client, q="jongerenhuls"))
    assert heading(html) == "1 activiteit gevonden"
    assert "We vonden niets met ‘jongerenhuls’ en zochten op ‘jongerenhuis’." in html
