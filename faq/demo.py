"""Demo FAQ (``manage.py demo_daten``): sample content in our own words, marked as such.

The answers describe the procedure in general terms for trying out the portal; they are
flagged ``beispielinhalt`` and carry a visible "Beispielinhalt" badge on every page.
"""

from .models import Frage, Kategorie

KATEGORIEN = [
    (
        "foerderfaehigkeit",
        "Förderfähigkeit",
        "Wer gefördert wird, welche Stellen und welche Kosten dazugehören.",
        [
            (
                "wer-ist-antragsberechtigt",
                "Wer kann eine Förderung für das Integrationsmanagement beantragen?",
                "Antragsberechtigt sind die **Stadt- und Landkreise** in Baden-Württemberg. "
                "Städte und Gemeinden stellen seit der Verwaltungsvorschrift von 2023 keinen "
                "eigenen Antrag mehr; sie werden über ihren Kreis eingebunden.\n\n"
                "Der Kreis kann die Aufgabe selbst wahrnehmen oder sie ganz oder teilweise an "
                "kreisangehörige Gemeinden oder freie Träger weitergeben.",
            ),
            (
                "was-wird-gefoerdert",
                "Was genau wird gefördert?",
                "Gefördert werden Personalstellen für Integrationsmanagerinnen und "
                "Integrationsmanager. Sie beraten Geflüchtete in der Anschlussunterbringung "
                "persönlich und erarbeiten mit ihnen einen individuellen Integrationsplan.\n\n"
                "Die Förderung ist eine **Festbetragsfinanzierung**: Je Vollzeitstelle gibt es "
                "einen festen Betrag pro Jahr, unabhängig von den tatsächlichen Personalkosten.",
            ),
            (
                "hoehe-der-foerderung",
                "Wie hoch ist die Förderung je Stelle?",
                "Die Höhe legt der jeweilige Förderaufruf fest. Für die Jahre ab 2025 sind rund "
                "**68.000 Euro je Vollzeitstelle und Jahr** vorgesehen. Bei Teilzeitstellen wird "
                "der Betrag anteilig nach dem Stellenumfang (VZÄ) berechnet.\n\n"
                "Den Betrag müssen Sie nicht selbst ausrechnen: Das Portal ermittelt ihn aus "
                "Stellenumfang, Laufzeit und Pauschale.",
            ),
            (
                "wer-wird-beraten",
                "Welche Personen dürfen die Integrationsmanager beraten?",
                "Zur Zielgruppe gehören Geflüchtete, die aus der vorläufigen Unterbringung in die "
                "**Anschlussunterbringung** einer Gemeinde gewechselt sind. Eine Person wird in "
                "der Regel bis zu drei Jahre begleitet, in begründeten Fällen länger.",
            ),
            (
                "sachkosten",
                "Sind Sachkosten wie Büro oder Fahrtkosten förderfähig?",
                "Die Pauschale je Stelle deckt die Personalausgaben und die üblichen "
                "Arbeitsplatzkosten ab. Gesonderte Sachkosten werden nicht zusätzlich "
                "erstattet.",
            ),
            (
                "planungsrahmen",
                "Was ist der Planungsrahmen eines Kreises?",
                "Das Fördervolumen eines Aufrufs wird auf die 44 Stadt- und Landkreise verteilt, "
                "zum Beispiel nach der Zahl der aufgenommenen Geflüchteten (*„Geld folgt "
                "Geflüchteten“*). Den Anteil eines Kreises nennen wir **Planungsrahmen**. Mehr "
                "als diesen Betrag kann das Regierungspräsidium in einem Kreis nicht bewilligen.",
            ),
        ],
    ),
    (
        "antragstellung",
        "Antragstellung",
        "Wie, wann und wo Sie den Antrag stellen.",
        [
            (
                "wie-stelle-ich-einen-antrag",
                "Wie stelle ich einen Antrag auf Förderung?",
                "Sie stellen den Antrag **vollständig online** in diesem Portal:\n\n"
                "1. Melden Sie sich mit Ihrem Konto an.\n"
                "2. Wählen Sie unter *Meine Anträge* den aktuellen Förderaufruf.\n"
                "3. Tragen Sie Ansprechperson, Stellen und Bankverbindung ein.\n"
                "4. Laden Sie die Anlagen als PDF hoch und reichen Sie den Antrag ein.\n\n"
                "Ein Ausdruck mit Unterschrift ist nicht nötig.",
            ),
            (
                "antragsfrist",
                "Bis wann muss der Antrag eingehen?",
                "Jeder Förderaufruf nennt eine **Antragsfrist**. Das Portal nimmt Anträge bis "
                "zum Ende dieses Tages an. Danach eingehende Anträge können nur berücksichtigt "
                "werden, wenn noch Mittel übrig sind.",
            ),
            (
                "entwurf-speichern",
                "Kann ich einen Antrag zwischenspeichern?",
                "Ja. Solange Sie den Antrag nicht eingereicht haben, bleibt er ein **Entwurf**, "
                "den Sie jederzeit weiter bearbeiten können. Erst mit dem Einreichen geht er an "
                "das Regierungspräsidium.",
            ),
            (
                "eingangsbestaetigung",
                "Bekomme ich eine Bestätigung, dass mein Antrag angekommen ist?",
                "Ja. Nach dem Einreichen erhält Ihr Antrag ein **Aktenzeichen** (zum Beispiel "
                "PIK-IM-2025-00042). Sie bekommen eine E-Mail und können die "
                "Eingangsbestätigung als PDF herunterladen.",
            ),
            (
                "nachforderung",
                "Was passiert, wenn Unterlagen fehlen?",
                "Das Regierungspräsidium fordert fehlende Unterlagen im Portal nach. Sie sehen "
                "die Nachforderung bei Ihrem Antrag, laden die Dokumente hoch und senden den "
                "Antrag zurück. Die Prüfung geht dann weiter.",
            ),
            (
                "antrag-zurueckziehen",
                "Kann ich einen eingereichten Antrag zurückziehen?",
                "Ja, solange noch nicht entschieden ist. Ein zurückgezogener Antrag bleibt mit "
                "seinem Verlauf gespeichert, wird aber nicht weiter bearbeitet.",
            ),
        ],
    ),
    (
        "personal",
        "Personal und Stellenbesetzung",
        "Stellenumfang, Qualifikation und Besetzung der Stellen.",
        [
            (
                "stellen-teilen",
                "Darf eine Stelle auf mehrere Personen aufgeteilt werden?",
                "Ja. Eine Vollzeitstelle kann geteilt werden. Jeder Stellenanteil muss aber "
                "mindestens **0,25 VZÄ** umfassen, damit Beratung mit einer verlässlichen "
                "Erreichbarkeit möglich ist.",
            ),
            (
                "qualifikation",
                "Welche Qualifikation sollen Integrationsmanager haben?",
                "Erwartet wird in der Regel ein Abschluss in Sozialer Arbeit oder einem "
                "vergleichbaren Fach. Erfahrung in der Beratung Geflüchteter und "
                "interkulturelle Kompetenz sind hilfreich.",
            ),
            (
                "foerderbeginn",
                "Ab wann läuft die Förderung einer Stelle?",
                "Die Förderung beginnt mit der **tatsächlichen Besetzung** der Stelle, "
                "frühestens mit dem im Bescheid genannten Beginn des Förderzeitraums.",
            ),
            (
                "freier-traeger",
                "Können wir die Stelle bei einem freien Träger ansiedeln?",
                "Ja. Der Kreis kann die Aufgabe an freie Träger wie Wohlfahrtsverbände "
                "weitergeben und die Mittel an sie weiterleiten. Geben Sie das im Antrag bei "
                "der jeweiligen Stelle an. Verantwortlich gegenüber dem Land bleibt der Kreis.",
            ),
            (
                "stelle-unbesetzt",
                "Was gilt, wenn eine Stelle vorübergehend unbesetzt ist?",
                "Für Zeiten, in denen eine Stelle nicht besetzt ist, besteht kein Anspruch auf "
                "die Pauschale. Teilen Sie Vakanzen dem Regierungspräsidium mit, damit der "
                "Mittelabruf angepasst werden kann.",
            ),
        ],
    ),
    (
        "mittelabruf-verwendungsnachweis",
        "Mittelabruf und Verwendungsnachweis",
        "Wie das Geld ausgezahlt wird und wie Sie die Verwendung nachweisen.",
        [
            (
                "mittelabruf",
                "Wie rufe ich bewilligte Mittel ab?",
                "Bewilligte Mittel werden nicht auf einmal ausgezahlt. Sie rufen sie **nach "
                "Bedarf** ab, und zwar nur so weit, wie Sie sie innerhalb von zwei Monaten "
                "ausgeben.",
            ),
            (
                "kennzahlen",
                "Welche Kennzahlen müssen wir jährlich melden?",
                "Bis zum **31. Januar** melden Sie für das Vorjahr unter anderem die Zahl der "
                "beratenen Personen und der erstellten Integrationspläne. Die Zahlen helfen, "
                "das Programm weiterzuentwickeln.",
            ),
            (
                "verwendungsnachweis-frist",
                "Bis wann ist der Verwendungsnachweis vorzulegen?",
                "Der Verwendungsnachweis ist **drei Monate nach dem Ende des "
                "Förderzeitraums** fällig.",
            ),
            (
                "sachbericht",
                "Was gehört in den Sachbericht?",
                "Ein kurzer Sachbericht von etwa drei Seiten genügt. Beschreiben Sie, wie die "
                "Stellen besetzt waren, wie die Beratung organisiert war und welche "
                "Erfahrungen Sie gemacht haben.",
            ),
            (
                "rueckforderung",
                "Wann kann eine Zuwendung zurückgefordert werden?",
                "Wenn Mittel nicht zweckentsprechend verwendet wurden oder Auflagen aus dem "
                "Bescheid nicht erfüllt sind, kann der Bescheid nach den §§ 48, 49 LVwVfG "
                "widerrufen und die Zuwendung nach § 49a LVwVfG zurückgefordert werden.",
            ),
        ],
    ),
    (
        "unterbringungskosten",
        "Erstattung der Unterbringungskosten",
        "Vorauszahlungen und Spitzabrechnung für die Stadt- und Landkreise.",
        [
            (
                "was-ist-die-spitzabrechnung",
                "Was ist die Spitzabrechnung?",
                "Das Land erstattet den Stadt- und Landkreisen die tatsächlichen Kosten der "
                "vorläufigen Unterbringung. Diese **nachlaufende Spitzabrechnung** erfolgt je "
                "Kreis und Jahr, nachdem die Kosten feststehen.",
            ),
            (
                "vorauszahlungen",
                "Warum gibt es Vorauszahlungen?",
                "Weil die Spitzabrechnung erst später möglich ist, zahlt das Land vorab "
                "Abschläge, zum Beispiel einen Anteil der voraussichtlichen Nettokosten. Die "
                "Vorauszahlungen werden bei der Spitzabrechnung angerechnet.",
            ),
            (
                "liste-vorauszahlungen",
                "Wo sehe ich, welche Vorauszahlungen geleistet wurden?",
                "Die Liste der tatsächlich geleisteten Vorauszahlungen ist in diesem Portal "
                "öffentlich. Sie können nach Jahr, Regierungsbezirk und Kreis filtern und die "
                "Daten als CSV oder JSON herunterladen.",
            ),
            (
                "nachzahlung-rueckforderung",
                "Was passiert, wenn die Vorauszahlungen zu hoch oder zu niedrig waren?",
                "Die Spitzabrechnung stellt die anerkannten Kosten den Vorauszahlungen "
                "gegenüber. Ergibt sich ein Plus für den Kreis, folgt eine **Nachzahlung**; "
                "waren die Vorauszahlungen höher, eine **Rückforderung**.",
            ),
        ],
    ),
    (
        "datenschutz",
        "Datenschutz",
        "Welche Daten das Portal verarbeitet und wer sie sieht.",
        [
            (
                "welche-daten",
                "Welche personenbezogenen Daten verarbeitet das Portal?",
                "Für den Antrag brauchen wir Namen und Kontaktdaten der Ansprechpersonen und "
                "Angaben zu den Stellen. **Daten der beratenen Geflüchteten** werden im Antrag "
                "nicht erhoben; gemeldet werden nur Gesamtzahlen.",
            ),
            (
                "wer-sieht-antraege",
                "Wer kann unsere Anträge sehen?",
                "Anträge sehen nur die Mitglieder Ihrer Organisation und die zuständigen "
                "Beschäftigten der Regierungspräsidien. Andere Kommunen haben keinen Zugriff.",
            ),
            (
                "bewertung-anonym",
                "Ist die Bewertung „War diese Antwort hilfreich?“ anonym?",
                "Ja. Wir speichern nur, ob die Antwort hilfreich war, und einen verschlüsselten "
                "Wert, der doppelte Stimmen aus derselben Sitzung verhindert. Rückschlüsse auf "
                "Ihre Person sind damit nicht möglich.",
            ),
            (
                "speicherdauer",
                "Wie lange werden Antragsdaten gespeichert?",
                "Antragsunterlagen werden so lange aufbewahrt, wie es das Haushaltsrecht "
                "verlangt, in der Regel mehrere Jahre nach Abschluss der Prüfung des "
                "Verwendungsnachweises. Danach werden sie gelöscht.",
            ),
        ],
    ),
]

VERWANDT = [
    ("hoehe-der-foerderung", "planungsrahmen"),
    ("hoehe-der-foerderung", "stellen-teilen"),
    ("wie-stelle-ich-einen-antrag", "antragsfrist"),
    ("wie-stelle-ich-einen-antrag", "eingangsbestaetigung"),
    ("mittelabruf", "verwendungsnachweis-frist"),
    ("verwendungsnachweis-frist", "sachbericht"),
    ("vorauszahlungen", "liste-vorauszahlungen"),
    ("was-ist-die-spitzabrechnung", "nachzahlung-rueckforderung"),
    ("wer-sieht-antraege", "welche-daten"),
]


def demo_daten_anlegen(kontext: dict, ausgabe) -> None:
    anzahl = 0
    for k_nr, (k_slug, titel, beschreibung, fragen) in enumerate(KATEGORIEN, start=1):
        kategorie, _ = Kategorie.objects.update_or_create(
            slug=k_slug,
            defaults={"titel": titel, "kurzbeschreibung": beschreibung, "reihenfolge": k_nr},
        )
        for f_nr, (f_slug, frage, antwort) in enumerate(fragen, start=1):
            obj = Frage.objects.filter(slug=f_slug).first() or Frage(slug=f_slug)
            neu = (obj.kategorie_id, obj.frage, obj.antwort, obj.reihenfolge) != (
                kategorie.pk,
                frage,
                antwort,
                f_nr,
            )
            if neu or not obj.veroeffentlicht or not obj.beispielinhalt:
                obj.kategorie = kategorie
                obj.frage = frage
                obj.antwort = antwort
                obj.reihenfolge = f_nr
                obj.veroeffentlicht = True
                obj.beispielinhalt = True
                obj.save()
            anzahl += 1
    fragen = {f.slug: f for f in Frage.objects.filter(beispielinhalt=True)}
    for a, b in VERWANDT:
        fragen[a].verwandte_fragen.add(fragen[b])
    ausgabe.write(f"FAQ: {len(KATEGORIEN)} Kategorien, {anzahl} Beispielfragen.")
