"""Writes for organisations: invitations and memberships."""

import re

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from audit.models import AuditEvent, record
from organisations.models import Invitation, Membership, Organisation


class InvitationInvalid(Exception):
    pass


@transaction.atomic
def invitation_create(*, organisation, email, is_admin, invited_by, base_url):
    email = email.strip().lower()
    invitation = Invitation.objects.create(
        organisation=organisation, email=email, is_admin=is_admin, invited_by=invited_by
    )
    record(
        action=AuditEvent.Action.INVITE,
        actor=invited_by,
        obj=invitation,
        organisation=organisation,
        changes={"email": email, "is_admin": is_admin},
    )
    link = base_url + reverse("invitation-accept", args=[invitation.token])
    body = render_to_string(
        "registration/invitation_email.txt",
        {"organisation": organisation, "invited_by": invited_by, "link": link, "invitation": invitation},
    )
    transaction.on_commit(
        lambda: send_mail(
            f"Uitnodiging voor {organisation.name} op Sociale Basis Amsterdam",
            body,
            settings.DEFAULT_FROM_EMAIL,
            [email],
        )
    )
    return invitation


# A token is URL-safe base64 (models._token), so anything else names no invitation; a NUL byte
# would even make PostgreSQL refuse the query instead of finding nothing.
_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")


def open_invitation(token):
    if not _TOKEN.fullmatch(token):
        raise InvitationInvalid
    invitation = Invitation.objects.select_related("organisation").filter(token=token).first()
    if invitation is None or not invitation.is_open:
        raise InvitationInvalid
    return invitation


@transaction.atomic
def invitation_accept(*, invitation, password=None, name=""):
    """Join the organisation; a new user gets an account with the chosen password."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise InvitationInvalid
    user = User.objects.filter(email=invitation.email).first()
    if user is None:
        user = User.objects.create_user(invitation.email, password, name=name)
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=invitation.organisation, defaults={"is_admin": invitation.is_admin}
    )
    if not created and invitation.is_admin and not membership.is_admin:
        membership.is_admin = True
        membership.save(update_fields=["is_admin"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    record(action=AuditEvent.Action.JOIN, actor=user, obj=membership, organisation=invitation.organisation)
    return user


def organisation_for_import(*, name, kvk):
    """The organisation a catalogue import names: matched on KvK number, or on name without one.

    A known organisation takes the name the file gives it. The exchange format has no kind, so a
    new one gets a guess that an administrator corrects where it is wrong.
    """
    if kvk:
        organisation = Organisation.objects.filter(kvk=kvk).first()
    else:
        organisation = Organisation.objects.filter(kvk="", name__iexact=name).first()
    if organisation is None:
        kind = Organisation.Kind.WELFARE if kvk else Organisation.Kind.RESIDENTS
        return Organisation.objects.create(name=name, kvk=kvk, kind=kind)
    if organisation.name != name:
        organisation.name = name
        organisation.save(update_fields=["name"])
    return organisation
