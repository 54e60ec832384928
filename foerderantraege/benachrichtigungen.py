"""E-mails of the Förderantrag area, sent after commit (never inside a transaction)."""

from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from pik_portal.models import Mitgliedschaft

from .models import Bescheid, Foerderantrag, Nachforderung, Status


def _empfaenger(antrag) -> list[str]:
    adressen = [antrag.ansprechperson_email, antrag.organisation.email]
    return sorted({a for a in adressen if a})


def _link(antrag) -> str:
    return settings.PORTAL_BASIS_URL + reverse("foerderantraege:detail", args=[antrag.pk])


def _senden(vorlage, antrag, empfaenger, **kontext):
    if not empfaenger:
        return
    kontext = {"antrag": antrag, "link": _link(antrag), **kontext}
    betreff = render_to_string(f"foerderantraege/emails/{vorlage}_betreff.txt", kontext).strip()
    text = render_to_string(f"foerderantraege/emails/{vorlage}.txt", kontext)
    send_mail(betreff, text, None, empfaenger)


def statuswechsel_mitteilen(antrag_id, von, nach) -> None:
    """Tell the applicant about steps they did not take themselves."""
    if nach not in (Status.IN_PRUEFUNG, Status.ZURUECKGEZOGEN) or von == Status.NACHFORDERUNG:
        return
    antrag = Foerderantrag.objects.select_related("organisation").get(pk=antrag_id)
    _senden("statuswechsel", antrag, _empfaenger(antrag), status=Status(nach).label)


def nachforderung_mitteilen(nachforderung_id) -> None:
    nf = Nachforderung.objects.select_related("antrag__organisation").get(pk=nachforderung_id)
    _senden("nachforderung", nf.antrag, _empfaenger(nf.antrag), nachforderung=nf)


def freigabe_mitteilen(antrag_id) -> None:
    antrag = Foerderantrag.objects.select_related("organisation", "freigegeben_von").get(
        pk=antrag_id
    )
    zeichnungsberechtigte = list(
        Mitgliedschaft.objects.filter(
            organisation_id=antrag.organisation_id,
            rolle=Mitgliedschaft.Rolle.ZEICHNUNGSBERECHTIGT,
            benutzer__is_active=True,
        ).values_list("benutzer__email", flat=True)
    )
    _senden("freigabe", antrag, zeichnungsberechtigte)


def eingangsbestaetigung_senden(antrag_id) -> None:
    """E-mail with the receipt as PDF (rendered here, in the worker)."""
    from pik_portal.pdf import pdf_rendern

    from .dokumente import eingangsbestaetigung_kontext

    antrag = Foerderantrag.objects.select_related("organisation", "aufruf", "eingereicht_von").get(
        pk=antrag_id
    )
    empfaenger = sorted(set(_empfaenger(antrag)) | {antrag.eingereicht_von.email})
    kontext = {"antrag": antrag, "link": _link(antrag)}
    nachricht = EmailMessage(
        render_to_string("foerderantraege/emails/eingang_betreff.txt", kontext).strip(),
        render_to_string("foerderantraege/emails/eingang.txt", kontext),
        to=empfaenger,
    )
    pdf = pdf_rendern(
        "foerderantraege/pdf/eingangsbestaetigung.html", eingangsbestaetigung_kontext(antrag)
    )
    nachricht.attach(f"eingangsbestaetigung-{antrag.aktenzeichen}.pdf", pdf, "application/pdf")
    nachricht.send()


def bescheid_fertig_mitteilen(bescheid_id) -> None:
    bescheid = Bescheid.objects.select_related("antrag__organisation").get(pk=bescheid_id)
    _senden("bescheid", bescheid.antrag, _empfaenger(bescheid.antrag), bescheid=bescheid)
