"""The permission matrix: every role against every organisation and staff URL."""

import pytest

from activities.models import Activity
from audit.models import AuditEvent

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "member_a",
    "colleague_a",
    "member_b",
    "reviewer_noord",
    "reviewer_zuid",
    "decider_noord",
    "admin",
]

# url name -> expected GET status per role, in the order of ROLES. 302 is the redirect to the login page.
MATRIX = {
    "/organisatie/": [302, 302, 302, 302, 403, 403, 403, 403],
    "/organisatie/{org_a}/": [302, 200, 200, 404, 403, 403, 403, 403],
    "/organisatie/{org_a}/activiteiten/nieuw/": [302, 200, 200, 404, 403, 403, 403, 403],
    "/organisatie/{org_a}/collegas/": [302, 200, 403, 404, 403, 403, 403, 403],
    "/organisatie/{org_a}/logboek/": [302, 200, 403, 404, 403, 403, 403, 403],
    "/organisatie/activiteiten/{activity_a}/": [302, 200, 200, 404, 403, 403, 403, 403],
    "/organisatie/activiteiten/{activity_a}/voorbeeld/": [302, 200, 200, 404, 403, 403, 403, 403],
    "/beoordeling/": [302, 403, 403, 403, 200, 200, 200, 200],
    "/admin/": [302, 302, 302, 302, 302, 302, 302, 200],
    "/admin/activities/activity/": [302, 302, 302, 302, 302, 302, 302, 200],
}


def _cases():
    for url, statuses in MATRIX.items():
        for role, status in zip(ROLES, statuses, strict=True):
            yield pytest.param(url, role, status, id=f"{role}-{url}")


@pytest.mark.parametrize(("url", "role", "expected"), list(_cases()))
def test_get(client, people, url, role, expected):
    if role != "anonymous":
        client.force_login(getattr(people, role))
    url = url.format(org_a=people.org_a.pk, activity_a=people.activity_a.pk)
    response = client.get(url)
    assert response.status_code == expected
    if expected == 302 and role == "anonymous":
        assert "login" in response["Location"]


@pytest.mark.parametrize("action", ["status", "kopieren"])
def test_another_organisations_activity_cannot_be_changed(client, people, action):
    client.force_login(people.member_b)
    before = Activity.objects.count()
    response = client.post(f"/organisatie/activiteiten/{people.activity_a.pk}/{action}/", {"status": "archived"})
    assert response.status_code == 404
    people.activity_a.refresh_from_db()
    assert people.activity_a.status == Activity.Status.PUBLISHED
    assert Activity.objects.count() == before


def test_another_organisations_activities_cannot_be_confirmed(client, people):
    client.force_login(people.member_b)
    Activity.objects.filter(pk=people.activity_a.pk).update(last_verified="2025-01-01")
    own, other = f"/organisatie/{people.org_b.pk}/klopt-nog/", f"/organisatie/{people.org_a.pk}/klopt-nog/"
    ticked = {"activiteit": [people.activity_b.pk, people.activity_a.pk]}
    assert client.post(own, ticked).status_code == 404
    assert client.post(other, {"activiteit": [people.activity_a.pk]}).status_code == 404
    people.activity_a.refresh_from_db()
    assert str(people.activity_a.last_verified) == "2025-01-01"
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.VERIFY).exists()


def test_refusals_are_logged(client, people):
    client.force_login(people.member_b)
    client.get(f"/organisatie/activiteiten/{people.activity_a.pk}/")
    client.get("/beoordeling/")
    events = AuditEvent.objects.filter(action=AuditEvent.Action.PERMISSION_DENIED, actor=people.member_b)
    assert events.count() == 2


def test_staff_see_only_their_stadsdelen(client, people):
    client.force_login(people.reviewer_zuid)
    html = client.get("/beoordeling/").content.decode()
    assert "Zuid" in html and "Noord" not in html
    client.force_login(people.reviewer_noord)
    html = client.get("/beoordeling/").content.decode()
    assert "Noord" in html and ">Zuid<" not in html


def test_visible_to_scopes_every_role(people):
    assert set(Activity.objects.visible_to(people.member_a)) == {people.activity_a}
    assert set(Activity.objects.visible_to(people.member_b)) == {people.activity_b}
    assert set(Activity.objects.visible_to(people.reviewer_noord)) == {people.activity_a}
    assert set(Activity.objects.visible_to(people.reviewer_zuid)) == {people.activity_b}
    assert set(Activity.objects.editable_by(people.reviewer_noord)) == set()
    assert Activity.objects.visible_to(people.admin).count() == 2
