from decimal import Decimal

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Q, Sum
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from pik_portal.admin_import import CsvImportAdminMixin
from pik_portal.dokumente import RenderStatus, pdf_antwort
from pik_portal.money import EuroFormField, euro

from . import services
from .importe import VorauszahlungImport
from .models import (
    Abrechnungsanlage,
    Abrechnungsbescheid,
    Abrechnungsposition,
    Abrechnungsstatusaenderung,
    Kostenkategorie,
    Spitzabrechnung,
    Vorauszahlung,
)


class GezahltFilter(admin.SimpleListFilter):
    title = _("Zahlungsstand")
    parameter_name = "gezahlt"

    def lookups(self, request, model_admin):
        return [("ja", _("gezahlt")), ("nein", _("geplant"))]

    def queryset(self, request, queryset):
        if self.value() == "ja":
            return queryset.filter(zahlungsdatum__isnull=False)
        if self.value() == "nein":
            return queryset.filter(zahlungsdatum__isnull=True)
        return queryset


@admin.register(Vorauszahlung)
class VorauszahlungAdmin(CsvImportAdminMixin, SimpleHistoryAdmin):
    csv_import_klasse = VorauszahlungImport
    formfield_overrides = {models.DecimalField: {"form_class": EuroFormField}}
    change_list_template = "admin/erstattungen/vorauszahlung/change_list.html"
    list_display = [
        "buchungsreferenz",
        "kreis",
        "abrechnungsjahr",
        "zeitraum",
        "betrag_anzeige",
        "zahlungsdatum",
        "gezahlt",
    ]
    list_filter = ["abrechnungsjahr", "kreis__regierungsbezirk", GezahltFilter, "kreis"]
    search_fields = ["buchungsreferenz", "kreis__name", "kreis__kreisschluessel", "zeitraum"]
    list_select_related = ["kreis"]
    date_hierarchy = "zahlungsdatum"
    history_list_display = ["betrag", "zahlungsdatum"]
    fields = [
        "kreis",
        "abrechnungsjahr",
        "zeitraum",
        "betrag",
        "zahlungsdatum",
        "buchungsreferenz",
        "bemerkung",
    ]

    @admin.display(description=_("Betrag"), ordering="betrag")
    def betrag_anzeige(self, obj):
        return euro(obj.betrag)

    @admin.display(description=_("gezahlt"), boolean=True, ordering="zahlungsdatum")
    def gezahlt(self, obj):
        return obj.ist_gezahlt

    def changelist_view(self, request, extra_context=None):
        antwort = super().changelist_view(request, extra_context)
        kontext = getattr(antwort, "context_data", None)
        if kontext and "cl" in kontext:
            # Totals of the filtered rows (all pages), computed by the database.
            summen = kontext["cl"].queryset.aggregate(
                gesamt=Sum("betrag"),
                gezahlt=Sum("betrag", filter=Q(zahlungsdatum__isnull=False)),
                geplant=Sum("betrag", filter=Q(zahlungsdatum__isnull=True)),
            )
            kontext["summen"] = {k: euro(v or Decimal(0)) for k, v in summen.items()}
        return antwort


@admin.register(Kostenkategorie)
class KostenkategorieAdmin(admin.ModelAdmin):
    list_display = ["name", "reihenfolge", "aktiv"]
    list_editable = ["reihenfolge", "aktiv"]
    search_fields = ["name"]


class PositionInline(admin.TabularInline):
    model = Abrechnungsposition
    formfield_overrides = {models.DecimalField: {"form_class": EuroFormField}}
    fields = ["kategorie", "betrag_erklaert", "betrag_anerkannt"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("kategorie")

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status == Spitzabrechnung.Status.IN_PRUEFUNG:
            return ["kategorie", "betrag_erklaert"]
        return ["kategorie", "betrag_erklaert", "betrag_anerkannt"]


class _NurLesenInline(admin.TabularInline):
    extra = 0
    can_delete = False
    related: list[str] = []  # select_related, so the rows cost no query each

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.select_related(*self.related) if self.related else queryset

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AnlageInline(_NurLesenInline):
    model = Abrechnungsanlage
    fields = ["datei_link", "hochgeladen_von", "hochgeladen_am"]
    readonly_fields = fields
    related = ["hochgeladen_von"]

    @admin.display(description=_("Anlage"))
    def datei_link(self, obj):
        url = reverse("admin:erstattungen_abrechnungsanlage_datei", args=[obj.pk])
        return format_html('<a href="{}">{} (PDF)</a>', url, obj.bezeichnung)


class StatusaenderungInline(_NurLesenInline):
    model = Abrechnungsstatusaenderung
    fields = ["zeitpunkt", "von_status", "nach_status", "benutzer", "bemerkung"]
    readonly_fields = fields
    related = ["benutzer"]


class BescheidInline(_NurLesenInline):
    model = Abrechnungsbescheid
    fields = [
        "pdf_link",
        "aktenzeichen",
        "bescheiddatum",
        "summe_anerkannt",
        "summe_vorauszahlungen",
        "saldo",
        "art",
        "render_status",
        "gerendert_am",
    ]
    readonly_fields = fields

    @admin.display(description=_("PDF"))
    def pdf_link(self, obj):
        if obj.render_status != RenderStatus.FERTIG:
            return "–"
        url = reverse("admin:erstattungen_abrechnungsbescheid_pdf", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.pdf_dateiname())


@admin.register(Spitzabrechnung)
class SpitzabrechnungAdmin(admin.ModelAdmin):
    list_display = ["aktenzeichen", "kreis", "abrechnungsjahr", "status", "eingereicht_am"]
    list_filter = ["status", "abrechnungsjahr", "kreis__regierungsbezirk"]
    search_fields = ["kreis__name", "organisation__name", "kreis__kreisschluessel"]
    list_select_related = ["kreis", "organisation"]
    readonly_fields = [
        "organisation",
        "kreis",
        "abrechnungsjahr",
        "status",
        "personen",
        "belegungstage",
        "bemerkung",
        "eingereicht_am",
        "festgesetzt_am",
        "saldo_anzeige",
    ]
    fields = readonly_fields
    inlines = [PositionInline, AnlageInline, BescheidInline, StatusaenderungInline]
    actions = ["aktion_pruefung_beginnen", "aktion_festsetzen"]

    def has_add_permission(self, request):
        return False  # the Kreis files its Spitzabrechnung in the portal

    def get_urls(self):
        eigene = [
            path(
                "bescheid/<int:pk>.pdf",
                self.admin_site.admin_view(self.bescheid_pdf),
                name="erstattungen_abrechnungsbescheid_pdf",
            ),
            path(
                "anlage/<int:pk>.pdf",
                self.admin_site.admin_view(self.anlage_datei),
                name="erstattungen_abrechnungsanlage_datei",
            ),
        ]
        return eigene + super().get_urls()

    def bescheid_pdf(self, request, pk):
        # The storage is private; the PDF is only served through this checked view.
        if not self.has_view_permission(request):
            raise PermissionDenied
        bescheid = get_object_or_404(Abrechnungsbescheid, pk=pk, render_status=RenderStatus.FERTIG)
        return pdf_antwort(bescheid.pdf, bescheid.pdf_dateiname())

    def anlage_datei(self, request, pk):
        # The RP checks the declared costs against these documents.
        if not self.has_view_permission(request):
            raise PermissionDenied
        anlage = get_object_or_404(Abrechnungsanlage, pk=pk)
        return pdf_antwort(anlage.datei, anlage.dateiname())

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("Verrechnung"))
    def saldo_anzeige(self, obj):
        saldo = services.saldo_anzeigen(obj)
        art = Abrechnungsbescheid.Art(saldo["art"]).label
        return _("anerkannt %(anerkannt)s − Vorauszahlungen %(vz)s = %(art)s %(betrag)s") % {
            "anerkannt": euro(saldo["summe_anerkannt"]),
            "vz": euro(saldo["summe_vorauszahlungen"]),
            "art": art,
            "betrag": euro(saldo["betrag_ausgleich"]),
        }

    def save_model(self, request, obj, form, change):
        # Every field of the Spitzabrechnung itself is read-only here.
        pass

    def save_formset(self, request, form, formset, change):
        # Nothing is saved by the formsets themselves; the change log needs these lists.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        if formset.model is not Abrechnungsposition:
            return
        betraege = {
            f.instance.pk: f.cleaned_data.get("betrag_anerkannt")
            for f in formset.forms
            if "betrag_anerkannt" in f.changed_data
        }
        if not betraege:
            return
        try:
            services.anerkannte_betraege_erfassen(request.user, form.instance, betraege)
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, "; ".join(getattr(exc, "messages", [str(exc)])))
            request.anerkennung_abgelehnt = True

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        # No "successfully changed" when the service refused the recognised amounts.
        if level == messages.SUCCESS and getattr(request, "anerkennung_abgelehnt", False):
            return
        super().message_user(request, message, level, *args, **kwargs)

    def _uebergang(self, request, queryset, service, erfolg):
        for abrechnung in queryset:
            try:
                service(request.user, abrechnung)
            except ValidationError as exc:
                messages.error(request, f"{abrechnung}: {exc.messages[0]}")
            except PermissionDenied as exc:
                messages.error(request, f"{abrechnung}: {exc}")
            else:
                messages.success(request, f"{abrechnung}: {erfolg}")

    @admin.action(description=_("Prüfung beginnen"), permissions=["change"])
    def aktion_pruefung_beginnen(self, request, queryset):
        self._uebergang(request, queryset, services.pruefung_beginnen, _("in Prüfung"))

    @admin.action(
        description=_("Festsetzen und Abrechnungsbescheid erstellen"), permissions=["change"]
    )
    def aktion_festsetzen(self, request, queryset):
        self._uebergang(request, queryset, services.spitzabrechnung_festsetzen, _("festgesetzt"))
