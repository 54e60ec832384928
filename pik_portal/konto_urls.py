from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views
from .forms import AnmeldeForm, NeuesPasswortForm, PasswortVergessenForm

app_name = "konto"

urlpatterns = [
    path("", views.konto_uebersicht, name="uebersicht"),
    path(
        "anmelden/",
        auth_views.LoginView.as_view(
            template_name="konto/anmelden.html",
            authentication_form=AnmeldeForm,
            redirect_authenticated_user=True,
        ),
        name="anmelden",
    ),
    path("abmelden/", auth_views.LogoutView.as_view(), name="abmelden"),
    path(
        "passwort/aendern/",
        auth_views.PasswordChangeView.as_view(
            template_name="konto/formular.html",
            success_url=reverse_lazy("konto:passwort_geaendert"),
            extra_context={"titel": "Passwort ändern", "knopf": "Passwort ändern"},
        ),
        name="passwort_aendern",
    ),
    path(
        "passwort/geaendert/",
        auth_views.PasswordChangeDoneView.as_view(template_name="konto/passwort_geaendert.html"),
        name="passwort_geaendert",
    ),
    path(
        "passwort/vergessen/",
        auth_views.PasswordResetView.as_view(
            template_name="konto/formular.html",
            form_class=PasswortVergessenForm,
            email_template_name="emails/passwort_zuruecksetzen.txt",
            subject_template_name="emails/passwort_zuruecksetzen_betreff.txt",
            success_url=reverse_lazy("konto:passwort_mail_gesendet"),
            extra_context={
                "titel": "Passwort vergessen",
                "einleitung": "Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wir senden Ihnen "
                "einen Link, mit dem Sie ein neues Passwort festlegen.",
                "knopf": "Link anfordern",
            },
        ),
        name="passwort_vergessen",
    ),
    path(
        "passwort/vergessen/gesendet/",
        auth_views.PasswordResetDoneView.as_view(template_name="konto/passwort_mail_gesendet.html"),
        name="passwort_mail_gesendet",
    ),
    path(
        "passwort/neu/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="konto/passwort_neu.html",
            form_class=NeuesPasswortForm,
            success_url=reverse_lazy("konto:passwort_neu_fertig"),
        ),
        name="passwort_neu",
    ),
    path(
        "passwort/neu/fertig/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="konto/passwort_neu_fertig.html"
        ),
        name="passwort_neu_fertig",
    ),
    path("organisationen/<int:pk>/mitglieder/", views.mitglieder, name="mitglieder"),
    path(
        "organisationen/<int:pk>/mitglieder/<int:mitgliedschaft_pk>/rolle/",
        views.mitglied_rolle,
        name="mitglied_rolle",
    ),
    path(
        "organisationen/<int:pk>/mitglieder/<int:mitgliedschaft_pk>/entfernen/",
        views.mitglied_entfernen,
        name="mitglied_entfernen",
    ),
]
