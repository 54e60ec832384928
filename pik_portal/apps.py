from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PikPortalConfig(AppConfig):
    name = "pik_portal"
    verbose_name = "PIK-Portal"
    rollen_berechtigungen = {
        "RP-Sachbearbeitung": [
            "pik_portal.view_kreis",
            "pik_portal.view_organisation",
            "pik_portal.add_organisation",
            "pik_portal.change_organisation",
            "pik_portal.view_mitgliedschaft",
            "pik_portal.view_protokolleintrag",
        ],
        "RP-Referatsleitung": [
            "pik_portal.view_kreis",
            "pik_portal.view_organisation",
            "pik_portal.view_mitgliedschaft",
            "pik_portal.view_protokolleintrag",
        ],
    }

    def ready(self):
        from .kreise import kreise_nach_migrate
        from .rollen import rollen_berechtigungen_abgleichen

        post_migrate.connect(kreise_nach_migrate, sender=self, dispatch_uid="pik_kreise")
        post_migrate.connect(rollen_berechtigungen_abgleichen, dispatch_uid="pik_rollen")
