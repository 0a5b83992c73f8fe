"""Screens of subsidies, one module per audience: organisation.py (/organisatie/…), staff.py
(/beoordeling/…) and public.py (/subsidies/). Each area's URLs are in subsidies/urls.py."""
