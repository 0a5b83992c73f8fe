"""The organisation's subsidy screens (/organisatie/…): its aanvragen, applying in steps, submitting,
withdrawing, and the besluit with its beschikking once there is one.

Every aanvraag comes through subsidies.access.aanvraag_for_member, so another organisation's is a 404;
every write goes through subsidies.services. Before the besluit, nothing of the assessment shows.
"""

import base64
import hashlib
import re

from django.contrib import messages
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from organisations.access import member_required, organisation_for
from subsidies import documents, services, workflow
from subsidies.access import aanvraag_for_member
from subsidies.forms import (
    BijlageForm,
    GegevensForm,
    KortForm,
    StartForm,
    VoorwaardenForm,
    WithdrawForm,
    activiteiten_formset,
    begroting_formsets,
    budget_lines,
    error_items,
)
from subsidies.models import Aanvraag, Attachment, Condition, Ronde
from subsidies.monitor import organisation_results

FULL_STEPS = [
    ("gegevens", gettext_lazy("Gegevens")),
    ("begroting", gettext_lazy("Begroting")),
    ("activiteiten", gettext_lazy("Activiteiten")),
    ("voorwaarden", gettext_lazy("Voorwaarden")),
    ("bijlagen", gettext_lazy("Bijlagen")),
]
SHORT_STEPS = [("gegevens", gettext_lazy("Het korte formulier"))]


def _steps(aanvraag):
    return SHORT_STEPS if aanvraag.track.is_short else FULL_STEPS


def _step_url(aanvraag, step, fragment=""):
    url = reverse(f"organisations:aanvraag-{step}", args=[aanvraag.pk])
    return f"{url}#{fragment}" if fragment else url


def _place_of(aanvraag, anchor):
    """Where the field behind one of services.missing_items' anchors is: (step, element id)."""
    short = aanvraag.track.is_short
    if anchor in {"id_projectnaam", "id_summary", "id_requested"}:
        return "gegevens", anchor
    if anchor == "begroting":
        return ("gegevens", "id_total_costs") if short else ("begroting", "id_costs-0-category")
    if anchor == "activiteiten":
        return "activiteiten", "id_activities-0-title"
    if anchor.startswith("voorwaarde-"):
        return ("gegevens" if short else "voorwaarden"), f"id_condition_{anchor.removeprefix('voorwaarde-')}"
    if anchor == "bijlagen":
        return "bijlagen", "id_kind"
    return None, None  # e.g. the KvK number: functioneel beheer adds it, not a field of the aanvraag


def _missing(aanvraag, missing):
    items = []
    for anchor, message in missing:
        step, fragment = _place_of(aanvraag, anchor)
        items.append({"step": step, "href": _step_url(aanvraag, step, fragment) if step else None, "text": message})
    return items


def _step_nav(aanvraag, current, missing):
    unfinished = {item["step"] for item in missing}
    return [
        {"url": _step_url(aanvraag, step), "label": label, "current": step == current, "done": step not in unfinished}
        for step, label in _steps(aanvraag)
    ]


def _next_url(aanvraag, step):
    steps = [name for name, _label in _steps(aanvraag)]
    position = steps.index(step)
    if position + 1 < len(steps):
        return _step_url(aanvraag, steps[position + 1])
    return reverse("organisations:aanvraag-detail", args=[aanvraag.pk])


def _render_step(request, aanvraag, step, context, errors=(), status=200):
    missing = _missing(aanvraag, services.missing_items(aanvraag))
    context = {
        "aanvraag": aanvraag,
        "organisation": aanvraag.organisation,
        "steps": _step_nav(aanvraag, step, missing),
        "step": step,
        "step_label": dict(_steps(aanvraag))[step],
        "errors": list(errors),
        "next_url": _next_url(aanvraag, step),
        **context,
    }
    return render(request, f"subsidies/organisation/step_{step}.html", context, status=status)


def _saved(request, aanvraag, step):
    messages.success(request, _("Opgeslagen."))
    return redirect(_next_url(aanvraag, step))


def _editable_aanvraag(request, pk, step=None):
    """The aanvraag to change, or None when it is with the stadsdeel (then the overview says why)."""
    aanvraag = aanvraag_for_member(request, pk)
    if step is not None and step not in dict(_steps(aanvraag)):
        raise Http404
    if not aanvraag.is_editable:
        messages.info(request, _("Deze aanvraag ligt bij het stadsdeel. Je kunt hem nu niet veranderen."))
        return aanvraag, redirect("organisations:aanvraag-detail", pk=aanvraag.pk)
    return aanvraag, None


# The organisation's aanvragen and starting one ----------------------------------------------------


@member_required
@require_http_methods(["GET", "POST"])
def subsidies_home(request, org_id):
    organisation = organisation_for(request, org_id)
    rondes = (
        Ronde.objects.open_on(timezone.localdate())
        .select_related("regeling", "stadsdeel")
        .order_by("stadsdeel__name", "regeling__name", "name")
    )
    form = StartForm(request.POST or None, organisation=organisation, rondes=rondes)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            aanvraag = services.aanvraag_create(
                organisation=organisation,
                ronde=data["ronde"],
                track=data["track"],
                user=request.user,
                copy_from=data["copy_from"],
            )
        except services.NotAllowed:
            form.add_error("ronde", _("Deze ronde is niet meer open. Kies een andere ronde."))
        else:
            if data["copy_from"]:
                messages.success(
                    request,
                    _("De aanvraag is gemaakt, met alles uit %(nummer)s. Kijk elke stap na en pas aan wat anders is.")
                    % {"nummer": data["copy_from"].dossiernummer},
                )
            else:
                messages.success(request, _("De aanvraag is gemaakt. Alles wat je invult, wordt bewaard."))
            return redirect("organisations:aanvraag-gegevens", pk=aanvraag.pk)
    aanvragen = (
        Aanvraag.objects.editable_by(request.user)
        .filter(organisation=organisation)
        .select_related("ronde__stadsdeel", "ronde__regeling", "track")
        .order_by("-created_at")
    )
    context = {
        "organisation": organisation,
        "aanvragen": aanvragen,
        "rondes": rondes,
        "form": form,
        "errors": error_items(form) if form.is_bound else [],
    }
    return render(request, "subsidies/organisation/subsidies.html", context, status=422 if form.is_bound else 200)


# The steps ---------------------------------------------------------------------------------------


@member_required
@require_http_methods(["GET", "POST"])
def aanvraag_gegevens(request, pk):
    aanvraag, elsewhere = _editable_aanvraag(request, pk, "gegevens")
    if elsewhere:
        return elsewhere
    form_class = KortForm if aanvraag.track.is_short else GegevensForm
    if request.method == "GET":
        return _render_step(request, aanvraag, "gegevens", {"form": form_class(aanvraag=aanvraag)})
    form = form_class(request.POST, aanvraag=aanvraag)
    if not form.is_valid():
        return _render_step(request, aanvraag, "gegevens", {"form": form}, error_items(form), status=422)
    # The short form is one screen: its gegevens, total cost and statements are saved together.
    with transaction.atomic():
        services.aanvraag_update(aanvraag=aanvraag, user=request.user, **form.update_kwargs())
        if aanvraag.track.is_short:
            services.begroting_set(aanvraag=aanvraag, user=request.user, lines=form.budget_lines())
            services.statements_set(aanvraag=aanvraag, user=request.user, texts=form.statement_texts())
    return _saved(request, aanvraag, "gegevens")


@member_required
@require_http_methods(["GET", "POST"])
def aanvraag_begroting(request, pk):
    aanvraag, elsewhere = _editable_aanvraag(request, pk, "begroting")
    if elsewhere:
        return elsewhere
    costs, income = begroting_formsets(aanvraag, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if costs.is_valid() and income.is_valid():
            services.begroting_set(aanvraag=aanvraag, user=request.user, lines=budget_lines(costs, income))
            return _saved(request, aanvraag, "begroting")
        errors = _formset_errors(costs, _("Kosten, regel %(n)s")) + _formset_errors(income, _("Inkomsten, regel %(n)s"))
        return _render_step(request, aanvraag, "begroting", _budget(aanvraag, costs, income), errors, status=422)
    return _render_step(request, aanvraag, "begroting", _budget(aanvraag, costs, income))


def _budget(aanvraag, costs, income):
    lines = list(aanvraag.begroting.all())
    cost_cents = sum(line.amount_cents for line in lines if line.is_cost)
    income_cents = sum(line.amount_cents for line in lines if not line.is_cost)
    return {
        "costs": costs,
        "income": income,
        "cost_cents": cost_cents,
        "income_cents": income_cents,
        "deficit_cents": cost_cents - income_cents,
        "over_deficit": aanvraag.requested_cents > cost_cents - income_cents,
    }


def _formset_errors(formset, row_label):
    errors = [{"href": f"#{formset.prefix}-rows", "text": message} for message in formset.non_form_errors()]
    for number, row in enumerate(formset, start=1):
        errors += error_items(row, context=f"{row_label % {'n': number}}, ")
    return errors


@member_required
@require_http_methods(["GET", "POST"])
def aanvraag_activiteiten(request, pk):
    aanvraag, elsewhere = _editable_aanvraag(request, pk, "activiteiten")
    if elsewhere:
        return elsewhere
    formset = activiteiten_formset(aanvraag, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if formset.is_valid():
            planned = [activity for row in formset if (activity := row.planned()) is not None]
            services.activiteiten_set(aanvraag=aanvraag, user=request.user, activities=planned)
            return _saved(request, aanvraag, "activiteiten")
        errors = _formset_errors(formset, _("Activiteit %(n)s"))
        return _render_step(request, aanvraag, "activiteiten", {"formset": formset}, errors, status=422)
    return _render_step(request, aanvraag, "activiteiten", {"formset": formset})


@member_required
@require_http_methods(["GET", "POST"])
def aanvraag_voorwaarden(request, pk):
    aanvraag, elsewhere = _editable_aanvraag(request, pk, "voorwaarden")
    if elsewhere:
        return elsewhere
    form = VoorwaardenForm(request.POST if request.method == "POST" else None, aanvraag=aanvraag)
    if request.method == "POST":
        if form.is_valid():
            services.statements_set(aanvraag=aanvraag, user=request.user, texts=form.statement_texts())
            return _saved(request, aanvraag, "voorwaarden")
        return _render_step(request, aanvraag, "voorwaarden", {"form": form}, error_items(form), status=422)
    return _render_step(request, aanvraag, "voorwaarden", {"form": form})


@member_required
@require_http_methods(["GET", "POST"])
def aanvraag_bijlagen(request, pk):
    aanvraag, elsewhere = _editable_aanvraag(request, pk, "bijlagen")
    if elsewhere:
        return elsewhere
    form = BijlageForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            attachment = services.attachment_add(
                aanvraag=aanvraag, user=request.user, kind=form.cleaned_data["kind"], upload=form.cleaned_data["file"]
            )
            messages.success(request, _("De bijlage “%(name)s” is toegevoegd.") % {"name": attachment.original_name})
            return redirect("organisations:aanvraag-bijlagen", pk=aanvraag.pk)
        return _render_step(request, aanvraag, "bijlagen", _attachments(aanvraag, form), error_items(form), 422)
    return _render_step(request, aanvraag, "bijlagen", _attachments(aanvraag, form))


def _attachments(aanvraag, form):
    present = set(aanvraag.attachments.values_list("kind", flat=True))
    required = [
        {"label": label, "present": value in present}
        for value, label in Attachment.Kind.choices
        if value in aanvraag.track.required_attachments
    ]
    return {"form": form, "attachments": aanvraag.attachments.all(), "required": required}


@member_required
@require_POST
def attachment_remove(request, pk, attachment_pk):
    aanvraag, elsewhere = _editable_aanvraag(request, pk)
    if elsewhere:
        return elsewhere
    attachment = aanvraag.attachments.filter(pk=attachment_pk).first()
    if attachment is None:
        raise Http404
    services.attachment_remove(attachment=attachment, user=request.user)
    messages.success(request, _("De bijlage “%(name)s” is weggehaald.") % {"name": attachment.original_name})
    return redirect("organisations:aanvraag-bijlagen", pk=aanvraag.pk)


@member_required
@require_safe
def attachment_download(request, pk, attachment_pk):
    aanvraag = aanvraag_for_member(request, pk)
    attachment = aanvraag.attachments.filter(pk=attachment_pk).first()
    if attachment is None:
        raise Http404
    response = FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@member_required
@require_safe
def results(request, org_id):
    """The organisation's own figures against its plan, and what the stadsdeel wrote about them."""
    organisation = organisation_for(request, org_id)
    context = {"organisation": organisation, "results": organisation_results(organisation)}
    return render(request, "subsidies/organisation/results.html", context)


# The overview, submitting and withdrawing --------------------------------------------------------


def _render_detail(request, aanvraag, missing=None, status=200):
    aanvraag = (
        Aanvraag.objects.select_related("organisation", "ronde__stadsdeel", "ronde__regeling", "track")
        .prefetch_related("begroting", "attachments")
        .get(pk=aanvraag.pk)
    )
    editable = aanvraag.is_editable
    missing_list = _missing(aanvraag, services.missing_items(aanvraag) if missing is None else missing)
    context = {
        "aanvraag": aanvraag,
        "organisation": aanvraag.organisation,
        "editable": editable,
        "steps": _step_nav(aanvraag, None, missing_list) if editable else [],
        "missing": missing_list if editable else [],
        "submit_failed": missing is not None,
        "aanvulling": aanvraag.open_aanvulling() if aanvraag.status == workflow.Status.AANVULLING_GEVRAAGD else None,
        "can_withdraw": aanvraag.status in workflow.WITHDRAWABLE,
        # Only the besluit itself: the advice and scores before it stay with the stadsdeel.
        "besluit": aanvraag.besluit if aanvraag.is_decided else None,
        "activiteiten": aanvraag.activiteiten.select_related("bouwsteen", "gebied", "activity").prefetch_related(
            "doelgroepen"
        ),
        "statement_groups": _statement_groups(aanvraag),
        "submitted_on": aanvraag.versies.order_by("-number").values_list("submitted_at", flat=True).first(),
    }
    return render(request, "subsidies/organisation/aanvraag_detail.html", context, status=status)


def _statement_groups(aanvraag):
    """What the organisation wrote per condition, in the kader's order: Uitvoering, then Samenwerking."""
    order = list(Condition.Group)
    statements = sorted(
        aanvraag.statements.select_related("condition"),
        key=lambda statement: (order.index(statement.condition.group), statement.condition.order),
    )
    groups = {}
    for statement in statements:
        groups.setdefault(statement.condition.get_group_display(), []).append(statement)
    return list(groups.items())


@member_required
@require_safe
def aanvraag_detail(request, pk):
    return _render_detail(request, aanvraag_for_member(request, pk))


@member_required
@require_POST
def aanvraag_submit(request, pk):
    aanvraag = aanvraag_for_member(request, pk)
    was = aanvraag.status
    try:
        services.aanvraag_submit(aanvraag=aanvraag, user=request.user)
    except services.Incomplete as incomplete:
        return _render_detail(request, aanvraag, missing=incomplete.missing, status=422)
    except services.NotAllowed:
        if aanvraag.status == workflow.Status.CONCEPT and not aanvraag.ronde.is_open():
            messages.error(request, _("De ronde is gesloten. Deze aanvraag kan niet meer worden ingediend."))
        else:
            messages.error(request, _("Deze aanvraag ligt al bij het stadsdeel of is afgehandeld."))
        return redirect("organisations:aanvraag-detail", pk=aanvraag.pk)
    if was == workflow.Status.AANVULLING_GEVRAAGD:
        messages.success(request, _("Jullie aanvulling is verstuurd. Het stadsdeel gaat verder met de aanvraag."))
    else:
        messages.success(request, _("Jullie aanvraag is ingediend. Je krijgt een bevestiging per e-mail."))
    return redirect("organisations:aanvraag-detail", pk=aanvraag.pk)


@member_required
@require_http_methods(["GET", "POST"])
def aanvraag_withdraw(request, pk):
    aanvraag = aanvraag_for_member(request, pk)
    if aanvraag.status not in workflow.WITHDRAWABLE:
        messages.info(request, _("Deze aanvraag kan niet meer worden ingetrokken."))
        return redirect("organisations:aanvraag-detail", pk=aanvraag.pk)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.aanvraag_withdraw(aanvraag=aanvraag, user=request.user, reason=form.cleaned_data["reason"])
        messages.success(
            request, _("De aanvraag is ingetrokken. Hij blijft bewaard, maar het stadsdeel beoordeelt hem niet.")
        )
        return redirect("organisations:aanvraag-detail", pk=aanvraag.pk)
    context = {
        "aanvraag": aanvraag,
        "organisation": aanvraag.organisation,
        "form": form,
        "errors": error_items(form) if form.is_bound else [],
    }
    return render(
        request, "subsidies/organisation/aanvraag_withdraw.html", context, status=422 if form.is_bound else 200
    )


# The beschikking, once there is a besluit ---------------------------------------------------------


def _besluit_of(request, pk):
    aanvraag = aanvraag_for_member(request, pk)
    if not aanvraag.is_decided:
        raise Http404
    return aanvraag.besluit


_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


@member_required
@require_safe
def beschikking_html(request, pk):
    html = documents.beschikking_html(_besluit_of(request, pk))
    response = HttpResponse(html)
    # The document carries its own print styles; allow exactly those by their hash, nothing else inline.
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(style.encode()).digest()).decode() + "'"
        for style in _STYLE.findall(html)
    ]
    if hashes:
        response._csp_update = {"style-src": hashes}
    return response


@member_required
@require_safe
def beschikking_pdf(request, pk):
    besluit = _besluit_of(request, pk)
    response = HttpResponse(documents.beschikking_pdf(besluit), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{documents.beschikking_filename(besluit)}"'
    return response
