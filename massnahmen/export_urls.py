"""Root-level export URLs ``/massnahmen.csv`` and ``/massnahmen.json`` (no namespace)."""

from django.urls import path

from . import views

urlpatterns = [
    path("massnahmen.csv", views.export_csv, name="massnahmen_csv"),
    path("massnahmen.json", views.export_json, name="massnahmen_json"),
]
