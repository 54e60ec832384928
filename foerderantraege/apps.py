from django.apps import AppConfig

_LESEN = [
    "foerderantraege.view_foerderaufruf",
    "foerderantraege.view_festbetrag",
    "foerderantraege.view_planungsrahmen",
    "foerderantraege.view_foerderantrag",
    "foerderantraege.view_stelle",
    "foerderantraege.view_anlage",
    "foerderantraege.view_statusaenderung",
    "foerderantraege.view_nachforderung",
    "foerderantraege.view_entscheidung",
    "foerderantraege.view_bescheid",
]


class FoerderantraegeConfig(AppConfig):
    name = "foerderantraege"
    verbose_name = "Förderanträge Integrationsmanagement"
    # Applications and Planungsrahmen change only through the service buttons and
    # actions, never by editing rows.
    rollen_berechtigungen: dict[str, list[str]] = {
        "RP-Sachbearbeitung": [
            *_LESEN,
            "foerderantraege.add_foerderaufruf",
            "foerderantraege.change_foerderaufruf",
            "foerderantraege.add_festbetrag",
            "foerderantraege.change_festbetrag",
            "foerderantraege.delete_festbetrag",
        ],
        "RP-Referatsleitung": [*_LESEN, "foerderantraege.change_foerderaufruf"],
    }
