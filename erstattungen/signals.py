"""Any change of a Vorauszahlung makes the cached public list stale."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Vorauszahlung
from .services import vorauszahlungen_cache_leeren


@receiver(post_save, sender=Vorauszahlung)
@receiver(post_delete, sender=Vorauszahlung)
def vorauszahlung_geaendert(sender, **kwargs):
    vorauszahlungen_cache_leeren()
    # Once more after commit: a request that read the old rows in between and
    # cached them under the new version must not survive.
    transaction.on_commit(vorauszahlungen_cache_leeren)
