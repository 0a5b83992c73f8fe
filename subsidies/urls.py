"""Subsidy screens per area; each area's URL table includes its list (the paths stay Dutch)."""

from django.urls import path

from subsidies.views import public

# Under /organisatie/, in the "organisations" namespace (portal/organisation_urls.py).
organisation_patterns = []

# Under /beoordeling/, in the "staff" namespace (staff/urls.py).
staff_patterns = []

# Under /subsidies/ (portal/urls.py): the public register.
public_patterns = [
    path("", public.register_list, name="subsidies-register"),
]
