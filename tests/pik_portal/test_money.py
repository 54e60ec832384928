from decimal import Decimal

import pytest
from django.template import Context, Template
from hypothesis import given
from hypothesis import strategies as st

from pik_portal.money import (
    EuroFormField,
    betrag_in_worten,
    betrag_parsen,
    euro,
    runden,
    zahl_formatieren,
)


@pytest.mark.parametrize(
    ("wert", "erwartet"),
    [("0.005", "0.01"), ("0.004", "0.00"), ("2.675", "2.68"), ("-2.675", "-2.68"), ("10", "10.00")],
)
def test_runden_kaufmaennisch(wert, erwartet):
    assert runden(Decimal(wert)) == Decimal(erwartet)


def test_runden_lehnt_float_ab():
    with pytest.raises(TypeError):
        runden(0.1)


@pytest.mark.parametrize(
    ("text", "erwartet"),
    [
        ("1.234,56", Decimal("1234.56")),
        ("1234,56", Decimal("1234.56")),
        ("1.234.567,89", Decimal("1234567.89")),
        ("68000", Decimal("68000")),
        (" 12,5 € ", Decimal("12.5")),
        ("-3,10", Decimal("-3.10")),
    ],
)
def test_deutsche_betraege_parsen(text, erwartet):
    assert betrag_parsen(text) == erwartet


@pytest.mark.parametrize("text", ["", "1,234.56", "12.34", "1.23.4,5", "abc", "1,234", "1,"])
def test_falsche_betraege_abgelehnt(text):
    with pytest.raises(ValueError):
        betrag_parsen(text)


def test_euro_format():
    assert euro(Decimal("1234.5")) == "1.234,50\u00a0€"
    assert euro(Decimal("-1234567.891")) == "-1.234.567,89\u00a0€"
    assert euro(Decimal("0")) == "0,00\u00a0€"
    assert euro(None) == ""
    assert zahl_formatieren(Decimal("0.75")) == "0,75"


def test_euro_filter_im_template():
    html = Template("{% load pik %}{{ b|euro }}").render(Context({"b": Decimal("68000")}))
    assert html == "68.000,00\u00a0€"


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False))
def test_format_und_parser_sind_umkehrbar(betrag):
    assert betrag_parsen(zahl_formatieren(betrag)) == betrag


@pytest.mark.parametrize(
    ("betrag", "worte"),
    [
        ("68000", "achtundsechzigtausend Euro"),
        ("1", "eins Euro"),
        ("101", "einhunderteins Euro"),
        (
            "1234567.50",
            "eine Million zweihundertvierunddreißigtausendfünfhundertsiebenundsechzig Euro und fünfzig Cent",
        ),
        ("2000000", "zwei Millionen Euro"),
        ("101000000", "einhunderteine Millionen Euro"),
        ("1000000000", "eine Milliarde Euro"),
        (
            "9999999999.99",
            "neun Milliarden neunhundertneunundneunzig Millionen "
            "neunhundertneunundneunzigtausendneunhundertneunundneunzig Euro "
            "und neunundneunzig Cent",
        ),
        ("2001000001", "zwei Milliarden eine Million eins Euro"),
        ("136021.92", "einhundertsechsunddreißigtausendeinundzwanzig Euro und zweiundneunzig Cent"),
    ],
)
def test_betrag_in_worten(betrag, worte):
    assert betrag_in_worten(Decimal(betrag)) == worte


def test_euro_formularfeld():
    feld = EuroFormField()
    assert feld.clean("1.234,56") == Decimal("1234.56")
    with pytest.raises(Exception, match="1.234,56"):
        feld.clean("12.34.5")
    assert feld.prepare_value(Decimal("1234.5")) == "1.234,50"
