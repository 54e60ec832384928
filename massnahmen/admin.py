from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from pik_portal.admin_import import CsvImportAdminMixin
from pik_portal.admin_veroeffentlichung import VeroeffentlichungAdminMixin
from pik_portal.csv_export import csv_antwort

from .models import Handlungsfeld, Massnahme, Zielgruppe
from .services import MassnahmenImport, import_zeile, veroeffentlichung_setzen


@admin.register(Handlungsfeld)
class HandlungsfeldAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "reihenfolge"]
    list_editable = ["reihenfolge"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Zielgruppe)
class ZielgruppeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "reihenfolge"]
    list_editable = ["reihenfolge"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class MassnahmeForm(forms.ModelForm):
    link = forms.URLField(label=_("Link"), max_length=500, required=False, assume_scheme="https")

    class Meta:
        model = Massnahme
        fields = [
            "titel",
            "slug",
            "kurzbeschreibung",
            "beschreibung",
            "handlungsfeld",
            "zielgruppen",
            "ressort",
            "traeger",
            "foerderprogramm",
            "landesweit",
            "kreise",
            "beginn",
            "ende",
            "link",
            "kontakt",
            "veroeffentlicht",
            "beispielinhalt",
        ]

    def clean(self):
        daten = super().clean()
        landesweit = daten.get("landesweit")
        kreise = daten.get("kreise")
        if landesweit and kreise:
            self.add_error("kreise", _("Eine landesweite Maßnahme braucht keine Kreise."))
        elif not landesweit and not kreise:
            self.add_error("kreise", _("Wählen Sie „landesweit“ oder mindestens einen Kreis."))
        return daten


@admin.register(Massnahme)
class MassnahmeAdmin(VeroeffentlichungAdminMixin, CsvImportAdminMixin, admin.ModelAdmin):
    form = MassnahmeForm
    csv_import_klasse = MassnahmenImport
    list_display = [
        "titel",
        "handlungsfeld",
        "ressort",
        "landesweit",
        "beginn",
        "ende",
        "veroeffentlicht",
        "geaendert_am",
    ]
    list_filter = [
        "veroeffentlicht",
        "handlungsfeld",
        "zielgruppen",
        "landesweit",
        "ressort",
        "beispielinhalt",
    ]
    list_select_related = ["handlungsfeld"]
    search_fields = ["titel", "slug", "kurzbeschreibung", "ressort", "traeger", "foerderprogramm"]
    date_hierarchy = "beginn"
    prepopulated_fields = {"slug": ["titel"]}
    filter_horizontal = ["zielgruppen", "kreise"]
    readonly_fields = ["erstellt_am", "geaendert_am"]
    actions = ["veroeffentlichen", "zurueckziehen", "als_csv_exportieren"]
    fieldsets = [
        (None, {"fields": ["titel", "slug", "kurzbeschreibung", "beschreibung"]}),
        (
            _("Einordnung"),
            {"fields": ["handlungsfeld", "zielgruppen", "ressort", "traeger", "foerderprogramm"]},
        ),
        (_("Region und Laufzeit"), {"fields": ["landesweit", "kreise", "beginn", "ende"]}),
        (_("Kontakt"), {"fields": ["link", "kontakt"]}),
        (
            _("Veröffentlichung"),
            {"fields": ["veroeffentlicht", "beispielinhalt", "erstellt_am", "geaendert_am"]},
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        # The slug is the measure's public link and the import's key: it never changes.
        return [*self.readonly_fields, "slug"] if obj else self.readonly_fields

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj else self.prepopulated_fields

    def veroeffentlichung_speichern(self, request, pk, veroeffentlicht):
        veroeffentlichung_setzen(
            Massnahme.objects.filter(pk=pk), veroeffentlicht, akteur=request.user
        )

    @admin.action(description=_("Ausgewählte Maßnahmen veröffentlichen"), permissions=["change"])
    def veroeffentlichen(self, request, queryset):
        n = veroeffentlichung_setzen(queryset, True, akteur=request.user)
        self.message_user(
            request,
            ngettext("%d Maßnahme veröffentlicht.", "%d Maßnahmen veröffentlicht.", n) % n,
            messages.SUCCESS,
        )

    @admin.action(description=_("Ausgewählte Maßnahmen zurückziehen"), permissions=["change"])
    def zurueckziehen(self, request, queryset):
        n = veroeffentlichung_setzen(queryset, False, akteur=request.user)
        self.message_user(
            request,
            ngettext("%d Maßnahme zurückgezogen.", "%d Maßnahmen zurückgezogen.", n) % n,
            messages.SUCCESS,
        )

    @admin.action(description=_("Ausgewählte als CSV exportieren (Importformat)"))
    def als_csv_exportieren(self, request, queryset):
        zeilen = (
            import_zeile(m)
            for m in queryset.select_related("handlungsfeld").prefetch_related(
                "zielgruppen", "kreise"
            )
        )
        return csv_antwort(
            f"massnahmen-import-{timezone.localdate():%Y-%m-%d}.csv",
            MassnahmenImport.spalten,
            zeilen,
        )
