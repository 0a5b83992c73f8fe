"""Writes for subsidies. Each state change is one function that checks who may make it, locks the
aanvraag, writes the status history and the audit row in one transaction, and sends its mail only
after commit (a failed mail never undoes a decision)."""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from activities.models import Bouwsteen, Doelgroep
from audit.models import AuditEvent, record
from stadsdelen.models import Gebied
from subsidies import workflow
from subsidies.models import (
    Aanvraag,
    AanvraagVersie,
    Aanvulling,
    Attachment,
    BegrotingRegel,
    Besluit,
    Condition,
    GeplandeActiviteit,
    Ronde,
    Score,
    Statement,
    StatusChange,
    Track,
)
from subsidies.obligations import obligations_create, report_date
from subsidies.terms import bezwaar_deadline
from subsidies.workflow import Actor, Status

logger = logging.getLogger(__name__)


class NotAllowed(Exception):
    """This person may not do this with this aanvraag, or not in its present state."""


class Incomplete(Exception):
    """The aanvraag cannot be submitted yet; `missing` lists (field anchor, what is missing)."""

    def __init__(self, missing):
        super().__init__("; ".join(message for _anchor, message in missing))
        self.missing = missing


class FourEyes(Exception):
    """Whoever assessed or advised an aanvraag may not decide it."""


class PlafondExceeded(Exception):
    def __init__(self, remaining_cents):
        super().__init__(remaining_cents)
        self.remaining_cents = remaining_cents


@dataclass(frozen=True, kw_only=True)
class BudgetLine:
    category: str  # BegrotingRegel.Category
    description: str
    amount_cents: int


@dataclass(frozen=True, kw_only=True)
class PlannedActivity:
    title: str
    bouwsteen: Bouwsteen
    gebied: Gebied
    doelgroepen: list[Doelgroep]
    participants: int = 0
    meetings: int = 0
    volunteers: int = 0
    activity_id: int | None = None


# Who is who --------------------------------------------------------------------------------------


def may_act(user, aanvraag, actor):
    if not user.is_authenticated:
        return False
    if actor == Actor.APPLICANT:
        return aanvraag.organisation_id in user.organisation_ids
    role = "reviewer" if actor == Actor.REVIEWER else "decider"
    return user.staff_roles.filter(role=role, stadsdeel_id=aanvraag.ronde.stadsdeel_id).exists()


def can_move(user, aanvraag, to_status):
    actor = workflow.allowed(aanvraag.status, to_status)
    return actor is not None and may_act(user, aanvraag, actor)


def locked_aanvraag(aanvraag):
    return (
        Aanvraag.objects.select_for_update()
        .select_related("ronde__stadsdeel", "track", "organisation")
        .get(pk=aanvraag.pk)
    )


def move(locked, *, user, to, reason=""):
    """Move a locked aanvraag, with its history row and audit row."""
    if not can_move(user, locked, to):
        raise NotAllowed(f"{locked.status} -> {to}")
    before = locked.status
    StatusChange.objects.create(aanvraag=locked, from_status=before, to_status=to, actor=user, reason=reason)
    locked.status = to
    locked.save(update_fields=["status", "updated_at"])
    record(
        action=AuditEvent.Action.STATUS,
        actor=user,
        obj=locked,
        organisation=locked.organisation,
        changes={"status": {"before": before, "after": to}, "reason": reason},
    )
    return locked


def _require_editable(locked, user):
    if not may_act(user, locked, Actor.APPLICANT):
        raise NotAllowed("not a member")
    if not locked.is_editable:
        raise NotAllowed(f"not editable in {locked.status}")


# Mail --------------------------------------------------------------------------------------------


def mail_after_commit(*, template, context, to):
    """Render now, send after commit; a failed send is logged, never undoes the change."""
    recipients = [address for address in to if address]
    if not recipients:
        return
    subject, _sep, body = render_to_string(template, context).partition("\n\n")

    def send():
        try:
            send_mail(subject.strip(), body, settings.DEFAULT_FROM_EMAIL, recipients)
        except Exception:
            logger.exception("Mail %s to %s not sent", template, recipients)

    transaction.on_commit(send)


def applicant_addresses(aanvraag):
    addresses = [aanvraag.contact_email or aanvraag.organisation.email]
    if not addresses[0]:
        addresses = list(aanvraag.organisation.memberships.values_list("user__email", flat=True))
    return addresses


# The organisation's side -------------------------------------------------------------------------


def _next_dossiernummer(ronde):
    prefix = f"SB-{ronde.year}-{ronde.stadsdeel.code}-"
    taken = Aanvraag.objects.filter(dossiernummer__startswith=prefix).count()
    return f"{prefix}{taken + 1:04d}"


@transaction.atomic
def aanvraag_create(*, organisation, ronde, track, user, projectnaam="", copy_from=None):
    """A concept aanvraag; with `copy_from`, everything of that one except what was granted."""
    if organisation.pk not in user.organisation_ids:
        raise NotAllowed("not a member")
    if not ronde.is_open():
        raise NotAllowed("ronde closed")
    if track.regeling_id != ronde.regeling_id:
        raise NotAllowed("track of another regeling")
    # The ronde's row serialises numbering within it.
    ronde = Ronde.objects.select_for_update().select_related("stadsdeel").get(pk=ronde.pk)
    aanvraag = Aanvraag.objects.create(
        dossiernummer=_next_dossiernummer(ronde),
        organisation=organisation,
        ronde=ronde,
        track=track,
        projectnaam=projectnaam,
        contact_name=user.name,
        contact_email=user.email,
        created_by=user,
    )
    if copy_from is not None:
        if copy_from.organisation_id != organisation.pk:
            raise NotAllowed("copy of another organisation's aanvraag")
        _copy_content(copy_from, aanvraag)
    record(
        action=AuditEvent.Action.CREATE,
        actor=user,
        obj=aanvraag,
        organisation=organisation,
        changes={"copied_from": copy_from.dossiernummer} if copy_from else {},
    )
    return aanvraag


def _copy_content(source, target):
    for name in ["projectnaam", "recurrence", "summary", "requested_cents"]:
        setattr(target, name, getattr(source, name))
    target.copied_from = source
    target.save()
    BegrotingRegel.objects.bulk_create(
        BegrotingRegel(
            aanvraag=target, category=line.category, description=line.description, amount_cents=line.amount_cents
        )
        for line in source.begroting.all()
    )
    for planned in source.activiteiten.all():
        doelgroepen = list(planned.doelgroepen.all())
        planned.pk, planned.aanvraag = None, target
        planned.save()
        planned.doelgroepen.set(doelgroepen)
    # Statements carry over to the condition with the same key in this ronde's regeling.
    conditions = {c.slug: c for c in Condition.objects.filter(regeling=target.ronde.regeling, is_active=True)}
    Statement.objects.bulk_create(
        Statement(aanvraag=target, condition=conditions[statement.condition.slug], text=statement.text)
        for statement in source.statements.select_related("condition")
        if statement.condition.slug in conditions
    )


@transaction.atomic
def aanvraag_update(*, aanvraag, user, projectnaam, recurrence, summary, requested_cents, contact_name, contact_email):
    locked = locked_aanvraag(aanvraag)
    _require_editable(locked, user)
    before = {name: getattr(locked, name) for name in ["projectnaam", "recurrence", "summary", "requested_cents"]}
    locked.projectnaam = projectnaam
    locked.recurrence = recurrence
    locked.summary = summary
    locked.requested_cents = requested_cents
    locked.contact_name = contact_name
    locked.contact_email = contact_email
    locked.save()
    changed = {
        name: {"before": value, "after": getattr(locked, name)}
        for name, value in before.items()
        if value != getattr(locked, name)
    }
    if changed:
        record(
            action=AuditEvent.Action.CHANGE, actor=user, obj=locked, organisation=locked.organisation, changes=changed
        )
    return locked


@transaction.atomic
def begroting_set(*, aanvraag, user, lines: list[BudgetLine]):
    locked = locked_aanvraag(aanvraag)
    _require_editable(locked, user)
    locked.begroting.all().delete()
    BegrotingRegel.objects.bulk_create(
        BegrotingRegel(
            aanvraag=locked, category=line.category, description=line.description, amount_cents=line.amount_cents
        )
        for line in lines
    )
    record(
        action=AuditEvent.Action.CHANGE,
        actor=user,
        obj=locked,
        organisation=locked.organisation,
        changes={"begroting": [[line.category, line.description, line.amount_cents] for line in lines]},
    )
    return locked


@transaction.atomic
def activiteiten_set(*, aanvraag, user, activities: list[PlannedActivity]):
    locked = locked_aanvraag(aanvraag)
    _require_editable(locked, user)
    own = set(locked.organisation.activities.values_list("pk", flat=True))
    locked.activiteiten.all().delete()
    for planned in activities:
        row = GeplandeActiviteit.objects.create(
            aanvraag=locked,
            title=planned.title,
            bouwsteen=planned.bouwsteen,
            gebied=planned.gebied,
            participants=planned.participants,
            meetings=planned.meetings,
            volunteers=planned.volunteers,
            # Only the organisation's own catalogue activities can be linked.
            activity_id=planned.activity_id if planned.activity_id in own else None,
        )
        row.doelgroepen.set(planned.doelgroepen)
    record(
        action=AuditEvent.Action.CHANGE,
        actor=user,
        obj=locked,
        organisation=locked.organisation,
        changes={"activiteiten": [planned.title for planned in activities]},
    )
    return locked


@transaction.atomic
def statements_set(*, aanvraag, user, texts: dict[int, str]):
    """`texts`: condition id -> what the organisation writes about it (empty: none)."""
    locked = locked_aanvraag(aanvraag)
    _require_editable(locked, user)
    conditions = Condition.objects.filter(regeling=locked.ronde.regeling_id, pk__in=texts)
    for condition in conditions:
        text = texts[condition.pk].strip()
        if text:
            Statement.objects.update_or_create(aanvraag=locked, condition=condition, defaults={"text": text})
        else:
            Statement.objects.filter(aanvraag=locked, condition=condition).delete()
    record(
        action=AuditEvent.Action.CHANGE,
        actor=user,
        obj=locked,
        organisation=locked.organisation,
        changes={"voorwaarden": sorted(texts)},
    )
    return locked


@transaction.atomic
def attachment_add(*, aanvraag, user, kind, upload):
    """Store a checked upload (subsidies.uploads.validate_attachment) with the aanvraag."""
    locked = locked_aanvraag(aanvraag)
    _require_editable(locked, user)
    attachment = Attachment(
        aanvraag=locked, kind=kind, original_name=upload.name[:200], size=upload.size, uploaded_by=user
    )
    attachment.file.save(upload.name, upload, save=False)
    attachment.save()
    record(
        action=AuditEvent.Action.CHANGE,
        actor=user,
        obj=locked,
        organisation=locked.organisation,
        changes={"bijlage": [kind, attachment.original_name]},
    )
    return attachment


@transaction.atomic
def attachment_remove(*, attachment, user):
    locked = locked_aanvraag(attachment.aanvraag)
    _require_editable(locked, user)
    record(
        action=AuditEvent.Action.CHANGE,
        actor=user,
        obj=locked,
        organisation=locked.organisation,
        changes={"bijlage_weg": [attachment.kind, attachment.original_name]},
    )
    attachment.delete()


def conditions_for(aanvraag):
    """The conditions this aanvraag is assessed against (the short form asks for fewer)."""
    conditions = Condition.objects.filter(regeling=aanvraag.ronde.regeling_id, is_active=True).exclude(
        group=Condition.Group.FORMEEL
    )
    if aanvraag.track.is_short:
        conditions = conditions.filter(applies_to_short_form=True)
    return conditions


def missing_items(aanvraag):
    """What must still be filled in before submitting: (anchor of the field, plain message)."""
    missing = []
    track = aanvraag.track
    if not aanvraag.projectnaam.strip():
        missing.append(("id_projectnaam", _("Geef het project een naam.")))
    if not aanvraag.summary.strip():
        missing.append(("id_summary", _("Schrijf kort wat jullie willen doen.")))
    if aanvraag.requested_cents <= 0:
        missing.append(("id_requested", _("Vul het bedrag in dat jullie vragen.")))
    elif track.max_amount_cents is not None and aanvraag.requested_cents > track.max_amount_cents:
        missing.append(
            (
                "id_requested",
                _("Bij %(track)s kun je hoogstens € %(max)s vragen.")
                % {"track": track.name, "max": f"{track.max_amount_cents // 100:,}".replace(",", ".")},
            )
        )
    if not aanvraag.organisation.kvk and not aanvraag.organisation.is_informal:
        missing.append(
            ("kvk", _("Het KvK-nummer van de organisatie ontbreekt. Vraag functioneel beheer het toe te voegen."))
        )
    if aanvraag.costs_cents() <= 0:
        missing.append(("begroting", _("Vul de kosten in.")))
    elif aanvraag.requested_cents > aanvraag.deficit_cents():
        missing.append(
            ("begroting", _("Het gevraagde bedrag is hoger dan het tekort op de begroting (kosten min inkomsten)."))
        )
    if not track.is_short:
        if not aanvraag.activiteiten.exists():
            missing.append(("activiteiten", _("Beschrijf minstens één activiteit die jullie gaan doen.")))
        written = set(aanvraag.statements.values_list("condition_id", flat=True))
        for condition in conditions_for(aanvraag):
            if condition.pk not in written:
                missing.append(
                    (f"voorwaarde-{condition.slug}", _("Schrijf iets over: %(title)s.") % {"title": condition.title})
                )
        present = set(aanvraag.attachments.values_list("kind", flat=True))
        for kind in track.required_attachments:
            if kind not in present:
                missing.append(
                    ("bijlagen", _("Voeg een bijlage toe: %(kind)s.") % {"kind": Attachment.Kind(kind).label})
                )
    return missing


def _snapshot(aanvraag):
    return {
        "projectnaam": aanvraag.projectnaam,
        "recurrence": aanvraag.recurrence,
        "summary": aanvraag.summary,
        "requested_cents": aanvraag.requested_cents,
        "track": aanvraag.track.slug,
        "begroting": [[line.category, line.description, line.amount_cents] for line in aanvraag.begroting.all()],
        "activiteiten": [
            {
                "title": planned.title,
                "bouwsteen": planned.bouwsteen.slug,
                "gebied": planned.gebied.slug,
                "doelgroepen": sorted(group.slug for group in planned.doelgroepen.all()),
                "participants": planned.participants,
                "meetings": planned.meetings,
                "volunteers": planned.volunteers,
            }
            for planned in aanvraag.activiteiten.select_related("bouwsteen", "gebied")
        ],
        "voorwaarden": {
            statement.condition.slug: {
                "title": statement.condition.title,
                "version": statement.condition.current_version().number,
                "text": statement.text,
            }
            for statement in aanvraag.statements.select_related("condition")
        },
        "bijlagen": [[a.kind, a.original_name, a.size] for a in aanvraag.attachments.all()],
    }


@transaction.atomic
def aanvraag_submit(*, aanvraag, user):
    """Submit a concept, or an aanvulling; freezes a version. Raises Incomplete with what is missing."""
    locked = locked_aanvraag(aanvraag)
    if not can_move(user, locked, Status.INGEDIEND):
        raise NotAllowed(f"{locked.status} -> ingediend")
    if locked.status == Status.CONCEPT and not locked.ronde.is_open():
        raise NotAllowed("ronde closed")
    missing = missing_items(locked)
    if missing:
        raise Incomplete(missing)
    today = timezone.localdate()
    was = locked.status
    number = locked.versies.count() + 1
    AanvraagVersie.objects.create(aanvraag=locked, number=number, submitted_by=user, content=_snapshot(locked))
    if locked.received_on is None:
        locked.received_on = today
        locked.save(update_fields=["received_on"])
    move(locked, user=user, to=Status.INGEDIEND)
    context = {"aanvraag": locked}
    if was == Status.AANVULLING_GEVRAAGD:
        aanvulling = locked.open_aanvulling()
        if aanvulling is not None:
            aanvulling.received_on = today
            aanvulling.save(update_fields=["received_on"])
            mail_after_commit(
                template="subsidies/mail/aanvulling_ontvangen.txt", context=context, to=[aanvulling.asked_by.email]
            )
    else:
        mail_after_commit(template="subsidies/mail/ontvangst.txt", context=context, to=applicant_addresses(locked))
    return locked


@transaction.atomic
def aanvraag_withdraw(*, aanvraag, user, reason):
    if not reason.strip():
        raise NotAllowed("a withdrawal needs a reason")
    locked = locked_aanvraag(aanvraag)
    return move(locked, user=user, to=Status.INGETROKKEN, reason=reason.strip())


# The stadsdeel's side ----------------------------------------------------------------------------


@transaction.atomic
def aanvraag_accept(*, aanvraag, user):
    """Ontvankelijk: the aanvraag is complete, assessment starts."""
    locked = locked_aanvraag(aanvraag)
    move(locked, user=user, to=Status.IN_BEHANDELING)
    locked.reviewer = user
    locked.save(update_fields=["reviewer"])
    return locked


@transaction.atomic
def aanvraag_request_aanvulling(*, aanvraag, user, question, due_on):
    if not question.strip():
        raise NotAllowed("an aanvulling needs a question")
    today = timezone.localdate()
    if due_on <= today:
        raise NotAllowed("due date must be in the future")
    locked = locked_aanvraag(aanvraag)
    move(locked, user=user, to=Status.AANVULLING_GEVRAAGD, reason=question.strip())
    Aanvulling.objects.create(aanvraag=locked, question=question.strip(), asked_by=user, asked_on=today, due_on=due_on)
    mail_after_commit(
        template="subsidies/mail/aanvulling_gevraagd.txt",
        context={"aanvraag": locked, "question": question.strip(), "due_on": due_on},
        to=applicant_addresses(locked),
    )
    return locked


@transaction.atomic
def aanvraag_score(*, aanvraag, user, condition, verdict, motivation=""):
    locked = locked_aanvraag(aanvraag)
    if locked.status != Status.IN_BEHANDELING or not may_act(user, locked, Actor.REVIEWER):
        raise NotAllowed("scoring needs a reviewer and an aanvraag in behandeling")
    if condition.regeling_id != locked.ronde.regeling_id:
        raise NotAllowed("condition of another regeling")
    motivation = motivation.strip()
    if verdict != Score.Verdict.VOLDOET and not motivation:
        raise NotAllowed("motivation required")
    score, _created = Score.objects.update_or_create(
        aanvraag=locked,
        condition=condition,
        defaults={
            "condition_version": condition.current_version(),
            "verdict": verdict,
            "motivation": motivation,
            "assessed_by": user,
            "assessed_at": timezone.now(),
        },
    )
    record(
        action=AuditEvent.Action.ASSESS,
        actor=user,
        obj=locked,
        organisation=locked.organisation,
        changes={"voorwaarde": condition.slug, "oordeel": verdict},
    )
    return score


def unscored_conditions(aanvraag):
    scored = set(aanvraag.scores.values_list("condition_id", flat=True))
    return [condition for condition in conditions_for(aanvraag) if condition.pk not in scored]


@transaction.atomic
def aanvraag_advise(*, aanvraag, user, advice, amount_cents, motivation):
    locked = locked_aanvraag(aanvraag)
    if unscored_conditions(locked):
        raise NotAllowed("every condition needs a score first")
    if not motivation.strip():
        raise NotAllowed("an advice needs a motivation")
    amount_cents = _checked_amount(locked, advice, amount_cents)
    move(locked, user=user, to=Status.ADVIES, reason=motivation.strip())
    locked.advice = advice
    locked.advice_cents = amount_cents
    locked.advice_motivation = motivation.strip()
    locked.advised_by = user
    locked.advised_at = timezone.now()
    locked.save(update_fields=["advice", "advice_cents", "advice_motivation", "advised_by", "advised_at"])
    return locked


def _checked_amount(aanvraag, advice_or_outcome, amount_cents):
    """The amount that fits the outcome: all of the request, part of it, or nothing."""
    if advice_or_outcome in {Aanvraag.Advice.AFWIJZEN, Besluit.Outcome.AFGEWEZEN}:
        return 0
    if advice_or_outcome in {Aanvraag.Advice.VERLENEN, Besluit.Outcome.VERLEEND}:
        return aanvraag.requested_cents
    if amount_cents is None or not 0 < amount_cents < aanvraag.requested_cents:
        raise NotAllowed("a partial grant is more than nothing and less than the request")
    return amount_cents


@transaction.atomic
def aanvraag_send_back(*, aanvraag, user, reason):
    if not reason.strip():
        raise NotAllowed("sending an advice back needs a reason")
    locked = locked_aanvraag(aanvraag)
    return move(locked, user=user, to=Status.IN_BEHANDELING, reason=reason.strip())


OBLIGATIONS = {
    Track.Accountability.STATEMENT: _("Na afloop stuurt u een korte verklaring (één pagina) over wat er is gedaan."),
    Track.Accountability.FINAL: _("Na afloop stuurt u één eindverslag met de resultaten en de uitgaven."),
    Track.Accountability.HALF_YEARLY: _(
        "U stuurt elk half jaar een verslag: over januari–juni uiterlijk %(h1)s, over juli–december uiterlijk "
        "%(h2)s. Het laatste verslag is het eindverslag."
    ),
}


def day_and_month(text):
    """ "15-07" -> "15 juli", as a letter says it."""
    return date_format(report_date(text, 2000), "j F")


def default_obligations(aanvraag):
    text = OBLIGATIONS[aanvraag.track.accountability]
    if aanvraag.track.accountability == Track.Accountability.HALF_YEARLY:
        text = text % {
            "h1": day_and_month(aanvraag.ronde.h1_report_due),
            "h2": day_and_month(aanvraag.ronde.h2_report_due),
        }
    return str(text)


@transaction.atomic
def aanvraag_decide(
    *,
    aanvraag,
    user,
    outcome,
    amount_cents,
    motivation,
    obligations="",
    verzenddatum=None,
    ingangsdatum=None,
    vervaldatum=None,
):
    """The beslisser's besluit. Four eyes: nobody who assessed or advised may decide. The ronde's row
    is locked first, so two beslissers deciding at once never grant more than the plafond."""
    if not motivation.strip():
        raise NotAllowed("a besluit needs a motivation")
    ronde = Ronde.objects.select_for_update().get(pk=aanvraag.ronde_id)
    locked = locked_aanvraag(aanvraag)
    if not can_move(user, locked, outcome):
        raise NotAllowed(f"{locked.status} -> {outcome}")
    assessors = set(locked.scores.values_list("assessed_by_id", flat=True)) | {locked.advised_by_id, locked.reviewer_id}
    if user.pk in assessors:
        raise FourEyes
    amount_cents = _checked_amount(locked, outcome, amount_cents)
    remaining = ronde.remaining_cents()
    if amount_cents > remaining:
        raise PlafondExceeded(remaining)
    today = timezone.localdate()
    verzenddatum = verzenddatum or today
    besluit = Besluit.objects.create(
        aanvraag=locked,
        outcome=outcome,
        amount_cents=amount_cents,
        motivation=motivation.strip(),
        obligations=(obligations.strip() or default_obligations(locked))
        if outcome != Besluit.Outcome.AFGEWEZEN
        else "",
        besluitdatum=today,
        ingangsdatum=ingangsdatum or (ronde.period_start if outcome != Besluit.Outcome.AFGEWEZEN else None),
        vervaldatum=vervaldatum or (ronde.period_end if outcome != Besluit.Outcome.AFGEWEZEN else None),
        verzenddatum=verzenddatum,
        bezwaar_deadline=bezwaar_deadline(verzenddatum),
        decided_by=user,
        advised_by_id=locked.advised_by_id,
    )
    move(locked, user=user, to=outcome, reason=motivation.strip())
    if besluit.is_granted:
        obligations_create(aanvraag=locked, besluit=besluit)
    mail_after_commit(
        template="subsidies/mail/besluit.txt",
        context={"aanvraag": locked, "besluit": besluit},
        to=applicant_addresses(locked),
    )
    return besluit


@transaction.atomic
def decide_batch(*, aanvragen, user, motivation):
    """Grant several klein-initiatief aanvragen with a positive advice at once: all or none.
    Each still gets its own besluit, history row and mail."""
    besluiten = []
    for aanvraag in sorted(aanvragen, key=lambda a: a.pk):
        if not aanvraag.track.is_short or aanvraag.advice != Aanvraag.Advice.VERLENEN:
            raise NotAllowed(f"{aanvraag.dossiernummer} is not a klein initiatief with a positive advice")
        besluiten.append(
            aanvraag_decide(
                aanvraag=aanvraag, user=user, outcome=Besluit.Outcome.VERLEEND, amount_cents=None, motivation=motivation
            )
        )
    return besluiten


def dossier_exported(*, aanvraag, user):
    """Who took a whole dossier (personal data, attachments) out of the portal, and when. In the
    administrators' audit log only, not in the organisation's logboek."""
    record(action=AuditEvent.Action.EXPORT, actor=user, obj=aanvraag, changes={"download": "dossier.zip"})
