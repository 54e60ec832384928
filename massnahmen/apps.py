from django.apps import AppConfig

_ALLE = [
    f"massnahmen.{aktion}_{model}"
    for model in ("massnahme", "handlungsfeld", "zielgruppe")
    for aktion in ("view", "add", "change", "delete")
]


class MassnahmenConfig(AppConfig):
    name = "massnahmen"
    verbose_name = "Maßnahmen"
    # Caseworkers maintain the catalogue; the approvers may do the same.
    rollen_berechtigungen: dict[str, list[str]] = {
        "RP-Sachbearbeitung": _ALLE,
        "RP-Referatsleitung": _ALLE,
    }
