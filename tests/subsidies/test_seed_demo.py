"""seed_demo's subsidies: every state, in every stadsdeel, ready for the demo accounts."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from subsidies.models import Aanvraag, Besluit, ReportObligation, Ronde
from subsidies.workflow import Status

pytestmark = pytest.mark.django_db


def test_demo_subsidies(settings, client):
    """One test, as seeding takes a while: every state, and what each demo account needs."""
    settings.DEBUG = True
    call_command("seed_demo", "--activities", "120", stdout=io.StringIO())
    today = timezone.localdate()

    assert set(Aanvraag.objects.values_list("status", flat=True)) == set(Status.values)
    assert Ronde.objects.open_on(today).count() == 8
    assert Ronde.objects.filter(closes_on__lt=today).count() == 8

    org_noord = User.objects.get(email="org.noord@demo.nl")
    own = Aanvraag.objects.visible_to(org_noord)
    assert set(own.values_list("ronde__stadsdeel__slug", flat=True)) == {"noord"}
    assert Besluit.objects.granted().filter(aanvraag__in=own).exists()
    assert own.filter(status=Status.AANVULLING_GEVRAAGD).exists()
    assert own.filter(ronde__closes_on__lt=today, status=Status.VERLEEND).exists()  # last year's, to copy

    states = set(ReportObligation.objects.values_list("state", flat=True))
    assert states == set(ReportObligation.State.values)
    open_ones = ReportObligation.objects.filter(state="open")
    assert open_ones.filter(due_on__lt=today).exists()  # overdue
    assert open_ones.filter(due_on__gte=today, due_on__lte=today + datetime.timedelta(days=14)).exists()  # due soon

    decider = User.objects.get(email="beslisser.noord@demo.nl")
    waiting = Aanvraag.objects.decidable_by(decider).filter(status=Status.ADVIES)
    assert waiting.exists() and not waiting.filter(advised_by=decider).exists()

    client.force_login(org_noord)
    results = client.get(f"/organisatie/{min(org_noord.organisation_ids)}/resultaten/").context["results"]
    assert results.notes and results.messages  # the stadsdeel's duiding and a message, on first start
    client.logout()

    for slug in ["noord", "weesp"]:
        assert client.get(f"/subsidies/?stadsdeel={slug}").context["page"].paginator.count >= 1
