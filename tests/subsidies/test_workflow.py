"""Every move of an aanvraag, allowed and forbidden, for each person: table-driven over the workflow."""

import datetime
import itertools

import pytest
from django.utils import timezone

from subsidies import demo, reporting, services, workflow
from subsidies.models import StatusChange
from subsidies.workflow import Actor, Status

pytestmark = pytest.mark.django_db

PEOPLE = {Actor.APPLICANT: "member_a", Actor.REVIEWER: "reviewer_noord", Actor.DECIDER: "decider_noord"}
STARTS = [status for status in Status if status != Status.CONCEPT] + [Status.CONCEPT]
TARGETS = [status for status in Status if status != Status.CONCEPT]


def attempt(flow, aanvraag, to, user):
    """Ask the service that makes this move, as `user`."""
    if to == Status.INGEDIEND:
        return services.aanvraag_submit(aanvraag=aanvraag, user=user)
    if to == Status.IN_BEHANDELING and aanvraag.status == Status.ADVIES:
        return services.aanvraag_send_back(aanvraag=aanvraag, user=user, reason="Motivering is te kort.")
    if to == Status.IN_BEHANDELING:
        return services.aanvraag_accept(aanvraag=aanvraag, user=user)
    if to == Status.AANVULLING_GEVRAAGD:
        due = timezone.localdate() + datetime.timedelta(days=14)
        return services.aanvraag_request_aanvulling(aanvraag=aanvraag, user=user, question="Offerte?", due_on=due)
    if to == Status.ADVIES:
        if aanvraag.status == Status.IN_BEHANDELING:
            flow.score_all(aanvraag)
        return services.aanvraag_advise(
            aanvraag=aanvraag, user=user, advice="verlenen", amount_cents=None, motivation="Goed plan."
        )
    if to == Status.VASTGESTELD:
        demo.report_everything(aanvraag, cast=flow.cast)
        amount = aanvraag.besluit.amount_cents if hasattr(aanvraag, "besluit") else 0
        return reporting.aanvraag_vaststellen(aanvraag=aanvraag, user=user, amount_cents=amount, motivation="Klopt.")
    if to == Status.INGETROKKEN:
        return services.aanvraag_withdraw(aanvraag=aanvraag, user=user, reason="Gaat niet door.")
    amount = aanvraag.requested_cents // 2 if to == Status.DEELS_VERLEEND else None
    return services.aanvraag_decide(aanvraag=aanvraag, user=user, outcome=to, amount_cents=amount, motivation="Zo.")


@pytest.mark.parametrize(
    ("start", "to", "actor"),
    [(start, to, actor) for start, to, actor in itertools.product(STARTS, TARGETS, PEOPLE) if start != to],
    ids=lambda value: str(value),
)
def test_move(flow, people, start, to, actor):
    aanvraag = flow.to(start)
    user = getattr(people, PEOPLE[actor])
    allowed = workflow.allowed(start, to) == actor
    before = StatusChange.objects.filter(aanvraag=aanvraag).count()

    if allowed:
        attempt(flow, aanvraag, to, user)
        aanvraag.refresh_from_db()
        assert aanvraag.status == to
        change = StatusChange.objects.filter(aanvraag=aanvraag).last()
        assert (change.from_status, change.to_status, change.actor) == (start, to, user)
    else:
        with pytest.raises((services.NotAllowed, services.FourEyes)):
            attempt(flow, aanvraag, to, user)
        aanvraag.refresh_from_db()
        assert aanvraag.status == start
        assert StatusChange.objects.filter(aanvraag=aanvraag).count() == before


@pytest.mark.parametrize("outsider", ["member_b", "reviewer_zuid", "colleague_a"])
@pytest.mark.parametrize("start", [Status.CONCEPT, Status.INGEDIEND, Status.IN_BEHANDELING, Status.ADVIES])
def test_people_of_another_organisation_or_stadsdeel_move_nothing(flow, people, start, outsider):
    aanvraag = flow.to(start)
    user = getattr(people, outsider)
    for to in TARGETS:
        if workflow.allowed(start, to) is None:
            continue
        if outsider == "colleague_a" and workflow.allowed(start, to) == Actor.APPLICANT:
            continue  # a colleague of the same organisation may act for it
        with pytest.raises(services.NotAllowed):
            attempt(flow, aanvraag, to, user)
    aanvraag.refresh_from_db()
    assert aanvraag.status == start


def test_history_is_complete_and_in_order(flow, people):
    aanvraag = flow.to(Status.VERLEEND)
    moves = list(StatusChange.objects.filter(aanvraag=aanvraag).values_list("from_status", "to_status"))
    assert moves == [
        ("concept", "ingediend"),
        ("ingediend", "in_behandeling"),
        ("in_behandeling", "advies"),
        ("advies", "verleend"),
    ]
    assert aanvraag.obligations.count() == 1
