"""The public filter of the Maßnahmen table; the page and both exports share it."""

import django_filters as filters
from django import forms
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from pik_portal.models import Kreis

from .models import Handlungsfeld, Massnahme, Zielgruppe

# Query value → ORDER BY; ``titel`` and ``pk`` always break ties so paging is stable.
SORTIERUNGEN = {
    "titel": ["titel"],
    "handlungsfeld": ["handlungsfeld__reihenfolge", "handlungsfeld__name"],
    "ressort": ["ressort"],
    "beginn": ["beginn"],
    "ende": ["ende"],
}
SORTIER_AUSWAHL = [
    ("titel", _("Titel (A–Z)")),
    ("-titel", _("Titel (Z–A)")),
    ("handlungsfeld", _("Handlungsfeld (A–Z)")),
    ("-handlungsfeld", _("Handlungsfeld (Z–A)")),
    ("ressort", _("Ressort (A–Z)")),
    ("-ressort", _("Ressort (Z–A)")),
    ("beginn", _("Beginn (früheste zuerst)")),
    ("-beginn", _("Beginn (neueste zuerst)")),
    ("ende", _("Ende (früheste zuerst)")),
    ("-ende", _("Ende (späteste zuerst)")),
]


def sortierung(wert: str) -> list:
    """ORDER BY terms for a ``sort`` value; unknown values sort by title."""
    absteigend = wert.startswith("-")
    felder = SORTIERUNGEN.get(wert.lstrip("-"), [])
    terme = []
    for feld in felder:
        # Open-ended measures (ende NULL) count as "latest", in both directions.
        ausdruck = F(feld)
        if absteigend:
            terme.append(ausdruck.desc(nulls_first=True if feld == "ende" else None))
        else:
            terme.append(ausdruck.asc(nulls_last=True))
    return [*terme, "titel", "pk"]


def ressort_auswahl():
    werte = (
        Massnahme.objects.veroeffentlicht()
        .order_by("ressort")
        .values_list("ressort", flat=True)
        .distinct()
    )
    return [(w, w) for w in werte]


class MassnahmeFilter(filters.FilterSet):
    q = filters.CharFilter(
        label=_("Suche"),
        method="suchen",
    )
    handlungsfeld = filters.ModelChoiceFilter(
        label=_("Handlungsfeld"),
        queryset=Handlungsfeld.objects.all(),
        to_field_name="slug",
        empty_label=_("Alle Handlungsfelder"),
    )
    zielgruppe = filters.ModelChoiceFilter(
        label=_("Zielgruppe"),
        queryset=Zielgruppe.objects.all(),
        to_field_name="slug",
        empty_label=_("Alle Zielgruppen"),
        method="nach_zielgruppe",
    )
    kreis = filters.ModelChoiceFilter(
        label=_("Stadt- oder Landkreis"),
        queryset=Kreis.objects.order_by("name", "art"),
        to_field_name="kreisschluessel",
        empty_label=_("Alle Kreise"),
        method="nach_kreis",
    )
    ressort = filters.ChoiceFilter(
        label=_("Ressort"), choices=ressort_auswahl, empty_label=_("Alle Ressorts")
    )
    nur_laufende = filters.BooleanFilter(
        label=_("nur laufende Maßnahmen"), method="nach_laufzeit", widget=forms.CheckboxInput
    )
    sort = filters.ChoiceFilter(
        label=_("Sortierung"),
        choices=SORTIER_AUSWAHL,
        empty_label=None,
        method="sortieren",
    )

    class Meta:
        model = Massnahme
        fields = ["q", "handlungsfeld", "zielgruppe", "kreis", "ressort", "nur_laufende"]

    def suchen(self, queryset, name, value):
        # Every word must occur somewhere; simple and predictable on any database.
        for wort in value.split()[:10]:
            queryset = queryset.filter(
                Q(titel__icontains=wort)
                | Q(kurzbeschreibung__icontains=wort)
                | Q(beschreibung__icontains=wort)
                | Q(ressort__icontains=wort)
                | Q(traeger__icontains=wort)
                | Q(foerderprogramm__icontains=wort)
            )
        return queryset

    def nach_zielgruppe(self, queryset, name, value):
        return queryset.fuer_zielgruppe(value)

    def nach_kreis(self, queryset, name, value):
        return queryset.fuer_kreis(value)

    def nach_laufzeit(self, queryset, name, value):
        return queryset.laufend() if value else queryset

    def sortieren(self, queryset, name, value):
        return queryset.order_by(*sortierung(value))


def massnahmen_filtern(daten) -> MassnahmeFilter:
    """The filter over published measures for the query parameters ``daten``."""
    return MassnahmeFilter(daten, queryset=Massnahme.objects.veroeffentlicht().fuer_liste())
