import datetime
import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from erstattungen import services
from erstattungen.models import Abrechnungsbescheid, Kostenkategorie, Spitzabrechnung
from erstattungen.tasks import (
    abrechnungsbescheid_rendern,
    ausstehende_abrechnungsbescheide_einreihen,
)
from pik_portal.dokumente import RenderStatus
from pik_portal.models import Mitgliedschaft, Organisation, Protokolleintrag
from tests.factories import (
    BenutzerFactory,
    OrganisationFactory,
    VorauszahlungFactory,
    kreis,
    kreis_organisation,
    mitglied,
    referatsleitung,
    sachbearbeitung,
)

pytestmark = pytest.mark.django_db
Status = Spitzabrechnung.Status
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def org():
    return kreis_organisation("08116", name="Landratsamt Esslingen")


@pytest.fixture
def kreisnutzer(org):
    return mitglied(org)


def _abrechnung(org, benutzer, jahr=2025, betraege=(Decimal("1000000.00"),)):
    abrechnung = services.spitzabrechnung_anlegen(benutzer, org, jahr)
    positionen = list(abrechnung.positionen.all())
    services.spitzabrechnung_bearbeiten(
        benutzer,
        abrechnung,
        personen=120,
        belegungstage=40000,
        bemerkung="",
        betraege={p.pk: b for p, b in zip(positionen, betraege, strict=False)},
    )
    return abrechnung


@pytest.fixture
def bis_festgesetzt(django_capture_on_commit_callbacks):
    """Run a draft through the whole flow; the PDF task runs as after a real commit."""

    def ausfuehren(abrechnung, kreisnutzer, anerkannt):
        with django_capture_on_commit_callbacks(execute=True):
            return _bis_festgesetzt(abrechnung, kreisnutzer, anerkannt)

    return ausfuehren


def _bis_festgesetzt(abrechnung, kreisnutzer, anerkannt):
    sb = sachbearbeitung()
    services.spitzabrechnung_einreichen(kreisnutzer, abrechnung)
    services.pruefung_beginnen(sb, abrechnung)
    positionen = list(abrechnung.positionen.all())
    werte = {p.pk: Decimal(0) for p in positionen}
    werte[positionen[0].pk] = anerkannt
    services.anerkannte_betraege_erfassen(sb, abrechnung, werte)
    services.spitzabrechnung_festsetzen(sb, abrechnung)
    abrechnung.refresh_from_db()
    return abrechnung


def _vorauszahlungen(betraege, jahr=2025, ks="08116"):
    for b in betraege:
        VorauszahlungFactory(kreis=kreis(ks), abrechnungsjahr=jahr, betrag=Decimal(b))


def test_anlegen_mit_allen_aktiven_kategorien(org, kreisnutzer):
    abrechnung = services.spitzabrechnung_anlegen(kreisnutzer, org, 2025)
    assert abrechnung.status == Status.ENTWURF
    assert abrechnung.kreis == org.kreis
    assert abrechnung.positionen.count() == 6
    assert abrechnung.statusaenderungen.get().nach_status == Status.ENTWURF
    with pytest.raises(ValidationError):
        services.spitzabrechnung_anlegen(kreisnutzer, org, 2025)


def test_nur_kreise_duerfen_anlegen():
    stadt = OrganisationFactory(art=Organisation.Art.STADT)
    with pytest.raises(PermissionDenied):
        services.spitzabrechnung_anlegen(mitglied(stadt), stadt, 2025)


def test_nachzahlung(org, kreisnutzer, bis_festgesetzt):
    _vorauszahlungen(["250000.00", "250000.00", "100000.01"])
    VorauszahlungFactory(
        kreis=org.kreis, abrechnungsjahr=2025, betrag=Decimal("999"), zahlungsdatum=None
    )
    VorauszahlungFactory(kreis=org.kreis, abrechnungsjahr=2024, betrag=Decimal("999"))
    VorauszahlungFactory(kreis=kreis("08111"), abrechnungsjahr=2025, betrag=Decimal("999"))
    abrechnung = bis_festgesetzt(_abrechnung(org, kreisnutzer), kreisnutzer, Decimal("900000.00"))
    assert abrechnung.status == Status.FESTGESETZT
    bescheid = abrechnung.bescheide.get()
    assert bescheid.summe_vorauszahlungen == Decimal("600000.01")
    assert bescheid.saldo == Decimal("299999.99")
    assert bescheid.art == Abrechnungsbescheid.Art.NACHZAHLUNG
    assert bescheid.render_status == RenderStatus.FERTIG
    text = "".join(s.extract_text() for s in PdfReader(io.BytesIO(bescheid.pdf.read())).pages)
    assert "299.999,99" in text
    assert "nach" in text


def test_rueckforderung(org, kreisnutzer, bis_festgesetzt):
    _vorauszahlungen(["500000.00", "500000.00"])
    abrechnung = bis_festgesetzt(_abrechnung(org, kreisnutzer), kreisnutzer, Decimal("812345.67"))
    bescheid = abrechnung.bescheide.get()
    assert bescheid.saldo == Decimal("-187654.33")
    assert bescheid.art == Abrechnungsbescheid.Art.RUECKFORDERUNG
    assert bescheid.betrag_ausgleich == Decimal("187654.33")
    # The notice keeps its amounts even if an advance is corrected later.
    VorauszahlungFactory(kreis=org.kreis, abrechnungsjahr=2025, betrag=Decimal("1.00"))
    bescheid.refresh_from_db()
    assert bescheid.summe_vorauszahlungen == Decimal("1000000.00")


def test_rendern_ist_idempotent(org, kreisnutzer, bis_festgesetzt):
    abrechnung = bis_festgesetzt(_abrechnung(org, kreisnutzer), kreisnutzer, Decimal("1.00"))
    bescheid = abrechnung.bescheide.get()
    sha = bescheid.sha256
    assert abrechnungsbescheid_rendern(bescheid.pk) is False
    bescheid.refresh_from_db()
    assert bescheid.sha256 == sha and bescheid.versuche == 1
    assert ausstehende_abrechnungsbescheide_einreihen() == 0


def _rolle(name, org):
    if name == "kreis":
        return mitglied(org)
    if name == "kreis_mitglied":
        return mitglied(org, rolle=Mitgliedschaft.Rolle.MITGLIED)
    if name == "fremder_kreis":
        return mitglied(kreis_organisation("08111"))
    if name == "sachbearbeitung":
        return sachbearbeitung()
    return referatsleitung()


ROLLEN = ["kreis", "kreis_mitglied", "fremder_kreis", "sachbearbeitung", "referatsleitung"]
ERLAUBT = {
    (Status.ENTWURF, Status.EINGEREICHT): {"kreis"},
    (Status.EINGEREICHT, Status.IN_PRUEFUNG): {"sachbearbeitung", "referatsleitung"},
    (Status.IN_PRUEFUNG, Status.FESTGESETZT): {"sachbearbeitung", "referatsleitung"},
}


@pytest.mark.parametrize("rolle", ROLLEN)
@pytest.mark.parametrize("von", list(Status))
@pytest.mark.parametrize("nach", list(Status))
def test_uebergangsmatrix(org, kreisnutzer, von, nach, rolle):
    abrechnung = _abrechnung(org, kreisnutzer)
    abrechnung.positionen.update(betrag_anerkannt=Decimal("5.00"))
    Spitzabrechnung.objects.filter(pk=abrechnung.pk).update(status=von)
    benutzer = _rolle(rolle, org)
    anzahl = abrechnung.statusaenderungen.count()
    if rolle in ERLAUBT.get((von, nach), set()):
        services.status_setzen(abrechnung, nach, benutzer)
        abrechnung.refresh_from_db()
        assert abrechnung.status == nach
        letzte = abrechnung.statusaenderungen.last()
        assert (letzte.von_status, letzte.nach_status, letzte.benutzer) == (von, nach, benutzer)
    else:
        with pytest.raises(PermissionDenied):
            services.status_setzen(abrechnung, nach, benutzer)
        abrechnung.refresh_from_db()
        assert abrechnung.status == von
        assert abrechnung.statusaenderungen.count() == anzahl


def test_anerkannte_betraege_werden_protokolliert(org, kreisnutzer):
    abrechnung = _abrechnung(org, kreisnutzer)
    sb = sachbearbeitung()
    services.spitzabrechnung_einreichen(kreisnutzer, abrechnung)
    services.pruefung_beginnen(sb, abrechnung)
    erste, zweite = list(abrechnung.positionen.select_related("kategorie"))[:2]
    services.anerkannte_betraege_erfassen(
        sb, abrechnung, {erste.pk: Decimal("1234.5"), zweite.pk: None}
    )
    eintrag = Protokolleintrag.objects.get(aktion="anerkannte_betraege")
    assert eintrag.benutzer == sb
    assert eintrag.organisation == org
    assert eintrag.beschreibung == (
        f"{abrechnung.aktenzeichen}: {erste.kategorie.name}: – → 1.234,50\u00a0€"
    )
    # Saving the same amounts again changes nothing and logs nothing.
    services.anerkannte_betraege_erfassen(sb, abrechnung, {erste.pk: Decimal("1234.50")})
    assert Protokolleintrag.objects.filter(aktion="anerkannte_betraege").count() == 1


def test_festsetzen_nur_mit_allen_anerkannten_betraegen(org, kreisnutzer):
    abrechnung = _abrechnung(org, kreisnutzer)
    services.spitzabrechnung_einreichen(kreisnutzer, abrechnung)
    services.pruefung_beginnen(sachbearbeitung(), abrechnung)
    with pytest.raises(ValidationError):
        services.spitzabrechnung_festsetzen(sachbearbeitung(), abrechnung)
    assert not Abrechnungsbescheid.objects.exists()


def test_leere_abrechnung_kann_nicht_eingereicht_werden(org, kreisnutzer):
    abrechnung = services.spitzabrechnung_anlegen(kreisnutzer, org, 2025)
    with pytest.raises(ValidationError):
        services.spitzabrechnung_einreichen(kreisnutzer, abrechnung)


# --- pages ----------------------------------------------------------------------


def test_kreis_reicht_ueber_die_seiten_ein(client, org, kreisnutzer):
    client.force_login(kreisnutzer)
    assert client.get("/erstattungen/abrechnungen/").status_code == 200
    antwort = client.post(
        reverse("erstattungen:abrechnung_neu"),
        {"organisation": org.pk, "abrechnungsjahr": datetime.date.today().year},
    )
    abrechnung = Spitzabrechnung.objects.get()
    assert antwort.url == reverse("erstattungen:abrechnung_bearbeiten", args=[abrechnung.pk])
    positionen = list(abrechnung.positionen.all())
    daten = {"personen": "12", "belegungstage": "3.650", "bemerkung": "x"}
    daten.update({f"betrag_{p.pk}": "0" for p in positionen})
    daten[f"betrag_{positionen[0].pk}"] = "-5"
    antwort = client.post(antwort.url, daten)
    assert antwort.status_code == 200  # error shown, input kept
    assert "Der Betrag darf nicht negativ sein." in antwort.content.decode()
    daten["belegungstage"] = "3650"
    daten[f"betrag_{positionen[0].pk}"] = "1.234,56"
    antwort = client.post(
        reverse("erstattungen:abrechnung_bearbeiten", args=[abrechnung.pk]), daten
    )
    assert antwort.status_code == 302
    antwort = client.post(
        reverse("erstattungen:anlage_neu", args=[abrechnung.pk]),
        {
            "bezeichnung": "Mietverträge",
            "datei": SimpleUploadedFile("m.pdf", PDF, "application/pdf"),
        },
    )
    assert antwort.status_code == 302
    antwort = client.post(
        reverse("erstattungen:anlage_neu", args=[abrechnung.pk]),
        {
            "bezeichnung": "Kein PDF",
            "datei": SimpleUploadedFile("m.pdf", b"hallo", "application/pdf"),
        },
    )
    assert "Bitte laden Sie eine PDF-Datei hoch." in antwort.content.decode()
    anlage = abrechnung.anlagen.get()
    antwort = client.get(reverse("erstattungen:anlage", args=[abrechnung.pk, anlage.pk]))
    assert b"".join(antwort.streaming_content) == PDF
    client.post(reverse("erstattungen:abrechnung_einreichen", args=[abrechnung.pk]))
    abrechnung.refresh_from_db()
    assert abrechnung.status == Status.EINGEREICHT
    assert abrechnung.positionen.get(pk=positionen[0].pk).betrag_erklaert == Decimal("1234.56")
    assert (
        "eingereicht"
        in client.get(reverse("erstattungen:abrechnung", args=[abrechnung.pk])).content.decode()
    )


def test_erlaeuterung_der_kostenkategorie_wird_escaped(client, org, kreisnutzer):
    Kostenkategorie.objects.create(
        name="Sonstiges", beschreibung='<img src=x onerror="alert(1)"> & Co.'
    )
    abrechnung = services.spitzabrechnung_anlegen(kreisnutzer, org, 2025)
    client.force_login(kreisnutzer)
    url = reverse("erstattungen:abrechnung_bearbeiten", args=[abrechnung.pk])
    html = client.get(url).content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Co." in html


def test_service_nimmt_nur_pdf_an(org, kreisnutzer):
    abrechnung = services.spitzabrechnung_anlegen(kreisnutzer, org, 2025)
    with pytest.raises(ValidationError, match="Bitte laden Sie eine PDF-Datei hoch."):
        services.anlage_hinzufuegen(
            kreisnutzer,
            abrechnung,
            bezeichnung="x",
            datei=SimpleUploadedFile("x.pdf", b"<html>", "application/pdf"),
        )
    assert not abrechnung.anlagen.exists()


def test_bescheid_herunterladen(client, org, kreisnutzer, bis_festgesetzt):
    abrechnung = bis_festgesetzt(_abrechnung(org, kreisnutzer), kreisnutzer, Decimal("10.00"))
    bescheid = abrechnung.bescheide.get()
    client.force_login(kreisnutzer)
    seite = client.get(reverse("erstattungen:abrechnung", args=[abrechnung.pk])).content.decode()
    url = reverse("erstattungen:bescheid", args=[abrechnung.pk, bescheid.pk])
    assert url in seite
    antwort = client.get(url)
    assert antwort["Content-Type"] == "application/pdf"
    assert b"".join(antwort.streaming_content).startswith(b"%PDF")


def test_fremder_kreis_bekommt_404(client, org, kreisnutzer, bis_festgesetzt):
    abrechnung = bis_festgesetzt(_abrechnung(org, kreisnutzer), kreisnutzer, Decimal("10.00"))
    anlage = abrechnung.anlagen.create(bezeichnung="x", datei=SimpleUploadedFile("a.pdf", PDF))
    client.force_login(mitglied(kreis_organisation("08111")))
    pk = abrechnung.pk
    for url in [
        reverse("erstattungen:abrechnung", args=[pk]),
        reverse("erstattungen:abrechnung_bearbeiten", args=[pk]),
        reverse("erstattungen:anlage_neu", args=[pk]),
        reverse("erstattungen:anlage", args=[pk, anlage.pk]),
        reverse("erstattungen:bescheid", args=[pk, abrechnung.bescheide.get().pk]),
    ]:
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("erstattungen:abrechnung_einreichen", args=[pk])).status_code == 404


@pytest.mark.parametrize("art", ["stadt", "gemeinde", "freier_traeger", None])
def test_keine_kreisorganisation_bekommt_404(client, art):
    benutzer = mitglied(OrganisationFactory(art=art)) if art else sachbearbeitung()
    client.force_login(benutzer)
    assert client.get("/erstattungen/abrechnungen/").status_code == 404
    assert client.get("/erstattungen/abrechnungen/neu/").status_code == 404


def test_anonym_wird_zur_anmeldung_geleitet(client):
    antwort = client.get("/erstattungen/abrechnungen/")
    assert antwort.status_code == 302 and "/konto/anmelden/" in antwort.url


@pytest.mark.parametrize("anzahl", [1, 3])
def test_liste_abfragen_konstant(client, django_assert_max_num_queries, anzahl):
    org = kreis_organisation("08116")
    benutzer = mitglied(org)
    for jahr in range(2020, 2020 + anzahl):
        services.spitzabrechnung_anlegen(benutzer, org, jahr)
    client.force_login(benutzer)
    with django_assert_max_num_queries(7):
        assert client.get("/erstattungen/abrechnungen/").status_code == 200


# --- admin ----------------------------------------------------------------------


def test_admin_erfasst_anerkannte_betraege_und_setzt_fest(
    client, org, kreisnutzer, django_capture_on_commit_callbacks
):
    _vorauszahlungen(["100.00"])
    abrechnung = _abrechnung(org, kreisnutzer)
    services.spitzabrechnung_einreichen(kreisnutzer, abrechnung)
    sb = sachbearbeitung()
    client.force_login(sb)
    liste = reverse("admin:erstattungen_spitzabrechnung_changelist")
    client.post(liste, {"action": "aktion_pruefung_beginnen", "_selected_action": [abrechnung.pk]})
    abrechnung.refresh_from_db()
    assert abrechnung.status == Status.IN_PRUEFUNG

    url = reverse("admin:erstattungen_spitzabrechnung_change", args=[abrechnung.pk])
    assert client.get(url).status_code == 200
    positionen = list(abrechnung.positionen.all())
    daten = {
        "positionen-TOTAL_FORMS": len(positionen),
        "positionen-INITIAL_FORMS": len(positionen),
        "positionen-MIN_NUM_FORMS": 0,
        "positionen-MAX_NUM_FORMS": 1000,
        "anlagen-TOTAL_FORMS": 0,
        "anlagen-INITIAL_FORMS": 0,
        "bescheide-TOTAL_FORMS": 0,
        "bescheide-INITIAL_FORMS": 0,
        "statusaenderungen-TOTAL_FORMS": 0,
        "statusaenderungen-INITIAL_FORMS": 0,
    }
    for i, p in enumerate(positionen):
        daten[f"positionen-{i}-id"] = p.pk
        daten[f"positionen-{i}-spitzabrechnung"] = abrechnung.pk
        daten[f"positionen-{i}-betrag_anerkannt"] = "50,50" if i == 0 else "0"
    antwort = client.post(url, daten)
    assert antwort.status_code == 302, antwort.context["errors"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(liste, {"action": "aktion_festsetzen", "_selected_action": [abrechnung.pk]})
    abrechnung.refresh_from_db()
    assert abrechnung.status == Status.FESTGESETZT
    bescheid = abrechnung.bescheide.get()
    assert bescheid.saldo == Decimal("-49.50")
    assert bescheid.art == Abrechnungsbescheid.Art.RUECKFORDERUNG
    assert bescheid.render_status == RenderStatus.FERTIG
    seite = client.get(url).content.decode()
    pdf_url = reverse("admin:erstattungen_abrechnungsbescheid_pdf", args=[bescheid.pk])
    assert pdf_url in seite
    assert b"".join(client.get(pdf_url).streaming_content).startswith(b"%PDF")
    assert [e.benutzer for e in abrechnung.statusaenderungen.all()][-2:] == [sb, sb]


def test_admin_meldet_abgelehnte_anerkennung_ohne_erfolgsmeldung(client, org, kreisnutzer):
    abrechnung = _abrechnung(org, kreisnutzer)
    services.spitzabrechnung_einreichen(kreisnutzer, abrechnung)
    services.pruefung_beginnen(sachbearbeitung(), abrechnung)
    # Staff with the admin permissions but without an RP role: the service refuses.
    ohne_rolle = BenutzerFactory(is_staff=True)
    ohne_rolle.user_permissions.set(
        Permission.objects.filter(
            codename__in=["view_spitzabrechnung", "change_spitzabrechnung"]
            + ["view_abrechnungsposition", "change_abrechnungsposition"]
        )
    )
    client.force_login(ohne_rolle)
    url = reverse("admin:erstattungen_spitzabrechnung_change", args=[abrechnung.pk])
    positionen = list(abrechnung.positionen.all())
    daten = {
        "positionen-TOTAL_FORMS": len(positionen),
        "positionen-INITIAL_FORMS": len(positionen),
        "positionen-MIN_NUM_FORMS": 0,
        "positionen-MAX_NUM_FORMS": 1000,
    }
    for inline in ["anlagen", "bescheide", "statusaenderungen"]:
        daten.update({f"{inline}-TOTAL_FORMS": 0, f"{inline}-INITIAL_FORMS": 0})
    for i, p in enumerate(positionen):
        daten[f"positionen-{i}-id"] = p.pk
        daten[f"positionen-{i}-spitzabrechnung"] = abrechnung.pk
        daten[f"positionen-{i}-betrag_anerkannt"] = "50,00"
    antwort = client.post(url, daten, follow=True)
    meldungen = [str(m) for m in antwort.context["messages"]]
    assert not any("erfolgreich" in m for m in meldungen), meldungen
    assert "Dazu fehlt Ihnen die Berechtigung." in meldungen
    assert not abrechnung.positionen.filter(betrag_anerkannt__isnull=False).exists()


def test_admin_seiten_fuer_das_rp(client, org, kreisnutzer):
    abrechnung = _abrechnung(org, kreisnutzer)
    vz = VorauszahlungFactory()
    client.force_login(referatsleitung())
    for url in [
        reverse("admin:erstattungen_spitzabrechnung_changelist"),
        reverse("admin:erstattungen_spitzabrechnung_change", args=[abrechnung.pk]),
        reverse("admin:erstattungen_kostenkategorie_changelist"),
        reverse("admin:erstattungen_vorauszahlung_change", args=[vz.pk]),
        reverse("admin:erstattungen_vorauszahlung_history", args=[vz.pk]),
        reverse("admin:erstattungen_vorauszahlung_import"),
    ]:
        assert client.get(url).status_code == 200, url
    # The Kreis files; the RP cannot add or delete a Spitzabrechnung in the admin.
    assert client.get(reverse("admin:erstattungen_spitzabrechnung_add")).status_code == 403


def test_rp_laedt_anlagen_im_admin_herunter(client, org, kreisnutzer):
    abrechnung = _abrechnung(org, kreisnutzer)
    anlage = services.anlage_hinzufuegen(
        kreisnutzer,
        abrechnung,
        bezeichnung="Mietverträge",
        datei=SimpleUploadedFile("<x>.pdf", PDF, "application/pdf"),
    )
    url = reverse("admin:erstattungen_abrechnungsanlage_datei", args=[anlage.pk])
    # Kreis users and staff without the view permission get nothing.
    client.force_login(kreisnutzer)
    assert client.get(url).status_code == 302
    client.force_login(BenutzerFactory(is_staff=True))
    assert client.get(url).status_code == 403
    client.force_login(sachbearbeitung())
    seite = client.get(
        reverse("admin:erstattungen_spitzabrechnung_change", args=[abrechnung.pk])
    ).content.decode()
    assert url in seite
    antwort = client.get(url)
    assert antwort["Content-Type"] == "application/pdf"
    assert 'filename="anlage-' in antwort["Content-Disposition"]
    assert b"".join(antwort.streaming_content) == PDF


def test_spaetere_vorauszahlung_aendert_den_festgesetzten_saldo_nicht(
    client, org, kreisnutzer, bis_festgesetzt
):
    _vorauszahlungen(["100.00"])
    abrechnung = bis_festgesetzt(_abrechnung(org, kreisnutzer), kreisnutzer, Decimal("150.00"))
    assert abrechnung.bescheide.get().saldo == Decimal("50.00")
    _vorauszahlungen(["1000.00"])  # booked after the Bescheid
    client.force_login(sachbearbeitung())
    admin = client.get(
        reverse("admin:erstattungen_spitzabrechnung_change", args=[abrechnung.pk])
    ).content.decode()
    assert "Nachzahlung 50,00" in admin
    assert "Vorauszahlungen 100,00" in admin
    client.force_login(kreisnutzer)
    seite = client.get(reverse("erstattungen:abrechnung", args=[abrechnung.pk])).content.decode()
    assert "Nachzahlung an den Kreis" in seite
    assert (
        '<dd class="kern-description-list-item__value erstattungen-saldo" id="saldo">50,00' in seite
    )


def test_ausstehender_bescheid_wird_nachgeholt(org, kreisnutzer):
    # Festsetzen without running the on-commit hook: as if the broker had been down.
    abrechnung = _bis_festgesetzt(_abrechnung(org, kreisnutzer), kreisnutzer, Decimal("10.00"))
    bescheid = abrechnung.bescheide.get()
    assert bescheid.render_status == RenderStatus.AUSSTEHEND
    assert ausstehende_abrechnungsbescheide_einreihen() == 0  # too young to re-queue
    Abrechnungsbescheid.objects.filter(pk=bescheid.pk).update(
        erstellt_am=bescheid.erstellt_am - datetime.timedelta(hours=1)
    )
    assert ausstehende_abrechnungsbescheide_einreihen() == 1
    bescheid.refresh_from_db()
    assert bescheid.render_status == RenderStatus.FERTIG
    assert ausstehende_abrechnungsbescheide_einreihen() == 0


def test_mitglied_ohne_zeichnungsrecht_sieht_hinweis(client, org, kreisnutzer):
    abrechnung = _abrechnung(org, kreisnutzer)
    client.force_login(mitglied(org, rolle=Mitgliedschaft.Rolle.MITGLIED))
    seite = client.get(reverse("erstattungen:abrechnung", args=[abrechnung.pk])).content.decode()
    assert "Spitzabrechnung einreichen" not in seite
    assert "Einreichen dürfen nur zeichnungsberechtigte Mitglieder" in seite


def _admin_abfragen(client, org, kreisnutzer, kategorien):
    for i in range(kategorien):
        Kostenkategorie.objects.get_or_create(name=f"Zusatzkategorie {i}")
    abrechnung = _abrechnung(org, kreisnutzer, jahr=2020 + kategorien)
    services.anlage_hinzufuegen(
        kreisnutzer, abrechnung, bezeichnung="a", datei=SimpleUploadedFile("a.pdf", PDF)
    )
    url = reverse("admin:erstattungen_spitzabrechnung_change", args=[abrechnung.pk])
    with CaptureQueriesContext(connection) as abfragen:
        assert client.get(url).status_code == 200
    return len(abfragen)


def test_admin_seite_abfragen_wachsen_nicht_mit_den_positionen(client, org, kreisnutzer):
    client.force_login(sachbearbeitung())
    _admin_abfragen(client, org, kreisnutzer, 0)  # warm caches (content types, session)
    wenige = _admin_abfragen(client, org, kreisnutzer, 1)
    viele = _admin_abfragen(client, org, kreisnutzer, 6)
    assert viele == wenige
