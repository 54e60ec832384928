"""Money: Decimal only, one rounding rule, German input and output."""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CENT = Decimal("0.01")
EURO_ZEICHEN = "\u00a0€"  # no-break space keeps "€" on the amount's line

_GERMAN_AMOUNT = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")


def runden(betrag) -> Decimal:
    """Round to the cent, half up – the one rounding rule of the portal."""
    if isinstance(betrag, float):
        raise TypeError("Geldbeträge niemals als float übergeben.")
    return Decimal(betrag).quantize(CENT, rounding=ROUND_HALF_UP)


def betrag_parsen(text: str) -> Decimal:
    """Parse a German amount such as ``1.234.567,89`` (thousands dots optional).

    Raises ``ValueError`` with a German message for anything else.
    """
    roh = (text or "").strip().replace("€", "").replace("\u00a0", "").replace(" ", "")
    if not roh or not _GERMAN_AMOUNT.match(roh):
        raise ValueError(f"„{text}“ ist kein Betrag im Format 1.234,56.")
    try:
        wert = Decimal(roh.replace(".", "").replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - regex guards this
        raise ValueError(f"„{text}“ ist kein gültiger Betrag.") from exc
    if wert != wert.quantize(CENT):
        raise ValueError(f"„{text}“ hat mehr als zwei Nachkommastellen.")
    return wert


def zahl_formatieren(wert, stellen: int = 2) -> str:
    """Format a number German style: ``1234567.8`` → ``1.234.567,80``."""
    if wert is None or wert == "":
        return ""
    wert = Decimal(wert)
    quant = Decimal(1).scaleb(-stellen) if stellen else Decimal(1)
    wert = wert.quantize(quant, rounding=ROUND_HALF_UP)
    vorzeichen = "-" if wert < 0 else ""
    ganz, _, bruch = f"{abs(wert):.{stellen}f}".partition(".")
    gruppen = []
    while len(ganz) > 3:
        gruppen.insert(0, ganz[-3:])
        ganz = ganz[:-3]
    gruppen.insert(0, ganz)
    text = ".".join(gruppen)
    return f"{vorzeichen}{text},{bruch}" if stellen else f"{vorzeichen}{text}"


def euro(betrag) -> str:
    """``Decimal("1234.5")`` → ``"1.234,50 €"`` (with a no-break space)."""
    if betrag is None or betrag == "":
        return ""
    return zahl_formatieren(betrag) + EURO_ZEICHEN


def betrag_maschinell(betrag) -> str:
    """Amount for machine-readable exports: dot as decimal separator, two places."""
    return f"{runden(betrag):.2f}"


_EINER = [
    "",
    "ein",
    "zwei",
    "drei",
    "vier",
    "fünf",
    "sechs",
    "sieben",
    "acht",
    "neun",
    "zehn",
    "elf",
    "zwölf",
    "dreizehn",
    "vierzehn",
    "fünfzehn",
    "sechzehn",
    "siebzehn",
    "achtzehn",
    "neunzehn",
]
_ZEHNER = [
    "",
    "",
    "zwanzig",
    "dreißig",
    "vierzig",
    "fünfzig",
    "sechzig",
    "siebzig",
    "achtzig",
    "neunzig",
]


def _unter_tausend(n: int) -> str:
    hunderter, rest = divmod(n, 100)
    text = f"{_EINER[hunderter]}hundert" if hunderter else ""
    if rest < 20:
        text += _EINER[rest]
    else:
        zehner, einer = divmod(rest, 10)
        text += (f"{_EINER[einer]}und" if einer else "") + _ZEHNER[zehner]
    return text


def zahl_in_worten(n: int) -> str:
    """Whole number in German words as written on notices: 68000 → ``achtundsechzigtausend``."""
    if n == 0:
        return "null"
    if n < 0:
        return "minus " + zahl_in_worten(-n)
    teile = []
    milliarden, rest = divmod(n, 1_000_000_000)
    millionen, rest = divmod(rest, 1_000_000)
    tausend, rest = divmod(rest, 1000)
    if milliarden:
        teile.append(_gross(milliarden, "eine Milliarde ", "Milliarden"))
    if millionen:
        teile.append(_gross(millionen, "eine Million ", "Millionen"))
    if tausend:
        teile.append(f"{_unter_tausend(tausend)}tausend")
    if rest:
        teile.append(_unter_tausend_mit_s(rest))
    return "".join(teile).strip()


def _gross(anzahl: int, eins: str, mehrzahl: str) -> str:
    """``2`` → ``zwei Millionen ``; Million and Milliarde are feminine: ``einhunderteine``."""
    if anzahl == 1:
        return eins
    if anzahl >= 1000:  # more than 999 Milliarden: beyond any amount column
        return f"{zahl_in_worten(anzahl)} {mehrzahl} "
    text = _unter_tausend(anzahl)
    return f"{text}e {mehrzahl} " if text.endswith("ein") else f"{text} {mehrzahl} "


def _unter_tausend_mit_s(n: int) -> str:
    text = _unter_tausend(n)
    return text + "s" if text.endswith("ein") else text


def betrag_in_worten(betrag) -> str:
    """``Decimal("68000.50")`` → ``achtundsechzigtausend Euro und fünfzig Cent``."""
    betrag = runden(betrag)
    euro_teil = int(betrag)
    cent = int((betrag - euro_teil) * 100)
    text = f"{zahl_in_worten(euro_teil)} Euro"
    if cent:
        text += f" und {zahl_in_worten(cent)} Cent"
    return text


class EuroFormField(forms.DecimalField):
    """Form field that accepts German amounts (``1.234,56``) and renders them so."""

    default_error_messages = {"invalid": _("Bitte geben Sie einen Betrag wie 1.234,56 ein.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("localize", True)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("inputmode", "decimal")

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        try:
            return betrag_parsen(str(value))
        except ValueError as exc:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from exc

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return zahl_formatieren(value)
        return value
