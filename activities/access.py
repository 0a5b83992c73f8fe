"""The organisation area gets an activity only through here: another organisation's is a 404."""

from django.http import Http404

from activities.models import Activity
from organisations.access import deny


def activity_for(request, pk):
    activity = (
        Activity.objects.editable_by(request.user)
        .select_related("organisation", "location__gebied__stadsdeel", "bouwsteen")
        .filter(pk=pk)
        .first()
    )
    if activity is None:
        deny(request, f"activity {pk}")
        raise Http404
    return activity
