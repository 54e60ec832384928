"""The 44 Stadt- und Landkreise as reference data from ``data/kreise.csv``.

Loaded by the data migration and again after every migrate/flush (post_migrate), so the
reference data is present even after a test database flush.
"""

import csv
from pathlib import Path

from django.apps import apps as global_apps

KREISE_CSV = Path(__file__).resolve().parent / "data" / "kreise.csv"


def kreise_laden(kreis_model, using="default") -> int:
    """Create the Kreise missing from the database; returns how many were created."""
    with KREISE_CSV.open(encoding="utf-8", newline="") as datei:
        zeilen = list(csv.DictReader(datei))
    vorhanden = set(kreis_model.objects.using(using).values_list("kreisschluessel", flat=True))
    neu = [
        kreis_model(
            kreisschluessel=z["kreisschluessel"],
            name=z["name"],
            art=z["art"],
            regierungsbezirk=z["regierungsbezirk"],
            einwohner=int(z["einwohner"]),
        )
        for z in zeilen
        if z["kreisschluessel"] not in vorhanden
    ]
    kreis_model.objects.using(using).bulk_create(neu)
    return len(neu)


def kreise_nach_migrate(sender=None, using="default", apps=None, **kwargs):
    # migrate passes the migration state; flush (as after transactional tests) passes none.
    try:
        kreis_model = (apps or global_apps).get_model("pik_portal", "Kreis")
    except LookupError:
        return  # migrating backwards: the model is gone
    kreise_laden(kreis_model, using=using)
