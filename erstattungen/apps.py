from django.apps import AppConfig

_MODELLE = [
    "vorauszahlung",
    "kostenkategorie",
    "spitzabrechnung",
    "abrechnungsposition",
    "abrechnungsanlage",
    "abrechnungsstatusaenderung",
    "abrechnungsbescheid",
]


def _rechte(*aktionen, modelle=_MODELLE):
    return [f"erstattungen.{a}_{m}" for m in modelle for a in aktionen]


class ErstattungenConfig(AppConfig):
    name = "erstattungen"
    verbose_name = "Erstattung der Unterbringungskosten"
    rollen_berechtigungen: dict[str, list[str]] = {
        "RP-Sachbearbeitung": _rechte("view")
        + _rechte("add", "change", "delete", modelle=["vorauszahlung", "kostenkategorie"])
        + _rechte("change", modelle=["spitzabrechnung", "abrechnungsposition"]),
        "RP-Referatsleitung": _rechte("view")
        + _rechte("add", "change", "delete", modelle=["vorauszahlung", "kostenkategorie"])
        + _rechte("change", modelle=["spitzabrechnung", "abrechnungsposition"]),
    }

    def ready(self):
        from . import signals  # noqa: F401
