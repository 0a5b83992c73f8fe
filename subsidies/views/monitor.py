"""The monitor under /beoordeling/monitor/ (DESIGN.md §5): what the stadsdeel funds and what it
brought, the indicators, the catalogue's coverage and freshness, and the duiding on them.

The filters are GET parameters, so a view can be shared; `formaat=csv|xlsx&tabel=<key>` exports
one table exactly as the page shows it for those filters."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.access import staff_required
from subsidies import exports
from subsidies.monitor import monitor
from subsidies.monitor_forms import VIEWS, MonitorNoteForm
from subsidies.monitor_notes import monitor_note_add


@require_safe
@staff_required
def monitor_page(request):
    result = monitor(request.user, request.GET)
    export = request.GET.get("formaat")
    if export in {"csv", "xlsx"}:
        table = result.tables.get(request.GET.get("tabel", ""))
        if table is None:
            raise Http404(_("Deze tabel bestaat niet."))
        return _csv(table) if export == "csv" else _xlsx(table)
    return render(
        request, "subsidies/monitor/monitor.html", _context(request, result, MonitorNoteForm(user=request.user))
    )


@require_POST
@staff_required
def monitor_note(request):
    """Add a duiding; a form with a mistake comes back on the monitor with its message (422)."""
    form = MonitorNoteForm(request.POST, user=request.user)
    if form.is_valid():
        note = monitor_note_add(
            user=request.user,
            view=form.cleaned_data["view"],
            stadsdeel=form.cleaned_data["stadsdeel"],
            text=form.cleaned_data["text"],
        )
        messages.success(request, _("Uw duiding staat bij de monitor."))
        return redirect(f"{reverse('staff:monitor')}#{note.view}")
    result = monitor(request.user, {})
    return render(request, "subsidies/monitor/monitor.html", _context(request, result, form), status=422)


def _context(request, result, note_form):
    params = request.GET.copy()
    for name in ["formaat", "tabel"]:
        params.pop(name, None)
    labels = dict(VIEWS)
    return {
        "monitor": result,
        "form": result.form,
        "tables": result.tables,
        "charts": result.charts,
        "sections": [{"view": view, "label": labels[view], "notes": result.notes[view]} for view, _label in VIEWS],
        "note_form": note_form,
        "query": params.urlencode(),
    }


def _filename(table, extension):
    return f"monitor-{table.key}-{timezone.localdate():%Y-%m-%d}.{extension}"


def _csv(table):
    return exports.csv_response(_filename(table, "csv"), [c.label for c in table.columns], table.export_rows())


def _xlsx(table):
    header = [c.label for c in table.columns]
    return exports.xlsx_response(_filename(table, "xlsx"), table.key, header, table.export_rows())
