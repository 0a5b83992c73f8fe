"""Writing a duiding on the monitor: the one write of the monitor, like the services (keyword-only,
one transaction, audit row inside it)."""

from django.db import transaction

from audit.models import AuditEvent, record
from subsidies.models import MonitorNote
from subsidies.selectors import staff_stadsdelen
from subsidies.services import NotAllowed


@transaction.atomic
def monitor_note_add(*, user, view, stadsdeel, text):
    """A dated, signed note on a part of the monitor, for one of this person's stadsdelen (or, for
    the functional administrator, the whole city)."""
    if stadsdeel is None and not user.is_superuser:
        raise NotAllowed("only the functional administrator writes for the whole city")
    if stadsdeel is not None and not staff_stadsdelen(user).filter(pk=stadsdeel.pk).exists():
        raise NotAllowed("not one of this person's stadsdelen")
    if not text.strip():
        raise NotAllowed("empty note")
    note = MonitorNote.objects.create(stadsdeel=stadsdeel, view=view, text=text.strip(), author=user)
    record(action=AuditEvent.Action.CREATE, actor=user, obj=note, changes={"view": view, "text": note.text})
    return note
