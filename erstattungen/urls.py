from django.urls import path

from . import views

app_name = "erstattungen"

urlpatterns = [
    path("vorauszahlungen/", views.vorauszahlungen, name="vorauszahlungen"),
    path("vorauszahlungen.csv", views.vorauszahlungen_csv, name="vorauszahlungen_csv"),
    path("vorauszahlungen.json", views.vorauszahlungen_json, name="vorauszahlungen_json"),
    path("abrechnungen/", views.abrechnungen, name="abrechnungen"),
    path("abrechnungen/neu/", views.abrechnung_neu, name="abrechnung_neu"),
    path("abrechnungen/<int:pk>/", views.abrechnung_detail, name="abrechnung"),
    path(
        "abrechnungen/<int:pk>/bearbeiten/",
        views.abrechnung_bearbeiten,
        name="abrechnung_bearbeiten",
    ),
    path(
        "abrechnungen/<int:pk>/einreichen/",
        views.abrechnung_einreichen,
        name="abrechnung_einreichen",
    ),
    path("abrechnungen/<int:pk>/anlagen/neu/", views.anlage_neu, name="anlage_neu"),
    path(
        "abrechnungen/<int:pk>/anlagen/<int:anlage_pk>/",
        views.anlage_herunterladen,
        name="anlage",
    ),
    path(
        "abrechnungen/<int:pk>/bescheide/<int:bescheid_pk>.pdf",
        views.bescheid_herunterladen,
        name="bescheid",
    ),
]
