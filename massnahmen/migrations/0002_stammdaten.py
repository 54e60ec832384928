from django.db import migrations

from massnahmen.stammdaten import stammdaten_anlegen


def anlegen(apps, schema_editor):
    stammdaten_anlegen(
        apps.get_model("massnahmen", "Handlungsfeld"), apps.get_model("massnahmen", "Zielgruppe")
    )


class Migration(migrations.Migration):
    dependencies = [("massnahmen", "0001_initial")]

    operations = [migrations.RunPython(anlegen, migrations.RunPython.noop)]
