import mimetypes
import sys

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from activities.models import Bouwsteen
from audit.models import AuditEvent, record
from stadsdelen.models import Stadsdeel


@require_GET
def home(request):
    context = {
        "bouwstenen": Bouwsteen.objects.all(),
        "stadsdelen": Stadsdeel.objects.current(),
    }
    return render(request, "home.html", context)


@require_GET
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


def permission_denied(request, exception=None):
    record(
        action=AuditEvent.Action.PERMISSION_DENIED,
        actor=request.user,
        path=request.path,
        changes={"reason": str(exception or "")[:200]},
    )
    return render(request, "403.html", status=403)


def too_many_requests(request, exception=None):
    """Too many logins or reset mails from one address: refused before any work, with a clear page."""
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


@require_GET
def media(request, path):
    """Uploaded files from the shared storage, for setups without a public bucket URL."""
    if not default_storage.exists(path):
        raise Http404
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = FileResponse(default_storage.open(path), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=86400"
    return response
