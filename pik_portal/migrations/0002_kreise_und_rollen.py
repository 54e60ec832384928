import csv
from pathlib import Path

from django.db import migrations

KREISE_CSV = Path(__file__).resolve().parent.parent / "data" / "kreise.csv"
RP_ROLLEN = ["RP-Sachbearbeitung", "RP-Referatsleitung"]


def kreise_laden(apps, schema_editor):
    Kreis = apps.get_model("pik_portal", "Kreis")
    with KREISE_CSV.open(encoding="utf-8", newline="") as datei:
        for zeile in csv.DictReader(datei):
            Kreis.objects.update_or_create(
                kreisschluessel=zeile["kreisschluessel"],
                defaults={
                    "name": zeile["name"],
                    "art": zeile["art"],
                    "regierungsbezirk": zeile["regierungsbezirk"],
                    "einwohner": int(zeile["einwohner"]),
                },
            )


def rollen_anlegen(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in RP_ROLLEN:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("pik_portal", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(kreise_laden, migrations.RunPython.noop),
        migrations.RunPython(rollen_anlegen, migrations.RunPython.noop),
    ]
