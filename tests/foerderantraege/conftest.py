import importlib

import pytest


@pytest.fixture
def kreise(django_db_blocker):
    """The 44 Kreise for transactional tests: a flush by an earlier test removes the rows
    the data migration created, so load them again (idempotent)."""
    from django.apps import apps

    migration = importlib.import_module("pik_portal.migrations.0002_kreise_und_rollen")
    with django_db_blocker.unblock():
        migration.kreise_laden(apps, None)
        migration.rollen_anlegen(apps, None)
