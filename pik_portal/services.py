"""State changes of shared data: memberships of users in organisations."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Benutzer, Mitgliedschaft, Organisation, Protokolleintrag


def _zeichnungsberechtigt_pruefen(akteur, organisation_id) -> None:
    if not Mitgliedschaft.objects.filter(
        organisation_id=organisation_id,
        benutzer=akteur,
        rolle=Mitgliedschaft.Rolle.ZEICHNUNGSBERECHTIGT,
    ).exists():
        raise PermissionDenied(_("Nur Zeichnungsberechtigte verwalten die Mitglieder."))


def _letzte_zeichnungsberechtigte_pruefen(organisation_id, ausser_id) -> None:
    rest = Mitgliedschaft.objects.filter(
        organisation_id=organisation_id, rolle=Mitgliedschaft.Rolle.ZEICHNUNGSBERECHTIGT
    ).exclude(pk=ausser_id)
    if not rest.exists():
        raise ValidationError(
            _("Eine Organisation braucht mindestens eine zeichnungsberechtigte Person.")
        )


def mitglied_hinzufuegen(*, organisation: Organisation, akteur, email: str, name: str, rolle: str):
    """Add a person (an existing account or a new one without password) to the organisation."""
    with transaction.atomic():
        Organisation.objects.select_for_update().get(pk=organisation.pk)
        _zeichnungsberechtigt_pruefen(akteur, organisation.pk)
        email = Benutzer.objects.normalize_email(email).lower()
        benutzer = Benutzer.objects.filter(email__iexact=email).first()
        neu = benutzer is None
        if neu:
            benutzer = Benutzer.objects.create_user(email=email, password=None, name=name)
        if Mitgliedschaft.objects.filter(organisation=organisation, benutzer=benutzer).exists():
            raise ValidationError(_("Diese Person ist bereits Mitglied."))
        mitgliedschaft = Mitgliedschaft.objects.create(
            organisation=organisation, benutzer=benutzer, rolle=rolle
        )
        Protokolleintrag.objects.create(
            benutzer=akteur,
            organisation=organisation,
            aktion="mitglied_hinzugefuegt",
            beschreibung=f"{benutzer.email} als {mitgliedschaft.get_rolle_display()} hinzugefügt",
        )
    return mitgliedschaft, neu


def _mitgliedschaft_sperren(mitgliedschaft_id: int, akteur) -> Mitgliedschaft:
    """Lock the organisation, then the membership – the order mitglied_hinzufuegen uses."""
    organisation_id = Mitgliedschaft.objects.values_list("organisation_id", flat=True).get(
        pk=mitgliedschaft_id
    )
    Organisation.objects.select_for_update().get(pk=organisation_id)
    _zeichnungsberechtigt_pruefen(akteur, organisation_id)
    return (
        Mitgliedschaft.objects.select_for_update(of=("self",))
        .select_related("benutzer")
        .get(pk=mitgliedschaft_id)
    )


def mitglied_rolle_aendern(*, mitgliedschaft_id: int, akteur, rolle: str) -> Mitgliedschaft:
    """Change a member's role; the last signatory of an organisation cannot be demoted."""
    with transaction.atomic():
        m = _mitgliedschaft_sperren(mitgliedschaft_id, akteur)
        if m.rolle == rolle:
            return m
        if m.ist_zeichnungsberechtigt:
            _letzte_zeichnungsberechtigte_pruefen(m.organisation_id, m.pk)
        alt = m.get_rolle_display()
        m.rolle = rolle
        m.save(update_fields=["rolle", "geaendert_am"])
        Protokolleintrag.objects.create(
            benutzer=akteur,
            organisation_id=m.organisation_id,
            aktion="rolle_geaendert",
            beschreibung=f"{m.benutzer.email}: {alt} → {m.get_rolle_display()}",
        )
    return m


def mitglied_entfernen(*, mitgliedschaft_id: int, akteur) -> None:
    """Remove a member; the last signatory of an organisation stays."""
    with transaction.atomic():
        m = _mitgliedschaft_sperren(mitgliedschaft_id, akteur)
        if m.ist_zeichnungsberechtigt:
            _letzte_zeichnungsberechtigte_pruefen(m.organisation_id, m.pk)
        Protokolleintrag.objects.create(
            benutzer=akteur,
            organisation_id=m.organisation_id,
            aktion="mitglied_entfernt",
            beschreibung=f"{m.benutzer.email} entfernt",
        )
        m.delete()
