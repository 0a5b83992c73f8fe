"""Demo subsidies for `seed_demo`: per stadsdeel a closed and an open ronde, aanvragen in every
state, made through the real services so their history, versions and besluiten are real.

`bring_to` is also what the tests use to put an aanvraag in a state.
"""

import datetime
import random
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import StaffRole
from activities.models import Bouwsteen, Doelgroep
from organisations.demo import demo_user
from organisations.models import Organisation
from stadsdelen.models import Gebied, Stadsdeel
from subsidies import reporting, services
from subsidies.models import Aanvraag, Besluit, Regeling, ReportObligation, Ronde, StatusChange, Track
from subsidies.monitor_notes import monitor_note_add
from subsidies.workflow import Status


@dataclass(frozen=True)
class Cast:
    applicant: object
    reviewer: object
    decider: object


def fill(aanvraag, *, user, requested_cents, gebied, title="Buurtkamer", summary="", activity_id=None):
    """Everything a complete aanvraag needs, as the organisation would enter it."""
    services.aanvraag_update(
        aanvraag=aanvraag,
        user=user,
        projectnaam=aanvraag.projectnaam or title,
        recurrence=Aanvraag.Recurrence.PERIODIEK if aanvraag.track.slug == "structureel" else "eenmalig",
        summary=summary or f"{title}: elke week open voor buren, met koffie en een vrijwilliger die helpt.",
        requested_cents=requested_cents,
        contact_name=user.name,
        contact_email=user.email,
    )
    services.begroting_set(
        aanvraag=aanvraag,
        user=user,
        lines=[
            services.BudgetLine(
                category="activiteiten", description="Activiteiten en materiaal", amount_cents=requested_cents
            ),
            services.BudgetLine(
                category="huisvesting", description="Huur van de ruimte", amount_cents=requested_cents // 5
            ),
            services.BudgetLine(
                category="eigen_bijdrage", description="Bijdragen van deelnemers", amount_cents=requested_cents // 5
            ),
        ],
    )
    if not aanvraag.track.is_short:
        services.activiteiten_set(
            aanvraag=aanvraag,
            user=user,
            activities=[
                services.PlannedActivity(
                    title=title,
                    bouwsteen=Bouwsteen.objects.order_by("order").first(),
                    gebied=gebied,
                    doelgroepen=list(Doelgroep.objects.filter(slug__in=["ouderen", "alle-amsterdammers"])),
                    participants=40,
                    meetings=45,
                    volunteers=6,
                    activity_id=activity_id,
                )
            ],
        )
    services.statements_set(
        aanvraag=aanvraag,
        user=user,
        texts={
            condition.pk: f"{condition.title}: zo werken we hieraan in {gebied.name}, samen met het buurtteam."
            for condition in services.conditions_for(aanvraag)
        },
    )
    for kind in aanvraag.track.required_attachments:
        upload = ContentFile(b"%PDF-1.4\n% demo\n", name=f"{kind}.pdf")
        services.attachment_add(aanvraag=aanvraag, user=user, kind=kind, upload=upload)
    aanvraag.refresh_from_db()
    return aanvraag


def report_everything(aanvraag, *, cast, only=None, accept=True):
    """Every report (or `only` these) of a granted aanvraag submitted as planned, and accepted, or
    sent back (accept=False), or left for the reviewer (accept=None)."""
    for obligation in only or aanvraag.obligations.order_by("period_start"):
        report = reporting.report_start(obligation=obligation, user=cast.applicant)
        reporting.report_save(
            report=report,
            user=cast.applicant,
            texts={"went_well": "Elke week kwamen er nieuwe buren.", "story": "Een buurvrouw vond hier weer vrienden."},
            spending={},
            indicators={},
            figures={
                figure.planned_id: {
                    "participants": figure.participants,
                    "meetings": figure.meetings,
                    "volunteers": figure.volunteers,
                    "visits": figure.participants * 3,
                    "volunteer_hours": figure.volunteers * 40,
                    "explanations": {field: "Zo liep het." for field in reporting.COMPARED},
                }
                for figure in report.figures.all()
            },
        )
        reporting.report_submit(report=report, user=cast.applicant)
        if accept is not None:
            comment = "" if accept else "Wilt u ook het verhaal van een bewoner vertellen?"
            reporting.report_review(obligation=obligation, user=cast.reviewer, accept=accept, comment=comment)


def bring_to(aanvraag, status, *, cast, motivation="Past bij het uitvoeringsplan van het gebied."):
    """Move a complete concept along the normal path until it is in `status`."""
    if status == Status.CONCEPT:
        return aanvraag
    if status == Status.VASTGESTELD:
        aanvraag = bring_to(aanvraag, Status.VERLEEND, cast=cast, motivation=motivation)
        report_everything(aanvraag, cast=cast)
        reporting.aanvraag_vaststellen(
            aanvraag=aanvraag, user=cast.decider, amount_cents=aanvraag.besluit.amount_cents, motivation=motivation
        )
        aanvraag.refresh_from_db()
        return aanvraag
    services.aanvraag_submit(aanvraag=aanvraag, user=cast.applicant)
    if status == Status.AANVULLING_GEVRAAGD:
        services.aanvraag_request_aanvulling(
            aanvraag=aanvraag,
            user=cast.reviewer,
            question="Stuur een offerte mee voor de huur van de ruimte.",
            due_on=timezone.localdate() + datetime.timedelta(days=14),
        )
    elif status == Status.INGETROKKEN:
        services.aanvraag_withdraw(aanvraag=aanvraag, user=cast.applicant, reason="We hebben geen ruimte meer.")
    elif status != Status.INGEDIEND:
        services.aanvraag_accept(aanvraag=aanvraag, user=cast.reviewer)
        if status != Status.IN_BEHANDELING:
            for condition in services.conditions_for(aanvraag):
                services.aanvraag_score(aanvraag=aanvraag, user=cast.reviewer, condition=condition, verdict="voldoet")
            advice = {Status.AFGEWEZEN: "afwijzen", Status.DEELS_VERLEEND: "deels"}.get(status, "verlenen")
            aanvraag.refresh_from_db()
            services.aanvraag_advise(
                aanvraag=aanvraag,
                user=cast.reviewer,
                advice=advice,
                amount_cents=aanvraag.requested_cents * 3 // 4 if advice == "deels" else None,
                motivation=motivation,
            )
            if status != Status.ADVIES:
                aanvraag.refresh_from_db()
                services.aanvraag_decide(
                    aanvraag=aanvraag,
                    user=cast.decider,
                    outcome=status,
                    amount_cents=aanvraag.advice_cents,
                    motivation=motivation,
                )
    aanvraag.refresh_from_db()
    return aanvraag


# seed_demo ---------------------------------------------------------------------------------------

PROJECTS = [
    "Buurtkamer open",
    "Taalcafé met maatjes",
    "Wandelen met buren",
    "Formulierenhulp op dinsdag",
    "Jongerenwerk in de avond",
    "Mantelzorgcafé",
    "Samen eten in de buurt",
    "Digitaal spreekuur",
    "Moestuin voor iedereen",
    "Vrijwilligerscentrale",
    "Ouder-kindochtend",
    "Schuldhulpmaatjes",
]
# Aanvragen in the open ronde of every stadsdeel, in every state; the first organisation (the demo
# account's, in Noord and Zuid) gets the even ones, so its own area shows every kind.
OPEN_STATES = [
    (Status.CONCEPT, "incidenteel"),
    (Status.INGEDIEND, "incidenteel"),
    (Status.AANVULLING_GEVRAAGD, "incidenteel"),
    (Status.INGEDIEND, "structureel"),
    (Status.VERLEEND, "structureel"),
    (Status.IN_BEHANDELING, "structureel"),
    (Status.ADVIES, "klein-initiatief"),
    (Status.ADVIES, "incidenteel"),
    (Status.DEELS_VERLEEND, "incidenteel"),
    (Status.ADVIES, "klein-initiatief"),
    (Status.AFGEWEZEN, "incidenteel"),
    (Status.VERLEEND, "klein-initiatief"),
    (Status.INGETROKKEN, "incidenteel"),
]
CLOSED_STATES = [
    (Status.VERLEEND, "structureel"),
    (Status.VERLEEND, "incidenteel"),
    (Status.VERLEEND, "klein-initiatief"),
    (Status.DEELS_VERLEEND, "incidenteel"),
    (Status.VASTGESTELD, "incidenteel"),
    (Status.AFGEWEZEN, "incidenteel"),
]
AMOUNTS = {"klein-initiatief": [1_500_00, 2_500_00, 4_000_00], "incidenteel": [8_000_00, 15_000_00, 24_500_00]}
STRUCTUREEL = [60_000_00, 95_000_00, 140_000_00]


def _cast_for(stadsdeel, applicant):
    reviewer = demo_user(f"beoordelaar.{stadsdeel.slug}@demo.nl", name=f"Beoordelaar {stadsdeel.name}")
    decider = demo_user(f"beslisser.{stadsdeel.slug}@demo.nl", name=f"Beslisser {stadsdeel.name}")
    StaffRole.objects.get_or_create(user=reviewer, role=StaffRole.Role.REVIEWER, stadsdeel=stadsdeel)
    StaffRole.objects.get_or_create(user=decider, role=StaffRole.Role.DECIDER, stadsdeel=stadsdeel)
    return Cast(applicant=applicant, reviewer=reviewer, decider=decider)


def _applicants(stadsdeel):
    """Organisations with activities in the stadsdeel, each with a member who applies for it."""
    organisations = list(
        Organisation.objects.filter(activities__location__gebied__stadsdeel=stadsdeel).distinct().order_by("pk")[:6]
    )
    pairs = []
    for organisation in organisations:
        membership = organisation.memberships.select_related("user").order_by("pk").first()
        if membership is None:
            user = demo_user(f"aanvrager.{organisation.pk}@demo.nl", name=f"Coördinator {organisation.name}"[:150])
            membership = organisation.memberships.create(user=user, is_admin=True)
        pairs.append((organisation, membership.user))
    return pairs


def _ronde(regeling, stadsdeel, year, plafond_cents):
    today = timezone.localdate()
    return Ronde.objects.create(
        regeling=regeling,
        stadsdeel=stadsdeel,
        name=str(year),
        period_start=datetime.date(year, 1, 1),
        period_end=datetime.date(year, 12, 31),
        opens_on=today - datetime.timedelta(days=30),
        closes_on=today + datetime.timedelta(days=45),
        plafond_cents=plafond_cents,
    )


def _make(ronde, state, track_slug, organisation, applicant, cast, rng, number):
    track = Track.objects.get(regeling=ronde.regeling, slug=track_slug)
    gebied = rng.choice(list(Gebied.objects.current().filter(stadsdeel=ronde.stadsdeel).order_by("code")))
    title = PROJECTS[number % len(PROJECTS)]
    activity = organisation.activities.filter(status="published").order_by("pk").first()
    aanvraag = services.aanvraag_create(
        organisation=organisation, ronde=ronde, track=track, user=applicant, projectnaam=f"{title} {gebied.name}"
    )
    amounts = STRUCTUREEL if track_slug == "structureel" else AMOUNTS[track_slug]
    fill(
        aanvraag,
        user=applicant,
        requested_cents=rng.choice(amounts),
        gebied=gebied,
        title=title,
        activity_id=activity.pk if activity else None,
    )
    return bring_to(aanvraag, state, cast=Cast(applicant, cast.reviewer, cast.decider))


def _move_into_the_past(ronde, days):
    """The closed ronde happened last year: its dates, receipts and besluiten move back."""
    delta = datetime.timedelta(days=days)
    Ronde.objects.filter(pk=ronde.pk).update(opens_on=F("opens_on") - delta, closes_on=F("closes_on") - delta)
    Aanvraag.objects.filter(ronde=ronde).update(
        received_on=F("received_on") - delta, created_at=F("created_at") - delta
    )
    StatusChange.objects.filter(aanvraag__ronde=ronde).update(created_at=F("created_at") - delta)
    Besluit.objects.filter(aanvraag__ronde=ronde).update(
        besluitdatum=F("besluitdatum") - delta,
        verzenddatum=F("verzenddatum") - delta,
        bezwaar_deadline=F("bezwaar_deadline") - delta,
    )


def _report_states(ronde, cast):
    """Last year's grants have reports in every state: accepted, changes asked, due soon, overdue."""
    granted = list(
        Aanvraag.objects.filter(ronde=ronde, status__in=[Status.VERLEEND, Status.DEELS_VERLEEND]).order_by("pk")
    )
    today = timezone.localdate()
    for number, aanvraag in enumerate(granted):
        member = Cast(aanvraag.created_by, cast.reviewer, cast.decider)
        first = aanvraag.obligations.order_by("period_start").first()
        if number == 0:  # structureel: the first half year accepted, the second due within two weeks
            report_everything(aanvraag, cast=member, only=[first])
            # Sent in on time, as most are.
            ReportObligation.objects.filter(pk=first.pk).update(submitted_on=first.due_on - datetime.timedelta(days=3))
            second = aanvraag.obligations.order_by("period_start").last()
            ReportObligation.objects.filter(pk=second.pk).update(due_on=today + datetime.timedelta(days=10))
            # The conversation and the duiding both sides read (the organisation on its results page).
            reporting.note_add(
                aanvraag=aanvraag,
                user=cast.reviewer,
                obligation=first,
                text="Dank voor het verslag. Het verhaal van de buurvrouw nemen we mee in de duiding.",
            )
            monitor_note_add(
                user=cast.reviewer,
                view="bereik",
                stadsdeel=ronde.stadsdeel,
                text="Het bereik groeit vooral bij ouderen. Bij jongeren blijft het achter; daar zoeken we "
                "samen met de organisaties naar.",
            )
        elif number == 1:
            report_everything(aanvraag, cast=member, only=[first], accept=False)
        elif number == 2:  # waiting for the reviewer
            report_everything(aanvraag, cast=member, only=[first], accept=None)
        else:
            ReportObligation.objects.filter(pk=first.pk).update(due_on=today - datetime.timedelta(days=20))


def _spread_terms(ronde, rng):
    """Submitted aanvragen arrived over the past weeks, so some terms are near or past their end."""
    for aanvraag in Aanvraag.objects.filter(ronde=ronde, status__in=[Status.INGEDIEND, Status.IN_BEHANDELING]):
        weeks_ago = rng.choice([1, 3, 7, 9])
        received = timezone.localdate() - datetime.timedelta(weeks=weeks_ago)
        Aanvraag.objects.filter(pk=aanvraag.pk).update(received_on=received)


@transaction.atomic
def create_demo_subsidies(*, seed=2027):
    """An open and a closed ronde per stadsdeel with aanvragen in every state; nothing when any exist."""
    if Aanvraag.objects.exists():
        return 0
    rng = random.Random(seed)
    regeling = Regeling.objects.get(slug="sociale-basis")
    this_year = timezone.localdate().year
    made = 0
    for stadsdeel in Stadsdeel.objects.current().order_by("code"):
        applicants = _applicants(stadsdeel)
        if not applicants:
            continue
        cast = _cast_for(stadsdeel, applicants[0][1])
        plafond = 400_000_00 if stadsdeel.slug == "weesp" else 2_500_000_00
        closed = _ronde(regeling, stadsdeel, this_year, plafond)
        # The demo accounts work in Noord and Zuid: those get every state, the others a few.
        full = stadsdeel.slug in {"noord", "zuid"}
        for number, (state, track) in enumerate(CLOSED_STATES if full else CLOSED_STATES[:2]):
            organisation, applicant = applicants[number % len(applicants)]
            _make(closed, state, track, organisation, applicant, cast, rng, number)
            made += 1
        _report_states(closed, cast)
        _move_into_the_past(closed, days=365)
        open_ronde = _ronde(regeling, stadsdeel, this_year + 1, plafond)
        for number, (state, track) in enumerate(OPEN_STATES if full else OPEN_STATES[2:6]):
            others = len(applicants) - 1
            organisation, applicant = applicants[0 if number % 2 == 0 or not others else 1 + number // 2 % others]
            _make(open_ronde, state, track, organisation, applicant, cast, rng, number + 3)
            made += 1
        _spread_terms(open_ronde, rng)
    return made
