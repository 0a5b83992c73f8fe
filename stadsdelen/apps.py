from django.apps import AppConfig


class StadsdelenConfig(AppConfig):
    name = "stadsdelen"
    verbose_name = "Stadsdelen en gebieden"
