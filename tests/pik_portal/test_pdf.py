import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from pik_portal.money import euro
from pik_portal.pdf import NetzwerkzugriffVerweigert, html_zu_pdf, pdf_rendern


def _schriften(reader):
    namen = set()
    for seite in reader.pages:
        for font in seite["/Resources"]["/Font"].values():
            font = font.get_object()
            beschreibung = font.get("/FontDescriptor")
            if beschreibung is None and "/DescendantFonts" in font:
                beschreibung = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            beschreibung = beschreibung.get_object()
            eingebettet = any(k in beschreibung for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            namen.add((str(font["/BaseFont"]), eingebettet))
    return namen


def test_pdf_mit_umlauten_und_eingebetteter_fira_sans():
    inhalt = pdf_rendern(
        "pdf/probe.html",
        {
            "titel": "Prüfbescheid",
            "text": "Größenordnung: Zuwendungsfähige Ausgaben für Übersetzungen",
            "betrag": euro(Decimal("68000")),
        },
    )
    reader = PdfReader(io.BytesIO(inhalt))
    text = reader.pages[0].extract_text()
    assert "Größenordnung" in text
    assert "Übersetzungen" in text
    assert "68.000,00" in text
    schriften = _schriften(reader)
    assert schriften, "keine Schrift im PDF"
    assert all(eingebettet for _, eingebettet in schriften)
    assert any("Fira-Sans" in name for name, _ in schriften)


def test_pdf_ist_pdf_a_3a_und_getaggt():
    inhalt = pdf_rendern("pdf/probe.html", {"titel": "Test", "text": "ä", "betrag": "1"})
    reader = PdfReader(io.BytesIO(inhalt))
    katalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in katalog, "PDF ist nicht getaggt"
    assert bool(katalog["/MarkInfo"]["/Marked"])
    xmp = katalog["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfaid:part>3</pdfaid:part>" in xmp or 'pdfaid:part="3"' in xmp
    assert "<pdfaid:conformance>A</pdfaid:conformance>" in xmp or 'pdfaid:conformance="A"' in xmp
    assert katalog["/Lang"] == "de"


def test_pdf_laedt_nichts_aus_dem_netz():
    html = (
        '<html lang="de"><head><title>x</title>'
        '<link rel="stylesheet" href="https://example.org/a.css"></head><body>x</body></html>'
    )
    with pytest.raises(NetzwerkzugriffVerweigert):
        html_zu_pdf(html)
    with pytest.raises(NetzwerkzugriffVerweigert):
        html_zu_pdf('<html lang="de"><body><img src="file:///etc/hostname" alt=""></body></html>')
