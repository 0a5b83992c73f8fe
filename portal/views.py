import mimetypes
import sys

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from activities.catalogue_cache import cached, catalogue_version
from activities.models import VERIFY_EVERY, Activity, Bouwsteen
from audit.models import AuditEvent, record
from organisations.access import member_required, organisation_for
from organisations.models import Organisation
from stadsdelen.models import Stadsdeel


@require_safe
def home(request):
    context = {
        "bouwstenen": Bouwsteen.objects.all(),
        "stadsdelen": Stadsdeel.objects.current(),
        # For whoever cannot or would rather not go out; offered only when there is something to find.
        # Once per catalogue version: without an index on it the question reads every activity.
        "has_online": cached(
            catalogue_version(), ("has_online",), Activity.objects.published().filter(online=True).exists
        ),
    }
    return render(request, "home.html", context)


@require_safe
@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@login_required
def after_login(request):
    """Send each person to their own area after logging in."""
    user = request.user
    if user.organisation_ids:
        return redirect("organisations:dashboard")
    if user.staff_stadsdeel_ids:
        return redirect("staff:dashboard")
    if user.is_staff:
        return redirect("admin:index")
    return redirect("home")


# The organisation area's home pages: they compose what the apps below show. ----------------------


@member_required
def organisation_dashboard(request):
    organisations = Organisation.objects.editable_by(request.user)
    if len(organisations) == 1:
        return redirect("organisations:organisation", org_id=organisations[0].pk)
    return render(request, "portal/organisation_dashboard.html", {"organisations": organisations})


@member_required
def organisation_home(request, org_id):
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
    return render(request, "portal/organisation_home.html", context)


def permission_denied(request, exception=None):
    record(
        action=AuditEvent.Action.PERMISSION_DENIED,
        actor=request.user,
        path=request.path,
        changes={"reason": str(exception or "")[:200]},
    )
    return render(request, "403.html", status=403)


def too_many_requests(request, exception=None):
    """Too many logins, reset mails or feedback answers from one address: refused before any work."""
    response = render(request, "429.html", status=429)
    response["Retry-After"] = "60"
    return response


def server_error(request):
    """A 503 with Retry-After while the database is away; otherwise a plain 500. Needs no database."""
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponse(render_to_string("500.html"), status=500)


def bad_request(request, exception=None):
    return HttpResponse(render_to_string("400.html"), status=400)


@require_safe
def media(request, path):
    """Uploaded files from the shared storage, for setups without a public bucket URL."""
    if not default_storage.exists(path):
        raise Http404
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = FileResponse(default_storage.open(path), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=86400"
    return response
