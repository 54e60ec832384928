from django.urls import path

from . import views

app_name = "erstattungen"

urlpatterns = [
    path("vorauszahlungen/", views.vorauszahlungen, name="vorauszahlungen"),
]
