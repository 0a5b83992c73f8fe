"""Writes for the verantwoording: reports and their versions, the review, the conversation, the
vaststelling and the reminders. Which reports a besluit asks for is in subsidies.obligations.

Like subsidies.services: keyword-only, one transaction each, audit row inside it, mail after commit.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import StaffRole
from activities import schedule
from activities.photos import resized_photo
from audit.models import AuditEvent, record
from subsidies.models import (
    DigestSent,
    Indicator,
    Note,
    ReminderSent,
    Report,
    ReportFigure,
    ReportObligation,
    ReportPhoto,
    ReportVersion,
    Vaststelling,
)
from subsidies.services import (
    FourEyes,
    Incomplete,
    NotAllowed,
    applicant_addresses,
    locked_aanvraag,
    mail_after_commit,
    may_act,
    move,
)
from subsidies.terms import bezwaar_deadline
from subsidies.workflow import Actor, Status

# A realised figure more than this far from plan needs a sentence of explanation.
DEVIATION = 0.10
COMPARED = {
    "participants": gettext_lazy("deelnemers"),
    "meetings": gettext_lazy("bijeenkomsten"),
    "volunteers": gettext_lazy("vrijwilligers"),
}


# Reports -----------------------------------------------------------------------------------------


def _obligation_for_member(obligation, user):
    if not may_act(user, obligation.aanvraag, Actor.APPLICANT):
        raise NotAllowed("not a member")
    if not obligation.is_open:
        raise NotAllowed(f"report is {obligation.state}")


def catalogue_meetings(planned, start, end):
    """What the catalogue already knows: the meetings of the organisation's published activity for
    this plan (or its activities in the same gebied) from `start` to `end`, by their schedules
    (every other week, monthly, paused in the school holidays…)."""
    activities = planned.aanvraag.organisation.activities.filter(status="published")
    activities = (
        activities.filter(pk=planned.activity_id)
        if planned.activity_id
        else activities.filter(location__gebied=planned.gebied_id)
    )
    rules = [slot.rule for activity in activities.prefetch_related("schedule") for slot in activity.schedule.all()]
    return len(schedule.occurrences(rules, start, end, schedule.school_holidays()))


@transaction.atomic
def report_start(*, obligation, user):
    """The working copy, prefilled from the previous report, else from the plan and the catalogue."""
    _obligation_for_member(obligation, user)
    report, created = Report.objects.get_or_create(obligation=obligation, defaults={"updated_by": user})
    if not created:
        return report
    previous = (
        Report.objects.filter(
            obligation__aanvraag=obligation.aanvraag, obligation__period_start__lt=obligation.period_start
        )
        .order_by("-obligation__period_start")
        .first()
    )
    share = _share_of_period(obligation)
    for planned in obligation.aanvraag.activiteiten.all():
        before = previous.figures.filter(planned=planned).first() if previous else None
        if before is not None:
            values = {name: getattr(before, name) for name in ReportFigure.FIELDS}
        else:
            values = {
                "participants": round(planned.participants * share),
                "meetings": catalogue_meetings(planned, obligation.period_start, obligation.period_end)
                or round(planned.meetings * share),
                "volunteers": planned.volunteers,
            }
        ReportFigure.objects.create(report=report, planned=planned, **values)
    if previous is not None:
        report.indicators = {slug: {"value": "", "explanation": ""} for slug in previous.indicators}
        report.save(update_fields=["indicators"])
    return report


def _share_of_period(obligation):
    """Which part of the subsidy period this report covers, to compare it with the plan."""
    besluit = obligation.aanvraag.besluit
    whole = (besluit.vervaldatum - besluit.ingangsdatum).days + 1
    return ((obligation.period_end - obligation.period_start).days + 1) / whole


@transaction.atomic
def report_save(*, report, user, texts, spending, indicators, figures):
    """Save the draft as typed. `texts`: the narrative fields; `spending`: {category: {cents,
    explanation}}; `indicators`: {slug: {value, explanation}}; `figures`: {planned id: {field: int,
    "reach": {doelgroep slug: int}, "explanations": {field: sentence}}}."""
    obligation = ReportObligation.objects.select_for_update().get(pk=report.obligation_id)
    _obligation_for_member(obligation, user)
    for name in ["went_well", "changed", "signals", "story", "not_worked"]:
        setattr(report, name, texts.get(name, "").strip())
    report.spending = spending
    report.indicators = indicators
    report.updated_by = user
    report.save()
    for figure in report.figures.all():
        values = figures.get(figure.planned_id)
        if values is None:
            continue
        for name in ReportFigure.FIELDS:
            setattr(figure, name, values.get(name, 0))
        figure.reach = values.get("reach", {})
        figure.explanations = {
            key: text.strip() for key, text in values.get("explanations", {}).items() if text.strip()
        }
        figure.save()
    return report


@transaction.atomic
def report_photo_add(*, report, user, upload, caption, people_agreed):
    """A photo with the story, checked first (activities.photos.validate_photo): stored smaller and
    without EXIF, under a random name in the private storage. Only with the consent of the people on it."""
    obligation = ReportObligation.objects.select_for_update().select_related("aanvraag").get(pk=report.obligation_id)
    _obligation_for_member(obligation, user)
    if not people_agreed:
        raise NotAllowed("the people on the photo did not agree")
    if not caption.strip():
        raise NotAllowed("a photo needs a caption")
    if report.photos.filter(removed_at__isnull=True).count() >= ReportPhoto.MAX_PER_REPORT:
        raise NotAllowed("too many photos")
    photo = ReportPhoto(report=report, caption=caption.strip(), uploaded_by=user)
    resized = resized_photo(upload)
    photo.file.save(resized.name, resized, save=False)
    photo.save()
    record(
        action=AuditEvent.Action.CHANGE,
        actor=user,
        obj=obligation,
        organisation=obligation.aanvraag.organisation,
        changes={"foto": photo.caption, "toestemming": True},
    )
    return photo


def _in_a_version(photo):
    return any(
        entry["id"] == photo.pk
        for content in ReportVersion.objects.filter(obligation=photo.report.obligation_id).values_list(
            "content", flat=True
        )
        for entry in content.get("photos", [])
    )


@transaction.atomic
def report_photo_remove(*, photo, user):
    """Off the working copy. A photo no version shows is deleted with its file; one that a submitted
    version shows stays, for that version only."""
    obligation = (
        ReportObligation.objects.select_for_update().select_related("aanvraag").get(pk=photo.report.obligation_id)
    )
    _obligation_for_member(obligation, user)
    record(
        action=AuditEvent.Action.CHANGE,
        actor=user,
        obj=obligation,
        organisation=obligation.aanvraag.organisation,
        changes={"foto_weg": photo.caption},
    )
    if _in_a_version(photo):
        photo.removed_at = timezone.now()
        photo.save(update_fields=["removed_at"])
        return
    name, storage = photo.file.name, photo.file.storage
    photo.delete()
    transaction.on_commit(lambda: storage.delete(name))


def photos_of(obligation, *, submitted_only):
    """The photos this obligation's report may show: for staff only those in a submitted version."""
    report = getattr(obligation, "report", None)
    if report is None:
        return ReportPhoto.objects.none()
    photos = report.photos.all()
    if submitted_only:
        ids = {
            entry["id"]
            for content in obligation.versions.values_list("content", flat=True)
            for entry in content.get("photos", [])
        }
        photos = photos.filter(pk__in=ids)
    return photos


def deviations(report):
    """Figures more than 10% from plan (pro rata for the period) without an explanation:
    (planned activity, field, label, expected, realised)."""
    share = _share_of_period(report.obligation)
    missing = []
    for figure in report.figures.select_related("planned"):
        for field, label in COMPARED.items():
            planned = getattr(figure.planned, field)
            expected = planned if field == "volunteers" else planned * share
            realised = getattr(figure, field)
            if expected and abs(realised - expected) / expected > DEVIATION and not figure.explanations.get(field):
                missing.append((figure.planned, field, label, round(expected), realised))
    return missing


def _frozen(report):
    """Figures, texts and the form they were filled in against, for the version."""
    return {
        "form": {
            "fields": {name: str(ReportFigure._meta.get_field(name).verbose_name) for name in ReportFigure.FIELDS},
            "indicators": {i.slug: {"name": i.name, "unit": i.unit} for i in Indicator.objects.filter(is_active=True)},
        },
        "texts": {name: getattr(report, name) for name in ["went_well", "changed", "signals", "story", "not_worked"]},
        "spending": report.spending,
        "indicators": report.indicators,
        "photos": [
            {"id": photo.pk, "caption": photo.caption} for photo in report.photos.filter(removed_at__isnull=True)
        ],
        "figures": [
            {
                "planned": figure.planned.title,
                "planned_id": figure.planned_id,
                **{name: getattr(figure, name) for name in ReportFigure.FIELDS},
                "reach": figure.reach,
                "explanations": figure.explanations,
            }
            for figure in report.figures.select_related("planned")
        ],
    }


@transaction.atomic
def report_submit(*, report, user):
    """Freeze a version. Raises Incomplete naming each figure more than 10% off plan without a word."""
    obligation = ReportObligation.objects.select_for_update().select_related("aanvraag").get(pk=report.obligation_id)
    _obligation_for_member(obligation, user)
    missing = [
        (
            f"uitleg-{planned.pk}-{field}",
            _("%(activity)s, %(label)s: gepland %(expected)s, gedaan %(realised)s. Schrijf in één zin waarom.")
            % {"activity": planned.title, "label": label, "expected": expected, "realised": realised},
        )
        for planned, field, label, expected, realised in deviations(report)
    ]
    if missing:
        raise Incomplete(missing)
    number = obligation.versions.count() + 1
    version = ReportVersion.objects.create(
        obligation=obligation, number=number, content=_frozen(report), submitted_by=user
    )
    obligation.state = ReportObligation.State.SUBMITTED
    obligation.submitted_on = obligation.submitted_on or timezone.localdate()
    obligation.save(update_fields=["state", "submitted_on"])
    record(
        action=AuditEvent.Action.STATUS,
        actor=user,
        obj=obligation,
        organisation=obligation.aanvraag.organisation,
        changes={"verslag": {"versie": number, "state": "submitted"}},
    )
    return version


@transaction.atomic
def report_review(*, obligation, user, accept, comment=""):
    obligation = ReportObligation.objects.select_for_update().select_related("aanvraag__ronde").get(pk=obligation.pk)
    if not may_act(user, obligation.aanvraag, Actor.REVIEWER):
        raise NotAllowed("not a reviewer for this stadsdeel")
    if obligation.state != ReportObligation.State.SUBMITTED:
        raise NotAllowed(f"report is {obligation.state}")
    comment = comment.strip()
    if not accept and not comment:
        raise NotAllowed("asking for changes needs a comment")
    version = obligation.versions.order_by("-number").first()
    version.outcome = ReportVersion.Outcome.ACCEPTED if accept else ReportVersion.Outcome.CHANGES_REQUESTED
    version.review_comment, version.reviewed_by, version.reviewed_at = comment, user, timezone.now()
    version.save()
    obligation.state = ReportObligation.State.ACCEPTED if accept else ReportObligation.State.CHANGES_REQUESTED
    obligation.save(update_fields=["state"])
    record(
        action=AuditEvent.Action.ASSESS,
        actor=user,
        obj=obligation,
        organisation=obligation.aanvraag.organisation,
        changes={"verslag": {"versie": version.number, "uitkomst": version.outcome}, "comment": comment},
    )
    mail_after_commit(
        template="subsidies/mail/verslag_beoordeeld.txt",
        context={"obligation": obligation, "version": version},
        to=applicant_addresses(obligation.aanvraag),
    )
    return version


@transaction.atomic
def note_add(*, aanvraag, user, text, obligation=None):
    """A message both the organisation and the stadsdeel see."""
    if not (
        may_act(user, aanvraag, Actor.APPLICANT)
        or user.staff_roles.filter(stadsdeel=aanvraag.ronde.stadsdeel_id).exists()
    ):
        raise NotAllowed("not involved in this aanvraag")
    if not text.strip():
        raise NotAllowed("empty note")
    note = Note.objects.create(aanvraag=aanvraag, obligation=obligation, author=user, text=text.strip())
    record(
        action=AuditEvent.Action.CREATE,
        actor=user,
        obj=note,
        organisation=aanvraag.organisation,
        changes={"aanvraag": aanvraag.dossiernummer},
    )
    return note


# Vaststelling ------------------------------------------------------------------------------------


@transaction.atomic
def aanvraag_vaststellen(*, aanvraag, user, amount_cents, motivation, verzenddatum=None):
    """Set the final amount after the final report was accepted; lower with a motivation when the
    realisation fell short. Whoever accepted the final report may not do this (four eyes)."""
    if not motivation.strip():
        raise NotAllowed("a vaststelling needs a motivation")
    locked = locked_aanvraag(aanvraag)
    final = locked.obligations.filter(is_final=True).first()
    if final is None or final.state != ReportObligation.State.ACCEPTED:
        raise NotAllowed("the final report is not accepted yet")
    accepted_by = final.versions.filter(outcome=ReportVersion.Outcome.ACCEPTED).order_by("-number").first().reviewed_by
    if user.pk == accepted_by.pk:
        raise FourEyes
    granted = locked.besluit.amount_cents
    if amount_cents is None or not 0 <= amount_cents <= granted:
        raise NotAllowed("the vastgesteld amount is at most the granted amount")
    move(locked, user=user, to=Status.VASTGESTELD, reason=motivation.strip())
    verzenddatum = verzenddatum or timezone.localdate()
    vaststelling = Vaststelling.objects.create(
        aanvraag=locked,
        amount_cents=amount_cents,
        motivation=motivation.strip(),
        besluitdatum=timezone.localdate(),
        verzenddatum=verzenddatum,
        bezwaar_deadline=bezwaar_deadline(verzenddatum),
        decided_by=user,
        report_accepted_by=accepted_by,
    )
    mail_after_commit(
        template="subsidies/mail/vaststelling.txt",
        context={"aanvraag": locked, "vaststelling": vaststelling},
        to=applicant_addresses(locked),
    )
    return vaststelling


# Reminders ---------------------------------------------------------------------------------------


def send_reminders(*, today):
    """Reminders 14 days (the regeling's setting) before a due date and the day after it passed,
    once each; and once a week a digest of overdue reports to each stadsdeel's reviewers. Returns
    lines saying what was sent."""
    sent = []
    open_states = [ReportObligation.State.OPEN, ReportObligation.State.CHANGES_REQUESTED]
    obligations = ReportObligation.objects.filter(state__in=open_states).select_related(
        "aanvraag__organisation", "aanvraag__ronde__regeling", "aanvraag__ronde__stadsdeel"
    )
    for obligation in obligations:
        regeling = obligation.aanvraag.ronde.regeling
        if obligation.due_on - datetime.timedelta(days=regeling.remind_days_before) <= today <= obligation.due_on:
            kind = ReminderSent.Kind.BEFORE
        elif today >= obligation.due_on + datetime.timedelta(days=regeling.remind_days_after):
            kind = ReminderSent.Kind.AFTER
        else:
            continue
        with transaction.atomic():
            _row, created = ReminderSent.objects.get_or_create(obligation=obligation, kind=kind)
            if created:
                mail_after_commit(
                    template=f"subsidies/mail/herinnering_{kind}.txt",
                    context={"obligation": obligation, "aanvraag": obligation.aanvraag},
                    to=applicant_addresses(obligation.aanvraag),
                )
                sent.append(f"{obligation.aanvraag.dossiernummer}: herinnering {kind} ({obligation.due_on})")
    year, week, _day = today.isocalendar()
    overdue = obligations.filter(due_on__lt=today)
    for stadsdeel_id in set(overdue.values_list("aanvraag__ronde__stadsdeel", flat=True)):
        with transaction.atomic():
            _row, created = DigestSent.objects.get_or_create(stadsdeel_id=stadsdeel_id, week=f"{year}-W{week:02d}")
            if not created:
                continue
            late = list(overdue.filter(aanvraag__ronde__stadsdeel=stadsdeel_id).order_by("due_on"))
            reviewers = StaffRole.objects.filter(stadsdeel=stadsdeel_id, role=StaffRole.Role.REVIEWER)
            mail_after_commit(
                template="subsidies/mail/overzicht_te_laat.txt",
                context={"obligations": late, "stadsdeel": late[0].aanvraag.ronde.stadsdeel},
                to=list(reviewers.values_list("user__email", flat=True)),
            )
            sent.append(f"{late[0].aanvraag.ronde.stadsdeel}: overzicht van {len(late)} te late verslagen")
    return sent
