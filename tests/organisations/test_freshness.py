"""The freshness routine: 'Klopt nog' for several activities at once, and the monthly mail."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command

from activities.models import Activity, FreshnessReminder
from audit.models import AuditEvent
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db
LONG_AGO = datetime.date(2026, 1, 5)


@pytest.fixture
def stale(people):
    """Three activities of organisation A not checked since January 2026, one of them archived."""
    Activity.objects.filter(pk=people.activity_a.pk).update(last_verified=LONG_AGO)
    second = ActivityFactory(organisation=people.org_a, title="Wandelclub Noord", last_verified=LONG_AGO)
    ActivityFactory(
        organisation=people.org_a, title="Oud koor", last_verified=LONG_AGO, status=Activity.Status.ARCHIVED
    )
    return [people.activity_a, second]


def test_ticked_activities_are_confirmed_at_once_each_with_its_own_audit_row(client, people, stale):
    client.force_login(people.member_a)
    home = client.get(f"/organisatie/{people.org_a.pk}/").content.decode()
    assert f'name="activiteit" value="{stale[0].pk}"' in home and f'name="activiteit" value="{stale[1].pk}"' in home
    response = client.post(
        f"/organisatie/{people.org_a.pk}/klopt-nog/", {"activiteit": [stale[0].pk, stale[1].pk]}, follow=True
    )
    assert "We hebben genoteerd dat 2 activiteiten nog kloppen." in response.content.decode()
    assert "al een half jaar niet gecontroleerd" not in response.content.decode()
    events = AuditEvent.objects.filter(action=AuditEvent.Action.VERIFY, actor=people.member_a)
    assert sorted(event.object_id for event in events) == sorted(str(activity.pk) for activity in stale)


def test_nothing_ticked_says_what_to_do(client, people, stale):
    client.force_login(people.member_a)
    response = client.post(f"/organisatie/{people.org_a.pk}/klopt-nog/", follow=True)
    assert "Vink eerst de activiteiten aan die nog kloppen." in response.content.decode()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.VERIFY).exists()


def run(datum):
    out = io.StringIO()
    call_command("send_freshness_reminders", datum=datum, stdout=out)
    return out.getvalue()


def test_the_monthly_mail_lists_unchecked_activities_once_a_month(people, stale, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        output = run("2026-08-01")
    assert "Buurthuis Noord: 2 activiteiten, aan admin@noord.example" in output
    assert "1 berichten verstuurd." in output
    [message] = mail.outbox
    assert message.to == ["admin@noord.example"]
    assert message.subject == "Kloppen jullie activiteiten nog?"
    assert "- Taalcafé Noord (laatst op 5 januari 2026)" in message.body
    assert "Wandelclub Noord" in message.body and "Oud koor" not in message.body
    # A second run in the same month sends nothing; the next month sends again.
    with django_capture_on_commit_callbacks(execute=True):
        assert "0 berichten verstuurd." in run("2026-08-20")
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        run("2026-09-01")
    assert len(mail.outbox) == 2
    assert FreshnessReminder.objects.filter(organisation=people.org_a).count() == 2


def test_activities_checked_within_half_a_year_get_no_mail(people, stale, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert "0 berichten verstuurd." in run("2026-06-01")  # January is not yet half a year ago
    assert mail.outbox == []


def test_a_date_that_is_no_date_is_refused():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="jjjj-mm-dd"):
        run("1 augustus")
