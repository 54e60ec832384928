import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from foerderantraege import services
from foerderantraege.models import Entscheidung, Foerderantrag, Status, Statusaenderung
from pik_portal.rollen import RP_REFERATSLEITUNG, RP_SACHBEARBEITUNG
from tests.factories import (
    OrganisationFactory,
    mitglied,
    planungsrahmen,
    referatsleitung,
    sachbearbeitung,
    vollstaendiger_antrag,
)

from .hilfen import antrag_im_status, daten_fuer

pytestmark = pytest.mark.django_db

S = Status
ROLLEN = ["mitglied", "zeichnungsberechtigt", "sachbearbeitung", "referatsleitung", "fremd"]

# Written out by hand (not derived from the code): who may move an application where.
ERWARTET_ERLAUBT = {
    (S.ENTWURF, S.EINGEREICHT, "zeichnungsberechtigt"),
    (S.ENTWURF, S.ZURUECKGEZOGEN, "mitglied"),
    (S.ENTWURF, S.ZURUECKGEZOGEN, "zeichnungsberechtigt"),
    (S.EINGEREICHT, S.IN_PRUEFUNG, "sachbearbeitung"),
    (S.EINGEREICHT, S.ZURUECKGEZOGEN, "mitglied"),
    (S.EINGEREICHT, S.ZURUECKGEZOGEN, "zeichnungsberechtigt"),
    (S.IN_PRUEFUNG, S.NACHFORDERUNG, "sachbearbeitung"),
    (S.IN_PRUEFUNG, S.ENTSCHEIDUNGSVORSCHLAG, "sachbearbeitung"),
    (S.IN_PRUEFUNG, S.ZURUECKGEZOGEN, "mitglied"),
    (S.IN_PRUEFUNG, S.ZURUECKGEZOGEN, "zeichnungsberechtigt"),
    (S.NACHFORDERUNG, S.IN_PRUEFUNG, "mitglied"),
    (S.NACHFORDERUNG, S.IN_PRUEFUNG, "zeichnungsberechtigt"),
    (S.NACHFORDERUNG, S.IN_PRUEFUNG, "sachbearbeitung"),
    (S.NACHFORDERUNG, S.ZURUECKGEZOGEN, "mitglied"),
    (S.NACHFORDERUNG, S.ZURUECKGEZOGEN, "zeichnungsberechtigt"),
    (S.ENTSCHEIDUNGSVORSCHLAG, S.BEWILLIGT, "referatsleitung"),
    (S.ENTSCHEIDUNGSVORSCHLAG, S.ABGELEHNT, "referatsleitung"),
    (S.ENTSCHEIDUNGSVORSCHLAG, S.IN_PRUEFUNG, "referatsleitung"),
}

MATRIX = [(von, nach, rolle) for von in S for nach in S if von != nach for rolle in ROLLEN]


@pytest.mark.parametrize(("von", "nach", "rolle"), MATRIX)
def test_uebergangsmatrix(von, nach, rolle):
    antrag, leute = antrag_im_status(von, ablehnen=nach == S.ABGELEHNT)
    akteur = leute.nach_rolle(rolle)
    vorher = Statusaenderung.objects.filter(antrag=antrag).count()

    if (von, nach, rolle) in ERWARTET_ERLAUBT:
        services.antrag_statuswechsel(antrag.pk, nach, akteur, **daten_fuer(antrag))
        antrag.refresh_from_db()
        assert antrag.status == nach
        letzte = Statusaenderung.objects.filter(antrag=antrag).last()
        assert (letzte.von, letzte.nach, letzte.benutzer) == (von, nach, akteur)
    else:
        with pytest.raises((services.UebergangNichtErlaubt, services.KeineBerechtigung)):
            services.antrag_statuswechsel(antrag.pk, nach, akteur, **daten_fuer(antrag))
        antrag.refresh_from_db()
        assert antrag.status == von
        assert Statusaenderung.objects.filter(antrag=antrag).count() == vorher


def test_jeder_schritt_hinterlaesst_eine_statusaenderung():
    antrag, _ = antrag_im_status(S.BEWILLIGT)
    schritte = list(Statusaenderung.objects.filter(antrag=antrag).values_list("von", "nach"))
    assert schritte == [
        (S.ENTWURF, S.EINGEREICHT),
        (S.EINGEREICHT, S.IN_PRUEFUNG),
        (S.IN_PRUEFUNG, S.ENTSCHEIDUNGSVORSCHLAG),
        (S.ENTSCHEIDUNGSVORSCHLAG, S.BEWILLIGT),
    ]


def test_vier_augen_wer_vorschlaegt_zeichnet_nicht():
    antrag, leute = antrag_im_status(S.IN_PRUEFUNG)
    beides = sachbearbeitung()
    beides.groups.add(*referatsleitung().groups.all())
    assert beides.hat_rolle(RP_SACHBEARBEITUNG) and beides.hat_rolle(RP_REFERATSLEITUNG)
    services.entscheidung_vorschlagen(
        antrag.pk,
        beides,
        art=Entscheidung.Art.BEWILLIGEN,
        betrag=Decimal("1000.00"),
        begruendung="ok",
    )
    with pytest.raises(services.KeineBerechtigung, match="Vier-Augen"):
        services.entscheidung_zeichnen(antrag.pk, beides)
    antrag.refresh_from_db()
    assert antrag.status == S.ENTSCHEIDUNGSVORSCHLAG
    services.entscheidung_zeichnen(antrag.pk, leute.referatsleitung)
    antrag.refresh_from_db()
    assert antrag.status == S.BEWILLIGT
    assert antrag.bewilligter_betrag == Decimal("1000.00")


def test_vier_augen_auch_in_der_datenbank():
    antrag, leute = antrag_im_status(S.ENTSCHEIDUNGSVORSCHLAG)
    entscheidung = antrag.entscheidungen.get()
    entscheidung.gezeichnet_von = entscheidung.vorgeschlagen_von
    with pytest.raises(IntegrityError), transaction.atomic():
        entscheidung.save()


def test_sachbearbeitung_kann_nicht_zeichnen():
    antrag, leute = antrag_im_status(S.ENTSCHEIDUNGSVORSCHLAG)
    with pytest.raises(services.KeineBerechtigung):
        services.entscheidung_zeichnen(antrag.pk, sachbearbeitung())


def test_nach_der_antragsfrist_keine_einreichung():
    antrag, leute = antrag_im_status(S.ENTWURF)
    antrag.aufruf.antragsfrist = timezone.now() - dt.timedelta(minutes=1)
    antrag.aufruf.save()
    with pytest.raises(services.VoraussetzungFehlt, match="Antragsfrist .* abgelaufen"):
        services.antrag_einreichen(antrag.pk, leute.zeichnungsberechtigt)
    antrag.refresh_from_db()
    assert antrag.status == S.ENTWURF and antrag.aktenzeichen is None


def test_unvollstaendiger_entwurf_wird_nicht_eingereicht():
    antrag, leute = antrag_im_status(S.ENTWURF)
    antrag.stellen.all().delete()
    with pytest.raises(services.VoraussetzungFehlt, match="Stellen"):
        services.antrag_einreichen(antrag.pk, leute.zeichnungsberechtigt)


def test_aktenzeichen_fortlaufend_ohne_luecken():
    jahr = timezone.localdate().year
    zeichen = []
    for _ in range(3):
        antrag, leute = antrag_im_status(S.ENTWURF)
        services.antrag_einreichen(antrag.pk, leute.zeichnungsberechtigt)
        antrag.refresh_from_db()
        zeichen.append(antrag.aktenzeichen)
    assert zeichen == [f"PIK-IM-{jahr}-{n:05d}" for n in (1, 2, 3)]


def test_einreichen_setzt_betrag_und_wer():
    antrag, leute = antrag_im_status(S.EINGEREICHT)
    assert antrag.beantragter_betrag == Decimal("68000.00")
    assert antrag.eingereicht_von == leute.zeichnungsberechtigt
    assert antrag.eingereicht_am is not None


def test_vorschlag_hoechstens_beantragter_betrag():
    antrag, leute = antrag_im_status(S.IN_PRUEFUNG)
    with pytest.raises(services.VoraussetzungFehlt, match="höchstens der beantragte"):
        services.entscheidung_vorschlagen(
            antrag.pk,
            leute.sachbearbeitung,
            art=Entscheidung.Art.BEWILLIGEN,
            betrag=antrag.beantragter_betrag + Decimal("0.01"),
            begruendung="zu viel",
        )


def test_planungsrahmen_wird_nicht_ueberschritten():
    org = OrganisationFactory()
    a1, leute = antrag_im_status(S.ENTSCHEIDUNGSVORSCHLAG, organisation=org)
    a2, _ = antrag_im_status(S.ENTSCHEIDUNGSVORSCHLAG, organisation=OrganisationFactory())
    # Both in the same Kreis and Aufruf; the frame holds only one of them.
    Foerderantrag.objects.filter(pk=a2.pk).update(aufruf=a1.aufruf)
    planungsrahmen(a1.aufruf, org.kreis, Decimal("100000.00"))
    services.entscheidung_zeichnen(a1.pk, leute.referatsleitung)
    with pytest.raises(services.VoraussetzungFehlt, match="Planungsrahmen"):
        services.entscheidung_zeichnen(a2.pk, leute.referatsleitung)
    a2.refresh_from_db()
    assert a2.status == S.ENTSCHEIDUNGSVORSCHLAG


def test_zurueckverweisen_verwirft_den_vorschlag():
    antrag, leute = antrag_im_status(S.ENTSCHEIDUNGSVORSCHLAG)
    services.vorschlag_zurueckverweisen(antrag.pk, leute.referatsleitung, "Betrag prüfen")
    antrag.refresh_from_db()
    assert antrag.status == S.IN_PRUEFUNG
    assert antrag.entscheidungen.get().verworfen_am is not None
    with pytest.raises(services.UebergangNichtErlaubt):
        services.entscheidung_zeichnen(antrag.pk, leute.referatsleitung)


def test_nachforderung_beantworten_mit_anlage():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories import MINI_PDF

    antrag, leute = antrag_im_status(S.NACHFORDERUNG)
    datei = SimpleUploadedFile("nachweis.pdf", MINI_PDF, content_type="application/pdf")
    services.nachforderung_beantworten(
        antrag.pk, leute.mitglied, antwort="Anbei", dateien=[(datei, "Nachweis")]
    )
    nf = antrag.nachforderungen.get()
    assert nf.antwort == "Anbei" and nf.beantwortet_von == leute.mitglied
    assert nf.anlagen.get().bezeichnung == "Nachweis"


def test_mitglied_darf_nur_freigeben_und_zeichnungsberechtigte_erfahren_es(
    mailoutbox, django_capture_on_commit_callbacks
):
    antrag, leute = antrag_im_status(S.ENTWURF)
    with pytest.raises(services.KeineBerechtigung):
        services.antrag_einreichen(antrag.pk, leute.mitglied)
    with django_capture_on_commit_callbacks(execute=True):
        services.antrag_zur_einreichung_freigeben(antrag.pk, leute.mitglied)
    assert [m.to for m in mailoutbox] == [[leute.zeichnungsberechtigt.email]]


def test_fremde_organisation_darf_nichts_aendern():
    antrag, leute = antrag_im_status(S.ENTWURF)
    with pytest.raises(services.KeineBerechtigung):
        services.entwurf_aendern(antrag.pk, leute.fremd, ansprechperson_name="X")
    with pytest.raises(services.KeineBerechtigung):
        services.antrag_zurueckziehen(antrag.pk, leute.fremd)


def test_entwurf_nur_im_status_entwurf_aenderbar():
    antrag, leute = antrag_im_status(S.EINGEREICHT)
    with pytest.raises(services.UebergangNichtErlaubt):
        services.entwurf_aendern(antrag.pk, leute.mitglied, ansprechperson_name="X")


def test_antrag_anlegen_nur_fuer_antragsberechtigte():
    from tests.factories import FoerderaufrufFactory

    aufruf = FoerderaufrufFactory()
    stadt = OrganisationFactory(art="stadt")
    person = mitglied(stadt)
    with pytest.raises(services.VoraussetzungFehlt, match="nicht antragsberechtigt"):
        services.antrag_anlegen(aufruf_id=aufruf.pk, organisation=stadt, akteur=person)
    aufruf.antragsberechtigte_arten = ["stadt"]
    aufruf.save()
    antrag = services.antrag_anlegen(aufruf_id=aufruf.pk, organisation=stadt, akteur=person)
    assert antrag.status == S.ENTWURF and antrag.ansprechperson_email == person.email


def test_eingangsbestaetigung_mit_pdf(mailoutbox, django_capture_on_commit_callbacks):
    antrag, leute = antrag_im_status(S.ENTWURF)
    with django_capture_on_commit_callbacks(execute=True):
        services.antrag_einreichen(antrag.pk, leute.zeichnungsberechtigt)
    antrag.refresh_from_db()
    mail = mailoutbox[-1]
    assert antrag.aktenzeichen in mail.subject
    assert leute.zeichnungsberechtigt.email in mail.to
    name, inhalt, art = mail.attachments[0]
    assert art == "application/pdf" and inhalt.startswith(b"%PDF-")


def test_vorschlag_braucht_die_stellen(vollstaendig=None):
    antrag = vollstaendiger_antrag(stellen=2)
    assert antrag.beantragter_betrag == Decimal("136000.00")


def test_status_wird_nur_an_einer_stelle_geaendert():
    """The audit trail is reliable because no other code writes a status or a Statusaenderung."""
    from pathlib import Path

    import foerderantraege

    quellen = {
        p.name: p.read_text(encoding="utf-8")
        for p in Path(foerderantraege.__file__).parent.glob("*.py")
    }
    schreiber = [n for n, t in quellen.items() if "Statusaenderung.objects.create" in t]
    assert schreiber == ["services.py"]
    assert quellen["services.py"].count("Statusaenderung.objects.create") == 1
    assert quellen["services.py"].count("antrag.status = ") == 1
    assert not [n for n, t in quellen.items() if n != "services.py" and ".status = " in t]


def test_e_mails_sind_klartext_ohne_html_maskierung(mailoutbox, django_capture_on_commit_callbacks):
    antrag, leute = antrag_im_status(S.EINGEREICHT)
    antrag.organisation.name = "Caritas & Diakonie"
    antrag.organisation.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.pruefung_beginnen(antrag.pk, leute.sachbearbeitung)
    assert "(Caritas & Diakonie)" in mailoutbox[-1].body
    with django_capture_on_commit_callbacks(execute=True):
        services.nachforderung_stellen(
            antrag.pk,
            leute.sachbearbeitung,
            text='Bitte den „Kooperationsvertrag" mit <Anlage 2> & Unterschrift.',
            frist=timezone.localdate() + dt.timedelta(days=7),
        )
    mail = mailoutbox[-1]
    assert 'Bitte den „Kooperationsvertrag" mit <Anlage 2> & Unterschrift.' in mail.body
    assert "&amp;" not in mail.body and "&quot;" not in mail.body and "&lt;" not in mail.body
