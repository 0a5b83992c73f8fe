from django.apps import AppConfig


class SubsidiesConfig(AppConfig):
    """Regelingen, rounds, applications and reports: built in the subsidy issues."""

    name = "subsidies"
    verbose_name = "Subsidies"
