"""The staff's screens for subsidies under /beoordeling/: the work list, the dossier with its
actions, the batch decision, the beschikking and the dossier export.

Every aanvraag comes through `access.aanvraag_for_staff` (404 outside one's stadsdelen); every
write goes through `subsidies.services`; each action is a POST that redirects back to the dossier,
or shows the dossier again with the form's messages (422)."""

import base64
import hashlib
import io
import json
import re
import zipfile

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.access import staff_required
from subsidies import documents, exports, reporting, selectors, services
from subsidies.access import aanvraag_for_staff
from subsidies.money import euros
from subsidies.staff_forms import AanvullingForm, AdviceForm, BatchForm, DecideForm, ScoresForm, SendBackForm
from subsidies.workflow import Status

# The work list ----------------------------------------------------------------------------------

EXPORT_COLUMNS = [
    _("Dossiernummer"),
    _("Organisatie"),
    _("Project"),
    _("Stadsdeel"),
    _("Ronde"),
    _("Route"),
    _("Status"),
    _("Gevraagd (€)"),
    _("Ontvangen op"),
    _("Uiterste besluitdatum"),
    _("Dagen over"),
    _("Beslistermijn"),
    _("Bouwstenen"),
    _("Gebieden"),
    _("Verleend (€)"),
]


@require_safe
@staff_required
def work_list(request):
    """The aanvragen in this person's stadsdelen; `formaat=csv|xlsx` exports exactly the filtered list."""
    export = request.GET.get("formaat")
    if export in {"csv", "xlsx"}:
        result = selectors.work_list(request.user, request.GET, export=True)
        return _export_csv(result) if export == "csv" else _export_xlsx(result)
    result = selectors.work_list(request.user, request.GET, page_number=request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("formaat", None)
    context = {"result": result, "filterset": result.filterset, "query": params.urlencode()}
    return render(request, "subsidies/staff/work_list.html", context)


def _export_values(row, term):
    granted = row["besluit__amount_cents"]
    return [
        row["dossiernummer"],
        row["organisation__name"],
        row["projectnaam"],
        row["ronde__stadsdeel__name"],
        row["ronde__name"],
        row["track__name"],
        str(Status(row["status"]).label),
        exports.amount(row["requested_cents"]),
        row["received_on"],
        term.deadline,
        term.days_left,
        term.label,
        ", ".join(sorted(row["bouwstenen"])),
        ", ".join(sorted(row["gebieden"])),
        exports.amount(granted),
    ]


def _export_name(extension):
    return f"aanvragen-{timezone.localdate():%Y-%m-%d}.{extension}"


def _export_csv(result):
    rows = (_export_values(row, term) for row, term in result.rows)
    return exports.csv_response(_export_name("csv"), EXPORT_COLUMNS, rows)


def _export_xlsx(result):
    rows = (_export_values(row, term) for row, term in result.rows)
    return exports.xlsx_response(_export_name("xlsx"), _("Aanvragen"), EXPORT_COLUMNS, rows)


# The dossier and its actions -------------------------------------------------------------------


def _actions(user, aanvraag):
    """The actions this person may take on the aanvraag now, as the workflow allows them."""
    status = aanvraag.status
    may = {
        "accept": status == Status.INGEDIEND and services.can_move(user, aanvraag, Status.IN_BEHANDELING),
        "aanvulling": services.can_move(user, aanvraag, Status.AANVULLING_GEVRAAGD),
        "assess": services.can_move(user, aanvraag, Status.ADVIES),
        "send_back": status == Status.ADVIES and services.can_move(user, aanvraag, Status.IN_BEHANDELING),
        "decide": services.can_move(user, aanvraag, Status.VERLEEND),
    }
    return {name for name, allowed in may.items() if allowed}


def _forms(dossier, actions, bound):
    """The form of each action this person may take: the one just posted, or an empty one."""
    aanvraag = dossier.aanvraag
    makers = {
        # form name: (action it belongs to, how to make an empty one)
        "aanvulling": ("aanvulling", AanvullingForm),
        "scores": ("assess", lambda: ScoresForm(rows=selectors.assessment_rows(aanvraag, dossier.scores))),
        "advice": ("assess", lambda: AdviceForm(aanvraag=aanvraag)),
        "send_back": ("send_back", SendBackForm),
        "decide": (
            "decide",
            lambda: DecideForm(aanvraag=aanvraag, obligations=services.default_obligations(aanvraag)),
        ),
    }
    return {name: bound.get(name) or make() for name, (action, make) in makers.items() if action in actions}


def _render_dossier(request, aanvraag, bound=None, status=200):
    dossier = selectors.dossier(request.user, aanvraag)
    actions = _actions(request.user, dossier.aanvraag)
    context = {
        "dossier": dossier,
        "aanvraag": dossier.aanvraag,
        "actions": actions,
        "forms": _forms(dossier, actions, bound or {}),
        "assessment": selectors.assessment_rows(dossier.aanvraag, dossier.scores),
        "remaining_cents": dossier.aanvraag.ronde.remaining_cents() if "decide" in actions else None,
    }
    return render(request, "subsidies/staff/dossier.html", context, status=status)


@require_safe
@staff_required
def dossier(request, pk):
    return _render_dossier(request, aanvraag_for_staff(request, pk))


def _acting(request, pk, action):
    """The aanvraag, when this person may take this action on it now (else 404 or 403)."""
    aanvraag = aanvraag_for_staff(request, pk)
    if action not in _actions(request.user, aanvraag):
        raise PermissionDenied(_("Deze stap kunt u nu niet zetten bij deze aanvraag."))
    return aanvraag


def _done(request, aanvraag, message):
    messages.success(request, message)
    return redirect("staff:aanvraag", pk=aanvraag.pk)


@require_POST
@staff_required
def accept(request, pk):
    aanvraag = _acting(request, pk, "accept")
    services.aanvraag_accept(aanvraag=aanvraag, user=request.user)
    return _done(request, aanvraag, _("De aanvraag is ontvankelijk en in behandeling."))


@require_POST
@staff_required
def request_aanvulling(request, pk):
    aanvraag = _acting(request, pk, "aanvulling")
    form = AanvullingForm(request.POST)
    if not form.is_valid():
        return _render_dossier(request, aanvraag, {"aanvulling": form}, status=422)
    services.aanvraag_request_aanvulling(
        aanvraag=aanvraag, user=request.user, question=form.cleaned_data["question"], due_on=form.cleaned_data["due_on"]
    )
    return _done(request, aanvraag, _("De vraag om aanvulling is verstuurd. De beslistermijn staat stil."))


@require_POST
@staff_required
def score(request, pk):
    aanvraag = _acting(request, pk, "assess")
    scores = list(aanvraag.scores.all())
    form = ScoresForm(request.POST, rows=selectors.assessment_rows(aanvraag, scores))
    if not form.is_valid():
        return _render_dossier(request, aanvraag, {"scores": form}, status=422)
    for condition, verdict, motivation in form.scores():
        services.aanvraag_score(
            aanvraag=aanvraag, user=request.user, condition=condition, verdict=verdict, motivation=motivation
        )
    return _done(request, aanvraag, _("De oordelen zijn opgeslagen."))


@require_POST
@staff_required
def advise(request, pk):
    aanvraag = _acting(request, pk, "assess")
    form = AdviceForm(request.POST, aanvraag=aanvraag)
    if form.is_valid():
        unscored = services.unscored_conditions(aanvraag)
        if unscored:
            form.add_error(
                None,
                _("Geef eerst een oordeel over elke voorwaarde. Nog open: %(titles)s.")
                % {"titles": ", ".join(condition.title for condition in unscored)},
            )
    if not form.is_valid():
        return _render_dossier(request, aanvraag, {"advice": form}, status=422)
    services.aanvraag_advise(
        aanvraag=aanvraag,
        user=request.user,
        advice=form.cleaned_data["advice"],
        amount_cents=form.cleaned_data["amount"],
        motivation=form.cleaned_data["motivation"],
    )
    return _done(request, aanvraag, _("Het advies is gegeven. Een beslisser neemt nu het besluit."))


@require_POST
@staff_required
def send_back(request, pk):
    aanvraag = _acting(request, pk, "send_back")
    form = SendBackForm(request.POST)
    if not form.is_valid():
        return _render_dossier(request, aanvraag, {"send_back": form}, status=422)
    services.aanvraag_send_back(aanvraag=aanvraag, user=request.user, reason=form.cleaned_data["reason"])
    return _done(request, aanvraag, _("Het advies is teruggestuurd naar de beoordelaar."))


@require_POST
@staff_required
def decide(request, pk):
    aanvraag = _acting(request, pk, "decide")
    form = DecideForm(request.POST, aanvraag=aanvraag, obligations=services.default_obligations(aanvraag))
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.aanvraag_decide(
                aanvraag=aanvraag,
                user=request.user,
                outcome=data["outcome"],
                amount_cents=data["amount"],
                motivation=data["motivation"],
                obligations=data["obligations"],
                verzenddatum=data["verzenddatum"],
                ingangsdatum=data["ingangsdatum"],
                vervaldatum=data["vervaldatum"],
            )
        except services.FourEyes:
            form.add_error(None, FOUR_EYES)
        except services.PlafondExceeded as exceeded:
            form.add_error("outcome", _plafond_message(exceeded))
        else:
            return _done(request, aanvraag, _("Het besluit is genomen. De organisatie krijgt bericht."))
    return _render_dossier(request, aanvraag, {"decide": form}, status=422)


FOUR_EYES = _(
    "U heeft deze aanvraag zelf beoordeeld of er advies over gegeven. Een andere beslisser moet besluiten (vier ogen)."
)


def _plafond_message(exceeded):
    return _("Dit past niet meer binnen het subsidieplafond van de ronde: er is nog %(left)s over.") % {
        "left": euros(exceeded.remaining_cents)
    }


# Batch decision ----------------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def batch_decide(request):
    """Klein-initiatief aanvragen with a positive advice, granted together with one motivation."""
    candidates = selectors.batch_candidates(request.user)
    allowed = candidates.filter(assessed_by_me=False)
    form = BatchForm(request.POST if request.method == "POST" else None, candidates=allowed)
    if request.method == "POST" and form.is_valid():
        try:
            besluiten = services.decide_batch(
                aanvragen=list(form.cleaned_data["aanvragen"].select_related("track", "ronde")),
                user=request.user,
                motivation=form.cleaned_data["motivation"],
            )
        except services.FourEyes:
            form.add_error(None, FOUR_EYES)
        except services.PlafondExceeded as exceeded:
            form.add_error("aanvragen", _plafond_message(exceeded) + " " + _("Er is nog niets besloten."))
        except services.NotAllowed:
            form.add_error("aanvragen", _("Een van de gekozen aanvragen kan niet meer zo besloten worden."))
        else:
            messages.success(request, _("%(count)s aanvragen verleend.") % {"count": len(besluiten)})
            return redirect("staff:batch")
    chosen = {str(pk) for pk in form["aanvragen"].value() or []}
    context = {"form": form, "candidates": list(candidates), "chosen": chosen}
    return render(request, "subsidies/staff/batch.html", context, status=422 if form.errors else 200)


# Beschikking and dossier export ------------------------------------------------------------------

_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def _besluit(aanvraag):
    besluit = getattr(aanvraag, "besluit", None) if aanvraag.is_decided else None
    if besluit is None:
        raise Http404(_("Over deze aanvraag is nog geen besluit genomen."))
    return besluit


@require_safe
@staff_required
def beschikking(request, pk):
    html = documents.beschikking_html(_besluit(aanvraag_for_staff(request, pk)))
    response = HttpResponse(html)
    # The beschikking carries its own print style; allow exactly that block, nothing else inline.
    response._csp_update = {"style-src": [_style_hash(html)]}
    return response


def _style_hash(html):
    match = _STYLE.search(html)
    digest = hashlib.sha256(match.group(1).encode() if match else b"").digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


@require_safe
@staff_required
def beschikking_pdf(request, pk):
    besluit = _besluit(aanvraag_for_staff(request, pk))
    response = HttpResponse(documents.beschikking_pdf(besluit), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{documents.beschikking_filename(besluit)}"'
    return response


@require_safe
@staff_required
def dossier_zip(request, pk):
    """Everything on record about one aanvraag, for audits and WOO requests."""
    dossier = selectors.dossier(request.user, aanvraag_for_staff(request, pk))
    aanvraag = dossier.aanvraag
    number = aanvraag.dossiernummer
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        html = render_to_string("subsidies/staff/dossier_export.html", {"dossier": dossier, "aanvraag": aanvraag})
        archive.writestr(f"{number}/dossier-{number}.pdf", documents.html_to_pdf(html))
        if dossier.besluit is not None:
            archive.writestr(
                f"{number}/{documents.beschikking_filename(dossier.besluit)}",
                documents.beschikking_pdf(dossier.besluit),
            )
        for version in dossier.versions:
            archive.writestr(
                f"{number}/versies/versie-{version.number}.json",
                json.dumps(
                    {
                        "versie": version.number,
                        "ingediend_op": version.submitted_at.isoformat(),
                        "ingediend_door": version.submitted_by.email,
                        "inhoud": version.content,
                    },
                    ensure_ascii=False,
                    indent=2,
                ),
            )
        for attachment in aanvraag.attachments.all():
            with attachment.file.open("rb") as stored:
                archive.writestr(f"{number}/bijlagen/{attachment.pk}-{attachment.original_name}", stored.read())
        _archive_reports(archive, aanvraag, number)
    services.dossier_exported(aanvraag=aanvraag, user=request.user)
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="dossier-{number}.zip"'
    return response


def _archive_reports(archive, aanvraag, number):
    """Each submitted report version with its review, and the photos the versions show."""
    for obligation in aanvraag.obligations.order_by("period_start"):
        folder = f"{number}/verslagen/{obligation.kind}-{obligation.period_start:%Y-%m}"
        for version in obligation.versions.select_related("submitted_by", "reviewed_by").order_by("number"):
            entry = {
                "versie": version.number,
                "ingediend_op": version.submitted_at.isoformat(),
                "ingediend_door": version.submitted_by.email,
                "uitkomst": version.outcome,
                "opmerking": version.review_comment,
                "beoordeeld_door": version.reviewed_by.email if version.reviewed_by else "",
                "inhoud": version.content,
            }
            archive.writestr(f"{folder}/versie-{version.number}.json", json.dumps(entry, ensure_ascii=False, indent=2))
        for photo in reporting.photos_of(obligation, submitted_only=True):
            with photo.file.open("rb") as stored:
                archive.writestr(f"{folder}/fotos/{photo.pk}.jpg", stored.read())
