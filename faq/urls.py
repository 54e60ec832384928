from django.urls import path

from . import views

app_name = "faq"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:kategorie>/", views.kategorie, name="kategorie"),
    path("<slug:kategorie>/<slug:frage>/", views.frage, name="frage"),
    path("<slug:kategorie>/<slug:frage>/bewerten/", views.bewerten, name="bewerten"),
]
