"""Subsidy screens per area; each area's URL table includes its list (the paths stay Dutch)."""

# Under /organisatie/, in the "organisations" namespace (portal/organisation_urls.py).
organisation_patterns = []

# Under /beoordeling/, in the "staff" namespace (staff/urls.py).
staff_patterns = []

# Under /subsidies/ (portal/urls.py): the public register.
public_patterns = []
