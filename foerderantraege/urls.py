from django.urls import path

from . import views

app_name = "foerderantraege"

urlpatterns = [
    path("", views.liste, name="liste"),
    path("neu/", views.neu, name="neu"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/antragsteller/", views.antragsteller, name="antragsteller"),
    path("<int:pk>/stellen/", views.stellen, name="stellen"),
    path("<int:pk>/stellen/neu/", views.stelle_bearbeiten, name="stelle_neu"),
    path("<int:pk>/stellen/<int:stelle_id>/", views.stelle_bearbeiten, name="stelle"),
    path(
        "<int:pk>/stellen/<int:stelle_id>/loeschen/", views.stelle_loeschen, name="stelle_loeschen"
    ),
    path("<int:pk>/finanzierung/", views.finanzierung, name="finanzierung"),
    path("<int:pk>/bankverbindung/", views.bankverbindung, name="bankverbindung"),
    path("<int:pk>/anlagen/", views.anlagen, name="anlagen"),
    path("<int:pk>/anlagen/<int:anlage_id>/", views.anlage, name="anlage"),
    path(
        "<int:pk>/anlagen/<int:anlage_id>/loeschen/", views.anlage_loeschen, name="anlage_loeschen"
    ),
    path("<int:pk>/erklaerungen/", views.erklaerungen, name="erklaerungen"),
    path("<int:pk>/pruefen/", views.pruefen, name="pruefen"),
    path("<int:pk>/einreichen/", views.einreichen, name="einreichen"),
    path("<int:pk>/freigeben/", views.freigeben, name="freigeben"),
    path("<int:pk>/eingereicht/", views.bestaetigung, name="bestaetigung"),
    path("<int:pk>/verlauf/", views.verlauf, name="verlauf"),
    path("<int:pk>/nachforderung/", views.nachforderung, name="nachforderung"),
    path("<int:pk>/zurueckziehen/", views.zurueckziehen, name="zurueckziehen"),
    path("<int:pk>/bescheid.pdf", views.bescheid_pdf, name="bescheid_pdf"),
]
