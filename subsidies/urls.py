"""Subsidy screens per area; each area's URL table includes its list (the paths stay Dutch)."""

from django.urls import path

from subsidies.views import organisation, public

# Under /organisatie/, in the "organisations" namespace (portal/organisation_urls.py).
organisation_patterns = [
    path("<int:org_id>/subsidies/", organisation.subsidies_home, name="subsidies"),
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
]

# Under /beoordeling/, in the "staff" namespace (staff/urls.py).
staff_patterns = []

# Under /subsidies/ (portal/urls.py): the public register.
public_patterns = [
    path("", public.register_list, name="subsidies-register"),
]
