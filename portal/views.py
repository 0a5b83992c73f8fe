from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from activities.models import Bouwsteen
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
