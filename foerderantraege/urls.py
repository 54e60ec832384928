from django.urls import path

from . import views

app_name = "foerderantraege"

urlpatterns = [
    path("", views.liste, name="liste"),
]
