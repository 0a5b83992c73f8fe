"""A mistyped address shows the portal's own 404 page (scripts/run-portal serves with DEBUG off for this)."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_mistyped_address_answers_the_portals_404_page(client, settings):
    settings.DEBUG = False
    response = client.get("/doesnotexist")
    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]
    assert "Deze pagina bestaat niet (meer)" in response.content.decode()


def test_the_quick_start_serves_with_debug_off_and_says_where(settings):
    from pathlib import Path

    script = (Path(settings.BASE_DIR) / "scripts" / "run-portal").read_text()
    assert "DEBUG=1 .venv/bin/python manage.py seed_demo" in script
    assert 'export DEBUG="${DEBUG:-0}"' in script
    assert 'echo "Open http://127.0.0.1:${port}/' in script and 'runserver "127.0.0.1:${port}"' in script
