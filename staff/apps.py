from django.apps import AppConfig


class StaffConfig(AppConfig):
    """The stadsdeel staff area (/beoordeling/)."""

    name = "staff"
    verbose_name = "Medewerkers stadsdeel"
