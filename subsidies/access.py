"""Views get an aanvraag only through these: a foreign one is a 404, never a 403 with a title in it."""

from django.http import Http404

from organisations.access import deny
from subsidies.models import Aanvraag

RELATED = ("organisation", "ronde__stadsdeel", "ronde__regeling", "track")


def aanvraag_for_member(request, pk):
    """One of the organisation's own aanvragen."""
    return _get(request, Aanvraag.objects.editable_by(request.user), pk)


def aanvraag_for_staff(request, pk):
    """An aanvraag in one of this person's stadsdelen."""
    return _get(request, Aanvraag.objects.for_staff(request.user), pk)


def _get(request, queryset, pk):
    aanvraag = queryset.select_related(*RELATED).filter(pk=pk).first()
    if aanvraag is None:
        deny(request, f"aanvraag {pk}")
        raise Http404
    return aanvraag
