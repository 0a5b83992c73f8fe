from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    """The organisation area (/organisatie/): own activities, colleagues and the log."""

    name = "organisations"
    verbose_name = "Organisatieomgeving"
