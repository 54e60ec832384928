from django.db import migrations

KATEGORIEN = [
    ("Unterkunft und Miete", "Miete, Pacht und Nebenkosten der Unterkünfte."),
    ("Betrieb und Bewirtschaftung", "Energie, Reinigung, Instandhaltung, Ausstattung."),
    ("Personal", "Heimleitung, Hausmeisterdienste, Verwaltung der Unterbringung."),
    ("Sicherheitsdienst", "Bewachung der Unterkünfte."),
    ("Leistungen nach dem AsylbLG", "Leistungen nach dem Asylbewerberleistungsgesetz."),
    ("Sonstige Kosten", "Kosten, die keiner anderen Kategorie zugeordnet werden können."),
]


def anlegen(apps, schema_editor):
    Kostenkategorie = apps.get_model("erstattungen", "Kostenkategorie")
    for nummer, (name, beschreibung) in enumerate(KATEGORIEN, start=1):
        Kostenkategorie.objects.get_or_create(
            name=name, defaults={"beschreibung": beschreibung, "reihenfolge": nummer * 10}
        )


class Migration(migrations.Migration):
    dependencies = [("erstattungen", "0001_initial")]

    operations = [migrations.RunPython(anlegen, migrations.RunPython.noop)]
