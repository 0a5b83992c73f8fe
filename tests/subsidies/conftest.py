"""An open ronde in Noord and Zuid, and aanvragen brought to any state through the real services."""

import datetime

import pytest
from django.utils import timezone

from activities.models import Bouwsteen, Doelgroep
from stadsdelen.models import Gebied, Stadsdeel
from subsidies import services
from subsidies.models import Regeling, Ronde, Track
from subsidies.workflow import Status


@pytest.fixture
def regeling(db):
    return Regeling.objects.get(slug="sociale-basis")


def make_ronde(regeling, slug, plafond_euros=100_000):
    today = timezone.localdate()
    return Ronde.objects.create(
        regeling=regeling,
        stadsdeel=Stadsdeel.objects.get(slug=slug),
        name=str(today.year + 1),
        period_start=datetime.date(today.year + 1, 1, 1),
        period_end=datetime.date(today.year + 1, 12, 31),
        opens_on=today - datetime.timedelta(days=30),
        closes_on=today + datetime.timedelta(days=30),
        plafond_cents=plafond_euros * 100,
    )


@pytest.fixture
def rondes(regeling):
    return {"noord": make_ronde(regeling, "noord"), "zuid": make_ronde(regeling, "zuid")}


class Flow:
    """Brings an aanvraag of org A (Noord) to a state, as the people of the permission matrix would."""

    def __init__(self, people, rondes, regeling):
        self.people, self.rondes, self.regeling = people, rondes, regeling

    def track(self, slug):
        return Track.objects.get(regeling=self.regeling, slug=slug)

    def concept(self, track="incidenteel", requested=4_000_00, ronde=None, complete=True):
        people = self.people
        aanvraag = services.aanvraag_create(
            organisation=people.org_a,
            ronde=ronde or self.rondes["noord"],
            track=self.track(track),
            user=people.member_a,
            projectnaam="Buurtkamer open",
        )
        if complete:
            self.fill(aanvraag, requested)
        return aanvraag

    def fill(self, aanvraag, requested):
        user = self.people.member_a
        services.aanvraag_update(
            aanvraag=aanvraag,
            user=user,
            projectnaam="Buurtkamer open",
            recurrence="eenmalig",
            summary="Elke week een open buurtkamer met koffie.",
            requested_cents=requested,
            contact_name="Noor",
            contact_email="noor@noord.example",
        )
        services.begroting_set(
            aanvraag=aanvraag,
            user=user,
            lines=[
                services.BudgetLine(
                    category="activiteiten", description="Koffie en materiaal", amount_cents=requested + 500_00
                ),
                services.BudgetLine(category="eigen_bijdrage", description="Bijdrage bezoekers", amount_cents=500_00),
            ],
        )
        if not aanvraag.track.is_short:
            services.activiteiten_set(
                aanvraag=aanvraag,
                user=user,
                activities=[
                    services.PlannedActivity(
                        title="Buurtkamer",
                        bouwsteen=Bouwsteen.objects.get(slug="verbondenheid"),
                        gebied=Gebied.objects.get(slug="oud-noord"),
                        doelgroepen=list(Doelgroep.objects.filter(slug="ouderen")),
                        participants=40,
                        meetings=48,
                        volunteers=5,
                    )
                ],
            )
        services.statements_set(
            aanvraag=aanvraag,
            user=user,
            texts={c.pk: f"Zo doen we {c.title}." for c in services.conditions_for(aanvraag)},
        )
        from django.core.files.uploadedfile import SimpleUploadedFile

        for kind in aanvraag.track.required_attachments:
            services.attachment_add(
                aanvraag=aanvraag,
                user=user,
                kind=kind,
                upload=SimpleUploadedFile(f"{kind}.pdf", b"%PDF-1.4 test", content_type="application/pdf"),
            )
        aanvraag.refresh_from_db()
        return aanvraag

    def to(self, status, **kwargs):
        """An aanvraag in `status`, reached along the normal path."""
        people = self.people
        aanvraag = self.concept(**kwargs)
        if status == Status.CONCEPT:
            return aanvraag
        services.aanvraag_submit(aanvraag=aanvraag, user=people.member_a)
        if status == Status.INGEDIEND:
            return refreshed(aanvraag)
        if status == Status.AANVULLING_GEVRAAGD:
            services.aanvraag_request_aanvulling(
                aanvraag=aanvraag,
                user=people.reviewer_noord,
                question="Stuur de offerte mee.",
                due_on=timezone.localdate() + datetime.timedelta(days=14),
            )
            return refreshed(aanvraag)
        services.aanvraag_accept(aanvraag=aanvraag, user=people.reviewer_noord)
        if status == Status.IN_BEHANDELING:
            return refreshed(aanvraag)
        self.score_all(aanvraag)
        services.aanvraag_advise(
            aanvraag=aanvraag, user=people.reviewer_noord, advice="verlenen", amount_cents=None, motivation="Past goed."
        )
        if status == Status.ADVIES:
            return refreshed(aanvraag)
        if status == Status.INGETROKKEN:
            services.aanvraag_withdraw(aanvraag=aanvraag, user=people.member_a, reason="Geen vrijwilligers meer.")
            return refreshed(aanvraag)
        outcome = {Status.VERLEEND: "verleend", Status.DEELS_VERLEEND: "deels_verleend", Status.AFGEWEZEN: "afgewezen"}[
            status
        ]
        amount = aanvraag.requested_cents // 2 if outcome == "deels_verleend" else None
        services.aanvraag_decide(
            aanvraag=refreshed(aanvraag),
            user=people.decider_noord,
            outcome=outcome,
            amount_cents=amount,
            motivation="Besloten.",
        )
        return refreshed(aanvraag)

    def score_all(self, aanvraag):
        for condition in services.conditions_for(aanvraag):
            services.aanvraag_score(
                aanvraag=aanvraag, user=self.people.reviewer_noord, condition=condition, verdict="voldoet"
            )


def refreshed(aanvraag):
    aanvraag.refresh_from_db()
    return aanvraag


@pytest.fixture
def flow(people, rondes, regeling, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return Flow(people, rondes, regeling)
