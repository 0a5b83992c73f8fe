"""An open ronde in Noord and Zuid, and aanvragen brought to any state through the real services."""

import datetime

import pytest
from django.utils import timezone

from stadsdelen.models import Gebied, Stadsdeel
from subsidies import demo, services
from subsidies.models import Regeling, Ronde, Track


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
        self.cast = demo.Cast(applicant=people.member_a, reviewer=people.reviewer_noord, decider=people.decider_noord)

    def concept(self, track="incidenteel", requested=4_000_00, ronde=None, complete=True):
        aanvraag = services.aanvraag_create(
            organisation=self.people.org_a,
            ronde=ronde or self.rondes["noord"],
            track=Track.objects.get(regeling=self.regeling, slug=track),
            user=self.people.member_a,
            projectnaam="Buurtkamer open",
        )
        if complete:
            demo.fill(
                aanvraag,
                user=self.people.member_a,
                requested_cents=requested,
                gebied=Gebied.objects.get(slug="oud-noord"),
            )
        return aanvraag

    def to(self, status, **kwargs):
        """An aanvraag in `status`, reached along the normal path (a partial grant is three quarters)."""
        return demo.bring_to(self.concept(**kwargs), status, cast=self.cast)

    def score_all(self, aanvraag):
        for condition in services.conditions_for(aanvraag):
            services.aanvraag_score(
                aanvraag=aanvraag, user=self.people.reviewer_noord, condition=condition, verdict="voldoet"
            )


@pytest.fixture
def flow(people, rondes, regeling, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return Flow(people, rondes, regeling)
