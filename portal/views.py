from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
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
