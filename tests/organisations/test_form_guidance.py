"""Forms that guide (NL Design System form pattern): required in words, no colons, help under the label,
errors at the field and summarised at the top with links."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client, people):
    client.force_login(people.member_a)
    return people


def test_required_fields_say_so_in_their_label_and_no_label_ends_in_a_colon(client, member):
    html = client.get(f"/organisatie/{member.org_a.pk}/activiteiten/nieuw/").content.decode()
    assert '<label for="id_title">Naam van de activiteit (verplicht)</label>' in html
    assert "Soort aanbod (verplicht)</legend>" in html
    assert '<label for="id_description">Beschrijving</label>' in html
    assert '<label for="id_free">Gratis</label>' in html
    assert not re.search(r":</(label|legend)>", html)


def test_help_text_comes_between_the_label_and_the_field(client, member):
    html = client.get(f"/organisatie/{member.org_a.pk}/activiteiten/nieuw/").content.decode()
    label, help_text, field = (html.index(part) for part in ['for="id_title"', "Kort en duidelijk", 'id="id_title"'])
    assert label < help_text < field


def test_errors_are_summarised_at_the_top_with_links_to_their_fields(client, member):
    response = client.post(f"/organisatie/{member.org_a.pk}/activiteiten/nieuw/", {"title": ""})
    html = response.content.decode()
    summary = html[html.index('class="error-summary"') : html.index('class="activity-form"')]
    assert '<a href="#id_title">Vul ‘Naam van de activiteit’ in.</a>' in summary
    assert 'id="id_title_error"' in html[html.index('class="activity-form"') :]


def test_a_summary_link_to_a_group_of_choices_reaches_its_first_choice(client, member):
    """A group's own id is on a <div>: a link there scrolls, but leaves the keyboard where it was."""
    response = client.post(f"/organisatie/{member.org_a.pk}/activiteiten/nieuw/", {"title": ""})
    html = response.content.decode()
    summary = html[html.index('class="error-summary"') : html.index('class="activity-form"')]
    assert '<a href="#id_place_0">Kies waar het is: een plek, ‘Nieuwe plek’ of ‘Online’.</a>' in summary
    assert '<a href="#id_bouwsteen_0">Kies het soort aanbod.</a>' in summary
    assert '<a href="#id_themes_0">Kies minstens één onderwerp.</a>' in summary
    for anchor in re.findall(r'<a href="#([^"]+)"', summary):
        assert re.search(rf'<input [^>]*id="{anchor}"', html), anchor


def test_a_schedule_error_in_the_summary_names_its_block(client, member):
    data = {
        "title": "Koor",
        "schedule-TOTAL_FORMS": "2",
        "schedule-INITIAL_FORMS": "0",
        "schedule-1-repeat": "data",
        "schedule-1-dates": "32-12-2026",
    }
    html = client.post(f"/organisatie/{member.org_a.pk}/activiteiten/nieuw/", data).content.decode()
    summary = html[html.index('class="error-summary"') : html.index('class="activity-form"')]
    assert (
        '<a href="#id_schedule-1-dates">Tijd 2 (welke data?): “32-12-2026” is geen datum. '
        "Schrijf dag-maand-jaar, bijvoorbeeld 3-12-2026.</a>"
    ) in summary


def test_the_invitation_form_guides_the_same_way(client, member):
    url = f"/organisatie/{member.org_a.pk}/collegas/"
    html = client.get(url).content.decode()
    assert "E-mailadres van je collega (verplicht)</label>" in html
    assert '<label for="id_is_admin">Mag ook collega’s uitnodigen en het logboek zien</label>' in html
    response = client.post(url, {"email": "geen-adres"})
    assert response.status_code == 422
    assert '<a href="#id_email">Dit is geen geldig e-mailadres.</a>' in response.content.decode()
