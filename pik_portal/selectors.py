"""Reads shared by every area: which organisations a user acts for."""

from django.shortcuts import get_object_or_404

from .models import Mitgliedschaft, Organisation


def organisationen_von(benutzer):
    """Organisations the user is a member of (empty for anonymous users)."""
    if not benutzer.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(mitgliedschaften__benutzer=benutzer)


def mitgliedschaft_von(benutzer, organisation) -> Mitgliedschaft | None:
    if not benutzer.is_authenticated:
        return None
    return Mitgliedschaft.objects.filter(benutzer=benutzer, organisation=organisation).first()


def eigene_organisation_oder_404(benutzer, pk) -> Organisation:
    """The organisation ``pk`` if the user is a member – otherwise 404, never its data."""
    return get_object_or_404(organisationen_von(benutzer).select_related("kreis"), pk=pk)
