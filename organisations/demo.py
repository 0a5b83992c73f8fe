"""The demo accounts of DESIGN.md §6."""

import os

from django.db import transaction

from accounts.models import StaffRole, User
from organisations.models import Membership, Organisation
from stadsdelen.models import Stadsdeel

DEFAULT_PASSWORD = "demo-sociale-basis"


def _organisation_in(stadsdeel_slug, exclude=None):
    organisations = Organisation.objects.filter(activities__location__gebied__stadsdeel__slug=stadsdeel_slug).exclude(
        pk__in=[exclude.pk] if exclude else []
    )
    return organisations.order_by("pk").first()


def demo_user(email, **extra):
    """A demo account with the demo password, made once."""
    account, created = User.objects.get_or_create(email=email, defaults=extra)
    if created:
        account.set_password(os.environ.get("DEMO_PASSWORD", DEFAULT_PASSWORD))
        account.save()
    return account


@transaction.atomic
def create_demo_accounts():
    user = demo_user
    noord_org = _organisation_in("noord")
    zuid_org = _organisation_in("zuid", exclude=noord_org)
    if noord_org:
        Membership.objects.get_or_create(
            user=user("org.noord@demo.nl", name="Noor Demo"), organisation=noord_org, defaults={"is_admin": True}
        )
    if zuid_org:
        Membership.objects.get_or_create(
            user=user("org.zuid@demo.nl", name="Zara Demo"), organisation=zuid_org, defaults={"is_admin": True}
        )
    noord = Stadsdeel.objects.get(slug="noord")
    zuid = Stadsdeel.objects.get(slug="zuid")
    for email, role, stadsdeel in [
        ("beoordelaar.noord@demo.nl", StaffRole.Role.REVIEWER, noord),
        ("beslisser.noord@demo.nl", StaffRole.Role.DECIDER, noord),
        ("beoordelaar.zuid@demo.nl", StaffRole.Role.REVIEWER, zuid),
    ]:
        StaffRole.objects.get_or_create(user=user(email), role=role, stadsdeel=stadsdeel)
    user("admin@demo.nl", is_staff=True, is_superuser=True, name="Functioneel beheer")
    return noord_org, zuid_org
