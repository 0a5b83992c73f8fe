from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.forms import SetPasswordForm
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import Invitation, User
from accounts.services import InvitationInvalid, invitation_accept, invitation_create, open_invitation
from activities import structured_data
from activities.models import VERIFY_EVERY, Activity, Organisation
from activities.services import (
    ConcurrentEdit,
    TransitionNotAllowed,
    activity_create,
    activity_duplicate,
    activity_set_status,
    activity_update,
    activity_verify,
)
from audit.models import AuditEvent
from organisations.access import activity_for, member_required, organisation_for
from organisations.forms import ActivityForm, InvitationForm, schedule_formset, schedule_rows


@member_required
def dashboard(request):
    organisations = Organisation.objects.editable_by(request.user)
    if len(organisations) == 1:
        return redirect("organisations:organisation", org_id=organisations[0].pk)
    return render(request, "organisations/dashboard.html", {"organisations": organisations})


@member_required
def organisation_detail(request, org_id):
    organisation = organisation_for(request, org_id)
    activities = (
        Activity.objects.editable_by(request.user)
        .filter(organisation=organisation)
        .select_related("location__gebied")
        .order_by("status", "title")
    )
    status = request.GET.get("status")
    if status in Activity.Status.values:
        activities = activities.filter(status=status)
    stale = (
        Activity.objects.editable_by(request.user)
        .filter(organisation=organisation)
        .not_verified_since(timezone.localdate() - VERIFY_EVERY)
        .order_by("last_verified")
    )
    page = Paginator(activities, 50).get_page(request.GET.get("page"))
    context = {
        "organisation": organisation,
        "page": page,
        "stale": stale[:50],
        "stale_count": stale.count(),
        "status": status,
        "statuses": Activity.Status.choices,
        "is_admin": organisation.pk in request.user.admin_organisation_ids,
    }
    return render(request, "organisations/organisation.html", context)


def _render_form(request, organisation, form, schedule, activity=None, status=200):
    context = {"organisation": organisation, "form": form, "schedule": schedule, "activity": activity}
    return render(request, "organisations/activity_form.html", context, status=status)


@member_required
@require_http_methods(["GET", "POST"])
def activity_new(request, org_id):
    organisation = organisation_for(request, org_id)
    if request.method == "POST":
        form = ActivityForm(request.POST, request.FILES)
        schedule = schedule_formset(request.POST)
        if form.is_valid() and schedule.is_valid():
            activity = activity_create(
                organisation=organisation,
                user=request.user,
                data=form.cleaned_data,
                schedule=schedule_rows(schedule),
                photo=form.cleaned_data.get("photo"),
                creation_key=form.cleaned_data.get("creation_key"),
            )
            messages.success(request, _("De activiteit is opgeslagen als concept. Bekijk het voorbeeld en publiceer."))
            return redirect("organisations:activity-preview", pk=activity.pk)
        return _render_form(request, organisation, form, schedule, status=422)
    return _render_form(request, organisation, ActivityForm(), schedule_formset())


@member_required
@require_http_methods(["GET", "POST"])
def activity_edit(request, pk):
    activity = activity_for(request, pk)
    if request.method == "POST":
        form = ActivityForm(request.POST, request.FILES, instance=activity)
        schedule = schedule_formset(request.POST)
        if form.is_valid() and schedule.is_valid():
            try:
                activity_update(
                    activity=activity,
                    user=request.user,
                    data=form.cleaned_data,
                    schedule=schedule_rows(schedule),
                    expected_version=form.cleaned_data.get("version"),
                    photo=form.cleaned_data.get("photo"),
                )
            except ConcurrentEdit:
                form.add_error(
                    None,
                    _(
                        "Iemand anders heeft deze activiteit veranderd terwijl jij bezig was. "
                        "Jouw tekst staat hieronder nog. Open de activiteit opnieuw in een ander tabblad, "
                        "vergelijk, en sla daarna op."
                    ),
                )
                return _render_form(request, activity.organisation, form, schedule, activity, status=409)
            messages.success(request, _("Je wijzigingen zijn opgeslagen."))
            return redirect("organisations:activity-preview", pk=activity.pk)
        return _render_form(request, activity.organisation, form, schedule, activity, status=422)
    return _render_form(
        request, activity.organisation, ActivityForm(instance=activity), schedule_formset(activity=activity), activity
    )


@member_required
def activity_preview(request, pk):
    activity = activity_for(request, pk)
    activity = Activity.objects.for_detail().get(pk=activity.pk)
    context = {
        "activity": activity,
        "preview": True,
        "json_ld": structured_data.as_json_ld(activity, request),
    }
    return render(request, "organisations/activity_preview.html", context)


@member_required
@require_POST
def activity_status(request, pk):
    activity = activity_for(request, pk)
    status = request.POST.get("status")
    try:
        activity_set_status(activity=activity, user=request.user, status=status)
    except TransitionNotAllowed:
        messages.error(request, _("Dat kan niet met deze activiteit."))
    else:
        messages.success(
            request,
            {
                Activity.Status.PUBLISHED: _("De activiteit staat nu op de website."),
                Activity.Status.ARCHIVED: _("De activiteit is gearchiveerd en staat niet meer op de website."),
                Activity.Status.DRAFT: _("De activiteit is weer een concept en staat niet meer op de website."),
            }[status],
        )
    return redirect("organisations:organisation", org_id=activity.organisation_id)


@member_required
@require_POST
def activity_copy(request, pk):
    activity = activity_for(request, pk)
    copy = activity_duplicate(activity=activity, user=request.user)
    messages.success(request, _("Er is een kopie gemaakt. Pas de kopie aan en publiceer hem."))
    return redirect("organisations:activity-edit", pk=copy.pk)


@member_required
@require_POST
def activity_still_correct(request, pk):
    activity = activity_for(request, pk)
    activity_verify(activity=activity, user=request.user)
    messages.success(request, _("Dank je. We hebben genoteerd dat “%(title)s” nog klopt.") % {"title": activity.title})
    return redirect("organisations:organisation", org_id=activity.organisation_id)


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


@member_required
def audit_log(request, org_id):
    organisation = organisation_for(request, org_id, admin=True)
    events = AuditEvent.objects.visible_to(request.user).filter(organisation=organisation)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
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
