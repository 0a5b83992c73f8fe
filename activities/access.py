"""The organisation area gets an activity only through here: another organisation's is a 404."""

from django.http import Http404

from activities.models import Activity, Location
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


def activities_for(request, organisation, pks):
    """The organisation's activities among `pks` (from a form with a checkbox per activity); one that
    is not the person's is refused and logged like a single one would be."""
    wanted = {int(pk) for pk in pks if str(pk).isdigit()}
    activities = list(
        Activity.objects.editable_by(request.user).filter(organisation=organisation, pk__in=wanted).order_by("title")
    )
    if len(activities) != len(wanted):
        deny(request, f"activities {sorted(wanted - {activity.pk for activity in activities})}")
        raise Http404
    return activities


def saved_location_for(request, pk):
    """One of the person's organisations' saved locations; another's (or an old shared one) is a 404."""
    location = Location.objects.editable_by(request.user).select_related("organisation", "gebied").filter(pk=pk).first()
    if location is None:
        deny(request, f"location {pk}")
        raise Http404
    return location
