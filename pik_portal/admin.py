from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Benutzer, Kreis, Mitgliedschaft, Organisation, Protokolleintrag

admin.site.site_header = _("PIK-Portal – Verwaltung der Regierungspräsidien")
admin.site.site_title = _("PIK-Portal Verwaltung")
admin.site.index_title = _("Übersicht")


class MitgliedschaftInline(admin.TabularInline):
    model = Mitgliedschaft
    extra = 0
    autocomplete_fields = ["benutzer"]


@admin.register(Benutzer)
class BenutzerAdmin(UserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "is_staff", "is_active", "last_login"]
    list_filter = ["is_staff", "is_active", "groups"]
    search_fields = ["email", "name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("name", "telefon")}),
        (_("Rechte"), {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        (_("Daten"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "name", "password1", "password2")}),
    )
    filter_horizontal = ["groups"]


@admin.register(Kreis)
class KreisAdmin(admin.ModelAdmin):
    list_display = ["kreisschluessel", "name", "art", "regierungsbezirk", "einwohner"]
    list_filter = ["regierungsbezirk", "art"]
    search_fields = ["name", "kreisschluessel"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "art", "kreis", "ort"]
    list_filter = ["art", "kreis__regierungsbezirk"]
    list_select_related = ["kreis"]
    search_fields = ["name", "ort", "kreis__name"]
    autocomplete_fields = ["kreis"]
    inlines = [MitgliedschaftInline]


@admin.register(Protokolleintrag)
class ProtokolleintragAdmin(admin.ModelAdmin):
    list_display = ["zeitpunkt", "aktion", "organisation", "benutzer"]
    list_select_related = ["organisation", "benutzer"]
    search_fields = ["beschreibung", "organisation__name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
