"""Two app servers share nothing but PostgreSQL (and the upload storage): a session and a photo cross over."""

import io
import re

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from PIL import Image

from accounts.models import User
from organisations.models import Membership
from tests.factories import ActivityFactory
from tests.organisations.test_activity_forms import form_data
from tests.scale.servers import AppServer, database_url

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def csrf(session, url):
    html = session.get(url, timeout=10).text
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]


def test_login_on_one_server_and_upload_photo_served_by_the_other(tmp_path):
    # The servers use the production hashers, not the fast one the test process uses.
    user = User.objects.create(
        email="org@noord.example",
        password=PBKDF2PasswordHasher().encode("een-lang-wachtwoord-2026", "zoutzoutzout"),
    )
    activity = ActivityFactory(title="Wandelclub", schedule=[("di", "10:00", "11:00")])
    Membership.objects.create(user=user, organisation=activity.organisation)
    url = database_url(connection.settings_dict)

    with AppServer(url, tmp_path) as one, AppServer(url, tmp_path) as two:
        browser = requests.Session()
        token = csrf(browser, one.url + "/accounts/login/")
        response = browser.post(
            one.url + "/accounts/login/",
            data={
                "username": "org@noord.example",
                "password": "een-lang-wachtwoord-2026",
                "csrfmiddlewaretoken": token,
            },
            headers={"Referer": one.url + "/accounts/login/"},
            allow_redirects=False,
            timeout=10,
        )
        assert response.status_code == 302

        # The session made on server one is known to server two.
        page = browser.get(f"{two.url}/organisatie/activiteiten/{activity.pk}/", timeout=10)
        assert page.status_code == 200
        assert "Wandelclub aanpassen" in page.text

        photo = io.BytesIO()
        Image.new("RGB", (800, 600), "blue").save(photo, format="JPEG")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]
        version = re.search(r'name="version" value="(\d+)"', page.text)[1]
        data = form_data(title="Wandelclub", version=version, photo_alt="Buren wandelen", csrfmiddlewaretoken=token)
        response = browser.post(
            f"{two.url}/organisatie/activiteiten/{activity.pk}/",
            data=data,
            files={"photo": ("foto.jpg", photo.getvalue(), "image/jpeg")},
            headers={"Referer": two.url + "/"},
            allow_redirects=False,
            timeout=10,
        )
        assert response.status_code == 302, response.text[:500]

        activity.refresh_from_db()
        image = requests.get(one.url + activity.photo.url, timeout=10)
        assert image.status_code == 200
        assert image.headers["Content-Type"] == "image/jpeg"
        assert Image.open(io.BytesIO(image.content)).size == (800, 600)
