"""The monthly mail to each organisation about its activities not checked for half a year."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string

from activities.models import VERIFY_EVERY, Activity, FreshnessReminder
from organisations.models import Organisation

logger = logging.getLogger(__name__)


def _addresses(organisation):
    if organisation.email:
        return [organisation.email]
    return list(organisation.memberships.filter(is_admin=True).values_list("user__email", flat=True))


def send_freshness_reminders(*, today):
    """Mail each organisation with unchecked activities once this month; returns a line per mail sent."""
    month = today.replace(day=1)
    stale = Activity.objects.not_verified_since(today - VERIFY_EVERY).order_by("last_verified", "title")
    already = FreshnessReminder.objects.filter(month=month).values("organisation_id")
    sent = []
    for organisation in Organisation.objects.filter(activities__in=stale).exclude(pk__in=already).distinct():
        activities = list(stale.filter(organisation=organisation))
        recipients = _addresses(organisation)
        if not recipients:
            continue
        with transaction.atomic():
            _reminder, created = FreshnessReminder.objects.get_or_create(
                organisation=organisation, month=month, defaults={"activity_count": len(activities)}
            )
            if not created:  # another run got there first
                continue
            body = render_to_string(
                "activities/mail/freshness_reminder.txt", {"organisation": organisation, "activities": activities}
            )
            subject, _sep, body = body.partition("\n\n")
            transaction.on_commit(lambda s=subject, b=body, r=recipients: _send(s, b, r))
        sent.append(f"{organisation.name}: {len(activities)} activiteiten, aan {', '.join(recipients)}")
    return sent


def _send(subject, body, recipients):
    try:
        send_mail(subject.strip(), body, settings.DEFAULT_FROM_EMAIL, recipients)
    except Exception:
        # The row stays: a mail server that is down is logged, not retried into a double mail.
        logger.exception("Freshness reminder to %s not sent", recipients)
