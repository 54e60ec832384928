import csv
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from pik_portal.models import Kreis

CSV = Path(settings.BASE_DIR) / "pik_portal" / "data" / "kreise.csv"

pytestmark = pytest.mark.django_db


def test_44_kreise_mit_regierungsbezirk_aus_der_csv():
    assert Kreis.objects.count() == 44
    with CSV.open(encoding="utf-8") as datei:
        erwartet = {z["kreisschluessel"]: z for z in csv.DictReader(datei)}
    for kreis in Kreis.objects.all():
        zeile = erwartet[kreis.kreisschluessel]
        assert kreis.name == zeile["name"]
        assert kreis.regierungsbezirk == zeile["regierungsbezirk"]
        assert kreis.art == zeile["art"]
    anzahl = {
        rb: Kreis.objects.filter(regierungsbezirk=rb).count()
        for rb in ["Stuttgart", "Karlsruhe", "Freiburg", "Tübingen"]
    }
    assert anzahl == {"Stuttgart": 13, "Karlsruhe": 12, "Freiburg": 10, "Tübingen": 9}
    assert str(Kreis.objects.get(kreisschluessel="08111")) == "Stuttgart (Stadtkreis)"
    assert str(Kreis.objects.get(kreisschluessel="08116")) == "Landkreis Esslingen"


def test_rp_rollen_mit_verwaltungsrechten():
    sachbearbeitung = Group.objects.get(name="RP-Sachbearbeitung")
    leitung = Group.objects.get(name="RP-Referatsleitung")
    codes = set(sachbearbeitung.permissions.values_list("codename", flat=True))
    assert {"view_kreis", "change_organisation"} <= codes
    assert "view_organisation" in set(leitung.permissions.values_list("codename", flat=True))


def test_demo_daten_sind_wiederholbar(capsys):
    from django.core.management import call_command

    from pik_portal.models import Benutzer, Organisation

    call_command("demo_daten")
    zahlen = (Benutzer.objects.count(), Organisation.objects.count())
    call_command("demo_daten")
    assert (Benutzer.objects.count(), Organisation.objects.count()) == zahlen
    ausgabe = capsys.readouterr().out
    assert "sachbearbeitung@rps.example" in ausgabe
    assert "referatsleitung@rps.example" in ausgabe
    assert Organisation.objects.values("kreis").distinct().count() >= 3


@pytest.mark.django_db(transaction=True)
def test_referenzdaten_ueberstehen_transaktionale_tests_teil_1():
    Kreis.objects.all().delete()


@pytest.mark.django_db
def test_referenzdaten_ueberstehen_transaktionale_tests_teil_2():
    # The flush after part 1 triggers post_migrate, which reloads the reference data.
    assert Kreis.objects.count() == 44
    assert Group.objects.filter(name__startswith="RP-").count() == 2
