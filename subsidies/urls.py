"""Subsidy screens per area; each area's URL table includes its list (the paths stay Dutch)."""

from django.urls import path

from subsidies.views import monitor, organisation, public, reports, staff

# Under /organisatie/, in the "organisations" namespace (portal/organisation_urls.py).
organisation_patterns = [
    path("<int:org_id>/subsidies/", organisation.subsidies_home, name="subsidies"),
    path("<int:org_id>/resultaten/", organisation.results, name="results"),
    path("aanvragen/<int:pk>/", organisation.aanvraag_detail, name="aanvraag-detail"),
    path("aanvragen/<int:pk>/gegevens/", organisation.aanvraag_gegevens, name="aanvraag-gegevens"),
    path("aanvragen/<int:pk>/begroting/", organisation.aanvraag_begroting, name="aanvraag-begroting"),
    path("aanvragen/<int:pk>/activiteiten/", organisation.aanvraag_activiteiten, name="aanvraag-activiteiten"),
    path("aanvragen/<int:pk>/voorwaarden/", organisation.aanvraag_voorwaarden, name="aanvraag-voorwaarden"),
    path("aanvragen/<int:pk>/bijlagen/", organisation.aanvraag_bijlagen, name="aanvraag-bijlagen"),
    path("aanvragen/<int:pk>/bijlagen/<int:attachment_pk>/", organisation.attachment_download, name="attachment"),
    path(
        "aanvragen/<int:pk>/bijlagen/<int:attachment_pk>/weghalen/",
        organisation.attachment_remove,
        name="attachment-remove",
    ),
    path("aanvragen/<int:pk>/indienen/", organisation.aanvraag_submit, name="aanvraag-submit"),
    path("aanvragen/<int:pk>/intrekken/", organisation.aanvraag_withdraw, name="aanvraag-withdraw"),
    path("aanvragen/<int:pk>/beschikking/", organisation.beschikking_html, name="aanvraag-beschikking"),
    path("aanvragen/<int:pk>/beschikking.pdf", organisation.beschikking_pdf, name="aanvraag-beschikking-pdf"),
    path("aanvragen/<int:pk>/berichten/", reports.note_member, name="report-note"),
    path("aanvragen/<int:pk>/vaststelling/", reports.vaststelling_document_member, name="vaststelling-document"),
    path(
        "aanvragen/<int:pk>/vaststelling.pdf",
        reports.vaststelling_document_member,
        {"pdf": True},
        name="vaststelling-document-pdf",
    ),
    path("verslagen/<int:pk>/", reports.report_edit, name="report"),
    path("verslagen/<int:pk>/versies/", reports.report_versions, name="report-versions"),
    path("verslagen/<int:pk>/fotos/<int:photo_pk>/", reports.report_photo, name="report-photo"),
]

# Under /beoordeling/, in the "staff" namespace (staff/urls.py).
staff_patterns = [
    path("aanvragen/", staff.work_list, name="aanvragen"),
    path("aanvragen/<int:pk>/", staff.dossier, name="aanvraag"),
    path("aanvragen/<int:pk>/ontvankelijk/", staff.accept, name="aanvraag-accept"),
    path("aanvragen/<int:pk>/aanvulling/", staff.request_aanvulling, name="aanvraag-aanvulling"),
    path("aanvragen/<int:pk>/oordelen/", staff.score, name="aanvraag-score"),
    path("aanvragen/<int:pk>/advies/", staff.advise, name="aanvraag-advise"),
    path("aanvragen/<int:pk>/terugsturen/", staff.send_back, name="aanvraag-send-back"),
    path("aanvragen/<int:pk>/besluit/", staff.decide, name="aanvraag-decide"),
    path("aanvragen/<int:pk>/beschikking/", staff.beschikking, name="aanvraag-beschikking"),
    path("aanvragen/<int:pk>/beschikking.pdf", staff.beschikking_pdf, name="aanvraag-beschikking-pdf"),
    path("aanvragen/<int:pk>/dossier.zip", staff.dossier_zip, name="aanvraag-dossier-zip"),
    path("besluiten/klein-initiatief/", staff.batch_decide, name="batch"),
    path("aanvragen/<int:pk>/berichten/", reports.note_staff, name="report-note"),
    path("aanvragen/<int:pk>/vaststelling/", reports.vaststelling, name="vaststelling"),
    path("aanvragen/<int:pk>/vaststellingsbeschikking/", reports.vaststelling_document, name="vaststelling-document"),
    path(
        "aanvragen/<int:pk>/vaststellingsbeschikking.pdf",
        reports.vaststelling_document,
        {"pdf": True},
        name="vaststelling-document-pdf",
    ),
    path("verslagen/", reports.review_list, name="reports"),
    path("verslagen/<int:pk>/", reports.review, name="report"),
    path("verslagen/<int:pk>/fotos/<int:photo_pk>/", reports.report_photo_staff, name="report-photo"),
    path("monitor/", monitor.monitor_page, name="monitor"),
    path("monitor/duiding/", monitor.monitor_note, name="monitor-note"),
]

# Under /subsidies/ (portal/urls.py): the public register.
public_patterns = [
    path("", public.register_list, name="subsidies-register"),
]
