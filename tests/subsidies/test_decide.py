"""The besluit: four eyes in the service and in the database, the plafond, money and the Awb dates."""

import threading

import pytest
from django.core import mail
from django.db import IntegrityError, connection, transaction

from accounts.models import StaffRole
from subsidies import services
from subsidies.models import Besluit, Ronde
from subsidies.terms import bezwaar_deadline
from subsidies.workflow import Status

pytestmark = pytest.mark.django_db


def test_the_advisor_may_not_decide_even_with_the_beslisser_role(flow, people):
    StaffRole.objects.create(user=people.reviewer_noord, role=StaffRole.Role.DECIDER, stadsdeel=people.noord)
    aanvraag = flow.to(Status.ADVIES)

    with pytest.raises(services.FourEyes):
        services.aanvraag_decide(
            aanvraag=aanvraag, user=people.reviewer_noord, outcome="verleend", amount_cents=None, motivation="Ja."
        )
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.ADVIES
    assert not Besluit.objects.exists()


def test_a_beslisser_who_scored_a_condition_may_not_decide(flow, people):
    StaffRole.objects.create(user=people.decider_noord, role=StaffRole.Role.REVIEWER, stadsdeel=people.noord)
    aanvraag = flow.to(Status.IN_BEHANDELING)
    condition = services.conditions_for(aanvraag).first()
    flow.score_all(aanvraag)
    services.aanvraag_score(aanvraag=aanvraag, user=people.decider_noord, condition=condition, verdict="voldoet")
    services.aanvraag_advise(
        aanvraag=aanvraag, user=people.reviewer_noord, advice="verlenen", amount_cents=None, motivation="Goed."
    )

    with pytest.raises(services.FourEyes):
        services.aanvraag_decide(
            aanvraag=aanvraag, user=people.decider_noord, outcome="verleend", amount_cents=None, motivation="Ja."
        )


def test_the_database_refuses_a_besluit_by_its_advisor(flow, people):
    aanvraag = flow.to(Status.ADVIES)
    with pytest.raises(IntegrityError), transaction.atomic():
        Besluit.objects.create(
            aanvraag=aanvraag,
            outcome="verleend",
            amount_cents=aanvraag.requested_cents,
            motivation="x",
            besluitdatum="2027-01-01",
            verzenddatum="2027-01-01",
            bezwaar_deadline="2027-02-12",
            decided_by=people.reviewer_noord,
            advised_by=people.reviewer_noord,
        )


def test_granted_besluit_has_amount_dates_obligations_and_a_mail(flow, people, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        aanvraag = flow.to(Status.VERLEEND, track="structureel", requested=12_345_67)
    besluit = aanvraag.besluit
    assert besluit.amount_cents == 12_345_67
    assert besluit.decided_by == people.decider_noord and besluit.advised_by == people.reviewer_noord
    assert besluit.bezwaar_deadline == bezwaar_deadline(besluit.verzenddatum)
    assert (besluit.ingangsdatum, besluit.vervaldatum) == (aanvraag.ronde.period_start, aanvraag.ronde.period_end)
    assert "halfjaar" in besluit.obligations.lower() or "half jaar" in besluit.obligations.lower()
    (message,) = [message for message in mail.outbox if "Besluit over uw aanvraag" in message.subject]
    assert message.to == [people.member_a.email]
    assert aanvraag.dossiernummer in message.subject


def test_partial_grant_must_be_less_than_requested(flow, people):
    aanvraag = flow.to(Status.ADVIES, requested=1_000_00)
    for amount in [0, 1_000_00, 2_000_00, None]:
        with pytest.raises(services.NotAllowed):
            services.aanvraag_decide(
                aanvraag=aanvraag,
                user=people.decider_noord,
                outcome="deels_verleend",
                amount_cents=amount,
                motivation="x",
            )
    besluit = services.aanvraag_decide(
        aanvraag=aanvraag, user=people.decider_noord, outcome="deels_verleend", amount_cents=750_00, motivation="x"
    )
    assert besluit.amount_cents == 750_00
    assert aanvraag.ronde.remaining_cents() == aanvraag.ronde.plafond_cents - 750_00


def test_rejection_grants_nothing(flow, people):
    aanvraag = flow.to(Status.AFGEWEZEN)
    assert aanvraag.besluit.amount_cents == 0
    assert aanvraag.ronde.remaining_cents() == aanvraag.ronde.plafond_cents


def test_the_plafond_is_never_exceeded(flow, people):
    ronde = flow.rondes["noord"]
    Ronde.objects.filter(pk=ronde.pk).update(plafond_cents=5_000_00)
    first = flow.to(Status.ADVIES, requested=4_000_00)
    second = flow.to(Status.ADVIES, requested=4_000_00)
    services.aanvraag_decide(
        aanvraag=first, user=people.decider_noord, outcome="verleend", amount_cents=None, motivation="x"
    )

    with pytest.raises(services.PlafondExceeded) as refused:
        services.aanvraag_decide(
            aanvraag=second, user=people.decider_noord, outcome="verleend", amount_cents=None, motivation="x"
        )
    assert refused.value.remaining_cents == 1_000_00
    second.refresh_from_db()
    assert second.status == Status.ADVIES


def test_failed_mail_never_undoes_a_besluit(flow, people, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.subsidies.test_decide.BrokenBackend"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        aanvraag = flow.to(Status.VERLEEND)
    assert callbacks  # the mails were tried, and failed
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.VERLEEND
    assert Besluit.objects.filter(aanvraag=aanvraag).exists()


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_beslissers_at_the_same_instant_stay_under_the_plafond(people, rondes, regeling, settings, tmp_path):
    """Two database connections decide at once; the ronde's row lock lets only one through."""
    from tests.subsidies.conftest import Flow

    assert connection.vendor == "postgresql"
    settings.MEDIA_ROOT = tmp_path
    flow = Flow(people, rondes, regeling)
    Ronde.objects.filter(pk=rondes["noord"].pk).update(plafond_cents=5_000_00)
    other_decider = type(people.decider_noord).objects.create_user("beslisser2@noord.example", "x" * 16)
    StaffRole.objects.create(user=other_decider, role=StaffRole.Role.DECIDER, stadsdeel=people.noord)
    aanvragen = [flow.to(Status.ADVIES, requested=4_000_00) for _ in range(2)]
    start = threading.Barrier(2)
    results = {}

    def decide(aanvraag, user):
        start.wait()
        try:
            services.aanvraag_decide(
                aanvraag=aanvraag, user=user, outcome="verleend", amount_cents=None, motivation="x"
            )
            results[aanvraag.pk] = "granted"
        except services.PlafondExceeded:
            results[aanvraag.pk] = "refused"
        finally:
            connection.close()

    threads = [
        threading.Thread(target=decide, args=(aanvraag, user))
        for aanvraag, user in zip(aanvragen, [people.decider_noord, other_decider], strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert sorted(results.values()) == ["granted", "refused"]
    assert rondes["noord"].granted_cents() == 4_000_00
