from django.apps import AppConfig


class FoerderantraegeConfig(AppConfig):
    name = "foerderantraege"
    verbose_name = "Förderanträge Integrationsmanagement"
    rollen_berechtigungen: dict[str, list[str]] = {}
