from django.db import migrations

from pik_portal.kreise import kreise_laden as _kreise_laden

RP_ROLLEN = ["RP-Sachbearbeitung", "RP-Referatsleitung"]


def kreise_laden(apps, schema_editor):
    _kreise_laden(apps.get_model("pik_portal", "Kreis"), using=schema_editor.connection.alias)


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
