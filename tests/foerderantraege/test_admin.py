import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from foerderantraege.models import Foerderantrag, Planungsrahmen, Status
from pik_portal.models import Kreis
from tests.factories import (
    FoerderaufrufFactory,
    OrganisationFactory,
    referatsleitung,
    sachbearbeitung,
)

from .hilfen import antrag_im_status

pytestmark = pytest.mark.django_db


def _url(name, *args):
    return reverse(f"admin:foerderantraege_foerderantrag_{name}", args=args)


def test_changelist_abfragen_wachsen_nicht(client, django_assert_max_num_queries):
    aufruf = FoerderaufrufFactory()
    kreise = list(Kreis.objects.all()[:5])
    orgs = [OrganisationFactory(kreis=k) for k in kreise]
    client.force_login(sachbearbeitung())

    def anlegen(n, start):
        Foerderantrag.objects.bulk_create(
            [
                Foerderantrag(
                    aufruf=aufruf,
                    organisation=orgs[i % len(orgs)],
                    status=Status.EINGEREICHT,
                    aktenzeichen=f"PIK-IM-2026-{start + i:05d}",
                    beantragter_betrag=Decimal("68000.00"),
                    eingereicht_am=timezone.now(),
                )
                for i in range(n)
            ]
        )

    url = reverse("admin:foerderantraege_foerderantrag_changelist")
    anlegen(10, 1)
    with django_assert_max_num_queries(30) as wenige:
        assert client.get(url).status_code == 200
    anlegen(190, 11)
    with django_assert_max_num_queries(len(wenige.captured_queries)):
        antwort = client.get(url)
    assert antwort.status_code == 200
    assert "PIK-IM-2026-00200" in antwort.content.decode()
    assert "68.000,00" in antwort.content.decode()


def test_changelist_suche_und_filter(client):
    antrag, leute = antrag_im_status(Status.EINGEREICHT)
    client.force_login(leute.sachbearbeitung)
    url = reverse("admin:foerderantraege_foerderantrag_changelist")
    assert antrag.aktenzeichen in client.get(url, {"q": antrag.aktenzeichen}).content.decode()
    antwort = client.get(url, {"status__exact": "bewilligt"})
    assert antrag.aktenzeichen not in antwort.content.decode()
    bezirk = antrag.organisation.kreis.regierungsbezirk
    antwort = client.get(url, {"organisation__kreis__regierungsbezirk": bezirk})
    assert antrag.aktenzeichen in antwort.content.decode()


def test_ganzer_ablauf_im_admin(client, mailoutbox, django_capture_on_commit_callbacks):
    antrag, leute = antrag_im_status(Status.EINGEREICHT)
    client.force_login(leute.sachbearbeitung)
    detail = client.get(_url("change", antrag.pk)).content.decode()
    assert "Prüfung beginnen" in detail and "Zeichnen" not in detail
    assert "DE89 3704 0044 0532 0130 00" in detail  # the RP sees the full IBAN

    client.post(_url("pruefung_beginnen", antrag.pk))
    antrag.refresh_from_db()
    assert antrag.status == Status.IN_PRUEFUNG

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            _url("nachforderung", antrag.pk),
            {
                "text": "Bitte Kooperationsvertrag",
                "frist": str(timezone.localdate() + dt.timedelta(days=7)),
            },
        )
    antrag.refresh_from_db()
    assert antrag.status == Status.NACHFORDERUNG
    assert any("Nachforderung" in m.subject for m in mailoutbox)

    from foerderantraege import services

    services.nachforderung_beantworten(antrag.pk, leute.mitglied, antwort="anbei")

    antwort = client.post(
        _url("vorschlag", antrag.pk),
        {"art": "bewilligen", "betrag": "68.000,01", "begruendung": "passt"},
    )
    assert antwort.status_code == 200
    assert "höchstens der beantragte Betrag" in antwort.content.decode()
    antrag.refresh_from_db()
    assert antrag.status == Status.IN_PRUEFUNG
    client.post(
        _url("vorschlag", antrag.pk),
        {"art": "bewilligen", "betrag": "60.000,00", "begruendung": "Teilbewilligung"},
    )
    antrag.refresh_from_db()
    assert antrag.status == Status.ENTSCHEIDUNGSVORSCHLAG
    assert "Zeichnen" not in client.get(_url("change", antrag.pk)).content.decode()

    client.force_login(leute.referatsleitung)
    assert "Zeichnen" in client.get(_url("change", antrag.pk)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("zeichnen", antrag.pk), {"bemerkung": ""})
    antrag.refresh_from_db()
    assert antrag.status == Status.BEWILLIGT
    assert antrag.bewilligter_betrag == Decimal("60000.00")
    bescheid = antrag.bescheide.get()
    pdf = client.get(_url("bescheid", antrag.pk, bescheid.pk))
    assert pdf.status_code == 200
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")


def test_vorschlagende_person_sieht_keinen_zeichnen_knopf(client):
    antrag, leute = antrag_im_status(Status.IN_PRUEFUNG)
    beides = sachbearbeitung()
    beides.groups.add(*referatsleitung().groups.all())
    client.force_login(beides)
    client.post(
        _url("vorschlag", antrag.pk),
        {"art": "ablehnen", "begruendung": "Nicht antragsberechtigt"},
    )
    antrag.refresh_from_db()
    assert antrag.status == Status.ENTSCHEIDUNGSVORSCHLAG
    assert "/zeichnen/" not in client.get(_url("change", antrag.pk)).content.decode()
    antwort = client.post(_url("zeichnen", antrag.pk), {"bemerkung": ""}, follow=True)
    assert "Vier-Augen" in antwort.content.decode()
    antrag.refresh_from_db()
    assert antrag.status == Status.ENTSCHEIDUNGSVORSCHLAG


def test_referatsleitung_kann_keine_pruefung_beginnen(client):
    antrag, leute = antrag_im_status(Status.EINGEREICHT)
    client.force_login(leute.referatsleitung)
    assert "Prüfung beginnen" not in client.get(_url("change", antrag.pk)).content.decode()
    client.post(_url("pruefung_beginnen", antrag.pk))
    antrag.refresh_from_db()
    assert antrag.status == Status.EINGEREICHT


def test_antragsteller_kommt_nicht_in_den_admin(client):
    antrag, leute = antrag_im_status(Status.EINGEREICHT)
    client.force_login(leute.zeichnungsberechtigt)
    antwort = client.get(_url("change", antrag.pk))
    assert antwort.status_code == 302 and "/admin/login/" in antwort["Location"]


def test_anlage_im_admin(client):
    antrag, leute = antrag_im_status(Status.EINGEREICHT)
    client.force_login(leute.sachbearbeitung)
    antwort = client.get(_url("anlage", antrag.pk, antrag.anlagen.first().pk))
    assert antwort.status_code == 200


def test_uebersicht_und_csv(client):
    antrag, leute = antrag_im_status(Status.BEWILLIGT)
    client.force_login(leute.sachbearbeitung)
    aufruf = antrag.aufruf
    url = reverse("admin:foerderantraege_foerderaufruf_uebersicht", args=[aufruf.pk])
    inhalt = client.get(url).content.decode()
    assert str(antrag.organisation.kreis) in inhalt and "68.000,00" in inhalt
    csv = client.get(url.replace("uebersicht/", "uebersicht.csv")).content.decode("utf-8-sig")
    zeilen = csv.strip().splitlines()
    assert zeilen[0].startswith("Kreisschlüssel;Kreis;Regierungsbezirk;Planungsrahmen")
    assert len(zeilen) == 45
    esslingen = next(z for z in zeilen if z.startswith(antrag.organisation.kreis.kreisschluessel))
    assert "1.000.000,00;68.000,00;68.000,00;932.000,00;1" in esslingen


def test_planungsrahmen_mit_hochgeladenem_schluessel(client):
    aufruf = FoerderaufrufFactory(gesamtbudget=Decimal("440000.00"))
    client.force_login(sachbearbeitung())
    zeilen = ["Kreisschlüssel;Gewicht"] + [
        f"{ks};{1}" for ks in Kreis.objects.values_list("kreisschluessel", flat=True)
    ]
    datei = SimpleUploadedFile("schluessel.csv", "\n".join(zeilen).encode())
    url = reverse("admin:foerderantraege_foerderaufruf_verteilen", args=[aufruf.pk])
    antwort = client.post(url, {"schluessel": "datei", "datei": datei})
    assert antwort.status_code == 302
    assert set(Planungsrahmen.objects.filter(aufruf=aufruf).values_list("betrag", flat=True)) == {
        Decimal("10000.00")
    }
    kaputt = SimpleUploadedFile("s.csv", b"Kreisschluessel;Gewicht\n99999;5\n")
    antwort = client.post(url, {"schluessel": "datei", "datei": kaputt})
    assert "unbekannter Kreisschlüssel 99999" in antwort.content.decode()


def test_admin_aktion_verteilt_nach_einwohnern(client):
    aufruf = FoerderaufrufFactory()
    client.force_login(sachbearbeitung())
    client.post(
        reverse("admin:foerderantraege_foerderaufruf_changelist"),
        {"action": "planungsrahmen_nach_einwohnern", "_selected_action": [aufruf.pk]},
    )
    assert Planungsrahmen.objects.filter(aufruf=aufruf).count() == 44


def test_festbetraege_nach_einreichung_eingefroren(client):
    antrag, leute = antrag_im_status(Status.EINGEREICHT)
    client.force_login(leute.sachbearbeitung)
    url = reverse("admin:foerderantraege_foerderaufruf_change", args=[antrag.aufruf.pk])
    inhalt = client.get(url).content.decode()
    assert 'name="festbetraege-0-betrag_je_vzae_jahr"' not in inhalt
    assert "68000" in inhalt.replace(".", "").replace(",00", "")


def test_foerderzeitraum_hoechstens_60_monate():
    from django.core.exceptions import ValidationError

    aufruf = FoerderaufrufFactory.build(
        foerderzeitraum_von=dt.date(2027, 1, 1), foerderzeitraum_bis=dt.date(2032, 1, 31)
    )
    with pytest.raises(ValidationError, match="höchste Förderdauer"):
        aufruf.clean()
    aufruf.foerderzeitraum_bis = dt.date(2031, 12, 31)
    aufruf.clean()


def test_entwuerfe_bleiben_dem_rp_verborgen(client):
    from tests.factories import anlage as anlage_anlegen

    entwurf, leute = antrag_im_status(Status.ENTWURF)
    nie_eingereicht, andere = antrag_im_status(Status.ZURUECKGEZOGEN)
    datei = anlage_anlegen(nie_eingereicht, andere.mitglied)
    client.force_login(leute.sachbearbeitung)
    for antrag in (entwurf, nie_eingereicht):
        # Django's admin answers an object outside its queryset with a redirect home.
        assert client.get(_url("change", antrag.pk))["Location"] == reverse("admin:index")
        for name in ("pruefung_beginnen", "nachforderung", "vorschlag", "zeichnen"):
            assert client.get(_url(name, antrag.pk)).status_code == 404, name
        assert client.post(_url("pruefung_beginnen", antrag.pk)).status_code == 404
    assert client.get(_url("anlage", entwurf.pk, entwurf.anlagen.first().pk)).status_code == 404
    assert client.get(_url("anlage", nie_eingereicht.pk, datei.pk)).status_code == 404
    liste = client.get(reverse("admin:foerderantraege_foerderantrag_changelist"))
    assert nie_eingereicht.organisation.name not in liste.content.decode()


def test_downloads_im_admin_immer_als_pdf(client):
    from tests.factories import anlage as anlage_anlegen

    antrag, leute = antrag_im_status(Status.BEWILLIGT)
    fremdname = anlage_anlegen(antrag, leute.mitglied)
    fremdname.dateiname = "seite.html"
    fremdname.save()
    client.force_login(leute.sachbearbeitung)
    antwort = client.get(_url("anlage", antrag.pk, fremdname.pk))
    assert antwort["Content-Type"] == "application/pdf"
    assert antwort["Content-Disposition"].startswith("attachment")
    from foerderantraege import tasks

    bescheid = antrag.bescheide.get()
    tasks.bescheid_rendern(bescheid.pk)
    antwort = client.get(_url("bescheid", antrag.pk, bescheid.pk))
    assert antwort["Content-Type"] == "application/pdf"


def test_schluessel_mit_exotischen_ziffern_gibt_meldung(client):
    aufruf = FoerderaufrufFactory(gesamtbudget=Decimal("440000.00"))
    client.force_login(sachbearbeitung())
    url = reverse("admin:foerderantraege_foerderaufruf_verteilen", args=[aufruf.pk])
    datei = SimpleUploadedFile("s.csv", "Kreisschlüssel;Gewicht\n08111;²\n".encode())
    antwort = client.post(url, {"schluessel": "datei", "datei": datei})
    assert antwort.status_code == 200
    assert "Gewicht ist keine ganze Zahl" in antwort.content.decode()
    assert not Planungsrahmen.objects.filter(aufruf=aufruf).exists()


def test_verteilen_aktion_nur_mit_aenderungsrecht(client):
    from django.contrib.auth.models import Permission

    from tests.factories import BenutzerFactory

    aufruf = FoerderaufrufFactory()
    nur_lesen = BenutzerFactory(is_staff=True)
    nur_lesen.user_permissions.add(
        Permission.objects.get(
            codename="view_foerderaufruf", content_type__app_label="foerderantraege"
        )
    )
    client.force_login(nur_lesen)
    url = reverse("admin:foerderantraege_foerderaufruf_changelist")
    antwort = client.get(url)
    assert antwort.status_code == 200
    assert "planungsrahmen_nach_einwohnern" not in antwort.content.decode()
    client.post(url, {"action": "planungsrahmen_nach_einwohnern", "_selected_action": [aufruf.pk]})
    assert not Planungsrahmen.objects.filter(aufruf=aufruf).exists()
    uebersicht = reverse("admin:foerderantraege_foerderaufruf_uebersicht", args=[aufruf.pk])
    assert "/verteilen/" not in client.get(uebersicht).content.decode()
    client.force_login(sachbearbeitung())
    assert "planungsrahmen_nach_einwohnern" in client.get(url).content.decode()
    assert "/verteilen/" in client.get(uebersicht).content.decode()


def test_bemerkung_beim_pruefungsbeginn_landet_im_verlauf(client):
    antrag, leute = antrag_im_status(Status.EINGEREICHT)
    client.force_login(leute.sachbearbeitung)
    client.post(_url("pruefung_beginnen", antrag.pk), {"bemerkung": "Eingang vollständig"})
    antrag.refresh_from_db()
    assert antrag.status == Status.IN_PRUEFUNG
    letzte = antrag.statusaenderungen.last()
    assert (letzte.nach, letzte.bemerkung) == (Status.IN_PRUEFUNG, "Eingang vollständig")


def test_detailseite_abfragen_wachsen_nicht_mit_dem_verlauf(client, django_assert_max_num_queries):
    from foerderantraege import services

    antrag, leute = antrag_im_status(Status.IN_PRUEFUNG)

    def runde():
        services.nachforderung_stellen(
            antrag.pk,
            leute.sachbearbeitung,
            text="Bitte nachreichen.",
            frist=timezone.localdate() + dt.timedelta(days=7),
        )
        services.nachforderung_beantworten(antrag.pk, leute.mitglied, antwort="Anbei.")

    client.force_login(leute.sachbearbeitung)
    runde()
    with django_assert_max_num_queries(60) as wenige:
        assert client.get(_url("change", antrag.pk)).status_code == 200
    for _ in range(5):
        runde()
    with django_assert_max_num_queries(len(wenige.captured_queries)):
        antwort = client.get(_url("change", antrag.pk))
    assert antwort.content.decode().count("Bitte nachreichen.") >= 6


def test_sachbearbeitung_schliesst_nachforderung_ohne_antwort(client):
    antrag, leute = antrag_im_status(Status.NACHFORDERUNG)
    client.force_login(leute.sachbearbeitung)
    detail = client.get(_url("change", antrag.pk)).content.decode()
    assert _url("nachforderung_schliessen", antrag.pk) in detail
    assert _url("zurueckverweisen", antrag.pk) not in detail
    client.post(_url("nachforderung_schliessen", antrag.pk), {"bemerkung": "Hat sich erledigt"})
    antrag.refresh_from_db()
    assert antrag.status == Status.IN_PRUEFUNG
    nf = antrag.nachforderungen.get()
    assert nf.beantwortet_von == leute.sachbearbeitung and not nf.offen
    assert antrag.statusaenderungen.last().bemerkung == "Hat sich erledigt"
    detail = client.get(_url("change", antrag.pk)).content.decode()
    assert _url("nachforderung_schliessen", antrag.pk) not in detail
    client.force_login(leute.referatsleitung)
    antrag, leute = antrag_im_status(Status.NACHFORDERUNG)
    assert _url("nachforderung_schliessen", antrag.pk) not in (
        client.get(_url("change", antrag.pk)).content.decode()
    )
