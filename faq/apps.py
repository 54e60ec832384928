from django.apps import AppConfig


class FaqConfig(AppConfig):
    name = "faq"
    verbose_name = "PIK-FAQ"
    rollen_berechtigungen: dict[str, list[str]] = {}
