"""The detail page a resident opens and the list a referrer prints (Welzijn op Recept)."""

import datetime
import re

import pytest
from django.urls import reverse

from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def test_the_practical_box_comes_first_with_a_maps_app_link_and_call_and_mail(client):
    activity = ActivityFactory(
        slug="taalcafe",
        summary="Oefen Nederlands bij koffie.",
        description="Elke week in kleine groepjes.",
        location__name="De Meeuw",
        location__street="Meeuwenlaan 1",
        contact_phone="020 123 4567",
        contact_email="taal@example.org",
        schedule=[("di", "10:00", "12:00")],
    )
    html = client.get(activity.get_absolute_url()).content.decode()
    practical = html.index('class="detail-facts"')
    assert practical < html.index("Wat is het?")
    # The summary is said once, under the title.
    assert html[html.index("<main") :].count("Oefen Nederlands bij koffie.") == 1
    assert html.index("Wanneer?") < html.index("Waar?") < html.index("Wat kost het?") < html.index("Aanmelden")
    assert html.index("Aanmelden") < html.index("Contact") < html.index("Wat is het?")
    assert (
        '<a href="geo:52.389000,4.912000?q=52.389000,4.912000(De%20Meeuw%2C%20Meeuwenlaan%201%2C%20Amsterdam)">' in html
    )
    assert "https://www.openstreetmap.org/directions?" in html
    assert '<a class="action-link" href="tel:0201234567">Bel <span>020 123 4567</span></a>' in html
    assert '<a class="action-link" href="mailto:taal@example.org">Mail <span>taal@example.org</span></a>' in html


def test_a_description_that_starts_with_the_summary_does_not_say_it_twice(client):
    activity = ActivityFactory(
        summary="Praat Nederlands in een kleine groep.",
        description="Praat Nederlands in een kleine groep. Fouten maken mag.\n\nJe hoeft je niet aan te melden.",
    )
    html = client.get(activity.get_absolute_url()).content.decode()
    main = html[html.index("<main") :]
    assert main.count("Praat Nederlands in een kleine groep.") == 1
    assert "<p>Fouten maken mag.</p>" in main
    assert "<p>Je hoeft je niet aan te melden.</p>" in main
    # A description that is only the summary again leaves out "Wat is het?".
    same = ActivityFactory(summary="Samen koken.", description="Samen koken.")
    assert "Wat is het?" not in client.get(same.get_absolute_url()).content.decode()


def test_without_coordinates_there_is_no_maps_app_link(client):
    activity = ActivityFactory(location__lat=None, location__lon=None)
    html = client.get(activity.get_absolute_url()).content.decode()
    assert "geo:" not in html
    assert "Plan je route" in html


def test_the_printed_list_says_what_was_chosen_and_when(client, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda: datetime.date(2026, 11, 27))
    ActivityFactory(title="Wandelclub", doelgroepen=["ouderen"], location__gebied_slug="oud-noord")
    ActivityFactory(title="Open inloop", doelgroepen=["alle-amsterdammers"], location__gebied_slug="noord-oost")
    ActivityFactory(title="Jongerenhuis", doelgroepen=["jongeren"], location__gebied_slug="oud-noord")
    html = client.get(reverse("activities:print"), {"doelgroep": "ouderen", "stadsdeel": "noord"}).content.decode()
    assert '<p class="filters-in-words">2 activiteiten voor ouderen in Noord.</p>' in html
    assert "Gemaakt op 27 november 2026" in html
    assert "/activiteiten/?stadsdeel=noord&amp;doelgroep=ouderen" in html
    assert re.findall(r"<h2>(.*?)</h2>", html) == ["Open inloop", "Wandelclub"]
