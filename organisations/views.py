"""The organisation's own screens: colleagues, invitations and the log."""

from contextlib import suppress

from django.apps import apps
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from accounts.models import User
from audit.models import AuditEvent
from organisations.access import member_required, organisation_for
from organisations.forms import InvitationForm
from organisations.models import Invitation
from organisations.services import InvitationInvalid, invitation_accept, invitation_create, open_invitation


@member_required
@require_http_methods(["GET", "POST"])
def colleagues(request, org_id):
    organisation = organisation_for(request, org_id, admin=True)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation_create(
            organisation=organisation,
            email=form.cleaned_data["email"],
            is_admin=form.cleaned_data["is_admin"],
            invited_by=request.user,
            base_url=request.build_absolute_uri("/").rstrip("/"),
        )
        messages.success(request, _("De uitnodiging is verstuurd naar %(email)s.") % form.cleaned_data)
        return redirect("organisations:colleagues", org_id=organisation.pk)
    context = {
        "organisation": organisation,
        "form": form,
        "members": organisation.memberships.select_related("user").order_by("user__email"),
        "invitations": [i for i in Invitation.objects.filter(organisation=organisation)[:50] if i.is_open],
    }
    return render(request, "organisations/colleagues.html", context, status=422 if form.errors else 200)


# The keys the services write to the log that are no field of the object itself.
CHANGE_LABELS = {
    "after": gettext_lazy("alle gegevens"),
    "before": gettext_lazy("alle gegevens"),
    "activities": gettext_lazy("activiteiten op deze plek"),
    "copied_from": gettext_lazy("gekopieerd van"),
    "reason": gettext_lazy("reden"),
    "comment": gettext_lazy("opmerking"),
    "schedule": gettext_lazy("wanneer"),
    "wheelchair_accessible": gettext_lazy("toegankelijk met rolstoel"),
    "is_admin": gettext_lazy("beheerder"),
    "requested_cents": gettext_lazy("gevraagd bedrag"),
}


def _changed(event):
    """What an event changed, in the words of its object's fields, not the keys of the code."""
    try:
        model = apps.get_model(event.object_type) if event.object_type else None
    except LookupError:
        model = None
    labels = []
    for key in event.changes:
        label = CHANGE_LABELS.get(key)
        if label is None and model is not None:
            with suppress(FieldDoesNotExist):
                # A reverse relation ("activiteiten" of an aanvraag) has no verbose name: its key is Dutch already.
                label = getattr(model._meta.get_field(key), "verbose_name", None)
        labels.append(str(label or key.replace("_", " ")))
    return ", ".join(dict.fromkeys(labels))


@member_required
def audit_log(request, org_id):
    organisation = organisation_for(request, org_id, admin=True)
    events = AuditEvent.objects.visible_to(request.user).filter(organisation_id=organisation.pk)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    for event in page.object_list:
        event.changed = _changed(event)
    return render(request, "organisations/audit_log.html", {"organisation": organisation, "page": page})


@require_http_methods(["GET", "POST"])
def accept_invitation(request, token):
    try:
        invitation = open_invitation(token)
    except InvitationInvalid:
        return render(request, "registration/invitation_invalid.html", status=404)
    existing = User.objects.filter(email=invitation.email).first()
    form = None if existing else SetPasswordForm(User(email=invitation.email), request.POST or None)
    if request.method == "POST" and (existing or form.is_valid()):
        if existing and request.user != existing:
            messages.info(
                request, _("Log eerst in met %(email)s om de uitnodiging aan te nemen.") % {"email": invitation.email}
            )
            return redirect(f"/accounts/login/?next={request.path}")
        user = invitation_accept(
            invitation=invitation, password=None if existing else form.cleaned_data["new_password1"]
        )
        if not existing:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welkom bij %(name)s.") % {"name": invitation.organisation.name})
        return redirect("organisations:organisation", org_id=invitation.organisation_id)
    return render(
        request, "registration/invitation_accept.html", {"invitation": invitation, "form": form, "existing": existing}
    )
