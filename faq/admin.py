from django.contrib import admin, messages
from django.db.models import Count, Q
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from pik_portal.admin_veroeffentlichung import VeroeffentlichungAdminMixin
from pik_portal.markdown import markdown_zu_html

from .models import Bewertung, Frage, Kategorie
from .services import fragen_veroeffentlichen, fragen_zurueckziehen


@admin.register(Kategorie)
class KategorieAdmin(admin.ModelAdmin):
    list_display = ["titel", "reihenfolge", "anzahl_fragen", "slug"]
    list_editable = ["reihenfolge"]
    search_fields = ["titel", "kurzbeschreibung"]
    prepopulated_fields = {"slug": ["titel"]}
    ordering = ["reihenfolge", "titel"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_anzahl=Count("fragen"))

    @admin.display(description=_("Fragen"), ordering="_anzahl")
    def anzahl_fragen(self, obj):
        return obj._anzahl


@admin.register(Frage)
class FrageAdmin(VeroeffentlichungAdminMixin, admin.ModelAdmin):
    list_display = [
        "frage",
        "kategorie",
        "reihenfolge",
        "veroeffentlicht",
        "aktualisiert_am",
        "stimmen_ja",
        "stimmen_nein",
    ]
    list_display_links = ["frage"]
    list_editable = ["reihenfolge"]
    list_filter = ["veroeffentlicht", "kategorie", "beispielinhalt"]
    list_select_related = ["kategorie"]
    search_fields = ["frage", "antwort", "slug"]
    ordering = ["kategorie__reihenfolge", "kategorie__titel", "reihenfolge", "frage"]
    prepopulated_fields = {"slug": ["frage"]}
    autocomplete_fields = ["verwandte_fragen"]
    readonly_fields = ["antwort_vorschau", "aktualisiert_am", "stimmen_ja", "stimmen_nein"]
    actions = ["veroeffentlichen", "zurueckziehen"]
    fieldsets = [
        (None, {"fields": ["kategorie", "frage", "slug", "reihenfolge"]}),
        (_("Antwort"), {"fields": ["antwort", "antwort_vorschau"]}),
        (
            _("Veröffentlichung"),
            {"fields": ["veroeffentlicht", "beispielinhalt", "aktualisiert_am"]},
        ),
        (_("Verwandte Fragen"), {"fields": ["verwandte_fragen"]}),
        (_("Rückmeldungen der Lesenden"), {"fields": ["stimmen_ja", "stimmen_nein"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                _ja=Count("bewertungen", filter=Q(bewertungen__hilfreich=True)),
                _nein=Count("bewertungen", filter=Q(bewertungen__hilfreich=False)),
            )
        )

    @admin.display(description=_("hilfreich: ja"), ordering="_ja")
    def stimmen_ja(self, obj):
        return getattr(obj, "_ja", 0)

    @admin.display(description=_("hilfreich: nein"), ordering="_nein")
    def stimmen_nein(self, obj):
        return getattr(obj, "_nein", 0)

    @admin.display(description=_("Vorschau der Antwort"))
    def antwort_vorschau(self, obj):
        if not obj.pk:
            return _("Die Vorschau erscheint nach dem ersten Speichern.")
        # The same sanitised HTML the public page shows.
        return format_html('<div class="faq-vorschau">{}</div>', markdown_zu_html(obj.antwort))

    def veroeffentlichung_speichern(self, request, pk, veroeffentlicht):
        dienst = fragen_veroeffentlichen if veroeffentlicht else fragen_zurueckziehen
        dienst([pk], akteur=request.user)

    @admin.action(description=_("Ausgewählte Fragen veröffentlichen"), permissions=["change"])
    def veroeffentlichen(self, request, queryset):
        anzahl = fragen_veroeffentlichen(
            list(queryset.values_list("pk", flat=True)), akteur=request.user
        )
        self.message_user(
            request,
            ngettext(
                "%(anzahl)d Frage veröffentlicht.", "%(anzahl)d Fragen veröffentlicht.", anzahl
            )
            % {"anzahl": anzahl},
            messages.SUCCESS,
        )

    @admin.action(description=_("Ausgewählte Fragen zurückziehen"), permissions=["change"])
    def zurueckziehen(self, request, queryset):
        anzahl = fragen_zurueckziehen(
            list(queryset.values_list("pk", flat=True)), akteur=request.user
        )
        self.message_user(
            request,
            ngettext("%(anzahl)d Frage zurückgezogen.", "%(anzahl)d Fragen zurückgezogen.", anzahl)
            % {"anzahl": anzahl},
            messages.SUCCESS,
        )


@admin.register(Bewertung)
class BewertungAdmin(admin.ModelAdmin):
    """Votes are read-only: they come from readers, never from the office."""

    list_display = ["frage", "hilfreich", "abgegeben_am"]
    list_filter = ["hilfreich", "frage__kategorie"]
    list_select_related = ["frage"]
    search_fields = ["frage__frage"]
    date_hierarchy = "abgegeben_am"
    fields = ["frage", "hilfreich", "abgegeben_am"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
