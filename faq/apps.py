from django.apps import AppConfig


class FaqConfig(AppConfig):
    name = "faq"
    verbose_name = "PIK-FAQ"
    # Caseworkers maintain the FAQ; the approvers may read it and the votes.
    rollen_berechtigungen: dict[str, list[str]] = {
        "RP-Sachbearbeitung": [
            "faq.view_kategorie",
            "faq.add_kategorie",
            "faq.change_kategorie",
            "faq.delete_kategorie",
            "faq.view_frage",
            "faq.add_frage",
            "faq.change_frage",
            "faq.delete_frage",
            "faq.view_bewertung",
        ],
        "RP-Referatsleitung": [
            "faq.view_kategorie",
            "faq.view_frage",
            "faq.view_bewertung",
        ],
    }
