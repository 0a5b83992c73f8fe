"""Small access helpers: every organisation-area view gets its objects through these.

Another organisation's object is a 404, not a 403, so its existence is not confirmed.
Each refusal is written to the audit log.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404

from audit.models import AuditEvent, record
from organisations.models import Organisation


def deny(request, reason):
    record(
        action=AuditEvent.Action.PERMISSION_DENIED, actor=request.user, path=request.path, changes={"reason": reason}
    )


def member_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.organisation_ids:
            raise PermissionDenied("Geen lid van een organisatie.")
        return view(request, *args, **kwargs)

    return wrapper


def organisation_for(request, org_id, *, admin=False):
    organisation = Organisation.objects.editable_by(request.user).filter(pk=org_id).first()
    if organisation is None:
        deny(request, f"organisation {org_id}")
        raise Http404
    if admin and organisation.pk not in request.user.admin_organisation_ids:
        raise PermissionDenied("Alleen voor beheerders van de organisatie.")
    return organisation
