"""The verantwoording screens: the organisation's reports (/organisatie/verslagen/…), the staff's
review and vaststelling (/beoordeling/verslagen/…), and the notes both sides see.

Obligations come only through the scoped aanvragen (Aanvraag.objects.editable_by / for_staff), so
another organisation's or another stadsdeel's report is a 404; every write goes through
subsidies.reporting."""

import base64
import datetime
import hashlib
import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.access import staff_required
from activities.models import Doelgroep
from organisations.access import deny, member_required
from subsidies import documents, reporting, services
from subsidies.access import aanvraag_for_member, aanvraag_for_staff
from subsidies.forms import error_items
from subsidies.models import Aanvraag, BegrotingRegel, Report, ReportFigure, ReportObligation, ReportPhoto
from subsidies.money import euros
from subsidies.report_forms import TEXTS, NoteForm, ReportForm, ReviewForm, VaststellingForm
from subsidies.templatetags.reports import SOON_DAYS
from subsidies.workflow import Actor, Status


def _obligation(request, queryset, pk):
    obligation = (
        ReportObligation.objects.filter(aanvraag__in=queryset)
        .select_related("aanvraag__organisation", "aanvraag__ronde__stadsdeel", "aanvraag__ronde__regeling")
        .filter(pk=pk)
        .first()
    )
    if obligation is None:
        deny(request, f"report obligation {pk}")
        raise Http404
    return obligation


def _versions(obligation):
    return list(obligation.versions.select_related("submitted_by", "reviewed_by").order_by("number"))


# Versions side by side ---------------------------------------------------------------------------


def _version_rows(content):
    """{key: (label, value)} of one frozen version, in the order the form shows them."""
    labels = content["form"]["fields"]
    groups = dict(Doelgroep.objects.values_list("slug", "name"))
    rows = {}
    for figure in content["figures"]:
        for name in ReportFigure.FIELDS:
            value = str(figure[name])
            if figure["explanations"].get(name):
                value += f" ({figure['explanations'][name]})"
            rows[f"{figure['planned_id']}-{name}"] = (f"{figure['planned']}: {labels[name]}", value)
        for slug, count in figure["reach"].items():
            label = _("%(activity)s: bereik %(group)s") % {
                "activity": figure["planned"],
                "group": groups.get(slug, slug),
            }
            rows[f"{figure['planned_id']}-bereik-{slug}"] = (label, str(count))
    for slug, entry in content["indicators"].items():
        form = content["form"]["indicators"].get(slug, {"name": slug, "unit": ""})
        value = f"{entry['value']} {form['unit']}".strip() if entry.get("value") else ""
        if entry.get("explanation"):
            value += f" ({entry['explanation']})"
        rows[f"indicator-{slug}"] = (form["name"], value)
    categories = dict(BegrotingRegel.Category.choices)
    for category, entry in content["spending"].items():
        value = euros(entry["cents"]) if entry.get("cents") is not None else ""
        if entry.get("explanation"):
            value += f" ({entry['explanation']})"
        rows[f"uitgaven-{category}"] = (_("Uitgaven: %(category)s") % {"category": categories[category]}, value)
    for name, label in TEXTS:
        rows[name] = (str(label), content["texts"].get(name, ""))
    if content.get("photos"):
        rows["fotos"] = (_("Foto’s"), "\n".join(photo["caption"] for photo in content["photos"]))
    return rows


def _version_photos(obligation, version, side):
    """The photos of one submitted version, as that version showed them."""
    if version is None:
        return []
    return [
        {"url": reverse(f"{side}:report-photo", args=[obligation.pk, photo["id"]]), "caption": photo["caption"]}
        for photo in version.content.get("photos", [])
    ]


def _compare(older, newer):
    """Rows of (label, older value, newer value, changed) for two versions, or one when older is None."""
    before = _version_rows(older.content) if older else {}
    after = _version_rows(newer.content)
    keys = list(after) + [key for key in before if key not in after]
    rows = []
    for key in keys:
        label = (after.get(key) or before.get(key))[0]
        old, new = before.get(key, ("", ""))[1], after.get(key, ("", ""))[1]
        rows.append({"label": label, "older": old, "newer": new, "changed": older is not None and old != new})
    return rows


def _chosen_versions(request, versions):
    """The version asked for (?versie=N, else the latest) and the one before it."""
    numbers = {version.number: version for version in versions}
    try:
        number = int(request.GET.get("versie", ""))
    except ValueError:
        number = versions[-1].number if versions else None
    newer = numbers.get(number)
    return numbers.get(number - 1) if newer else None, newer


# What needs a conversation -----------------------------------------------------------------------


def missed_targets(obligation, version):
    """Figures of a submitted version more than 10% under plan: (activity, label, expected, realised)."""
    if version is None:
        return []
    share = reporting._share_of_period(obligation)
    planned = {item.pk: item for item in obligation.aanvraag.activiteiten.all()}
    missed = []
    for figure in version.content["figures"]:
        plan = planned.get(figure["planned_id"])
        for field, label in reporting.COMPARED.items():
            if plan is None:
                continue
            expected = getattr(plan, field) * (1 if field == "volunteers" else share)
            if expected and figure[field] < expected * (1 - reporting.DEVIATION):
                missed.append((plan.title, label, round(expected), figure[field]))
    return missed


def _conversation(obligation, versions, side):
    latest = versions[-1] if versions else None
    return {
        "notes": obligation.aanvraag.notes.filter(obligation=obligation).select_related("author"),
        "note_form": NoteForm(initial={"obligation": obligation.pk}),
        "note_url": reverse(f"{side}:report-note", args=[obligation.aanvraag_id]),
        "late": obligation.is_overdue(),
        "missed": missed_targets(obligation, latest),
    }


# The organisation's report -----------------------------------------------------------------------


def _hints(report):
    """Per planned activity and figure: what was planned for this period and where the prefill came from."""
    obligation = report.obligation
    share = reporting._share_of_period(obligation)
    hints = {}
    for figure in report.figures.select_related("planned"):
        planned = figure.planned
        hints[planned.pk] = {
            "participants": _("Gepland voor deze periode: %(n)s.") % {"n": round(planned.participants * share)},
            "meetings": _("Gepland voor deze periode: %(n)s.") % {"n": round(planned.meetings * share)},
            "volunteers": _("Gepland: %(n)s.") % {"n": planned.volunteers},
        }
        counted = reporting.catalogue_meetings(planned, obligation.period_start, obligation.period_end)
        if counted:
            hints[planned.pk]["meetings"] += " " + _("De catalogus telt %(n)s (uit de catalogus).") % {"n": counted}
    return hints


def _prefilled_from(report):
    earlier = Report.objects.filter(
        obligation__aanvraag=report.obligation.aanvraag, obligation__period_start__lt=report.obligation.period_start
    ).exists()
    if earlier:
        return _("De cijfers komen uit het vorige verslag. Kijk ze na en pas aan wat anders was.")
    return _("De cijfers zijn een schatting uit jullie aanvraag en uit de catalogus. Kijk ze na en pas ze aan.")


def _render_report(request, obligation, report, form, errors=(), status=200, refused=False):
    versions = _versions(obligation)
    latest = versions[-1] if versions else None
    context = {
        "obligation": obligation,
        "aanvraag": obligation.aanvraag,
        "organisation": obligation.aanvraag.organisation,
        "report": report,
        "form": form,
        "errors": list(errors),
        "refused": refused,
        "versions": versions,
        "comment": latest.review_comment if obligation.state == ReportObligation.State.CHANGES_REQUESTED else "",
        "prefilled_from": _prefilled_from(report) if report and not versions else "",
        "still_to_explain": [] if errors or report is None else _still_to_explain(report),
        "compare": _compare(None, latest) if latest and not obligation.is_open else [],
        "photos": _draft_photos(obligation, form) if form else _version_photos(obligation, latest, "organisations"),
        "max_photos": ReportPhoto.MAX_PER_REPORT,
        **_conversation(obligation, versions, "organisations"),
    }
    return render(request, "subsidies/reports/report_form.html", context, status=status)


def _draft_photos(obligation, form):
    """The working copy's photos, each with its checkbox to take it off."""
    boxes = {int(box.data["value"]): box for box in form["foto-weghalen"]}
    return [
        {
            "url": reverse("organisations:report-photo", args=[obligation.pk, photo.pk]),
            "caption": photo.caption,
            "remove": boxes[photo.pk],
        }
        for photo in form.photos
    ]


def _still_to_explain(report):
    return [
        {"href": f"#uitleg-{planned.pk}-{field}", "text": f"{planned.title}, {label}: {expected} → {realised}"}
        for planned, field, label, expected, realised in reporting.deviations(report)
    ]


def _autosave(request, obligation):
    """Save the draft as it is typed (htmx, the form without its photo fields); a mistake is only
    counted here, the normal save shows it at its field."""
    context = {"autosaved": None, "autosave_errors": 0, "autosave_closed": not obligation.is_open}
    if obligation.is_open:
        report = reporting.report_start(obligation=obligation, user=request.user)
        form = ReportForm(request.POST, report=report, planned_hints=_hints(report))
        if form.is_valid():
            reporting.report_save(report=report, user=request.user, **form.save_kwargs())
            context["autosaved"] = timezone.localtime()
        else:
            context["autosave_errors"] = len(form.errors)
    return render(request, "subsidies/reports/report_form.html#autosave", context)


@member_required
@require_http_methods(["GET", "POST"])
def report_edit(request, pk):
    obligation = _obligation(request, Aanvraag.objects.editable_by(request.user), pk)
    if request.method == "POST" and request.htmx and "autosave" in request.POST:
        return _autosave(request, obligation)
    if not obligation.is_open:
        if request.method == "POST":
            messages.info(request, _("Dit verslag is al ingediend. Je kunt het nu niet veranderen."))
            return redirect("organisations:report", pk=obligation.pk)
        return _render_report(request, obligation, getattr(obligation, "report", None), None)
    # The working copy is made on first view, so its prefill is there to read; report_start makes it once.
    report = reporting.report_start(obligation=obligation, user=request.user)
    if request.method == "GET":
        return _render_report(request, obligation, report, ReportForm(report=report, planned_hints=_hints(report)))
    form = ReportForm(request.POST, request.FILES, report=report, planned_hints=_hints(report))
    if not form.is_valid():
        return _render_report(request, obligation, report, form, error_items(form), status=422)
    reporting.report_save(report=report, user=request.user, **form.save_kwargs())
    removed = form.photos_removed()
    for photo in removed:
        reporting.report_photo_remove(photo=photo, user=request.user)
    if form.cleaned_data["foto"]:
        reporting.report_photo_add(
            report=report,
            user=request.user,
            upload=form.cleaned_data["foto"],
            caption=form.cleaned_data["foto-tekst"],
            people_agreed=form.cleaned_data["foto-toestemming"],
        )
    if "indienen" not in request.POST:
        if form.cleaned_data["foto"] or removed:
            messages.success(request, _("Opgeslagen, met de foto’s zoals hieronder."))
            return redirect(reverse("organisations:report", args=[obligation.pk]) + "#fotos")
        messages.success(request, _("Opgeslagen. Je kunt later verder, er gaat niets verloren."))
        return redirect("organisations:report", pk=obligation.pk)
    try:
        reporting.report_submit(report=report, user=request.user)
    except services.Incomplete as incomplete:
        for anchor, message in incomplete.missing:
            form.add_error(anchor, message)
        errors = [{"href": f"#{anchor}", "text": message} for anchor, message in incomplete.missing]
        return _render_report(request, obligation, report, form, errors, status=422, refused=True)
    messages.success(request, _("Het verslag is ingediend. Het stadsdeel bekijkt het en laat weten of het goed is."))
    return redirect("organisations:report", pk=obligation.pk)


@member_required
@require_safe
def report_versions(request, pk):
    obligation = _obligation(request, Aanvraag.objects.editable_by(request.user), pk)
    return _render_versions(request, obligation, "organisations")


def _render_versions(request, obligation, side):
    versions = _versions(obligation)
    older, newer = _chosen_versions(request, versions)
    if newer is None:
        raise Http404
    context = {
        "obligation": obligation,
        "aanvraag": obligation.aanvraag,
        "versions": versions,
        "older": older,
        "newer": newer,
        "compare": _compare(older, newer),
        "photos": _version_photos(obligation, newer, side),
        "side": side,
    }
    return render(request, "subsidies/reports/versions.html", context)


def _photo_response(photo):
    response = FileResponse(photo.file.open("rb"), content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response


@member_required
@require_safe
def report_photo(request, pk, photo_pk):
    obligation = _obligation(request, Aanvraag.objects.editable_by(request.user), pk)
    photo = reporting.photos_of(obligation, submitted_only=False).filter(pk=photo_pk).first()
    if photo is None:
        raise Http404
    return _photo_response(photo)


@require_safe
@staff_required
def report_photo_staff(request, pk, photo_pk):
    """Only photos of a submitted version: a draft's photos are the organisation's until it submits."""
    obligation = _obligation(request, Aanvraag.objects.for_staff(request.user), pk)
    photo = reporting.photos_of(obligation, submitted_only=True).filter(pk=photo_pk).first()
    if photo is None:
        raise Http404
    return _photo_response(photo)


# Notes both sides see ----------------------------------------------------------------------------


def _add_note(request, aanvraag, side):
    form = NoteForm(request.POST)
    obligation = None
    if form.is_valid() and form.cleaned_data["obligation"]:
        obligation = aanvraag.obligations.filter(pk=form.cleaned_data["obligation"]).first()
        if obligation is None:
            raise Http404
    if form.is_valid():
        try:
            reporting.note_add(
                aanvraag=aanvraag, user=request.user, text=form.cleaned_data["text"], obligation=obligation
            )
        except services.NotAllowed:
            raise PermissionDenied(_("Alleen de organisatie en het stadsdeel schrijven hier berichten.")) from None
        messages.success(request, _("Het bericht is geplaatst. De organisatie en het stadsdeel zien het allebei."))
    else:
        messages.error(request, _("Het bericht is niet geplaatst: schrijf eerst een bericht."))
    if obligation is not None:
        return redirect(reverse(f"{side}:report", args=[obligation.pk]) + "#berichten")
    page = "organisations:aanvraag-detail" if side == "organisations" else "staff:aanvraag"
    return redirect(reverse(page, args=[aanvraag.pk]) + "#berichten")


@member_required
@require_POST
def note_member(request, pk):
    return _add_note(request, aanvraag_for_member(request, pk), "organisations")


@require_POST
@staff_required
def note_staff(request, pk):
    return _add_note(request, aanvraag_for_staff(request, pk), "staff")


# The staff's review ------------------------------------------------------------------------------


@require_safe
@staff_required
def review_list(request):
    """Reports in this person's stadsdelen: waiting for review, overdue, and due within two weeks."""
    today = timezone.localdate()
    obligations = ReportObligation.objects.filter(aanvraag__in=Aanvraag.objects.for_staff(request.user)).select_related(
        "aanvraag__organisation", "aanvraag__ronde__stadsdeel"
    )
    open_states = [ReportObligation.State.OPEN, ReportObligation.State.CHANGES_REQUESTED]
    sections = [
        (
            _("Te beoordelen"),
            "te-beoordelen",
            obligations.filter(state=ReportObligation.State.SUBMITTED).order_by("submitted_on", "pk"),
            _("Er wachten geen verslagen op beoordeling."),
        ),
        (
            _("Te laat"),
            "te-laat",
            obligations.filter(state__in=open_states, due_on__lt=today).order_by("due_on", "pk"),
            _("Geen verslagen te laat."),
        ),
        (
            _("Binnenkort"),
            "binnenkort",
            obligations.filter(
                state__in=open_states, due_on__gte=today, due_on__lte=today + datetime.timedelta(days=SOON_DAYS)
            ).order_by("due_on", "pk"),
            _("Geen verslagen die de komende twee weken moeten komen."),
        ),
    ]
    return render(request, "subsidies/reports/review_list.html", {"sections": sections})


def _render_review(request, obligation, form=None, status=200):
    versions = _versions(obligation)
    older, newer = _chosen_versions(request, versions)
    may_review = obligation.state == ReportObligation.State.SUBMITTED and services.may_act(
        request.user, obligation.aanvraag, Actor.REVIEWER
    )
    context = {
        "obligation": obligation,
        "aanvraag": obligation.aanvraag,
        "versions": versions,
        "older": older,
        "newer": newer,
        "compare": _compare(older, newer) if newer else [],
        "photos": _version_photos(obligation, newer, "staff"),
        "form": (form or ReviewForm()) if may_review else None,
        "may_vaststellen": _may_vaststellen(request.user, obligation.aanvraag) and obligation.is_final,
        **_conversation(obligation, versions, "staff"),
    }
    return render(request, "subsidies/reports/review.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def review(request, pk):
    obligation = _obligation(request, Aanvraag.objects.for_staff(request.user), pk)
    if request.method != "POST":
        return _render_review(request, obligation)
    if not services.may_act(request.user, obligation.aanvraag, Actor.REVIEWER):
        raise PermissionDenied(_("Alleen een beoordelaar van dit stadsdeel kan een verslag beoordelen."))
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return _render_review(request, obligation, form, status=422)
    try:
        reporting.report_review(
            obligation=obligation, user=request.user, accept=form.accepted, comment=form.cleaned_data["comment"]
        )
    except services.NotAllowed:
        messages.error(request, _("Dit verslag is al beoordeeld of nog niet ingediend."))
        return redirect("staff:report", pk=obligation.pk)
    if form.accepted:
        messages.success(request, _("Het verslag is goedgekeurd. De organisatie krijgt bericht."))
    else:
        messages.success(request, _("De organisatie krijgt uw opmerking en kan het verslag aanpassen."))
    return redirect("staff:report", pk=obligation.pk)


# Vaststelling ------------------------------------------------------------------------------------


def _may_vaststellen(user, aanvraag):
    final = aanvraag.obligations.filter(is_final=True).first()
    return (
        aanvraag.status in {Status.VERLEEND, Status.DEELS_VERLEEND}
        and final is not None
        and final.state == ReportObligation.State.ACCEPTED
        and services.may_act(user, aanvraag, Actor.DECIDER)
    )


FOUR_EYES = _(
    "U heeft het eindverslag zelf goedgekeurd. Een andere beslisser moet de subsidie vaststellen (vier ogen)."
)
NOT_NOW = _("Vaststellen kan nu niet: het eindverslag is nog niet goedgekeurd, of de subsidie is al vastgesteld.")


def _render_vaststelling(request, aanvraag, form, status=200):
    final = aanvraag.obligations.filter(is_final=True).first()
    context = {
        "aanvraag": aanvraag,
        "besluit": aanvraag.besluit,
        "final": final,
        "vaststelling": getattr(aanvraag, "vaststelling", None),
        "form": form,
        "errors": error_items(form) if form is not None and form.is_bound else [],
    }
    return render(request, "subsidies/reports/vaststelling.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def vaststelling(request, pk):
    aanvraag = aanvraag_for_staff(request, pk)
    if not services.may_act(request.user, aanvraag, Actor.DECIDER):
        raise PermissionDenied(_("Alleen een beslisser van dit stadsdeel kan een subsidie vaststellen."))
    if aanvraag.status == Status.VASTGESTELD or not aanvraag.is_decided:
        return _render_vaststelling(request, aanvraag, None)
    granted = aanvraag.besluit.amount_cents
    form = VaststellingForm(request.POST if request.method == "POST" else None, granted_cents=granted)
    if request.method != "POST" or not form.is_valid():
        return _render_vaststelling(request, aanvraag, form, status=422 if form.is_bound else 200)
    try:
        reporting.aanvraag_vaststellen(
            aanvraag=aanvraag,
            user=request.user,
            amount_cents=form.cleaned_data["amount"],
            motivation=form.cleaned_data["motivation"],
        )
    except services.FourEyes:
        form.add_error(None, FOUR_EYES)
    except services.NotAllowed:
        form.add_error(None, NOT_NOW)
    else:
        messages.success(request, _("De subsidie is vastgesteld. De organisatie krijgt de beschikking."))
        return redirect("staff:vaststelling", pk=aanvraag.pk)
    return _render_vaststelling(request, aanvraag, form, status=422)


_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def _vaststelling_of(aanvraag):
    vaststelling = getattr(aanvraag, "vaststelling", None)
    if vaststelling is None:
        raise Http404
    return vaststelling


def _document_html(vaststelling):
    aanvraag = vaststelling.aanvraag
    context = {
        # The vaststelling has the besluit's dates, motivation and bezwaar term: the beschikking's frame fits it.
        "besluit": vaststelling,
        "vaststelling": vaststelling,
        "aanvraag": aanvraag,
        "ronde": aanvraag.ronde,
        "organisation": aanvraag.organisation,
        "granted_cents": aanvraag.besluit.amount_cents,
        "difference_cents": aanvraag.besluit.amount_cents - vaststelling.amount_cents,
    }
    return render_to_string("subsidies/reports/vaststellingsbeschikking.html", context)


def _document_response(vaststelling, pdf):
    html = _document_html(vaststelling)
    if pdf:
        response = HttpResponse(documents.html_to_pdf(html), content_type="application/pdf")
        filename = f"vaststelling-{vaststelling.aanvraag.dossiernummer}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    response = HttpResponse(html)
    # The document carries its own print style; allow exactly that block by its hash, nothing else inline.
    response._csp_update = {
        "style-src": [
            "'sha256-" + base64.b64encode(hashlib.sha256(style.encode()).digest()).decode() + "'"
            for style in _STYLE.findall(html)
        ]
    }
    return response


@require_safe
@staff_required
def vaststelling_document(request, pk, pdf=False):
    return _document_response(_vaststelling_of(aanvraag_for_staff(request, pk)), pdf)


@member_required
@require_safe
def vaststelling_document_member(request, pk, pdf=False):
    return _document_response(_vaststelling_of(aanvraag_for_member(request, pk)), pdf)
