from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from faq import views as faq_views

from . import health, views

urlpatterns = [
    path("", views.start, name="start"),
    path(
        "impressum/", TemplateView.as_view(template_name="seiten/impressum.html"), name="impressum"
    ),
    path(
        "datenschutz/",
        TemplateView.as_view(template_name="seiten/datenschutz.html"),
        name="datenschutz",
    ),
    path(
        "barrierefreiheit/",
        TemplateView.as_view(template_name="seiten/barrierefreiheit.html"),
        name="barrierefreiheit",
    ),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("konto/", include("pik_portal.konto_urls")),
    path("antraege/", include("foerderantraege.urls")),
    path("erstattungen/", include("erstattungen.urls")),
    path("faq/", include("faq.urls")),
    path("faq.json", faq_views.faq_json, name="faq_json"),
    path("massnahmen/", include("massnahmen.urls")),
    path("", include("massnahmen.export_urls")),  # /massnahmen.csv, /massnahmen.json
    path("admin/", admin.site.urls),
]

handler404 = "pik_portal.views.nicht_gefunden"
handler500 = "pik_portal.views.serverfehler"
handler403 = "pik_portal.views.verboten"
