from django.shortcuts import render

from accounts.access import staff_required
from staff.selectors import catalogue_freshness, subsidy_overview


@staff_required
def dashboard(request):
    """Per stadsdeel of this person: the aanvragen that wait, the rondes, and how current the catalogue is."""
    summary, stale = catalogue_freshness(request.user)
    context = {"summary": summary, "stale": stale, "subsidies": subsidy_overview(request.user)}
    return render(request, "staff/dashboard.html", context)
