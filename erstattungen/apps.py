from django.apps import AppConfig


class ErstattungenConfig(AppConfig):
    name = "erstattungen"
    verbose_name = "Erstattung der Unterbringungskosten"
    rollen_berechtigungen: dict[str, list[str]] = {}
