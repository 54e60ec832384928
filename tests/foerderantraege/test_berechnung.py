from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from foerderantraege import services
from foerderantraege.berechnung import (
    antragsbetrag,
    monate_zwischen,
    nach_groessten_resten,
    stellenbetrag,
)
from foerderantraege.models import Planungsrahmen
from pik_portal.models import Kreis
from tests.factories import FoerderaufrufFactory, sachbearbeitung

vzae = st.integers(min_value=25, max_value=100).map(lambda c: Decimal(c) / 100)
festbetrag = st.integers(min_value=0, max_value=20_000_000).map(lambda c: Decimal(c) / 100)
monate = st.integers(min_value=1, max_value=60)


def _erwartet(v: Decimal, f: Decimal, m: int) -> Decimal:
    # Exact rational arithmetic, then half-up to the cent – independent of the code.
    exakt = Fraction(v) * Fraction(f) * m / 12
    cent = exakt * 100
    ganz = int(cent)
    if cent - ganz >= Fraction(1, 2):
        ganz += 1
    return (Decimal(ganz) / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@given(st.lists(st.tuples(vzae, festbetrag, monate), min_size=1, max_size=8))
def test_summe_gleich_den_gerundeten_zeilen(zeilen):
    stellen = [SimpleNamespace(betrag=stellenbetrag(v, f, m)) for v, f, m in zeilen]
    for stelle, (v, f, m) in zip(stellen, zeilen, strict=True):
        assert isinstance(stelle.betrag, Decimal)
        assert stelle.betrag.as_tuple().exponent == -2
        assert stelle.betrag == _erwartet(v, f, m)
    summe = antragsbetrag(stellen)
    assert isinstance(summe, Decimal)
    assert summe == sum(_erwartet(v, f, m) for v, f, m in zeilen)


def test_beispiel_aus_dem_aufruf():
    # 0,5 VZÄ × 68.000 € × 18 Monate / 12 = 51.000,00 €
    assert stellenbetrag(Decimal("0.50"), Decimal("68000"), 18) == Decimal("51000.00")
    assert stellenbetrag(Decimal("0.33"), Decimal("68000"), 7) == Decimal("13090.00")
    assert stellenbetrag(Decimal("0.33"), Decimal("60000.01"), 5) == Decimal("8250.00")


def test_kein_float():
    with pytest.raises(TypeError):
        stellenbetrag(0.5, Decimal("68000"), 12)


def test_monate():
    import datetime as dt

    assert monate_zwischen(dt.date(2027, 1, 1), dt.date(2027, 12, 31)) == 12
    assert monate_zwischen(dt.date(2027, 3, 1), dt.date(2031, 2, 28)) == 48


@given(
    st.integers(min_value=0, max_value=10**9),
    st.lists(st.integers(min_value=0, max_value=10**7), min_size=1, max_size=44).filter(
        lambda g: sum(g) > 0
    ),
)
def test_groesste_reste_summe_stimmt(gesamt, gewichte):
    anteile = nach_groessten_resten(gesamt, dict(enumerate(gewichte)))
    assert sum(anteile.values()) == gesamt
    summe = sum(gewichte)
    for i, g in enumerate(gewichte):
        # Each share is its quota rounded down or up – never further away.
        assert abs(anteile[i] - Fraction(gesamt * g, summe)) < 1


def test_groesste_reste_beispiel():
    assert nach_groessten_resten(10, {"a": 1, "b": 1, "c": 1}) == {"a": 4, "b": 3, "c": 3}
    assert nach_groessten_resten(100, {"a": 0, "b": 3}) == {"a": 0, "b": 100}


@pytest.mark.django_db
def test_planungsrahmen_nach_einwohnern_auf_den_euro():
    aufruf = FoerderaufrufFactory(gesamtbudget=Decimal("58000000.00"))
    services.planungsrahmen_verteilen(aufruf.pk, sachbearbeitung())
    zeilen = Planungsrahmen.objects.filter(aufruf=aufruf)
    assert zeilen.count() == Kreis.objects.count() == 44
    assert sum(z.betrag for z in zeilen) == Decimal("58000000.00")
    assert all(z.betrag == z.betrag.to_integral_value() for z in zeilen)
    stuttgart = zeilen.get(kreis__kreisschluessel="08111")
    gesamt_einwohner = sum(Kreis.objects.values_list("einwohner", flat=True))
    anteil = Fraction(58_000_000 * stuttgart.kreis.einwohner, gesamt_einwohner)
    assert abs(stuttgart.betrag - Decimal(float(anteil))) < 1


@pytest.mark.django_db
def test_planungsrahmen_mit_eigenem_schluessel():
    aufruf = FoerderaufrufFactory(gesamtbudget=Decimal("1000.00"))
    kreise = list(Kreis.objects.values_list("pk", flat=True))
    gewichte = {pk: (1 if i < 3 else 0) for i, pk in enumerate(kreise)}
    services.planungsrahmen_verteilen(aufruf.pk, sachbearbeitung(), gewichte)
    betraege = sorted(aufruf.planungsrahmen.values_list("betrag", flat=True), reverse=True)
    assert betraege[:4] == [Decimal("334"), Decimal("333"), Decimal("333"), Decimal("0")]
