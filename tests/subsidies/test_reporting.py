"""Verantwoording: obligations per track, moving dates, the 10% rule, versions, review, vaststelling
with four eyes, reminders once each with the clock moved."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, transaction

from subsidies import demo, reporting, services
from subsidies.models import ReminderSent, ReportObligation, Ronde, Vaststelling
from subsidies.obligations import obligations_create, obligations_reschedule, planned_obligations
from subsidies.workflow import Status

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

pytestmark = pytest.mark.django_db
D = datetime.date


def test_structureel_one_report_per_half_year_the_last_final(flow):
    aanvraag = flow.to(Status.VERLEEND, track="structureel")
    year = aanvraag.ronde.year
    rows = list(aanvraag.obligations.values_list("kind", "period_start", "period_end", "due_on", "is_final"))
    assert rows == [
        ("half_year", D(year, 1, 1), D(year, 6, 30), D(year, 7, 15), False),
        ("half_year", D(year, 7, 1), D(year, 12, 31), D(year + 1, 1, 31), True),
    ]


def test_multi_year_ronde_makes_eight_half_years(flow, regeling):
    track = regeling.tracks.get(slug="structureel")
    ronde = Ronde(regeling=regeling, h1_report_due="15-07", h2_report_due="31-01")
    periods = planned_obligations(track=track, ronde=ronde, start=D(2025, 1, 1), end=D(2028, 12, 31))
    assert len(periods) == 8
    assert [p[4] for p in periods] == [False] * 7 + [True]
    assert periods[-1][3] == D(2029, 1, 31)


def test_incidenteel_one_final_report_and_klein_initiatief_a_statement(flow):
    incidenteel = flow.to(Status.VERLEEND, track="incidenteel")
    (final,) = incidenteel.obligations.all()
    assert (final.kind, final.is_final, final.due_on) == (
        "final",
        True,
        incidenteel.ronde.period_end + datetime.timedelta(weeks=13),
    )
    klein = flow.to(Status.VERLEEND, track="klein-initiatief", requested=2_000_00)
    assert list(klein.obligations.values_list("kind", flat=True)) == ["statement"]


def test_rejection_and_creating_twice_make_no_obligations(flow):
    assert not flow.to(Status.AFGEWEZEN).obligations.exists()
    aanvraag = flow.to(Status.VERLEEND, track="structureel")
    assert obligations_create(aanvraag=aanvraag, besluit=aanvraag.besluit) == []
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportObligation.objects.create(
            aanvraag=aanvraag,
            kind="half_year",
            period_start=aanvraag.ronde.period_start,
            period_end=aanvraag.ronde.period_end,
            due_on=aanvraag.ronde.period_end,
        )


def test_changing_the_ronde_dates_moves_open_obligations_only(flow):
    aanvraag = flow.to(Status.VERLEEND, track="structureel")
    first, second = aanvraag.obligations.order_by("period_start")
    demo_cast = flow.cast
    report = reporting.report_start(obligation=first, user=demo_cast.applicant)
    reporting.report_save(
        report=report, user=demo_cast.applicant, texts={}, spending={}, indicators={}, figures=_as_planned(report)
    )
    reporting.report_submit(report=report, user=demo_cast.applicant)
    ronde = aanvraag.ronde
    ronde.h1_report_due, ronde.h2_report_due = "01-08", "15-02"
    ronde.save()

    assert obligations_reschedule(ronde=ronde) == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.due_on == D(ronde.year, 7, 15)  # submitted: kept
    assert second.due_on == D(ronde.year + 1, 2, 15)


def _as_planned(report, **override):
    return {
        figure.planned_id: {
            "participants": figure.planned.participants // 2,
            "meetings": figure.planned.meetings // 2,
            "volunteers": figure.planned.volunteers,
            **override,
        }
        for figure in report.figures.select_related("planned")
    }


def test_a_deviation_over_ten_percent_needs_a_sentence_naming_the_figure(flow):
    aanvraag = flow.to(Status.VERLEEND, track="structureel")
    obligation = aanvraag.obligations.order_by("period_start").first()
    user = flow.cast.applicant
    report = reporting.report_start(obligation=obligation, user=user)
    reporting.report_save(
        report=report, user=user, texts={}, spending={}, indicators={}, figures=_as_planned(report, participants=5)
    )

    with pytest.raises(services.Incomplete) as refused:
        reporting.report_submit(report=report, user=user)
    ((_anchor, message),) = refused.value.missing
    assert "deelnemers" in message and "Buurtkamer" in message and "gepland 20" in message and "gedaan 5" in message
    obligation.refresh_from_db()
    assert obligation.state == "open"

    planned_id = next(iter(_as_planned(report)))
    reporting.report_save(
        report=report,
        user=user,
        texts={},
        spending={},
        indicators={},
        figures={
            planned_id: {
                **_as_planned(report, participants=5)[planned_id],
                "explanations": {"participants": "De ruimte was drie maanden dicht."},
            }
        },
    )
    version = reporting.report_submit(report=report, user=user)
    assert version.number == 1
    assert version.content["figures"][0]["explanations"] == {"participants": "De ruimte was drie maanden dicht."}
    assert "fields" in version.content["form"]


def test_changes_asked_then_resubmitted_keeps_both_versions(flow, django_capture_on_commit_callbacks):
    aanvraag = flow.to(Status.VERLEEND, track="incidenteel")
    (obligation,) = aanvraag.obligations.all()
    cast = flow.cast
    report = reporting.report_start(obligation=obligation, user=cast.applicant)
    reporting.report_save(
        report=report,
        user=cast.applicant,
        texts={"went_well": "Goed."},
        spending={},
        indicators={},
        figures=_as_planned(report, participants=40, meetings=48),
    )
    reporting.report_submit(report=report, user=cast.applicant)
    with pytest.raises(services.NotAllowed):
        reporting.report_review(obligation=obligation, user=cast.reviewer, accept=False, comment="")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reporting.report_review(obligation=obligation, user=cast.reviewer, accept=False, comment="Vul het verhaal in.")
    assert "Vul het verhaal in." in mail.outbox[0].body
    obligation.refresh_from_db()
    assert obligation.state == "changes_requested"

    reporting.report_save(
        report=report,
        user=cast.applicant,
        texts={"went_well": "Goed.", "story": "Mevrouw K."},
        spending={},
        indicators={},
        figures=_as_planned(report, participants=40, meetings=48),
    )
    reporting.report_submit(report=report, user=cast.applicant)
    reporting.report_review(obligation=obligation, user=cast.reviewer, accept=True)

    first, second = obligation.versions.order_by("number")
    assert (first.outcome, first.content["texts"]["story"]) == ("changes_requested", "")
    assert (second.outcome, second.content["texts"]["story"]) == ("accepted", "Mevrouw K.")


def test_other_organisation_and_other_stadsdeel_cannot_touch_a_report(flow, people):
    aanvraag = flow.to(Status.VERLEEND)
    (obligation,) = aanvraag.obligations.all()
    with pytest.raises(services.NotAllowed):
        reporting.report_start(obligation=obligation, user=people.member_b)
    report = reporting.report_start(obligation=obligation, user=people.member_a)
    with pytest.raises(services.NotAllowed):
        reporting.report_save(report=report, user=people.member_b, texts={}, spending={}, indicators={}, figures={})
    demo.report_everything(aanvraag, cast=flow.cast)
    obligation.refresh_from_db()
    obligation.state = "submitted"
    obligation.save()
    with pytest.raises(services.NotAllowed):
        reporting.report_review(obligation=obligation, user=people.reviewer_zuid, accept=True)


def test_vaststelling_after_the_final_report_with_four_eyes(flow, people):
    aanvraag = flow.to(Status.VERLEEND, track="incidenteel", requested=10_000_00)
    with pytest.raises(services.NotAllowed):
        reporting.aanvraag_vaststellen(aanvraag=aanvraag, user=people.decider_noord, amount_cents=1, motivation="x")
    demo.report_everything(aanvraag, cast=flow.cast)

    from accounts.models import StaffRole

    StaffRole.objects.create(user=people.reviewer_noord, role=StaffRole.Role.DECIDER, stadsdeel=people.noord)
    with pytest.raises(services.FourEyes):
        reporting.aanvraag_vaststellen(aanvraag=aanvraag, user=people.reviewer_noord, amount_cents=1, motivation="x")
    with pytest.raises(services.NotAllowed):
        reporting.aanvraag_vaststellen(
            aanvraag=aanvraag, user=people.decider_noord, amount_cents=10_000_01, motivation="Meer dan verleend."
        )
    vaststelling = reporting.aanvraag_vaststellen(
        aanvraag=aanvraag, user=people.decider_noord, amount_cents=8_500_00, motivation="Minder bijeenkomsten."
    )
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.VASTGESTELD
    assert (vaststelling.amount_cents, vaststelling.report_accepted_by) == (8_500_00, people.reviewer_noord)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vaststelling.objects.filter(pk=vaststelling.pk).update(decided_by=people.reviewer_noord)


def test_reminders_once_each_with_the_clock_moved(flow, people, django_capture_on_commit_callbacks):
    aanvraag = flow.to(Status.VERLEEND, track="incidenteel")
    (obligation,) = aanvraag.obligations.all()
    due = obligation.due_on

    def run(day):
        out = io.StringIO()
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_report_reminders", "--datum", day.isoformat(), stdout=out)
        return out.getvalue(), list(mail.outbox)

    assert run(due - datetime.timedelta(days=20))[1] == []
    output, sent = run(due - datetime.timedelta(days=14))
    assert len(sent) == 1 and "Herinnering" in sent[0].subject and aanvraag.dossiernummer in output
    assert run(due - datetime.timedelta(days=13))[1] == []  # a second day's run sends nothing new
    output, sent = run(due + datetime.timedelta(days=1))
    subjects = sorted(message.subject for message in sent)
    assert len(subjects) == 2  # the late notice, and the weekly digest to Noord's reviewers
    assert any("nog niet binnen" in subject for subject in subjects)
    digest = next(message for message in sent if "Weekoverzicht" in message.subject)
    assert digest.to == [people.reviewer_noord.email]
    assert run(due + datetime.timedelta(days=2))[1] == []  # same week, nothing again
    assert ReminderSent.objects.filter(obligation=obligation).count() == 2


def test_reminders_from_cron_follow_the_real_clock(flow, people, django_capture_on_commit_callbacks):
    """As cron runs it, without --datum: the clock moved with time-machine decides what is due."""
    aanvraag = flow.to(Status.VERLEEND, track="incidenteel")
    (obligation,) = aanvraag.obligations.all()

    def run_on(day):
        mail.outbox.clear()
        morning = datetime.datetime.combine(day, datetime.time(7), tzinfo=AMSTERDAM)
        with time_machine.travel(morning, tick=False), django_capture_on_commit_callbacks(execute=True):
            call_command("send_report_reminders", stdout=io.StringIO())
        return [message.subject for message in mail.outbox]

    before = obligation.due_on - datetime.timedelta(days=14)
    assert len(run_on(before)) == 1
    assert run_on(before) == []  # the same morning again: nothing twice
    assert run_on(before + datetime.timedelta(days=1)) == []
    assert any("nog niet binnen" in subject for subject in run_on(obligation.due_on + datetime.timedelta(days=1)))


def test_the_catalogue_counts_meetings_by_their_real_dates(flow, people):
    from tests.factories import ActivityFactory

    aanvraag = flow.concept()
    planned = aanvraag.activiteiten.first()
    activity = ActivityFactory(
        organisation=people.org_a,
        schedule=[
            # Every Tuesday, not in the herfstvakantie (17-25 October 2026): 6 October to 15 December, less the 20th.
            ("di", "10:00", "12:00", {"school_holidays": False}),
            # The first Thursday of the month: 1 October, 5 November, 3 December.
            ("do", "19:00", "21:00", {"frequency": "monthly", "week_of_month": 1}),
        ],
    )
    planned.activity = activity
    planned.save()

    assert reporting.catalogue_meetings(planned, D(2026, 10, 1), D(2026, 12, 18)) == 10 + 3
