"""The log names what changed in the words of the form, not in the code's field names."""

import pytest

from activities.services import activity_duplicate, activity_verify
from audit.models import AuditEvent, record
from subsidies.models import Regeling
from subsidies.services import aanvraag_create
from tests.subsidies.conftest import make_ronde

pytestmark = pytest.mark.django_db


def test_the_log_says_what_changed_in_dutch(client, people):
    activity = people.activity_a
    changes = {"contact_email": {"before": "", "after": "a@b.nl"}, "schedule": {"before": [], "after": ["di"]}}
    record(
        action=AuditEvent.Action.CHANGE, actor=people.member_a, obj=activity, organisation=people.org_a, changes=changes
    )
    activity_duplicate(activity=activity, user=people.member_a)
    activity_verify(activity=activity, user=people.member_a)
    client.force_login(people.member_a)

    html = client.get(f"/organisatie/{people.org_a.pk}/logboek/").content.decode()

    # PostgreSQL keeps a JSON object's keys in an order of its own.
    assert "wanneer, e-mailadres</td>" in html or "e-mailadres, wanneer</td>" in html
    assert "gekopieerd van</td>" in html
    assert "laatst gecontroleerd</td>" in html
    assert "contact_email" not in html and "copied_from" not in html and "last_verified" not in html


def test_a_change_named_after_a_reverse_relation_reads_as_its_key(client, people):
    regeling = Regeling.objects.get(slug="sociale-basis")
    aanvraag = aanvraag_create(
        organisation=people.org_a,
        ronde=make_ronde(regeling, "noord"),
        track=regeling.tracks.first(),
        user=people.member_a,
    )
    changes = {
        "activiteiten": ["Taalcafé Noord"]
    }  # as subsidies.services writes it: Aanvraag.activiteiten is a relation
    record(
        action=AuditEvent.Action.CHANGE, actor=people.member_a, obj=aanvraag, organisation=people.org_a, changes=changes
    )
    client.force_login(people.member_a)

    response = client.get(f"/organisatie/{people.org_a.pk}/logboek/")

    assert response.status_code == 200
    assert "activiteiten</td>" in response.content.decode()
